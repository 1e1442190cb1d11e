"""Section detection around the tables: tables of contents, a second numbering system."""
from __future__ import annotations

from gplint import parse
from gplint.testing import example_report


def lines_of(report, slot):
    sec = report.sections.get(slot)
    return sec.line if sec else None


def test_plain_example_has_six_standard_sections():
    report = parse(example_report())
    assert sorted(report.sections) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert all(s.standard and s.numeral_slot == s.slot for s in report.sections.values())


def test_table_of_contents_is_not_taken_for_headings():
    body = example_report()
    toc = "目录\n一、总体情况……………………1\n二、主动公开政府信息情况……………2\n三、收到和处理政府信息公开申请情况……3\n"
    text = body.replace("一、总体情况", toc + "一、总体情况", 1)
    report = parse(text)
    lines = text.split("\n")
    for slot in ("S1", "S2", "S3"):
        line = lines_of(report, slot)
        assert "…" not in lines[line - 1], slot


def test_second_numbering_system_in_overview_is_not_the_statutory_block():
    body = example_report()
    topics = "一、主动公开情况\n全年主动公开信息100条。\n二、依申请公开情况\n全年收到申请1件。\n"
    text = body.replace("二、主动公开政府信息情况", topics + "二、主动公开政府信息情况", 1)
    report = parse(text)
    lines = text.split("\n")
    assert lines[lines_of(report, "S2") - 1].strip() == "二、主动公开政府信息情况"
    assert "收到和处理" in lines[lines_of(report, "S3") - 1]


def test_t3_row_labels_are_not_sections():
    report = parse(example_report())
    titles = [s.title for s in report.sections.values()]
    assert not any("本年新收" in t or "结转下年度" in t for t in titles)
