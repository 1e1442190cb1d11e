"""The conventions a ruff/flake8 user expects of ``gplint check``, end to end."""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gplint.output import Progress, Statistics, TextStyle, source_excerpt, use_colour
from gplint.model import Span

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
BROKEN = CORPUS / "002_bcc8f195f7d4f0d8.txt"   # default arithmetic errors
CLEAN = CORPUS / "001_98c801d9a8639466.txt"    # nothing at the default level
EXAMPLE = HERE.parent / "examples" / "mudanjiang-devzone-2024.txt"


def run(*args: str, cwd=None, env=None, input: bytes | None = None) -> subprocess.CompletedProcess:
    full = dict(os.environ, PYTHONIOENCODING="utf-8")
    full.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "gplint", *args], cwd=cwd, env=full, input=input,
                          capture_output=True, timeout=300)
    proc.out = proc.stdout.decode("utf-8", "replace")  # type: ignore[attr-defined]
    proc.err = proc.stderr.decode("utf-8", "replace")  # type: ignore[attr-defined]
    return proc


# ------------------------------------------------------------------ select / ignore
@pytest.mark.parametrize("flag, value, near", [
    ("--select", "Q999", None), ("--select", "A10l", "A101"), ("--ignore", "hygeine", "hygiene"),
    ("--select", "table-mising", "table-missing"), ("--select", "A1,Q", None),
])
def test_an_unknown_code_on_the_command_line_is_a_usage_error(flag, value, near):
    proc = run(flag, value, str(BROKEN))
    assert proc.returncode == 2, proc.err
    bad = value.split(",")[-1]
    assert f"{flag}: unknown rule code, prefix, name or category {bad!r}" in proc.err
    assert proc.out == ""  # nothing ran
    if near:
        assert re.search(rf"did you mean {near!r}", proc.err), proc.err


@pytest.mark.parametrize("key, text", [
    ("select", 'select = ["A10l"]'), ("ignore", 'ignore = ["T1", "Z"]'),
    ("per-file-ignores.*.txt", '[per-file-ignores]\n"*.txt" = ["A999x"]'),
])
def test_an_unknown_code_in_the_configuration_names_the_file_and_key(tmp_path, key, text):
    (tmp_path / "gplint.toml").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "r.txt").write_bytes(BROKEN.read_bytes())
    proc = run("r.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert f"gplint.toml: key '{key}': unknown rule code" in proc.err, proc.err


def test_known_codes_prefixes_names_and_categories_are_accepted():
    proc = run("--select", "A1,a10,table-missing,arithmetic,ALL", "--ignore", "E9", "--format", "json", str(BROKEN))
    assert proc.returncode == 1, proc.err
    assert json.loads(proc.out)


def test_unknown_configuration_key_suggests_the_right_one(tmp_path):
    (tmp_path / "gplint.toml").write_text('selct = ["A"]\n', encoding="utf-8")
    proc = run(str(BROKEN), cwd=tmp_path)
    assert proc.returncode == 2 and "did you mean 'select'?" in proc.err


# ------------------------------------------------------------------ exit codes and output
def test_version():
    import gplint

    proc = run("--version")
    assert proc.returncode == 0 and proc.out.strip() == f"gplint {gplint.__version__}"


def test_exit_zero_keeps_the_findings_but_exits_0():
    plain = run(str(BROKEN))
    zero = run("--exit-zero", str(BROKEN))
    assert plain.returncode == 1 and zero.returncode == 0
    assert zero.out == plain.out and zero.out


def test_output_file_gets_the_findings_in_utf8(tmp_path):
    target = tmp_path / "结果.json"
    proc = run("--format", "json", "-o", str(target), str(BROKEN))
    assert proc.returncode == 1 and proc.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))[0]["path"] == str(BROKEN)
    proc = run("-o", str(tmp_path / "no" / "such" / "dir.txt"), str(BROKEN))
    assert proc.returncode == 2 and "--output-file" in proc.err


def test_statistics_count_findings_by_code():
    proc = run("--statistics", "--format", "json", str(BROKEN))
    diags = json.loads(proc.out)  # the JSON stays valid: the table goes to stderr
    counts: dict = {}
    for d in diags:
        counts[d["code"]] = counts.get(d["code"], 0) + 1
    table = [line.split() for line in proc.err.splitlines() if re.match(r"\s*\d+\s+[A-Z]\d{3}\s", line)]
    assert {row[1]: int(row[0]) for row in table} == counts
    text = run("--statistics", str(BROKEN))
    assert re.search(r"^\s*\d+\s+A1\d\d\s+\S+\s+\(error\)$", text.out, re.M)


def test_show_source_marks_the_cell_under_chinese_text():
    proc = run("--show-source", "--select", "A101", str(EXAMPLE))
    lines = proc.out.splitlines()
    head = next(i for i, line in enumerate(lines) if " A101 " in line)
    line_no, col = (int(x) for x in re.match(r".*?:(\d+):(\d+): ", lines[head]).groups())
    source = EXAMPLE.read_text(encoding="utf-8").split("\n")[line_no - 1]
    shown, marks = lines[head + 1], lines[head + 2]
    assert shown.startswith(f"{line_no} | ")
    assert shown[len(f"{line_no} | "):] == _expand(source)
    # The caret sits under the character the column names, in screen cells.
    start = marks.index("^") - len(f"{line_no} | ")
    assert start == len(_expand(source[:col - 1])) + sum(_wide(ch) for ch in source[:col - 1])
    assert source[col - 1] == "1" and "总计" in source[:col - 1]


def _wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in ("W", "F")


def _expand(text: str) -> str:
    """Tabs to stops of 8 screen cells, a Chinese character taking two cells."""
    out, cell = "", 0
    for ch in text:
        if ch == "\t":
            out += " " * (8 - cell % 8)
            cell += 8 - cell % 8
        else:
            out += ch
            cell += 2 if _wide(ch) else 1
    return out


def test_source_excerpt_spans_wide_characters_and_tabs():
    lines = ["\t总计\t12"]
    out = source_excerpt(Span(1, 2, 1, 4), lines, TextStyle())
    assert out[0] == "1 |         总计    12"
    assert out[1] == "  |         ^^^^"  # 总计: two characters, four cells, after a tab (8 cells)


def test_colour_follows_the_terminal_and_no_color():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert use_colour("auto", Tty(), {}) is True
    assert use_colour("auto", Tty(), {"NO_COLOR": "1"}) is False
    assert use_colour("auto", io.StringIO(), {}) is False
    assert use_colour("auto", io.StringIO(), {"FORCE_COLOR": "1"}) is True
    assert use_colour("auto", Tty(), {"TERM": "dumb"}) is False
    assert use_colour("always", io.StringIO(), {"NO_COLOR": "1"}) is True
    assert use_colour("never", Tty(), {}) is False
    coloured = run("--color", "always", str(BROKEN))
    plain = run(str(BROKEN))  # a pipe: no colour
    assert "\x1b[" in coloured.out and "\x1b[" not in plain.out
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.out) == plain.out


def test_progress_bar_only_on_a_terminal_and_only_once_a_run_is_long():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert Progress.wanted(Tty(), False, 100, {}) and not Progress.wanted(io.StringIO(), False, 100, {})
    assert not Progress.wanted(Tty(), True, 100, {}) and not Progress.wanted(Tty(), False, 100, {"CI": "true"})
    now = [0.0]
    stream = Tty()
    bar = Progress(4, stream, clock=lambda: now[0])
    seen = []
    for item in bar.watch(range(4)):
        seen.append(item)
        if item == 0:
            assert stream.getvalue() == ""  # not drawn in the first half second
        now[0] += 0.4
    assert seen == [0, 1, 2, 3]
    drawn = stream.getvalue()
    assert "3/4" in drawn and "4/4" in drawn and drawn.endswith("\r\x1b[K")  # cleared at the end


def test_statistics_render_sorted_by_count():
    class D:
        def __init__(self, code):
            self.code, self.name, self.severity = code, "n" + code, "error"

    class R:
        def __init__(self, codes):
            self.diagnostics = [D(c) for c in codes]

    stats = Statistics()
    list(stats.watch([R(["B1", "A1"]), R(["B1"])]))
    assert stats.render() == "2  B1  nB1  (error)\n1  A1  nA1  (error)\n"


def test_a_crash_exits_3_not_1(tmp_path):
    sys.path.insert(0, str(HERE))
    from saboteur_plugin import PLUGIN  # a rule that raises on RAISENOW

    (tmp_path / "saboteur.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "gplint.toml").write_text('plugins = ["saboteur.py"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(CLEAN.read_bytes() + b"\nRAISENOW\n")
    proc = run("--format", "json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2, proc.err
    assert any(d["code"] == "E900" for d in json.loads(proc.out))  # the findings are still written


def test_a_stream_that_cannot_encode_chinese_is_no_crash():
    proc = run(str(BROKEN), env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1, proc.err
    assert "Traceback" not in proc.err and re.search(r":\d+:\d+: error A1\d\d \\u", proc.out)


def test_an_unexpected_exception_exits_3(monkeypatch, capsys):
    from gplint import cli

    def boom(argv):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(cli, "cmd_rules", boom)
    assert cli.main(["rules"]) == 2
    assert "internal error: RuntimeError: kaputt" in capsys.readouterr().err
