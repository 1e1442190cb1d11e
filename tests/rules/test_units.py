"""Unit rules U101-U103: the 万元 header of table 二's fee row and plausible amounts."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint.testing import example_report, lint_with


def codes(text):
    return sorted(d.code for d in lint_with(text, ["U"], profile="default"))


@pytest.mark.parametrize("header, expect", [
    ("本年收费金额（单位：万元）", []),
    ("本年收费金额(单位:万元)", []),
    ("本年收费金额（万元）", []),
    ("本年收费金额(单位：元)", ["U101"]),
    ("本年收费金额（元）", ["U101"]),
    ("本年收费金额", ["U102"]),
])
def test_fee_header_unit(header, expect):
    assert codes(example_report(fee_header=header)) == expect


HEADER_LINE = "信息内容\t本年收费金额（单位：万元）"


@pytest.mark.parametrize("layout", [
    "信息内容\t本年收费金额\n（单位：万元）",           # header wrapped by the conversion
    "信息内容\t本年收费金额\n\t（单位：万元）",
    "单位：万元\n信息内容\t本年收费金额",               # unit as a caption above the table
    "信息内容\t本年收费金额（单位：万）",               # the short form
    # pdftotext -layout of a narrow column: the header cut every four characters
    "信息内容                 本年收费\n                         金额（单\n                         位：万元\n"
    "                           ）",
])
def test_unit_written_next_to_the_header_is_not_missing(layout):
    text = example_report(replace={HEADER_LINE: layout})
    assert layout in text
    assert codes(text) == []


@pytest.mark.parametrize("layout", [
    "信息内容\t本年收费金额\n（单位：元）",             # Word's plain text: the cell's line break kept
    "信息内容\t本年收费金额\n\t（元）",
    "信息内容                 本年收费\n                         金额（单\n                         位：元\n"
    "                           ）",
])
def test_unit_in_yuan_wrapped_under_the_header_is_still_wrong(layout):
    text = example_report(replace={HEADER_LINE: layout})
    assert layout in text
    assert codes(text) == ["U101"]
    (d,) = lint_with(text, ["U101"])
    first = text.splitlines().index(layout.splitlines()[0]) + 1
    assert first <= d.span.line < first + len(layout.splitlines())  # on the header's lines


def test_the_reader_joins_a_unit_wrapped_under_the_fee_header():
    from gplint import parse

    text = example_report(replace={HEADER_LINE: "信息内容\t本年收费金额\n（单位：万元）"})
    header = parse(text).t2.fee_header
    assert header.text == "本年收费金额（单位：万元）" and header.span.end_line == header.span.line + 1


@pytest.mark.parametrize("layout", ["信息内容\t本年收费金额", "信息内容       本年收费\n               金额"])
def test_header_without_unit_anywhere_is_still_reported(layout):
    text = example_report(replace={HEADER_LINE: layout})
    assert codes(text) == ["U102"]


def test_unit_error_is_on_the_header_line():
    text = example_report(fee_header="本年收费金额(单位：元)")
    d = lint_with(text, ["U101"])[0]
    assert "单位：元" in text.splitlines()[d.span.line - 1] and d.severity == "error"


@pytest.mark.parametrize("amount, expect", [
    ("0", []), ("7730.28", []), ("4068.208", []), ("0.0001", []),
    ("1.00005", ["U103"]), ("96171.6", []), ("25000000", ["U103"]),
])
def test_fee_magnitude(amount, expect):
    assert codes(example_report(t2={"fees": amount})) == expect


def test_magnitude_not_repeated_when_header_says_yuan():
    assert codes(example_report(fee_header="本年收费金额（单位：元）", t2={"fees": "25000000"})) == ["U101"]


def test_u102_passes_over_the_2019_format_fee_block():
    """The 2019 format's （八） block counts items (上一年项目数量 / 本年增/减): no amount, no unit."""
    text = (Path(__file__).parent.parent / "corpus" / "crawled" / "pingtan-2019.txt").read_text(encoding="utf-8")
    from gplint import parse
    assert parse(text).t2.format == "2019"
    assert [d for d in lint_with(text, ["U102"]) if d.code == "U102"] == []


def test_a_unit_cut_between_two_header_cells_is_written():
    # PDF-to-markdown tools (pymupdf4llm) cut a header cell where the page's text box ends:
    # |信息内容|本年收费金额（单位|：万元）|
    for cut in ("（单位|：万元）", "（单|位：万元）", "（单位：万|元）"):
        text = example_report(replace={HEADER_LINE: f"|信息内容|本年收费金额{cut}|"})
        assert codes(text) == [], cut
    assert codes(example_report(replace={HEADER_LINE: "|信息内容|本年收费金额（单位|：元）|"})) == ["U101"]
    assert codes(example_report(replace={HEADER_LINE: "|信息内容|本年收费金额（单|位：元）|"})) == ["U101"]
