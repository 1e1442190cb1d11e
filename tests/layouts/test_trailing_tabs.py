"""A tab (or blanks and a tab) at the end of every line, as some PDF-to-text tools write
a page: layout, not an empty last cell. Before, every line became a row of cells ending in
an empty one, and column streams were misread (false A102, A103, A106, N103, N108 on four
of the corpus's eighteen real reports).
"""
from __future__ import annotations

import pathlib
import random
from collections import Counter

import pytest

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.trailing_tabs import tool_tabs, without_tool_tabs

HERE = pathlib.Path(__file__).parent
CORPUS = HERE.parent / "corpus"
TEXTS = sorted(HERE.glob("texts/*.txt")) + sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("crawled/*.txt"))
NOTICES = {"T190", "A108"}


def _read(path: pathlib.Path) -> str:
    from gplint.sources import read_path

    return read_path(str(path)).text


def with_trailing_tabs(text: str, seed: str) -> str:
    rng = random.Random(seed)
    return "\n".join(line + rng.choice(["\t", " \t", "  \t", "\u3000\t"]) if line.strip() else line
                     for line in text.split("\n"))


def _reading(text: str) -> dict:
    d = report_to_dict(parse(text))
    return {k: d[k] for k in ("sections", "t2", "t3", "t4")}


def _findings(text: str) -> Counter:
    return Counter((d.code, d.span.line, d.span.column) for d in lint_text(text, path="r.txt") if d.code not in NOTICES)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_a_tab_ending_every_line_changes_nothing(path):
    text = _read(path)
    tabbed = with_trailing_tabs(text, path.name)
    assert _reading(tabbed) == _reading(text)
    assert _findings(tabbed) == _findings(text)


def test_only_one_tab_goes_and_only_from_line_ends():
    text = "一、总体情况\t\n本机关\t全年\t\n行政许可 \t\n12\t\t\n\n3\t"
    assert tool_tabs(text)
    assert without_tool_tabs(text) == "一、总体情况\n本机关\t全年\n行政许可\n12\t\n\n3"


def test_a_table_whose_rows_end_in_an_empty_cell_keeps_it():
    """A spreadsheet's rows may end in an empty cell (行政许可<tab>); when the headings and
    prose around them end in no tab, the tab is a cell boundary, and stays."""
    text = _read(HERE / "texts" / "tabs.txt")
    rows = "\n".join(line + "\t" if "\t" in line else line for line in text.split("\n"))
    assert not tool_tabs(rows)
    assert without_tool_tabs(rows) == rows


def test_a_few_lines_say_nothing():
    assert not tool_tabs("行政许可\t\n12\t\n正文")
