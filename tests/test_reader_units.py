"""Cells carrying a unit ("705件", "12.5万元") read as numbers, the unit kept beside them."""
from __future__ import annotations

from decimal import Decimal

import pytest

import gplint
from gplint.grammar import tokenise
from gplint.reader.lines import split_line


def _cells(text: str) -> list[tuple[str, str, object, str]]:
    (line,) = tokenise(text)
    return [(c.kind, c.text, c.value, c.unit) for c in split_line(line).cells]


@pytest.mark.parametrize("text, want", [
    ("规章\t0件\t2件\t13件", [("label", "规章", None, ""), ("num", "0", 0, "件"), ("num", "2", 2, "件"),
                              ("num", "13", 13, "件")]),
    ("行政事业性收费\t12.5万元", [("label", "行政事业性收费", None, ""), ("num", "12.5", Decimal("12.5"), "万元")]),
    ("| 行政事业性收费 | 120000元 |", [("label", "行政事业性收费", None, ""), ("num", "120000", 120000, "元")]),
    ("行政许可\t7条\t3项\t2个\t1次", [("label", "行政许可", None, ""), ("num", "7", 7, "条"), ("num", "3", 3, "项"),
                                     ("num", "2", 2, "个"), ("num", "1", 1, "次")]),
])
def test_number_with_unit_is_a_number(text, want):
    assert _cells(text) == want


@pytest.mark.parametrize("text", ["行政许可\t3月", "行政许可\t2024年", "行政许可\t3 件", "行政许可\t3万"])
def test_other_words_after_a_number_stay_a_label(text):
    """Only a known unit written against the number makes a number: a date, a unit apart
    from its number or a bare 万 (which would multiply) stay text."""
    assert [k for k, *_ in _cells(text)] == ["label", "label"]


def test_plain_number_has_no_unit():
    assert _cells("规章\t0\t2") == [("label", "规章", None, ""), ("num", "0", 0, ""), ("num", "2", 2, "")]


def test_unit_reaches_the_model_cell():
    """The span covers number and unit; raw is the number, unit the unit."""
    text = "\n".join([
        "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "规章\t1件\t0件\t5件", "行政规范性文件\t6件\t1件\t32件", "第二十条第（八）项",
        "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t12.5万元"])
    report = gplint.parse(text)
    fees = report.t2.cells["fees"]
    assert (fees.value, fees.raw, fees.unit) == (Decimal("12.5"), "12.5", "万元")
    assert fees.span.end_column - fees.span.column == len("12.5万元")
    assert {c.unit for c in report.t2.cells.values() if c.value is not None} == {"件", "万元"}


@pytest.mark.parametrize("written, value", [("１，２３４", 1234), ("１,２３４", 1234), ("12,345", 12345),
                                            ("１２３４", 1234)])
def test_thousands_separators_in_a_cell(written, value):
    """A word processor's full-width mode writes １，２３４: one number, not １ and ２３４ (the
    row read no value, silently). ASCII digits take the ASCII comma only."""
    from gplint import parse
    from gplint.testing import example_report

    text = example_report().replace("行政许可\t3", "行政许可\t" + written)
    assert parse(text).t2.value("licensing") == value
