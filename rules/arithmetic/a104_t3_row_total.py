"""A104: table 三 identity ROW-TOTAL broken."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._base import identity_findings


class T3RowTotal(Rule):
    """What it checks
        For each printed row of table 三: the 总计 column equals 自然人 + the five 法人或其他组织
        columns. Reported on the row's 总计 cell when no single culprit cell (A101) explains it.

    Why
        docs/format.md §5.1 (法人或其他组织 has no subtotal column) and §5.4 T3-ROW-TOTAL.

    Bad::

        …
        （一）予以公开 1 0 0 0 0 0 ⟦2⟧
        （二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 1

    Good::

        …
        （一）予以公开 2 0 0 0 0 0 2
        （二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1
    """

    code = "A104"
    name = "t3-row-total-mismatch"
    explanation = "表三每一行的“总计”应等于自然人与五类法人或其他组织之和。请核对该行各列数值和总计。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        yield from identity_findings(self, report, "ROW-TOTAL")
