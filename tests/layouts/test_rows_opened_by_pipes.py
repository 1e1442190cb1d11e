"""Pipe tables whose converter broke every row before each cell holding text: the row's
opening pipe on a line of its own, each cell with text on a line closed by its pipe, the
empty cells after a cell left on that cell's line ("0 | |"). Found in stored copies of
real report pages (a township's 2020 report on a provincial CMS whose tables carry an
extra empty column: its pipe rows, "| 规章 | 0 | 0 | 0 | |", written "|" / "规章 |" /
"0 |" / "0 |" / "0 | |"). Before, a row's last value and the empty cell after it were
read as a row of two values: table 二's values slid into the next rows (T190 and cells
misread), table 三's 总计 column and table 四 went unread.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import expected_cells, read_cells, render  # noqa: E402
from test_found_by_search import CONSISTENT  # noqa: E402


def _rows_opened(text: str, extra_columns: int) -> str:
    """Every pipe row of ``text`` (its alignment rows dropped) with ``extra_columns`` empty
    cells added at its end, broken before each cell that holds text."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not (stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3):
            out.append(line)
            continue
        cells = [c.strip() for c in stripped[1:-1].split("|")]
        if all(c and set(c) <= set("-: ") for c in cells):
            continue
        current = "|"
        for cell in cells + [""] * extra_columns:
            if cell:
                out.append(current)
                current = f"{cell} |"
            else:
                current += " |"
        out.append(current)
    return "\n".join(out)


@pytest.mark.parametrize("layout", ["pipe", "2019-pipe"])
@pytest.mark.parametrize("extra_columns", [0, 1])
def test_rows_broken_before_each_cell_are_read_as_rows(layout, extra_columns):
    text = _rows_opened(render(CONSISTENT, layout)[0], extra_columns)
    assert "\n|\n" in text and "\n0 |\n" in text
    if extra_columns:
        assert " | |\n" in text
    assert read_cells(report_to_dict(gplint.parse(text))) == expected_cells(CONSISTENT)
    assert [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")] == []


def test_a_wrong_total_among_them_is_named():
    bad = CONSISTENT.with_t3("R01", 6, 46968)
    found = {d.key for d in gplint.lint_text(_rows_opened(render(bad, "pipe")[0], 1)) if d.code == "A101"}
    assert "t3.R01.C7" in found


def test_lone_pipes_in_a_row_stay_empty_cells():
    # One cell a line, its empty cells lone pipes (tests/layouts/test_pipe_closed_cells.py):
    # two lone pipes in a row are two empty cells, no row openings.
    text = "\n".join(["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量 |",
                      "|", "|", "0 |", "0 |", "0 |", "0 |", "1 |"])
    from gplint.reader.empty_cells import rows_opened_by_pipes
    from gplint.reader.report import line_readings
    infos = line_readings(text)[1]
    assert rows_opened_by_pipes(infos) is infos
