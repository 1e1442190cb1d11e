"""HTML tables inside a text report: a layout of their own.

OCR and PDF-to-markdown tools (MinerU, marker and their kin) write a document's prose as
markdown and its tables as HTML, ``<table><tr><td>…`` often on one line; text copied out
of a web editor keeps its tables' tags the same way. Read as text, such a table is one
line of tags and no cell. So before the reader reads a text, each ``<table>…</table>``
in it is written as the HTML reader writes a page's table (:func:`gplint.html_text.html_lines`:
a line a row, cells cut by tabs, a ``colspan`` as empty cells), and the rest of the text
is left as it is.

Findings are mapped back to the file (:class:`TableLineMap`): a line outside the tables
keeps its own line and column; a row read from a table points at the table's ``<table``
tag, the place an editor can show.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple, Optional, Sequence

from .lazy_re import lazy_compile
from .model import Span

#: A table's opening or closing tag (an attribute never holds "<": a tag is read to its end
#: or to the next tag, whichever comes first, so every tag is read once).
_TABLE_TAG = lazy_compile(r"<(/?)table\b[^<>]*>?", re.I)


def _table_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost ``<table>…</table>`` of ``text``, tables inside it
    included. A table never closed is no table: its text is left as it is (it would
    swallow the headings and prose after it)."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for m in _TABLE_TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, m.end()))
    return spans


class _Origin(NamedTuple):
    """Where a line of the text as read comes from: the file's line and the column its
    first character stood at; for a row of a table, the place of the table's tag."""

    line: int
    column: int
    row: bool = False


def _rows(table_html: str) -> list[str]:
    from .html_text import html_lines
    from .sources import InputError

    try:
        return [line for line in html_lines(table_html) if line.strip()]
    except InputError:
        return []


def tables_as_rows(text: str) -> tuple[str, Optional["TableLineMap"]]:
    """``text`` with each HTML table written a row a line, and the map of the lines back to
    the file's (``text`` itself and None when it holds no HTML table)."""
    if "<" not in text:
        return text, None
    spans = _table_spans(text)
    if not spans:
        return text, None
    out: list[str] = []
    origins: list[_Origin] = []
    line, column = 1, 1  # where the next character of ``text`` stands in the file
    pos = 0
    current = ""  # the text of the output line being built
    current_origin = _Origin(1, 1)

    def emit() -> None:
        nonlocal current
        out.append(current)
        origins.append(current_origin)
        current = ""

    def copy(chunk: str) -> None:
        nonlocal current, line, column, current_origin
        parts = chunk.split("\n")
        for k, part in enumerate(parts):
            if k:
                emit()
                line, column = line + 1, 1
                current_origin = _Origin(line, 1)
            current += part
            column += len(part)

    for table_start, table_end in spans:
        body = text[table_start:table_end]
        rows = _rows(body)
        copy(text[pos:table_start])
        pos = table_start
        if not rows:
            continue  # not readable as a table: left as it is, copied with what follows
        tag = _Origin(line, column)
        if current.strip():
            emit()
        else:
            current = ""
        for row in rows:
            current, current_origin = row, _Origin(tag.line, tag.column, True)
            emit()
        # The tags end where the table ends; the rest of that line goes on after it.
        newlines = body.count("\n")
        line += newlines
        column = (len(body) - body.rfind("\n")) if newlines else column + len(body)
        current_origin = _Origin(line, column)
        pos = table_end
    copy(text[pos:])
    out.append(current)
    origins.append(current_origin)
    return "\n".join(out), TableLineMap(origins)


class TableLineMap:
    """Positions in the text as read (tables written a row a line) -> the file's."""

    def __init__(self, origins: Sequence[_Origin]) -> None:
        #: For each line as read (line 1 first), where it comes from.
        self.origins = origins

    def place(self, line: int, column: int) -> tuple[int, int]:
        """The file's line and column of ``column`` of ``line`` as read."""
        if not 1 <= line <= len(self.origins):
            return line, column
        origin = self.origins[line - 1]
        if origin.row:
            return origin.line, origin.column
        return origin.line, origin.column + column - 1

    def span(self, span: Span) -> Span:
        line, column = self.place(span.line, span.column)
        if 1 <= span.line <= len(self.origins) and self.origins[span.line - 1].row:
            end_line, end_column = line, column + len("<table")  # a row of a table: its tag
        else:
            end_line, end_column = self.place(span.end_line, span.end_column)
        return replace(span, line=line, column=column, end_line=end_line, end_column=end_column)


__all__ = ["TableLineMap", "tables_as_rows"]
