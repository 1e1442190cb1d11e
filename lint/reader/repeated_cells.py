"""Layout "merged cells repeated": a converter's table whose merged cells repeat their text.

PDF-to-markdown tools (docling and its kin) write a cell merged across several columns as
that many cells of the same text: table 二's one-value row under a header merged over its
three columns is printed 「| 行政许可 | 39 | 39 | 39 |」 under 「| 信息内容 | 本年处理决定数量 |
本年处理决定数量 | 本年处理决定数量 |」. The header shows the merge: where it repeats one
column word over consecutive cells and the row repeats one value under them, that is one
cell. A value that differs under a repeated word, or a header that does not cover the row's
values one for one, is no merge: the row is left as it was read.
"""
from __future__ import annotations

from itertools import groupby
from typing import Optional, Sequence

from ..model import Label
from .cells import LCell


def merged_values(header: Sequence[Label], row_line: int, vals: Sequence[LCell], width: int) -> Optional[list[LCell]]:
    """The row's values with each merge's repeats read once, when the header line nearest
    above the row (``header``: the table's column words) repeats its words over exactly
    the row's cells, each repeat under the same value, and the merges leave ``width``
    values; else None."""
    above = [c for c in header if c.span.line < row_line]
    if not above or len(vals) <= width:
        return None
    line = max(c.span.line for c in above)
    words = [c.text.strip() for c in sorted(above, key=lambda c: c.span.column) if c.span.line == line]
    if len(words) != len(vals) or len(set(words)) == len(words):
        return None
    out, at = [], 0
    for _word, run in groupby(words):
        n = len(list(run))
        if len({c.text for c in vals[at:at + n]}) != 1:
            return None
        out.append(vals[at])
        at += n
    return out if len(out) == width else None
