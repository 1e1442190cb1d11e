"""S102: the statutory sections do not follow the order 一 … 六."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.model import Report

from ._common import SLOTS, STANDARD


class SectionsOutOfOrder(Rule):
    """The statutory sections stand in the wrong order.

    What it checks
        The headings found for the six sections must appear in the order 一、总体情况,
        二、主动公开…, 三、收到和处理…, 四、…行政复议、行政诉讼…, 五、存在的主要问题…,
        六、其他需要报告的事项. A section whose heading comes before one that should precede it
        is reported.

    Why
        docs/format.md §2 and §3.1: the order is fixed by the 2021 format and follows 条例
        第五十条 (1)–(5) with 总体情况 first.

    Bad::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        本年度工作平稳有序。
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        ⟦五、存在的主要问题及改进情况⟧
        公开深度有待加强。
        四、政府信息公开行政复议、行政诉讼情况
        六、其他需要报告的事项
        本年度未收取信息处理费。

    Good::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        本年度工作平稳有序。
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        公开深度有待加强。
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "S102"
    name = "sections-out-of-order"
    explanation = "法定章节的先后顺序与格式要求不一致。"
    category = "structure"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        present = [report.sections[s] for s in SLOTS if s in report.sections]
        for i, sec in enumerate(present):
            earlier = [p for p in present[:i] if p.line > sec.line]
            if earlier:
                first = earlier[0]
                yield self.diag(
                    f"“{sec.title}”应在“{first.title}”之后，实际却在其前面（第 {first.line} 行）",
                    sec.heading.span, key=sec.slot,
                    related=[Related(first.heading.span, STANDARD[first.slot])], snippet=sec.title)
