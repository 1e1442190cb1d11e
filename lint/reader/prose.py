"""The prose outside the tables: its pieces (for the narrative rules' sentences) and the
numbers in it with their units (:attr:`Report.quantities`).
"""
from __future__ import annotations

import bisect
import re
from array import array
from itertools import islice
from typing import Callable, Iterator, Optional, Sequence

from .. import labels as L
from ..analyses import per_report
from ..model import (
    Heading,
    Number,
    ProsePiece,
    Quantity,
    Report,
    Section,
    Sentence,
)
from .cells import LineInfo, to_number
from ..lazy_re import lazy_compile

_UNITS = ("万元", "元", "件次", "人次", "件", "条", "次", "个", "项", "篇", "家", "名", "人", "年度", "年", "月", "日", "%", "％",
          "期", "场", "份", "页", "天", "号")
#: The first of _UNITS a text starts with (alternatives are tried in order, like the list).
_UNIT_RE = lazy_compile("|".join(re.escape(u) for u in _UNITS))
_CLAUSE_MAX = 400
#: Clause stops inside a sentence.
_CLAUSE_STOP_RE = lazy_compile("[" + re.escape("；;，,：:。！？!?") + "]")
#: A number as the tokenizer reads one (grammar/report.lark's NUMBER and CN_NUMBER), with the
#: enumerators it reads first (一、 （三） 2. （1）) matched as such so that they are not counts.
_NUMBER_OR_ENUMERATOR = lazy_compile(
    r"(?P<enum>[一二三四五六七八九十]{1,3}[ \u3000]*(?:、|[．.](?![0-9０-９]))"
    r"|第[一二三四五六七八九十]{1,3}部分"
    r"|[（(][ \u3000]*[一二三四五六七八九十]{1,3}[ \u3000]*[）)]"
    r"|(?<![0-9０-９.．,])[0-9０-９]{1,2}[ \u3000]*[.．、](?![0-9０-９])"
    r"|[（(][ \u3000]*[0-9０-９]{1,2}[ \u3000]*[）)])"
    # (Not part of a number: after a digit and one blank, or OCR's look-alike of a digit,
    # and not before them: 「1 30条」 and 「l7件」 are no 30 and 7.)
    r"|(?<![0-9０-９])(?<![0-9０-９][ \u3000\u00a0])(?<![lIOo|])"
    r"(?P<number>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?)"
    r"(?![0-9０-９])(?![.．][0-9０-９])(?![ \u3000\u00a0][0-9０-９])"
    r"|(?P<cn>[零〇一二两三四五六七八九十百千万]+)")
#: Units a Chinese numeral is read with (一个 and 一名 are words more often than counts).
_CN_UNITS = ("件", "条", "次", "个", "项", "篇", "家", "人")
#: Characters just before a number that make it approximate (约, 近, 超, 逾).
_APPROX_BEFORE = frozenset("约近超逾")


@per_report
def quantities_of(report: Report) -> tuple[Quantity, ...]:
    """Numbers in the prose with their unit and clause (:attr:`Report.quantities`): a plain
    function of :attr:`Report.sentences`, so a number split from its unit by a line wrap
    is read whole and every position is the sentence's own.

    A clause runs between stops (，。；：…) inside its sentence, and ends too where a
    sentence goes on from a line that is not wrapped by the page width (a title, a date,
    a signature: much shorter than the wrapped prose lines)."""
    sentences = report.sentences
    short = _short_lines(report, sentences)
    section_headings = {(sec.heading.span.line, sec.heading.span.column) for sec in report.sections.values()}
    out: list[Quantity] = []
    for s in sentences:
        if s.heading and s.pieces and s.pieces[0][1:] in section_headings:
            continue  # a statutory section's own heading (三、收到和处理…) counts nothing
        if any(ch in s.text for ch in "0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万"):
            out.extend(_quantities_in(s, short))
    return tuple(out)


def _short_lines(report: Report, sentences: Sequence[Sentence]) -> frozenset[int]:
    """The source lines of the prose too short to be wrapped by the page width: a sentence
    does not run on from one of them within a clause."""
    lines = report.lines
    used = {line for s in sentences for _, line, _ in s.pieces}
    lengths = sorted(len(lines[n - 1].strip()) for n in used if 0 < n <= len(lines))
    if not lengths:
        return frozenset()
    wrap_width = lengths[int(len(lengths) * 0.9)]
    wrap_min = min(0.75 * wrap_width, 24)
    return frozenset(n for n in used if 0 < n <= len(lines) and len(lines[n - 1].strip()) < wrap_min)


def _clause_bounds(s: Sentence, short: frozenset[int]) -> tuple[list[int], list[int]]:
    """Where clauses of the sentence end (exclusive) and where the next ones start, in
    order: around each stop character, and at the start of each run that follows a short
    line (nothing left out there)."""
    cuts = [(m.start(), m.start() + 1) for m in _CLAUSE_STOP_RE.finditer(s.text)]
    pieces = s.pieces
    if len(pieces) > 1 and short:
        for (_, line, _), (offset, next_line, _) in zip(pieces, pieces[1:]):
            if next_line != line and line in short:
                bisect.insort(cuts, (offset, offset))
    return [end for end, _ in cuts], [start for _, start in cuts]


def _quantities_in(s: Sentence, short: frozenset[int]) -> Iterator[Quantity]:
    text = s.text
    size = len(text)
    bounds: Optional[tuple[list[int], list[int]]] = None
    for m in _NUMBER_OR_ENUMERATOR.finditer(text):
        if m.lastgroup == "enum":
            continue
        value_text = m.group()
        off, b0 = m.span()
        after = text[b0: b0 + 5].lstrip(" \u3000")
        approximate = after[:1] in ("余", "多")
        if approximate:
            after = after[1:].lstrip(" \u3000")
        unit_match = _UNIT_RE.match(after)
        unit = unit_match.group() if unit_match else ""
        approximate = approximate or not _APPROX_BEFORE.isdisjoint(text[max(0, off - 2): off])
        value: Optional[Number]
        if m.lastgroup == "cn":
            if unit not in _CN_UNITS or text[off - 1: off] in ("第", "每", "之"):
                continue
            value = L.cn_to_int(value_text)
        else:
            value = to_number(value_text)
        if value is None:
            continue
        if bounds is None:
            bounds = _clause_bounds(s, short)
        ends, starts = bounds
        # The clause: from the last clause start at or before the number up to the first
        # clause end after it; at most _CLAUSE_MAX characters each side.
        k = bisect.bisect_right(starts, off)
        a = max(starts[k - 1] if k else 0, off - _CLAUSE_MAX)
        k = bisect.bisect_left(ends, b0)
        b = min(ends[k] if k < len(ends) else size, b0 + _CLAUSE_MAX)
        raw_clause = text[a:b]
        clause = raw_clause.strip()
        if clause:
            a += len(raw_clause) - len(raw_clause.lstrip())
            b = a + len(clause)
        yield Quantity(value, unit, s.span(off, b0), clause, s.span(a, max(b, a + 1)), s.section,
                       value_text, approximate)


class ProsePieces(Sequence[ProsePiece]):
    """:attr:`Report.prose` kept compactly: each piece's line, column and text (a string
    the report's lines hold too) and the few section names, a :class:`ProsePiece` made
    when one is read. A one-cell-a-line table outside the recognised tables is thousands
    of pieces of a few characters each, and an object a piece cost ten times their text.

    Immutable once the reader hands the report out; equal to any sequence of the same
    pieces."""

    __slots__ = ("_lines", "_columns", "_texts", "_headings", "_sections", "_names")

    def __init__(self) -> None:
        self._lines = array("i")  # (4-byte numbers: a report is at most tens of megabytes)
        self._columns = array("i")
        self._texts: list[str] = []
        self._headings = bytearray()
        self._sections = bytearray()  # index in _names
        self._names: list[Optional[str]] = [None]

    def append(self, line: int, column: int, text: str, heading: bool, section: Optional[str]) -> None:
        """A piece at the end (while the reader makes the report)."""
        names = self._names
        if section not in names:
            names.append(section)
        self._lines.append(line)
        self._columns.append(column)
        self._texts.append(text)
        self._headings.append(heading)
        self._sections.append(names.index(section))

    def fields(self) -> Iterator[tuple[int, int, str, bool, Optional[str]]]:
        """(line, column, text, is heading, section) of each piece, in order, without
        making a :class:`ProsePiece` of it."""
        return zip(self._lines, self._columns, self._texts, map(bool, self._headings),
                   map(self._names.__getitem__, self._sections))

    def renumber(self, line_of: Callable[[int], int], shift_of: Optional[Callable[[int], int]] = None) -> None:
        """Each piece's line mapped by ``line_of`` and its column moved by ``shift_of`` of
        its line, if given (virtual lines of a flattened page to real ones and their own
        columns to the real line's, before the report is handed out)."""
        if shift_of is not None:
            self._columns = array("i", map(int.__add__, self._columns, map(shift_of, self._lines)))
        self._lines = array("i", map(line_of, self._lines))

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return tuple(self)[k]
        return ProsePiece(self._lines[k], self._columns[k], self._texts[k], bool(self._headings[k]),
                          self._names[self._sections[k]])

    def __iter__(self) -> Iterator[ProsePiece]:
        return (ProsePiece(*f) for f in self.fields())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self.fields()))

    def __repr__(self) -> str:
        return f"ProsePieces({list(self)!r})"


def prose_pieces(infos: Sequence[LineInfo], table_lines: Sequence[tuple[int, int]],
                  headings: Sequence[Heading], sections: dict[str, Section]) -> ProsePieces:
    """The lines (virtual lines of a flattened page) outside the tables that hold text,
    each with its section: what the narrative rules cut into sentences. ``infos`` is the
    line table (line n's reading is ``infos[n - 1]``)."""
    heading_lines = {h.span.line for h in headings}
    starts = sorted((sec.line, slot) for slot, sec in sections.items())
    # The stretches between the tables (a set of every table line would cost more than
    # the lines of a one-cell-a-line table themselves).
    outside: list[tuple[int, int]] = []
    nxt = 1
    for a, b in sorted(table_lines):
        if a > b:
            continue
        if a > nxt:
            outside.append((nxt, a))
        nxt = max(nxt, b + 1)
    outside.append((nxt, len(infos) + 1))
    out = ProsePieces()
    append = out.append
    k, section = 0, None
    for first, end in outside:
        for n, info in enumerate(islice(infos, first - 1, end - 1), first):
            if info.blank or not info.text.strip():
                continue
            while k < len(starts) and starts[k][0] <= n:
                section = starts[k][1]
                k += 1
            append(n, 1, info.text, n in heading_lines, section)
    return out
