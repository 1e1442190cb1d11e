"""How sure the reading of each table is: per row, what the reader placed with certainty,
what it guessed or could not read, and one score a table.

``assess(report)`` is a pure function of the :class:`~gplint.model.Report` (its tables and
the reader's ``report.issues``), computed once per report (:func:`gplint.analyses.per_report`) and
shared by every rule that asks. Rules use it so that a misreading never turns into findings:

- a row the reader **misread** (:attr:`RowConfidence.misread`: its digits ran together, a
  split it could not make, a count no agency reports) never feeds an identity (A101-A106),
  a narrative comparison (N1xx) or a row-length error (T103);
- a table whose score is below :data:`THRESHOLD` is **not assessable** as a whole: none of
  its rows feeds any check, and rule T190 says so once, naming the checks not made;
- a table whose header or rows were found is :attr:`TableConfidence.found`, never "missing";
- a table that writes its zeros as "—", "/", "无" or blank cells
  (:attr:`TableConfidence.blank_zeros`) gets one table-level notice instead of one a row.

Row flags (:data:`FLAGS`):

=================  ========================================================  =========
flag               meaning                                                   misread?
=================  ========================================================  =========
ambiguous-split    a digit run the reader could not cut one way (its issue)  yes
digit-run          the row read as one number of 7 or more digits            yes
fused-digits       a value written with a leading zero ("00", "023"): cells  yes
                   run together
implausible        a count of a million or more in table 三 or 四            yes
unplaced           values whose columns cannot be known: a short row in a    yes
                   table that leaves its zeros out; table 四 with more or
                   fewer values than cells
too-few            fewer values than the table has columns                   no
too-many           more values than the table has columns                    no
blank              a cell written as a placeholder or left empty             no
no-values          the row's label is there, none of its values              no
=================  ========================================================  =========

A row with a flag that is not a misreading is *unsure*: its cells still feed the checks
(a short row is often the report's own defect, which T103 reports), but it counts half
against the table's score. The score is the mean over the table's printed rows of 1 for a
row read with certainty (no flag but ``blank``: a written blank is read with certainty),
0.5 for an unsure row, 0 for a misread one; a table found with no row of values scores 0.
So a table is assessable unless more than half its reading is in doubt. Where most rows
(and at least three) have values too many or too few, the layout was not understood and the
table scores 0 — unless every such row is one value short with all its values written: one
column lost to the layout (every row's 总计), the rest placed by the header and checked.

The reader may attach this itself later; the interface is the two dataclasses and
:func:`assess`.
"""
from __future__ import annotations

import unicodedata
from functools import cached_property
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Mapping, Optional

from .labels import T2_ROW_KEYS, T2_ROW_KEYS_2019
from .analyses import per_report
from .model import T4_BLOCKS, T4_COLS, Cell, Issue, Report, Span
from .lazy_re import lazy_compile

#: Below this score a table is not assessable: no check reads any of its cells.
THRESHOLD = 0.5
#: A count at or above this in table 三 or 四 is a misreading (no agency reports a million
#: applications or cases in a year; a run of fused cells reads as such a number).
IMPLAUSIBLE_COUNT = 10 ** 6
#: A row read as one value with this many digits or more is a whole row run together.
DIGIT_RUN = 7

MISREAD_FLAGS = frozenset({"ambiguous-split", "digit-run", "fused-digits", "implausible", "unplaced"})
UNSURE_FLAGS = frozenset({"too-few", "too-many", "no-values"})
FLAGS = MISREAD_FLAGS | UNSURE_FLAGS | {"blank"}
#: What a blank cell may be written as (FORMAT §5.4: not given, never 0).
PLACEHOLDERS = frozenset({"", "—", "——", "－", "-", "–", "/", "／", "\\", "无", "空", "/ ", "×"})
#: Fewest blank cells for a table with no written zero to count as writing its zeros blank.
_BLANK_ZEROS_MIN = 5
#: A table whose rows have too many or too few values in more than half of them (and at
#: least this many) was misread as a whole (see _score).
_SYSTEMATIC_MIN = 3
_COUNT_FLAGS = frozenset({"too-few", "too-many"})
_COUNT_ISSUES = ("-row-too-many-values", "-row-too-few-values")


@dataclass(slots=True, unsafe_hash=True)
class RowConfidence:
    """How one row (table 四: one block) was read."""

    key: str
    #: The row's line (0 when unknown).
    line: int
    #: Values the row should carry, and how many the text gave (blank cells included).
    expected: int
    found: int
    flags: frozenset[str] = frozenset()
    #: Where the misreading is (the first suspicious value, or the reader's issue).
    span: Optional[Span] = None
    #: The suspicious value as written ("2000002", "023"), for messages.
    raw: str = ""

    @property
    def misread(self) -> bool:
        """The reader misread this row: none of its cells may feed a check."""
        return not self.flags.isdisjoint(MISREAD_FLAGS)

    @property
    def certain(self) -> bool:
        """Every value placed, none left over, none suspicious."""
        return self.flags <= {"blank"}


_NO_FLAGS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TableConfidence:
    """How sure the reading of one table ("t2", "t3" or "t4") is."""

    table: str
    #: The table's header or rows were found in the text (it is not missing).
    found: bool
    #: Every printed row (table 四: every block) by key.
    rows: Mapping[str, RowConfidence] = field(default_factory=dict)
    #: Values the reader could not place in any row.
    unplaced: int = 0
    #: No zero is written anywhere in the table and many cells are blank or "—": the
    #: table writes its zeros as placeholders.
    blank_zeros: bool = False
    #: Share of printed rows read with certainty (0 for a table found with no values).
    score: float = 1.0
    #: Where a table-level finding goes (the table's first line).
    span: Optional[Span] = None
    #: The reader's issue when it found the table printed in a form it recognised but
    #: could not read (table 三 as sentences or turned: ``t3-other-form``).
    form: Optional[Issue] = None
    #: Where the table's section holds a picture and no table text: the table was
    #: published as an image (a page's ``<img>``, a markdown image). Found, not readable.
    image: Optional[Span] = None
    #: Where the reader left two or more values of a line in no row: a row's values whose
    #: row is unknown, so no sum down a column can be checked. (A number alone is most
    #: often a wrapped label's own numbering, "1." of "1.申请人…", cut off on its own line.)
    rows_left_over: tuple[Span, ...] = ()

    @property
    def assessable(self) -> bool:
        return self.score >= THRESHOLD

    # Computed once: the checks ask a table's confidence about every row they read. (Not
    # slotted, so that cached_property has somewhere to keep them.)
    @cached_property
    def misread_rows(self) -> tuple[str, ...]:
        return tuple(k for k, r in self.rows.items() if r.misread)

    @cached_property
    def unread(self) -> frozenset[str]:
        """Rows no check may read: every row when the table is not assessable."""
        if not self.assessable:
            return frozenset(self.rows) | _ALL_ROWS.get(self.table, frozenset())
        return frozenset(self.misread_rows)

    def readable(self, row: str) -> bool:
        """Whether the checks may use this row's (table 四: block's) cells."""
        if not self.found:
            return True  # nothing read: nothing misread (absent cells are absent)
        return row not in self.unread


_ALL_ROWS = {
    "t3": frozenset([f"R{i:02d}" for i in range(1, 26)] + [f"G{i}" for i in range(1, 7)]),
    "t4": frozenset(T4_BLOCKS),
    "t2": frozenset(("rules", "norm", "licensing", "penalty", "coercion", "fees", "other_services",
                     "procurement")),
}
_MISSING = {t: TableConfidence(t, False, {}, 0, False, 0.0, None) for t in ("t2", "t3", "t4")}


@per_report
def assess(report: Report) -> dict[str, TableConfidence]:
    """Confidence of each table, keyed "t2", "t3", "t4"; computed once per report and
    shared by every rule that asks (:func:`~gplint.analyses.per_report`)."""
    by_table: dict[str, list[Issue]] = {"t2": [], "t3": [], "t4": []}
    for issue in report.issues:
        if issue.table in by_table:
            by_table[issue.table].append(issue)
    out = {"t2": _t2(report, by_table["t2"]), "t3": _t3(report, by_table["t3"]),
           "t4": _t4(report, by_table["t4"])}
    for table, conf in out.items():
        if not conf.found:
            image = _image_in_section(report, _SECTION_OF[table])
            if image is not None:
                out[table] = TableConfidence(table, True, {}, 0, False, 0.0, image, image=image)
    return out


#: The section each table stands in.
_SECTION_OF = {"t2": "S2", "t3": "S3", "t4": "S4"}
#: A picture in the text: what the document readers write where a page or a document
#: shows an image (gplint.readers.IMAGE_MARK), or a markdown image.
_IMAGE = lazy_compile(r"［图片］|!\[[^\]\n]*\]\([^)\n]*\)")


def _image_in_section(report: Report, slot: str) -> Optional[Span]:
    """Where a picture stands in the body of section ``slot``, or None."""
    section = report.sections.get(slot)
    body = section.body if section is not None else None
    if body is None:
        return None
    for number in range(body.line, min(body.end_line, len(report.lines)) + 1):
        text = report.lines[number - 1]
        start = body.column - 1 if number == body.line else 0
        end = body.end_column - 1 if number == body.end_line else len(text)
        found = _IMAGE.search(text, start, max(start, end))
        if found:
            return Span(number, found.start() + 1, number, found.end() + 1)
    return None


def table_confidence(report: Report, table: str) -> TableConfidence:
    """:func:`assess`'s confidence of one table ("t2", "t3" or "t4")."""
    return assess(report)[table]


# --------------------------------------------------------------------------- cells

def _digits(raw: str) -> str:
    """The raw text of a numeric cell, width-folded, blanks removed ("" if not digits)."""
    if raw.isascii():
        text = raw.replace(" ", "")
    else:
        text = "".join(unicodedata.normalize("NFKC", raw).split())
    return text if text.isdigit() else ""


def _cell_flags(cell: Cell, counts: bool) -> set[str]:
    """Flags one written cell raises on its row."""
    if cell.span is None:
        return set()
    if cell.value is None:
        return {"blank"} if cell.raw.strip() in PLACEHOLDERS or not cell.raw.strip() else set()
    digits = _digits(cell.raw)
    flags = set()
    if len(digits) > 1 and digits[0] == "0":
        flags.add("fused-digits")
    if counts and isinstance(cell.value, int) and cell.value >= IMPLAUSIBLE_COUNT:
        flags.add("implausible")
    return flags


def _row(key: str, line: int, cells: tuple[Cell, ...], expected: int, found: Optional[int],
         issues: list[Issue], counts: bool, extra: int = 0, also: int = 0) -> RowConfidence:
    """``also``: a second width the row may have (table 三 whose header has no 总计)."""
    flags: set[str] = set()
    span = None
    raw = ""
    written = [c for c in cells if c.span is not None]
    for c in written:
        f = _cell_flags(c, counts)
        if f - {"blank"} and span is None:
            span, raw = c.span, c.raw
        flags |= f
    n = len(written) + extra if found is None else found
    if found is None:
        # The count the reader found the row printed with (table 二 places the first values
        # of a row with too many and says how many there were).
        n = next((i.found for i in issues if i.kind.endswith(_COUNT_ISSUES) and i.found), n)
    if counts and len(written) == 1 and written[0].value is not None and len(_digits(written[0].raw)) >= DIGIT_RUN:
        flags.add("digit-run")
        span, raw = written[0].span, written[0].raw
    for issue in issues:
        if issue.kind == "ambiguous-digit-split":
            flags.add("ambiguous-split")
            span = span or issue.span
        elif issue.kind in ("t2-row-gap-unknown", "t3-row-gap-unknown"):
            flags.add("unplaced")  # which of its cells is missing is unknown
            span = span or issue.span
        elif issue.kind == "t4-value-count":
            flags.add("unplaced")  # which block a value belongs to is unknown
            span = span or issue.span
    if n == 0 and "ambiguous-split" not in flags:
        flags.add("no-values")
    elif n == also:
        pass
    elif n < expected and not flags & {"digit-run", "ambiguous-split"}:
        flags.add("too-few")
    elif n > expected:
        flags.add("too-many")
    return RowConfidence(key, line, expected, n, frozenset(flags), span or (Span(line) if line > 0 else None), raw)


_SPAN = attrgetter("span")
_VALUE = attrgetter("value")
_RAW = attrgetter("raw")
_INT_ONLY = {int}
#: A value written with a leading zero and more digits after it ("00", "023", "０１").
_LEADING_ZERO = lazy_compile(r"(?:^|\|)\s*[0０]\s*[0-9０-９]")


def _all_certain(cells: list[Cell]) -> bool:
    """Every cell written, a count below a million, none with a leading zero: what nearly
    every table is, decided with a few C-level passes instead of a test a cell."""
    if not cells or not all(map(_SPAN, cells)):
        return False
    values = list(map(_VALUE, cells))
    if set(map(type, values)) != _INT_ONLY or max(values) >= IMPLAUSIBLE_COUNT:
        return False
    raws = list(map(_RAW, cells))
    return max(map(len, raws)) == 1 or _LEADING_ZERO.search("|".join(raws)) is None


def _score(rows: Mapping[str, RowConfidence]) -> float:
    if not rows or all("no-values" in r.flags for r in rows.values()):
        return 0.0  # labels and no value anywhere: nothing was read, nothing can be checked
    off = [r for r in rows.values() if not r.flags.isdisjoint(_COUNT_FLAGS)]
    if len(off) >= _SYSTEMATIC_MIN and 2 * len(off) > len(rows) \
            and not all(r.found == r.expected - 1 and "blank" not in r.flags for r in off):
        # Most rows with values too many or too few: the layout was not understood (a
        # separator read as a value, "规章 / 0 / 0 / 0"; blank cells lost), not rows of the
        # report's own making; one "could not read this table" instead of an error a row.
        # Rows all one value short with every value written lost one column to the layout
        # (every row's 总计): the others are placed by the header and stay checked. With
        # blank cells among them, which cell was lost is anyone's guess.
        return 0.0
    return sum(1.0 if r.certain else 0.0 if r.misread else 0.5 for r in rows.values()) / len(rows)


def _blank_zeros(rows: list[tuple[Cell, ...]], read: Mapping[str, RowConfidence]) -> bool:
    """No zero written anywhere in the table, and zeros stand as blanks: many blank cells,
    or many short rows (a layout without separators drops blank cells altogether)."""
    blanks = 0
    for cells in rows:
        for c in cells:
            if c.span is None:
                continue
            if c.value is None:
                blanks += 1
            elif c.value == 0:
                return False
    short = sum(1 for r in read.values() if "too-few" in r.flags or "no-values" in r.flags)
    return blanks >= _BLANK_ZEROS_MIN or short >= _BLANK_ZEROS_MIN


def _unplace_short(rows: dict[str, RowConfidence]) -> dict[str, RowConfidence]:
    """In a table that leaves its zeros out, a short row's values cannot be put in their
    columns: the row is misread (never checked), not short (never a T103 error)."""
    out = {}
    for k, r in rows.items():
        if "too-few" in r.flags:
            r = RowConfidence(r.key, r.line, r.expected, r.found, (r.flags - {"too-few"}) | {"unplaced"}, r.span, r.raw)
        out[k] = r
    return out


def _first_span(rows: Mapping[str, RowConfidence], fallback: Optional[Span]) -> Optional[Span]:
    for r in sorted(rows.values(), key=lambda r: (r.line or 1 << 30)):
        if not r.certain and r.span is not None:
            return r.span
    return Span(fallback.line) if fallback is not None else None


# --------------------------------------------------------------------------- tables

def _t3(report: Report, issues: list[Issue]) -> TableConfidence:
    t3 = report.t3
    if t3 is None:
        return _MISSING["t3"]
    form = next((i for i in issues if i.kind == "t3-other-form"), None)
    if form is not None:
        # Printed in a form the reader found but could not read: found, nothing assessable.
        return TableConfidence("t3", True, {}, 0, False, 0.0, form.span, form)
    # A header without 总计 (T104) lets rows carry 6 values as well as 7.
    also = 0 if "C7" in t3.header_columns else 6
    row_issues: dict[str, list[Issue]] = {}
    unplaced = 0
    left_over: list[Span] = []
    for i in issues:
        if i.kind == "t3-unplaced-values":
            unplaced += len(i.values)
            if len(i.values) >= 2 and i.span is not None:
                left_over.append(i.span)
        elif i.row:
            row_issues.setdefault(i.row, []).append(i)
    rows: dict[str, RowConfidence] = {}
    printed = [(k, r) for k, r in t3.rows.items() if r.line > 0] + list(t3.groups.items())
    if not issues and printed and all(len(r.cells) == 7 and not r.extra for _, r in printed) and _all_certain(
            [c for _, r in printed for c in r.cells]):
        rows = {k: RowConfidence(k, r.line, 7, 7, _NO_FLAGS, None, "") for k, r in printed}
        return TableConfidence("t3", True, rows, 0, False, 1.0, None)
    for key, row in printed:
        own = row_issues.get(key, [])
        found = row.count if row.count > 7 else None
        rows[key] = _row(key, row.line, row.cells[:7], 7, found, own, True, len(row.extra), also)
    # Rows the reader could not split leave no cells, only their issue.
    for key, own in row_issues.items():
        if key not in rows and any(i.kind == "ambiguous-digit-split" for i in own):
            line = own[0].span.line if own[0].span else 0
            rows[key] = RowConfidence(key, line, 7, 0, frozenset({"ambiguous-split"}), own[0].span)
    # (As table 二's: made only where its anchor or one of its rows was found.)
    found = bool(rows) or bool(t3.column_labels) or t3.caption is not None or t3.span is not None
    blank_zeros = _blank_zeros([r.cells for _, r in printed], rows)
    if blank_zeros:
        rows = _unplace_short(rows)
    return TableConfidence("t3", found, rows, unplaced, blank_zeros, _score(rows),
                           _first_span(rows, t3.span), rows_left_over=tuple(left_over))


def _t4(report: Report, issues: list[Issue]) -> TableConfidence:
    t4 = report.t4
    if t4 is None:
        return _MISSING["t4"]
    cells = t4.cells
    if not issues and len(cells) == 15 and _all_certain(list(cells.values())):
        rows = {b: RowConfidence(b, t4.line, 5, 5, _NO_FLAGS, None, "") for b in T4_BLOCKS}
        return TableConfidence("t4", True, rows, 0, False, 1.0, None)
    if not any(c.span is not None for c in cells.values()):
        if not issues and not _t4_header(t4.column_labels):
            return _MISSING["t4"]
        # The header is there, its values are not (or could not be read): the finding goes
        # on the header.
        at = next((lab.span for lab in t4.column_labels if any(w in lab.text for w in _T4_WORDS)), None)
        at = at or (Span(t4.line) if t4.line else None)
        rows = {b: RowConfidence(b, t4.line, 5, 0, frozenset({"no-values"}), at) for b in T4_BLOCKS}
        for i in issues:
            if i.kind == "ambiguous-digit-split":
                rows = {b: RowConfidence(b, t4.line, 5, 0, frozenset({"ambiguous-split"}), i.span) for b in T4_BLOCKS}
            elif i.kind == "t4-value-count":
                # Values read, too few to fill the cells and placed nowhere (which cell
                # each belongs to is unknown): as many short of 5 a block as of 15 in all.
                found = 5 + (i.found or 0) - (i.expected or 15)
                rows = {b: RowConfidence(b, t4.line, 5, found, frozenset({"unplaced"}), i.span) for b in T4_BLOCKS}
        return TableConfidence("t4", True, rows, 0, False, 0.0, _first_span(rows, t4.span))
    # The reader's count issue: its values do not fill the 15 cells (it expects 12 only
    # when the text has exactly 12 values and no 总计 columns, and then raises none).
    count_issues = [i for i in issues if i.kind == "t4-value-count"][:1]
    # (Values beyond the fifteenth are placed in no cell: the issue counts them.)
    off = ((count_issues[0].found or 0) - (count_issues[0].expected or 15) if count_issues
           else sum(1 for c in cells.values() if c.span is not None) - 15)
    rows = {}
    for b in T4_BLOCKS:
        own = [i for i in issues if i.kind == "ambiguous-digit-split" and (i.row in ("t4", f"t4.{b}"))]
        block = tuple(cells.get((b, c), Cell()) for c in T4_COLS)
        present = [c for c in block if c.span is not None]
        if count_issues:
            rows[b] = _row(b, t4.line, block, 5, 5 + off, own + count_issues, True)
        elif present or own:
            rows[b] = _row(b, t4.line, block, 5 if (b, "total") in cells else 4, None, own, True)
    blank_zeros = _blank_zeros([tuple(cells.values())], {})
    return TableConfidence("t4", True, rows, 0, blank_zeros, _score(rows) if rows else 0.0,
                           _first_span(rows, t4.span))


_T4_WORDS = ("维持", "纠正", "审结", "直接起诉", "复议后起诉", "行政复议", "行政诉讼")


def _t4_header(labels) -> bool:
    seen = set()
    for lab in labels:
        text = "".join(unicodedata.normalize("NFKC", lab.text).split())
        seen.update(w for w in _T4_WORDS if w in text)
    return len(seen) >= 2


def _t2(report: Report, issues: list[Issue]) -> TableConfidence:
    t2 = report.t2
    if t2 is None:
        return _MISSING["t2"]
    row_keys = T2_ROW_KEYS_2019 if t2.format == "2019" else T2_ROW_KEYS
    if not issues and len(t2.cells) == sum(map(len, row_keys.values())) and _all_certain(list(t2.cells.values())):
        lines = {lab.key: lab.span.line for lab in t2.row_labels if lab.key}
        rows = {row: RowConfidence(row, lines.get(row) or t2.cells[keys[0]].span.line, len(keys), len(keys),
                               _NO_FLAGS, None, "") for row, keys in row_keys.items()}
        return TableConfidence("t2", True, rows, 0, False, 1.0, None)
    row_issues: dict[str, list[Issue]] = {}
    unplaced = 0
    for i in issues:
        if i.kind == "t2-unplaced-values":
            unplaced += len(i.values)
        elif i.row:
            row_issues.setdefault(i.row, []).append(i)
    labelled = {lab.key: lab for lab in t2.row_labels if lab.key}
    rows: dict[str, RowConfidence] = {}
    for row, keys in row_keys.items():
        cells = tuple(t2.cells.get(k, Cell()) for k in keys)
        own = row_issues.get(row, [])
        if row not in labelled and not own and all(c.span is None for c in cells):
            continue  # a row the table does not print
        line = labelled[row].span.line if row in labelled else next(
            (c.span.line for c in cells if c.span is not None), own[0].span.line if own and own[0].span else 0)
        rows[row] = _row(row, line, cells, len(keys), None, own, False)
    # (A table 二 is made only where its anchor was found — a block heading, its header or
    # a row — so a block heading left alone is the table found, unread.)
    found = bool(rows) or bool(t2.column_labels) or t2.span is not None
    return TableConfidence("t2", found, rows, unplaced, False, _score(rows) if rows else 0.0,
                           _first_span(rows, t2.span))
