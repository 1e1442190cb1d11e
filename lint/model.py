"""The typed Report model: what the builder reads out of report text and what rules see.

Keys follow ``docs/format.md``: T2 cells ``rules.issued`` … ``fees``; T3 rows
``R01`` … ``R25`` × columns ``C1`` … ``C7``; T4 blocks ``review`` / ``direct`` /
``after_review`` × ``upheld`` / ``corrected`` / ``other`` / ``pending`` / ``total``.

Everything here is immutable once built; rules never change it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, fields
from typing import Any, Callable, Iterator, Optional, TypeVar

from . import format as _format
from .format import Number
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    """A place in the source. 1-based lines and columns, columns in Unicode code points.

    ``end_column`` is exclusive (one past the last character), as in SARIF.
    """

    line: int
    column: int = 1
    end_line: int = 0
    end_column: int = 0
    page: Optional[int] = None

    def __post_init__(self) -> None:
        # Positions are 1-based everywhere (SARIF, editors): never 0.
        if self.line < 1:
            object.__setattr__(self, "line", 1)
        if self.column < 1:
            object.__setattr__(self, "column", 1)
        if self.end_line == 0:
            object.__setattr__(self, "end_line", self.line)
        if self.end_line < self.line:
            object.__setattr__(self, "end_line", self.line)
        if self.end_column < 1 or (self.end_line == self.line and self.end_column < self.column):
            object.__setattr__(self, "end_column", self.column)


def fast_constructor(cls: type[T]) -> Callable[..., T]:
    """A function ``make(field1, field2, ...)`` building a frozen slotted model class from
    *every* field, positionally, without its ``__init__``: nothing is checked or derived,
    so only for classes with no ``__post_init__`` (or callers that give valid values).

    The builder makes hundreds of model objects a report. A frozen dataclass's ``__init__``
    sets each field through ``object.__setattr__``; this fills a plain object of the same
    slots with ordinary attribute stores and then makes it a ``cls`` by ``__class__``
    assignment (a documented Python feature for classes of the same layout). The object
    is a true ``cls`` afterwards: frozen, equal and hashed like any other
    (tests/test_model_construct.py)."""
    names = tuple(f.name for f in fields(cls))
    if tuple(getattr(cls, "__slots__", ())) != names:
        raise TypeError(f"{cls.__name__}: fast_constructor needs a dataclass with slots=True")
    blank = type(f"_{cls.__name__}Blank", (), {"__slots__": names})
    stores = "".join(f"    o.{n} = {n}\n" for n in names)
    source = f"def make_{cls.__name__.lower()}({', '.join(names)}):\n    o = _blank()\n{stores}    o.__class__ = _cls\n    return o\n"
    namespace: dict = {"_blank": blank, "_cls": cls}
    exec(source, namespace)  # noqa: S102 - source built above from the class's own field names
    make = namespace[f"make_{cls.__name__.lower()}"]
    make.__doc__ = f"``{cls.__name__}(...)`` from every field, positionally, without ``__init__``."
    make.blank = blank  # the plain class it fills, for constructors that inline it (make_cell_at)
    return make


_new_span = fast_constructor(Span)


def make_span(line: int, column: int, end_line: int, end_column: int) -> Span:
    """``Span(line, column, end_line, end_column)``, built faster when the positions are
    already valid (the builder makes hundreds a report); the same object either way."""
    if line < 1 or column < 1 or end_line < line or end_column < 1 or (end_line == line and end_column < column):
        return Span(line, column, end_line, end_column)
    return _new_span(line, column, end_line, end_column, None)


# --------------------------------------------------------------------------- tables

# The format's keys, from gplint.format (the one copy of the format). Kept here for the
# reader (build.py) and for plugins that import them from the model, until they read
# gplint.format themselves.
T2_KEYS: tuple[str, ...] = _format.T2_2021.keys
#: T2 of the 2019 试行 format (国办公开办函〔2019〕60号), used by reports on 2019 and 2020.
T2_KEYS_2019: tuple[str, ...] = _format.T2_2019.keys
T3_ROWS: tuple[str, ...] = _format.T3_2021.row_keys
T3_COLS: tuple[str, ...] = _format.T3_2021.column_keys
#: Leaf result rows whose sum is R24 (（七）总计).
T3_LEAVES: tuple[str, ...] = _format.T3_2021.leaves
#: Result groups: group key -> (label, leaf rows). G6 may be printed as one row (2019 layout).
T3_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    g.key: (g.label, g.members) for g in _format.T3_2021.groups if g.key != "G0"}

T4_BLOCKS: tuple[str, ...] = _format.T4.block_keys
T4_COLS: tuple[str, ...] = _format.T4.column_keys


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: ``value`` is None when the cell is blank or absent.

    ``raw`` is the text as written ("0", "—", "") and ``span`` where it stands (None when the
    cell is absent from the text altogether). A number written with its unit ("705件",
    "12.5万元") has the number in ``raw`` and the unit in ``unit`` (the span covers both);
    ``unit`` is "" for a plain number or a blank.
    """

    value: Optional[Number] = None
    raw: str = ""
    span: Optional[Span] = None
    unit: str = ""

    @property
    def blank(self) -> bool:
        return self.value is None

    @property
    def absent(self) -> bool:
        return self.span is None


ABSENT = Cell()


make_cell = fast_constructor(Cell)
_span_blank = _new_span.blank
_cell_blank = make_cell.blank


def make_cell_at(value: Optional[Number], raw: str, line: int, column: int, end_column: int,
                 unit: str = "") -> Cell:
    """``Cell(value, raw, Span(line, column, line, end_column))`` for a cell on one line,
    built without the dataclasses' ``__init__`` (a report has hundreds)."""
    if line < 1 or column < 1 or end_column < column:
        return make_cell(value, raw, Span(line, column, line, end_column), unit)
    # make_cell(value, raw, _new_span(line, column, line, end_column, None)) with both
    # constructors' stores written out: one call a cell instead of three.
    span = _span_blank()
    span.line = line
    span.column = column
    span.end_line = line
    span.end_column = end_column
    span.page = None
    span.__class__ = Span
    cell = _cell_blank()
    cell.value = value
    cell.raw = raw
    cell.span = span
    cell.unit = unit
    cell.__class__ = Cell
    return cell


@dataclass(frozen=True, slots=True)
class Label:
    """A row or column label as written, with the canonical key it was matched to."""

    text: str
    key: Optional[str]
    span: Span
    #: True when the label matched only through a known non-standard variant (FORMAT §10).
    variant: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """A table row as read: its label, its cells in canonical column order, and leftovers."""

    key: str
    label: Optional[Label]
    cells: tuple[Cell, ...]
    line: int
    #: Values that were in the row but could not be placed in a column.
    extra: tuple[Cell, ...] = ()
    #: How many values the row carried in the text (a 小计 column not counted).
    count: int = 0
    #: The row's 法人或其他组织 小计 cell when the report adds that derived column (FORMAT §5.1).
    subtotal: Optional[Cell] = None


@dataclass(frozen=True, slots=True)
class Issue:
    """Something the builder saw and could not read cleanly, for rules to report."""

    kind: str
    message: str
    span: Optional[Span]
    table: str = ""
    key: str = ""


@dataclass(frozen=True)
class Table2:
    cells: dict[str, Cell]
    row_labels: tuple[Label, ...] = ()
    column_labels: tuple[Label, ...] = ()
    fee_header: Optional[Label] = None
    span: Optional[Span] = None
    #: Which format's table 二 the text prints: "2021" (keys T2_KEYS) or "2019" (T2_KEYS_2019).
    format: str = "2021"

    def value(self, key: str) -> Optional[Number]:
        return self.cells.get(key, ABSENT).value


@dataclass(frozen=True)
class Table3:
    rows: dict[str, Row]
    column_labels: tuple[Label, ...] = ()
    #: Canonical columns the header shows (C1…C7); a missing C7 means no 总计 column.
    header_columns: tuple[str, ...] = ()
    #: Group rows printed with their own numbers ("G6" for a lone （六）其他处理).
    groups: dict[str, Row] = field(default_factory=dict)
    caption: Optional[Label] = None
    layout: str = ""
    span: Optional[Span] = None

    def cell(self, row: str, col: str) -> Cell:
        r = self.rows.get(row)
        if r is None:
            return ABSENT
        return r.cells[T3_COLS.index(col)]

    def value(self, row: str, col: str) -> Optional[Number]:
        return self.cell(row, col).value


@dataclass(frozen=True)
class Table4:
    cells: dict[tuple[str, str], Cell]
    column_labels: tuple[Label, ...] = ()
    line: int = 0
    span: Optional[Span] = None

    def cell(self, block: str, col: str) -> Cell:
        return self.cells.get((block, col), ABSENT)

    def value(self, block: str, col: str) -> Optional[Number]:
        return self.cell(block, col).value


# --------------------------------------------------------------------------- text


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading line: 一、… （一）… 1. … with its numeral and title."""

    level: int  # 1 = 一、 2 = （一） 3 = 1.
    numeral: str
    number: int
    #: The title after the numeral ("总体情况"), up to the first full stop.
    title: str
    #: The heading as written, numeral included ("一、总体情况"), markdown marks removed.
    text: str
    span: Span
    markdown_level: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    """One statutory section S1…S6 as found."""

    slot: str
    heading: Heading
    #: The slot the numeral claims (一 → S1); differs from ``slot`` for a shifted block.
    numeral_slot: str
    standard: bool
    end_line: int = 0
    #: The body's characters: from the end of the heading to where the next section's
    #: heading begins (or the end of the text). On a page flattened into one line every
    #: section shares the line; the columns still tell the bodies apart.
    body: Optional[Span] = None

    @property
    def line(self) -> int:
        return self.heading.span.line

    @property
    def title(self) -> str:
        """The heading as written, numeral included."""
        return self.heading.text


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in prose with its unit, the clause it sits in, and where."""

    value: Number
    unit: str
    span: Span
    clause: str
    clause_span: Span
    section: Optional[str] = None
    raw: str = ""
    #: Written as an estimate: 约210余人次, 近1400个, 超过…
    approximate: bool = False


make_label = fast_constructor(Label)
make_row = fast_constructor(Row)
@dataclass(frozen=True, slots=True)
class ProsePiece:
    """A stretch of prose outside the tables: a whole line, or the part of a long
    flattened line between two headings or tables, with its true line and column."""

    line: int
    column: int
    text: str
    #: The piece is a heading (一、总体情况, （二）…): a sentence of its own.
    heading: bool
    #: The statutory section it belongs to (None before the first).
    section: Optional[str]


make_heading = fast_constructor(Heading)
make_section = fast_constructor(Section)
#: ``Quantity(...)`` with every field given, positionally (see :func:`fast_constructor`).
make_quantity = fast_constructor(Quantity)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of prose, with the source position of every character.

    A sentence is made of runs of characters that stand side by side on one source line
    (PDF text breaks sentences over lines); ``pieces`` holds one ``(offset, line, column)``
    per run: character ``offset`` of :attr:`text` is at ``line``:``column``, and the run's
    next characters follow it on that line. Most sentences are one run.
    """

    text: str
    section: Optional[str]
    pieces: tuple[tuple[int, int, int], ...]
    heading: bool = False

    def position(self, i: int) -> tuple[int, int]:
        """(line, column) of character ``i`` of the text (clamped to the text)."""
        i = max(0, min(i, len(self.text) - 1))
        pieces = self.pieces
        k = bisect_right(pieces, (i, _BIG, _BIG)) - 1 if len(pieces) > 1 else 0
        offset, line, column = pieces[max(k, 0)]
        return line, column + i - offset

    def span(self, start: int = 0, end: Optional[int] = None) -> Span:
        """The source span of ``text[start:end]`` (whole sentence by default)."""
        if not self.pieces or not self.text:
            return Span(1)
        n = len(self.text)
        end = n if end is None else end
        start = max(0, min(start, n - 1))
        last = max(start, min(end, n) - 1)
        a = self.position(start)
        b = self.position(last)
        return Span(a[0], a[1], b[0], b[1] + 1)

    @property
    def line(self) -> int:
        return self.pieces[0][1] if self.pieces else 1


_BIG = 1 << 62
#: ``Sentence(text, section, pieces, heading)`` without the frozen dataclass's ``__init__``
#: (dozens a report).
make_sentence = fast_constructor(Sentence)


class _Deferred:
    """A field of :class:`Report` that the builder may give as a function, called the first
    time the field is read (then kept); any other value is stored as it is.

    No built-in rule reads ``Report.quantities``: finding every number in the prose with its
    unit and clause cost ≈ 7 % of linting a report for nothing. Deferring it keeps the field
    (``gplint dump``, plugins, ``==`` and ``repr`` read it as before) without paying for it
    when nothing does. A dataclass field whose default is a descriptor goes through it:
    ``__init__`` calls ``__set__``, ``Report.field`` (no instance) gives the default.

    Until it is read, a report holds what the computation needs (the builder's line
    readings: about 40 % more memory a report kept alive; the runner keeps none), and a
    failure in it surfaces where the field is first read, not while linting.
    """

    def __init__(self, default: Any) -> None:
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.slot = "_" + name

    def __get__(self, obj: Any, owner: Optional[type] = None) -> Any:
        if obj is None:
            return self.default
        try:
            value = obj.__dict__[self.slot]
        except KeyError:  # a report pickled before the field was deferred keeps it by name
            value = obj.__dict__.get(self.name, self.default)
        if isinstance(value, _Pending):
            value = obj.__dict__[self.slot] = value.compute()
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.slot] = value


class _Pending:
    """A value :class:`_Deferred` computes on first read: ``compute()``."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[], Any]) -> None:
        self.compute = compute


def deferred(compute: Callable[[], T]) -> T:
    """``compute``, as a value for a deferred :class:`Report` field (``quantities``):
    called at the first read of the field, at most once a report."""
    return _Pending(compute)  # type: ignore[return-value]


@dataclass(frozen=True)
class Report:
    path: Optional[str]
    text: str
    lines: tuple[str, ...]
    title: str = ""
    title_span: Optional[Span] = None
    year: Optional[int] = None
    reporter_kind: str = "department"  # or "government"
    format_version: str = "2021"
    sections: dict[str, Section] = field(default_factory=dict)
    headings: tuple[Heading, ...] = ()
    t2: Optional[Table2] = None
    t3: Optional[Table3] = None
    t4: Optional[Table4] = None
    #: Numbers in the prose with their units and clauses; computed at the first read when
    #: the builder gave it :func:`deferred` (no built-in rule reads it).
    quantities: tuple[Quantity, ...] = _Deferred(())  # type: ignore[assignment]
    issues: tuple[Issue, ...] = ()
    #: Where each table region starts and ends (1-based lines, inclusive), for rules that
    #: must not read table text as prose.
    table_lines: tuple[tuple[int, int], ...] = ()
    #: The prose outside the tables, in order (the narrative rules' sentences are cut from
    #: it): lines, or pieces of a flattened line, each with its true position.
    prose: tuple[ProsePiece, ...] = ()
    #: Memo of analyses derived from this (immutable) report, shared by rules: see derived().
    _derived: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def __getstate__(self) -> dict:
        # A pickled report carries its values, never a pending computation (whose inputs,
        # the builder's line readings, are not part of the model).
        state = self.__dict__
        state["_quantities"] = self.quantities  # computed now if still pending
        return state

    def derived(self, key: str, compute: Callable[["Report"], T]) -> T:
        """``compute(self)``, computed once per report and shared by every rule that asks.

        Several rules need the same analysis (the prose cut into sentences, the T3
        identities evaluated); the report is immutable, so the result of a pure function
        of it can be kept with it. Keys are module-qualified names of the analysis.
        """
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = compute(self)
            return value

    @property
    def sentences(self) -> tuple["Sentence", ...]:
        """Every prose sentence of the report, in order (headings are sentences of their
        own), each with the source position of every character: cut once, at the first
        read, from :attr:`prose` by :func:`gplint.reader.sentences.sentences_of`."""
        from .reader.sentences import sentences_of  # the reader builds on the model

        return self.derived("gplint.sentences", sentences_of)

    def section_of_line(self, line: int) -> Optional[str]:
        """The statutory section a line belongs to (None before 一 or when unknown)."""
        best = None
        for slot, sec in sorted(self.sections.items(), key=lambda kv: kv[1].line):
            if sec.line <= line:
                best = slot
        return best

    def section_lines(self, slot: str) -> tuple[int, int]:
        """First and last line of a section's body (heading excluded); (0, -1) if absent."""
        sec = self.sections.get(slot)
        if sec is None:
            return (0, -1)
        return (sec.line + 1, sec.end_line)

    def section_text(self, slot: str) -> Iterator[tuple[int, str]]:
        """(line, text) of a section's body, heading excluded. Where the body begins or
        ends inside a line (a page flattened into one line), only its part of that line;
        such an edge part that holds nothing but blanks or markdown marks is left out."""
        sec = self.sections.get(slot)
        if sec is None:
            return
        body = sec.body
        if body is None:
            start, end = self.section_lines(slot)
            for n in range(start, end + 1):
                yield n, self.lines[n - 1]
            return
        for n in range(body.line, min(body.end_line, len(self.lines)) + 1):
            text = self.lines[n - 1]
            first, last = n == body.line, n == body.end_line
            if not (first or last):
                yield n, text
                continue
            part = text[body.column - 1 if first else 0:body.end_column - 1 if last else len(text)]
            if part.strip(" \t\u3000#*"):
                yield n, part

    def span_text(self, span: Span) -> Iterator[tuple[int, int, str]]:
        """(line, column of its first character, text) of each line ``span`` covers, cut
        to the span's columns on its first and last line: on a page flattened into one
        line, a table's span is a stretch of that line, not the whole page."""
        last_line = min(span.end_line, len(self.lines))
        for n in range(span.line, last_line + 1):
            text = self.lines[n - 1]
            start = span.column - 1 if n == span.line else 0
            end = span.end_column - 1 if n == span.end_line and span.end_column > span.column else len(text)
            yield n, start + 1, text[start:end]

    def in_table(self, line: int) -> bool:
        return any(a <= line <= b for a, b in self.table_lines)
