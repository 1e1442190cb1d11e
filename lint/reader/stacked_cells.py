"""Layout "rows stacked in pipe cells": a PDF-to-markdown tool (pymupdf4llm) that could not
tell two of table 三's rows apart writes them as one pipe row, each cell holding both rows'
cells one above the other (「|（一）予以公<br>（二）部分公…|开<br>开（区分处理的…|50<br>9|0<br>0|…|50<br>9|」).

Such a row is read as the rows it stacks: the k-th number of every value cell is the k-th
row's, the rows named in the format's order from the row its label names — when every
value cell holds the same number of values, the label holds each of those rows' numbering
in order, no other line gives those rows, and each row's 总计 is then the sum of the six
columns before it (table 三's identity decides; else the row stays as read, and the
confidence's "stacked" flag keeps it out of the checks).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional, Sequence

from .. import labels as L
from .cells import LineInfo
from .vectors import Vector

#: The most rows one pipe row is read to stack.
_MOST_STACKED = 4


def _numbering(key: str) -> str:
    """The numbering the format prints before a row's label ((一), 1., 一、), normalised."""
    label = L.normalise(L.T3_STANDARD_LABELS.get(key, ""))
    return label[:len(label) - len(L.strip_numbering(label))]


def rows_unstacked(vectors: Sequence[Vector], infos: Sequence[LineInfo], order: Sequence[str]) -> list[Vector]:
    """``vectors`` with each row of stacked cells (above) replaced by the rows it stacks."""
    candidates = [v for v in vectors if v.separated and v.lines is None and (v.key is None or v.key in order)
                  and len(v.cells) >= 14 and len(v.cells) % 7 == 0 and len(v.cells) // 7 <= _MOST_STACKED]
    if not candidates:
        return list(vectors)  # (nearly every table)
    by_line = {i.number: i for i in infos if any(v.line == i.number for v in candidates)}
    keyed = {v.key for v in vectors if v.key is not None}
    out: list[Vector] = []
    for n, vec in enumerate(vectors):
        rows = None
        if vec in candidates:
            keys = _stacked_keys(vec, vectors[:n], vectors[n + 1:], order, keyed)
            rows = _unstacked(vec, by_line.get(vec.line), keys) if keys is not None else None
        out.extend(rows if rows is not None else (vec,))
    return out


def _stacked_keys(vec: Vector, before: Sequence[Vector], after: Sequence[Vector], order: Sequence[str],
                  keyed: set[str]) -> Optional[list[str]]:
    """The rows ``vec`` stacks: from the row its label names, or (a label cut into pieces
    that name none) the rows between the rows named before and after it."""
    k = len(vec.cells) // 7
    if vec.key is not None:
        start = order.index(vec.key)
        keys = list(order[start:start + k])
        taken = keyed & set(keys[1:])
    else:
        last = next((v.key for v in reversed(before) if v.key in order), None)
        following = next((v.key for v in after if v.key in order), None)
        start = order.index(last) + 1 if last is not None else 0
        end = order.index(following) if following is not None else len(order)
        keys = list(order[start:end])
        taken = keyed & set(keys)
    if len(keys) != k or taken or not all(key.startswith("R") for key in keys):
        return None
    return keys


def _unstacked(vec: Vector, info: Optional[LineInfo], keys: Sequence[str]) -> Optional[list[Vector]]:
    if info is None:
        return None
    k = len(keys)
    # The label holds the rows' numberings in order ((一) … (二) …).
    label = L.normalise("".join(c.text for c in info.labels))
    at = 0
    for key in keys:
        numbering = _numbering(key)
        found = label.find(numbering, at) if numbering else -1
        if found < 0:
            return None
        at = found + len(numbering)
    # Each value's pipe cell: the pipes before it on the line.
    pipes = [n + 1 for n, ch in enumerate(info.text) if ch in "|｜"]
    cells: dict[int, list] = {}
    for c in vec.cells:
        if c.kind != "num" or c.fused or not isinstance(c.value, int):
            return None
        cells.setdefault(bisect_left(pipes, c.column), []).append(c)
    if len(cells) != 7 or any(len(stack) != k for stack in cells.values()):
        return None
    columns = [cells[n] for n in sorted(cells)]
    rows = [[column[r] for column in columns] for r in range(k)]
    if any(sum(c.value for c in row[:6]) != row[6].value for row in rows):
        return None
    label_at = (vec._label, vec.label_line) if vec._label is not None else None
    return [Vector.at_lines(key, row, vec.line, None, label_at if r == 0 else None, "row", True)
            for r, (key, row) in enumerate(zip(keys, rows))]
