"""D101: a year or date that cannot exist (22024年度, 2024年13月) (strict)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report, Span

# The patterns' sources: compiled when the rule first runs (re's cache keeps them), since the
# rule is in the strict profile only and a default run never needs them.
# A "year" of five or more digits: an item number or a stray digit fused with the year, or
# a year typed twice over (202020年12月31日) before a month.
_LONG_YEAR = r"(?<![\d.])(?:(\d{5,})\s*年(?!\s*\d)|((?:19|20)\d{3,})\s*年(?=\s*\d{1,2}\s*月))"
_DATE = r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"
# A year run into its month or day, 年 (and 月) lost: 20201月1日, 20191231日 (a web page that
# dropped the characters between the figures). No count is written straight before 月 or 日.
_RUN_DATE = r"(?<![\d.])((?:19|20)\d{2})(\d{1,6})(?=\s*[月日])"


class ImpossibleDate(Rule):
    """A year or date that cannot exist.

    What it checks
        A "year" of five or more digits followed by 年 (22024年度: the item number 2 fused
        with 2024; 202020年12月31日: the year typed twice over), a year run into its month or day with 年 or 月 lost (20201月1日,
        20191231日: a page that dropped them) and dates whose month or day does not exist
        (2024年13月, 2024年2月30日), anywhere in the report.

    Why
        Dates in the report place its figures in time (docs/format.md §2: the statistics period
        is the calendar year; §7 X-YEAR); an impossible date is a typing or conversion
        error the reader cannot resolve.

    Bad::

        …
        六、其他需要报告的事项
        ⟦22024年⟧度我局办理人大建议10件。

    Good::

        …
        六、其他需要报告的事项
        2.2024年度我局办理人大建议10件。
    """

    code = "D101"
    name = "impossible-date"
    explanation = "报告中有不存在的年份或日期，例如把序号和年份连在一起的“22024年”，或“2024年13月”“2月30日”。"
    category = "dates"
    severity = "warning"
    profiles = ("strict",)
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        import datetime  # here, for the same reason as the patterns

        long_year, full_date, run_date = re.compile(_LONG_YEAR), re.compile(_DATE), re.compile(_RUN_DATE)
        for n, line in enumerate(report.lines, start=1):
            for m in run_date.finditer(line):
                end = m.end() + len(line[m.end():]) - len(line[m.end():].lstrip()) + 1  # past 月 or 日
                yield self.diag(
                    f"“{line[m.start():end]}”不是有效的日期（年份与月、日连写，缺“年”或“月”）",
                    Span(n, m.start() + 1, n, end + 1), key="date", snippet=line[m.start():end])
            for m in long_year.finditer(line):
                yield self.diag(
                    f"“{m.group(0)}”不是有效的年份（{len(m.group(1) or m.group(2))} 位数字）",
                    Span(n, m.start() + 1, n, m.end() + 1), key="date", snippet=m.group(0))
            for m in full_date.finditer(line):
                y, mo = int(m.group(1)), int(m.group(2))
                d = int(m.group(3)) if m.group(3) else 1
                try:
                    datetime.date(y, mo, d)
                except ValueError:
                    yield self.diag(
                        f"日期“{m.group(0)}”不存在",
                        Span(n, m.start() + 1, n, m.end() + 1), key="date", snippet=m.group(0))
