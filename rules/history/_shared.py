"""What the history rules share: this report's record, its agency's previous report from
the store (looked up once a report), and how a finding names the other report."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from gplint.analyses import per_report
from gplint.diagnostics import Related
from gplint.model import Report, Span

if TYPE_CHECKING:  # the store is loaded only by a run given --history (start-up stays light)
    from gplint.history.record import ReportRecord
    from gplint.history.store import HistoryView


def history_of(options: dict[str, Any]) -> Optional["HistoryView"]:
    """The store the run reads (``--history FILE``), or None: the rule stays silent."""
    return options.get("history")


def this_record(report: Report) -> "ReportRecord":
    from gplint.history.record import record_of

    return record_of(report)


def previous_record(report: Report, history: HistoryView) -> Optional[ReportRecord]:
    """The current recorded report of the same agency for the year before; None when this
    report cannot be placed, or the store holds no (or no unambiguous) such report."""
    def lookup(r: Report) -> Optional[ReportRecord]:
        mine = this_record(r)
        if mine.agency is None or mine.year is None:
            return None
        return history.report_of(mine.agency, mine.year - 1, other_than=mine.content_hash)

    found = _lookups(report)  # this report's answers so far, by store
    if id(history) not in found:
        found[id(history)] = lookup(report)
    return found[id(history)]


@per_report
def _lookups(report: Report) -> dict:
    """The answers :func:`previous_record` gave for a report, by store (a run asks one
    store, several rules ask it): filled as asked, a pure function of report and store."""
    return {}


def describe(record: ReportRecord) -> str:
    """How a message names another report: 平潭综合实验区财政金融局 2024 年报告（path）."""
    return f"{record.agency or record.agency_as_written or '未知机关'} {record.year} 年报告（{record.path}）"


def related_to(record: ReportRecord, line_key: str, what: str) -> Related:
    """A related location in the other report: the line of ``line_key`` there."""
    line = record.lines.get(line_key) or 1
    return Related(Span(line), f"{describe(record)}：{what}", path=record.path)


def span_of(report: Report, line_key: str) -> Span:
    """Where this report prints ``line_key`` (``t3.R02``), or its title's line."""
    line = this_record(report).lines.get(line_key)
    if line:
        return Span(line, 1, line, len(report.lines[line - 1]) + 1 if line <= len(report.lines) else 1)
    return report.title_span or Span(1)
