"""Report.quantities is found when something reads it (no built-in rule does), and reads
exactly as if it had been found while parsing."""
from __future__ import annotations

import copy
import pickle
from pathlib import Path

from gplint.reader import parse
from gplint.engine import LintOptions, lint_source
from gplint.model import Quantity, Report, Span, _Pending, deferred
from gplint.plugins import build_registry
from gplint.sources import Source

SEED = Path(__file__).parent / "corpus" / "001_98c801d9a8639466.txt"
PROSE = "一、总体情况\n本年度共收到政府信息公开申请12件，办结约10件。\n"


def _pending(report: Report) -> bool:
    return isinstance(report.__dict__["_quantities"], _Pending)


def test_quantities_are_found_at_the_first_read_and_kept():
    report = parse(PROSE)
    assert _pending(report)
    found = report.quantities
    assert not _pending(report) and report.quantities is found
    assert [(q.value, q.unit, q.approximate, q.span.line) for q in found] == [(12, "件", False, 2), (10, "件", True, 2)]
    assert found[0].clause == "本年度共收到政府信息公开申请12件"


def test_linting_does_not_find_them_and_finds_the_same():
    text = SEED.read_text(encoding="utf-8")
    result = lint_source(Source("seed.txt", text), build_registry(), LintOptions(profile="strict"))
    assert result.report is not None and _pending(result.report)
    assert result.report.quantities == parse(text).quantities and len(result.report.quantities) > 10


def test_equality_repr_copy_and_pickle_see_the_values():
    text = SEED.read_text(encoding="utf-8")
    a, b = parse(text), parse(text)
    assert a == b and repr(a) == repr(b)
    shipped = pickle.loads(pickle.dumps(parse(text)))
    assert not _pending(shipped) and shipped.quantities == a.quantities
    assert copy.deepcopy(parse(text)).quantities == a.quantities


def test_a_report_made_by_hand_takes_a_tuple_or_nothing():
    q = Quantity(3, "件", Span(1, 1, 1, 2), "3件", Span(1, 1, 1, 3))
    assert Report(path=None, text="", lines=()).quantities == ()
    assert Report(path=None, text="", lines=(), quantities=(q,)).quantities == (q,)
    calls = []
    lazy = Report(path=None, text="", lines=(), quantities=deferred(lambda: calls.append(1) or (q,)))
    assert calls == [] and lazy.quantities == (q,) and lazy.quantities == (q,) and calls == [1]


def test_a_report_pickled_before_the_field_was_deferred_still_reads():
    report = parse(PROSE)
    found = report.quantities
    old_state = dict(report.__dict__)
    old_state["quantities"] = old_state.pop("_quantities")  # how such a pickle stored it
    old = Report.__new__(Report)
    old.__dict__.update(old_state)
    assert old.quantities == found
