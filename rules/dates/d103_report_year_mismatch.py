"""D103: the text names its own report with another year than the title."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report

from gplint.rules.narrative._prose import ascii_digits, sentences
from gplint.lazy_re import lazy_compile

# "现将…2023年度政府信息公开工作年度报告…", "编制了 2024 年度政务公开工作报告": the report
# naming itself. Conservative on purpose: other years in the text (last year's problems,
# 2023年度部门决算) are legitimate and are not looked at.
_SELF = lazy_compile(r"(?:现将|特?发布|编制了?|公布|形成)[^，。；]{0,30}?(?P<y>(?:19|20)\d{2})\s*年度?"
                   r"[^，。；\d]{0,20}?(?:政府信息公开|政务公开)[^，。；\d]{0,8}?报告")


class ReportYearMismatch(Rule):
    """The report calls itself the report of another year.

    What it checks
        A sentence in which the report names itself — "现将…Y年度政府信息公开工作年度报告
        公布如下", "编制了 Y 年度政务公开工作报告" — must give the year of the title. Other
        years in the text (last year's problems, earlier budgets) are not checked.

    Why
        docs/format.md §2 and §7 X-YEAR: the report covers one calendar year, named in its title;
        a self-reference to another year is usually a copy of last year's text left
        unchanged (the 内容雷同 of docs/format.md §9).

    Bad::

        …
        现将本局⟦2023⟧年度政府信息公开工作年度报告公布如下。

    Good::

        …
        现将本局2024年度政府信息公开工作年度报告公布如下。
    """

    code = "D103"
    name = "report-year-mismatch"
    explanation = "报告在正文中称自己是另一年度的报告，与标题年份不一致，常见于沿用上一年报告时未改年份。"
    category = "dates"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        year = report.year
        if year is None:
            return
        for s in sentences(report):
            if "报告" not in s.text:  # _SELF ends in 报告: most sentences are passed over at once
                continue
            for m in _SELF.finditer(ascii_digits(s.text)):
                y = int(m.group("y"))
                span = s.span(m.start("y"), m.end("y"))
                if y == year:
                    continue
                yield self.diag(
                    f"正文称本报告为 {y} 年度报告，但标题年份为 {year}",
                    span, key="report-year", evidence={"text": y, "year": year}, snippet=s.text[m.start():m.end()])
