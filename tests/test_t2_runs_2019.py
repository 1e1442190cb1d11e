"""Rows of the 2019 table 二 run together on a crawled page: the sign of 本年增/减 and the
decimal point of an amount mark cell boundaries; a row is read only when its cut is unique
(gplint.reader.t2_runs), else flagged ambiguous (T190), never guessed."""
from __future__ import annotations

from decimal import Decimal

from gplint.grammar import tokenise
from gplint.reader.lines import split_line
from gplint.reader.t2_runs import amount_splits, signed_splits


def _cells(text: str):
    return split_line(tokenise(text)[0]).cells


def test_sign_ends_the_cell_before_it():
    cells = _cells("行政处罚264-8430")
    assert [(c.kind, c.text) for c in cells] == [("label", "行政处罚"), ("num", "264"), ("num", "-8430")]
    assert cells[2].value == -8430 and cells[2].column == 8


def test_signed_run_cut_only_on_each_side_of_the_sign():
    assert signed_splits(_cells("行政处罚264-8430")[1:], 3, 1) == [(264, -8, 430), (264, -84, 30), (264, -843, 0)]
    assert signed_splits(_cells("行政事业性收费3+5")[1:], 2, 1) == [(3, 5)]
    assert signed_splits(_cells("行政强制12+60")[1:], 3, 1) == [(12, 6, 0)]


def test_amount_run_cut_before_its_decimals():
    assert amount_splits(_cells("政府集中采购15.5")[1:], 2) == [(1, 5)]
    assert len(amount_splits(_cells("政府集中采购13575394.52")[1:], 2)) > 1


def _report(rows: str) -> str:
    return ("某区2019年政府信息公开工作年度报告 " + "一、总体情况" + "本机关2019年依法公开。" * 30
            + "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年新制作数量 本年新公开数量 对外公开总数量 规章000"
            + rows + " 三、收到和处理政府信息公开申请情况 申请人情况 自然人 总计\n")


def test_unique_cuts_read_ambiguous_ones_flagged():
    import gplint
    from gplint.dump import report_to_dict

    text = _report("第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚264-8430行政强制12+60"
                   "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费3+5"
                   "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购15.5")
    report = gplint.parse(text)
    t2 = report_to_dict(report)["t2"]
    assert (t2["coercion.previous"], t2["coercion.change"], t2["coercion.decisions"]) == (12, 6, 0)
    assert (t2["fees.previous"], t2["fees.change"]) == (3, 5)
    assert (t2["procurement.items"], Decimal(str(t2["procurement.amount"]))) == (1, Decimal("5.5"))
    assert t2["penalty.previous"] is None
    flagged = {i.row for i in report.issues if i.kind == "ambiguous-digit-split"}
    assert flagged == {"penalty"}


def test_a_signed_change_alone_on_its_line_is_a_value():
    """One cell a line (a page's text joined by line breaks: BeautifulSoup's get_text("\\n")):
    the 2019 format's 本年增/减 is a line "-11" of its own, a value, not a label."""
    assert [(c.kind, c.value) for c in _cells("-11")] == [("num", -11)]
    assert [(c.kind, c.value) for c in _cells("＋3")] == [("num", 3)]
    assert [c.kind for c in _cells("-")] == ["blank"]  # a dash alone is a blank mark still


def test_table_two_of_2019_one_cell_a_line_reads_its_signed_changes():
    import gplint
    from gplint.dump import report_to_dict

    cells = ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
             "规章", "0", "0", "0", "规范性文件", "4", "4", "17",
             "第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政许可", "57", "-11", "39", "其他对外管理服务事项", "233", "+3", "45",
             "第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
             "行政处罚", "94", "－12", "0", "行政强制", "174", "-1", "0"]
    text = ("某区2019年政府信息公开工作年度报告\n一、总体情况\n" + "本机关2019年依法公开。\n"
            + "二、主动公开政府信息情况\n" + "\n".join(cells) + "\n三、收到和处理政府信息公开申请情况\n")
    t2 = report_to_dict(gplint.parse(text))["t2"]
    assert [t2[f"{row}.{col}"] for row in ("licensing", "other_services", "penalty", "coercion")
            for col in ("previous", "change", "decisions")] == [57, -11, 39, 233, 3, 45, 94, -12, 0, 174, -1, 0]


def test_a_signed_change_with_its_unit_in_a_cell_is_a_value():
    """The 2019 format's 本年增/减 written with the unit of the column's counts, in a cell of
    its own (「| 行政许可 | 57件 | -11件 | 0件 |」): a signed value, not a label that leaves
    the row a value short (T103)."""
    assert [(c.kind, c.value, c.unit) for c in _cells("| 行政许可 | 57件 | -11件 | 0件 |")] == [
        ("label", None, ""), ("num", 57, "件"), ("num", -11, "件"), ("num", 0, "件")]
    assert [(c.kind, c.value) for c in _cells("| 行政许可 | 57 | ＋3项 | 0 |")][2] == ("num", 3)
    assert [c.kind for c in _cells("| 行政许可 | 57 | -11月 | 0 |")][2] == "label"  # 月 is no unit of a count
