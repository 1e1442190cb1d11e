"""X102: last year's 现行有效 + this year's 制发 − 废止 is this year's 现行有效 (table 二)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T2_2021, YEAR_OVER_YEAR

from ._shared import describe, history_of, previous_record, related_to

_YOY = YEAR_OVER_YEAR
_BLOCK = T2_2021.block_of(_YOY.in_force_rows[0])
_COLUMN = {c.key: c for c in _BLOCK.columns}


class InForceNotReconciled(Rule):
    """What it checks
        In table 二 第二十条第（一）项, for 规章 and for 行政规范性文件: last year's 现行有效件数
        (from the same agency's previous report in the history store, ``--history FILE``)
        plus this year's 本年制发件数 minus 本年废止件数 equals this year's 现行有效件数. More
        in force than that is a warning (documents in force that were neither in force
        last year nor made this year); fewer is information only (a document also stops
        being in force when it expires or is declared void, which the table does not count).

    Why
        The three columns describe one stock and its flows. Real series show 现行有效 jumping
        by a hundred or more with no repeal to match: a recount, a change of what is counted
        or a misprint, each worth a sentence in the report. Both reports must print the 2021
        format's table 二 (the 2019 format has no 现行有效 column), read with confidence.

    Previous::

        …
        行政规范性文件 4 1 20

    Bad::

        …
        行政规范性文件 3 0 ⟦140⟧

    Good::

        …
        行政规范性文件 3 2 21
    """

    code = "X102"
    name = "in-force-not-reconciled"
    explanation = "表二规章或行政规范性文件的“现行有效件数”与上一年度衔接不上：上年现行有效件数加本年制发件数、减本年废止件数，应等于本年现行有效件数。多出的件数需要核对；减少的件数可能是文件到期失效，宜在正文说明。"
    category = "history"
    severity = "warning"

    def check(self, report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        history = history_of(options)
        t2 = report.t2
        if history is None or t2 is None or t2.format != "2021":
            return
        previous = previous_record(report, history)
        if previous is None or previous.t2_format != "2021":
            return
        here, there = table_confidence(report, "t2"), previous.table_reading("t2")
        for row in (r for r in _BLOCK.rows if r.key in _YOY.in_force_rows):
            if not (here.readable(row.key) and there.readable(row.key)):
                continue
            key = {c: _BLOCK.cell_key(row, _COLUMN[c]) for c in (_YOY.issued, _YOY.repealed, _YOY.in_force)}
            issued, repealed = t2.value(key[_YOY.issued]), t2.value(key[_YOY.repealed])
            cell = t2.cells.get(key[_YOY.in_force])
            before = previous.t2.get(key[_YOY.in_force])
            if None in (issued, repealed, before) or cell is None or cell.value is None or cell.span is None:
                continue
            expected = before + issued - repealed
            if cell.value == expected:
                continue
            more = cell.value > expected
            yield self.diag(
                f"表二“{row.label}”{_COLUMN[_YOY.in_force].label} {cell.raw} 与上年衔接不上：上年{_COLUMN[_YOY.in_force].label} "
                f"{before} + 本年制发 {issued} − 本年废止 {repealed} = {expected}，"
                + (f"多出 {cell.value - expected} 件既非上年有效、也非本年制发的文件，请核对或在正文说明"
                   if more else f"少 {expected - cell.value} 件：除废止外，文件也可能因到期等原因失效，宜在正文说明")
                + f"；上一年度报告：{describe(previous)}",
                cell.span, key=f"t2.{key[_YOY.in_force]}", severity=None if more else "info",
                related=[related_to(previous, f"t2.{row.key}", f"{row.label}{_COLUMN[_YOY.in_force].label} {before}")],
                evidence={"expression": f"{key[_YOY.in_force]} = previous {key[_YOY.in_force]} + {key[_YOY.issued]} - "
                                        f"{key[_YOY.repealed]}", "left": cell.value, "right": expected,
                          "delta": cell.value - expected, "previous_path": previous.path, "previous_year": previous.year},
                snippet=row.key,
            )
