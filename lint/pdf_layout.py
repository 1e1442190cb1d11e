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
  at least :data:`CELL_GAP` font heights is a tab, a smaller one between Latin letters or
  digits a space; a table set as spaced text keeps its rows and columns
  (:mod:`gplint.pdf_spaced`);
- the pages together (:mod:`gplint.pdf_document`): running headers, footers and page
  numbers left out, paragraphs wrapped at the right edge joined.

Coordinates are PDF points, y upwards. Everything here is a pure function of its input.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .lazy_re import lazy_compile
#: A gap between two glyphs of a line at least this many font heights separates cells.
CELL_GAP = 1.0
#: A gap of at least this many font heights is a space between words.
WORD_GAP = 0.25
#: Rules closer than this (points) are one rule; a stroke thinner than this is a rule.
RULE_TOLERANCE = 2.0
#: A page its rules cut into more bands than this is a drawing, not a table: read as lines
#: (a table 三 has ≈ 30 × 12; the bound keeps the cell search within ≈ 0.2 s a page).
MAX_BANDS = 10_000


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
    free: bool = False  # not a ruled table's row: prose, or a row of a table set as spaced text
    fields: tuple[tuple[float, float, str], ...] = ()  # a free line's cells: extent and text


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


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Spans along one rule position, overlapping or touching ones (a dashed line) joined."""
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + RULE_TOLERANCE:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
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
        self.h_spans = [_merged(spans) for spans in self.h_spans]
        self.v_spans = [_merged(spans) for spans in self.v_spans]
        bands = (len(self.xs) - 1) * (len(self.ys) - 1)
        self.cell_of = self._regions() if len(self.xs) >= 2 and len(self.ys) >= 2 and bands <= MAX_BANDS else {}
        self.row_cells: dict[int, list[tuple[int, int]]] = {}
        for region in sorted(set(self.cell_of.values())):
            self.row_cells.setdefault(region[0], []).append(region)

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
def lines_of(glyphs: list[Glyph]) -> list[list[Glyph]]:
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


def join_glyphs(line: list[Glyph], cells: bool) -> str:
    """A line's text: a space where the PDF has one, or two Latin letters or digits are a
    word gap apart (Chinese has no spaces: a gap by a Chinese character is the justified
    line's spacing), a tab (``cells``) where glyphs are a cell gap apart."""
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
            elif spaced or (gap >= WORD_GAP and prev.text.isascii() and g.text.isascii()):
                out.append(" ")
        out.append(g.text)
        prev, spaced = g, False
    return "".join(out)


NUMBER_CELL = lazy_compile(r"[\d\s.,，]*\d[\d\s.,，]*")


def cell_text(glyphs: list[Glyph]) -> str:
    """A cell's lines joined (a space only between two ASCII words). A cell of digits is one
    number: spaces a writer put between its digit groups (or that PDFium guessed from their
    spacing) are dropped."""
    parts = [join_glyphs(line, cells=False) for line in lines_of(glyphs)]
    text = ""
    for part in parts:
        if text and text[-1].isascii() and text[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            text += " "
        text += part
    return re.sub(r"\s+", "", text) if NUMBER_CELL.fullmatch(text) else text


def page_lines(page: Page) -> list[PageLine]:
    """The page's lines, top to bottom (see the module docstring)."""
    from .pdf_spaced import spaced_rows

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
    lines = [line for line in lines_of(free) if not all(g.text.isspace() for g in line)]
    out.extend(spaced_rows(lines))
    out.sort(key=lambda line: -line.top)
    return out


def _row_line(grid: _Grid, row: int, cells: dict[tuple[int, int], list[Glyph]]) -> PageLine:
    """A table row: every cell that starts on band row ``row``, empty ones too, left to right."""
    regions = grid.row_cells[row]
    top, bottom = grid.ys[len(grid.ys) - 1 - row], grid.ys[len(grid.ys) - 2 - row]
    return PageLine(top, bottom, "\t".join(cell_text(cells.get(region, [])) for region in regions))


def document_text(pages: Sequence[list[PageLine]]) -> str:
    """The pages' text (:func:`gplint.pdf_document.document_text`)."""
    from .pdf_document import document_text as text_of

    return text_of(pages)
