"""Rule examples as fragments embedded in the example report (gplint.fragments)."""
from __future__ import annotations

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
