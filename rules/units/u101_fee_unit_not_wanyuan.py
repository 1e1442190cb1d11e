"""U101: table 二's fee header gives the amount in 元, not 万元."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._common import FEE_HEADER, fee_unit, wrapped_fee_unit


class FeeUnitNotWanyuan(Rule):
    """What it checks
        The header of 表二 第二十条第（八）项 reads 本年收费金额（单位：万元）. A header whose unit
        is 元 (“（单位：元）”, “（元）”) is reported, also when a conversion wrapped the header
        cell over several lines (本年收费金额 / （单位：元）, or a narrow column's 本年收费 /
        金额（单 / 位：元 / ）).

    Why
        docs/format.md §4 and §10: the unit of t2.a8.fees.amount is 万元; "(单位：元) is an error".
        An amount in 元 under the statutory table is 10 000 times off when compared with
        other reports or aggregated.

    Bad::

        …
        信息内容 ⟦本年收费金额（单位：元）⟧

    Good::

        …
        信息内容 本年收费金额（单位：万元）
    """

    code = "U101"
    name = "fee-unit-not-wanyuan"
    explanation = "表二收费金额的单位应为“万元”，表头写的是“元”，金额相差一万倍。"
    category = "units"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        unit = fee_unit(report)
        wrapped = unit == ""
        if wrapped:
            unit = wrapped_fee_unit(report)  # 本年收费 / 金额（单 / 位：元 / ）: a narrow column
        if unit != "元":
            return
        header = report.t2.fee_header
        where = f"表二收费金额表头“{header.text.strip()}”" + ("（连同其折行部分）" if wrapped else "")
        yield self.diag(f"{where}的单位是“元”，应为“{FEE_HEADER}”",
                        header.span, key="t2.fees.unit", snippet=header.text)
