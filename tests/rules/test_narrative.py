"""Narrative rules N101-N106: text counts against tables 三/四, and totals against their parts."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint.engine import LintOptions, lint_text
from gplint.testing import example_report, lint_with, with_2019_table_two

CORPUS = Path(__file__).parent.parent / "corpus"
MINE = ("structure", "narrative", "dates", "hygiene")


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def run(text, select, profile="strict"):
    return [d for d in lint_with(text, select, profile=profile) if not d.code.startswith("E")]


def with_sentence(sentence: str, **kw) -> str:
    """The example report (新收 4, 上年结转 1, 总计 4, 结转 1, 复议 1) with one sentence added to 一."""
    text = example_report(**kw)
    anchor = "（三）政府信息管理。"
    assert anchor in text
    return text.replace(anchor, sentence + "\n" + anchor)


# ------------------------------------------------------------------ N101 application counts

def test_example_report_is_clean_for_narrative_rules():
    assert run(example_report(), ["N"]) == []


@pytest.mark.parametrize("sentence, row", [
    ("全年共收到政府信息公开申请 5 件。", "R01"),
    ("全年新收政府信息公开申请 3 件。", "R01"),
    ("上年结转政府信息公开申请 2 件。", "R02"),
    ("本年度办结政府信息公开申请 5 件。", "R24"),
    ("另有 2 件申请结转下年度办理。", "R25"),
    # Thousands separators: 1,004 is one count, not 004 (which matched the table's 4)
    ("全年共收到政府信息公开申请 1,004 件。", "R01"),
    ("全年共收到政府信息公开申请１，００４件。", "R01"),
])
def test_count_that_differs_from_table3_is_an_error(sentence, row):
    diags = run(with_sentence(sentence), ["N101"])
    assert len(diags) == 1 and diags[0].severity == "error"
    assert diags[0].key == f"t3.{row}.C7"


@pytest.mark.parametrize("sentence", [
    "全年共收到政府信息公开申请 4 件。",
    "上年结转政府信息公开申请 1 件。",
    "本年度办结政府信息公开申请 4 件，另有 1 件结转下年度办理。",
    "全年共收到政府信息公开申请 5 件，其中新收 4 件。",      # 其中: a subset
    "2023年收到政府信息公开申请 9 件。",                      # another year
    "全年接受政府信息公开咨询 30 件。",                        # not applications
    "受理政府信息公开申请 4 件。",                              # 受理 = 新收
    "受理政府信息公开申请 5 件。",                              # 受理 = 新收 + 上年结转
])
def test_matching_or_out_of_scope_counts_are_silent(sentence):
    assert run(with_sentence(sentence), ["N101"]) == []


def test_accepted_count_matching_neither_reading_is_only_a_warning():
    diags = run(with_sentence("全年受理政府信息公开申请 7 件。"), ["N101"])
    assert len(diags) == 1 and diags[0].severity == "warning"
    assert "7" in diags[0].message and "4" in diags[0].message


def test_message_names_both_numbers_and_points_at_the_words():
    text = with_sentence("全年共收到政府信息公开申请 5 件。")
    d = run(text, ["N101"])[0]
    assert "5" in d.message and "4" in d.message
    line = text.splitlines()[d.span.line - 1]
    assert "5 件" in line[d.span.column - 1:d.span.end_column - 1]


def test_real_layout_mutation_is_found():
    """上海市科委 2024: 全年收到 34 件 = 表三 新收 34; changing the text to 35 must be caught."""
    text = corpus("kiro_shanghai-stcsm-2024_pdf-markdown.txt")
    assert not [d for d in run(text, ["N101"], "default")]
    diags = run(text.replace("全年收到政府信息公开申请 34 件", "全年收到政府信息公开申请 35 件"), ["N101"], "default")
    assert [(d.span.line, d.evidence["table"]) for d in diags] == [(42, 34)]


def test_table_without_total_column_uses_the_sum_of_c1_to_c6():
    """002 has no 总计 column in rows 一/二: 接收 2 件 equals 自然人 2 + 0…; changing it is found."""
    text = corpus("002_bcc8f195f7d4f0d8.txt")
    assert run(text, ["N101"]) == []
    diags = run(text.replace("全年共接收 2 件", "全年共接收 3 件"), ["N101"])
    assert len(diags) == 1 and diags[0].evidence == {"text": 3, "table": 2}


# ------------------------------------------------------------------ N102 completion claims

def test_completion_claim_with_carry_over_is_reported():
    diags = run(with_sentence("全年所有申请均已办结。"), ["N102"])
    assert len(diags) == 1 and "1" in diags[0].message and diags[0].key == "t3.R25.C7"


def test_timeliness_claim_is_not_a_completion_claim():
    # the example report says 均在法定期限内答复 while 1 application is carried over
    assert run(example_report(), ["N102"]) == []


def test_claim_with_its_own_handled_count_is_left_to_n101():
    assert run(with_sentence("全年办结申请 4 件，均已按时答复。"), ["N102"]) == []


def test_seed_002_received_two_all_answered_but_table_total_one():
    diags = run(corpus("002_bcc8f195f7d4f0d8.txt"), ["N102"], "default")
    assert [(d.span.line, d.evidence["received"], d.evidence["table"]) for d in diags] == [(19, 2, 1)]


# ------------------------------------------------------------------ N103 table 四

@pytest.mark.parametrize("sentence, fires", [
    ("全年未发生因政府信息公开引起的行政复议。", True),        # table: 复议 1
    ("全年发生政府信息公开行政复议 1 件。", False),
    ("全年发生政府信息公开行政复议 2 件。", True),
    ("全年未发生政府信息公开行政诉讼。", False),                # table: 诉讼 0
    ("涉及的行政诉讼数为 0 件。", False),
    ("涉及的行政诉讼数为 3 件。", True),
    ("全年未发生行政复议被纠错的情形。", False),               # about outcomes
    ("行政复议结果维持 1 件。", False),
    # counts that are not the report's own disclosure cases
    ("2024年，全市各级行政机关共收到行政复议申请 35 件。", False),
    ("本机关作为复议机关，全年共办理行政复议案件 12 件，其中政府信息公开类 1 件。", False),
    ("全年共办理行政复议案件 120 件，行政应诉案件 30 件。", False),
    ("同期发生行政诉讼案件 3 件，其中涉及政府信息公开的 0 件。", False),
    ("全市发生政府信息公开行政复议 2 件。", True),            # names disclosure: compared
])
def test_case_counts_against_table4(sentence, fires):
    assert bool(run(with_sentence(sentence), ["N103"])) is fires


def test_suit_total_is_direct_plus_after_review():
    """淮安市 2024: 行政诉讼 46 件 = 未经复议直接起诉 26 + 复议后起诉 20."""
    text = corpus("govnianbao_huaian-city-2024_pdfminer.txt")
    assert run(text, ["N103"], "default") == []
    diags = run(text.replace("政府信息公开行政诉讼 46", "政府信息公开行政诉讼 47"), ["N103"], "default")
    assert len(diags) == 1 and diags[0].evidence == {"text": 47, "table": 46}


@pytest.mark.parametrize("direct, after", [(26, 20), (20, 26), (25, 21)])
def test_each_kind_of_suit_is_compared_with_its_own_block(direct, after):
    """行政诉讼 46 件，其中未经复议直接起诉 26 件，复议后起诉 20 件: the two kinds are the
    blocks' totals (26 and 20 in 淮安市 2024's table 四), not two claims of the suit total."""
    text = corpus("govnianbao_huaian-city-2024_pdfminer.txt").replace(
        "政府信息公开行政诉讼 46 件", f"政府信息公开行政诉讼 46 件，其中未经复议直接起诉 {direct} 件，复议后起诉 {after} 件")
    assert "其中未经复议直接起诉" in text
    diags = run(text, ["N103"], "default")
    wrong = {k: v for k, v in (("direct", direct), ("after_review", after)) if v != {"direct": 26, "after_review": 20}[k]}
    assert sorted(d.key for d in diags) == sorted(f"t4.{k}.total" for k in wrong)
    assert all(d.evidence["text"] == wrong[d.key.split(".")[1]] for d in diags)


def test_note_that_table4_includes_carried_over_cases_accepts_a_lower_text_count():
    text = with_sentence("全年新发生政府信息公开行政复议 0 件。")
    assert run(text, ["N103"])  # 0 ≠ 1 without the note
    noted = text.replace("五、存在的主要问题", "注：行政复议、行政诉讼数量含上年度结转数量。\n\n五、存在的主要问题")
    assert run(noted, ["N103"]) == []


# ------------------------------------------------------------------ N104 outcomes

def test_outcome_counts_and_percentages_of_a_real_report_hold():
    assert run(corpus("kiro_shanghai-gov-office-2025_pdf-markdown.txt"), ["N104"]) == []


def test_outcome_count_mutation_is_an_error():
    text = corpus("kiro_shanghai-gov-office-2025_pdf-markdown.txt")
    diags = run(text.replace("分公开 208 件（17.46%）", "分公开 209 件（17.46%）"), ["N104"])
    assert [(d.severity, d.evidence["table"]) for d in diags] == [("error", 208)]


def test_wrong_percentage_is_a_warning():
    text = corpus("kiro_shanghai-gov-office-2025_pdf-markdown.txt")
    diags = run(text.replace("564 件（47.36%）", "564 件（46.36%）"), ["N104"])
    assert [(d.severity, d.evidence["expected"]) for d in diags] == [("warning", "47.36")]


def test_outcome_words_in_order():
    """予以公开 2, 部分公开 1, 无法提供 1 in the example; 不予公开 must not be read as 予以公开."""
    assert run(with_sentence("办结的申请中，予以公开 2 件，部分公开 1 件，不予公开 0 件，无法提供 1 件。"), ["N104"]) == []
    assert len(run(with_sentence("办结的申请中，予以公开及部分公开 2 件。"), ["N104"])) == 1


# ------------------------------------------------------------------ N105 / N106 parts

def test_seed_004_nested_parentheses_are_not_counted_twice():
    diags = run(corpus("004_f66dd8460545a76a.txt"), ["N105"], "default")
    assert [(d.span.line, d.evidence["left"], d.evidence["right"]) for d in diags] == [(10, 37, 39)]


def test_seed_000_parts_below_total_is_strict_only():
    text = corpus("000_dcefddf45f2ae57e.txt")
    diags = lint_text(text, config=LintOptions(profile="default"))
    assert not [d for d in diags if d.code in ("N105", "N106")]
    strict = run(text, ["N106"])
    assert [(d.span.line, d.evidence["left"], d.evidence["right"]) for d in strict] == [(13, 130, 112)]


@pytest.mark.parametrize("sentence, n105, n106", [
    ("全年发布信息 10 条，其中政务动态 6 条、通知公告 5 条。", True, False),
    ("全年发布信息 11 条，其中政务动态 6 条、通知公告 5 条。", False, False),
    ("全年发布信息 20 条，其中政务动态 6 条、通知公告 5 条。", False, True),
    ("全年发布信息 20 条，其中政务动态 6 条。", False, False),                       # a subset
    ("全年发布信息 20 条，其中政务动态 6 条、其他为通知公告。", False, False),       # item without count
    ("全年发布信息约 10 条，其中政务动态 6 条、通知公告 5 条。", False, False),     # approximate
    ("全年发布信息 11 条，具体来看：政务动态 6 条（其中图片 2 条）；通知公告 5 条。", False, False),
    ("复议 5 件，其中维持 2 件，纠正 3 件；诉讼 4 件，其中维持 4 件。", False, False),  # two lists
    # channels overlap: one item is published on several of them
    ("全年发布信息 200 条，其中政府网站 150 条，政务微博 120 条，微信公众号 100 条。", False, False),
    # two counts before the list: its total is not known
    ("办理人大代表建议 25 件、政协提案 30 件，其中主办 10 件、协办 45 件。", False, False),
    # items joined by 、 make up the total; the clause after the comma counts something else
    ("全年办理在线留言 1647 条，其中局长信箱 268 条、咨询交流 1379 条，公开答复数量 1061 条。", False, False),
    ("全年办理在线留言 1600 条，其中局长信箱 268 条、咨询交流 1379 条，公开答复数量 1061 条。", True, False),
    ("全年发布信息 26 条，其中政务动态 20 条、通知公告 6 条、政策文件 2 条。", True, False),
    # the total ends one sentence, the list opens the next (…32 条。其中：…)
    ("全年主动公开政府信息 32 条。其中：部门文件 3 条、规划计划 3 条、政策解读 25 条。", False, True),
    ("全年主动公开政府信息 30 条。其中：部门文件 3 条、规划计划 3 条、政策解读 25 条。", True, False),
    ("全年主动公开政府信息 31 条。其中：部门文件 3 条、规划计划 3 条、政策解读 25 条。", False, False),
    ("全年收到申请 5 件，办结 4 件。其中，予以公开 2 件、不予公开 2 件。", False, False),
    # two counts before the stop: the list's total is not known
    ("全年新收申请 317 件，上年结转 3 件。其中，予以公开 184 件、部分公开 18 件、无法提供 57 件。", False, False),
])
def test_parts_against_total(sentence, n105, n106):
    text = with_sentence(sentence)
    assert bool(run(text, ["N105"])) is n105
    assert bool(run(text, ["N106"])) is n106


# ------------------------------------------------------------------ peer fixtures

# Every default finding of the structure/narrative/dates/hygiene rules on the peer fixtures,
# with the reason a reviewer would agree. Nothing else may be reported there by these rules.
PEER_DEFAULT = {
    "kiro_hongze-2024_pdfminer.txt": {
        # "受理政府信息公开申请 17 件" but 表三 新收 95 and 上年结转 0: neither reading of 受理
        # (新收, or 新收 + 结转) gives 17; a warning, since the clause names 区政府办 as agent.
        (46, "N101"),
    },
    "kiro_shanghai-gov-office-2025_pdf-markdown.txt": {
        # no 五、存在的主要问题及改进情况 heading: （一）2024 年工作中存在问题的改进情况 follows 表四.
        (183, "S101"),
    },
    "kiro_shanghai-stcsm-2024_pdf-markdown.txt": {
        # 总体情况's topics are numbered 二、…六、 like top-level sections (second numbering).
        (23, "S108"),
        # "所有申请均已按要求办理完成" while 1 application 转下一年度 (表三 四、结转下年度 = 1).
        (43, "N102"),
        # "发布信息 2139 条，其中 1744 + 393 + 21 + 2 条" = 2160, more than the total.
        (65, "N105"),
        # the statutory block is numbered 一、二、三、五 instead of 二、三、四、六.
        (73, "S103"), (91, "S103"), (180, "S103"), (205, "S103"),
        # no 五、存在的主要问题及改进情况 heading before （一）主要问题.
        (192, "S101"),
    },
    "govnianbao_huaian-city-2024_pdfminer.txt": set(),
    "govnianbao_huaian-city-2024_section3-fragment.txt": set(),
    "kiro_hongze-2023_pdfminer.txt": set(),
    "kiro_shuyang-county-2025_ocr-markdown.txt": set(),
}


@pytest.mark.parametrize("name", sorted(PEER_DEFAULT))
def test_peer_fixture_default_findings(name):
    diags = lint_text(corpus(name), path=name, config=LintOptions(profile="default"))
    got = {(d.span.line, d.code) for d in diags if d.category in MINE}
    assert got == PEER_DEFAULT[name]


# ------------------------------------------------------------------ reading confidence

def test_prose_is_not_compared_with_a_misread_row():
    # 一、本年新收 printed "3 1 0 0 0 04": its last two cells ran together ("04"). Read as
    # printed it would total 8, against the 4 the prose rightly says: not compared.
    fused = {"R01": "一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t04"}
    assert run(with_sentence("全年新收政府信息公开申请 4 件。", t3_rows=fused), ["N101"]) == []
    assert len(run(with_sentence("全年新收政府信息公开申请 5 件。"), ["N101"])) == 1


def test_prose_is_not_compared_with_an_unassessable_table_4():
    row = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    sentence = "本年度发生政府信息公开行政复议 2 件。"
    assert len(run(with_sentence(sentence), ["N103"])) == 1
    assert run(with_sentence(sentence, replace={row: "1 0 0 0 1 0 0 0 0 0 0 0 0 0"}), ["N103"]) == []


@pytest.mark.parametrize("marks, sentence, fires", [
    ("—\t—\t—\t—\t—", "本年度发生政府信息公开行政诉讼 2 件。", True),      # the suit blocks: all marks
    ("无\t无\t\t无\t无", "本年度发生政府信息公开行政诉讼 1 件。", True),       # marks and an empty cell
    ("—\t—\t—\t—\t—", "本年度未发生政府信息公开行政诉讼。", False),          # the text says none too
    ("—\t—\t—\t—\t—", "本年度发生政府信息公开行政诉讼 0 件。", False),
    ("—\t—\t—\t—\t1", "本年度发生政府信息公开行政诉讼 2 件。", False),       # a number: not marks alone
])
def test_a_case_count_where_table_4_writes_marks_for_its_block(marks, sentence, fires):
    # Table 四's suit blocks written in marks (zeros as — or 无): the table shows no suit.
    row = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    text = with_sentence(sentence, replace={row: "1\t0\t0\t0\t1\t" + marks + "\t" + marks.replace("1", "—")})
    found = run(text, ["N103"])
    assert [d.severity for d in found] == (["warning"] if fires else []), [d.message for d in found]
    if fires:
        assert "表中没有这类案件的数值" in found[0].message


def test_a_parts_list_ends_at_a_clause_with_a_verb_of_handling():
    """收到申请 4 件，其中自然人 3 件、法人 1 件，已办结 4 件: 已办结 is not a fourth part."""
    text = with_sentence("全年收到政府信息公开申请4件，其中自然人3件、法人1件，已办结4件。")
    assert run(text, ["N105", "N106"]) == []


@pytest.mark.parametrize("total, parts, severity", [
    (28, "政务动态20条、通知公告8条、政策文件2条", "info"),     # 30: the excess is the 2 listed
    (27, "政务动态20条、通知公告8条、政策文件2条", "warning"),  # 30: no part of 3
    (30, "政务动态20条、通知公告8条、政策文件2条、图片新闻2条", "warning"),  # 32: two parts of 2
])
def test_an_excess_equal_to_exactly_one_part_is_an_info(total, parts, severity):
    text = with_sentence(f"全年发布信息{total}条，其中{parts}。")
    found = run(text, ["N105"])
    assert [d.severity for d in found] == [severity]


def test_n103_a_claim_of_none_is_reported_once_and_per_suit_block():
    # 行政诉讼案件为 0 件 was reported twice (as a claim of none and as a count of 0); 复议后
    # 提起诉讼的案件为 0 件 was compared with both the 行政复议 and the 行政诉讼 totals.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import phrasing_cases as pc

    def n103(sentence):
        return [d for d in pc.findings(pc.phrasing_report(sentence)) if d.code == "N103"]

    assert len(n103("（二）依申请公开。全年行政诉讼案件为0件。")) == 1
    assert n103("（二）依申请公开。全年行政诉讼1件，复议后提起诉讼的案件为0件。") == []
    (d,) = n103("（二）依申请公开。全年行政诉讼1件，未经复议直接起诉的案件为0件。")
    assert "未经复议直接起诉" in d.message


@pytest.mark.parametrize("sentence", [
    "结转下年度继续办理1件.全年未发生行政诉讼.发生行政复议1件.",  # 。 read as "." (OCR)
    "结转下年度继续办理1件.\n全年未发生行政诉讼.",  # ... at a line's end
])
def test_a_full_stop_read_as_a_dot_still_ends_the_sentence(sentence):
    # Was: the three sentences read as one, "1件" taken for the count of 行政诉讼 (N103).
    assert run(with_sentence(sentence), ["N"]) == []


def test_a_dot_in_numbers_headings_and_addresses_is_no_full_stop():
    from gplint.reader.sentences import _OCR_FULL_STOP

    for text in ("收费9.5万元", "四.政府信息公开行政复议情况", "网址www.gov.cn", "1.属于国家秘密"):
        assert _OCR_FULL_STOP.search(text) is None, text
    assert _OCR_FULL_STOP.sub("。", "办理1件.发生复议") == "办理1件。发生复议"


@pytest.mark.parametrize(("pending", "found"), [("1", ["N108"]), ("", []), ("0", [])])
def test_all_upheld_against_a_pending_case_among_blank_cells(pending, found):
    # A page that prints no 0 (its 结果纠正 and 其他结果 left blank): a written 尚未审结
    # above 0 still contradicts 均获维持; blanks alone do not.
    t4 = {"review.upheld": "1", "review.corrected": "", "review.other": "", "review.pending": pending,
          "review.total": "2" if pending == "1" else "1"}
    sentence = f"全年因政府信息公开被申请行政复议{t4['review.total']}件，均获维持。"
    assert [d.code for d in run(with_sentence(sentence, t4=t4), ["N108"])] == found


def test_all_upheld_after_two_counted_kinds_speaks_of_both():
    # 行政复议2件，行政诉讼1件，均获维持: the claim is of both kinds, not only the nearest.
    t4 = {"review.upheld": "1", "review.pending": "1", "review.total": "2"}
    sentence = "全年行政复议2件，行政诉讼0件，均获维持。"
    found = run(with_sentence(sentence, t4=t4), ["N108"])
    assert [d.code for d in found] == ["N108"] and "行政复议" in found[0].message


def test_carried_applications_in_another_sentence_of_the_paragraph_leave_table_4_alone():
    # A web page's paragraph is one line: 含上年度结转申请 of table 三's applications in one
    # sentence does not make table 四 "include carried cases" for the next sentence.
    t4 = {"review.upheld": "1", "review.pending": "1", "review.total": "2"}
    para = "全年答复申请4件（含上年度结转申请1件）。全年行政复议2件，均获维持。"
    assert [d.code for d in run(with_sentence(para, t4=t4), ["N108"])] == ["N108"]
    carried = "全年答复申请4件。全年行政复议2件（含上年结转1件），均获维持。"
    assert run(with_sentence(carried, t4=t4), ["N108"]) == []


# ------------------------------------------------------------------ N110 in a 2019-format report

def _report_2019(sentence: str) -> str:
    """A 2019 report in the 2019 format (规章 0/0/0, 规范性文件 2/2/9) with ``sentence`` in 一."""
    text = with_sentence(sentence).replace("2024", "2019")
    return with_2019_table_two(text)


@pytest.mark.parametrize("sentence, fires", [
    ("本年度规章对外公开总数量1件。", True),
    ("本年度规章对外公开总数量0件。", False),
    ("全年新制作规范性文件3件，新公开规范性文件2件。", True),
    ("全年新制作规范性文件2件，新公开规范性文件2件。", False),
    ("截至年底，规范性文件对外公开总数9件。", False),
    ("截至年底，规范性文件对外公开总数8件。", True),
    # 公开 alone is every kind of information's: no column of table 二.
    ("全年主动公开规范性文件5件。", False),
])
def test_document_counts_of_a_2019_format_report(sentence, fires):
    assert bool(run(_report_2019(sentence), ["N110"])) == fires
