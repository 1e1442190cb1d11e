"""A dash written against a row label after its colon, values after it (「申请数量：— 0 0
…」): an empty first cell when the row is one value short without it, part of the label
when the row has its full width without it — the row's width decides, in every table
family (tabs, blanks, pipes, one cell a line). Before, the dash stayed in the label: a tab
row one short read its values one column to the left (false A103 ×5, N101 in table 三), a
blank-separated one was left unread (T190), table 二's rows lost their last cell (T103).
"""
from __future__ import annotations

import pathlib
from collections import Counter

import pytest

from gplint import lint_text, parse
from gplint.dump import report_to_dict

TEXTS = pathlib.Path(__file__).parent / "texts"
NOTICES = {"T190", "A108"}
#: Rows of table 二 and 三 of the layout texts: (label, values).
ROWS = [("t2", "rules", "规章", ["0", "0", "0"]), ("t2", "norm", "行政规范性文件", ["6", "1", "32"]),
        ("t3", "R01", "一、本年新收政府信息公开申请数量", ["705", "3", "0", "0", "5", "0", "713"])]


def _row(family: str, label: str, values: list[str]) -> str:
    if family == "tabs.txt":
        return "\t".join([label, *values])
    if family == "spaces.txt":
        return " ".join([label, *values])
    if family == "pipe.txt":
        return "| " + " | ".join([label, *values]) + " |"
    return "\n".join([label, *values])  # cells.txt: one cell a line


def _cells(text: str, table: str, row: str) -> list:
    d = report_to_dict(parse(text))[table]
    if table == "t3":
        return list(d[row].values())
    return [v for k, v in d.items() if k.startswith(row + ".")]


def _findings(text: str) -> Counter:
    return Counter(d.code for d in lint_text(text, path="r.txt") if d.code not in NOTICES)


CASES = [pytest.param(f, *r, id=f"{f}-{r[1]}") for f in ("tabs.txt", "spaces.txt", "pipe.txt", "cells.txt") for r in ROWS]


@pytest.mark.parametrize(("family", "table", "key", "label", "values"), CASES)
def test_a_dash_against_a_full_row_is_part_of_its_label(family, table, key, label, values):
    text = (TEXTS / family).read_text(encoding="utf-8")
    printed = _row(family, label, values)
    assert printed in text
    dashed = text.replace(printed, _row(family, label + "：—", values), 1)
    assert _cells(dashed, table, key) == _cells(text, table, key)
    assert _findings(dashed) == _findings(text)


@pytest.mark.parametrize(("family", "table", "key", "label", "values"), CASES)
def test_a_dash_against_a_row_one_short_is_its_empty_first_cell(family, table, key, label, values):
    text = (TEXTS / family).read_text(encoding="utf-8")
    dashed = text.replace(_row(family, label, values), _row(family, label + "：—", values[1:]), 1)
    want = _cells(text, table, key)
    want[0] = None
    assert _cells(dashed, table, key) == want
    assert not _findings(dashed) - _findings(text)
