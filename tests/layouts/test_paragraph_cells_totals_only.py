"""Tables written one cell a paragraph (each cell with text followed by a blank line) whose
converter writes an empty cell as one blank line, in rows where the clerk wrote only the
row's 总计 and left its other cells empty (found in stored copies of real report pages: a
street office's 2020 report, table 三's rows "一、本年新收…" then seven blank lines and " 0").
Before, the blank lines were read in the 2-line steps of a converter that leaves a blank
line after every line, empty ones included: three empty cells, not six, and the 总计 read in
the wrong column (T190).
"""
from __future__ import annotations

import sys
from pathlib import Path

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import expected_cells, read_cells, render  # noqa: E402
from test_found_by_search import CONSISTENT  # noqa: E402


def _paragraphs(text: str) -> str:
    """The tables' cells (one a line, an empty cell an empty line) each followed by a blank
    line; an empty cell stays one blank line."""
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("二、主动公开政府信息情况"))
    stop = next(k for k, line in enumerate(lines) if line.startswith("五、存在的主要问题"))
    out = lines[:start + 1] + [""]
    for line in lines[start + 1:stop]:
        out += [line, ""] if line else [""]
    return "\n".join(out + lines[stop:])


def _rows_with_nothing(data, rows):
    """``rows`` of table 三 made all zeros (the results' total and the new applications
    lowered to match)."""
    for row in rows:
        for col in range(7):
            v = data.t3[row][col]
            data = data.with_t3(row, col, 0).with_t3("R24", col, data.t3["R24"][col] - v)
            data = data.with_t3("R01", col, data.t3["R01"][col] - v)
    return data


def _totals_only(data):
    """Every row of table 三 with no application: its zeros left empty but the 总计's."""
    for row, cells in data.t3.items():
        if not any(cells[:6]):
            for col in range(6):
                data = data.with_t3(row, col, None)
    return data


def test_rows_with_only_their_total_are_read_in_their_columns():
    data = _totals_only(_rows_with_nothing(CONSISTENT, ("R08", "R12", "R22")))
    text = _paragraphs(render(data, "cells")[0])
    assert "\n\n\n\n\n\n\n\n0\n" in text
    assert read_cells(report_to_dict(gplint.parse(text))) == expected_cells(data)
    # The cells a clerk left empty where the table writes its zeros: each row named.
    codes = [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")]
    assert codes == ["T103"] * 3, codes


def test_a_table_of_totals_alone_draws_one_notice():
    # (No application in the year: every row's 总计 0, its other cells empty.)
    data = CONSISTENT
    for row in data.t3:
        for col in range(7):
            data = data.with_t3(row, col, 0)
    data = _totals_only(data)
    text = _paragraphs(render(data, "cells")[0])
    assert read_cells(report_to_dict(gplint.parse(text))) == expected_cells(data)
    codes = [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")]
    assert codes == ["A108"], codes
