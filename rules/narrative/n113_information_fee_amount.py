"""N113: the 信息处理费 the text says was collected does not fit the fee schedule or table 二."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T2_2021
from gplint.model import Report, Sentence

from ._counts import COMPARISON
from ._prose import ascii_digits, other_scope, other_year, scope_before, sentences, t2_fee
from gplint.lazy_re import lazy_compile

_FEE = T2_2021.cells[T2_2021.fee_cell or "fees"]
_FEE_UNIT = _FEE.column.unit or "万元"
_ROW = _FEE.row.label
#: The fee's names (FORMAT.md §12: 政府信息公开信息处理费, 信息公开处理费, 政府信息处理费).
_NAME = r"(?:政府)?信息(?:公开)?(?:信息)?处理费"
_AMOUNT = r"(?P<v>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<u>万元|元)"
#: An amount given after the fee's name (收取信息处理费共计 380 元) or before it (收取 380 元信息处理费).
_COLLECTED = lazy_compile(_NAME + r"(?P<gap>[^\d，,；;。（()）]{0,10}?)" + _AMOUNT
                        + "|" + r"(?:收取|收缴|缴纳|收到)(?:了)?" + _AMOUNT.replace("?P<v>", "?P<v2>").replace("?P<u>", "?P<u2>")
                        + r"(?:的)?" + _NAME)
#: Words of a clause that give another amount than the one collected: the schedule's rates,
#: what a notice asked for, what is owed or refunded.
_NOT_COLLECTED = lazy_compile(r"每件|每页|/件|/页|每份|标准|通知|应收|应缴|未缴|退还|退回|减免|免收|不超过|以下|以上|平均")
#: Every tier of the 办法 is a whole number of tens of 元 (10/20/40 元 a page, 100 元 a 件 and up).
_TIER = Decimal(10)


class InformationFeeAmount(Rule):
    """The 信息处理费 the text says was collected is no sum of the fee schedule, or more than
    table 二's fees.

    What it checks
        A sentence giving the 信息处理费 the agency collected this year (收取信息处理费 380
        元, 收取 380 元信息处理费) is read with its amount; rates, notices, what is owed or
        refunded, comparisons, other years and a region's totals are not. The amount is
        reported when it is not a whole number of tens of 元, and when table 二's 本年收费
        金额 (万元, read with confidence) is below it: the fee is paid into the treasury as a
        行政事业性收费, which table 二 counts. Both are info: an agency may book the fee
        elsewhere, and a sum of several applicants' fees stays a multiple of 10 元.

    Why
        《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): per item 100 元/件 and up,
        per volume 10, 20 or 40 元/页, so every fee is a multiple of 10 元 (FORMAT.md §7
        X-FEE-MULTIPLE, §8). Provincial finance notices book it as a 行政事业性收费
        (FORMAT.md §4: the two are different quantities, but table 二's includes this one).

    Bad::

        …
        行政事业性收费 0
        六、其他需要报告的事项
        本机关2024年收取信息处理费 ⟦400⟧ 元。

    Good::

        …
        行政事业性收费 0.04
        六、其他需要报告的事项
        本机关2024年收取信息处理费 400 元。
    """

    code = "N113"
    name = "information-fee-amount"
    explanation = "正文所述收取的信息处理费不是收费标准可得的金额（10 元的整数倍），或高于表二“本年收费金额”。"
    category = "narrative"
    severity = "info"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        table = t2_fee(report)
        for s in sentences(report):
            if s.heading or "处理费" not in s.text:
                continue
            for start, end, yuan in _collected(report, s):
                shown = s.text[start:end]
                if yuan % _TIER:
                    yield self.diag(f"正文称收取信息处理费 {shown}，不是 10 元的整数倍：信息处理费按件（100 元/件起）"
                                    "或按量（10、20、40 元/页）收取，合计应为 10 元的整数倍",
                                    s.span(start, end), key="fee.tier", evidence={"text": str(yuan)}, snippet=shown)
                if table is not None and table * 10000 < yuan:
                    cell = report.t2.cells[_FEE.key]  # type: ignore[union-attr]
                    related = [Related(cell.span, f"表二“{_ROW}”{_FEE.column.label}为 {cell.raw}")] if cell.span else []
                    yield self.diag(f"正文称收取信息处理费 {shown}，但表二“{_ROW}”为 {cell.raw} {_FEE_UNIT}：信息处理费作为"
                                    "行政事业性收费缴入国库，表二的收费金额通常不少于它",
                                    s.span(start, end), key="t2.fees", related=related,
                                    evidence={"text": str(yuan), "table": str(table)}, snippet=shown)


def _collected(report: Report, s: Sentence) -> Iterable[tuple[int, int, Decimal]]:
    """(start, end, amount in 元) of each 信息处理费 amount the sentence says was collected."""
    text = ascii_digits(s.text)
    for m in _COLLECTED.finditer(text):
        v, u = ("v", "u") if m.group("v") is not None else ("v2", "u2")
        clause_start = max(text.rfind(x, 0, m.start()) for x in "，,；;。") + 1
        clause = text[clause_start:m.end()]
        if _NOT_COLLECTED.search(clause) or COMPARISON.search(clause) or other_year(clause, report.year) \
                or other_scope(report, scope_before(text, clause_start, clause)):
            continue
        yuan = _yuan(m.group(v), m.group(u))
        if yuan is None or yuan <= 0 or _approximate(text, m.start(v), m.end(u)):
            continue
        yield m.start(v), m.end(u), yuan


def _yuan(value: str, unit: str) -> Optional[Decimal]:
    if len(value) > 20:
        return None  # no amount a report prints
    amount = Decimal(value.replace(",", ""))
    return amount * 10000 if unit == "万元" else amount


def _approximate(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 2):start].endswith(("约", "近", "超过", "逾")) or text[end:end + 2].startswith(("余", "多", "左右"))
