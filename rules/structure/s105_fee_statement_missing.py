"""S105: section 六 does not state the 信息处理费 position (strict)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.lazy_re import lazy_compile
from gplint.model import Report

from ._common import body_text, words_of

# Any statement about the fee, positive or negative: 未收取信息处理费, 信息处理费收取情况：无,
# 收取信息处理费0元, 无政府信息处理费收取情况, 未发生政府信息公开收费事项 (FORMAT §3.6).
# The pattern's source: compiled when the rule first runs (re's cache keeps it), since the
# rule is in the strict profile only and a default run never needs it.
_FEE = r"处理费|信息公开[^。；\n]{0,10}(?:收费|收取费用|费用)|(?:收费|收取费用)[^。；\n]{0,10}信息公开"
#: Where a line's text ends, as str.splitlines cuts lines.
_LINE_END = lazy_compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_BLANKS = lazy_compile(r"\s*")
_BLANKS_TO_THE_END = lazy_compile(r"\s*\Z")


class FeeStatementMissing(Rule):
    """Section 六 does not say whether 信息处理费 was charged.

    What it checks
        The body of 六、其他需要报告的事项 must say whether the agency charged the 信息处理费
        for disclosure applications in the year. Any statement counts, including explicit
        negatives (未收取信息处理费, 信息处理费收取情况：无, 收取信息处理费0元,
        未发生政府信息公开收费事项). "无" alone, or a section about other matters only, is
        reported. A report without a section 六 is left to S101.

    Why
        docs/format.md §3.6 and §8 (《政府信息公开信息处理费管理办法》, 条例 第四十二条): every
        report states its 信息处理费 position in section 六. The 办法 applies from 2021, so a
        report on 2020 or earlier (or in the 2019 format) is not asked for it.

    Bad::

        …
        ⟦六、其他需要报告的事项⟧
        无

    Good::

        …
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "S105"
    name = "fee-statement-missing"
    explanation = "“六、其他需要报告的事项”没有说明本年度是否收取信息处理费；未收取也应写明。"
    category = "structure"
    severity = "warning"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        sec = report.sections.get("S6")
        if sec is None or report.format_version == "2019" or (report.year is not None and report.year <= 2020):
            return
        body = body_text(report, "S6")
        if re.search(_FEE, words_of(body)):
            return
        shown = _first_line(body)[:20] or "（空）"
        yield self.diag(
            f"第六部分未说明信息处理费收取情况（内容为“{shown}”）；"
            "应写明本年度是否收取信息处理费，未收取也应明确说明",
            sec.heading.span, key="S6.fee", snippet=body[:40])


def _first_line(body: str) -> str:
    """``body.strip().splitlines()[0]`` ("" for a blank body), without a copy of the body
    or a list of its lines (the section may run to the end of a long text)."""
    start = _BLANKS.match(body).end()
    end = _LINE_END.search(body, start)
    if end is not None and _BLANKS_TO_THE_END.match(body, end.start()) is None:
        return body[start:end.start()]
    return body[start:end.start() if end is not None else len(body)].rstrip()
