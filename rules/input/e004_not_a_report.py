"""E004: not-a-report (reported by the engine, documented here)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report


class NotAReport(Rule):
    """What it checks
        The text has none of the six statutory sections and none of the three tables, so it is not read as a 政府信息公开工作年度报告 and no other rule runs on it.
        The message says why when the text shows it (gplint.not_a_report): a page titled as
        the report that only links to it (附件：….pdf, 详见附件: lint the attachment), a page
        of pictures (the report published as images: nothing to read), or a PDF's text
        that came out as glyph numbers ("(cid:123)": extract it with another tool or OCR).

    Why
        docs/format.md §2 (document model); DESIGN.md §6. Running the report rules on an unrelated text would only produce noise.

    Bad::

        ⟦关⟧于做好防汛准备工作的通知

        各单位：请做好汛期值班。

    Good::

        …
    """

    code = "E004"
    name = "not-a-report"
    explanation = "没有找到任何法定章节或统计表，不能作为政府信息公开工作年度报告检查，其他规则都没有运行。"
    category = "input"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Produced by gplint.engine before any rule runs; this class documents the code.
        return ()
