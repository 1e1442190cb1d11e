"""Shared pieces of the unit rules (not a rule module: the name starts with _)."""
from __future__ import annotations

from typing import Optional

from gplint.labels import normalise
from gplint.format import T2_2021
from gplint.lazy_re import lazy_compile
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


#: A unit as a header or caption writes it: （单位：万元）, （元）, 单位：万, （万）.
#: (A cell boundary may fall inside it: 本年收费金额（单位|：万元）, as PDF-to-markdown tools
#: cut a header cell.)
UNIT_WRITTEN = lazy_compile(r"单[\s|]*位[\s|]*[:：][\s|]*(?:万|元)|[（(][\s|]*(?:万[\s|]*元|元|万)[\s|]*[)）]")


def unit_in(text: str) -> Optional[str]:
    """"万元" or "元" as the first unit written in ``text`` says, else None."""
    m = UNIT_WRITTEN.search(text)
    if m is None:
        return None
    return FEE_UNIT if "万" in m.group(0) else "元"


def header_lines_to_fee_row(report: Report) -> range:
    """The lines from the fee header to the fee row (or two lines below the header when the
    row is not read): where a narrow column wraps the header (pdftotext -layout: 本年收费 /
    金额（单 / 位：万元 / ）). Empty without a header."""
    t2 = report.t2
    header = t2.fee_header if t2 is not None else None
    if header is None or header.span is None:
        return range(0)
    fees = t2.cells.get(FEE_KEY)
    last = max(header.span.end_line + 2, fees.span.line if fees is not None and fees.span is not None else 0)
    return range(header.span.line, min(len(report.lines), last) + 1)


def wrapped_fee_unit(report: Report) -> Optional[str]:
    """The unit read across the lines a wrapped fee header stands on (see
    :func:`header_lines_to_fee_row`), or None."""
    return unit_in("".join(normalise(report.lines[n - 1]) for n in header_lines_to_fee_row(report)))
