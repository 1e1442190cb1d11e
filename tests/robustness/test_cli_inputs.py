"""The real ``gplint`` command on bad and big inputs: one bad file never stops the others,
the exit code says what happened, inputs are never written, output is deterministic.

Sizes are kept small enough for CI; ``bench/long_line.py`` times the 1 MB line and the
50 MB file.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "layouts"))
from strategies import LAYOUTS, make_data, render  # noqa: E402

GPLINT = [sys.executable, "-m", "gplint"]


def _run(*args: str, cwd=None, timeout=600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(GPLINT + list(args), capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env)


def _small_report(i: int) -> str:
    leaves = {f"R{r:02d}": tuple((i + r + c) % 3 for c in range(6)) for r in range(3, 24)}
    d = make_data(leaves, [0] * 6, [i % 2] * 6, {b: (i % 4, 0, 1, 0) for b in ("review", "direct", "after_review")},
                  {k: i % 7 for k in ("rules.issued", "rules.repealed", "rules.in_force", "norm.issued",
                                      "norm.repealed", "norm.in_force", "licensing", "penalty", "coercion", "fees")})
    return render(d, LAYOUTS[i % len(LAYOUTS)])[0]


def _digest(folder: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            try:
                data = p.read_bytes()
            except PermissionError:
                data = b"<unreadable>"
            out[str(p)] = (hashlib.sha256(data).hexdigest(), st.st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """1,000 report files (every layout), one of them unreadable (chmod 000)."""
    root = tmp_path_factory.mktemp("many")
    for i in range(1000):
        (root / f"r{i:04d}.txt").write_text(_small_report(i), encoding="utf-8")
    bad = root / "r0500.txt"
    bad.chmod(0)
    yield root
    bad.chmod(0o644)


def test_thousand_files_one_unreadable(many):
    before = _digest(many)
    res = _run("--format", "jsonl", "--jobs", "2", "-q", str(many))
    assert res.returncode in (0, 1), res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert not any(r["code"] == "E900" for r in rows), [r for r in rows if r["code"] == "E900"][:3]
    bad = str(many / "r0500.txt")
    blocked = not os.access(bad, os.R_OK)  # root reads a chmod-000 file anyway
    e001 = [r for r in rows if r["code"] == "E001"]
    if blocked:
        assert [r["path"] for r in e001] == [bad]
        assert res.returncode == 1  # the unreadable file is an error finding
    else:
        assert e001 == []
    # Every other file was linted: consistent reports, so no arithmetic finding anywhere.
    assert not [r for r in rows if r["category"] == "arithmetic" and r["severity"] == "error"]
    assert _digest(many) == before  # nothing written, not even a timestamp


def test_jobs_1_and_2_same_output(tmp_path):
    for i in range(24):
        text = _small_report(i)
        if i % 5 == 0:  # some findings to order
            text = text.replace("行政许可", "行政许可", 1).replace("\n0\n", "\n7\n", 1)
        (tmp_path / f"f{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "f99.txt").write_bytes(b"\x00\x01binary")
    before = _digest(tmp_path)
    one = _run("--format", "json", "--jobs", "1", "-q", str(tmp_path))
    two = _run("--format", "json", "--jobs", "2", "-q", str(tmp_path))
    again = _run("--format", "json", "--jobs", "2", "-q", str(tmp_path))
    assert one.returncode == two.returncode == again.returncode
    assert one.stdout == two.stdout == again.stdout
    assert json.loads(one.stdout)
    assert _digest(tmp_path) == before


def test_missing_and_deleted_files(tmp_path):
    """A path that vanished between listing and reading is a finding on that path; the run
    goes on (the runner lists a directory, then reads each file)."""
    from gplint.engine import LintOptions
    from gplint.plugins import build_registry
    from gplint.runner import discover, run

    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(_small_report(i), encoding="utf-8")
    files = list(discover([str(tmp_path)]))
    os.remove(files[2])
    results = list(run(files, build_registry(), LintOptions(), jobs=1))
    assert [r.path for r in results] == files
    assert results[2].error and results[2].diagnostics[0].code == "E001"
    assert all(r.error is None for i, r in enumerate(results) if i != 2)
    res = _run(str(tmp_path), str(tmp_path / "nope.txt"), "-q", "--format", "jsonl")
    assert res.returncode == 1
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["code"] for r in rows if r["path"].endswith("nope.txt")] == ["E001"]


def test_big_file_and_long_line(tmp_path):
    """A multi-megabyte file and a long line with no newline end in findings, not a crash
    (bench/long_line.py measures the 1 MB line and the 50 MB file)."""
    report = _small_report(3)
    big = tmp_path / "big.txt"
    big.write_text(report * 200, encoding="utf-8")  # ~2 MB, tables repeated
    line = tmp_path / "line.txt"
    line.write_text(("第二十条规章000结果维持" + "发布信息123条，" * 20) * 600, encoding="utf-8")  # ~200 KB, one line
    flat = tmp_path / "flat.txt"
    flat.write_text(render(make_data({f"R{r:02d}": (1, 0, 0, 0, 0, 0) for r in range(3, 24)}, [0] * 6, [0] * 6,
                                     {b: (0, 0, 0, 0) for b in ("review", "direct", "after_review")},
                                     {k: 0 for k in ("rules.issued", "rules.repealed", "rules.in_force",
                                                     "norm.issued", "norm.repealed", "norm.in_force",
                                                     "licensing", "penalty", "coercion", "fees")}),
                           "nosep")[0].rstrip("\n") * 30, encoding="utf-8")
    before = _digest(tmp_path)
    res = _run("--format", "jsonl", "-q", "--jobs", "1", str(big), str(line), str(flat))
    assert res.returncode in (0, 1), res.stderr
    assert "Traceback" not in res.stderr
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert not any(r["code"] == "E900" for r in rows)
    assert _digest(tmp_path) == before


def test_directory_and_binary_and_empty(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 BOM, broken surrogate
    res = _run("--format", "jsonl", "-q", str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"),
               str(tmp_path / "bad.txt"))
    assert res.returncode == 1
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    by = {Path(r["path"]).name: r["code"] for r in rows}
    assert by == {"empty.txt": "E003", "bin.txt": "E002", "bad.txt": "E002"}, rows
    assert "Traceback" not in res.stderr


def test_a_50_mb_file_is_refused_at_once_with_a_clear_message_and_the_run_goes_on(tmp_path):
    """A 50 MB file is no annual report: a clear E001 naming the limit, not minutes of work."""
    import json as _json
    import subprocess as _sp
    import sys as _sys

    big = tmp_path / "big.txt"
    chunk = ("一、总体情况\n" + "本机关主动公开政府信息120条。" * 40 + "\n").encode("utf-8")
    with open(big, "wb") as fh:
        for _ in range((50 * 1024 * 1024) // len(chunk) + 1):
            fh.write(chunk)
    good = tmp_path / "good.txt"
    good.write_bytes((Path(__file__).parent.parent / "corpus" / "001_98c801d9a8639466.txt").read_bytes())
    proc = _sp.run([_sys.executable, "-m", "gplint", "--format", "json", "--jobs", "1", str(big), str(good)],
                   capture_output=True, timeout=120)
    diags = _json.loads(proc.stdout)
    on_big = [d for d in diags if d["path"].endswith("big.txt")]
    assert [d["code"] for d in on_big] == ["E001"] and "too large" in on_big[0]["message"]
    assert "--max-size" in on_big[0]["message"]
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    # The same input through stdin is refused the same way.
    with open(big, "rb") as fh:
        piped = _sp.run([_sys.executable, "-m", "gplint", "--format", "json", "-"], stdin=fh, capture_output=True, timeout=120)
    assert [d["code"] for d in _json.loads(piped.stdout)] == ["E001"]
