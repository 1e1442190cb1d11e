"""D104: a sentence gives this year's figures under last year's name."""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report

from gplint.rules.narrative._applications import application_counts
from gplint.rules.narrative._counts import COMPARISON_SOURCE, Count, blank_asides, counts
from gplint.rules.narrative._prose import Sentence, ascii_digits, sentences, t3_total
from gplint.lazy_re import lazy_compile

_YEAR = lazy_compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
#: A sentence that speaks of a period, a date or a comparison names other years rightly
#: (截至2024年底, 较2024年, 2024年以来, 2024年决算).
_PERIOD = lazy_compile(COMPARISON_SOURCE + r"|上年|去年|上一年|前一年|以来|截至|截止|至今|年底|年末|年初|\d\s*月|月份|"
                     r"决算|预算|报告|计划|规划|要点|方案|工作总结|届|期间|之前|以前|自\s*\d")
#: The whole year as a range of months (1月至12月, 1-12月, 1月1日至12月31日): the year itself, no period
#: that names another year rightly.
_WHOLE_YEAR = lazy_compile(r"(?<!\d)0?1\s*(?:月(?:\s*0?1\s*日)?)?\s*(?:至|到|—|－|~|～|-)\s*(?:(?:19|20)\d{2}\s*年)?"
                           r"\s*12\s*月(?:\s*31\s*日)?")
#: The words right before a count that name what it counts (主动公开政府信息 53 条).
_NAME_LENGTH = 4
#: Application kinds compared with table 三 (a figure of the report year).
#: Each kind of application count with the table 三 figures it may be (受理 and 办理 are read
#: either as this year's own or with the carry-over added, 办理 also as those handled, as
#: N101 reads them).
_KIND_ROWS = {"new": (("R01",),), "handled": (("R24",),), "carried_out": (("R25",),), "carried_in": (("R02",),),
              "accepted": (("R01",), ("R01", "R02")), "processed": (("R24",), ("R01", "R02"), ("R01",))}


class StaleYear(Rule):
    """A sentence states this year's figures but names the previous year.

    What it checks
        A sentence that names one year only, the year before the report's, and no period,
        date or comparison (截至…年底, 较上年, 以来, 决算…; 1月至12月 is the whole year, no
        period), is reported when the figures it
        gives are the report year's: a count that the text elsewhere gives for the report
        year under the same words (2025年主动公开政府信息53条 … 2024年…主动公开政府信息53条),
        or application counts equal to table 三's (two of them, or one of 10 or more). Such a
        sentence is usually last year's text with new figures and the old year (FORMAT.md §9,
        内容雷同). Years in full-width digits (２０２４年) are read too; a year inside
        parentheses (…27 件（2023年为 20 件）) is another year's figure given beside, not the
        sentence's year.

    Why
        FORMAT.md §2 and §7 X-YEAR: the report covers its own calendar year; a figure of that
        year under another year's name misleads the reader about which year it describes.

    Bad::

        …
        （一）主动公开。2024年本机关主动公开政府信息53条。
        二、主动公开政府信息情况
        ⟦2023年⟧制作、获取政府信息467条，其中主动公开政府信息53条。

    Good::

        …
        （一）主动公开。2024年本机关主动公开政府信息53条。
        二、主动公开政府信息情况
        2024年制作、获取政府信息467条，其中主动公开政府信息53条。
    """

    code = "D104"
    name = "stale-year"
    explanation = "某句写的是上一年，但其中的数字是本报告年度的数字，年份可能沿用上一年报告而未更新。"
    category = "dates"
    severity = "warning"
    profiles = ("strict",)
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        year = report.year
        if year is None:
            return
        this_year: dict[tuple[str, int, str], Sentence] = {}
        stale: list[tuple[Sentence, re.Match[str]]] = []
        for s in sentences(report):
            if s.heading or "年" not in s.text:
                continue
            # (A year in an aside gives another year's figure beside this one's: 全年收到申请
            # 27 件（2023年为 20 件）.)
            text = ascii_digits(blank_asides(s.text))
            years = [m for m in _YEAR.finditer(text) if 1990 <= int(m.group(1)) <= 2100]
            if len({m.group(1) for m in years}) != 1:
                continue
            y = int(years[0].group(1))
            if y == year:
                for c in counts(s):
                    this_year.setdefault(_named(c), s)
            elif y == year - 1 and not _PERIOD.search(_WHOLE_YEAR.sub("", text) if "月" in text else text):
                stale.append((s, years[0]))
        by_sentence = _application_matches(report)
        for s, m in stale:
            evidence = self._evidence(s, year, this_year, by_sentence.get(id(s), []))
            if evidence is None:
                continue
            what, related = evidence
            yield self.diag(f"此句称 {m.group(1)} 年，但{what}（本报告为 {year} 年度），年份可能未更新",
                            s.span(m.start(), m.end()), key="stale-year", related=related,
                            evidence={"text": int(m.group(1)), "year": year}, snippet=s.text[m.start():m.end()])

    def _evidence(self, s: Sentence, year: int, this_year: dict, table_matches: list[tuple[Count, int]]):
        for c in counts(s):
            other = this_year.get(_named(c))
            if other is not None and c.value >= 10:
                return (f"“{_named(c)[0]}{c.value}{c.unit}”与正文所述 {year} 年的数字相同",
                        [Related(other.span(), f"正文所述 {year} 年的数字")])
        if len(table_matches) >= 2 or any(v >= 10 for _, v in table_matches):
            shown = "、".join(f"{c.value}{c.unit}" for c, _ in table_matches)
            return f"申请数 {shown} 与表三（{year} 年）相同", []
        return None


def _named(c: Count) -> tuple[str, int, str]:
    """A count with the words that name it, as a key: (last words before it, value, unit)."""
    words = re.sub(r"[\s的了共计为有]+", "", c.before)[-_NAME_LENGTH:]
    return words, c.value, c.unit


def _application_matches(report: Report) -> dict[int, list[tuple[Count, int]]]:
    """For each sentence (by id), its application counts equal to table 三's figure."""
    out: dict[int, list[tuple[Count, int]]] = {}
    for ac in application_counts(report):
        for rows in _KIND_ROWS.get(ac.kind, ()):
            figures = [t3_total(report, row) for row in rows]
            table: Optional[Any] = sum(figures) if None not in figures else None
            if table is not None and table == ac.count.value and table > 0:
                out.setdefault(id(ac.sentence), []).append((ac.count, table))
                break
    return out
