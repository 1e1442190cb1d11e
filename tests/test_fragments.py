"""Rule examples as fragments embedded in the example report (gplint.fragments)."""
from __future__ import annotations

import pytest

from gplint.fragments import embed, is_fragment
from gplint.reader import parse


def test_a_fragment_is_marked_by_its_leading_ellipsis():
    assert is_fragment("…\n全年收到申请 5 件。")
    assert not is_fragment("某局2024年政府信息公开工作年度报告\n一、总体情况")
    assert not is_fragment("关于做好防汛准备工作的通知")


def test_prose_table_rows_and_marks_are_placed():
    text, marks = embed("…\n（二）依申请公开。全年收到申请 ⟦5⟧ 件。\n一、本年新收政府信息公开申请数量 4 1 0 0 0 0 5\n"
                        "1 0 0 0 1 0 0 0 0 0 0 0 0 0 1\n六、其他需要报告的事项\n本机关未收取信息处理费。")
    lines = text.split("\n")
    assert "⟦" not in text and "⟧" not in text
    assert [(lines[n - 1][c - 1:c + 2]) for n, c in marks] == ["5 件"]
    assert "（二）依申请公开。全年收到申请 5 件。" in lines
    assert not any(ln.startswith("（二）依申请公开。本机关依法办理") for ln in lines)
    report = parse(text)
    assert report.t3.value("R01", "C7") == 5 and report.t3.value("R01", "C1") == 4
    assert report.t4.value("after_review", "total") == 1
    six = lines.index("六、其他需要报告的事项")
    assert "本机关未收取信息处理费。" in lines[six:] and "本机关2024年未收取信息处理费。" not in lines


def test_a_topic_line_takes_the_place_of_its_own_topic():
    text, _ = embed("…\n（一）主动公开。全年发布信息 10 条。")
    lines = text.split("\n")
    assert "（一）主动公开。全年发布信息 10 条。" in lines
    assert sum(ln.startswith("（一）") for ln in lines) == 1
    assert any(ln.startswith("（二）依申请公开。") for ln in lines)


def test_rows_with_blank_marks_label_variants_and_headers_are_placed():
    text, marks = embed("…\n1 0 0 0 1 — 0 0 0 ⟦/⟧ 0 0 0 0 0\n规范性文件 1 0 5\n信息内容 本年制发件数 本年废制件数 现行有效件数\n"
                        "信息内容 本年收费金额（单位：元）")
    lines = text.split("\n")
    assert "1\t0\t0\t0\t1\t—\t0\t0\t0\t/\t0\t0\t0\t0\t0" in lines
    assert "规范性文件\t1\t0\t5" in lines and "行政规范性文件\t1\t0\t5" not in lines
    assert "信息内容\t本年制发件数\t本年废制件数\t现行有效件数" in lines
    # The fee header is the one replaced, not a 本年处理决定数量 header of as many cells.
    assert "信息内容\t本年收费金额（单位：元）" in lines and lines.count("信息内容\t本年处理决定数量") == 2
    assert [lines[n - 1][c - 1] for n, c in marks] == ["/"]


def test_title_preface_and_headings_are_replaced_and_marked():
    text, marks = embed("…\n⟦XX⟧局2024年政府信息公开工作年度报告\n本报告所列数据的统计期限自2024年1月1日起至2024年11月30日止。\n"
                        "二、行政机关主动公开政府信息情况\n⟦六、其他需要报告的事项⟧\n无")
    lines = text.split("\n")
    assert lines[0] == "XX局2024年政府信息公开工作年度报告" and marks[0] == (1, 1)
    assert lines[2].startswith("本报告所列数据的统计期限") and not any(ln.startswith("本报告依据") for ln in lines)
    assert "二、行政机关主动公开政府信息情况" in lines and "二、主动公开政府信息情况" not in lines
    six = lines.index("六、其他需要报告的事项")
    assert marks[1] == (six + 1, 1) and "无" in lines[six:] and "本机关2024年未收取信息处理费。" not in lines
    # A heading of another section's numeral and other words stays prose (S108's case).
    text, _ = embed("…\n二、工作机制保障\n设立协调小组。")
    lines = text.split("\n")
    assert lines.index("二、工作机制保障") < lines.index("二、主动公开政府信息情况")


def test_struck_sections_tables_and_rows_are_taken_out():
    text, _ = embed("…\n~~四、政府信息公开行政复议、行政诉讼情况~~\n~~2.重复申请~~")
    report = parse(text)
    assert "S4" not in report.sections and (report.t4 is None or not report.t4.cells)
    assert not any("2.重复申请" in ln for ln in text.split("\n"))
    text, _ = embed("…\n~~表四~~")
    report = parse(text)
    assert "S4" in report.sections and (report.t4 is None or not report.t4.cells)
    with pytest.raises(ValueError):
        embed("…\n~~no such row~~")


def test_a_previous_fragment_is_the_example_report_of_the_year_before():
    from gplint.rules import builtin_rules
    from gplint.testing import rule_examples

    x101 = next(r for r in builtin_rules() if r.code == "X101")
    previous = parse(rule_examples(x101)["previous"])
    assert previous.year == 2023 and previous.t3.value("R25", "C7") == 3


def test_a_preface_like_line_under_a_heading_is_that_sections_prose():
    text, _ = embed("…\n六、其他需要报告的事项\n本报告所涉信息处理费为0元。")
    lines = text.split("\n")
    assert lines[2].startswith("本报告依据")
    assert lines.index("本报告所涉信息处理费为0元。") > lines.index("六、其他需要报告的事项")
