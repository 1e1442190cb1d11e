"""Shared pieces of the table rules (not a rule module: the name starts with _)."""
from __future__ import annotations

from typing import Optional

from gplint import format as _format
from gplint.grammar import PIPE_CHARS
from gplint.lazy_re import lazy_compile
from gplint.literal_entities import without_white_entities
from gplint.model import Report, Span
from gplint.reader.csv_rows import csv_delimiter, csv_fields

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


#: Cell borders: | ｜ and a box-drawing table's │ ├ ┼ ┤ … all cut a row into cells alike.
_PIPES = frozenset(PIPE_CHARS)
# A value cell (a number or a mark standing for none), not the next row's numbered label.
_CELL_AHEAD = lazy_compile(r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[-—–－/／―]+|[无〇○])(?=[\t \u3000\xa0]|$)")
_PIPES_AND_BLANKS = PIPE_CHARS + " \t\u3000\xa0"


def line_text(report: Report, line: int) -> str:
    if 1 <= line <= len(report.lines):
        return report.lines[line - 1]
    return ""


def _before_remark(report: Report, line: int, last_end_column: int, text: str) -> str:
    """The line up to the 备注 cell closing its row (an issue ``remark-cell`` of the reader),
    without the separator before it; the whole line when the row has none."""
    after = [i.span.column for i in report.issues if i.kind == "remark-cell" and i.span is not None
             and i.span.line == line and i.span.column >= last_end_column]
    if not after:
        return text
    cut = text[: min(after) - 1].rstrip(" \u3000\xa0")  # (the row's own: the nearest after its values)
    return cut[:-1] if cut.endswith(("\t", ",")) else cut


def trailing_empty_cell(report: Report, line: int, last_end_column: int, first_column: int = 1) -> Optional[bool]:
    """Whether a separated row leaves an empty cell after its last value.

    None when the line has no cell separators (the layout cannot tell). A pipe row
    ``| 1 | 0 |  |`` or a tab row ``1\\t0\\t`` leaves one; ``| 1 | 0 |`` does not; a pipe
    row without outer pipes (``a | 1 | 0 | ``) leaves one after its last pipe; a tab row
    with another row right after its last tab (``1\\t0\\t\\t二、…``) needs two, since one
    may be what joined the rows. Full-width bars (｜) and the borders of a box-drawing
    table (│ ├ ┼ ┤ …) are pipes too; the commas of a CSV row (``a,1,0,``) cut it as tabs do.

    ``first_column``: where the row begins (its label). A row inside a longer line (a
    page flattened into one line holds every row) ends where the next text begins, and
    opens with a pipe when one stands before its label; then the next row's opening pipe
    stands after its closing one.
    """
    # (An empty cell written &nbsp; is one: gplint.literal_entities.)
    text = _before_remark(report, line, last_end_column, without_white_entities(line_text(report, line)))
    rest = text[last_end_column - 1:] if last_end_column > 0 else ""
    if not _PIPES.isdisjoint(text):
        row_end = len(rest) - len(rest.lstrip(_PIPES_AND_BLANKS))
        after = sum(1 for ch in rest[:row_end] if ch in _PIPES)
        # (Blanks and markdown emphasis stand between a pipe and its cell's label: | **a** |.)
        before = text[:first_column - 1].rstrip(" \t\u3000\xa0*_") if first_column > 1 else ""
        opens = (before[-1:] if before else text.lstrip()[:1]) in _PIPES
        # A row that opens with a pipe closes with one; another row after it on the same
        # line opens with one too (「… | 0 | | 二、…」: no empty cell between them).
        followed = row_end < len(rest)
        return after >= (2 if opens else 1) + (1 if opens and followed else 0)
    if "\t" in text:
        gap = rest[:len(rest) - len(rest.lstrip("\t \u3000\xa0"))]
        if len(gap) == len(rest) or _CELL_AHEAD.match(rest, len(gap)):
            return "\t" in rest  # the line ends, or the row's own cells go on (a subtotal set aside)
        # Another row after it on the line (a page's rows run on). Joined by a blank, the
        # tabs before the blank are the row's and those after it the next row's empty
        # label cells ("0\t \t\t2.其他…"); joined by a tab or by nothing, one tab may be
        # the joint, so only a second one shows an empty cell.
        joint = next((k for k, ch in enumerate(gap) if ch != "\t"), None)
        if joint is not None:
            return joint >= 1
        return len(gap) >= 2
    delimiter = csv_delimiter(text)
    if delimiter and csv_fields(text) is not None:  # a spreadsheet's CSV row
        return delimiter in rest
    return None
