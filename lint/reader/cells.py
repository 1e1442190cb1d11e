"""The cells a line is cut into, before any table reads them.

A line of a report becomes a :class:`LineInfo`: its tokens, and its cells (labels, numbers,
blank marks) with their true line and columns, which every table layout and the digit-run
solver work from.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import attrgetter
from typing import Optional, Sequence

_NEW = object.__new__

from ..grammar import Tok
from ..model import ABSENT, Cell, Number, Span

BLANK_MARKS = frozenset({"-", "—", "–", "－", "/", "／", "无", "空", "——", "--", "\\", "N/A", "n/a", "N／A"})
DASHES = frozenset("-—–－―")
#: Blank marks that may stand in a run of blank-separated values ("0 — 3").
DASH_MARKS = frozenset({"-", "—", "–", "－", "/", "／", "——", "--", "―"})
#: Marks that may stand for an empty cell in a run of blank-separated values: the dashes,
#: and 无 written alone between blanks ("2 无 — 0"), and the zeros of Chinese typing and
#: OCR, 〇 and ○ ("2 〇 〇 〇 〇 〇 2": written, but no count, as in a separated row).
RUN_MARKS = DASH_MARKS | {"无", "〇", "○"}
#: Blank-separated marks with no number among them read as a row's cells from this many.
MIN_MARK_ROW = 3
SIGNS = frozenset({"-", "－", "−", "+", "＋"})
#: Units a table cell may carry after its number ("705件", "12.5万元", "120000元"): counts
#: of documents, items and cases, and money. A cell so written is still a number.
CELL_UNITS = frozenset({"件", "条", "项", "个", "次", "人次", "篇", "份", "宗", "起", "万元", "元"})


@dataclass(slots=True)
class LCell:
    """One cell of a table line: a label, a number or a blank place, with its position."""

    kind: str  # "label" | "num" | "blank" (a dash or an empty cell between values)
    text: str
    line: int
    column: int
    end_column: int
    value: Optional[Number] = None
    #: A number written against its label with nothing between ("数量801000081"): it may
    #: hold several cells run together (see _resolve_t3_digits).
    fused: bool = False
    #: The unit written after a number in its cell ("705件", "12.5万元"): ``text`` is the
    #: number alone, the span covers both. Kept for unit rules; "" for a plain number.
    unit: str = ""

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.end_column)


@dataclass(slots=True)
class LineInfo:
    """The reading of a line: its tokens and cells. A report's lines share one reading per
    distinct text (the line table, :mod:`.line_memo`); there ``number`` is the line the
    reading was made for, not every line that shares it."""

    number: int
    text: str
    tokens: tuple[Tok, ...]
    #: Read-only once made: lines of the same text share these sequences and the cells in
    #: them, which carry the line number of the reading they were made for (a table
    #: region reads another line of that text as :func:`seen_at` gives it).
    cells: Sequence[LCell]
    separated: bool  # pipes or tabs cut the line into cells
    footer: bool = False
    md_rule: bool = False  # |---|---|
    blank: bool = False
    #: A cell left empty in a one-cell-a-line table, seen as extra blank lines.
    empty_cell: bool = False
    #: Column offset of a virtual line cut out of a long flattened line (0 otherwise); its
    #: tokens' and cells' columns are its own (.remap adds the offset to the report's spans).
    offset: int = 0
    #: The label cells and the value cells (numbers, blanks), split once: read many times.
    #: Left out (None), they are split from ``cells``; a copy of a remembered line passes
    #: its template's, which are the same.
    labels: Sequence[LCell] = None  # type: ignore[assignment]  # set in __post_init__
    values: Sequence[LCell] = None  # type: ignore[assignment]
    #: What :func:`heading_of` reads from the line, without its number: None until read,
    #: ``()`` for a line that is no heading. Copies of a remembered line share it.
    heading_shape: Optional[tuple] = None
    #: For a line seen at another number than the reading it shares (:func:`seen_at`):
    #: that reading. None for a reading made for its line.
    shared: Optional["LineInfo"] = field(default=None, compare=False, repr=False)
    #: The labels and values carrying ``number`` of a line seen at another number, made
    #: when first asked for (:attr:`placed_labels`).
    _placed: Optional[tuple] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.labels is None or self.values is None:
            self.split_cells()

    @property
    def placed_labels(self) -> Sequence[LCell]:
        """The label cells carrying this line's number, for a table to hand on with their
        place: a reading's own, or, for a line seen at another number (:func:`seen_at`),
        copies made the first time they are asked for."""
        return self._placed_cells()[0]

    @property
    def placed_values(self) -> Sequence[LCell]:
        """The value cells (numbers, blanks) carrying this line's number (as
        :attr:`placed_labels`)."""
        return self._placed_cells()[1]

    @property
    def placed_cells(self) -> list[LCell]:
        """The cells in order carrying this line's number (the same objects as
        :attr:`placed_labels` and :attr:`placed_values`)."""
        if self.shared is None:
            return list(self.cells)
        labels, values = map(iter, self._placed_cells())
        return [next(labels) if c.kind == "label" else next(values) for c in self.cells]

    def _placed_cells(self) -> tuple[Sequence[LCell], Sequence[LCell]]:
        if self.shared is None:
            return self.labels, self.values
        if self._placed is None:
            self._placed = (_at_number(self.labels, self.number), _at_number(self.values, self.number))
        return self._placed

    def split_cells(self) -> None:
        """Set :attr:`labels` and :attr:`values` from :attr:`cells` (again, when the
        cells were replaced)."""
        cells = self.cells
        if len(cells) <= 1:  # most lines: nothing, or one label (no comprehension needed)
            # The cells themselves and a shared empty tuple: nothing here is ever changed
            # (see ``cells``), and two lists a line were a tenth of a report's reading.
            if cells and cells[0].kind == "label":
                self.labels, self.values = cells, ()
            else:
                self.labels, self.values = (), cells
            return
        self.labels = [c for c in cells if c.kind == "label"]
        self.values = [c for c in cells if c.kind != "label"]


class BlankLineAt:
    """A blank line of a table region, at its own number: what a table reads of a blank
    line (:class:`LineInfo`'s fields, every one but the number, text and tokens the same
    for every blank line), without a copy of the shared reading of its text.

    A table printed one cell a line with a blank line between cells is half blank lines;
    each needs its own number (an empty cell is placed at it), and a :class:`LineInfo`
    copy of 13 fields a blank line cost more than the cells of the table."""

    __slots__ = ("number", "text", "tokens")
    cells: Sequence[LCell] = ()
    labels: Sequence[LCell] = ()
    values: Sequence[LCell] = ()
    separated = False
    footer = False
    md_rule = False
    blank = True
    empty_cell = False
    offset = 0
    heading_shape: Optional[tuple] = ()

    def __init__(self, number: int, text: str, tokens: Sequence[Tok]) -> None:
        self.number = number
        self.text = text
        self.tokens = tokens

    placed_cells = placed_labels = placed_values = cells

    def as_info(self) -> "LineInfo":
        """The same reading as a :class:`LineInfo` (which it equals)."""
        return LineInfo(self.number, self.text, self.tokens, [], False, blank=True, heading_shape=())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LineInfo, BlankLineAt)):
            return self.as_info() == (other.as_info() if isinstance(other, BlankLineAt) else other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"BlankLineAt({self.number!r}, {self.text!r})"


def seen_at(number: int, shared: LineInfo) -> LineInfo:
    """Line ``number`` of a table region whose text was first read at another line: the
    line table's reading of that text (``shared``, read-only) seen at ``number``.

    Its fields are the shared reading's (the same objects, the cells among them: a table
    reads a line's words and numbers there, the same at every line of that text, and
    takes their line from the region line it reads — :func:`gplint.reader.region.read_region`,
    the bulk of every table, keeps the shared cells with their lines beside them). The
    cells' own ``line`` is the line the shared reading was made for; a builder that hands
    a cell on with its place asks for :attr:`LineInfo.placed_labels` or
    :attr:`LineInfo.placed_values`. No cell is copied to read a line. (A LineInfo, its
    fields set one by one: the constructor would split the cells again, and one class
    for every line keeps the builders' field reads fast.)"""
    view = _NEW(LineInfo)
    view.number, view.text, view.tokens, view.cells = number, shared.text, shared.tokens, shared.cells
    view.separated, view.footer, view.md_rule, view.blank = shared.separated, shared.footer, shared.md_rule, \
        shared.blank
    view.empty_cell, view.offset, view.heading_shape = shared.empty_cell, shared.offset, shared.heading_shape
    view.labels, view.values, view.shared, view._placed = shared.labels, shared.values, shared, None
    return view


def _at_number(cells: Sequence[LCell], n: int) -> Sequence[LCell]:
    """Copies of ``cells`` carrying line ``n``."""
    if not cells:
        return cells  # (the shared empty sequence: read-only)
    return [LCell(c.kind, c.text, n, c.column, c.end_column, c.value, c.fused, c.unit) for c in cells]


# Tables repeat the same few numerals ("0", "1", "12") hundreds of times; int and Decimal
# are immutable, so a cached result is as good as a fresh one.
@lru_cache(maxsize=4096)
def to_number(text: str) -> Optional[Number]:
    t = unicodedata.normalize("NFKC", text).replace(",", "")
    try:
        if "." in t:
            return Decimal(t)
        return int(t)
    except (ValueError, InvalidOperation):
        return None


# Cell fields for C-level scans of a line's cells ("num" in map(CELL_KIND, cells)): the
# tables ask such questions of every line, and a generator per question costs more than
# the scan itself.
CELL_KIND = attrgetter("kind")
CELL_TEXT = attrgetter("text")
CELL_FUSED = attrgetter("fused")


def region_span(infos: Sequence[LineInfo]) -> Span:
    """Where a table's lines stand: from its first line's first character to its last
    line's end (on a page flattened into one line, the stretch of that line they cover:
    a virtual line's columns are its own until the report is mapped back, .remap)."""
    first, last = infos[0], infos[-1]
    return Span(first.number, 1, last.number, len(last.text) + 1)


#: Characters OCR puts for digits ("O" for 0, "l" or "I" for 1, "S" for 5, "B" for 8, "Z"
#: for 2, "〇", and the white circle ○ Chinese typists put for 0): a cell made of them and
#: digits stands where a count was printed.
_DIGIT_SLIPS = frozenset("0123456789OoDQIl|〇○ＯｏSsBZ")
#: The longest such cell: as many characters as a count has digits (gplint.reader.runs).
MAX_SLIPPED_DIGITS = 6


def written_non_counts(cells: list[LCell]) -> None:
    """A cell of a row with numbers written in OCR's digit look-alikes ("0 | O | l | 0")
    stands in a value's place: a written cell that is no count (kind "blank", its text kept
    for the rules), not a second label that would shift the values after it a column. So
    do those of a row with no number at all whose labels are followed by such cells, blank
    marks and empty cells alone ("二、上年结转… | 〇 | 〇 | … | 〇": a row whose zeros were
    all written 〇, not a row missing from the table; table 四's row of values likewise)."""
    if "num" not in map(CELL_KIND, cells) and not _slips_after_label(cells):
        return
    # OCR (and typists) write a dash as 一: alone in a cell after the row's label it is one.
    label_at = max((k for k, c in enumerate(cells) if c.kind == "label" and c.text != _ONE_AS_DASH), default=-1)
    for k, c in enumerate(cells):
        if c.kind == "label" and (_digit_slip(c.text) or (c.text == _ONE_AS_DASH and k > label_at)):
            cells[k] = LCell("blank", c.text, c.line, c.column, c.end_column)


_ONE_AS_DASH = "一"


def _digit_slip(text: str) -> bool:
    return len(text) <= MAX_SLIPPED_DIGITS and set(text) <= _DIGIT_SLIPS and not text.isdigit()


def _slips_after_label(cells: list[LCell]) -> bool:
    """Labels (a group's and a row's, or none: table 四's values) and then only look-alikes,
    blank marks and empty cells, at least two look-alikes after a label, three without (一
    for a dash counts after the first cell: a 序号 column prints 一 first)."""
    def slip(k: int, c: LCell) -> bool:
        return _digit_slip(c.text) or (k > 0 and c.text == _ONE_AS_DASH)

    # (Empty cells before the labels — a row-spanning label printed once — are layout.)
    labels = [k for k, c in enumerate(cells) if c.kind == "label" and not slip(k, c)]
    first = labels[-1] + 1 if labels else 0
    rest = cells[first:]
    slips = sum(1 for c in rest if c.kind == "label")
    return slips >= (2 if labels else 3) and all(c.kind == "blank" or slip(first + k, c) for k, c in enumerate(rest))


# ----------------------------------------------------------------- into the model
def cells_span(cells: Sequence[LCell]) -> Span:
    """The span from the first of ``cells`` to the end of the last (one line's cells)."""
    first, last = cells[0], cells[-1]
    return Span(first.line, first.column, last.line, last.end_column)


def at_line(c: LCell, line: int) -> LCell:
    """``c`` carrying ``line``: itself when it does, else a copy (a shared cell of the line
    table handed on with its place: see :func:`seen_at`)."""
    if c.line == line:
        return c
    return LCell(c.kind, c.text, line, c.column, c.end_column, c.value, c.fused, c.unit)


def to_cell(c: LCell) -> Cell:
    """The model's :class:`Cell` for a cell the reader placed: a blank mark ("—") or an
    empty cell has no value, but keeps its text and place."""
    span = Span(c.line, c.column, c.line, c.end_column)  # c.span, without the property call
    return Cell(c.value if c.kind == "num" else None, c.text, span, c.unit)


def to_cells(placed: Sequence[Optional[LCell]]) -> tuple[Cell, ...]:
    """:func:`to_cell` of each, :data:`ABSENT` for a column nothing was placed in."""
    return tuple([ABSENT if c is None else to_cell(c) for c in placed])


def row_cells(cells: Sequence[LCell]) -> list[LCell]:
    """A row's cells without the empty cells that are layout, not cells of the table."""
    # Empty cells before the row label are row-spanning labels printed once (browser
    # copy of an HTML table); they are layout. Empty cells after the label are kept:
    # they may be merged label columns or a blank C1, which only the row's width can
    # tell (see fit).
    last_label = max((k for k, c in enumerate(cells) if c.kind == "label"), default=-1)
    first_value = next((k for k, c in enumerate(cells) if c.kind != "label" and c.text), len(cells))
    # A row of values with no label (table 四's values) keeps its leading empty cells:
    # they are its first cells, left empty. (Before a lone value, "\t0", an empty cell
    # is indentation.)
    if last_label >= 0:
        cut = last_label
    else:
        cut = 0 if len(cells) > 2 and any(c.kind == "num" for c in cells) else first_value
    return [c for k, c in enumerate(cells) if k >= cut or c.kind != "blank" or c.text]
