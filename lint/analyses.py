"""Analyses several rules share, computed once per report.

Several rules need the same work done on a report: the prose cut into sentences, the
table 三 identities evaluated, each table's reading assessed. Each such analysis is an
ordinary function of the report, named and typed, marked with :func:`per_report`::

    from gplint.analyses import per_report

    @per_report
    def sentences(report: Report) -> tuple[Sentence, ...]:
        ...

Every rule then calls ``sentences(report)``; the first call for a report computes it,
the others get the same result back.

Why a cache beside the report, not on it: the :class:`~gplint.model.Report` is
immutable and holds only what the reader read. The cache is keyed by the report's
identity (``is``), not its value: ``Report`` compares by value but is not hashable (its
tables are dicts), and two equal reports may as well compute twice. Each analysis keeps
its results for the last few reports only (:data:`KEEP`), so a batch of any size holds
no more than that; the rules of a run ask about one report at a time, so that is every
call after the first. A result is a pure function of the report: whether it came from
the cache never changes what a rule reports.
"""
from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from .model import Report

T = TypeVar("T")

#: How many reports' results each analysis keeps (the most recent ones). The engine runs
#: every rule on one report before the next, so one would do; a few more let a caller
#: alternate between reports without recomputing.
KEEP = 4

#: Every analysis :func:`per_report` made (in the order their modules were imported): for
#: ``bench/rules.py``, which times them apart from the rules that ask for them first (a
#: rule's time is then its own work).
ANALYSES: list[Callable[["Report"], Any]] = []


def per_report(compute: Callable[["Report"], T]) -> Callable[["Report"], T]:
    """``compute``, computed once per report and shared by every caller.

    ``compute`` must be a pure function of the report (no options, no other arguments):
    callers get the very object the first call returned, so it must not be changed
    either (return tuples, frozen dataclasses, or containers nobody writes to).
    """
    # id(report) -> (report, result). The entry holds the report itself, so its id cannot
    # be reused by another object while the entry is there; the ``is`` check below is
    # what makes a hit (a plain id match could be a freed report's successor otherwise).
    results: dict[int, tuple["Report", T]] = {}

    @wraps(compute)
    def shared(report: "Report") -> T:
        hit = results.get(id(report))
        if hit is not None and hit[0] is report:
            return hit[1]
        value = compute(report)
        if len(results) >= KEEP:
            del results[next(iter(results))]  # the oldest (dicts keep insertion order)
        results[id(report)] = (report, value)
        return value

    def computed(report: "Report") -> bool:
        """Whether the result for ``report`` is kept (a caller asked for it)."""
        hit = results.get(id(report))
        return hit is not None and hit[0] is report

    # For tests and bench/rules.py (as functools's caches have cache_clear).
    shared.cache_clear = results.clear  # type: ignore[attr-defined]
    shared.computed = computed  # type: ignore[attr-defined]
    ANALYSES.append(shared)
    return shared
