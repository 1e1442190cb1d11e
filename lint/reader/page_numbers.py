"""Bare page numbers at page boundaries (PDF text: pages end with a form feed).

A PDF's text tool writes a page's number as the page prints it: ``- 7 -`` and ``第 7 页``
are footers by their shape (:mod:`.lines`), but a bare ``7`` on a line of its own at the
top of a page (right after the form feed) or at its foot (right before it) looks exactly
like a table's value — in a table printed one cell a line, a page's last value stands there
too. One line cannot tell them apart; the whole text can: page numbers increase by one
from page to page. A bare number at a page boundary is a page number when the bare numbers
at the same place (tops, or feet) of at least :data:`EVIDENCE` boundaries, itself included,
run in step with the pages (each one the page's count plus the same offset: a cover or a
contents page may go unnumbered). Otherwise it is left as it is, and the table's
identities (the solver) decide what it is.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator, Optional

#: How many bare numbers in step with the pages make them page numbers.
EVIDENCE = 3
#: The largest page number considered (a report has tens of pages; 2024 is a year).
MAX_PAGE = 999


def page_number_lines(text: str) -> list[int]:
    """The (1-based) numbers of the lines of ``text`` that hold nothing but a page number
    at a page boundary (see the module). Only the lines around the form feeds are looked
    at (the text is not cut into lines: a PDF's text has tens of thousands)."""
    tops: list[tuple[int, int, int]] = []  # (page, number, line number)
    feet: list[tuple[int, int, int]] = []
    page, number, at = 1, 1, 0  # the page, and the line number of offset ``at``
    i = text.find("\f")
    while i >= 0:
        number += text.count("\n", at, i)
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end, at = (len(text) if end < 0 else end), i
        # A page number shares its line with nothing but the form feed and blanks.
        alone = _bare(text[start:end]) if _only_one(filter(filled, feed_pieces(text, start, end))) else None
        feeds = text.count("\f", start, end)
        pieces = feed_pieces(text, start, end)
        after = next(pieces)
        for j in range(feeds):
            before, after = after, next(pieces)
            foot = (number, alone) if not _blank(before) else _previous(text, start, number) if j == 0 else None
            if foot is not None and foot[1] is not None:
                feet.append((page, foot[1], foot[0]))
            page += 1
            top = ((number, alone) if not _blank(after)
                   else _following(text, end, number) if j == feeds - 1 else None)
            if top is not None and top[1] is not None:
                tops.append((page, top[1], top[0]))
        i = text.find("\f", end)
    return sorted(_in_step(tops) | _in_step(feet))


def _blank(text: str) -> bool:
    return not text.strip(" \u3000\t\f")


def filled(text: str) -> bool:
    """Whether a piece of a line holds more than blanks and form feeds."""
    return not _blank(text)


def feed_pieces(text: str, start: int, end: int) -> Iterator[str]:
    """The pieces of ``text[start:end]`` between its form feeds, in order, each made when
    read: a line of thousands of form feeds split at once cost 8 times its size."""
    while True:
        k = text.find("\f", start, end)
        if k < 0:
            yield text[start:end]
            return
        yield text[start:k]
        start = k + 1


def _only_one(items: Iterator[str]) -> bool:
    """Whether ``items`` holds exactly one item (read up to the second)."""
    return next(items, None) is not None and next(items, None) is None


def _bare(text: str) -> Optional[int]:
    """The number ``text`` is, when it is a bare page-sized number (else None)."""
    s = text.strip(" \u3000\t\f")
    if s.isdecimal() and s.isascii() and len(s) <= 3 and 0 < int(s) <= MAX_PAGE:
        return int(s)
    return None


def _previous(text: str, start: int, number: int) -> Optional[tuple[int, Optional[int]]]:
    """The page's last non-blank line before the line that begins at ``start`` (line
    ``number``): its number and the page number it is (None: not one). None when the page
    has none before it. (A scan never crosses a form feed: each blank line is looked at once
    from each side.)"""
    end = start - 1  # the line end before
    while end >= 0:
        begin = text.rfind("\n", 0, end) + 1
        number -= 1
        line = text[begin:end]
        if "\f" in line:
            return None
        if not _blank(line):
            return number, _bare(line)
        end = begin - 1
    return None


def _following(text: str, end: int, number: int) -> Optional[tuple[int, Optional[int]]]:
    """The page's first non-blank line after the line that ends at ``end`` (line
    ``number``), as :func:`_previous`."""
    while end < len(text):
        begin = end + 1
        end = text.find("\n", begin)
        end = len(text) if end < 0 else end
        number += 1
        line = text[begin:end]
        if "\f" in line:
            return None
        if not _blank(line):
            return number, _bare(line)
    return None


def _in_step(candidates: list[tuple[int, int, int]]) -> set[int]:
    """The line numbers of the candidates whose numbers run in step with their pages."""
    offsets = Counter(number - page for page, number, _ in candidates)
    if not offsets:
        return set()
    offset, support = offsets.most_common(1)[0]
    if support < EVIDENCE:
        return set()
    return {index for page, number, index in candidates if number - page == offset}
