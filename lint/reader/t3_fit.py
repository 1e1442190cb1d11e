"""Table 三 rows with one value more or fewer than the header's columns: which reading
the row's own identities allow (a row total; a 小计 column's sum of the five legal-person
columns). Used by :func:`gplint.reader.t3.build_t3` for a row of eight values (an intruder
to drop, or a subtotal column to set aside) and for seven values under eight columns."""
from __future__ import annotations

from decimal import Decimal
from typing import Optional, Sequence

from .cells import LCell


def short_of_subtotal(vals: Sequence[LCell], subtotal: int
                       ) -> Optional[tuple[list[Optional[LCell]], Optional[LCell]]]:
    """Seven values under a header of eight columns, a 小计 at ``subtotal``: the one place
    of the cell left out where the row total and the subtotal (the five legal-person
    columns' sum) both hold, as (the seven columns, the subtotal cell); None when the
    identities allow several places (a row of zeros allows all eight)."""
    fits = []
    for gap in range(8):
        cells: list[Optional[LCell]] = [*vals[:gap], None, *vals[gap:]]
        sub = cells.pop(subtotal)
        nums = [c.value if c is not None else None for c in cells]
        if sub is not None and None not in nums[1:6] and sum(nums[1:6]) != sub.value:
            continue
        if nums[6] is not None and None not in nums[:6] and sum(nums[:6]) != nums[6]:
            continue
        fits.append((cells, sub))
    return fits[0] if len(fits) == 1 else None


def choose_drop(vals: Sequence[LCell], prefer: Optional[int] = None) -> int:
    """Which of 8 values is the intruder: the one whose removal makes the row add up
    (``prefer``: the position the header gives a subtotal column, when that fits too; a
    subtotal is a value written, never an empty cell, e.g. the row's blank 总计)."""
    fits = []
    for i in range(8):
        rest = [c.value for j, c in enumerate(vals) if j != i]
        if all(isinstance(x, (int, Decimal)) for x in rest) and sum(rest[:6]) == rest[6]:
            if prefer is None or isinstance(vals[i].value, (int, Decimal)):
                fits.append(i)
    if prefer is not None and (prefer in fits or not fits):
        return prefer
    return fits[0] if fits else 0
