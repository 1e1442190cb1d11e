"""Table 三's 总计 column printed apart, after the other columns' values (pdfminer.six's
``extract_text``: every column of a ruled grid is a text box, and the box of the last
column, headed 总计, may come after the boxes of all the others).

The text then reads, one a line::

    一、本年新收政府信息公开申请数量      (the rows' labels: the leftmost box)
    二、上年结转政府信息公开申请数量
    申请人情况 … 其他 小计               (the header's words, 总计 not among them)
    2 / 0 / 0 / … / 0                    (k rows × the columns before 总计)
    总计
    2 / 0                                (the k rows' 总计, in the rows' order)

Read as it stands, the k rows take the 小计 (or 其他) for their 总计 and the k last values
are a stray row: a row total "wrong" (A104) and the prose's count of applications
"contradicted" (N101) on a table the report prints right. Here the k 总计 values are put
back at the end of their rows, and the header is read with its 总计 — when one row at
least then adds up (else the values after the word are other rows', not its column).
"""
from __future__ import annotations

import itertools
from array import array
from typing import NamedTuple, Optional, Sequence

from .. import format as F
from .. import labels as L
from .cells import CELL_KIND, LCell, LineInfo
from .t3_fit import subtotal_column, subtotal_fits
from .t3_header import row_named
from .vectors import LabelAt, Vector

#: The words that head table 三's 总计 column (alone on their line here).
_TOTAL_WORDS = frozenset(w for c in F.T3_2021.columns if c.key == "C7" for w in c.words)


#: The most lines the layout can take: table 三's rows' labels, a header, eight values
#: and a 总计 a row.
_MOST_LINES = 25 * 10 + 40


class TotalApart(NamedTuple):
    """The rows read with their 总计 put back, and the header's words with 总计 among them."""

    header_text: str
    vectors: list[Vector]
    #: The lines of the values the reader placed (the rows' and the 总计 column's).
    lines: frozenset[int]

    def read_from(self, vec: Vector) -> bool:
        """Do all of ``vec``'s values stand on :attr:`lines` (a vector these rows replace)?"""
        return all(n in self.lines for n in (vec.lines if vec.lines is not None else (vec.line,)))


def _lone_value(info: LineInfo) -> Optional[tuple[LCell, int]]:
    """The line's one number and its line, when it holds nothing else."""
    vals = info.values
    if info.labels or len(vals) != 1 or CELL_KIND(vals[0]) != "num":
        return None
    return vals[0], info.number


def total_apart(infos: Sequence[LineInfo]) -> Optional[TotalApart]:
    """The layout above, when the region begins with it (after its caption); None otherwise."""
    if not _labels_first(infos):
        return None  # (nearly every table: values, or a header naming no row, come first)
    # (The region's first lines only: a region's lines are read when asked for, and a
    # table printed many times over holds thousands.)
    lines = list(itertools.islice((i for i in infos if not (i.blank or i.footer or i.md_rule)), _MOST_LINES))
    at = 0
    # The caption and the rows' labels, each row label on a line of its own.
    rows: list[tuple[str, LabelAt]] = []
    while at < len(lines) and not lines[at].values:
        info = lines[at]
        keys = [row_named(c.text) for c in info.labels]
        if len(keys) == 1 and keys[0] is not None and keys[0].startswith("R"):
            rows.append((keys[0], (info.labels[0], info.number)))
        elif rows:
            break
        at += 1
    if not rows:
        return None
    header: list[str] = []
    while at < len(lines) and not lines[at].values:
        header.append("".join(L.normalise(c.text) for c in lines[at].labels))
        at += 1
    text = "".join(header)
    columns = L.t3_columns_in(text)
    if "C7" in columns or columns != tuple(f"C{k}" for k in range(1, 7)):
        return None  # (a header naming 总计, or not every other column: not this layout)
    subtotal = subtotal_column(text + "总计")
    width = 7 if subtotal is not None else 6
    k = len(rows)
    stream = _values_run(lines, at, k * width)
    if stream is None:
        return None
    at += k * width
    if at >= len(lines) or lines[at].values or \
            "".join(L.normalise(c.text) for c in lines[at].labels) not in _TOTAL_WORDS:
        return None
    totals = _values_run(lines, at + 1, k)
    if totals is None or (at + 1 + k < len(lines) and _lone_value(lines[at + 1 + k]) is not None):
        return None
    by_column = [[stream[c * k + r] for c in range(width)] + [totals[r]] for r in range(k)]
    by_row = [list(stream[r * width:(r + 1) * width]) + [totals[r]] for r in range(k)]
    # Column boxes wrote the values column by column; rows only when their identities say so.
    chosen = by_row if _fitting(by_row, subtotal) > _fitting(by_column, subtotal) else by_column
    if not _fitting(chosen, subtotal):
        return None  # (no row adds up so: values of other rows after the word, not its column)
    vectors = [Vector.at_lines(key, [c for c, _ in cells], cells[0][1], array("i", [n for _, n in cells]),
                               label, "column") for (key, label), cells in zip(rows, chosen)]
    used = frozenset(n for _, n in stream) | frozenset(n for _, n in totals)
    return TotalApart(text + "总计", vectors, used)


def _labels_first(infos: Sequence[LineInfo]) -> bool:
    """Does a row label on a line of its own come before the region's first value?"""
    for info in infos:
        if info.values:
            return False
        if len(info.labels) == 1 and (key := row_named(info.labels[0].text)) is not None and key.startswith("R"):
            return True
    return False


def _values_run(lines: Sequence[LineInfo], at: int, n: int) -> Optional[list[tuple[LCell, int]]]:
    """The ``n`` values one a line from ``lines[at]``, or None when fewer stand there."""
    if at + n > len(lines):
        return None
    run = [_lone_value(info) for info in lines[at:at + n]]
    return None if any(c is None for c in run) else run  # type: ignore[return-value]


def _fitting(rows: Sequence[Sequence[tuple[LCell, int]]], subtotal: Optional[int]) -> int:
    """How many rows the table's identities confirm (the 小计 the five legal-person
    columns' sum, the 总计 自然人 plus it; without a 小计, the 总计 the six columns' sum)."""
    cells = [[c for c, _ in row] for row in rows]
    if subtotal is not None:
        return sum(1 for row in cells if subtotal_fits(row, subtotal))
    return sum(1 for row in cells if sum(c.value for c in row[:6]) == row[6].value)
