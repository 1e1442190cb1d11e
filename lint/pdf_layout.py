"""A PDF page's text laid out from where its characters and rules are (both PDF backends).

A PDF has no lines, rows or cells: only glyphs at positions and, in a ruled table, the
strokes of its borders. A backend's own reading order (PDFium's, or pdfminer's layout
analysis) loses what the report's reader needs: a cell whose text wraps becomes two or
three lines, cells of one row are read column by column, a row split over pages is
interrupted by the running header and the page number. Here, for both backends alike
(:mod:`gplint.pdf_pdfium`, :mod:`gplint.pdf_text` give the glyphs and rules):

- **ruled cells**: the page's horizontal and vertical rules cut it into bands; a region of
  bands enclosed by rules on every side is a cell (merged cells are regions of several
  bands). A cell's glyphs, however many lines they wrap to, are its text; a table row is
  one line: the cells that start on that row, left to right, tab-separated;
- **text outside cells** is grouped into lines by vertical position; within a line a gap of
  at least :data:`CELL_GAP` font heights is a tab (the columns of a table set as spaced
  text), a smaller one a space;
- **running headers and footers**: a first or last line of a page that repeats on other
  pages (digits aside), or is only a page number, is left out (:func:`document_text`).

Coordinates are PDF points, y upwards. Everything here is a pure function of its input.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

#: A gap between two glyphs of a line at least this many font heights separates cells.
CELL_GAP = 1.0
#: A gap of at least this many font heights is a space between words.
WORD_GAP = 0.25
#: Rules closer than this (points) are one rule; a stroke thinner than this is a rule.
RULE_TOLERANCE = 2.0
#: A line in the top or bottom share of the page may be a running header or footer.
MARGIN_SHARE = 0.15


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal (``y0 == y1``) or vertical (``x0 == x1``) stroke."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(slots=True)
class Page:
    glyphs: list[Glyph]
    rules: list[Rule]
    height: float


@dataclass(frozen=True, slots=True)
class PageLine:
    """A line of a page's text, with its top and bottom (reading order, headers)."""

    top: float
    bottom: float
    text: str
    left: float = 0.0
    right: float = 0.0
    free: bool = False  # not a table row: prose that may wrap


def rules_from_segment(x0: float, y0: float, x1: float, y1: float) -> Optional[Rule]:
    """The rule a straight stroke or a thin filled box draws, or None when it is neither
    horizontal nor vertical."""
    if abs(y1 - y0) <= RULE_TOLERANCE and abs(x1 - x0) > RULE_TOLERANCE:
        y = (y0 + y1) / 2
        return Rule(min(x0, x1), y, max(x0, x1), y)
    if abs(x1 - x0) <= RULE_TOLERANCE and abs(y1 - y0) > RULE_TOLERANCE:
        x = (x0 + x1) / 2
        return Rule(x, min(y0, y1), x, max(y0, y1))
    return None


def box_rules(x0: float, y0: float, x1: float, y1: float) -> list[Rule]:
    """The rules of a box's outline (one rule when the box is a thin bar)."""
    bar = rules_from_segment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2) if abs(y1 - y0) <= RULE_TOLERANCE else \
        rules_from_segment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1) if abs(x1 - x0) <= RULE_TOLERANCE else None
    if bar is not None:
        return [bar]
    if abs(x1 - x0) <= RULE_TOLERANCE or abs(y1 - y0) <= RULE_TOLERANCE:
        return []
    return [Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1), Rule(x0, y0, x0, y1), Rule(x1, y0, x1, y1)]


# --------------------------------------------------------------------------- cells
def _positions(values: Iterable[float]) -> list[float]:
    """Distinct positions, values within RULE_TOLERANCE of the previous one merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > RULE_TOLERANCE:
            out.append(v)
    return out


def _covered(spans: Sequence[tuple[float, float]], at: float) -> bool:
    return any(a - RULE_TOLERANCE <= at <= b + RULE_TOLERANCE for a, b in spans)


class _Grid:
    """The page cut by its rules into bands; the enclosed regions of bands are cells."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        horizontal = [r for r in rules if r.y0 == r.y1]
        vertical = [r for r in rules if r.x0 == r.x1]
        self.ys = _positions(r.y0 for r in horizontal)
        self.xs = _positions(r.x0 for r in vertical)
        self.h_spans: list[list[tuple[float, float]]] = [[] for _ in self.ys]
        self.v_spans: list[list[tuple[float, float]]] = [[] for _ in self.xs]
        for r in horizontal:
            self.h_spans[self._index(self.ys, r.y0)].append((r.x0, r.x1))
        for r in vertical:
            self.v_spans[self._index(self.xs, r.x0)].append((r.y0, r.y1))
        self.cell_of = self._regions() if len(self.xs) >= 2 and len(self.ys) >= 2 else {}

    @staticmethod
    def _index(positions: list[float], v: float) -> int:
        i = bisect.bisect_left(positions, v - RULE_TOLERANCE)
        return min(i, len(positions) - 1)

    def _regions(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Band (row i, column j) -> the top-left band of the enclosed region it is in."""
        rows, cols = len(self.ys) - 1, len(self.xs) - 1
        parent = {(i, j): (i, j) for i in range(rows) for j in range(cols)}

        def find(a: tuple[int, int]) -> tuple[int, int]:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        def join(a: tuple[int, int], b: tuple[int, int]) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        open_edges: set[tuple[int, int]] = set()
        for i in range(rows):  # bands numbered top down: ys are ascending, so row i is below ys[-1 - i]
            top, bottom = self.ys[rows - i], self.ys[rows - i - 1]
            mid_y = (top + bottom) / 2
            for j in range(cols + 1):
                walled = _covered(self.v_spans[j], mid_y)
                if 0 < j < cols and not walled:
                    join((i, j - 1), (i, j))
                elif not walled:
                    open_edges.add((i, j - 1 if j == cols else j))
        for j in range(cols):
            mid_x = (self.xs[j] + self.xs[j + 1]) / 2
            for i in range(rows + 1):
                walled = _covered(self.h_spans[rows - i], mid_x)
                if 0 < i < rows and not walled:
                    join((i - 1, j), (i, j))
                elif not walled:
                    open_edges.add((i - 1 if i == rows else i, j))
        open_roots = {find(band) for band in open_edges}
        return {band: find(band) for band in parent if find(band) not in open_roots}

    def band(self, x: float, y: float) -> Optional[tuple[int, int]]:
        if not self.cell_of or not (self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]):
            return None
        j = bisect.bisect_right(self.xs, x) - 1
        i = len(self.ys) - 1 - bisect.bisect_right(self.ys, y)
        return self.cell_of.get((i, j))


# --------------------------------------------------------------------------- lines
def _lines_of(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines (a glyph joins a line its vertical middle falls inside),
    top to bottom, each left to right."""
    lines: list[tuple[float, float, list[Glyph]]] = []
    for g in sorted(glyphs, key=lambda g: (-(g.y0 + g.y1), g.x0)):
        mid = (g.y0 + g.y1) / 2
        if lines and lines[-1][1] <= mid <= lines[-1][0]:
            lines[-1][2].append(g)
        else:
            lines.append((g.y1, g.y0, [g]))
    return [sorted(line, key=lambda g: g.x0) for _, _, line in lines]


def _join(line: list[Glyph], cells: bool) -> str:
    """A line's text: a space where the PDF has one or the glyphs are a word gap apart, a
    tab (``cells``) where they are a cell gap apart."""
    out: list[str] = []
    prev: Optional[Glyph] = None
    spaced = False
    for g in line:
        if g.text.isspace():
            spaced = prev is not None
            continue
        if prev is not None:
            height = max(prev.y1 - prev.y0, g.y1 - g.y0, 1.0)
            gap = (g.x0 - prev.x1) / height
            if cells and gap >= CELL_GAP:
                out.append("\t")
            elif spaced or gap >= WORD_GAP:
                out.append(" ")
        out.append(g.text)
        prev, spaced = g, False
    return "".join(out)


_NUMBER_CELL = re.compile(r"[\d\s.,，]*\d[\d\s.,，]*")


def _cell_text(glyphs: list[Glyph]) -> str:
    """A cell's lines joined (a space only between two ASCII words). A cell of digits is one
    number: spaces a writer put between its digit groups (or that PDFium guessed from their
    spacing) are dropped."""
    parts = [_join(line, cells=False) for line in _lines_of(glyphs)]
    text = ""
    for part in parts:
        if text and text[-1].isascii() and text[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            text += " "
        text += part
    return re.sub(r"\s+", "", text) if _NUMBER_CELL.fullmatch(text) else text


def page_lines(page: Page) -> list[PageLine]:
    """The page's lines, top to bottom (see the module docstring)."""
    grid = _Grid(page.rules)
    cells: dict[tuple[int, int], list[Glyph]] = {}
    free: list[Glyph] = []
    for g in page.glyphs:
        region = grid.band((g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2)
        if region is None:
            free.append(g)
        else:
            cells.setdefault(region, []).append(g)
    out = [_row_line(grid, i, cells) for i in sorted({i for i, _ in cells})]
    for line in _lines_of(free):
        text = _join(line, cells=True)
        if text:
            out.append(PageLine(max(g.y1 for g in line), min(g.y0 for g in line), text,
                                line[0].x0, line[-1].x1, free=True))
    out.sort(key=lambda line: -line.top)
    return out


_HEADING = re.compile(r"\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十\d]+)")


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
                and line.left <= prev.left + height and not _HEADING.match(line.text)):
            glue = " " if prev.text[-1:].isascii() and prev.text[-1:].isalnum() and line.text[:1].isascii() \
                and line.text[:1].isalnum() else ""
            out[-1] = PageLine(prev.top, line.bottom, prev.text + glue + line.text, min(prev.left, line.left),
                               line.right, free=True)
        else:
            out.append(line)
    return out


def _row_line(grid: _Grid, row: int, cells: dict[tuple[int, int], list[Glyph]]) -> PageLine:
    """A table row: every cell that starts on band row ``row``, empty ones too, left to right."""
    regions = sorted({region for region in grid.cell_of.values() if region[0] == row}, key=lambda r: r[1])
    top, bottom = grid.ys[len(grid.ys) - 1 - row], grid.ys[len(grid.ys) - 2 - row]
    return PageLine(top, bottom, "\t".join(_cell_text(cells.get(region, [])) for region in regions))


# --------------------------------------------------------------------------- document
#: A page number as footers write it (a bare number also counts when set apart from the body).
_PAGE_NUMBER = re.compile(r"[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
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


def document_text(pages: Sequence[list[PageLine]]) -> str:
    """The pages' lines, pages separated by a form feed (as pdfminer separates them),
    running headers and footers left out: a first or last line of a page, not a table row,
    that is a page number as footers write it (``- 4 -``, ``第4页``, ``4/6``), or is set
    apart from the body and is a bare number or has the shape (digits aside) of the first
    or last line of another page too."""
    edges: dict[str, int] = {}
    for lines in pages:
        for shape in {_shape(lines[0].text), _shape(lines[-1].text)} if lines else ():
            edges[shape] = edges.get(shape, 0) + 1

    def running(line: PageLine, neighbour: Optional[PageLine]) -> bool:
        text = line.text.strip()
        if "\t" in text:
            return False
        if _PAGE_NUMBER.fullmatch(text):
            return True
        return _set_apart(line, neighbour) and (text.isdigit() or edges.get(_shape(text), 0) > 1)

    right = max((line.right for lines in pages for line in lines if line.free and "\t" not in line.text), default=0.0)
    kept: list[str] = []
    for lines in pages:
        lines = _unwrapped(list(lines), right)
        for _ in range(2):  # a header, a page number: at most two lines at each end
            if lines and running(lines[0], lines[1] if len(lines) > 1 else None):
                lines.pop(0)
            if lines and running(lines[-1], lines[-2] if len(lines) > 1 else None):
                lines.pop()
        kept.append("\n".join(line.text for line in lines))
    return "\n\f".join(kept)
