"""The result cache: unchanged files are not linted again; anything that could change a
result (the file, the options, the code, a plugin) makes a new entry."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gplint.cache import ResultCache, decode, encode
from gplint.engine import FileResult, LintOptions, lint_file
from gplint.plugins import build_registry

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
BROKEN = CORPUS / "002_bcc8f195f7d4f0d8.txt"
CLEAN = CORPUS / "001_98c801d9a8639466.txt"


def run(*args: str, cwd, cache_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", GPLINT_CACHE_DIR=str(cache_dir), GPLINT_NO_CACHE="")
    proc = subprocess.run([sys.executable, "-m", "gplint", *args], cwd=cwd, env=env, capture_output=True, timeout=300)
    proc.out = proc.stdout.decode("utf-8")  # type: ignore[attr-defined]
    proc.err = proc.stderr.decode("utf-8")  # type: ignore[attr-defined]
    return proc


def _from_cache(proc) -> int:
    m = re.search(r"(\d+) unchanged file\(s\) taken from the cache", proc.err)
    return int(m.group(1)) if m else 0


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("v*/*/*.json"))


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    work = tmp_path / "reports"
    work.mkdir()
    (work / "broken.txt").write_bytes(BROKEN.read_bytes())
    (work / "clean.txt").write_bytes(CLEAN.read_bytes())
    (work / "empty.txt").write_bytes(b"")
    return work


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_second_run_takes_unchanged_files_from_the_cache_with_the_same_output(reports, tmp_path, jobs):
    cache = tmp_path / "cache"
    first = run("--jobs", jobs, "--format", "json", ".", cwd=reports, cache_dir=cache)
    assert first.returncode == 1 and _from_cache(first) == 0
    assert len(_entries(cache)) == 3
    second = run("--jobs", jobs, "--format", "json", ".", cwd=reports, cache_dir=cache)
    assert _from_cache(second) == 3
    assert second.out == first.out and second.returncode == first.returncode
    sarif = [run("--format", "sarif", ".", cwd=reports, cache_dir=cache).out for _ in range(2)]
    assert json.loads(sarif[0])["runs"][0]["results"] == json.loads(sarif[1])["runs"][0]["results"]


def test_the_cache_is_really_read(reports, tmp_path):
    """An entry altered behind gplint's back is what the next run reports: the run did
    not lint the file again (this is the saving, made visible)."""
    cache = tmp_path / "cache"
    run("--format", "json", "clean.txt", cwd=reports, cache_dir=cache)
    (entry,) = _entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert data["diagnostics"] == []
    forged = encode(FileResult("x", lint_file(str(BROKEN), build_registry(), LintOptions()).diagnostics))
    entry.write_text(json.dumps(forged), encoding="utf-8")
    proc = run("--format", "json", "clean.txt", cwd=reports, cache_dir=cache)
    assert [d["path"] for d in json.loads(proc.out)] and {d["path"] for d in json.loads(proc.out)} == {"clean.txt"}
    # --no-cache neither reads nor writes it.
    proc = run("--no-cache", "--format", "json", "clean.txt", cwd=reports, cache_dir=cache)
    assert json.loads(proc.out) == [] and _from_cache(proc) == 0


def test_what_changes_a_result_changes_the_key(reports, tmp_path):
    cache = tmp_path / "cache"
    run(".", cwd=reports, cache_dir=cache)
    assert len(_entries(cache)) == 3
    # The file's content.
    (reports / "clean.txt").write_bytes(CLEAN.read_bytes() + "\n补充说明。\n".encode())
    proc = run(".", cwd=reports, cache_dir=cache)
    assert _from_cache(proc) == 2
    # Options that choose the rules.
    proc = run("--rules", "strict", ".", cwd=reports, cache_dir=cache)
    assert _from_cache(proc) == 0
    proc = run("--select", "A", ".", cwd=reports, cache_dir=cache)
    assert _from_cache(proc) == 0
    # A damaged entry is a miss, not an error.
    for e in _entries(cache):
        e.write_text("{not json", encoding="utf-8")
    proc = run(".", cwd=reports, cache_dir=cache)
    assert proc.returncode == 1 and _from_cache(proc) == 0 and "Traceback" not in proc.err


def test_an_edited_local_plugin_invalidates_the_cache(tmp_path):
    work = tmp_path / "w"
    work.mkdir()
    (work / "r.txt").write_bytes(CLEAN.read_bytes())
    plugin = work / "mine.py"
    rule = '''
import gplint
from gplint import Rule, Span

class Mine(Rule):
    """Flags every report.

    What it checks:
        Nothing useful.

    Why:
        Tests.

    Bad:
        一、总体情况

    Good:
        无
    """
    code = "X801"
    name = "mine"
    category = "hygiene"
    severity = "error"

    def check(self, report, options):
        return [self.diag("MESSAGE", Span(1))]

@gplint.hookimpl
def gplint_rules():
    return [Mine]
'''
    plugin.write_text(rule.replace("MESSAGE", "first"), encoding="utf-8")
    (work / "gplint.toml").write_text('plugins = ["mine.py"]\nselect = ["X801"]\n', encoding="utf-8")
    cache = tmp_path / "cache"
    assert "first" in run("r.txt", cwd=work, cache_dir=cache).out
    plugin.write_text(rule.replace("MESSAGE", "second"), encoding="utf-8")
    os.utime(plugin, ns=(plugin.stat().st_atime_ns, plugin.stat().st_mtime_ns + 10**9))
    proc = run("r.txt", cwd=work, cache_dir=cache)
    assert "second" in proc.out and _from_cache(proc) == 0


def test_crashes_and_timeouts_are_never_stored(tmp_path):
    registry = build_registry()
    cache = ResultCache(str(tmp_path), registry)
    from gplint.engine import E_INTERNAL, input_diagnostic

    crashed = FileResult("a.txt", [input_diagnostic(E_INTERNAL, "boom", "a.txt")], error="boom")
    cache.put("ab" * 32, crashed)
    assert cache.get("ab" * 32, "a.txt") is None and cache.stored == 0


def test_entries_round_trip_every_field():
    res = lint_file(str(BROKEN), build_registry(), LintOptions(profile="strict"))
    back = decode(json.loads(json.dumps(encode(res))), res.path)
    assert [d.to_dict() for d in back.diagnostics] == [d.to_dict() for d in res.diagnostics]
    assert any(d.related for d in back.diagnostics)
    assert [d.sort_key() for d in back.diagnostics] == [d.sort_key() for d in res.diagnostics]
