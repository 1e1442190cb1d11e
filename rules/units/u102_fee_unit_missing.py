"""U102: table 二's fee header gives no unit."""
from __future__ import annotations

from typing import Any, Iterable


from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.labels import normalise
from gplint.model import Report

from ._common import FEE, FEE_HEADER, FEE_KEY, UNIT_WRITTEN, fee_unit, wrapped_fee_unit


#: How many lines before the header a caption naming the unit may sit.
_BEFORE = 3


def _unit_nearby(report: Report) -> bool:
    """Whether a unit is written in the header cell, on its line, or between a caption just
    above the header and the fee row below it: "（单位：万元）" wrapped onto the next line by a
    PDF or DOCX conversion, a "单位：万元" caption above the table, the short "（万）"."""
    t2 = report.t2
    header = t2.fee_header
    if header is not None and UNIT_WRITTEN.search(normalise(header.text)):
        return True
    anchors = [s.line for s in (header.span if header else None, t2.cells["fees"].span if "fees" in t2.cells else None)
               if s is not None]
    if not anchors:
        return False
    first = max(1, min(anchors) - _BEFORE)
    # The header's own wrapped continuation, even when the fee cell is blank or unread.
    last = min(len(report.lines), max(anchors + ([header.span.line + 2] if header and header.span else [])))
    for n in range(first, last + 1):
        if UNIT_WRITTEN.search(normalise(report.lines[n - 1])):
            return True
    # A narrow column wraps the header every few characters: read across its lines.
    return wrapped_fee_unit(report) is not None


class FeeUnitMissing(Rule):
    """What it checks
        The header of 表二 第二十条第（八）项 states the unit of 本年收费金额 (万元). A header
        without any unit, or a fee row without a header, is reported. A unit the conversion
        moved next to the header counts as written: （单位：万元） wrapped onto the following
        line (or cut over several lines by a narrow column), a 单位：万元 caption just above
        the table, the short form （万）. Not reported
        when 表二 could not be read well enough to check (T190): its header is then as likely
        misread as its cells.

    Why
        docs/format.md §4 and §10 ("header without unit (warn)"): without the unit a reader
        cannot tell 元 from 万元; the format prints （单位：万元）.

    Bad::

        …
        信息内容 ⟦本年收费金额⟧

    Good::

        …
        信息内容 本年收费金额（单位：万元）
    """

    code = "U102"
    name = "fee-unit-missing"
    explanation = "表二收费金额的表头没有注明单位（应为“单位：万元”）。"
    category = "units"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t2 is not None and report.t2.format == "2019":
            return  # the 2019 format's (八) block counts items (上一年项目数量, 本年增/减): no amount
        if fee_unit(report) != "" or _unit_nearby(report):
            return
        if not table_confidence(report, "t2").assessable:
            return  # a header read from a table gplint could not read (T190) says nothing

        t2 = report.t2
        if t2.fee_header is not None:
            yield self.diag(f"表二收费金额表头“{t2.fee_header.text.strip()}”没有写单位，应为“{FEE_HEADER}”",
                            t2.fee_header.span, key="t2.fees.unit", snippet=t2.fee_header.text)
        else:
            yield self.diag(f"表二“{FEE.row.label}”行没有“{FEE_HEADER}”表头，金额单位不明",
                            t2.cells[FEE_KEY].span, key="t2.fees.unit")
