"""Shared pieces of the unit rules (not a rule module: the name starts with _)."""
from __future__ import annotations

from typing import Optional

from gplint.labels import normalise
from gplint.model import Report


def fee_unit(report: Report) -> Optional[str]:
    """"万元", "元", "" (header without a unit) or None (no table 二 / no fee row)."""
    t2 = report.t2
    if t2 is None:
        return None
    fees = t2.cells.get("fees")
    if t2.fee_header is None:
        return "" if fees is not None and fees.span is not None else None
    n = normalise(t2.fee_header.text)
    if "万元" in n:
        return "万元"
    if "元" in n:
        return "元"
    return ""
