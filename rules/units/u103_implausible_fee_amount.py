"""U103: the fee amount of table 二 is implausible for 万元."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._common import FEE, FEE_KEY, FEE_UNIT, fee_unit


class ImplausibleFeeAmount(Rule):
    """What it checks
        The 本年收费金额 of 表二 (in 万元) has at most 4 decimals (4 decimals = 1 元) and is
        not absurdly large (option ``max_wanyuan``, default 10 000 000 万元 = 1 000 亿元).
        Not reported when the header already says 元 (U101).

    Why
        docs/format.md §4 (soft plausibility [I]): a fee amount finer than 1 元 or in the
        hundreds of billions suggests 元 were entered under a 万元 header. No rounding rule
        exists (§11), so only these clear cases are flagged, as warnings.

    Bad::

        …
        行政事业性收费 ⟦12.345678⟧

    Good::

        …
        行政事业性收费 12.3456
    """

    code = "U103"
    name = "implausible-fee-amount"
    explanation = "表二收费金额（万元）的小数位过多（超过 1 元的精度）或数额大得不合理，可能单位写错。"
    category = "units"
    severity = "warning"
    profiles = ("default", "strict")
    options = {"max_wanyuan": 10_000_000}

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t2 is None or fee_unit(report) == "元":
            return
        cell = report.t2.cells.get(FEE_KEY)
        if cell is None or cell.value is None or cell.span is None:
            return
        if not table_confidence(report, "t2").readable("fees"):
            return  # misread (T190)
        v = Decimal(cell.value)
        limit = Decimal(str(options.get("max_wanyuan", self.options["max_wanyuan"])))
        exp = v.as_tuple().exponent
        if isinstance(exp, int) and exp < -4:
            yield self.diag(f"表二{FEE.column.name} {cell.raw} {FEE_UNIT}有 {-exp} 位小数，精确到不足 1 元；"
                            "请核对是否把“元”填在了“万元”栏", cell.span, key="t2.fees.magnitude", snippet=cell.raw)
        elif v > limit:
            yield self.diag(f"表二{FEE.column.name} {cell.raw} {FEE_UNIT}（约 {v / 10000:.0f} 亿元）大得不合常理；"
                            "请核对是否把“元”填在了“万元”栏", cell.span, key="t2.fees.magnitude", snippet=cell.raw)
