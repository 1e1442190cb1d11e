"""A102: table 三 identity SUM-RESULTS broken."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._base import identity_findings


class T3SumResults(Rule):
    """What it checks
        For each column C1…C7 of table 三: （七）总计 equals the sum of the 21 leaf result rows
        （一）…（六）3 (or of （六）其他处理 when it is printed as one row). Reported on the
        （七）总计 cell, once per column, when no single culprit cell (A101) explains it.
        Also, when （六）其他处理 is printed with numbers of its own and with its three
        sub-rows, that its numbers equal their sum (T3-GROUP-SUBTOTAL).

    Why
        docs/format.md §5.4 T3-SUM-RESULTS; §5.3: partial disclosure is counted once, so each
        handled application sits in exactly one leaf row and the sum is exact.

    Bad::

        …
        （一）予以公开 3 0 0 0 0 0 3
        （七）总计 ⟦3⟧ 1 0 0 0 0 4

    Good::

        …
        （一）予以公开 2 0 0 0 0 0 2
        （七）总计 3 1 0 0 0 0 4
    """

    code = "A102"
    name = "t3-results-do-not-add-up"
    explanation = "表三每一列的“（七）总计”应等于“三、本年度办理结果”下各项办理结果之和。合计不符说明某个结果或总计填错，请逐项核对。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        yield from identity_findings(self, report, "SUM-RESULTS")
        yield from identity_findings(self, report, "GROUP-SUBTOTAL")
