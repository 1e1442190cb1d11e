"""Page numbers for findings in a PDF.

pdfminer ends every page with a form feed (``\\f``), which is not a line end (see
:mod:`gplint.sources`): the page of a place in the extracted text is one more than the
form feeds before it. A finding and its related places get ``span.page``; the text output
prints it after the message, JSON has ``page``, SARIF ``properties.page``.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import replace
from typing import Sequence

from .diagnostics import Diagnostic, placed
from .model import Span


class PageMap:
    """Character offsets of line starts and form feeds of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Machine integers (4 bytes an entry, not an int object each: a text is far
        # shorter than 2**31): a text of short lines has nearly as many line starts as
        # characters.
        self.line_starts = array("i", [0])
        pos = text.find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self.feeds = array("i")
        pos = text.find("\f")
        while pos != -1:
            self.feeds.append(pos)
            pos = text.find("\f", pos + 1)

    def page(self, line: int, column: int) -> int:
        index = min(max(line, 1), len(self.line_starts)) - 1
        offset = self.line_starts[index] + max(column, 1) - 1
        # A place on the form feeds that open a page is on that page.
        while offset < len(self.text) and self.text[offset] == "\f":
            offset += 1
        return bisect_right(self.feeds, offset - 1) + 1

    def span(self, span: Span) -> Span:
        return replace(span, page=self.page(span.line, span.column))


def with_pages(diagnostics: Sequence[Diagnostic], text: str) -> list[Diagnostic]:
    """``diagnostics`` with their page numbers, if ``text`` has pages (form feeds)."""
    if "\f" not in text:
        return list(diagnostics)
    return placed(diagnostics, PageMap(text).span)
