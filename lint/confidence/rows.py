"""How a row is flagged — its written cells, the reader's issues on it, the values it
should carry — and how a table scores from its rows (see :mod:`gplint.confidence`)."""
from __future__ import annotations

import dataclasses
import unicodedata
from operator import attrgetter
from typing import Any, Mapping, Optional, Sequence

from ..lazy_re import lazy_compile
from ..model import Cell, Issue, Span
from .results import DIGIT_RUN, IMPLAUSIBLE_COUNT, PLACEHOLDERS, RowConfidence

#: Fewest blank cells for a table with no written zero to count as writing its zeros blank.
_BLANK_ZEROS_MIN = 5
#: A table whose rows have too many or too few values in more than half of them (and at
#: least this many) was misread as a whole (see table_score).
_SYSTEMATIC_MIN = 3
_COUNT_FLAGS = frozenset({"too-few", "too-many"})
_COUNT_ISSUES = ("-row-too-many-values", "-row-too-few-values")


def digits_of(raw: str) -> str:
    """The raw text of a numeric cell, width-folded, blanks removed ("" if not digits)."""
    if raw.isascii():
        text = raw.replace(" ", "")
    else:
        text = "".join(unicodedata.normalize("NFKC", raw).split())
    return text if text.isdigit() else ""


def cell_flags(cell: Cell, counts: bool) -> set[str]:
    """Flags one written cell raises on its row."""
    if cell.span is None:
        return set()
    if cell.value is None:
        return {"blank"} if cell.raw.strip() in PLACEHOLDERS or not cell.raw.strip() else set()
    digits = digits_of(cell.raw)
    flags = set()
    if len(digits) > 1 and digits[0] == "0":
        flags.add("fused-digits")
    if counts and isinstance(cell.value, int) and cell.value >= IMPLAUSIBLE_COUNT:
        flags.add("implausible")
    return flags


def row_confidence(key: str, line: int, cells: tuple[Cell, ...], expected: int, found: Optional[int],
         issues: list[Issue], counts: bool, extra: int = 0, also: int = 0,
         left_over: tuple[Cell, ...] = ()) -> RowConfidence:
    """``also``: a second width the row may have (table 三 whose header has no 总计);
    ``left_over``: the values the reader read on the row and placed in no cell."""
    flags: set[str] = set()
    span = None
    raw = ""
    written = [c for c in cells if c.span is not None]
    for c in written:
        f = cell_flags(c, counts)
        if f - {"blank"} and span is None:
            span, raw = c.span, c.raw
        flags |= f
    n = len(written) + extra if found is None else found
    if found is None:
        # The count the reader found the row printed with (table 二 places the first values
        # of a row with too many and says how many there were).
        n = next((i.found for i in issues if i.kind.endswith(_COUNT_ISSUES) and i.found), n)
    if counts and len(written) == 1 and written[0].value is not None and len(digits_of(written[0].raw)) >= DIGIT_RUN:
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
        elif issue.kind == "t3-stream-misplaced":
            flags.add("misplaced")  # the column identities show the stream's rows misplaced
            span = span or issue.span
        elif issue.kind == "t3-scan-unsure":
            flags.add("scan-unsure")  # a scan's row that does not vouch for its values
            span = span or issue.span
        elif issue.kind == "t4-values-interleaved":
            flags.add("interleaved")  # the order read is the page's, not the table's
            span = span or issue.span
    if n == 0 and "ambiguous-split" not in flags:
        flags.add("no-values")
    elif n == also:
        pass
    elif n < expected and not flags & {"digit-run", "ambiguous-split"}:
        flags.add("too-few")
    elif n > expected:
        flags.add("too-many")
        if expected >= 3 and n >= 2 * expected and _on_several_lines((*cells, *left_over)):
            # Read down a column stream, not across: no row prints its cells twice over,
            # these are other rows' values. (Cells the text puts on the row's one line are
            # the row's own, however many: T103's.)
            flags.add("gathered")
    return RowConfidence(key, line, expected, n, frozenset(flags), span or (Span(line) if line > 0 else None), raw)


def spilled_rows(printed: Sequence[tuple[str, Any]], rows: dict[str, RowConfidence]) -> dict[str, RowConfidence]:
    """``rows`` with "spilled" on each row whose values, one a line, outnumber the columns
    beside a row (the one printed before or after it) short of its values, and on that
    row: a PDF's reading order (pdfminer's text) put values of one row after the next
    row's label. (A row with more values on its own line is the report's: T103's.)"""
    order = sorted((row.line, key, row) for key, row in printed if key in rows and row.line > 0)
    spilled: set[str] = set()
    for i, (_line, key, row) in enumerate(order):
        if "too-many" not in rows[key].flags or not _on_several_lines((*row.cells, *row.extra)):
            continue
        for _n, other, _row in order[max(0, i - 1):i] + order[i + 1:i + 2]:
            if rows[other].flags & {"too-few", "no-values"}:
                spilled |= {key, other}
    out = dict(rows)
    for key in spilled:
        out[key] = dataclasses.replace(rows[key], flags=rows[key].flags | {"spilled"})
    return out


def stacked_rows(printed: Sequence[tuple[str, Any]], rows: dict[str, RowConfidence],
                 lines: Sequence[str]) -> dict[str, RowConfidence]:
    """``rows`` with "stacked" on each row with too many values, two of them in one cell of
    a line cut by pipes: cells of several rows stacked in one, as PDF-to-markdown tools
    (pymupdf4llm) join rows they could not tell apart ("| 0<br>0 | 1<br>0 |")."""
    out = dict(rows)
    for key, row in printed:
        if key not in rows or "too-many" not in rows[key].flags:
            continue
        cells = sorted((c.span.line, c.span.column, c.span.end_column)
                       for c in (*row.cells, *row.extra) if c.span is not None)
        for (line, _, end), (line2, column, _) in zip(cells, cells[1:]):
            text = lines[line - 1] if 0 < line <= len(lines) else ""
            if line == line2 and "|" in text and "|" not in text[end - 1:column - 1]:
                out[key] = dataclasses.replace(rows[key], flags=rows[key].flags | {"stacked"})
                break
    return out


def _on_several_lines(cells: tuple[Cell, ...]) -> bool:
    return len({c.span.line for c in cells if c.span is not None}) > 1


_SPAN = attrgetter("span")
_VALUE = attrgetter("value")
_RAW = attrgetter("raw")
_INT_ONLY = {int}
#: A value written with a leading zero and more digits after it ("00", "023", "０１").
_LEADING_ZERO = lazy_compile(r"(?:^|\|)\s*[0０]\s*[0-9０-９]")


def all_certain(cells: list[Cell]) -> bool:
    """Every cell written, a count below a million, none with a leading zero: what nearly
    every table is, decided with a few C-level passes instead of a test a cell."""
    if not cells or not all(map(_SPAN, cells)):
        return False
    values = list(map(_VALUE, cells))
    if set(map(type, values)) != _INT_ONLY or max(values) >= IMPLAUSIBLE_COUNT:
        return False
    raws = list(map(_RAW, cells))
    return max(map(len, raws)) == 1 or _LEADING_ZERO.search("|".join(raws)) is None


def table_score(rows: Mapping[str, RowConfidence]) -> float:
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


def zeros_written_blank(rows: list[tuple[Cell, ...]], read: Mapping[str, RowConfidence],
                        totals: frozenset[int] = frozenset()) -> bool:
    """No zero written anywhere in the table, and zeros stand as blanks: many blank cells,
    or many short rows (a layout without separators drops blank cells altogether). A zero
    in a total cell (position in ``totals``) does not count: a clerk who leaves the other
    cells empty still writes a row's total, 0 as well."""
    blanks = 0
    for cells in rows:
        for k, c in enumerate(cells):
            if c.span is None:
                continue
            if c.value is None:
                blanks += 1
            elif c.value == 0 and k not in totals:
                return False
    short = sum(1 for r in read.values() if "too-few" in r.flags or "no-values" in r.flags)
    return blanks >= _BLANK_ZEROS_MIN or short >= _BLANK_ZEROS_MIN


def unplace_short_rows(rows: dict[str, RowConfidence], flag: str = "unplaced") -> dict[str, RowConfidence]:
    """In a table that leaves its zeros out, a short row's values cannot be put in their
    columns: the row is misread (never checked), not short (never a T103 error). ``flag``
    says why (``gaps-unknown``: :func:`cells_lost_at_random`)."""
    out = {}
    for k, r in rows.items():
        if "too-few" in r.flags:
            r = RowConfidence(r.key, r.line, r.expected, r.found, (r.flags - {"too-few"}) | {flag}, r.span, r.raw)
        out[k] = r
    return out


#: Flags of a row short because another row holds its values (a spill, not a loss).
_OTHER_ROWS_VALUES = frozenset({"gathered", "spilled", "stacked"})


def cells_lost_at_random(rows: Mapping[str, RowConfidence]) -> bool:
    """Three rows or more short of their values, by different counts, none with an empty
    cell written: cells were lost here and there (an OCR engine drops many a lone "0" of a
    ruled table), so a short row's values stand in columns no one can tell. A clerk's rows
    that leave out the same cell (every 总计) are short by one count, and stay short rows."""
    short = [r for r in rows.values() if "too-few" in r.flags and not r.flags & _OTHER_ROWS_VALUES]
    return len(short) >= _SYSTEMATIC_MIN and not any("blank" in r.flags for r in short) \
        and len({r.expected - r.found for r in short}) >= 2


def first_unsure_span(rows: Mapping[str, RowConfidence], fallback: Optional[Span]) -> Optional[Span]:
    for r in sorted(rows.values(), key=lambda r: (r.line or 1 << 30)):
        if not r.certain and r.span is not None:
            return r.span
    return Span(fallback.line) if fallback is not None else None
