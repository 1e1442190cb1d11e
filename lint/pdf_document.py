"""A PDF's pages as one text: running headers, footers and page numbers left out, and
paragraphs that the page width wrapped joined again (for :mod:`gplint.pdf_layout`)."""
from __future__ import annotations

import re
from typing import Optional, Sequence

from .pdf_layout import PageLine
from .pdf_spaced import VALUE_CELL, aligned_rows
from .lazy_re import lazy_compile

_HEADING = lazy_compile(r"\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十\d]+)")


def _glue(end: str, start: str) -> str:
    """What joins a wrapped line to the next: a space between two Latin words, nothing
    between Chinese characters, nor between two digits (a number the line's end cut in two,
    ``办结119`` / ``1件``: Chinese prose never sets two numbers apart by a blank alone)."""
    if end.isdigit() and start.isdigit():
        return ""
    return " " if end.isascii() and end.isalnum() and start.isascii() and start.isalnum() else ""


def _unwrapped(lines: list[PageLine], right: float) -> list[PageLine]:
    """Prose lines joined into their paragraphs: a line that reaches the right edge of the
    page's text and is followed, a line below, by one that starts no further right (and not
    with a heading's number), goes on in it. A PDF wraps every paragraph; a word of a
    wrapped line that starts the next (``行`` / ``政事业性收费情况``) must not read as a
    table's label. ``right`` is the right edge of the document's text."""
    out: list[PageLine] = []
    for line in lines:
        prev = out[-1] if out else None
        height = line.top - line.bottom
        if (prev is not None and prev.free and line.free and "\t" not in prev.text + line.text
                and prev.right >= right - 1.5 * height and prev.bottom - line.top < height
                and line.left <= prev.left + height and not _HEADING.match(line.text)
                and not VALUE_CELL.fullmatch(line.text.strip())):
            glue = _glue(prev.text[-1:], line.text[:1])
            out[-1] = PageLine(prev.top, line.bottom, prev.text + glue + line.text, min(prev.left, line.left),
                               line.right, free=True)
        else:
            out.append(line)
    return out


#: A page number as footers write it (a bare number also counts when set apart from the body).
_PAGE_NUMBER = lazy_compile(r"[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
                          r"|共\s*\d+\s*页\s*第\s*\d+\s*页|Page\s*\d+(\s*of\s*\d+)?", re.IGNORECASE)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _set_apart(line: PageLine, neighbour: Optional[PageLine]) -> bool:
    """A header or footer stands apart from the body: the gap to the next line is more
    than the line's own height (a body's lines are a leading apart, less than that)."""
    if neighbour is None:
        return True
    gap = line.bottom - neighbour.top if neighbour.top <= line.bottom else neighbour.bottom - line.top
    return gap > line.top - line.bottom


def _numbered_ends(pages: Sequence[list[PageLine]]) -> set[tuple[int, int]]:
    """(page, 0 or -1): the pages' first or last lines that are bare page numbers: numbers
    that go up one a page at the same end of at least half the pages (and two), set apart
    from the body."""
    seen: dict[tuple[int, int], list[int]] = {}
    for index, lines in enumerate(pages):
        for end in ((0, -1) if lines else ()):
            text = lines[end].text.strip()
            neighbour = (lines[1] if end == 0 else lines[-2]) if len(lines) > 1 else None
            if lines[end].free and text.isdigit() and len(text) < 5 and _set_apart(lines[end], neighbour):
                seen.setdefault((end, int(text) - index), []).append(index)
    enough = max(2, len(pages) // 2)
    return {(index, end) for (end, _), indices in seen.items() if len(indices) >= enough for index in indices}


def document_text(pages: Sequence[list[PageLine]]) -> str:
    """The pages' lines, pages separated by a form feed (as pdfminer separates them),
    spaced tables' rows aligned (:func:`gplint.pdf_spaced.aligned_rows`), prose lines
    unwrapped (:func:`_unwrapped`), running headers and footers left out: a
    first or last line of a page, not a table row, that is a page number as footers write
    it (``- 4 -``, ``第4页``, ``4/6``), or a bare number going up one a page, or that is set
    apart from the body and has the shape (digits aside) of the first or last line of
    another page too."""
    edges: dict[str, int] = {}
    for lines in pages:
        for shape in {_shape(lines[0].text), _shape(lines[-1].text)} if lines else ():
            edges[shape] = edges.get(shape, 0) + 1
    numbered = _numbered_ends(pages)

    def running(index: int, lines: list[PageLine], end: int) -> bool:
        line = lines[end]
        text = line.text.strip()
        if not line.free or "\t" in text:  # a table row, ruled or spaced
            return False
        if _PAGE_NUMBER.fullmatch(text) or (index, end) in numbered:
            return True
        neighbour = (lines[1] if end == 0 else lines[-2]) if len(lines) > 1 else None
        return not text.isdigit() and _set_apart(line, neighbour) and edges.get(_shape(text), 0) > 1

    right = max((line.right for lines in pages for line in lines if line.free and "\t" not in line.text), default=0.0)
    kept: list[list[PageLine]] = []
    for index, lines in enumerate(pages):
        lines = list(lines)
        for _ in range(2):  # a header, a page number: at most two lines at each end
            if lines and running(index, lines, 0):
                lines.pop(0)
            if lines and running(index, lines, -1):
                lines.pop()
            numbered.discard((index, 0))
            numbered.discard((index, -1))
        kept.append(lines)
    return "\n\f".join("\n".join(line.text for line in _unwrapped(lines, right)) for lines in aligned_rows(kept))
