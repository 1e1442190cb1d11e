"""Table 三 rows with one value more or fewer than the header's columns: which reading
the row's own identities allow (a row total; a 小计 column's sum of the five legal-person
columns). Used by :func:`gplint.reader.t3.build_t3` for a row of eight values under seven
columns (an intruder to drop) and for seven values under eight columns (a 小计 column)."""
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


def choose_drop(vals: Sequence[LCell]) -> int:
    """Which of 8 values under seven columns is the intruder: the one whose removal makes
    the row add up (the first such; the first value when none does). Only for a header
    that gives no reason for an eighth value: under a 小计 header the header says which
    value is the subtotal, and a row that does not add up then is a defect to report, not
    a reason to set another value aside."""
    for i in range(8):
        rest = [c.value for j, c in enumerate(vals) if j != i]
        if all(isinstance(x, (int, Decimal)) for x in rest) and sum(rest[:6]) == rest[6]:
            return i
    return 0
