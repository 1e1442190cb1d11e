"""Table 三 rows short of one value with no empty cell shown: which cell was lost, as the
table's identities tell.

A row cut by tabs or pipes that carries six values and no empty cell lost one of its
seven somewhere. The reader places the six first and leaves 总计 out: right for a clerk's
rows that leave out their 总计 (LibreOffice's text of a Word table whose 总计 cells were
left empty), wrong where OCR lost a lone "1" or "0" (PP-OCR: ``3.危\t0\t0\t0\t0\t0\t1`` for
1 0 0 0 0 0 1). Placed first, the values under the wrong columns break the column sums
(A102) and the balance (A103) of a table the report prints right.

So, when the rows as placed break a column identity: every place of the lost cell is
tried in every short row (the lost value taken as what the row total asks), and the one
way of placing them under which every column identity that can be checked holds is
taken (where the lost cell stood among equal ones, as in a row of zeros, stays as read).
The lost cell stays unread (no value is made up): the identities it takes part in
are not assessed, and the row still says it carried six values (T103). A table whose
identities no way makes hold (a clerk's slip) keeps the first placing and its findings.
"""
from __future__ import annotations

import dataclasses
import itertools
from decimal import Decimal
from typing import Mapping, Optional, Sequence

from .. import format as F
from ..model import ABSENT, Cell, Row
from .cells import CELL_KIND
from .vectors import Vector

#: How many short rows are tried together at most (seven places each).
MOST_SHORT_ROWS = 3
_WIDTH = len(F.T3_2021.column_keys)
_COLUMNS = F.T3_2021.column_keys
#: SUM-RESULTS and BALANCE: the identities down the columns (ROW-TOTAL holds in a row whose
#: lost value the row total gave).
_COLUMN_IDENTITIES = tuple(i for i in F.t3_identities() if i.kind in ("SUM-RESULTS", "BALANCE"))


def place_in_short_rows(rows: dict[str, Row], placed: Mapping[str, Vector]) -> None:
    """Rows read from separated lines (``placed``: their vectors) with six values, all
    numbers, and no 总计 placed: each lost cell put where the identities say, in ``rows``."""
    short = [key for key, vec in placed.items() if key in rows and vec.separated and len(vec.cells) == 6
             and rows[key].cells[6] is ABSENT and all(CELL_KIND(c) == "num" for c in vec.cells)]
    for key, cells in place_lost_cells(rows, short).items():
        rows[key] = dataclasses.replace(rows[key], cells=cells)


#: Rows short of values, by different counts, from which cells were lost here and there.
_LOST_AT_RANDOM_MIN = 3


def totals_of_rows_lost_at_random(rows: dict[str, Row], placed: Mapping[str, Vector]) -> None:
    """Where three rows or more come short of values by different counts with no empty
    cell written (an OCR engine that drops many a lone "0": ``5\t0\t0\t0\t0\t5`` for
    5 0 0 0 0 0 5), a short row whose last value is the sum of the others (one of them not
    0) has its 总计 last: that value goes to 总计, not to the column after the others.
    Which of the others' cells were lost stays unknown (they stay in the first columns,
    as read; the confidence keeps every check off them). A clerk's rows that leave out
    the same cell (every 总计) are short by one count: not this family; nor is a table
    none of whose rows carries seven values (its header and rows may leave 总计 out)."""
    if not any(len(vec.cells) == _WIDTH for vec in placed.values()):
        return
    short = {key: vec for key, vec in placed.items() if key in rows and 2 <= len(vec.cells) < _WIDTH
             and all(CELL_KIND(c) == "num" for c in vec.cells) and rows[key].cells[_WIDTH - 1] is ABSENT}
    if len(short) < _LOST_AT_RANDOM_MIN or len({len(vec.cells) for vec in short.values()}) < 2:
        return
    for key, vec in short.items():
        cells = list(rows[key].cells)
        n = len(vec.cells)
        nums = [c.value for c in cells[:n]]
        if any(c is ABSENT for c in cells[:n]) or not all(isinstance(v, int) for v in nums) \
                or not any(nums[:-1]) or sum(nums[:-1]) != nums[-1]:  # type: ignore[arg-type]
            continue
        cells[_WIDTH - 1], cells[n - 1] = cells[n - 1], ABSENT
        rows[key] = dataclasses.replace(rows[key], cells=tuple(cells))


def place_lost_cells(rows: dict[str, Row], short: Sequence[str]) -> dict[str, tuple[Cell, ...]]:
    """For the rows ``short`` (six values, the lost seventh not shown), their cells with
    the lost one where the identities put it; {} to keep the placing as read."""
    if not short or len(short) > MOST_SHORT_ROWS:
        return {}
    values = {(key, c): cell.value for key, row in rows.items() for c, cell in zip(_COLUMNS, row.cells)}
    first_broken, _ = _check(values)
    if not first_broken:
        return {}
    written = {key: rows[key].cells[:_WIDTH - 1] for key in short}
    ways = [[(gap, row) for gap in range(_WIDTH) if (row := _filled(written[key], gap)) is not None]
            for key in short]
    fitting = []
    for choice in itertools.product(*ways):
        trial = dict(values)
        for key, (_gap, row) in zip(short, choice):
            trial.update(((key, c), v) for c, v in zip(_COLUMNS, row))
        broken, held = _check(trial)
        if not broken and held:
            fitting.append(choice)
    # Ways that differ only in where a row's lost cell stood among cells of one value (a
    # row of zeros) read the same; ways that read different values leave it unknown.
    if len({tuple(tuple(row) for _gap, row in choice) for choice in fitting}) != 1:
        return {}
    placed = {}
    for i, key in enumerate(short):
        gaps = {choice[i][0] for choice in fitting}
        gap = _WIDTH - 1 if _WIDTH - 1 in gaps else min(gaps)
        if gap == _WIDTH - 1:
            continue  # (as read)
        cells = list(written[key])
        cells.insert(gap, ABSENT)
        placed[key] = tuple(cells)
    return placed


def _filled(six: Sequence[Cell], gap: int) -> Optional[list]:
    """The row's seven values with the lost one at ``gap``, as the row total asks (the
    total itself when it was lost); None when no whole count fits there."""
    nums = [c.value for c in six]
    if not all(isinstance(v, (int, Decimal)) for v in nums):
        return None
    if gap == _WIDTH - 1:
        return [*nums, sum(nums)]
    lost = nums[-1] - sum(nums[:-1])
    if lost < 0:
        return None
    return [*nums[:gap], lost, *nums[gap:]]


def _check(values: dict) -> tuple[int, int]:
    """How many column identities are broken and how many hold (those with an operand
    not known are not counted)."""
    broken = held = 0
    for ident in _COLUMN_IDENTITIES:
        left = [values.get(k) for k in ident.left]
        right = [values.get(k) for k in ident.right]
        if any(v is None for v in left) or any(v is None for v in right):
            continue
        if sum(left) == sum(right):
            held += 1
        else:
            broken += 1
    return broken, held
