"""X101: this year's 上年结转 is last year's 结转下年度继续办理 (table 三, column by column)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import FORMAT_2021, YEAR_OVER_YEAR

from ._shared import describe, history_of, previous_record, related_to, span_of, this_record

_T3 = FORMAT_2021.t3
_IN = YEAR_OVER_YEAR.carried_in
_OUT = YEAR_OVER_YEAR.carried_out


class CarryOverMismatch(Rule):
    """What it checks
        Table 三's 二、上年结转政府信息公开申请数量 equals, in every column, 四、结转下年度继续办理 of
        the same agency's report for the year before (read from the history store:
        ``--history FILE``). An error when both years' tables were read with certainty; a
        warning when either reading was unsure (a row short of values, a blank cell).

    Why
        The applications carried over out of one year are the ones carried into the next
        (FORMAT.md §5; 国办公开办函〔2021〕30号): a difference means one of the two reports
        miscounts, or applications were lost between the years. Evaluating offices check it
        first. Rows the reader misread in either report are never compared.

    Previous::

        …
        四、结转下年度继续办理 2 1 0 0 0 0 3

    Bad::

        …
        二、上年结转政府信息公开申请数量 ⟦0⟧ 0 0 0 0 0 0

    Good::

        …
        二、上年结转政府信息公开申请数量 2 1 0 0 0 0 3
    """

    code = "X101"
    name = "carry-over-mismatch"
    explanation = "本年度表三“二、上年结转政府信息公开申请数量”与本机关上一年度报告的“四、结转下年度继续办理”逐列不一致。上一年结转出的申请就是本年结转进来的申请，不一致说明两份报告之一统计有误。"
    category = "history"
    severity = "error"

    def check(self, report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        history = history_of(options)
        if history is None or report.t3 is None or _IN not in report.t3.rows:
            return
        previous = previous_record(report, history)
        if previous is None or _OUT not in previous.t3:
            return
        here = table_confidence(report, "t3")
        there = previous.table_reading("t3")
        if not (here.found and here.assessable and here.readable(_IN) and there.readable(_OUT)):
            return
        diffs = []
        for col in _T3.column_keys:
            now, before = report.t3.value(_IN, col), previous.t3_value(_OUT, col)
            if now is not None and before is not None and now != before:
                diffs.append((col, now, before))
        if not diffs:
            return
        certain = this_record(report).table_reading("t3").certain and there.certain
        first = report.t3.cell(_IN, diffs[0][0])
        cols = "；".join(f"{_T3.column(c).name} {now}，上年 {before}" for c, now, before in diffs)
        yield self.diag(
            f"{_T3.row(_IN).label}与上一年度报告的{_T3.row(_OUT).label}不一致（{cols}）；上一年度报告：{describe(previous)}",
            first.span or span_of(report, f"t3.{_IN}"), key=f"t3.{_IN}",
            severity=None if certain else "warning",
            related=[related_to(previous, f"t3.{_OUT}", _T3.row(_OUT).label)],
            evidence={"expression": f"{_IN} = previous {_OUT}", "columns": [c for c, _, _ in diffs],
                      "left": [n for _, n, _ in diffs], "right": [b for _, _, b in diffs],
                      "previous_path": previous.path, "previous_year": previous.year},
            snippet=f"{[c for c, _, _ in diffs]}",
        )
