"""Shared helpers for structure rules (not a rule module)."""
from __future__ import annotations

from typing import Optional

from gplint.model import Report

SLOTS = ("S1", "S2", "S3", "S4", "S5", "S6")
NUMERALS = {"S1": "一", "S2": "二", "S3": "三", "S4": "四", "S5": "五", "S6": "六"}
STANDARD = {
    "S1": "一、总体情况",
    "S2": "二、主动公开政府信息情况",
    "S3": "三、收到和处理政府信息公开申请情况",
    "S4": "四、政府信息公开行政复议、行政诉讼情况",
    "S5": "五、存在的主要问题及改进情况",
    "S6": "六、其他需要报告的事项",
}
TABLE_OF = {"S2": "t2", "S3": "t3", "S4": "t4"}

#: A text with fewer statutory headings than this is a fragment, not a report whose
#: structure can be judged.
MIN_SECTIONS = 4


def table_region(report: Report, slot: str) -> Optional[tuple[int, int]]:
    """First and last line of the table a section carries (T2/T3/T4), when it was found."""
    table = getattr(report, TABLE_OF.get(slot, ""), None) if slot in TABLE_OF else None
    if table is None or table.span is None:
        return None
    line = table.span.line
    for a, b in report.table_lines:
        if a <= line <= b:
            return (a, b)
    return (line, table.span.end_line)


def body_text(report: Report, slot: str) -> str:
    """A section's body as one string (heading excluded), blank lines dropped."""
    return "\n".join(t.strip() for _, t in report.section_text(slot) if t.strip())
