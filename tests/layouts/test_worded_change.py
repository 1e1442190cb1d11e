"""The 2019 format's 本年增/减 written in words (减少8, 增加3个), as township pages of 2019
reports fill it. Before, such a cell was a label among the values: table 二 was "not
assessable" (T190) and its rows' cells unread.
"""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

import gplint
from gplint.dump import report_to_dict
from gplint.model import T2_KEYS_2019, T3_ROWS

sys.path.insert(0, str(Path(__file__).parent))
from strategies import expected_cells, read_cells, render  # noqa: E402
from test_found_by_search import CONSISTENT  # noqa: E402

_CHANGES = {"licensing.change": -8, "other_services.change": 3, "penalty.change": -45, "coercion.change": 0,
            "fees.change": 12}
_WORDS = {-8: "减少8", 3: "增加3个", -45: "减45", 12: "增12"}


def _report_2019():
    rows = {r: tuple(CONSISTENT.t3[r]) for r in T3_ROWS}
    g6 = [sum(CONSISTENT.t3[r][c] for r in ("R21", "R22", "R23")) for c in range(6)]
    for r in ("R21", "R22", "R23"):
        rows[r] = (None,) * 7
    t2 = {k: _CHANGES.get(k, 7) for k in T2_KEYS_2019}
    t2["procurement.amount"] = 12.5
    return replace(CONSISTENT, year=2019, t2=t2, t3=rows, fmt="2019", g6=tuple(g6) + (sum(g6),))


def _in_words(text: str) -> str:
    for v, words in _WORDS.items():
        written = f"+{v}" if v > 0 else str(v)
        assert f"\t{written}\t" in text or f"\t{written}\n" in text, written
        text = text.replace(f"\t{written}\t", f"\t{words}\t").replace(f"\t{written}\n", f"\t{words}\n")
    return text


def _one_cell_a_line(text: str) -> str:
    """Table 二's rows one cell a line (a page's cells as paragraphs)."""
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("二、"))
    stop = next(k for k, line in enumerate(lines) if line.startswith("三、"))
    body = [c for line in lines[start + 1:stop] for c in line.split("\t") if c]
    return "\n".join(lines[:start + 1] + body + lines[stop:])


@pytest.mark.parametrize("shape", ["tabs", "one cell a line"])
def test_changes_in_words_are_read_as_signed_counts(shape):
    data = _report_2019()
    text = _in_words(render(data, "2019-tabs")[0])
    if shape == "one cell a line":
        text = _one_cell_a_line(text)
    assert "减少8" in text and "增加3个" in text
    report = gplint.parse(text)
    got = read_cells(report_to_dict(report), fmt="2019")
    want = expected_cells(data)
    assert {k: got.get(k) for k in want if k.startswith("t2.")} == {k: v for k, v in want.items() if k.startswith("t2.")}
    assert [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")] == []

