"""Lines are counted as editors count them: only \\n, \\r\\n and \\r end a line. A form feed
(pdfminer's page break), \\v, \\x1c-\\x1e, U+0085, U+2028 and U+2029 are blanks inside a line;
a diagnostic after one of them keeps its line and column."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import gplint
from gplint.engine import LintOptions, lint_bytes
from gplint.plugins import build_registry
from gplint.sources import decode, split_lines

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "layouts"))
from strategies import LEAVES, make_data, render  # noqa: E402

IN_LINE = ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def _data():
    leaves = {r: (i % 3, 1 if i == 4 else 0, 0, 0, 0, 0) for i, r in enumerate(LEAVES)}
    return make_data(leaves, [1, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], {b: (1, 0, 0, 1) for b in ("review", "direct", "after_review")},
                     {k: 1 for k in ("rules.issued", "rules.repealed", "rules.in_force", "norm.issued",
                                     "norm.repealed", "norm.in_force", "licensing", "penalty", "coercion", "fees")})


@pytest.mark.parametrize("ch", IN_LINE)
def test_separator_characters_do_not_end_lines(ch):
    data = _data().with_t3("R09", 0, 7)  # a wrong cell: R09.C1 (row total and SUM-RESULTS break)
    text, lines = render(data, "tabs")
    rows = text.split("\n")
    target = lines["t3.R09.C1"]
    # The character in the prose before the table, and inside the culprit's own row.
    s1 = next(i for i, r in enumerate(rows) if r.startswith("20"))
    rows[s1] = rows[s1][:5] + ch + rows[s1][5:]
    label, rest = rows[target - 1].split("\t", 1)
    rows[target - 1] = label + ch + "\t" + rest
    text = "\n".join(rows)
    assert len(split_lines(text)) == len(rows)
    report = gplint.parse(text)
    assert len(report.lines) == len(rows)
    cell = report.t3.cell("R09", "C1")
    assert cell.value == 7
    assert cell.span.line == target
    col = rows[target - 1].index("\t7") + 2  # 1-based, code points
    assert cell.span.column == col
    found = [d for d in gplint.lint_text(text) if d.key == "t3.R09.C1"]
    assert found, "the wrong cell is reported"
    assert {(d.span.line, d.span.column) for d in found} == {(target, col)}


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_line_ends_and_encodings_keep_positions(newline, encoding):
    data = _data().with_t3("R09", 0, 7)
    text, lines = render(data, "pipe")
    raw = text.replace("\n", newline).encode(encoding)
    src = decode(raw, "x.txt")
    res = lint_bytes(raw, "x.txt", build_registry(), LintOptions())
    found = [d for d in res.diagnostics if d.key == "t3.R09.C1"]
    assert found and all(d.span.line == lines["t3.R09.C1"] for d in found)
    row = text.split("\n")[lines["t3.R09.C1"] - 1]
    assert src.text.split("\n")[lines["t3.R09.C1"] - 1] == row
