"""A report on 2020 in the 2019 试行 format: recognised as such, its own table 二 read."""
from __future__ import annotations

from pathlib import Path

from gplint import parse
from gplint.dump import report_to_dict

TEXT = (Path(__file__).parent / "formats" / "report_2019_format.md").read_text(encoding="utf-8")


def test_format_recognised_and_t2_read_in_its_own_layout():
    report = parse(TEXT)
    assert report.year == 2020
    assert report.format_version == "2019"
    t2 = report_to_dict(report)["t2"]
    assert t2 == {
        "rules.made": 0, "rules.published": 0, "rules.total": 0,
        "norm.made": 2, "norm.published": 2, "norm.total": 15,
        "licensing.previous": 12, "licensing.change": -2, "licensing.decisions": 40,
        "other_services.previous": 3, "other_services.change": 0, "other_services.decisions": 8,
        "penalty.previous": 20, "penalty.change": 1, "penalty.decisions": 35,
        "coercion.previous": 2, "coercion.change": 0, "coercion.decisions": 1,
        "fees.previous": 1, "fees.change": 0,
        "procurement.items": 4, "procurement.amount": 36.5,
    }
    assert not [i for i in report.issues if i.table == "t2"]


def test_t3_with_lone_other_row_and_t4():
    report = parse(TEXT)
    assert report.t3.value("R24", "C7") == 3 and report.t3.value("R13", "C1") == 1
    assert "G6" in report.t3.groups and report.t3.value("R21", "C1") is None
    assert report.t4.value("review", "total") == 0


def test_same_text_dated_2024_is_still_read_as_2019_tables():
    text = TEXT.replace("2020", "2024")
    report = parse(text)
    assert report.year == 2024
    assert report.t2.format == "2019" and report.format_version == "2019"
    assert report.t2.value("licensing.change") == -2


def test_2021_report_is_2021():
    report = parse((Path(__file__).parent / "corpus" / "003_40d59da40b55d807.txt").read_text(encoding="utf-8"))
    assert report.format_version == "2021" and report.t2.format == "2021"


def test_2021_table_keeping_two_old_headers_of_block_one_is_read_in_2021():
    """A clerk who kept two 2019 headers over block (一) but filled the 2021 format's blocks:
    the table is the 2021 one (its other headers say so), read as such; T107 names the old
    headers, and no 2019 row is reported missing."""
    from gplint import lint_text

    text = (Path(__file__).parent / "corpus" / "003_40d59da40b55d807.txt").read_text(encoding="utf-8")
    assert "本年制发件数" in text and "现行有效件数" in text
    mixed = text.replace("本年制发件数", "本年新制作数量", 1).replace("现行有效件数", "对外公开总数量", 1)
    report = parse(mixed)
    assert report.t2.format == "2021"
    assert report_to_dict(report)["t2"] == report_to_dict(parse(text))["t2"]
    codes = sorted(d.code for d in lint_text(mixed))
    clean = sorted(d.code for d in lint_text(text))
    assert codes == sorted(clean + ["T107"])
