"""gplint.analyses.per_report: an analysis shared by rules is computed once per report,
never confused between reports (even equal ones), and kept for the last few only."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint import analyses
from gplint.analyses import per_report
from gplint.confidence import assess
from gplint.model import Report
from gplint.reader import parse
from gplint.rules.arithmetic._identities import analyse_t3
from gplint.rules.narrative._prose import application_sentences, sentences

SEED = Path(__file__).parent / "corpus" / "001_98c801d9a8639466.txt"


def _counted():
    calls: list[Report] = []

    @per_report
    def lines_of(report: Report) -> int:
        """How many lines."""
        calls.append(report)
        return len(report.lines)

    return lines_of, calls


def test_computed_once_per_report():
    lines_of, calls = _counted()
    a = Report(path=None, text="x\ny", lines=("x", "y"))
    assert lines_of(a) == 2 and lines_of(a) == 2 and calls == [a]
    assert lines_of.__name__ == "lines_of" and lines_of.__doc__ == "How many lines."


def test_reports_are_told_apart_by_identity_not_value():
    lines_of, calls = _counted()
    a = Report(path=None, text="", lines=())
    b = Report(path=None, text="", lines=())
    assert a == b
    lines_of(a), lines_of(b), lines_of(a)
    assert len(calls) == 2 and calls[0] is a and calls[1] is b


def test_only_the_last_few_reports_are_kept():
    lines_of, calls = _counted()
    reports = [Report(path=str(i), text="", lines=()) for i in range(analyses.KEEP + 1)]
    for r in reports:
        lines_of(r)
    lines_of(reports[-1])  # still kept
    assert len(calls) == analyses.KEEP + 1
    lines_of(reports[0])  # the oldest was let go: computed again
    assert len(calls) == analyses.KEEP + 2


def test_a_failure_is_not_kept():
    tries = []

    @per_report
    def flaky(report: Report) -> str:
        tries.append(1)
        if len(tries) == 1:
            raise ValueError("first time")
        return "ok"

    r = Report(path=None, text="", lines=())
    with pytest.raises(ValueError):
        flaky(r)
    assert flaky(r) == "ok" and flaky(r) == "ok" and len(tries) == 2


@pytest.mark.parametrize("analysis", [sentences, application_sentences, analyse_t3, assess])
def test_rules_share_the_same_result(analysis):
    report = parse(SEED.read_text(encoding="utf-8"))
    first = analysis(report)
    assert analysis(report) is first
    again = analysis(parse(SEED.read_text(encoding="utf-8")))  # an equal report: its own result
    assert again is not first and again == first


def test_an_analysis_says_whether_it_keeps_a_reports_result():
    lines_of, _ = _counted()
    a = Report(path="a", text="", lines=())
    b = Report(path="b", text="", lines=())
    lines_of(a)
    assert lines_of.computed(a) and not lines_of.computed(b)
    lines_of.cache_clear()
    assert not lines_of.computed(a)


def test_every_analysis_is_listed_for_the_bench():
    from gplint.reader.sentences import sentences_of

    lines_of, _ = _counted()
    assert {sentences_of, application_sentences, analyse_t3, assess, lines_of} <= set(analyses.ANALYSES)
