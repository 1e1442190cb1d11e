"""The typed Report model: what the builder reads out of report text and what rules see.

Keys follow ``docs/format.md``: T2 cells ``rules.issued`` … ``fees``; T3 rows
``R01`` … ``R25`` × columns ``C1`` … ``C7``; T4 blocks ``review`` / ``direct`` /
``after_review`` × ``upheld`` / ``corrected`` / ``other`` / ``pending`` / ``total``.

Everything here is immutable once built: the reader makes it, rules and plugins only read
it. The report and its tables are frozen dataclasses. The small records the reader makes by
the hundred a report (:class:`Span`, :class:`Cell`, :class:`Label`, :class:`Row`, …) are
plain slotted dataclasses: a frozen dataclass's constructor sets each field through
``object.__setattr__``, several times the cost of a plain one (bench/README.md). They
compare and hash by value as frozen ones do, and are never assigned to after the reader
made them: ``tests/test_model_unchanged.py`` runs every rule over the corpus and checks the
model is the same afterwards.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator, Optional, Sequence

from . import format as _format
from .format import Number



@dataclass(slots=True, unsafe_hash=True, init=False)
class Span:
    """A place in the source. 1-based lines and columns, columns in Unicode code points.

    ``end_column`` is exclusive (one past the last character), as in SARIF. An end left
    out (0) is the start: ``Span(3)`` is line 3, column 1.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    page: Optional[int]

    # Written out rather than generated with a __post_init__: the reader makes hundreds of
    # spans a report, and correcting the arguments before storing them is one call, not two.
    def __init__(self, line: int, column: int = 1, end_line: int = 0, end_column: int = 0,
                 page: Optional[int] = None) -> None:
        # Positions are 1-based everywhere (SARIF, editors), and a span never ends before
        # it begins.
        if line < 1:
            line = 1
        if column < 1:
            column = 1
        if end_line < line:
            end_line = line
        if end_column < 1 or (end_line == line and end_column < column):
            end_column = column
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.page = page


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


@dataclass(slots=True, unsafe_hash=True)
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


@dataclass(slots=True, unsafe_hash=True)
class Label:
    """A row or column label as written, with the canonical key it was matched to."""

    text: str
    key: Optional[str]
    span: Span
    #: True when the label matched only through a known non-standard variant (FORMAT §10).
    variant: bool = False


@dataclass(slots=True, unsafe_hash=True)
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


@dataclass(slots=True, unsafe_hash=True)
class Issue:
    """Something the reader saw and could not read cleanly, as data: what it found where
    the format expects something else. The rules that act on it word it (T103 a row's
    count of values, T190 a table it cannot assess); ``gplint dump`` describes every one
    (:func:`gplint.dump.describe_issue`).

    ``kind`` is one of:

    - ``t2-row-too-many-values``, ``t2-row-too-few-values``, ``t3-row-too-many-values``,
      ``t3-row-too-few-values``: a row printed with ``found`` values; it has ``expected``
      cells;
    - ``t2-row-gap-unknown``, ``t3-row-gap-unknown``: a row of ``found`` values cut only by
      blanks, fewer than its ``expected`` cells: which cell is missing is unknown, so none
      of its values is placed;
    - ``t3-stream-misplaced``: a row of a stream of values (one a line, other rows'
      among them) whose placement the column identities or its own total disprove: none
      of its ``found`` values (``values``) is placed;
    - ``t3-scan-unsure``: a row of a table read from a scan (OCR's pieces of rules in its
      region) whose values do not add up, or short with a value other than 0: none of its
      ``found`` values (``values``) is placed;
    - ``t3-scan-rule-digit``: in such a table, the value ``values[0]`` read less its
      leading 1 (a rule), the one way its row adds up;
    - ``t3-sparse-by-order``: in a table read in a few rows from a long region, a row with
      no label placed by the order of its values alone, whose values do not add up: none
      of its ``found`` values (``values``) is placed;
    - ``t4-value-count``: table 四 printed with ``found`` values for ``expected`` cells;
    - ``t4-values-interleaved``: table 四's values read between lines of its header words,
      in an order that breaks ``found`` (two or more) of its blocks' totals;
    - ``t2-unplaced-values``, ``t3-unplaced-values``: ``values`` that fit no row;
    - ``ambiguous-digit-split``: a row's digits ran together (``values``: the run as
      printed) and ``readings`` cuts of it fit the format (0: none), so its cells are
      unknown; ``row`` "t4" is all of table 四, "t4.review" one block of it;
    - ``t3-duplicate-row``: a row printed twice (its second values are not used);
    - ``remark-cell``: a row's cell under a 备注 column the format does not have, set aside
      (``values``: its text; ``span``: where it stands, the row's cells end before it);
    - ``t3-other-form``: table 三 printed in another form that could not be read (``row``:
      "kv", a sentence a row; "transposed", a line an applicant type; "column-parts",
      stacked tables each naming some of the columns), for ``reason``
      (:data:`OTHER_FORM_REASONS`), naming ``label`` or ``values``.
    """

    kind: str
    span: Optional[Span]
    #: "t2", "t3" or "t4".
    table: str = ""
    #: The row's key ("R01", "rules"; table 四 "t4" or "t4.review"; t3-other-form: the form).
    row: str = ""
    #: The row's label as printed ("" when it has none).
    label: str = ""
    found: int = 0
    expected: int = 0
    values: tuple[str, ...] = ()
    readings: int = 0
    reason: str = ""

    @property
    def key(self) -> str:
        """:attr:`row`, by the name it had before issues were data (plugins may use it)."""
        return self.row


#: Why table 三 in another form could not be read (:attr:`Issue.reason`).
OTHER_FORM_REASONS = (
    "extra-text",      # a line (``label``) has other words or an unknown or repeated column
    "repeated-row",    # a row (``label``) is printed twice
    "no-header",       # turned: no header line naming the rows
    "unknown-header",  # turned: a header cell (``label``) names no row, or one twice
    "row-count",       # turned: a line (``label``) has not one value a row (``expected``)
    "missing-columns",  # turned: no line for these applicant types (``values``)
    "parts-columns",   # column parts: the parts' headers name a column twice or leave one out (``values``)
    "parts-rows",      # column parts: the parts' rows do not match (counts or labels differ)
)


@dataclass(frozen=True)
class Table2:
    """Table 二 (主动公开: rules and normative documents, licences, penalties, fees): cells by key."""

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
    """Table 三 (applications received and handled): rows R01…R25 of seven cells C1…C7."""

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
    """Table 四 (行政复议 and 行政诉讼): each cell by (block, column)."""

    cells: dict[tuple[str, str], Cell]
    column_labels: tuple[Label, ...] = ()
    line: int = 0
    span: Optional[Span] = None

    def cell(self, block: str, col: str) -> Cell:
        return self.cells.get((block, col), ABSENT)

    def value(self, block: str, col: str) -> Optional[Number]:
        return self.cell(block, col).value


# --------------------------------------------------------------------------- text


@dataclass(slots=True, unsafe_hash=True)
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


@dataclass(slots=True, unsafe_hash=True)
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


@dataclass(slots=True, unsafe_hash=True)
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


@dataclass(slots=True, unsafe_hash=True)
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


@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """One sentence of prose, with the source position of every character.

    A sentence is made of runs of characters that stand side by side on one source line
    (PDF text breaks sentences over lines); ``pieces`` holds one ``(offset, line, column)``
    per run: character ``offset`` of :attr:`text` is at ``line``:``column``, and the run's
    next characters follow it on that line. Most sentences are one run.
    """

    text: str
    section: Optional[str]
    #: A tuple of triples, or for a sentence of many runs a
    #: :class:`gplint.reader.sentences.Runs` read the same.
    pieces: Sequence[tuple[int, int, int]]
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


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a report belongs: the agency (normalised, :mod:`gplint.agency`) and the year,
    each with where it was read; ``None`` with the reason in ``problems`` when the text does
    not say (a relative name like ``市科技局`` that nothing writes out is not guessed)."""

    agency: Optional[str]
    #: The name as the report prints it (the title's, or the signature's).
    agency_as_written: str
    #: "title", "title+signature", "title+preface", "signature", "preface" or "".
    agency_source: str
    year: Optional[int]
    #: "title", "text" (top lines), "statistics period", "signing date" or "".
    year_source: str
    problems: tuple[str, ...] = ()

    @property
    def placed(self) -> bool:
        return self.agency is not None and self.year is not None


@dataclass(frozen=True)
class Report:
    """A parsed report: everything :func:`gplint.parse` read from its text.

    Immutable, and it holds only what the reader read. Analyses that several rules share
    (the prose cut into sentences, the identities evaluated) live beside it, computed once
    per report by functions marked :func:`gplint.analyses.per_report`.
    """

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
    issues: tuple[Issue, ...] = ()
    #: Where each table region starts and ends (1-based lines, inclusive), for rules that
    #: must not read table text as prose.
    table_lines: tuple[tuple[int, int], ...] = ()
    #: The prose outside the tables, in order (the narrative rules' sentences are cut from
    #: it): lines, or pieces of a flattened line, each with its true position. (The reader
    #: gives a compact sequence, :class:`gplint.reader.prose.ProsePieces`.)
    prose: Sequence[ProsePiece] = ()

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """The numbers in the prose with their units and clauses (``gplint dump``, plugins):
        a plain function of :attr:`sentences`, found at the first read by
        :func:`gplint.reader.prose.quantities_of` (no built-in rule reads them)."""
        from .reader.prose import quantities_of  # the reader builds on the model

        return quantities_of(self)

    @property
    def sentences(self) -> Sequence["Sentence"]:
        """Every prose sentence of the report, in order (headings are sentences of their
        own), each with the source position of every character: cut once, at the first
        read, from :attr:`prose` by :func:`gplint.reader.sentences.sentences_of`."""
        from .reader.sentences import sentences_of  # the reader builds on the model

        return sentences_of(self)

    @property
    def placement(self) -> Placement:
        """The report's agency and year (:mod:`gplint.reader.placement`), read at the first
        ask: a plain lint run never pays for it."""
        from .reader.placement import place

        return place(self)

    @property
    def agency(self) -> Optional[str]:
        """The normalised agency name, None when the report cannot be placed."""
        return self.placement.agency

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
