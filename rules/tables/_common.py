"""Shared pieces of the table rules (not a rule module: the name starts with _)."""
from __future__ import annotations

from typing import Optional

from gplint import format as _format
from gplint.model import Report, Span

#: Each format by its name and document, for messages ("2021 年格式（国办公开办函〔2021〕30号）").
FORMAT_2021 = _format.FORMAT_2021.title
FORMAT_2019 = _format.FORMAT_2019.title


def format_checked(report: Report) -> str:
    """Which format the report was checked against, for messages."""
    return FORMAT_2019 if report.format_version == "2019" else FORMAT_2021


def is_2021_report(report: Report) -> bool:
    """A report on 2021 or later, which must follow the 2021 format (FORMAT §1.2)."""
    return report.year is not None and report.year >= 2021


def section_span(report: Report, slot: str) -> Span:
    sec = report.sections.get(slot)
    if sec is not None:
        return sec.heading.span
    return report.title_span or Span(1)


def line_text(report: Report, line: int) -> str:
    if 1 <= line <= len(report.lines):
        return report.lines[line - 1]
    return ""


def trailing_empty_cell(report: Report, line: int, last_end_column: int) -> Optional[bool]:
    """Whether a separated row leaves an empty cell after its last value.

    None when the line has no cell separators (the layout cannot tell). A pipe row
    ``| 1 | 0 |  |`` or a tab row ``1\\t0\\t`` leaves one; ``| 1 | 0 |`` does not; a pipe
    row without outer pipes (``a | 1 | 0 | ``) leaves one after its last pipe.
    """
    text = line_text(report, line)
    rest = text[last_end_column - 1:] if last_end_column > 0 else ""
    if "|" in text:
        return rest.count("|") >= (2 if text.lstrip().startswith("|") else 1)
    if "\t" in text:
        return "\t" in rest
    return None
