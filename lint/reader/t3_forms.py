"""Table 三 printed in a form other than one row of cells a line.

Two forms occur besides the grid (and the flattenings :mod:`.region` reads):

* **kv**: a sentence a row, ``一、本年新收政府信息公开申请数量：自然人705，商业企业3，…，总计713。``
  (the row label, a colon, then pairs of a column word and its number);
* **transposed**: the table turned, one line per applicant type (``自然人	705	36	…``) with
  the row labels across the top (``申请人情况	一、本年新收…	二、上年结转…	…``).

:func:`other_form` finds either form in table 三's region and reads it into the same row
vectors :func:`.region.read_region` gives, so that the table's builder places them as it
places any row. A form it finds but cannot read *cleanly* (a column word it does not know,
a row named twice, a line with more or fewer values than the header has labels …) is not
guessed at: it returns no vectors and a ``t3-other-form`` issue naming the form, which
:mod:`gplint.confidence` turns into one T190 "table could not be read".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from .. import labels as L
from ..format import T3_2021
from ..model import Issue, Span
from .cells import BLANK_MARKS, LCell, LineInfo, to_number
from .region import Vector
from ..lazy_re import lazy_compile

#: Fewest lines of a form before the region is taken to be printed in it: one stray
#: sentence of the kind is prose, three are a table.
MIN_LINES = 3

#: A column word (its whole text, normalised) -> the column it names: the format's words
#: and labels, matched whole, never as parts of longer text.
_COLUMN_OF: dict[str, str] = {w: c.key for c in T3_2021.columns for w in (c.label, *c.words)}
_COLON = lazy_compile("[：:]")
#: One pair of a kv sentence: a column word, then its number or a blank mark, an optional
#: 件, and the separator that ends it.
_PAIR = lazy_compile(r"\s*([^\s\d０-９，,、；;。：:—\-－/]+?)\s*(?:为|：|:)?\s*"
                   r"([0-9０-９]+|——|—|－|-|/|／|无)\s*件?\s*([，,、；;。]|$)")


@dataclass
class FormRead:
    """What :func:`other_form` found: the form, and its rows, or the issue saying it could
    not be read."""

    form: str  # "kv" | "transposed"
    vectors: list[Vector] = field(default_factory=list)
    issue: Optional[Issue] = None


def other_form(infos: Sequence[LineInfo]) -> Optional[FormRead]:
    """Table 三 in the kv or transposed form, read or said unreadable; None for the grid."""
    # Only lines with a colon (kv) or more values than a row has (turned) can be either:
    # a grid table has neither, and is passed over in one scan.
    wide = len(T3_2021.columns) + 1
    candidates = [i for i in infos if len(i.values) > wide or "：" in i.text or ":" in i.text]
    if len(candidates) < MIN_LINES:
        return None
    kv = [line for line in (_kv_line(i) for i in candidates) if line is not None]
    if len(kv) >= MIN_LINES:
        return _read_kv(kv)
    columns = [i for i in candidates if _column_line(i)]
    if len(columns) >= MIN_LINES:
        return _read_transposed(infos, columns)
    return None


def is_kv_line(info: LineInfo) -> bool:
    """A kv sentence naming a T3 row (where :func:`.sections.anchor_t3` looks for the table)."""
    return _kv_line(info) is not None


def _unreadable(form: str, reason: str, span: Span, label: str = "", **found) -> FormRead:
    """Table 三 in ``form``, not readable for ``reason`` (:data:`gplint.model.OTHER_FORM_REASONS`)."""
    return FormRead(form, [], Issue("t3-other-form", span, "t3", form, label, reason=reason, **found))


# --------------------------------------------------------------------------- kv

@dataclass
class _KvLine:
    """A 「label：自然人20，商业企业3，…」 sentence: the row it names and its cells by column."""

    key: str
    label: LCell
    #: Column key -> its cell, in the order written; None when the sentence is not clean.
    cells: Optional[dict[str, LCell]]
    line: int


def _kv_line(info: LineInfo) -> Optional[_KvLine]:
    """The row a kv sentence names and its cells; None for any other line. A sentence that
    names a row and at least two columns but holds anything else is returned with no cells
    (the form is there; this line cannot be read)."""
    text = info.text
    colon = None if info.blank or info.separated or len(text) > 400 else _COLON.search(text)
    if colon is None:
        return None
    head, rest = text[:colon.start()], text[colon.end():]
    key = _row_named(head.strip())
    if key is None:
        return None
    start = len(head) - len(head.lstrip()) + 1
    label = LCell("label", head.strip(), info.number, start, len(head.rstrip()) + 1)
    cells: dict[str, LCell] = {}
    clean, at = True, 0
    for m in _PAIR.finditer(rest):
        if m.start() != at:
            clean = False  # text between two pairs: not a kv sentence we can read
        at = m.end()
        column = _COLUMN_OF.get(L.normalise(m.group(1)))
        if column is None or column in cells:
            clean = False
            continue
        cells[column] = _value_cell(m.group(2), info, colon.end() + m.start(2))
    if len(cells) < 2:
        return None
    if rest[at:].strip():
        clean = False
    return _KvLine(key, label, cells if clean else None, info.number)


@lru_cache(maxsize=1024)
def _row_named(text: str) -> Optional[str]:
    """The T3 row (or group row, G6 of the 2019 format) a kv sentence's label names."""
    n = L.normalise(text)
    if not n or len(n) > 60:
        return None
    m = L.match_t3_row(n, numbered=n[:1].isdigit())
    return None if m == "G0" else m


def _value_cell(raw: str, info: LineInfo, index: int) -> LCell:
    """The cell for a number (or blank mark) at ``index`` of the line's text."""
    column = index + 1
    if raw in BLANK_MARKS:
        return LCell("blank", raw, info.number, column, column + len(raw))
    return LCell("num", raw, info.number, column, column + len(raw), to_number(raw))


def _read_kv(lines: list[_KvLine]) -> FormRead:
    bad = next((k for k in lines if k.cells is None), None)
    if bad is not None:
        return _unreadable("kv", "extra-text", Span(bad.line), bad.label.text)
    seen: set[str] = set()
    vectors = []
    for k in lines:
        if k.key in seen:
            return _unreadable("kv", "repeated-row", Span(k.line), k.label.text)
        seen.add(k.key)
        cells = k.cells or {}
        # A column the sentence leaves out is not given (never a 0 read into it).
        values = [cells.get(c) or LCell("blank", "", k.line, k.label.end_column, k.label.end_column)
                  for c in T3_2021.column_keys]
        vectors.append(Vector(k.key, values, k.line, k.label, "kv"))
    return FormRead("kv", vectors)


# --------------------------------------------------------------------------- transposed

def _column_named(info: LineInfo) -> Optional[str]:
    labs = info.labels
    if len(labs) != 1:
        return None
    return _COLUMN_OF.get(L.normalise(labs[0].text))


def _column_line(info: LineInfo) -> bool:
    """A line of the turned table: an applicant type, then more values than a row has."""
    return len(info.values) > len(T3_2021.columns) + 1 and _column_named(info) is not None


def _read_transposed(infos: Sequence[LineInfo], columns: list[LineInfo]) -> FormRead:
    first = columns[0]
    header = next((i for i in reversed(infos) if i.number < first.number and len(i.labels) >= MIN_LINES), None)
    if header is None:
        return _unreadable("transposed", "no-header", Span(first.number))
    rows: list[tuple[str, LCell]] = []
    for c in header.placed_labels:  # (a vector's label, with its line)
        key = _row_named(c.text)
        if key is None and not rows:
            continue  # the corner cell (申请人情况) or the caption
        if key is None or any(k == key for k, _ in rows):
            return _unreadable("transposed", "unknown-header", c.span, c.text)
        rows.append((key, c))
    by_column: dict[str, LineInfo] = {}
    for info in columns:
        col = _column_named(info)
        if col in by_column or len(info.values) != len(rows):
            return _unreadable("transposed", "row-count", Span(info.number), info.labels[0].text,
                               found=len(info.values), expected=len(rows))
        by_column[col or ""] = info
    missing = [c for c in T3_2021.column_keys if c not in by_column]
    if missing:
        return _unreadable("transposed", "missing-columns", Span(first.number), values=tuple(missing))
    vectors = [Vector(key, [by_column[c].placed_values[n] for c in T3_2021.column_keys], header.number, label,
                      "transposed")
               for n, (key, label) in enumerate(rows)]
    return FormRead("transposed", vectors)
