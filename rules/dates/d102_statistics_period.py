"""D102: the stated statistics period is not the report year."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report

from gplint.rules.narrative._prose import ascii_digits, sentences
from gplint.lazy_re import lazy_compile

_PERIOD = lazy_compile(r"统计(?:期限|周期|时间|时段|区间|范围|截止时间)|数据(?:时间|期限|统计时间)|所列数据")
_DATE = lazy_compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


class StatisticsPeriodMismatch(Rule):
    """The statistics period stated in the report is not 1 January – 31 December of the
    report year.

    What it checks
        A sentence that states the statistics period (统计期限 / 统计周期 / 数据时间 / 本报告
        所列数据…) and gives two dates ("自2024年1月1日起至2024年12月31日止", "2024年1月1日-12月31日";
        a second date without a year takes the first one's) must run from 1 January to
        31 December of the year in the report's title.

    Why
        docs/format.md §2: the statistics period is the calendar year Y, 1 January to 31
        December (also in DB51/T 2660—2019 §2.1); §7 X-YEAR.

    Bad::

        …
        本报告所列数据的统计期限自⟦2024年1月1日起至2024年11月30日⟧止。

    Good::

        …
        本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。
    """

    code = "D102"
    name = "statistics-period-mismatch"
    explanation = "报告写明的统计期限不是报告年度的1月1日至12月31日。"
    category = "dates"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        year = report.year
        if year is None:
            return
        for s in sentences(report):
            # Every _PERIOD phrase holds 统计 or 数据: substring tests pass over most
            # sentences more cheaply than a regex search.
            if "统计" not in s.text and "数据" not in s.text:
                continue
            k = _PERIOD.search(s.text)
            if k is None:
                continue
            dates = list(_DATE.finditer(ascii_digits(s.text), k.start()))[:2]
            if len(dates) != 2 or dates[0].group("y") is None:
                continue
            y0 = int(dates[0].group("y"))
            got: list[tuple[int, int, int]] = []
            for m in dates:
                y: Optional[str] = m.group("y")
                got.append((int(y) if y else y0, int(m.group("m")), int(m.group("d"))))
            if got == [(year, 1, 1), (year, 12, 31)]:
                continue
            shown = "至".join(f"{a}年{b}月{c}日" for a, b, c in got)
            yield self.diag(
                f"统计期限为{shown}，但本报告是 {year} 年度报告，应为{year}年1月1日至{year}年12月31日",
                s.span(dates[0].start(), dates[1].end()), key="period",
                evidence={"stated": shown, "year": year}, snippet=shown)
