"""S108: top-level numerals used inside a section (a second numbering system)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.model import Report

from ._common import SLOTS, title_garbled_heading


class SecondTopLevelNumbering(Rule):
    """Headings inside a section reuse the top-level numerals 一、二、….

    What it checks
        Inside a statutory section (outside the tables, whose row labels legitimately
        start with 一、二、三、四、), a heading numbered like a top-level section (二、工作机制
        保障) starts a second numbering system: the reader can no longer tell the six
        sections apart. One finding per section, at its first such heading, listing them.

    Why
        docs/format.md §2 and §3.1: top level 一、…六、 is reserved for the six sections; the
        sub-levels are （一） and 1.; "总体情况 sub-topics numbered 一、二、… as if they were
        top-level" is one of the structural failures listed there.

    Bad::

        …
        ⟦二、工作机制保障⟧
        设立协调小组。

    Good::

        …
        （六）工作机制保障。设立协调小组。
    """

    code = "S108"
    name = "second-top-level-numbering"
    explanation = "章节内部的小标题使用了一、二、三等一级序号，与六个法定章节的序号混淆，应改用（一）（二）等下级序号。"
    category = "structure"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        section_lines = {s.line for s in report.sections.values()}
        # The top-level headings that are not section titles, once (not once a section).
        tops = [h for h in report.headings if h.level == 1 and h.span.line not in section_lines]
        # (Nor a missing section's own heading as a scan read it: the numbering is the report's.)
        garbled = {title_garbled_heading(report, s) for s in SLOTS if s not in report.sections} if tops else set()
        tops = [h for h in tops if h.span.line not in garbled]
        if not tops:
            return
        for slot in SLOTS:
            sec = report.sections.get(slot)
            if sec is None:
                continue
            inner = [h for h in tops
                     if sec.line < h.span.line <= sec.end_line and not report.in_table(h.span.line)]
            if not inner:
                continue
            names = "、".join(f"“{h.text[:16]}”" for h in inner[:4]) + ("等" if len(inner) > 4 else "")
            yield self.diag(
                f"“{sec.title}”内的标题{names}使用了一级序号（一、二、…），与六个部分的编号重复，"
                "形成两套编号；部分内的标题应使用（一）（二）…",
                inner[0].span, key=f"{slot}.numbering",
                related=[Related(h.span, h.text[:20]) for h in inner[1:]], snippet=names)
