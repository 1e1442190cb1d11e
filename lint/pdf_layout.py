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
#: Lines of a table set as spaced text less than this many line heights apart are one row.
WRAP_GAP = 0.3
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
    lines = [line for line in _lines_of(free) if not all(g.text.isspace() for g in line)]
    out.extend(_aligned([_spaced_row(block) for block in _row_blocks(lines)]))
    out.sort(key=lambda line: -line.top)
    return out


def _fields(line: list[Glyph]) -> list[list[Glyph]]:
    """A line's glyphs cut where they are a cell gap apart."""
    fields: list[list[Glyph]] = []
    prev: Optional[Glyph] = None
    for g in line:
        if g.text.isspace():
            if fields:
                fields[-1].append(g)
            continue
        if prev is None or (g.x0 - prev.x1) / max(prev.y1 - prev.y0, g.y1 - g.y0, 1.0) >= CELL_GAP:
            fields.append([])
        fields[-1].append(g)
        prev = g
    return fields


def _row_blocks(lines: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Lines of text outside ruled cells, the lines of one row of a table set as spaced text
    together: lines less than :data:`WRAP_GAP` line heights apart (a cell wrapping its text;
    rows stand further apart) whose fields make at least two columns, no two lines with a
    number in one column.
    Any other line is a block of its own."""
    blocks: list[list[list[Glyph]]] = []
    for line in lines:
        block = blocks[-1] if blocks else None
        if block is not None and _continues(block, line):
            block.append(line)
        else:
            blocks.append([line])
    return blocks


def _continues(block: list[list[Glyph]], line: list[Glyph]) -> bool:
    above = block[-1]
    height = max(g.y1 for g in line) - min(g.y0 for g in line)
    gap = min(g.y0 for g in above) - max(g.y1 for g in line)
    if gap >= WRAP_GAP * height or len(_columns(block + [line])) < 2:
        return False
    numbers = [(f[0].x0, f[-1].x1) for l in block for f in _fields(l) if _NUMBER_CELL.fullmatch(_join(f, False))]
    return not any(a <= f[-1].x1 and f[0].x0 <= b for f in _fields(line)
                   if _NUMBER_CELL.fullmatch(_join(f, False)) for a, b in numbers)


def _columns(block: list[list[Glyph]]) -> list[tuple[float, float, list[Glyph]]]:
    """The block's fields clustered into columns by overlapping extents, left to right."""
    columns: list[tuple[float, float, list[Glyph]]] = []
    for field in sorted((f for line in block for f in _fields(line)), key=lambda f: f[0].x0):
        x0, x1 = field[0].x0, max(g.x1 for g in field)
        if columns and x0 <= columns[-1][1]:
            a, b, content = columns[-1]
            columns[-1] = (a, max(b, x1), content + field)
        else:
            columns.append((x0, x1, list(field)))
    return columns


def _spaced_row(block: list[list[Glyph]]) -> PageLine:
    """One line of a block: each column's fragments joined top to bottom."""
    glyphs = [g for line in block for g in line]
    if len(block) == 1:
        fields = tuple((f[0].x0, max(g.x1 for g in f), _join(f, cells=False)) for f in _fields(block[0]))
    else:
        fields = tuple((x0, x1, _cell_text(content)) for x0, x1, content in _columns(block))
    return PageLine(max(g.y1 for g in glyphs), min(g.y0 for g in glyphs), "\t".join(f[2] for f in fields),
                    min(g.x0 for g in glyphs), max(g.x1 for g in glyphs), free=True, fields=fields)


def _aligned(lines: list[PageLine]) -> list[PageLine]:
    """Rows of a table set as spaced text with their empty cells: in each run of lines of
    several fields, the columns are the extents of the fields of its rows with numbers, and
    every such row is written a field a column, empty where it has nothing (a blank cell
    is no glyph: only the other rows show it is there)."""
    out: list[PageLine] = []
    run: list[PageLine] = []
    for line in sorted(lines, key=lambda line: -line.top) + [PageLine(0, 0, "")]:
        if len(line.fields) > 1:
            run.append(line)
            continue
        out.extend(_aligned_run(run))
        run = []
        if line.text:
            out.append(line)
    return out


_VALUE_CELL = re.compile(r"[\d\s.,，]*\d[\d\s.,，]*|[-—–－/／]")


def _values(line: PageLine) -> list[tuple[float, float, str]]:
    return [f for f in line.fields if _VALUE_CELL.fullmatch(f[2])]


def _aligned_run(run: list[PageLine]) -> list[PageLine]:
    """The run's rows with values, in groups of consecutive rows whose values line up
    (no more value columns than the fullest row has values), each row written as its
    labels, then a field a value column (a label that stands in one fills it)."""
    groups: list[list[PageLine]] = []
    for line in run:
        values = _values(line)
        if not values or any(f[0] > values[0][0] and f not in values for f in line.fields):
            continue  # no values, or a label among them: written as it is
        if groups and _value_columns(groups[-1] + [line]) is not None:
            groups[-1].append(line)
        else:
            groups.append([line])
    rewritten: dict[int, PageLine] = {}
    for group in groups:
        columns = _value_columns(group)
        if len(group) < 2 or columns is None:
            continue
        for line in group:
            slots = [""] * len(columns)
            labels = []
            for x0, x1, text in line.fields:  # a label standing in a value column keeps it
                column = next((i for i, (a, b) in enumerate(columns) if a <= x1 and x0 <= b), None)
                if column is None or slots[column]:
                    labels.append(text)
                else:
                    slots[column] = text
            rewritten[id(line)] = PageLine(line.top, line.bottom, "\t".join(labels + slots), line.left,
                                           line.right, free=True, fields=line.fields)
    return [rewritten.get(id(line), line) for line in run]


def _value_columns(rows: list[PageLine]) -> Optional[list[list[float]]]:
    """The columns the rows' values make (overlapping extents merged), or None when there
    are more than the fullest row has values (rows that do not line up), or two values of
    a row fall in one column."""
    columns: list[list[float]] = []
    for x0, x1 in sorted((x0, x1) for line in rows for x0, x1, _ in _values(line)):
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    if len(columns) > max(len(_values(line)) for line in rows):
        return None
    for line in rows:
        hit = [next(i for i, (a, b) in enumerate(columns) if a <= x1 and x0 <= b) for x0, x1, _ in _values(line)]
        if len(set(hit)) < len(hit):
            return None
    return columns


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
                and line.left <= prev.left + height and not _HEADING.match(line.text)
                and not _VALUE_CELL.fullmatch(line.text.strip())):
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
    prose lines unwrapped (:func:`_unwrapped`), running headers and footers left out: a
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
    kept: list[str] = []
    for index, lines in enumerate(pages):
        lines = list(lines)
        for _ in range(2):  # a header, a page number: at most two lines at each end
            if lines and running(index, lines, 0):
                lines.pop(0)
            if lines and running(index, lines, -1):
                lines.pop()
            numbered.discard((index, 0))
            numbered.discard((index, -1))
        kept.append("\n".join(line.text for line in _unwrapped(lines, right)))
    return "\n\f".join(kept)
