"""Structure rules S101-S108: the six sections, their order, numbering, titles and content."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint.engine import LintOptions, lint_text
from gplint.testing import example_report, lint_with, with_2019_table_two

CORPUS = Path(__file__).parent.parent / "corpus"

S3 = "三、收到和处理政府信息公开申请情况"
S4 = "四、政府信息公开行政复议、行政诉讼情况"
S5 = "五、存在的主要问题及改进情况"


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def run(text, select, profile="strict"):
    return [d for d in lint_with(text, select, profile=profile) if not d.code.startswith("E")]


def line_of(text: str, needle: str) -> int:
    return next(i for i, l in enumerate(text.splitlines(), 1) if needle in l)


def test_example_report_is_clean_for_structure_rules():
    assert run(example_report(), ["S"]) == []


# ------------------------------------------------------------------ S101 missing section

def test_seed_000_missing_s4_is_reported_at_table4():
    diags = run(corpus("000_dcefddf45f2ae57e.txt"), ["S101"], "default")
    assert [(d.span.line, d.key) for d in diags] == [(82, "S4")]
    assert S4 in diags[0].message


def test_missing_section_with_table_is_placed_at_its_table():
    text = example_report().replace(S4 + "\n", "")
    diags = run(text, ["S101"])
    assert [d.key for d in diags] == ["S4"]
    assert diags[0].span.line == line_of(text, "行政复议\t")


def test_missing_section_without_table_is_placed_at_next_heading_after_previous_content():
    text = example_report().replace(S5 + "\n", "（一）主要问题\n")
    diags = run(text, ["S101"])
    assert [(d.key, d.span.line) for d in diags] == [("S5", line_of(text, "（一）主要问题"))]


def test_a_title_inside_a_pipe_tables_cells_is_not_missing():
    # pymupdf4llm took the heading between tables 二 and 三 into one table, among a
    # cell's lines: |行政事业性收费<br>0<br>三、收到和处理政府信息<br>…|公开申|请情况|
    text = example_report()
    text = text.replace("行政事业性收费\t0\n\n" + S3 + "\n",
                        "|行政事业性收费<br>0<br>三、收到和处理政府信息<br>|公开申<br>|请情况|\n")
    assert S3 not in text
    assert run(text, ["S101"]) == []
    # Elsewhere than in a table row, a lost heading is still missing.
    assert [d.key for d in run(example_report().replace(S3 + "\n", ""), ["S101"])] == ["S3"]


@pytest.mark.parametrize("written", ["四，", "四 ", "“", ""])
def test_a_title_with_its_numbering_mistyped_or_lost_is_named_where_it_stands(written):
    # (A full-width comma for 、, a blank for it, a stray quote mark, the numbering left
    # out.) Was: "missing, should start here", at table 四's header.
    title = S4.split("、", 1)[1]
    text = example_report().replace(S4, written + title)
    diags = run(text, ["S101"])
    assert [(d.key, d.span.line) for d in diags] == [("S4", line_of(text, written + title))]
    assert "没有按格式编号" in diags[0].message and S4 in diags[0].message


@pytest.mark.parametrize("slot_heading, written", [
    ("六、其他需要报告的事项", "入、"),  # 六 read as a character of its shape
    ("四、政府信息公开行政复议、行政诉讼情况", "叫、"),
    ("五、存在的主要问题及改进情况", "去、"),
    ("五、存在的主要问题及改进情况", "五"),  # the 、 lost
    ("一、总体情况", "、"),  # the numeral lost, its mark kept
    ("三、收到和处理政府信息公开申请情况", "，"),
])
def test_a_title_numbered_as_a_scan_reads_it_is_the_section_not_a_finding(slot_heading, written):
    # A scanned report read by OCR: the section is printed with its numbering, the text
    # shows what the scan made of it. Was: S101 "没有按格式编号" on every such report.
    title = slot_heading.split("、", 1)[1]
    text = example_report().replace(slot_heading + "\n", written + title + "\n")
    assert written + title in text
    assert run(text, ["S101"]) == []


@pytest.mark.parametrize("written", [
    "、政府信息公开行政复议、\n\n行政诉讼情况",  # the numeral lost, the title wrapped
    "、政府信息公开行政复议、\n\n行下iR人情况",  # … and its second line garbled
    "  、 政府信息公开行政复议、 行下iR人情况",  # on one line (words placed by position)
])
def test_a_long_title_whose_end_ocr_garbled_or_wrapped_is_the_section(written):
    # tesseract on a scanned report: the title's start read right, its end on the next
    # line or garbled. Was: S101 "missing" at table 四's header.
    text = example_report().replace(S4 + "\n", written + "\n")
    assert S4 not in text
    assert run(text, ["S101"]) == []


@pytest.mark.parametrize("written", [
    "、政府信息公开行政复议、\n\n行政诉讼情况及本机关今年的有关工作安排",  # more than a title's end
    "四，政府信息公开行政复议、行政诉讼情况",  # a typist's numbering: named where it stands
])
def test_a_title_start_with_more_than_its_end_after_it_is_no_scan_of_the_heading(written):
    text = example_report().replace(S4 + "\n", written + "\n")
    assert [d.key for d in run(text, ["S101"])] == ["S4"]


@pytest.mark.parametrize("written", ["五、  入在网主要肯闻及攻测庙", "五、  存在玖主要向大及改进于况-"])
def test_a_heading_numbered_in_its_place_whose_title_a_scan_garbled_is_the_section(written):
    # tesseract on a scanned report: 五、 read right, the title garbled. Was: S101 "missing"
    # and S108 "a second numbering" inside section 四.
    text = example_report().replace(S5, written)
    assert S5 not in text
    assert run(text, ["S101", "S108"]) == []


def test_a_heading_in_its_place_with_another_title_is_no_scan_of_it():
    # 五、 over a title that shares too little with 存在的主要问题及改进情况: not the section.
    text = example_report().replace(S5, "五、本年度工作亮点与特色做法")
    assert [d.key for d in run(text, ["S101"])] == ["S5"]


def test_fragment_is_not_judged():
    assert run(corpus("govnianbao_huaian-city-2024_section3-fragment.txt"), ["S101"]) == []


# ------------------------------------------------------------------ S102 / S103 order, numbering

def test_sections_out_of_order():
    text = example_report()
    s4_start = text.index(S4)
    s5_start = text.index(S5)
    s6_start = text.index("六、其他需要报告的事项")
    swapped = text[:s4_start] + text[s5_start:s6_start] + text[s4_start:s5_start] + text[s6_start:]
    diags = run(swapped, ["S102"])
    assert len(diags) >= 1 and all(d.code == "S102" for d in diags)


def test_sections_swapped_with_their_numbers_in_order_are_out_of_order_not_misnumbered():
    # 五 and 六 changed places, each renumbered where it now stands (五、其他需要报告的事项
    # then 六、存在的主要问题…): the numbers run 一 … 六 down the text; the order is wrong.
    text = example_report()
    s5, s6 = text.index(S5), text.index("六、其他需要报告的事项")
    body5, body6 = text[s5:s6], text[s6:]
    swapped = text[:s5] + body6.replace("六、", "五、", 1).rstrip("\n") + "\n" + body5.replace("五、", "六、", 1)
    assert swapped.index("五、其他需要报告的事项") < swapped.index("六、存在的主要问题")
    diags = run(swapped, ["S102", "S103"])
    assert [d.code for d in diags] == ["S102"], [(d.code, d.message) for d in diags]


def test_shifted_block_is_misnumbered_at_every_heading():
    diags = run(corpus("kiro_shanghai-stcsm-2024_pdf-markdown.txt"), ["S103"], "default")
    assert [(d.span.line, d.key) for d in diags] == [(73, "S2"), (91, "S3"), (180, "S4"), (205, "S6")]
    assert "应为“二”" in diags[0].message


def test_a_title_naming_two_sections_is_the_one_its_numeral_gives():
    # An old report's parts merged under one heading: 主动公开 (二) and 依申请公开 (三)
    # both named, numbered 二. It is section 二 with a non-standard title, not a section 三
    # misnumbered; 一、…基本情况 is section 一.
    text = example_report().replace("二、主动公开政府信息情况", "二、主动公开、依申请公开工作情况", 1) \
        .replace("一、总体情况", "一、政府信息公开工作的基本情况", 1)
    assert "二、主动公开、依申请公开工作情况" in text and "一、政府信息公开工作的基本情况" in text
    diags = run(text, ["S101", "S103", "S104"])
    assert sorted((d.code, d.key) for d in diags) == [("S104", "S1"), ("S104", "S2")], \
        [(d.code, d.key, d.message) for d in diags]


def test_second_numbering_system_inside_overview():
    diags = run(corpus("kiro_shanghai-stcsm-2024_pdf-markdown.txt"), ["S108"], "default")
    assert [(d.span.line, d.key) for d in diags] == [(23, "S1.numbering")]
    assert len(diags[0].related) == 4  # 三、四、五、六 after 二、


def test_table3_row_labels_are_not_a_second_numbering():
    # T3 rows 一、本年新收… 二、上年结转… 四、结转下年度… sit inside section 三
    assert run(example_report(), ["S108"]) == []


# ------------------------------------------------------------------ S104 titles (strict)

def test_title_variants_are_strict_only():
    text = corpus("000_dcefddf45f2ae57e.txt")
    default = lint_text(text, config=LintOptions(profile="default"))
    assert not [d for d in default if d.code == "S104"]
    strict = lint_text(text, config=LintOptions(profile="strict"))
    assert sorted(d.span.line for d in strict if d.code == "S104") == [23, 44]


@pytest.mark.parametrize("heading, fires", [
    ("|四、政府信息公开行政复|议、行政诉讼情况||||||", False),  # pymupdf4llm cut the title into cells
    ("四、政府信息公开行政复议、|行政诉讼情况|", False),
    ("四、政府信息公开行政复议、诉讼|情况", True),  # a title of its own, cut or not
])
def test_a_title_cut_into_cells_is_read_joined(heading, fires):
    text = example_report().replace("四、政府信息公开行政复议、行政诉讼情况\n", heading + "\n", 1)
    assert heading in text
    assert bool(run(text, ["S104"])) is fires


# ------------------------------------------------------------------ S105 fee statement (strict)

@pytest.mark.parametrize("body, fires", [
    ("无", True),
    ("本年度无其他需要报告的事项。", True),
    ("本机关2024年未收取信息处理费。", False),
    ("信息处理费收取情况：无。", False),
    ("收取信息处理费0元。", False),
    ("我局无政府信息处理费收取情况。", False),
    ("2024 年，本机关未发生政府信息公开收费事项。", False),
])
def test_fee_statement(body, fires):
    text = example_report().replace("本机关2024年未收取信息处理费。", body)
    assert bool(run(text, ["S105"])) is fires


@pytest.mark.parametrize("name, line", [("000_dcefddf45f2ae57e.txt", 100), ("002_bcc8f195f7d4f0d8.txt", 88)])
def test_seeds_with_s6_only_wu(name, line):
    assert [d.span.line for d in run(corpus(name), ["S105"])] == [line]


# ------------------------------------------------------------------ S106 / S107 content (strict)

@pytest.mark.parametrize("body, fires", [("无。", True), ("", True), ("暂无", True),
                                         ("政策解读形式单一，将增加图解。", False)])
def test_problems_section_empty(body, fires):
    good = "一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。"
    text = example_report()
    assert good in text
    assert bool(run(text.replace(good, body), ["S106"])) is fires


def test_overview_topics():
    text = example_report()
    assert run(text, ["S107"]) == []
    assert "通过门户网站主动公开" in text
    cut = text.replace("（四）政府信息公开平台建设。本机关持续优化政府网站信息公开专栏。\n", "")
    cut = cut.replace("通过门户网站主动公开", "主动公开")  # 网站 alone counts as the platform topic
    diags = run(cut, ["S107"])
    assert len(diags) == 1 and "政府信息公开平台建设" in diags[0].message
    # It points where the topic belongs: before （五）监督保障, the next topic there.
    lines = cut.split("\n")
    assert (diags[0].span.line, diags[0].span.column) == (lines.index("（五）监督保障。本机关将政务公开纳入年度考核。") + 1, 1)


def test_government_report_needs_assessment_review_and_accountability_results():
    gov = example_report(agency="示例县人民政府")
    diags = run(gov, ["S107"])
    assert [d.key for d in diags] == ["S1.gov_results"]
    assert "社会评议" in diags[0].message and "责任追究" in diags[0].message
    assert diags[0].span.line == gov.split("\n").index("（五）监督保障。本机关将政务公开纳入年度考核。") + 1
    fixed = gov.replace("本机关将政务公开纳入年度考核。", "本机关将政务公开纳入年度考核，开展社会评议，未发生责任追究情况。")
    assert run(fixed, ["S107"]) == []
    wrapped = gov.replace("本机关将政务公开纳入年度考核。", "本机关将政务公开纳入年度考核，开展社会评\n议，未发生责任追究情况。")
    assert run(wrapped, ["S107"]) == []  # 社会评 / 议: a keyword over a line wrap


@pytest.mark.parametrize("agency", ["示例县某某镇", "某某街道", "示例县"])
def test_a_report_naming_its_place_alone_is_a_governments(agency):
    # A township's, street's or county's title without 人民政府 (某某镇2024年…).
    diags = run(example_report(agency=agency), ["S107"])
    assert [d.key for d in diags] == ["S1.gov_results"], agency


# ------------------------------------------------------------------ S109 2019-format report

def _report_2019(year: int) -> str:
    text = example_report().replace("2024", str(year))
    return with_2019_table_two(text)


def test_2019_format_report_gets_one_notice_on_table_2():
    text = _report_2019(2019)
    diags = run(text, ["S109"], "default")
    assert [(d.code, d.severity, d.span.line) for d in diags] == [("S109", "info", line_of(text, "本年新制作数量"))]
    assert "2019 年试行格式" in diags[0].message


def test_2021_format_report_gets_no_format_notice():
    assert run(example_report(), ["S109"], "default") == []


def test_2019_labels_in_a_2024_report_are_t107_not_s109():
    text = _report_2019(2024)
    assert run(text, ["S109"], "default") == []
    assert [d.code for d in run(text, ["T107"], "default")] == ["T107"]


def test_crawled_2019_report_gets_the_notice():
    diags = run(corpus("crawled/pingtan-2019.txt"), ["S109"], "default")
    assert [(d.code, d.span.line) for d in diags] == [("S109", 10)]


def test_s105_not_asked_of_a_report_before_the_fee_rules():
    """The 信息处理费 办法 applies from 2021: a 2019 report saying only 无其他需要报告的事项 passes."""
    assert run(corpus("crawled/pingtan-2019.txt"), ["S105"]) == []


def test_flattened_report_sections_have_their_own_bodies():
    """A crawled page on one line: each section's body is its own part of the line."""
    from gplint import parse
    report = parse(corpus("crawled/czj-2025.txt"))
    s5 = "".join(t for _, t in report.section_text("S5"))
    s6 = "".join(t for _, t in report.section_text("S6"))
    assert s5 and "六、其他需要报告的事项" not in s5 and "信息处理费" not in s5
    assert "信息处理费" in s6 and "五、存在的主要问题" not in s6
    assert run(corpus("crawled/czj-2025.txt"), ["S105", "S106"]) == []


def test_fee_statement_wrapped_over_a_line_is_found():
    """信息处理 / 费: a keyword wrapped over two lines of section 六 is read whole (S105)."""
    text = example_report().replace("本机关2024年未收取信息处理费。", "本机关2024年未收取信息处理\n费。")
    assert "信息处理\n费" in text
    assert run(text, ["S105"]) == []


# ------------------------------------------------------------------ S110 before the formats

# A report on 2017 as such reports were written (FORMAT.md §1.2, FMT-2008): sections of its
# own (概述, 依申请公开政府信息办理情况, 收费及减免, seven of them) and a statistics table of
# its own (指标 / 单位 / 数量), none of the national formats' tables.
_BEFORE_FORMATS = """示例市交通运输局2017年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》规定，现公布本局2017年度政府信息公开工作年度报告。本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。

一、概述
2017年，我局深入推进政府信息公开工作。
二、主动公开政府信息情况
全年主动公开政府信息356条，其中通过门户网站公开300条、政务微博公开56条。
三、依申请公开政府信息办理情况
2017年共受理政府信息公开申请15件，其中网上申请10件、信函申请5件。答复情况如下：
表1 依申请公开情况统计表
指标\t单位\t数量
一、收到申请数\t件\t15
1.当面申请数\t件\t0
2.网上申请数\t件\t10
3.信函申请数\t件\t5
二、申请办结数\t件\t15
1.同意公开答复数\t件\t9
2.不同意公开答复数\t件\t3
3.信息不存在数\t件\t3
三、行政复议数\t件\t1
四、行政诉讼数\t件\t0
四、政府信息公开的收费及减免情况
本年度未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
本年度因政府信息公开申请行政复议1件，无行政诉讼。
六、存在的主要问题和改进措施
一是公开内容不够全面；二是解读形式单一。
七、其他需要报告的事项
无。
"""


@pytest.mark.parametrize("profile", ["default", "strict"])
def test_report_before_the_formats_gets_one_notice_and_no_format_finding(profile):
    diags = lint_text(_BEFORE_FORMATS, path="r.txt", config=LintOptions(profile=profile))
    assert [(d.code, d.severity, d.span.line) for d in diags] == [("S110", "info", 1)]
    assert "2017 年度" in diags[0].message and "国办公开办函〔2019〕60号" in diags[0].message


def test_report_before_the_formats_is_read_as_such():
    from gplint import parse

    assert parse(_BEFORE_FORMATS).format_version == "2008"
    # No year in the text: --year says it.
    untitled = _BEFORE_FORMATS.replace("2017年", "本年")
    assert parse(untitled).format_version == "2021"
    assert parse(untitled, year=2017).format_version == "2008"


def test_checks_for_any_report_still_run_before_the_formats():
    """Dates and the prose's own sums hold for a report of any year."""
    wrong_period = _BEFORE_FORMATS.replace("至2017年12月31日止", "至2016年12月31日止")
    assert "D102" in [d.code for d in run(wrong_period, ["D102", "S"], "default")]
    parts_over = _BEFORE_FORMATS.replace("信函申请5件", "信函申请6件")
    assert sorted(d.code for d in run(parts_over, ["N105", "S"], "default")) == ["N105", "S110"]


def test_a_format_table_under_an_old_year_is_checked_against_the_format():
    """A title's year copied from an old report does not switch the checks off: a report
    that prints the format's tables follows the format."""
    from gplint import parse

    text = example_report().replace("2024", "2018", 1)
    assert parse(text).format_version == "2019"
    assert run(text, ["S110"], "default") == []
    broken = text.replace("规章\t0\t0\t0", "规章\t0\t0")
    assert "T103" in [d.code for d in run(broken, ["T"], "default")]
