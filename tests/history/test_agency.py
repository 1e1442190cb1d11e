"""Agency names (gplint.agency) and where a report belongs (Report.placement)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint import parse
from gplint.agency import agency_key, expand_relative, is_relative, normalise_agency, same_agency
from gplint.sources import read_path

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.mark.parametrize("written, normalised", [
    ("平潭综合实验区财政金融局", "平潭综合实验区财政金融局"),
    ("福建省平潭综合实验区财政金融局", "平潭综合实验区财政金融局"),   # a leading province
    ("平潭综合实验区 财政金融局", "平潭综合实验区财政金融局"),         # spaces
    ("关于平潭综合实验区财政金融局", "平潭综合实验区财政金融局"),
    ("上海市科委", "上海市科学技术委员会"),                            # a short form
    ("牡丹江经济技术开发区管委会", "牡丹江经济技术开发区管理委员会"),
    ("福建省人民政府办公厅", "福建省人民政府办公厅"),                  # nothing below the province
    ("ＸＸ市交通运输局", "XX市交通运输局"),                            # full-width letters (NFKC)
    ("洪泽区人民政府2023年度政府信息公开工作年度报告", "洪泽区人民政府"),
])
def test_normalise(written, normalised):
    assert normalise_agency(written) == normalised


@pytest.mark.parametrize("a, b, same", [
    ("淮安市洪泽区人民政府", "洪泽区人民政府", True),        # with and without its city
    ("江苏省淮安市洪泽区人民政府", "洪泽区人民政府", True),
    ("沭阳县人民政府", "沐阳县人民政府", True),              # an OCR slip (沐 for 沭)
    ("福州市鼓楼区人民政府", "南京市鼓楼区人民政府", False),  # two cities' 鼓楼区
    ("东城区人民政府", "西城区人民政府", False),              # one character, not a look-alike
    ("平潭综合实验区财政金融局", "平潭综合实验区公安局", False),
    ("平潭综合实验区金井片区管理局", "平潭综合实验区苏平片区管理局", False),
])
def test_same_agency(a, b, same):
    assert same_agency(normalise_agency(a), normalise_agency(b)) is same
    assert same_agency(normalise_agency(b), normalise_agency(a)) is same


def test_key_folds_the_city_and_lookalikes():
    assert agency_key("淮安市洪泽区人民政府") == agency_key("洪泽区人民政府")
    assert agency_key("沭阳县人民政府") == agency_key("沐阳县人民政府")


@pytest.mark.parametrize("name, relative", [
    ("市科技局", True), ("区财政金融局", True), ("本机关", True), ("",  True),
    ("牡丹江市科学技术局", False), ("平潭综合实验区", False), ("上海市人民政府办公厅", False),
])
def test_is_relative(name, relative):
    assert is_relative(normalise_agency(name) if name else name) is relative


def test_a_relative_name_is_written_out_only_from_one_fitting_candidate():
    assert expand_relative("市科技局", ["牡丹江市科学技术局"]) == "牡丹江市科学技术局"
    assert expand_relative("市科技局", ["牡丹江市科学技术局", "运城市科学技术局"]) is None
    assert expand_relative("市科技局", ["牡丹江市财政局"]) is None


@pytest.mark.parametrize("name, agency, year", [
    ("crawled/czj-2025.txt", "平潭综合实验区财政金融局", 2025),     # crawler header, "标题:"
    ("crawled/pingtan-2019.txt", "平潭综合实验区", 2019),            # the zone's own report
    ("kiro_hongze-2023_pdfminer.txt", "洪泽区人民政府", 2023),       # name on the line above the year
    ("kiro_hongze-2024_pdfminer.txt", "淮安市洪泽区人民政府", 2024),
    ("kiro_shanghai-stcsm-2024_pdf-markdown.txt", "上海市科学技术委员会", 2024),  # year first, short form
    ("kiro_shanghai-gov-office-2025_pdf-markdown.txt", "上海市人民政府办公厅", 2025),
    ("004_f66dd8460545a76a.txt", "济宁市兖州区科学技术局", 2024),
])
def test_corpus_reports_are_placed(name, agency, year):
    report = parse(read_path(str(CORPUS / name)).text, path=name)
    assert (report.agency, report.placement.year) == (agency, year)
    assert report.placement.placed and report.placement.agency_source == "title"


def test_a_relative_title_with_nothing_to_expand_it_is_not_placed():
    report = parse(read_path(str(CORPUS / "001_98c801d9a8639466.txt")).text)
    assert report.agency is None and not report.placement.placed
    assert report.placement.agency_as_written == "市科技局"
    assert "市科技局" in report.placement.problems[0]


def test_a_fragment_says_why_it_cannot_be_placed():
    report = parse(read_path(str(CORPUS / "govnianbao_huaian-city-2024_section3-fragment.txt")).text)
    assert report.agency is None and report.placement.year is None
    assert len(report.placement.problems) == 2


def _text(title: str, sign: str = "", preface: str = "") -> str:
    return (f"{title}\n\n{preface}\n\n一、总体情况\n\n本机关依法公开政府信息。\n\n六、其他需要报告的事项\n\n无。\n\n{sign}\n")


def test_the_signature_writes_out_a_relative_title():
    report = parse(_text("市科技局2024年度政府信息公开工作年度报告", "牡丹江市科学技术局\n2025年1月20日"))
    assert report.agency == "牡丹江市科学技术局"
    assert report.placement.agency_source == "title+signature"


def test_a_title_without_agency_takes_the_signature_then_the_preface():
    signed = parse(_text("2024年政府信息公开工作年度报告", "运城市科学技术局\n2025年1月23日"))
    assert (signed.agency, signed.placement.agency_source) == ("运城市科学技术局", "signature")
    prefaced = parse(_text("2024年政府信息公开工作年度报告",
                           preface="本报告由济宁市兖州区科学技术局按照《条例》要求编制。"))
    assert (prefaced.agency, prefaced.placement.agency_source) == ("济宁市兖州区科学技术局", "preface")


def test_a_signature_of_another_agency_is_noted_not_followed():
    report = parse(_text("运城市科学技术局2024年政府信息公开工作年度报告", "运城市财政局\n2025年1月23日"))
    assert report.agency == "运城市科学技术局"
    assert any("运城市财政局" in p for p in report.placement.problems)


def test_a_government_signed_by_its_office_is_one_agency():
    report = parse(_text("淮安市人民政府2024年政府信息公开工作年度报告", "淮安市人民政府办公室\n2025年1月23日"))
    assert report.agency == "淮安市人民政府" and report.placement.problems == ()


def test_the_year_from_the_statistics_period_or_the_signing_date():
    period = parse(_text("运城市科学技术局政府信息公开工作年度报告",
                         preface="本报告所列数据的统计期限为2023年1月1日至2023年12月31日。"))
    assert (period.placement.year, period.placement.year_source) in ((2023, "statistics period"), (2023, "text"))
    signed = parse("运城市科学技术局政府信息公开工作年度报告\n\n一、总体情况\n\n本机关依法公开政府信息。\n\n"
                   "运城市科学技术局\n2025年1月23日\n")
    assert signed.placement.year in (2024, 2025)


def test_dump_shows_the_placement():
    from gplint.dump import report_to_dict

    d = report_to_dict(parse(read_path(str(CORPUS / "crawled/gaj-2021.txt")).text))
    assert d["agency"] == "平潭综合实验区公安局"
    assert d["placement"]["year"] == 2021 and d["placement"]["placed"] is True


def test_a_page_without_title_is_placed_from_its_preface():
    text = ("现由示例区财政局编制本年度政府信息公开工作报告，所列数据的统计期限为2023年1月1日至2023年12月31日。\n"
            "一、总体情况\n本局依法公开政府信息。\n")
    report = parse(text)
    assert (report.agency, report.placement.agency_source, report.placement.year) == ("示例区财政局", "preface", 2023)


def test_a_relative_name_is_written_out_by_the_places_the_text_names_most():
    text = ("本报告结合区财政局政府信息公开工作实际编制，统计期限为2022年1月1日至2022年12月31日。\n"
            "一、总体情况\n2022年，示例区财政局主动公开信息85条。2022年度示例区财政局未收到申请。"
            "示例区财政局将继续做好公开工作。\n")
    assert parse(text).agency == "示例区财政局"
    assert parse(text).placement.agency_source == "preface+text"


def test_mentions_of_two_places_decide_nothing():
    text = ("本报告结合区财政局政府信息公开工作实际编制。\n一、总体情况\n"
            "甲乙区财政局与丙丁区财政局联合开展培训。甲乙区财政局主动公开信息。丙丁区财政局提供协助。\n")
    report = parse(text)
    assert report.agency is None and "区财政局" in report.placement.problems[0]


def test_expand_from_mentions_needs_a_clear_majority():
    from gplint.agency import expand_from_mentions

    assert expand_from_mentions("区财政局", "海沧区财政局。海沧区财政局。结合区财政局") is None  # 2 vs 1
    assert expand_from_mentions("区财政局", "海沧区财政局。海沧区财政局。海沧区财政局。结合区财政局") == "海沧区财政局"
    assert expand_from_mentions("市科技局", "年度牡丹江市科学技术局。牡丹江市科技局") == "牡丹江市科学技术局"


def test_a_page_without_title_is_placed_by_the_report_its_preface_publishes():
    text = ("现公布示例县某某乡人民政府2023年度政府信息公开工作年度报告。\n"
            "一、总体情况\n本乡依法公开政府信息。\n")
    report = parse(text)
    assert (report.agency, report.placement.agency_source) == ("示例县某某乡人民政府", "preface")


def test_a_title_naming_information_disclosure_without_government_names_the_agency():
    report = parse("示例县林业局信息公开工作年度报告\n\n本报告统计期限为2020年1月1日至2020年12月31日。\n"
                   "一、总体情况\n本局依法公开政府信息。\n")
    assert report.agency == "示例县林业局"
