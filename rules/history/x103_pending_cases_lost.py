"""X103: last year's 尚未审结 cases are part of this year's totals (table 四)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T4, YEAR_OVER_YEAR

from ._shared import describe, history_of, previous_record, related_to

_PENDING = YEAR_OVER_YEAR.pending
_TOTAL = YEAR_OVER_YEAR.total


class PendingCasesLost(Rule):
    """What it checks
        For each block of table 四 (行政复议, 行政诉讼 未经复议直接起诉, 复议后起诉): this year's
        总计 is at least last year's 尚未审结 (from the same agency's previous report in the
        history store, ``--history FILE``).

    Why
        A case not concluded at the end of one year is concluded, or still pending, in the
        next, and the format counts it in that year's totals (FORMAT.md §6: 总计 includes
        cases carried over). Fewer cases this year than were pending last year means some
        were lost between the two reports. Both tables must be read with confidence.

    Previous::

        …
        1 0 0 2 3 0 0 0 0 0 0 0 0 0 0

    Bad::

        …
        1 0 0 0 ⟦1⟧ 0 0 0 0 0 0 0 0 0 0

    Good::

        …
        2 1 0 0 3 0 0 0 0 0 0 0 0 0 0
    """

    code = "X103"
    name = "pending-cases-lost"
    explanation = "表四本年行政复议或行政诉讼的“总计”少于上一年度报告的“尚未审结”数。上年未审结的案件应计入本年总数，少于上年未审结数说明有案件在两份报告之间遗漏。"
    category = "history"
    severity = "warning"

    def check(self, report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        history = history_of(options)
        t4 = report.t4
        if history is None or t4 is None:
            return
        previous = previous_record(report, history)
        if previous is None or not previous.t4:
            return
        here, there = table_confidence(report, "t4"), previous.table_reading("t4")
        if not (here.found and here.assessable and there.found and there.assessable):
            return
        for block in T4.blocks:
            if not (here.readable(block.key) and there.readable(block.key)):
                continue
            pending = previous.t4_value(block.key, _PENDING)
            total = t4.cell(block.key, _TOTAL)
            if pending is None or total.value is None or total.span is None or total.value >= pending:
                continue
            yield self.diag(
                f"表四“{block.name}”本年{T4.column(_TOTAL).label} {total.raw} 少于上年{T4.column(_PENDING).label} {pending}："
                f"上年未审结的案件应计入本年总数；上一年度报告：{describe(previous)}",
                total.span, key=f"t4.{block.key}.{_TOTAL}",
                related=[related_to(previous, f"t4.{block.key}", f"{block.name}{T4.column(_PENDING).label} {pending}")],
                evidence={"expression": f"{block.key}.{_TOTAL} >= previous {block.key}.{_PENDING}", "left": total.value,
                          "right": pending, "previous_path": previous.path, "previous_year": previous.year},
                snippet=block.key,
            )
