"""Layout "aligned columns": rows whose cells are cut by runs of spaces and stand at the
same place line after line (``pdftotext -layout``, a fixed-width text export). There a
row printed with an empty cell still shows which cell is empty: its values stand under
the columns they belong to. The columns are where the table's full rows put their
values; a short row's values are placed under them only when each falls in exactly one
column, in order. Anything less certain places nothing (the row stays unread, as on a
line cut by single blanks, where an empty cell leaves no trace).

Places are display columns (a CJK character takes two), as a fixed-width export lays text
out, or else code points: poppler's ``pdftotext -layout`` gives every glyph one place of its
grid, a Chinese character as much as a digit, so its columns line up by code point and not
by display width. A table's full rows say which: the columns are read in display columns
first, in code points when the rows do not stand in columns so.
"""
from __future__ import annotations

import bisect

import unicodedata
from typing import Callable, Iterable, Iterator, NamedTuple, Optional, Sequence

from ..lazy_re import lazy_compile
from ..model import Label, Span
from .cells import LCell, LineInfo
from .region import RegionRead, Vector

#: Fewest full rows that fix the columns.
MIN_FULL_ROWS = 2
#: Fewest blanks between two cells of an aligned row (one blank cuts a run, not a layout).
MIN_GAP = 2
#: How far (in places) a short row's value may stand beside its column: pdftotext rounds
#: each glyph to its grid, and a row's cells may stand one place off another's.
SLACK = 1

Grid = tuple[tuple[int, int], ...]


def _width(text: str) -> int:
    """Display columns: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: How places are measured: display columns, then code points (see the module docstring).
MEASURES: tuple[Callable[[str], int], ...] = (_width, len)


class AlignedColumns(NamedTuple):
    """A table's columns (:func:`column_grid`), its lines' texts by line number, and how
    its places are measured."""

    grid: Grid
    text_of: Callable[[int], Optional[str]]
    measure: Callable[[str], int] = _width

    def place(self, values: Sequence[LCell]) -> Optional[list[LCell]]:
        """:func:`place` of ``values`` under these columns."""
        return place(values, self.grid, self.text_of, self.measure)


def _places(values: Sequence[LCell], text_of: Callable[[int], Optional[str]],
            measure: Callable[[str], int] = _width) -> Optional[list[tuple[int, int]]]:
    """Each value's (start, end) places, when the values stand on one line of the report
    with runs of at least :data:`MIN_GAP` blanks between them; else None."""
    if not values or any(c.kind == "label" or c.fused for c in values):
        return None
    line = values[0].line
    text = text_of(line)
    if text is None or any(c.line != line for c in values):
        return None
    places = []
    for c in values:
        if c.column < 1 or c.end_column - 1 > len(text) or text[c.column - 1:c.end_column - 1] != c.text:
            return None  # a cell not where its line says (a virtual line of a flattened page)
        start = measure(text[:c.column - 1])
        places.append((start, start + measure(c.text)))
    if any(b[0] - a[1] < MIN_GAP for a, b in zip(places, places[1:])):
        return None
    return places


def column_grid(rows: Iterable[Sequence[LCell]], width: int, text_of: Callable[[int], Optional[str]],
                measure: Callable[[str], int] = _width) -> Optional[Grid]:
    """The ``width`` columns the full rows (``width`` values each, aligned) put their values
    in, as (first, last) display columns; None when fewer than :data:`MIN_FULL_ROWS` rows
    are aligned or two columns overlap (the values do not stand in columns)."""
    spans: list[list[int]] = []
    count = 0
    for values in rows:
        if len(values) != width:
            continue
        places = _places(values, text_of, measure)
        if places is None:
            return None  # a full row not laid out in columns: the table is no aligned one
        count += 1
        if not spans:
            spans = [[a, b] for a, b in places]
            continue
        for span, (a, b) in zip(spans, places):
            span[0], span[1] = min(span[0], a), max(span[1], b)
    if count < MIN_FULL_ROWS or any(b[0] - a[1] < MIN_GAP for a, b in zip(spans, spans[1:])):
        return None
    return tuple((a, b) for a, b in spans)


#: A header cell of an aligned header line: words with single blanks inside, runs of two
#: or more blanks (or a tab, an ideographic space) around.
_HEADER_CELL = lazy_compile(r"[^\s\u3000]+(?: [^\s\u3000]+)*")


def header_grid(text: Optional[str], width: int, lead: bool = True) -> Optional[Grid]:
    """The columns of the last ``width`` cells of an aligned header line (runs of blanks
    between its words: "信息内容      本年制发件数   本年废止件数   现行有效件数"), as display
    columns; None for a line of other cells. ``lead``: the line opens with the row labels'
    column (信息内容) before the ``width`` value columns; else it holds them alone."""
    if not text:
        return None
    cells = [(_width(text[:m.start()]), _width(text[:m.end()])) for m in _HEADER_CELL.finditer(text)]
    if len(cells) != width + lead or any(b[0] - a[1] < MIN_GAP for a, b in zip(cells, cells[1:])):
        return None
    return tuple(cells[-width:])


def _char_column(text: str, place: int, measure: Callable[[str], int] = _width) -> int:
    """The 1-based code point column where ``place`` (0-based, by ``measure``) falls."""
    at = 0
    for i, ch in enumerate(text):
        if at >= place:
            return i + 1
        at += measure(ch)
    return len(text) + 1


def place(values: Sequence[LCell], grid: Grid, text_of: Callable[[int], Optional[str]],
          measure: Callable[[str], int] = _width) -> Optional[list[LCell]]:
    """``values`` (fewer than the grid's columns) under the columns they stand in, an
    empty cell (as a tab row's "") at each column left empty; None when a value overlaps
    no column or two, or two values one column."""
    places = _places(values, text_of, measure)
    if places is None or len(values) >= len(grid):
        return None
    found: dict[int, LCell] = {}
    last = -1
    for cell, (a, b) in zip(values, places):
        hit = [j for j, (lo, hi) in enumerate(grid) if a < hi + SLACK and lo - SLACK < b]
        if len(hit) != 1 or hit[0] <= last:
            return None
        last = hit[0]
        found[last] = cell
    line = values[0].line
    text = text_of(line) or ""
    out = []
    for j, (lo, _hi) in enumerate(grid):
        if j in found:
            out.append(found[j])
        else:
            col = _char_column(text, lo, measure)
            out.append(LCell("blank", "", line, col, col))
    return out


def table_columns(vectors: Iterable[Vector], width: int, infos: Sequence[LineInfo]) -> Optional[AlignedColumns]:
    """The columns of a table whose rows stand in aligned columns: where its full rows put
    their values or, when no row is full (zeros left blank), where its header line's
    column words stand; with the lines' texts to place a short row's values. None for
    any other table."""
    texts = _LineTexts(infos)
    rows = [v.values for v in vectors if not v.separated]
    if any(len(values) == width for values in rows):
        for measure in MEASURES:
            grid = column_grid(rows, width, texts.get, measure)
            if grid is not None:
                return AlignedColumns(grid, texts.get, measure)
        return None
    else:
        first = min((v[0].line for v in rows if v), default=0)
        grid = next((g for n, text in texts.before(first)
                     for g in (header_grid(text, width), header_grid(text, width, lead=False)) if g is not None),
                    None)
    return None if grid is None else AlignedColumns(grid, texts.get)


class _LineTexts:
    """The text of each line of a region not cut by pipes or tabs, by line number, read
    from the region's lines (in order) rather than copied into a dict a line."""

    def __init__(self, infos: Sequence[LineInfo]) -> None:
        numbers = [i.number for i in infos]
        if any(a > b for a, b in zip(numbers, numbers[1:])):  # (a region's lines are in order)
            order = sorted(range(len(infos)), key=numbers.__getitem__)
            infos, numbers = [infos[k] for k in order], [numbers[k] for k in order]
        self.infos, self.numbers = infos, numbers

    def get(self, number: int) -> Optional[str]:
        k = bisect.bisect_left(self.numbers, number)
        while k < len(self.numbers) and self.numbers[k] == number:  # (an empty cell shares its blank line's number)
            info = self.infos[k]
            if not info.separated and not info.offset:
                return info.text
            k += 1
        return None

    def before(self, first: int) -> Iterator[tuple[int, str]]:
        """(number, text) of the lines before line ``first``, in order."""
        seen = set()
        for info in self.infos:
            if info.number >= first:
                break
            if info.number not in seen and self.get(info.number) is not None:
                seen.add(info.number)
                yield info.number, self.get(info.number)


def labels_alone(read: RegionRead) -> dict[str, Label]:
    """The table 三 rows whose label the region printed, by key: a row printed with its
    label and no value at all (every zero left blank) is there, empty, not absent. The
    2019 layout's one （六）其他处理 row is among them (G6: the caller decides whether the
    table has that layout)."""
    out: dict[str, Label] = {}
    for (c, line), key in read.labels:
        if key is not None and (key.startswith("R") or key == "G6") and key not in out:
            out[key] = Label(c.text, key, Span(line, c.column, line, c.end_column), False)
    return out
