"""The cross-report rules (X101-X104) on generated series in several layouts, with defects
planted year by year, and on real reports."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gplint.engine import LintOptions, lint_text
from gplint.example import example_report
from gplint.sources import read_path
from gplint.testing import history_with

sys.path.insert(0, str(Path(__file__).parent.parent / "history"))
from series import agency_series, texts  # noqa: E402

CORPUS = Path(__file__).parent.parent / "corpus"
YEARS = range(2021, 2026)
#: Layouts whose tables the reader reads with confidence (the others: tests below).
LAYOUTS = ("tabs", "pipe", "spaces", "cells", "cells-spaced", "pdfminer", "pypdf", "browser")
#: Layouts that run digits together: a table the reader cannot cut is left out, never guessed.
RUN_LAYOUTS = ("nosep", "crawled", "crawled-spaced", "run")


def _check(items, store, codes=("X",)):
    found = []
    for name, text in items:
        for d in lint_text(text, path=name, config=LintOptions(select=list(codes), history=store)):
            found.append((name, d))
    return found


def _series_findings(layout, defects, seed=7, org="示例市交通运输局"):
    items = texts(agency_series(org, YEARS, seed, defects), layout, "s")
    store = history_with([t for _, t in items], [n for n, _ in items])
    return {(int(name.split("-")[1]), d.code, d.severity) for name, d in _series_findings_raw(items, store)}


def _series_findings_raw(items, store):
    return _check(items, store)


@pytest.mark.parametrize("layout", LAYOUTS + RUN_LAYOUTS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_consistent_series_is_clean(layout, seed):
    assert _series_findings(layout, {}, seed) == set()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_planted_defects_are_found_in_their_year_only(layout):
    defects = {2022: ["in-force-lapse"], 2023: ["carry-over"], 2024: ["in-force-jump"], 2025: ["pending-lost"]}
    assert _series_findings(layout, defects) == {
        (2022, "X102", "info"), (2023, "X101", "error"), (2024, "X102", "warning"), (2025, "X103", "warning")}


@pytest.mark.parametrize("layout", RUN_LAYOUTS)
def test_run_together_layouts_find_what_they_read_and_guess_nothing(layout):
    defects = {2023: ["carry-over"], 2025: ["pending-lost"]}
    found = _series_findings(layout, defects)
    # A table whose runs the reader could not cut is not compared (T190 says so): some
    # planted defects may go unseen, but nothing else is ever reported.
    assert found <= {(2023, "X101", "error"), (2025, "X103", "warning")}
    assert (2023, "X101", "error") in found


def test_a_finding_names_the_other_report():
    items = texts(agency_series("示例市交通运输局", YEARS, 7, {2023: ["carry-over"]}), "tabs", "s")
    store = history_with([t for _, t in items], [n for n, _ in items])
    [(name, d)] = _check(items, store)
    assert name == "s-2023-tabs.txt" and d.key == "t3.R02"
    [rel] = d.related
    assert rel.path == "s-2022-tabs.txt" and "2022" in rel.message and "示例市交通运输局" in rel.message
    assert d.to_dict()["related"][0]["path"] == "s-2022-tabs.txt"
    assert d.evidence["columns"] == ["C1", "C7"]


def test_the_previous_report_under_another_spelling_is_found():
    before = example_report(agency="洪泽区人民政府", year=2023, t3={"R25": (2, 0, 0, 0, 0, 0, 2),
                                                               "R01": (4, 1, 0, 0, 0, 0, 5)})
    now = example_report(agency="淮安市洪泽区人民政府", year=2024)  # 上年结转 1, last year 2
    found = _check([("2024.txt", now)], history_with([before], ["2023.txt"]), codes=("X101",))
    assert [d.code for _, d in found] == ["X101"]


def test_unsure_readings_make_the_carry_over_a_warning():
    before = example_report(year=2023, t3={"R25": (2, 0, 0, 0, 0, 0, 2), "R01": (4, 1, 0, 0, 0, 0, 5)})
    # A row of this year's table 三 is one value short (read, but not with certainty).
    now = example_report(year=2024, t3={"R13": (0, 1, 0, 0, 0, 1)})
    [(_, d)] = _check([("2024.txt", now)], history_with([before]), codes=("X101",))
    assert d.severity == "warning"


def test_misread_rows_are_never_compared():
    before = example_report(year=2023, t3={"R25": (2, 0, 0, 0, 0, 0, 2), "R01": (4, 1, 0, 0, 0, 0, 5)})
    # 二、上年结转 with a count no agency reports (its digits ran together): misread.
    now = example_report(year=2024, t3={"R02.C7": "1000001"})
    assert _check([("2024.txt", now)], history_with([before]), codes=("X101",)) == []


def test_no_store_no_finding_and_an_unplaced_report_is_not_compared():
    items = texts(agency_series("示例市交通运输局", YEARS, 7, {2023: ["carry-over"]}), "tabs", "s")
    assert _check(items, None) == []
    unplaced = [(n, t.replace("示例市交通运输局", "市交通局")) for n, t in items]
    assert _check(unplaced, history_with([t for _, t in unplaced])) == []


def test_other_agencies_and_other_years_are_not_the_previous_report():
    a = agency_series("示例市交通运输局", YEARS, 7)
    b = agency_series("示例市财政局", YEARS, 8)
    items = texts(a, "tabs", "a") + texts(b, "tabs", "b")
    # Only 2021 and 2023 of agency a: 2023 has no previous report (2022 missing).
    kept = [it for it in items if not it[0].startswith("a-2022")]
    assert _check(kept, history_with([t for _, t in kept], [n for n, _ in kept])) == []


def test_the_2019_format_has_no_in_force_to_reconcile():
    before = read_path(str(CORPUS / "crawled/pingtan-2019.txt")).text
    now = example_report(agency="平潭综合实验区", year=2020)
    assert _check([("2020.txt", now)], history_with([before]), codes=("X102",)) == []


def test_a_real_two_year_series_reconciles():
    """洪泽区 2023 and 2024 (the city named in 2024 only): carry-over 0 = 0, 现行有效 5 + 3 − 0 = 8."""
    paths = [CORPUS / "kiro_hongze-2023_pdfminer.txt", CORPUS / "kiro_hongze-2024_pdfminer.txt"]
    items = [(p.name, read_path(str(p)).text) for p in paths]
    store = history_with([t for _, t in items], [n for n, _ in items])
    assert store.report_of("洪泽区人民政府", 2023) is not None
    assert store.report_of("洪泽区人民政府", 2024) is not None
    assert _check(items, store) == []


def test_the_crawled_reports_of_one_zone_are_different_agencies():
    paths = sorted((CORPUS / "crawled").glob("*.txt"))
    items = [(p.name, read_path(str(p)).text) for p in paths]
    assert _check(items, history_with([t for _, t in items], [n for n, _ in items])) == []


# ------------------------------------------------------------------ copied text (X104)

_OWN = ["本机关坚持以公开为常态、不公开为例外的原则，全面推进决策、执行、管理、服务、结果公开。",
        "全年通过门户网站主动公开政府信息一千余条，涵盖机构职能、政策文件和财政资金等内容。",
        "进一步规范依申请公开办理流程，做到登记、审核、答复各环节留痕可查。",
        "加强政策解读工作，对涉及群众切身利益的文件同步发布图文解读。",
        "健全政府信息公开保密审查机制，坚持先审查、后公开，一事一审、全面审查。",
        "持续优化政府网站政府信息公开专栏，及时更新法定主动公开内容。",
        "将政务公开工作纳入年度绩效考核，定期通报各科室信息发布情况。",
        "组织全体工作人员参加政务公开业务培训，提升信息公开工作能力。",
        "主动公开的政府信息与公众需求相比仍有差距，政策解读的形式还不够丰富。",
        "下一步将拓宽公开渠道，丰富解读形式，加强与公众的互动交流。"]
_TEMPLATE = "本报告依据《中华人民共和国政府信息公开条例》和上级机关关于年度报告编制的要求编写完成。"


def _prose_report(agency: str, year: int, sentences) -> str:
    body = "\n".join([_TEMPLATE, *sentences])
    return (f"{agency}{year}年政府信息公开工作年度报告\n\n一、总体情况\n\n{body}\n\n"
            f"六、其他需要报告的事项\n\n本机关{year}年未收取信息处理费。\n")


def _fresh(agency: str, n: int = 10) -> list[str]:
    return [f"{agency}第{i}项工作：围绕年度重点任务推进信息公开，完成第{i}批专项材料的整理与发布。" for i in range(n)]


def test_copied_from_last_year():
    before = _prose_report("示例市交通运输局", 2023, _OWN)
    copied = _prose_report("示例市交通运输局", 2024, _OWN[:8] + _fresh("示例市交通运输局", 2))
    [(_, d)] = _check([("2024.txt", copied)], history_with([before], ["2023.txt"]), codes=("X104",))
    # 12 sentences (the template one, ten, the fee statement), 9 of them last year's.
    assert d.evidence["share"] == 0.75 and d.evidence["sentences"] == 12
    assert d.evidence["source_path"] == "2023.txt"
    assert d.related[0].path == "2023.txt" and "75%" in d.message


def test_copied_from_another_agency_of_the_same_year():
    theirs = _prose_report("示例市财政局", 2024, _OWN)
    mine = _prose_report("示例市交通运输局", 2024, _OWN)
    [(_, d)] = _check([("mine.txt", mine)], history_with([theirs], ["theirs.txt"]), codes=("X104",))
    assert d.key == "copied.other agency" and d.evidence["source_agency"] == "示例市财政局"


def test_rewritten_text_and_template_sentences_are_not_copying():
    before = _prose_report("示例市交通运输局", 2023, _OWN)
    rewritten = _prose_report("示例市交通运输局", 2024, _OWN[:4] + _fresh("示例市交通运输局", 6))
    assert _check([("2024.txt", rewritten)], history_with([before]), codes=("X104",)) == []
    # Sentences every agency writes are template text: three agencies share _OWN here.
    others = [_prose_report(a, 2024, _OWN) for a in ("甲市财政局", "乙市财政局", "丙市财政局")]
    mine = _prose_report("示例市交通运输局", 2024, _OWN + _fresh("示例市交通运输局", 10))
    assert _check([("mine.txt", mine)], history_with(others), codes=("X104",)) == []


def test_copying_from_an_older_year_or_an_unrelated_year_is_not_reported():
    old = _prose_report("示例市交通运输局", 2021, _OWN)
    other_year = _prose_report("示例市财政局", 2022, _OWN)
    mine = _prose_report("示例市交通运输局", 2024, _OWN)
    assert _check([("mine.txt", mine)], history_with([old, other_year]), codes=("X104",)) == []


def test_a_short_report_is_not_judged():
    before = _prose_report("示例市交通运输局", 2023, _OWN[:5])
    mine = _prose_report("示例市交通运输局", 2024, _OWN[:5])
    assert _check([("mine.txt", mine)], history_with([before]), codes=("X104",)) == []
