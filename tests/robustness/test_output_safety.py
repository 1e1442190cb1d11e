"""What gplint prints is safe whatever the report or its name holds (issue 16, items 3,
11 and 12): control characters and line separators never reach text or github output raw;
a file name that is not UTF-8 gives valid UTF-8 in every format, reversibly in JSON and
SARIF; broken configuration and baseline files are usage errors, not tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest

from gplint.diagnostics import Diagnostic
from gplint.engine import FileResult
from gplint.formatters import format_json, format_jsonl, format_text
from gplint.formatters.github import format_github
from gplint.formatters.sarif import format_sarif
from gplint.model import Span
from gplint.safe_text import for_display, json_safe

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REPORT = (CORPUS / "001_98c801d9a8639466.txt").read_bytes()
NASTY = "a\x1b]0;pwned\x07b\x00c\u2028d\x85e\nf\rg\u202eh\x7f"
LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e")


def _result(path: str, message: str) -> list[FileResult]:
    d = Diagnostic("H103", "web-page-chrome", "hygiene", "info", message, Span(3, 1), path=path)
    return [FileResult(path, [d])]


@pytest.mark.parametrize("formatter", [format_text, format_github])
def test_text_and_github_escape_control_characters_and_separators(formatter):
    """Before: ESC, BEL, NUL, U+2028 and NEL of a report reached the terminal raw."""
    out = formatter(_result("dir/x" + NASTY + ".txt", "quoted " + NASTY), {})
    body = out[:-1]  # one finding: one line, ended by its newline
    assert not any(ch in body for ch in LINE_BREAKS), repr(out)
    assert not any(ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0 for ch in body), repr(out)
    assert "\u202e" not in body
    assert "\\x1b" in body and "\\x07" in body and "\\x00" in body and "\\u2028" in body and "\\x85" in body


def test_display_keeps_ordinary_text_and_shows_undecodable_bytes_as_bytes():
    assert for_display("第1行\t（一）") == "第1行\t（一）"
    assert for_display(os.fsdecode(b"bad\xff.txt")) == "bad\\xff.txt"


def test_json_safe_is_the_same_json_value_in_utf8():
    value = {"path": os.fsdecode(b"a\\\xfe\xff\\.txt"), "m": "\udcff\\"}
    text = json_safe(json.dumps(value, ensure_ascii=False))
    text.encode("utf-8")
    assert json.loads(text) == value
    assert os.fsencode(json.loads(text)["path"]) == b"a\\\xfe\xff\\.txt"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "gplint", *args], cwd=str(cwd), env=env, capture_output=True,
                          timeout=300)


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes")
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "github", "sarif"])
def test_a_file_name_that_is_not_utf8_gives_valid_output(tmp_path, fmt):
    """Before: sarif a traceback and no output; the others invalid UTF-8."""
    raw = b"bad\xff\xfe name.txt"
    with open(os.path.join(os.fsencode(str(tmp_path)), raw), "wb") as fh:
        fh.write(REPORT)
    proc = _cli("--select", "ALL", "--format", fmt, ".", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout and b"Traceback" not in proc.stderr, proc.stderr
    out = proc.stdout.decode("utf-8")  # strict: valid UTF-8
    if fmt in ("text", "github"):
        assert "bad\\xff\\xfe name.txt" in out
    elif fmt == "json":
        assert {os.fsencode(d["path"]) for d in json.loads(out)} == {b"./" + raw}
    elif fmt == "jsonl":
        assert {os.fsencode(json.loads(line)["path"]) for line in out.splitlines()} == {b"./" + raw}
    else:
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(out)["runs"][0]["results"] for loc in r["locations"]}
        assert {unquote_to_bytes(u) for u in uris} == {raw}


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes")
def test_a_baseline_with_a_name_that_is_not_utf8_is_written_and_read_back(tmp_path):
    """Before: a traceback, and a stray .tmp file beside the baseline."""
    with open(os.path.join(os.fsencode(str(tmp_path)), b"r\xff.txt"), "wb") as fh:
        fh.write(REPORT)
    wrote = _cli("--select", "ALL", "--write-baseline", "base.json", ".", cwd=tmp_path)
    assert wrote.returncode == 0 and b"Traceback" not in wrote.stderr, wrote.stderr
    assert not (tmp_path / "base.json.tmp").exists()
    (tmp_path / "base.json").read_text(encoding="utf-8")
    again = _cli("--select", "ALL", "--baseline", "base.json", ".", cwd=tmp_path)
    assert again.returncode == 0 and b"0 error(s), 0 warning(s), 0 info" in again.stderr, again.stderr


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path):
    (tmp_path / "two\nlines.txt").write_bytes(REPORT)
    proc = _cli("--select", "ALL", ".", cwd=tmp_path)
    lines = proc.stdout.decode("utf-8").splitlines()
    assert lines and all(line.startswith("./two\\nlines.txt:") for line in lines), lines


@pytest.mark.parametrize("content, says", [
    (b'select = ["E"]\nx = "\xff"\n', b"not UTF-8 (byte 20, line 2)"),
    (b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", b"nested too deep"),
])
def test_a_broken_configuration_is_a_usage_error(tmp_path, content, says):
    """Before: non-UTF-8 TOML gave a traceback and exit 1."""
    (tmp_path / "gplint.toml").write_bytes(content)
    (tmp_path / "a.txt").write_bytes(REPORT)
    proc = _cli("a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and says in proc.stderr and b"Traceback" not in proc.stderr, proc.stderr


def test_a_baseline_nested_too_deep_is_a_usage_error(tmp_path):
    """Before: RecursionError traceback, exit 1."""
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(REPORT)
    proc = _cli("--baseline", "deep.json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and b"nested too deep" in proc.stderr and b"Traceback" not in proc.stderr


def test_jobs_is_capped_at_the_cores_and_the_files(tmp_path, monkeypatch):
    """Before: --jobs 128 forked 128 workers on 2 cores."""
    import gplint.runner as runner
    from gplint.cli import main

    seen = []

    def fake_run(paths, registry, options, jobs=1, plugin_paths=(), isolate=False):
        seen.append((len(paths), jobs, isolate))
        return iter(())

    monkeypatch.setattr(runner, "run", fake_run)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_bytes(REPORT)
    monkeypatch.chdir(tmp_path)
    main(["--jobs", "128", "-q", "."])
    assert seen == [(3, min(runner.default_jobs(), 128), True)]


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes")
def test_dump_of_a_file_whose_name_is_not_utf8(tmp_path):
    raw = b"r\xff.txt"
    with open(os.path.join(os.fsencode(str(tmp_path)), raw), "wb") as fh:
        fh.write(REPORT)
    proc = subprocess.run([sys.executable, "-m", "gplint", "dump", os.fsdecode(raw)], cwd=str(tmp_path),
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert os.fsencode(json.loads(proc.stdout.decode("utf-8"))["path"]) == raw
