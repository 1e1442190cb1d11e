"""Table 四's numbers wrapped in narrow cells: the pieces a text tool writes of a number
too wide for its cell ("17" over "8" for 178), joined where exactly one way makes every
block's total the sum of its results (the identities decide, never the order alone).
Used by :func:`gplint.reader.t4.build_t4`.
"""
from __future__ import annotations

import itertools
from typing import Optional, Sequence

from ..model import T4_COLS
from .cells import LCell


def blocks_add_up(values: Sequence[LCell]) -> bool:
    """Whether fifteen numbers in table 四's order make each block's total (its fifth
    value) the sum of its four results."""
    width = len(T4_COLS)
    return all(sum(v.value for v in values[k:k + width - 1]) == values[k + width - 1].value
               for k in range(0, len(values), width))


#: The most numbers a narrow column may have wrapped in table 四 (each joins two values).
_MOST_WRAPPED = 3


def wrapped_numbers(values: Sequence[LCell], texts: dict[int, str]) -> Optional[list[LCell]]:
    """Table 四's values, more than fifteen, read as numbers a narrow cell wrapped ("17"
    over "8" is 178, one a line or inside one cell of a pipe row: "| 17<br>8 |"): the one
    way of joining values with the next that leaves fifteen and makes every block's total
    the sum of its results; None when there is none or more than one (the identities
    decide, never the order alone)."""
    joins = len(values) - 15
    if not 0 < joins <= _MOST_WRAPPED:
        return None
    joinable = [i for i in range(len(values) - 1) if _one_cell(values[i], values[i + 1], texts)
                and not values[i].text.startswith("0")]
    found = None
    for at in itertools.combinations(joinable, joins):
        if any(b - a < 2 for a, b in zip(at, at[1:])):
            continue
        joined = _joined(values, at)
        if joined is None or not blocks_add_up(joined):
            continue
        if found is not None:
            return None
        found = joined
    return found


def tails_below(values: Sequence[LCell], tails: Sequence[LCell]) -> Optional[list[LCell]]:
    """Fifteen values on a line and, on the line below, the wrapped ends of some of them
    (a text tool that writes each line of a row's cells: 「72 64 17 37 35 … 20」 / 「8 1」,
    178 and 351 wrapped in narrow cells): the one way of writing each end after one of the
    values, in their order, that makes every block's total the sum of its results; None
    when there is none or more than one."""
    if len(values) != 15 or not 0 < len(tails) <= _MOST_WRAPPED or len({c.line for c in tails}) != 1 \
            or any(not isinstance(c.value, int) for c in (*values, *tails)):
        return None
    found = None
    for at in itertools.combinations(range(15), len(tails)):
        joined = list(values)
        for i, tail in zip(at, tails):
            head = values[i]
            if head.text.startswith("0"):
                break
            text = head.text + tail.text
            joined[i] = LCell("num", text, head.line, head.column, head.end_column, int(text))
        else:
            if blocks_add_up(joined):
                if found is not None:
                    return None
                found = joined
    return found


def _one_cell(first: LCell, then: LCell, texts: dict[int, str]) -> bool:
    """Whether two values may be the pieces of one wrapped number: the first ending its
    line (alone there, or after the values before it: a text tool that writes a row's
    cells on one line and a narrow cell's wrapped tail on the next), the second alone on
    the next line; or in one cell of a row cut by pipes or tabs."""
    if first.line != then.line:
        return (then.line == first.line + 1 and texts.get(then.line, "").strip() == then.text
                and not texts.get(first.line, "")[first.end_column - 1:].strip())
    text = texts.get(first.line, "")
    between = text[first.end_column - 1:then.column - 1]
    return ("|" in text or "\t" in text) and "|" not in between and "\t" not in between


def _joined(values: Sequence[LCell], at: Sequence[int]) -> Optional[list[LCell]]:
    """``values`` with each value at ``at`` joined to the next (None if a piece is not a
    whole number)."""
    out: list[LCell] = []
    skip = False
    for i, c in enumerate(values):
        if skip:
            skip = False
            continue
        if not isinstance(c.value, int):
            return None
        if i in at:
            tail = values[i + 1]
            if not isinstance(tail.value, int):
                return None
            text = c.text + tail.text
            c = LCell("num", text, c.line, c.column, c.end_column, int(text))
            skip = True
        out.append(c)
    return out
