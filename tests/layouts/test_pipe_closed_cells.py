"""Tables written one cell a line, each cell closed by a pipe on the same line ("自然人 |",
"0 |"), an empty cell a line holding the pipe alone, the cells a merged cell spans a line
of pipes: what an HTML-to-text converter makes of a CMS page (found in stored copies of
real report pages: a district bureau's 2023 report, whose clerk wrote each row's 总计 0
and left the row's other zeros empty). Before, the lone pipes were read as borders: the
row's values lost their columns and table 三 was "not assessable" (T190).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import expected_cells, read_cells, render  # noqa: E402
from test_found_by_search import CONSISTENT  # noqa: E402

_TABLES = ("二、主动公开政府信息情况", "五、存在的主要问题及改进情况")
_SECTION_HEADINGS = ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")
#: Rows whose label the page merges over the label columns: the converter closes the row
#: with the pipes of the spanned cells.
_SPANNING = {"一、本年新收政府信息公开申请数量": "||", "（一）予以公开": "|", "（七）总计": "|"}


def _pipe_closed(text: str, spans_inline: bool = False) -> str:
    """The tables' cells each closed by " |", an empty cell a lone "|"; the spanned cells'
    pipes on a line of their own, or (``spans_inline``) after the row's last cell on its
    line ("0 | ||")."""
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith(_TABLES[0]))
    stop = next(k for k, line in enumerate(lines) if line.startswith(_TABLES[1]))
    out = lines[:start + 1]
    spans: Optional[str] = None
    values = 0
    for line in lines[start + 1:stop]:
        if line in _SECTION_HEADINGS:
            out.append(line)
            continue
        out.append(f"{line} |" if line else "|")
        if line in _SPANNING:
            spans, values = _SPANNING[line], 0
        elif spans is not None:
            values += 1
            if values == 7:
                if spans_inline:
                    out[-1] += " " + spans
                else:
                    out.append(spans)
                spans = None
    return "\n".join(out + lines[stop:])


def _zeros_left_empty(data):
    """Every zero of table 三 left empty but the 总计's."""
    for row, cells in data.t3.items():
        for col, v in enumerate(cells[:6]):
            if v == 0:
                data = data.with_t3(row, col, None)
    return data


def test_cells_closed_by_pipes_are_read_in_their_columns():
    text = _pipe_closed(render(CONSISTENT, "cells")[0])
    assert "\n0 |\n" in text and "\n||\n" in text
    assert read_cells(report_to_dict(gplint.parse(text))) == expected_cells(CONSISTENT)
    assert [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")] == []


def test_an_empty_cell_is_a_lone_pipe_in_its_column():
    data = _zeros_left_empty(CONSISTENT)
    text = _pipe_closed(render(data, "cells")[0])
    assert "\n|\n" in text
    report = gplint.parse(text)
    assert read_cells(report_to_dict(report)) == expected_cells(data)
    # Zeros left empty while the totals are written: one notice for the table, no short rows.
    codes = [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")]
    assert codes == ["A108"], codes


def test_a_wrong_total_among_them_is_named():
    # (R01 has no zero: its row total is checked though the table leaves its zeros empty.)
    bad = _zeros_left_empty(CONSISTENT).with_t3("R01", 6, 46968)
    found = {d.key for d in gplint.lint_text(_pipe_closed(render(bad, "cells")[0])) if d.code == "A101"}
    assert "t3.R01.C7" in found


def test_spanned_cells_after_a_rows_last_cell_are_no_values():
    # (Found in a development zone's 2023 page: "0 | ||" closing each of table 三's rows.)
    text = _pipe_closed(render(CONSISTENT, "cells")[0], spans_inline=True)
    assert " | ||\n" in text
    assert read_cells(report_to_dict(gplint.parse(text))) == expected_cells(CONSISTENT)
    assert [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")] == []


def test_spanned_cells_inline_with_empty_cells_as_lone_pipes():
    data = _zeros_left_empty(CONSISTENT)
    text = _pipe_closed(render(data, "cells")[0], spans_inline=True)
    assert "\n|\n" in text and " | ||\n" in text
    assert read_cells(report_to_dict(gplint.parse(text))) == expected_cells(data)
