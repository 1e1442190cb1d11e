"""Invisible characters: read as if absent, reported where the file has them.

Web pages and word processors leave characters in a report's text that take no place on
screen: zero-width spaces (U+200B) at the edges of cells and paragraphs, joiners, a
byte-order mark in mid-text, soft hyphens, direction marks. A reader sees 「予以公开」 and
「100000」; left in, the characters cut a label from its row and a digit run from its
cells, and the rules would quote them. So the reader reads the text without them
(:func:`without_invisible`), and the findings' columns are mapped back to the file's
(:class:`InvisibleMap`), so an editor still lands on the character a finding names.
Lines are never joined or cut: only columns move.

Inline formatting tags in a table's rows are read the same way: a page converted to
markdown by pandoc, or copied from a web editor, keeps
``<span style="font-family:仿宋_GB2312">规章</span>`` in every table cell, and ``<font>``,
``<b>``, Word's ``<o:p></o:p>``. On screen they are no text; left in, a cell reads as markup
and its table is not found. In prose they stay, for the residue rule H101 to report.
(Tables, paragraphs and line breaks are structure, read elsewhere:
:mod:`gplint.embedded_html`, :mod:`gplint.literal_entities`.)
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .lazy_re import lazy_compile
from .model import Span

#: Format characters with no width: soft hyphen, Arabic letter mark, Mongolian vowel
#: separator, zero-width space / non-joiner / joiner, left-to-right and right-to-left
#: marks, the bidirectional embeddings, overrides and isolates, word joiner, invisible
#: operators, and the zero-width no-break space (a BOM).
INVISIBLE = ("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
_INVISIBLE_RUN = lazy_compile(f"[{INVISIBLE}]+")
_DROP = {ord(ch): None for ch in INVISIBLE}


#: Inline formatting tags, opening or closing (never a table's, a paragraph's or a break's).
_INLINE_TAG = lazy_compile(r"</?(?:span|font|b|strong|em|i|u|small|big|mark|a|ins|o:p)(?:\s[^<>\n]*)?/?>", re.I)


def _has_tags(text: str) -> bool:
    return "<" in text and _INLINE_TAG.search(text) is not None


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds an invisible character or an inline tag (a substring search a
    character: several times faster than the pattern over a report that has none, as
    nearly every one)."""
    return any(ch in text for ch in INVISIBLE) or _has_tags(text)


def _in_table_row(line: str) -> bool:
    """Whether a line is a table's row (pipes or tabs between cells): inline tags are taken
    out there only. In prose they are residue H101 reports, and the prose reads on."""
    return "|" in line or "\t" in line


def _without_tags(text: str) -> str:
    return "\n".join(_INLINE_TAG.sub("", line) if "<" in line and _in_table_row(line) else line
                     for line in text.split("\n"))


def without_invisible(text: str) -> str:
    """``text`` without its invisible characters and its table rows' inline tags (the same
    string when it has none)."""
    if not has_invisible(text):
        return text
    return _without_tags(text.translate(_DROP)) if _has_tags(text) else text.translate(_DROP)


class InvisibleMap:
    """Columns of the text read without its invisible characters -> columns of the file."""

    def __init__(self, text: str) -> None:
        #: For each line that had invisible characters: the file's columns (1-based) where
        #: they stood, in order.
        self.removed: dict[int, list[int]] = {}
        tags = _has_tags(text)
        for number, line in enumerate(text.split("\n"), 1):
            removed = []
            if _INVISIBLE_RUN.search(line) is not None:
                removed = [k for k, ch in enumerate(line, 1) if ord(ch) in _DROP]
            if tags and "<" in line and _in_table_row(line):
                # (Tags are found in the line with its invisible characters left out, as
                # without_invisible finds them.)
                invisible_at = set(removed)
                kept = [k for k in range(1, len(line) + 1) if k not in invisible_at]
                visible = "".join(line[k - 1] for k in kept)
                for m in _INLINE_TAG.finditer(visible):
                    removed.extend(kept[m.start():m.end()])
                removed.sort()
            if removed:
                self.removed[number] = removed

    @classmethod
    def of(cls, text: str) -> Optional["InvisibleMap"]:
        """The map for ``text``, or None when it has no invisible character."""
        return cls(text) if has_invisible(text) else None

    def column(self, line: int, column: int) -> int:
        """The file's column of column ``column`` of ``line`` as read."""
        removed = self.removed.get(line)
        if not removed:
            return column
        # The k-th character as read stands after every removed one among the first k + j
        # of the file's line: step past them in order.
        out = column
        for position in removed:
            if position > out:
                break
            out += 1
        return out

    def span(self, span: Span) -> Span:
        if span.line not in self.removed and span.end_line not in self.removed:
            return span
        return replace(span, column=self.column(span.line, span.column),
                       end_column=self.column(span.end_line, span.end_column))


__all__ = ["INVISIBLE", "InvisibleMap", "without_invisible"]
