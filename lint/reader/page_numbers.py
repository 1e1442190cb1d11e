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

#: How many bare numbers in step with the pages make them page numbers.
EVIDENCE = 3
#: The largest page number considered (a report has tens of pages; 2024 is a year).
MAX_PAGE = 999


def page_number_lines(text: str) -> list[int]:
    """The (1-based) numbers of the lines of ``text`` that hold nothing but a page number
    at a page boundary (see the module)."""
    if "\f" not in text:
        return []
    lines = text.split("\n")
    tops: list[tuple[int, int, int]] = []  # (page, number, line index)
    feet: list[tuple[int, int, int]] = []
    page = 1
    for index, line in enumerate(lines):
        if "\f" not in line:
            continue
        parts = line.split("\f")
        # A page number shares its line with nothing but the form feed and blanks.
        alone = _bare(line) if sum(1 for p in parts if _blank(p)) == len(parts) - 1 else None
        for j in range(len(parts) - 1):
            before, after = parts[j], parts[j + 1]
            foot = alone if not _blank(before) else _last_bare(lines, index) if j == 0 else None
            if foot is not None:
                feet.append((page, foot, index if not _blank(before) else _previous(lines, index)))
            page += 1
            top = alone if not _blank(after) else _next_bare(lines, index) if j == len(parts) - 2 else None
            if top is not None:
                tops.append((page, top, index if not _blank(after) else _following(lines, index)))
    found = _in_step(tops) | _in_step(feet)
    return sorted(k + 1 for k in found)


def _blank(text: str) -> bool:
    return not text.strip(" \u3000\t\f")


def _bare(text: str):
    """The number ``text`` is, when it is a bare page-sized number (else None)."""
    s = text.strip(" \u3000\t\f")
    if s.isdecimal() and s.isascii() and len(s) <= 3 and 0 < int(s) <= MAX_PAGE:
        return int(s)
    return None


def _previous(lines: list[str], index: int) -> int:
    """The last non-blank line before line ``index`` on its page (-1: none). (A scan never
    crosses a form feed: each blank line is looked at once from each side.)"""
    k = index - 1
    while k >= 0 and _blank(lines[k]) and "\f" not in lines[k]:
        k -= 1
    return k


def _following(lines: list[str], index: int) -> int:
    """The first non-blank line after line ``index`` on its page (len(lines): none)."""
    k = index + 1
    while k < len(lines) and _blank(lines[k]) and "\f" not in lines[k]:
        k += 1
    return k


def _last_bare(lines: list[str], index: int):
    """The page's last line before line ``index``, when a bare number on a line of its own."""
    k = _previous(lines, index)
    return None if k < 0 or "\f" in lines[k] else _bare(lines[k])


def _next_bare(lines: list[str], index: int):
    """The page's first line after line ``index``, when a bare number on a line of its own."""
    k = _following(lines, index)
    return None if k >= len(lines) or "\f" in lines[k] else _bare(lines[k])


def _in_step(candidates: list[tuple[int, int, int]]) -> set[int]:
    """The line indexes of the candidates whose numbers run in step with their pages."""
    offsets = Counter(number - page for page, number, _ in candidates)
    if not offsets:
        return set()
    offset, support = offsets.most_common(1)[0]
    if support < EVIDENCE:
        return set()
    return {index for page, number, index in candidates if number - page == offset}
