"""Tables written one cell a line, each cell followed by a line holding a lone pipe: what
an HTML-to-text converter makes of a page whose cells hold paragraphs (found in stored
copies of real report pages, a township's 2023 report). Before, the pipe lines broke the
cell stream: tables 二 and 三 were "not assessable" (T190) and a truncated table 三 drew a
T106 for a （六）其他处理 row it never printed.
"""
from __future__ import annotations

import sys
from pathlib import Path

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import expected_cells, read_cells, render  # noqa: E402
from test_found_by_search import CONSISTENT  # noqa: E402

_TABLES = ("二、主动公开政府信息情况", "五、存在的主要问题及改进情况")


def _with_cell_end_pipes(text: str) -> str:
    """Every line of the tables' sections followed by a line holding "|"."""
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith(_TABLES[0]))
    stop = next(k for k, line in enumerate(lines) if line.startswith(_TABLES[1]))
    out = lines[:start + 1]
    for line in lines[start + 1:stop]:
        out += [line, "|"] if line.strip() else [line]
    return "\n".join(out + lines[stop:])


def test_cells_each_closed_by_a_pipe_line_are_read():
    text = _with_cell_end_pipes(render(CONSISTENT, "cells")[0])
    assert "\n|\n" in text
    report = gplint.parse(text)
    assert read_cells(report_to_dict(report)) == expected_cells(CONSISTENT)
    assert [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")] == []


def test_a_wrong_cell_among_them_is_named():
    bad = CONSISTENT.with_t3("R11", 6, 209)
    text = _with_cell_end_pipes(render(bad, "cells")[0])
    found = {d.key for d in gplint.lint_text(text) if d.code == "A101"}
    assert "t3.R11.C7" in found
