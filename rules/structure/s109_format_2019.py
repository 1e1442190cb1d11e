"""S109: the report follows the 2019 试行 format (a notice, not an error)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report, Span


class Format2019Report(Rule):
    """What it checks
        A report on 2019 or 2020 (or of no stated year) whose table 二 prints the 2019
        试行 format (本年新制作数量 / 本年新公开数量 / 对外公开总数量, 上一年项目数量 / 本年增/减,
        其他对外管理服务事项, 政府集中采购). One notice a report, on table 二, saying which
        format gplint checked the report against.

    Why
        FORMAT.md §1.2: reports on 2019 and 2020 follow 国办公开办函〔2019〕60号, whose
        tables differ from the 2021 format (another table 二, （六）其他处理 without sub-rows).
        That is correct for those years, so it is no error; but a reader must know that the
        2021 table rules were not applied, and why. (The same labels in a report on 2021 or
        later are an error: T107.)

    Bad::

        （none: this is a notice, not a defect）

    Good::

        某区2019年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
        规章 | 0 | 0 | 0
    """

    code = "S109"
    name = "format-2019-report"
    category = "structure"
    severity = "info"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or t2.format != "2019" or (report.year is not None and report.year >= 2021):
            return
        span = t2.span or report.title_span or Span(1)
        labels = [lab for lab in t2.column_labels + t2.row_labels if lab.span is not None]
        if labels:
            span = min((lab.span for lab in labels), key=lambda s: (s.line, s.column))
        year = f"{report.year} 年度" if report.year else "年度不明"
        yield self.diag(
            f"本报告（{year}）按 2019 年试行格式（国办公开办函〔2019〕60号）编制，表二为该格式的栏目；"
            "已按该格式核对，2021 年格式（国办公开办函〔2021〕30号）的表格规则未适用",
            span, key="format.2019")
