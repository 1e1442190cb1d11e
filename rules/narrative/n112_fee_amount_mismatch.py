"""N112: the 行政事业性收费 amount in the text differs from table 二."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T2_2021
from gplint.model import Report

from ._counts import COMPARISON
from ._prose import ascii_digits, fmt, other_scope, other_year, scope_before, sentences, t2_fee
from gplint.lazy_re import lazy_compile

_FEE = T2_2021.cells[T2_2021.fee_cell or "fees"]
_FEE_UNIT = _FEE.column.unit or "万元"
_ROW = _FEE.row.label
#: The amount, with thousands separators or not (125,300 元, 125，300 元).
_AMOUNT = lazy_compile(r"行政事业性收费(?P<gap>[^\d，,；;。（()）]{0,12}?)"
                       r"(?P<v>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<u>万元|元)")
#: Amounts not collected (减免, 退还) or a part of the fees (其中…): no amount of table 二's cell.
_NOT_THE_AMOUNT = lazy_compile(r"减免|免收|免征|免除|退还|退费|减收|缓收|降费|其中")
_NONE = lazy_compile(r"(?:未|没有|无)(?:收取|发生|产生|涉及)?(?:任何)?行政事业性收费"
                     # the amount said to be none (行政事业性收费为零, 收费金额为 0)
                     r"|行政事业性收费(?:金额|总额|收入)?(?:均|共计|合计|总计)?为\s*(?:零|0)(?![.\d万元增减变的])")


class FeeAmountMismatch(Rule):
    """The 行政事业性收费 amount in the text differs from table 二.

    What it checks
        A sentence that gives the agency's 行政事业性收费 (收取行政事业性收费 12.5 万元) is
        compared with table 二's 本年收费金额 (万元; an amount in 元 is converted), equal when
        either rounds to the other's printed decimals; "未收取行政事业性收费" (行政事业性收费
        为零) needs the cell at 0. Only a table whose fee header names 万元 is compared. 信息处理费 (the fee for
        disclosure, a different thing), comparisons (同比下降), amounts waived or refunded
        (减免, 退还), a part (其中…), other years and a region's totals are not read.

    Why
        条例 第二十条(八) and 第五十条(一); FORMAT.md §4 (table 二's fee cell): the text and
        the table give the same amount.

    Bad::

        …
        （一）主动公开。全年收取行政事业性收费 ⟦12.5⟧ 万元。
        行政事业性收费 0

    Good::

        …
        （一）主动公开。全年未收取行政事业性收费。
        行政事业性收费 0
    """

    code = "N112"
    name = "fee-amount-mismatch"
    explanation = "正文中的行政事业性收费金额与表二“本年收费金额”不一致。"
    category = "narrative"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        table = t2_fee(report)
        if table is None:
            return
        cell = report.t2.cells[_FEE.key]  # type: ignore[union-attr]
        related = [Related(cell.span, f"表二“{_ROW}”{_FEE.column.label}为 {cell.raw}")] if cell.span else []
        for s in sentences(report):
            if s.heading or "行政事业性收费" not in s.text:
                continue
            text = ascii_digits(s.text)
            for m in _AMOUNT.finditer(text):
                clause_start = max(text.rfind(x, 0, m.start()) for x in "，,；;。") + 1
                clause = text[clause_start:m.end()]
                if COMPARISON.search(clause) or _NOT_THE_AMOUNT.search(clause) or other_year(clause, report.year) \
                        or other_scope(report, scope_before(text, clause_start, clause)):
                    continue
                printed = m.group("v").replace(",", "").replace("，", "")
                value = Decimal(printed)
                if m.group("u") == "元":
                    value = value / 10000
                if _same(value, printed, m.group("u"), table, cell.raw):
                    continue
                yield self.diag(f"正文称行政事业性收费 {m.group('v')} {m.group('u')}，但表二“{_ROW}”为 {cell.raw} {_FEE_UNIT}",
                                s.span(m.start("v"), m.end("u")), key="t2.fees", related=related,
                                evidence={"text": str(value), "table": fmt(table)}, snippet=s.text[m.start():m.end()])
            for m in _NONE.finditer(text):
                if table and not other_year(text, report.year):
                    yield self.diag(f"正文称“{m.group(0)}”，但表二“{_ROW}”为 {cell.raw} {_FEE_UNIT}",
                                    s.span(m.start(), m.end()), key="t2.fees", related=related,
                                    evidence={"text": 0, "table": fmt(table)}, snippet=m.group(0))


def _places(printed: str) -> int:
    return len(printed.split(".")[1]) if "." in printed else 0


def _same(value: Decimal, printed: str, unit: str, table: Decimal, table_raw: str) -> bool:
    """Equal up to the precision either side printed (12.5 万元 against 12.53)."""
    places = _places(printed) + (4 if unit == "元" else 0)
    q = Decimal(1).scaleb(-places)
    try:
        if table.quantize(q) == value.quantize(q):
            return True
        qt = Decimal(1).scaleb(-_places(table_raw))
        return value.quantize(qt) == table.quantize(qt)
    except InvalidOperation:  # more digits than Decimal's 28: no amount a report prints
        return True
