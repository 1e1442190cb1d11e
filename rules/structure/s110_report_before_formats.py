"""S110: the report is on a year before the national formats (a notice, not an error)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import BEFORE_FORMATS, FORMAT_2019, FORMAT_2021
from gplint.model import Report, Span


class ReportBeforeFormats(Rule):
    """What it checks
        A report on 2018 or an earlier year (its title's year, or ``--year``) that prints
        none of the national formats' tables (no header the formats name, no table 三 of five
        rows or more). One notice a report, on its title, saying that the format's checks
        were not made and which were.

    Why
        docs/format.md §1.2: the first national format (国办公开办函〔2019〕60号) governs the
        reports on 2019 and later; reports on 2008-2018 followed only the 2008 条例's list of
        contents, with sections of their own (概述, 依申请公开政府信息情况, 收费及减免…) and no
        fixed tables. Holding them to a format issued later would report every such report
        as missing its sections and its three tables. The rules of the formats' sections,
        tables and identities are not run on them (``Rule.formats``); the checks that hold
        for any report (dates, hygiene, the prose's own sums) are, and this notice says so,
        so that a reviewer of a folder of many years knows why such a report is quiet.
        "Bad" is a report on 2018 in the old style (which draws the notice); "Good" is the
        example report (the 2021 format's tables) titled 2019, the first year of a format.

    Bad::

        ⟦示例区⟧人民政府2018年政府信息公开工作年度报告

        一、概述

        本年度工作平稳有序。

        二、主动公开政府信息情况

        全年主动公开政府信息120条。

        三、依申请公开政府信息情况

        全年共收到政府信息公开申请3件，均已按时答复。

        四、政府信息公开的收费及减免情况

        本年度未收取任何费用。

    Good::

        …
        示例市交通运输局2019年政府信息公开工作年度报告
    """

    code = "S110"
    name = "report-before-formats"
    explanation = ("这是 2018 年度或更早的报告，当时尚无国家统一的年度报告格式（2019 年度起适用），"
                   "gplint 未按格式检查其章节和表格，只检查日期、文字和正文自身的数字。")
    category = "structure"
    severity = "info"
    profiles = ("default", "strict")
    formats = (BEFORE_FORMATS,)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        year = f"{report.year} 年度" if report.year else "2019 年以前"
        yield self.diag(
            f"本报告（{year}）早于国家统一的年度报告格式（{FORMAT_2019.first_year} 年度起适用"
            f"{FORMAT_2019.document}，{FORMAT_2021.first_year} 年度起适用{FORMAT_2021.document}）："
            "章节、表格和表格数据未按格式检查，只检查了日期、文字和正文自身的数字",
            report.title_span or Span(1), key="format.before")
