"""Shared pieces of the unit rules (not a rule module: the name starts with _)."""
from __future__ import annotations

from typing import Optional

from gplint.labels import normalise
from gplint.format import T2_2021
from gplint.model import Report

#: The 2021 format's fee cell (行政事业性收费 × 本年收费金额（单位：万元）): the one amount in
#: table 二 whose header must name its unit.
FEE = T2_2021.cells[T2_2021.fee_cell or "fees"]
FEE_KEY = FEE.key  # "fees"
FEE_HEADER = FEE.column.label  # 本年收费金额（单位：万元）
FEE_UNIT = FEE.column.unit or "万元"


def fee_unit(report: Report) -> Optional[str]:
    """"万元", "元", "" (header without a unit) or None (no table 二 / no fee row)."""
    t2 = report.t2
    if t2 is None:
        return None
    fees = t2.cells.get(FEE_KEY)
    if t2.fee_header is None:
        return "" if fees is not None and fees.span is not None else None
    n = normalise(t2.fee_header.text)
    if FEE_UNIT in n:
        return FEE_UNIT
    if "元" in n:
        return "元"
    return ""
