"""Runs of table 二's rows that carry more than digits: a signed 本年增/减 (``264-8430``)
or a closing amount with decimals (``13575394.52``), the 2019 试行 format's rows on a
crawled page. Each side of the sign or point is cut as any run (:func:`.runs.splits`);
table 二 has no identity to choose between cuts, so a row is read only when there is one.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Optional, Sequence

from .cells import SIGNS, LCell
from .runs import Values, digits_of, run_cells, splits


def signed_splits(cells: Sequence[LCell], width: int, change: int) -> Optional[list[Values]]:
    """Cuts of a row of the 2019 table 二 whose cells ran together around a signed 本年增/减
    (``264-8430``: 264|−8|430 or 264|−84|30 or 264|−843|0), or None when the row is no such
    run. The sign is a boundary: the digits before it are the ``change`` cells before the
    change column, the digits after it the change and the cells after it, the first of
    them carrying the sign. Each side is cut as any run (:func:`.runs.splits`); a table 二 has no
    identity to choose between the cuts, so the caller reads the row only when there is one."""
    signed = [k for k, c in enumerate(cells) if c.kind == "num" and c.text[:1] in SIGNS]
    if len(signed) != 1 or not any(c.fused for c in cells):
        return None
    k = signed[0]
    before = [digits_of(c) for c in cells[:k]]
    after = digits_of(_unsigned(cells[k]))
    if not before or None in before or after is None or k + 1 != len(cells):
        return None
    heads = splits("".join(before), change)  # type: ignore[arg-type]
    tails = [t for t in splits(after, width - change) if t[0] is not None]
    negative = cells[k].text[0] in "-－−"
    return [h + (-t[0] if negative else t[0],) + t[1:] for h in heads for t in tails  # type: ignore[operator]
            if None not in h]


def signed_cells(cells: Sequence[LCell], values: Values, change: int) -> list[LCell]:
    """The cells of :func:`signed_splits`' cut ``values`` at their true columns, the change
    cell with its sign."""
    out = run_cells(cells[:-1], values[:change])
    tail = [abs(v) if v is not None else None for v in values[change:]]
    rest = run_cells([_unsigned(cells[-1])], tail)
    first, sign = rest[0], cells[-1].text[0]
    rest[0] = LCell("num", sign + first.text, first.line, first.column - 1, first.end_column, values[change])
    return out + rest


def _unsigned(cell: LCell) -> LCell:
    """A signed number cell without its sign (the digits at their own columns)."""
    return LCell(cell.kind, cell.text[1:], cell.line, cell.column + 1, cell.end_column, cell.value, cell.fused)


def amount_splits(cells: Sequence[LCell], width: int) -> Optional[list[tuple[int, ...]]]:
    """Cuts of a row whose counts ran into a closing amount with decimals (the 2019
    政府集中采购: ``13575394.52`` is 采购项目数量 and 采购总金额 together): the integer
    digits cut into ``width`` parts, the last the amount's integer part. None when the row
    is no such run (one fused cell written with a decimal point)."""
    if len(cells) != 1 or not cells[0].fused or width < 2 or cells[0].kind != "num":
        return None
    head, dot, frac = unicodedata.normalize("NFKC", cells[0].text).partition(".")
    if not dot or not head.isdigit() or not frac.isdigit():
        return None
    return [c for c in splits(head, width) if None not in c]  # type: ignore[misc]


def amount_cells(cell: LCell, values: Sequence[int]) -> list[LCell]:
    """The cells of :func:`amount_splits`' cut ``values`` of ``cell``, the last with the
    amount's decimals."""
    digits = sum(len(str(v)) for v in values[:-1])
    counts = run_cells([LCell("num", cell.text[:digits], cell.line, cell.column, cell.column + digits)], values[:-1])
    text = cell.text[digits:]
    amount = LCell("num", text, cell.line, cell.column + digits, cell.end_column, Decimal(text))
    return counts + [amount]
