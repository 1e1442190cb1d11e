"""S106: section 五 is empty or says only 无 (strict)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import FORMAT_2021
from gplint.model import Report

from ._common import body_text

#: Blanks and punctuation left out of the section's body before it is compared with
#: :data:`_NIL` (str.translate: a section of a page holds tens of thousands of characters,
#: and a string for each, joined, cost 24 times the input).
_NOT_WORDS = dict.fromkeys(map(ord, " \u3000\n。.；;！!*#"))
_NIL = {"", "无", "暂无", "没有", "无此项", "无此情况", "无相关情况", "不涉及", "/", "-", "—"}


#: What section 五 must say: its standard title (存在的主要问题及改进情况).
_TITLE = FORMAT_2021.section("S5").title

class ProblemsSectionEmpty(Rule):
    """Section 五 (problems and improvements) is empty or says only 无.

    What it checks
        The body of 五、存在的主要问题及改进情况 is reported when it is empty or consists only
        of "无", "暂无", "不涉及" or a dash (punctuation ignored).

    Why
        条例 第五十条(四) requires the main problems of the year's disclosure work and how
        they were improved; docs/format.md §3.6 treats an empty or "无" section as a strict
        finding.

    Bad::

        …
        ⟦五、存在的主要问题及改进情况⟧
        无。

    Good::

        …
        五、存在的主要问题及改进情况
        政策解读形式单一，下一步将增加图解和视频解读。
    """

    code = "S106"
    name = "problems-section-empty"
    explanation = "“五、存在的主要问题及改进情况”为空或只写“无”。条例要求说明本年度工作存在的主要问题和改进情况。"
    category = "structure"
    severity = "warning"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        sec = report.sections.get("S5")
        if sec is None:
            return
        body = body_text(report, "S5")
        core = body.translate(_NOT_WORDS)
        if core in _NIL:
            yield self.diag(
                f"第五部分“{sec.title}”没有内容（“{core or '空'}”）：应写明本年度工作{_TITLE}",
                sec.heading.span, key="S5.empty", snippet=core)
