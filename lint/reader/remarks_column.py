"""Layout "remarks column": a table closed by a 备注 column the format does not have.

Offices add a last column headed 备注 (or 说明) to tables 二 and 三 and fill it in a few
rows: empty in most, 「无」 in some, a phrase in others (「含依申请转主动公开」). Read as a
row's cells, its 无 is one value too many and its phrase a stray label after the values.
The header names the column: in a table cut into cells (tabs, pipes), each row under a
header line whose last cell is such a word has that column as its last cell, which is set
aside before the table is read. A row with fewer cells than its header (the remark left
off) is left as printed. Rows cut only by blanks are not changed: there a remark cannot be
told from a label by its place.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .. import labels as L
from .cells import LineInfo

#: Header words of a remarks column.
REMARK_WORDS = frozenset({"备注", "说明", "备注说明", "附注", "注"})


def _remarks_header(info: LineInfo) -> bool:
    cells = info.cells
    return (info.separated and len(cells) >= 2 and cells[-1].kind == "label"
            and L.normalise(cells[-1].text) in REMARK_WORDS)


def without_remarks(infos: Sequence[LineInfo]) -> Sequence[LineInfo]:
    """``infos`` with the remarks column of each separated row under a remarks header set
    aside (the header's own cell too); ``infos`` itself when no header names one."""
    if not any(_remarks_header(i) for i in infos if i.separated):
        return infos
    out: list[LineInfo] = []
    width = 0  # cells of the nearest remarks header above (0: none yet)
    for info in infos:
        if _remarks_header(info):
            width = len(info.cells)
        elif not info.separated or not width or len(info.cells) < width:
            out.append(info)
            continue
        elif not any(c.kind == "num" for c in info.cells):
            width = 0  # a header line as wide as the table's naming no remarks: another table
            out.append(info)
            continue
        out.append(replace(info, cells=list(info.cells[:-1]), labels=None, values=None))
    return out
