"""N109: the text says no fee notice was issued, table 三 counts applications dropped for an unpaid fee."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T3_2021
from gplint.model import Report, Span

from ._counts import counts
from ._prose import fmt, other_year, sentences, t3_row_line, t3_total
from gplint.lazy_re import lazy_compile

_ROW = "R22"
_LABEL = T3_2021.row(_ROW).label
_NO_NOTICE = lazy_compile(r"(?:未|没有|无|不存在)(?:向申请人|对申请人)?(?:发出|发放|下发|送达|出具|开具|开出|寄送|制发|产生|出现|发生)?(?:过)?(?:任何)?"
                        r"(?:信息处理费)?(?:的)?收费通知")
_NOTICE = lazy_compile(r"收费通知(?:书)?$")
#: No fee involved at all (不涉及信息处理费, 未涉及收费): a notice is a fee involved.
_NO_FEE_INVOLVED = lazy_compile(r"(?:不|未|没有)涉及(?:任何)?(?:收取|收缴)?(?:政府)?(?:信息(?:公开)?(?:信息)?处理费|收费)")


class FeeNoticeClaimContradictsTable(Rule):
    """The text says no fee notice was sent, or fewer than table 三 implies.

    What it checks
        Table 三 row （六）2 counts applications dropped because the applicant did not pay
        the fee a 收费通知 asked for: each of them had a notice. A sentence saying that no
        fee notice was issued (未发出收费通知, 无收费通知) or that no fee was involved at all
        (不涉及信息处理费, 未涉及收费) is reported when that row's 总计 is above 0, and so is a
        count of notices (发出收费通知 1 件) smaller than it. "未收取信息处理费" is not a claim
        about notices (a notice may go unpaid: that is what the row counts) and is not read.

    Why
        《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) and FORMAT.md §5.2 row
        （六）2; 条例 第五十条(六) asks the report to state fees: the text and the table must
        tell the same story.

    Bad::

        …
        2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1
        六、其他需要报告的事项
        本机关2024年⟦未发出收费通知⟧，未收取信息处理费。

    Good::

        …
        2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1
        六、其他需要报告的事项
        本机关2024年发出收费通知1件，申请人逾期未缴纳，未收取信息处理费。
    """

    code = "N109"
    name = "fee-notice-claim-contradicts-table"
    explanation = "正文称未发出收费通知（或收费通知件数较少），但表三有申请人逾期未按收费通知缴费而不再处理的申请。"
    category = "narrative"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        unpaid = t3_total(report, _ROW)
        if not unpaid:
            return
        line = t3_row_line(report, _ROW)
        related = [Related(Span(line), f"表三“{_LABEL}”")] if line else []
        for s in sentences(report):
            if s.heading or ("收费通知" not in s.text and "涉及" not in s.text) or other_year(s.text, report.year):
                continue
            for m in _NO_FEE_INVOLVED.finditer(s.text):
                yield self.diag(f"正文称“{m.group(0)}”，但表三“{_LABEL}”总计为 {fmt(unpaid)}：这些申请都发过收费通知",
                                s.span(m.start(), m.end()), key=f"t3.{_ROW}.C7", related=related,
                                evidence={"table": unpaid}, snippet=m.group(0))
            for m in _NO_NOTICE.finditer(s.text):
                yield self.diag(f"正文称“{m.group(0)}”，但表三“{_LABEL}”总计为 {fmt(unpaid)}：这些申请都发过收费通知",
                                s.span(m.start(), m.end()), key=f"t3.{_ROW}.C7", related=related,
                                evidence={"table": unpaid}, snippet=m.group(0))
            for c in counts(s):
                if c.unit in ("件", "份", "次", "个") and _NOTICE.search(c.before.rstrip("共计为了")) \
                        and not c.approximate and c.value < unpaid:
                    yield self.diag(f"正文称发出收费通知 {c.value} 件，但表三“{_LABEL}”总计为 {fmt(unpaid)}",
                                    s.span(c.start, c.end), key=f"t3.{_ROW}.C7", related=related,
                                    evidence={"text": c.value, "table": unpaid}, snippet=s.text[c.start:c.end])
