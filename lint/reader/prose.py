"""The prose outside the tables: its pieces (for the narrative rules' sentences) and the
numbers in it with their units (:attr:`Report.quantities`).
"""
from __future__ import annotations

import bisect
import re
from typing import Collection, Optional, Sequence

from .. import labels as L
from ..grammar import Tok
from ..model import (
    Heading,
    Number,
    ProsePiece,
    Quantity,
    Section,
    Span,
)
from .cells import LineInfo, to_number



_UNITS = ("万元", "元", "件次", "人次", "件", "条", "次", "个", "项", "篇", "家", "名", "人", "年度", "年", "月", "日", "%", "％",
          "期", "场", "份", "页", "天", "号")
#: The first of _UNITS a text starts with (alternatives are tried in order, like the list).
_UNIT_RE = re.compile("|".join(re.escape(u) for u in _UNITS))
_CLAUSE_MAX = 400
_NUMBER_TYPES = frozenset({"NUMBER", "CN_NUMBER"})
_CLAUSE_STOPS = frozenset("。；;！？!?，,：:\n")
#: The same characters as one class: the stream is scanned by the regex engine, not a loop.
_CLAUSE_STOP_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_STOPS))) + "]")


def line_mask(nlines: int, ranges: Sequence[tuple[int, int]], lines: Collection[int] = ()) -> bytearray:
    """``mask[n]`` is 1 for the lines ``1..nlines`` in one of ``ranges`` ((first, last),
    both included: the tables' lines) or in ``lines`` (section headings): a byte a line,
    where a set held an int object and a slot for every line of every table."""
    mask = bytearray(nlines + 1)
    for a, b in ranges:
        a, b = max(a, 0), min(b, nlines)
        if a <= b:
            mask[a:b + 1] = b"\x01" * (b + 1 - a)
    for n in lines:
        if 0 <= n <= nlines:
            mask[n] = 1
    return mask


def quantities_of(infos: Sequence[LineInfo], skip: bytearray, sections: dict[str, Section]) -> tuple[Quantity, ...]:
    """Numbers in prose with their unit and clause. Prose lines are joined (PDF text
    breaks sentences across lines) and cut into clauses at punctuation."""
    # One pass over the lines (most are table lines) keeps the prose lines, each with its
    # stripped text, and a break (None) where a table or section heading interrupts them.
    lengths = []
    rows: list[tuple[LineInfo, Optional[str]]] = []
    prose_open = False  # a prose row since the last break: a new break matters
    for info in infos:
        if skip[info.number]:
            if prose_open and not (info.blank or info.footer or info.md_rule):
                rows.append((info, None))
                prose_open = False
            continue
        if info.blank:
            continue
        stripped = info.text.strip()
        lengths.append(len(stripped))
        if info.footer or info.md_rule or not info.tokens:
            continue
        rows.append((info, stripped))
        prose_open = True
    # A line continues into the next one only when it was wrapped by the page width: it
    # does not end a sentence and is nearly as long as the longest prose lines. Headings,
    # tables and short lines (titles, dates, signatures) end the clause.
    lengths.sort()
    wrap_width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrap_min = min(0.75 * wrap_width, 24)

    # The stream is built a line at a time (pieces); a stream offset maps back to (line,
    # column) through the piece it falls in, so no per-character bookkeeping is needed.
    pieces: list[str] = []
    piece_starts: list[int] = []
    # (line, column of the piece's first character less its stream offset)
    piece_where: list[tuple[int, int]] = []
    numbers: list[tuple[int, Tok, int]] = []  # (offset in stream, token, line)
    size = 0
    ends_with_break = True
    for info, stripped in rows:
        if stripped is None:
            if not ends_with_break:
                pieces.append("\n")
                piece_starts.append(size)
                piece_where.append((info.number, 1 - size))
                size += 1
                ends_with_break = True
            continue
        toks = info.tokens
        first = toks[0].column
        text = info.text  # the tokens cover it exactly (no gaps: see tokenise)
        base = size - first
        n = info.number
        numbers.extend([(base + t.column, t, n) for t in toks if t.type in _NUMBER_TYPES])
        if info.separated or len(stripped) < wrap_min or not stripped or stripped[-1] in _LINE_END_CHARS:
            text += "\n"
            ends_with_break = True
        else:
            ends_with_break = False
        pieces.append(text)
        piece_starts.append(size)
        piece_where.append((n, first - size))
        size += len(text)
    stream = "".join(pieces)

    # Clause bounds: the nearest stop each side of a number, looked for within
    # _CLAUSE_MAX characters (backwards in the reversed stream), so that a text without
    # punctuation stays linear and a report with few numbers looks at little of it.
    size = len(stream)
    reversed_stream = stream[::-1]
    search_stop = _CLAUSE_STOP_RE.search
    bisect_right = bisect.bisect_right
    out = []
    sec_lines = sorted((s.line, slot) for slot, s in sections.items())
    sec_starts = [sl for sl, _ in sec_lines]
    for off, tok, line in numbers:
        value_text = tok.value
        b0 = off + len(value_text)  # just after the number
        after = stream[b0: b0 + 5].lstrip(" \u3000")
        approximate = after[:1] in ("余", "多")
        if approximate:
            after = after[1:].lstrip(" \u3000")
        m = _UNIT_RE.match(after)
        unit = m.group() if m else ""
        approximate = approximate or not _APPROX_BEFORE.isdisjoint(stream[max(0, off - 2): off])
        if tok.type == "CN_NUMBER":
            before = stream[off - 1: off] if off else ""
            if unit not in ("件", "条", "次", "个", "项", "篇", "家", "人") or before in ("第", "每", "之"):
                continue
            value: Optional[Number] = L.cn_to_int(value_text)
        else:
            value = to_number(value_text)
        if value is None:
            continue
        column = tok.column
        end_column = column + len(value_text)
        # The clause: after the last stop before the number, up to the first stop after it;
        # at most _CLAUSE_MAX characters each side.
        m = search_stop(reversed_stream, size - off, size - off + _CLAUSE_MAX)
        a = size - m.start() if m else max(0, off - _CLAUSE_MAX)
        m = search_stop(stream, b0, b0 + _CLAUSE_MAX)
        b = m.start() if m else min(size, b0 + _CLAUSE_MAX)
        clause = stream[a:b].strip()
        # (line, column) of stream offsets a and b - 1, through the pieces they fall in.
        if a < size:
            a_line, a_col = piece_where[bisect_right(piece_starts, a) - 1]
            a_col += a
        else:
            a_line, a_col = line, column
        if 0 < b <= size:
            b_line, b_col = piece_where[bisect_right(piece_starts, b - 1) - 1]
            b_col += b - 1
        else:
            b_line, b_col = line, end_column
        k = bisect_right(sec_starts, line)
        section = sec_lines[k - 1][1] if k else None
        out.append(Quantity(value, unit, Span(line, column, line, end_column), clause,
                            Span(a_line, a_col, b_line, b_col + 1), section, value_text, approximate))
    return tuple(out)


#: Last characters of a line that ends a sentence or clause: the line does not run on.
_LINE_END_CHARS = frozenset("。；;！？!?：:")
#: Characters just before a number that make it approximate (约, 近, 超, 逾).
_APPROX_BEFORE = frozenset("约近超逾")


def prose_pieces(infos: Sequence[LineInfo], table_lines: Sequence[tuple[int, int]],
                  headings: Sequence[Heading], sections: dict[str, Section]) -> tuple[ProsePiece, ...]:
    """The lines (virtual lines of a flattened page) outside the tables that hold text,
    each with its section: what the narrative rules cut into sentences."""
    in_table = line_mask(len(infos), table_lines)
    heading_lines = {h.span.line for h in headings}
    starts = sorted((sec.line, slot) for slot, sec in sections.items())
    out = []
    k, section = 0, None
    for info in infos:
        n = info.number
        while k < len(starts) and starts[k][0] <= n:
            section = starts[k][1]
            k += 1
        if in_table[n] or info.blank or not info.text.strip():
            continue
        out.append(ProsePiece(n, info.offset + 1, info.text, n in heading_lines, section))
    return tuple(out)
