"""Editor integrations read gplint's real text output: VS Code, Vim (run for real), Emacs."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ._util import ROOT, gplint

EDITORS = ROOT / "editors"
DOCS = ROOT / "docs" / "integrations.md"

# A local rule whose messages contain ":" (and even something that looks like a location),
# so a matcher that splits on the wrong colon fails.
COLON_RULE = '''
import gplint
from gplint import Rule, Span


class Colon(Rule):
    """Messages with colons.

    What it checks:
        Nothing real: it exists to exercise editor problem matchers.
    """

    code = "X951"
    name = "colon-message"
    category = "hygiene"
    severity = "warning"

    def check(self, report, options):
        yield self.diag("合计: 1 + 2 = 3, 表中为 4 (see 7:8: error A101 x)", Span(2, 3, 2, 5))
        yield self.diag("说明：全角冒号", Span(4, 1, 4, 2), severity="info")
        yield self.diag("plain", Span(6, 10, 6, 12), severity="error")


@gplint.hookimpl
def gplint_rules():
    return [Colon]
'''

EXPECTED = [  # (line, column, severity, code, message)
    (2, 3, "warning", "X951", "合计: 1 + 2 = 3, 表中为 4 (see 7:8: error A101 x)"),
    (4, 1, "info", "X951", "说明：全角冒号"),
    (6, 10, "error", "X951", "plain"),
]
NAME = "年报 目录/报告: 2024 年.txt"


@pytest.fixture
def output(tmp_path: Path) -> tuple[Path, str]:
    """Real ``gplint`` text output for a file whose path has Chinese, spaces and a colon."""
    (tmp_path / "colon_rule.py").write_text(COLON_RULE, encoding="utf-8")
    (tmp_path / "gplint.toml").write_text('plugins = ["colon_rule.py"]\nselect = ["X951"]\n', encoding="utf-8")
    report = tmp_path / NAME
    report.parent.mkdir()
    report.write_text("一、总体情况\n本年度主动公开信息120条。\n" * 4, encoding="utf-8")
    proc = gplint(NAME, cwd=tmp_path)
    assert proc.returncode == 1, proc.err
    assert len(proc.out.splitlines()) == 3
    return tmp_path, proc.out


def _check_matches(regex: re.Pattern, out: str, groups: dict[str, int]) -> None:
    got = []
    for line in out.splitlines():
        m = regex.match(line)
        assert m, f"no match: {line!r}"
        got.append((m.group(groups["file"]), int(m.group(groups["line"])), int(m.group(groups["column"])),
                    m.group(groups["severity"]), m.group(groups["code"]), m.group(groups["message"])))
    assert got == [(NAME, *e) for e in EXPECTED]


def _strip_jsonc(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def test_vscode_problem_matcher(output):
    _, out = output
    manifest = json.loads((EDITORS / "vscode" / "package.json").read_text(encoding="utf-8"))
    [matcher] = manifest["contributes"]["problemMatchers"]
    pattern = matcher["pattern"]
    # VS Code regexps are JavaScript; this one uses only syntax Python reads the same way.
    regex = re.compile(pattern["regexp"])
    _check_matches(regex, out, pattern)
    tasks = json.loads(_strip_jsonc((EDITORS / "vscode" / "tasks.json").read_text(encoding="utf-8")))
    inline = tasks["tasks"][0]["problemMatcher"]["pattern"]
    assert inline["regexp"] == pattern["regexp"]
    assert tasks["tasks"][1]["problemMatcher"] == "$" + matcher["name"]
    assert pattern["regexp"] in DOCS.read_text(encoding="utf-8").replace("\\\\", "\\")


def _vim_errorformat() -> str:
    text = (EDITORS / "vim" / "gplint.vim").read_text(encoding="utf-8")
    [line] = [l for l in text.splitlines() if l.startswith("setlocal errorformat=")]
    efm = line.split("=", 1)[1]
    assert efm in DOCS.read_text(encoding="utf-8")
    return efm


def test_vim_errorformat_with_real_vim(output, tmp_path: Path):
    efm = _vim_errorformat()
    vim = shutil.which("vim")
    if vim is None:
        pytest.skip("vim is not installed")
    root, out = output
    (root / "out.txt").write_text(out, encoding="utf-8")
    script = root / "qf.vim"
    script.write_text(
        "set encoding=utf-8\nset nocompatible\n"
        f"set errorformat={efm}\n"
        "cgetfile out.txt\n"
        "call writefile([json_encode(map(getqflist(), {_, v -> [bufname(v.bufnr), v.lnum, v.col, v.type, v.text, v.valid]}))], 'qf.json')\n"
        "qall!\n", encoding="utf-8")
    proc = subprocess.run([vim, "-Nu", "NONE", "-i", "NONE", "-es", "-S", str(script)], cwd=root,
                          capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
    assert (root / "qf.json").exists(), proc.stderr
    items = json.loads((root / "qf.json").read_text(encoding="utf-8"))
    # Vim's %t keeps the letter as written: e / w / i.
    assert items == [[NAME, line, col, sev[0], f"{code} {msg}", 1] for line, col, sev, code, msg in EXPECTED]


def _emacs_to_python(rx: str) -> str:
    """Translate the Emacs regexp syntax the pattern uses into Python's."""
    out = rx.replace("\\(?:", "(?:").replace("\\(", "(").replace("\\)", ")").replace("\\|", "|")
    return re.sub(r"\\\{(\d+)\\\}", r"{\1}", out)


def test_emacs_compilation_regexp(output):
    el = (EDITORS / "emacs" / "gplint.el").read_text(encoding="utf-8")
    m = re.search(r"'\(gplint\s+\"((?:[^\"\\]|\\.)*)\"\s+1 2 3 \(5 \. 6\)\)", el)
    assert m, "gplint entry not found in gplint.el"
    rx_emacs = m.group(1).replace("\\\\", "\\")  # elisp string literal -> regexp
    assert m.group(1) in DOCS.read_text(encoding="utf-8")
    regex = re.compile(_emacs_to_python(rx_emacs))
    _, out = output
    for line, (ln, col, sev, code, _msg) in zip(out.splitlines(), EXPECTED):
        mm = regex.match(line)
        assert mm, line
        assert (mm.group(1), int(mm.group(2)), int(mm.group(3)), mm.group(7)) == (NAME, ln, col, code)
        # Emacs TYPE (5 . 6): group 5 set -> warning, group 6 set -> info, else error.
        kind = "warning" if mm.group(5) else "info" if mm.group(6) else "error"
        assert kind == sev


def test_stdin_filename_names_the_unsaved_buffer(output):
    root, _ = output
    data = (root / NAME).read_bytes()
    proc = gplint("--stdin-filename", "报告.txt", "-", input=data, cwd=root)
    assert proc.returncode == 1, proc.err
    assert [l.split(":", 1)[0] for l in proc.out.splitlines()] == ["报告.txt"] * 3
    assert proc.out.startswith("报告.txt:2:3: warning X951 ")
    # Without a name the findings are reported on "-".
    assert gplint("-", input=data, cwd=root).out.startswith("-:2:3: ")
