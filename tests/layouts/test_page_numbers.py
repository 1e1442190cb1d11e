"""Bare page numbers at page boundaries of a PDF's text (pages end with a form feed): a
``7`` alone at a page's top or foot is a page number when the bare numbers at the other
boundaries run in step with the pages; otherwise it is left to the table's identities.
Before, a page number right after a form feed inside a table was read as a cell (false
A106, N103, N108, T104 on five of the corpus's eighteen real reports).
"""
from __future__ import annotations

import pathlib
import random
from collections import Counter

import pytest

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.reader.page_numbers import page_number_lines

HERE = pathlib.Path(__file__).parent
CORPUS = HERE.parent / "corpus"
TEXTS = sorted(HERE.glob("texts/*.txt")) + sorted(CORPUS.glob("*.txt"))
NOTICES = {"T190", "A108"}


def _read(path: pathlib.Path) -> str:
    from gplint.sources import read_path

    return read_path(str(path)).text


def with_page_breaks(text: str, seed: str, where: str) -> str:
    """A page break after about one line in twenty (at least five breaks), the form feed opening the next page's
    first line (as pdfminer writes it); each page's bare number on a line of its own at its
    top (right after the form feed) or at the foot of the page before."""
    rng = random.Random(seed)
    every = max(0.05, 5 / (text.count("\n") + 1))
    out, page, feed = [], 1, ""
    for line in text.split("\n"):
        page += line.count("\f")
        out.append(feed + line)
        feed = ""
        if rng.random() < every:
            if where == "foot":
                out.append(f"{page}")
            page += 1
            if where == "top":
                out.append(f"\f{page}")
            else:
                feed = "\f"
    return "\n".join(out)


def _reading(text: str) -> dict:
    """Each section's title and every cell (the lines move with the added ones)."""
    d = report_to_dict(parse(text))
    return {"sections": {k: v and v["title"] for k, v in d["sections"].items()}, "t2": d["t2"], "t3": d["t3"],
            "t4": d["t4"]}


def _findings(text: str) -> Counter:
    return Counter(d.code for d in lint_text(text, path="r.txt") if d.code not in NOTICES)


@pytest.mark.parametrize("where", ["top", "foot"])
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_page_numbers_in_step_are_not_cells(path, where):
    text = _read(path)
    paged = with_page_breaks(text, path.name + where, where)
    assert _reading(paged) == _reading(text)
    assert _findings(paged) == _findings(text)


def test_a_pages_last_value_is_not_taken_for_its_number():
    """A one-cell-a-line table broken over pages: each page's last line is a value. Values
    are not in step with the pages, so none is a page number."""
    text = _read(HERE / "texts" / "cells.txt")
    lines = text.split("\n")
    paged = "\n".join(("\f" if k % 15 == 14 else "") + line for k, line in enumerate(lines))
    assert page_number_lines(paged) == []
    assert _reading(paged) == _reading(text)


def test_too_few_pages_decide_nothing():
    assert page_number_lines("甲\n\f2\n乙\n\f3\n丙") == []
    assert page_number_lines("甲\n\f2\n乙\n\f3\n丙\n\f4\n丁") == [2, 4, 6]


def test_numbers_out_of_step_stay_values():
    """- 1 -, - 2 -, … are footers by their shape; 769 at the foot of page 4 is a value."""
    text = "甲\n- 1 -\n\f乙\n- 2 -\n\f丙\n- 3 -\n\f丁\n769\n\f戊\n- 5 -\n\f"
    assert page_number_lines(text) == []
    text = "甲\n1\n\f乙\n2\n\f丙\n3\n\f丁\n769\n\f戊\n5\n\f"
    assert page_number_lines(text) == [2, 4, 6, 10]


def test_a_number_sharing_its_line_is_no_page_number():
    assert page_number_lines("\f2 件\n甲\n\f3 件\n乙\n\f4 件\n") == []
