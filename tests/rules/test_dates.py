"""Date rules D101-D103: impossible dates, the statistics period, the report's own year."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint.engine import LintOptions, lint_text
from gplint.testing import example_report, lint_with

CORPUS = Path(__file__).parent.parent / "corpus"
PERIOD = "统计期限为2024年1月1日至2024年12月31日。"


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def run(text, select, profile="strict"):
    return [d for d in lint_with(text, select, profile=profile) if not d.code.startswith("E")]


def test_example_report_is_clean_for_date_rules():
    assert run(example_report(), ["D"]) == []


# ------------------------------------------------------------------ D101

def test_seed_001_fused_item_number_is_strict_only():
    text = corpus("001_98c801d9a8639466.txt")
    default = lint_text(text, config=LintOptions(profile="default"))
    assert not [d for d in default if d.category == "dates"]
    diags = run(text, ["D101"])
    assert [(d.span.line, d.span.column) for d in diags] == [(619, 1)]
    assert "22024" in diags[0].message


@pytest.mark.parametrize("sentence, fires", [
    ("2024年13月召开会议。", True),
    ("2024年2月30日召开会议。", True),
    ("2024年2月29日召开会议。", False),        # leap year
    ("共服务 12000 人次。", False),            # a count, not a year
    ("截至2024年12月31日。", False),
    ("统计期限自20241月1日起至202412月31日止。", True),   # 年 lost between year and month
    ("统计期限自202411日起至20241231日止。", True),       # 年 and 月 lost
    ("共收到申请20241件。", False),                     # a count, no date
    ("统计期限为202020年1月1日至202020年12月31日。", True),  # the year typed twice over
])
def test_impossible_dates(sentence, fires):
    text = example_report().replace("（三）政府信息管理。", sentence + "\n（三）政府信息管理。")
    assert bool(run(text, ["D101"])) is fires


# ------------------------------------------------------------------ D102

@pytest.mark.parametrize("period, fires", [
    (PERIOD, False),
    ("统计期限为2024年1月1日至12月31日。", False),          # year carried over to the end date
    ("报告中涉及数据时间为 2024 年 1 月 1 日-12 月 31 日）", False),
    ("统计期限为2024年1月1日至2024年11月30日。", True),
    ("统计期限为2023年1月1日至2023年12月31日。", True),
    ("统计周期为2024年2月1日至12月31日。", True),
])
def test_statistics_period(period, fires):
    text = example_report()
    assert PERIOD in text
    diags = run(text.replace(PERIOD, period), ["D102"])
    assert bool(diags) is fires
    if fires:
        assert "2024年1月1日至2024年12月31日" in diags[0].message


def test_statistics_period_of_every_seed_and_fixture_is_right():
    for p in sorted(CORPUS.glob("*.txt")):
        assert run(p.read_text(encoding="utf-8"), ["D102"]) == [], p.name


# ------------------------------------------------------------------ D103

@pytest.mark.parametrize("sentence, fires", [
    ("现将本机关2023年度政府信息公开工作年度报告公布如下。", True),
    ("现将本机关2024年度政府信息公开工作年度报告公布如下。", False),
    ("针对2023年度报告中指出的问题进行了整改。", False),   # another year named for a reason
    ("编制了 2023 年度政务公开工作报告。", True),
])
def test_report_naming_itself_with_another_year(sentence, fires):
    text = example_report().replace(PERIOD, PERIOD + sentence)
    assert bool(run(text, ["D103"])) is fires


def test_full_width_years_are_read():
    """２０２３年 in full-width digits is a year like 2023年 (D102, D103)."""
    from gplint.testing import example_report, lint_with

    text = example_report().replace("统计期限为2024年1月1日至2024年12月31日", "统计期限为２０２３年1月1日至２０２３年12月31日")
    assert [d.code for d in lint_with(text, ["D102"])] == ["D102"]
    text = example_report().replace("本报告依据", "现将本局２０２３年度政府信息公开工作年度报告公布如下。本报告依据")
    assert [d.code for d in lint_with(text, ["D103"])] == ["D103"]


@pytest.mark.parametrize("written, year", [("二〇二三", 2023), ("二O二三", 2023), ("二○二三", 2023), ("二零二三", 2023)])
def test_a_title_year_written_in_characters_is_the_report_year(written, year):
    """二〇二三年政府信息公开工作年度报告: the title's year, read as 2023 and checked as one."""
    from gplint import parse

    text = example_report().replace("示例市交通运输局2024年", f"示例市交通运输局{written}年", 1)
    assert parse(text).year == year
    assert [d.code for d in run(text, ["D102"])] == ["D102"]  # its statistics period says 2024
    same = text.replace("2024年", f"{year}年")
    assert parse(same).year == year and run(same, ["D"]) == []
