"""The command line end to end: dump, bad input, exit codes. Runs the real `gplint`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
GPLINT = [sys.executable, "-m", "gplint"]


def run(*args: str, input: bytes | None = None, cwd: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(GPLINT + list(args), capture_output=True, input=input, cwd=cwd, timeout=120)


def test_dump_shape():
    proc = run("dump", str(CORPUS / "001_98c801d9a8639466.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["year"] == 2024
    assert data["sections"]["S4"] == {"line": 533, "title": "四、政府信息公开行政复议、行政诉讼情况",
                                      "numeral": "四", "standard": True}
    assert set(data["t2"]) == {"rules.issued", "rules.repealed", "rules.in_force", "norm.issued", "norm.repealed",
                               "norm.in_force", "licensing", "penalty", "coercion", "fees"}
    assert data["t2"]["licensing"] == 39
    assert list(data["t3"]) == [f"R{i:02d}" for i in range(1, 26)]
    assert data["t3"]["R24"] == {"C1": 2, "C2": 0, "C3": 0, "C4": 0, "C5": 0, "C6": 0, "C7": 2}
    assert set(data["t4"]) == {"review", "direct", "after_review"}
    assert data["t4"]["review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}


def test_dump_missing_section_and_fee_decimal():
    data = json.loads(run("dump", str(CORPUS / "000_dcefddf45f2ae57e.txt")).stdout)
    assert data["sections"]["S4"] is None
    data = json.loads(run("dump", str(CORPUS / "kiro_shuyang-county-2025_ocr-markdown.txt")).stdout)
    assert data["t2"]["fees"] == 4068.208


def test_dump_not_a_report_has_null_tables(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("今天天气很好。\n明天见。\n", encoding="utf-8")
    data = json.loads(run("dump", str(f)).stdout)
    assert data["t2"] is None and data["t3"] is None and data["t4"] is None
    assert all(v is None for v in data["sections"].values())


def test_bad_inputs_each_get_one_clear_message_and_others_still_linted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes((CORPUS / "003_40d59da40b55d807.txt").read_bytes())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    gb = tmp_path / "gb18030.txt"
    gb.write_bytes((CORPUS / "002_bcc8f195f7d4f0d8.txt").read_text(encoding="utf-8").encode("gb18030"))
    notreport = tmp_path / "notreport.txt"
    notreport.write_text("会议纪要\n\n大家讨论了食堂的菜单。\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    proc = run("--format", "json", "--jobs", "1", str(missing), str(empty), str(binary), str(gb), str(notreport), str(good))
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    diags = json.loads(proc.stdout)
    by_file: dict[str, list[str]] = {}
    for d in diags:
        by_file.setdefault(Path(d["path"]).name, []).append(d["code"])
    assert by_file["missing.txt"] == ["E001"]
    assert by_file["empty.txt"] == ["E003"]
    assert by_file["binary.txt"] == ["E002"]
    assert by_file["notreport.txt"] == ["E004"]
    # The GB18030 file decodes and is linted like its UTF-8 original.
    utf8 = json.loads(run("--format", "json", str(CORPUS / "002_bcc8f195f7d4f0d8.txt")).stdout)
    assert sorted(d["code"] for d in diags if d["path"].endswith("gb18030.txt")) == sorted(d["code"] for d in utf8)
    for d in diags:
        if d["code"].startswith("E"):
            assert d["line"] >= 1 and d["message"]


def test_directory_is_walked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_bytes((CORPUS / "001_98c801d9a8639466.txt").read_bytes())
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    proc = run("--format", "json", str(tmp_path))
    assert proc.returncode in (0, 1), proc.stderr
    paths = {Path(d["path"]).name for d in json.loads(proc.stdout)}
    assert "image.png" not in paths


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("--rules", "nonsense", str(CORPUS / "001_98c801d9a8639466.txt")).returncode == 2
    assert run("--format", "nonsense", str(CORPUS / "001_98c801d9a8639466.txt")).returncode == 2
    proc = run("dump", "/nonexistent/file.txt")
    assert proc.returncode == 2 and b"no such file" in proc.stderr


def test_stdin():
    data = (CORPUS / "001_98c801d9a8639466.txt").read_bytes()
    proc = run("--format", "json", "-", input=data)
    assert proc.returncode in (0, 1), proc.stderr
    assert isinstance(json.loads(proc.stdout), list)


def test_directory_walk_skips_readme_but_an_explicit_readme_is_linted(tmp_path):
    (tmp_path / "README.md").write_text("# 本目录\n\n各单位年度报告。\n", encoding="utf-8")
    (tmp_path / "r.txt").write_bytes((CORPUS / "001_98c801d9a8639466.txt").read_bytes())
    walked = json.loads(run("--format", "json", str(tmp_path)).stdout)
    assert not any(d["path"].endswith("README.md") for d in walked)
    explicit = json.loads(run("--format", "json", str(tmp_path / "README.md")).stdout)
    assert [d["code"] for d in explicit] == ["E004"]


@pytest.mark.parametrize("flag, value", [
    ("--max-size", "-1"), ("--max-size", "0"), ("--max-size", "nan"), ("--year", "99999"), ("--year", "24"),
    ("--timeout", "-1"), ("--timeout", "nan"), ("--timeout", "inf"), ("--timeout", "1e10"),
])
def test_nonsensical_limits_are_usage_errors(flag, value, capsys):
    from gplint.cli import main

    assert main([flag, value, str(CORPUS / "001_98c801d9a8639466.txt")]) == 2
    err = capsys.readouterr().err
    assert flag in err and "Traceback" not in err


@pytest.mark.parametrize("given, limit", [(None, 60.0), ("2.5", 2.5), ("0", None)])
def test_timeout_reaches_the_options(given, limit):
    """The command line gives every file 60 s by default; --timeout 0 removes the limit."""
    from gplint.cli import _check_parser
    from gplint.config import resolve_options

    argv = ([] if given is None else ["--timeout", given]) + [str(CORPUS / "001_98c801d9a8639466.txt")]
    settings = resolve_options(_check_parser().parse_args(argv))
    assert settings.options_for(argv[-1]).timeout == limit


def test_a_hanging_file_is_given_up_on_the_command_line_and_from_stdin(tmp_path):
    """E901 after --timeout for a file and for stdin; the other file is still linted.
    The limit can come from the configuration too."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from saboteur_plugin import PLUGIN  # a rule that never returns on HANGNOW

    (tmp_path / "saboteur.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "gplint.toml").write_text('plugins = ["saboteur.py"]\nselect = ["Z999", "E"]\ntimeout = 0.5\n',
                                          encoding="utf-8")
    good = (CORPUS / "001_98c801d9a8639466.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(good)
    (tmp_path / "b.txt").write_bytes(good + "\nHANGNOW\n".encode())
    for jobs in ("1", "2"):
        proc = run("--format", "json", "--jobs", jobs, "a.txt", "b.txt", cwd=str(tmp_path))
        assert proc.returncode == 1, proc.stderr
        found = json.loads(proc.stdout)
        assert [(d["path"], d["code"]) for d in found] == [("b.txt", "E901")]
    proc = run("--format", "json", "--timeout", "0.5", "--stdin-filename", "b.txt", "-",
               input=good + "\nHANGNOW\n".encode(), cwd=str(tmp_path))
    assert [d["code"] for d in json.loads(proc.stdout)] == ["E901"]


def test_timeout_in_the_configuration_is_checked(tmp_path):
    (tmp_path / "gplint.toml").write_text("timeout = -3\n", encoding="utf-8")
    proc = run(str(CORPUS / "001_98c801d9a8639466.txt"), cwd=str(tmp_path))
    assert proc.returncode == 2 and b"timeout" in proc.stderr and b"Traceback" not in proc.stderr
