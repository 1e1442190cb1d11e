"""Title, year and reporter kind; headings whose title starts with a year."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint import parse
from gplint.testing import example_report

CORPUS = Path(__file__).parent / "corpus"


def read(name: str):
    return parse((CORPUS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("heading", ["二、2024年主动公开政府信息情况", "二、 2024年度主动公开政府信息情况"])
def test_heading_title_may_start_with_a_year(heading):
    text = example_report(replace={"二、主动公开政府信息情况": heading})
    report = parse(text)
    assert report.sections["S2"].title == heading.replace("  ", " ")
    assert sorted(report.sections) == ["S1", "S2", "S3", "S4", "S5", "S6"]


def test_a_decimal_is_not_a_heading():
    report = parse(example_report(replace={"本机关持续优化政府网站信息公开专栏。": "一.5倍于上年。"}))
    assert not any(h.text.startswith("一.5") for h in report.headings)


@pytest.mark.parametrize("name, title, kind", [
    ("kiro_hongze-2023_pdfminer.txt", "洪泽区人民政府2023 年政府信息公开工作年度报告", "government"),
    ("002_bcc8f195f7d4f0d8.txt", "牡丹江经济技术开发区管理委员会2024 年政府信息公开工作年度报告", "department"),
    ("003_40d59da40b55d807.txt", "运城市科学技术局2024 年度政府信息公开工作年度报告", "department"),
    ("kiro_shuyang-county-2025_ocr-markdown.txt", "沐阳县人民政府 2025 年 政府信息公开工作年度报告", "government"),
])
def test_title_and_reporter_kind(name, title, kind):
    report = read(name)
    assert report.title == title
    assert report.reporter_kind == kind


_EXAMPLE_TITLE = "示例市交通运输局2024年政府信息公开工作年度报告"


@pytest.mark.parametrize("top, title, kind", [
    # A township's, a street's, a city's report naming the place alone, before or after the year.
    ("示例县某某乡2024年政府信息公开工作年度报告", "示例县某某乡2024年政府信息公开工作年度报告", "government"),
    ("某某街道2024年政府信息公开工作年度报告", "某某街道2024年政府信息公开工作年度报告", "government"),
    ("2024年度某某镇政府信息公开工作年度报告", "2024年度某某镇政府信息公开工作年度报告", "government"),
    ("示例市 2024 年政府信息公开工作年度报告", "示例市 2024 年政府信息公开工作年度报告", "government"),
    ("示例市某某片区管理局2024年政府信息公开工作年度报告", "示例市某某片区管理局2024年政府信息公开工作年度报告", "department"),
    # … with 关于 after the place, or no year in the title.
    ("某某乡关于2024年度政府信息公开工作的年度报告", "某某乡关于2024年度政府信息公开工作的年度报告", "government"),
    ("某某路街道办事处政府信息公开工作年度报告", "某某路街道办事处政府信息公开工作年度报告", "government"),
    ("示例县应急管理局政府信息公开工作年度报告", "示例县应急管理局政府信息公开工作年度报告", "department"),
    # The title wrapped after its year (inside 政府信息公开, or before it); never a metadata line.
    ("示例市公安局2024年度政府信息\n公开工作年度报告", "示例市公安局2024年度政府信息公开工作年度报告", "department"),
    ("示例县人民政府2024年度\n信息公开年度报告", "示例县人民政府2024年度信息公开年度报告", "government"),
    ("发布时间：2025年\n政府信息公开工作年度报告", "政府信息公开工作年度报告", "department"),
    # A page's title, then the document's heading with the agency on a line of its own.
    ("2024年政府信息公开工作年度报告\n示例县某某镇人民政府\n2024年政府信息公开工作年度报告",
     "示例县某某镇人民政府2024年政府信息公开工作年度报告", "government"),
    # A page's column name standing above the title names no report.
    ("政府信息公开\n示例县林业局2024年度政府信息公开工作报告", "示例县林业局2024年度政府信息公开工作报告", "department"),
    # The title wrapped after its agency, the year first.
    ("2024年某某街道\n政府信息公开工作年度报告", "2024年某某街道政府信息公开工作年度报告", "government"),
    # A publishing system's year typed before the title's own is no part of the agency.
    ("2024示例县某某乡2024年度政府信息公开工作年度报告", "2024示例县某某乡2024年度政府信息公开工作年度报告", "government"),
    # A page's metadata label before the title; the notice the report was sent out with.
    ("标 题 示例市交通运输局政府信息公开工作2024年度报告", "示例市交通运输局政府信息公开工作2024年度报告", "department"),
    ("示例市交通运输局关于印发 2024年政府信息公开工作年度报告的通知",
     "示例市交通运输局2024年政府信息公开工作年度报告", "department"),
])
def test_the_agency_a_title_names_and_its_kind(top, title, kind):
    report = parse(example_report().replace(_EXAMPLE_TITLE, top, 1))
    assert report.title == title
    assert report.reporter_kind == kind


@pytest.mark.parametrize("top", ["标 题 示例市交通运输局政府信息公开工作2024年度报告",
                                 "示例市交通运输局关于印发 2024年政府信息公开工作年度报告的通知"])
def test_the_agency_of_a_labelled_title_or_a_cover_notice(top):
    assert parse(example_report().replace(_EXAMPLE_TITLE, top, 1)).agency == "示例市交通运输局"


def test_a_page_footer_is_never_the_title():
    report = read("govnianbao_huaian-city-2024_section3-fragment.txt")
    assert "- 4 -" not in report.title


def test_parts_numbered_di_n_bufen_are_the_statutory_sections():
    text = example_report()
    for numeral, title in (("一", "总体情况"), ("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"),
                           ("四", "政府信息公开行政复议、行政诉讼情况"), ("五", "存在的主要问题及改进情况"),
                           ("六", "其他需要报告的事项")):
        text = text.replace(f"{numeral}、{title}", f"第{numeral}部分 {title}", 1)
    report = parse(text)
    assert sorted(report.sections) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert all(s.numeral_slot == s.slot for s in report.sections.values())
    from gplint import lint_text
    assert [d.code for d in lint_text(text) if d.category == "structure"] == []


def test_the_agency_after_a_stray_year():
    top = "2024示例县某某乡2024年度政府信息公开工作年度报告"
    assert parse(example_report().replace(_EXAMPLE_TITLE, top, 1)).agency == "示例县某某乡"


_EXAMPLE_PREFACE = "本报告依据《中华人民共和国政府信息公开条例》编制，"


@pytest.mark.parametrize("preface, kind", [
    # A page that kept no title: the preface publishing the report names its reporter.
    ("现公布示例县某某乡人民政府2024年度政府信息公开工作年度报告。", "government"),
    ("特向社会公布2024年某某乡人民政府政府信息公开工作情况报告。", "government"),
    ("现公布示例市交通运输局2024年政府信息公开工作年度报告。", "department"),
    # Never the documents the preface follows, nor the format.
    ("根据《示例县人民政府办公室关于做好2024年政府信息公开工作年度报告编制工作的通知》，", "department"),
    ("按照某某乡人民政府发布的2024年度报告格式，", "department"),
])
def test_the_reporter_named_in_the_preface_of_a_page_without_title(preface, kind):
    text = example_report().replace(_EXAMPLE_TITLE + "\n", "", 1).replace(_EXAMPLE_PREFACE, preface + _EXAMPLE_PREFACE, 1)
    report = parse(text)
    assert report.title == ""
    assert report.reporter_kind == kind
