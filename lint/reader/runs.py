"""Digit runs: a row's cells run together, cut back into cells by the format's identities.

A crawled web page, a PDF that lost its column gaps or a careless copy prints a table row
as one string of digits: ``一、本年新收政府信息公开申请数量2000002`` is 2|0|0|0|0|0|2, and
``（一）予以公开 121000013`` is 12|1|0|0|0|0|13. Stray spaces inside such a run are no cell
boundaries (``20 0 0 0 02``, the non-breaking spaces of a web page), and a run may be one
digit short where the page left a cell empty (``0 00000`` for seven cells).

This module decides when a row's cells are such a run (:func:`run_digits`) and lists the
cuts a run allows (:func:`splits`, :func:`t4_splits`); :mod:`.t3_runs` lists table 三's
and chooses between them for a whole table at once (:func:`.t3_runs.resolve_t3`): the
chosen cut is the one that
satisfies the most identities of the format (row totals, SUM-RESULTS and BALANCE per
column). A row is read only when every best choice cuts it the same way; otherwise it is
reported as ambiguous and left unread, never guessed. Every enumeration is bounded, so a
pathological run costs a bounded time and is reported as ambiguous.

Complexity: a run longer than its cells can hold (``cells × MAX_CELL_DIGITS`` digits) is
refused before any enumeration, in time linear in its length; a shorter one is cut by a
depth-first search of at most ``MAX_CELL_DIGITS ** cells`` nodes (7 cells: a constant),
stopped after ``limit`` cuts (:data:`MAX_SPLITS`) or, for table 四, a step budget; and
:func:`resolve_t3` scores at most :data:`MAX_COMBINATIONS` combinations. So a row's run
costs O(length) plus a constant, whatever its length (a 10,000-digit run: milliseconds;
tests/robustness/test_bounded.py).
"""
from __future__ import annotations

import unicodedata
from typing import Optional, Sequence

from .. import format as F
from .cells import LCell

#: The longest number a cell of a run is cut into (a count of 999,999 at most): real
#: tables never print more in one cell, and the bound keeps every enumeration small.
MAX_CELL_DIGITS = 6
#: How many cuts of one run are listed before the run is called unreadable.
MAX_SPLITS = 5000
#: How many combinations of ambiguous rows :func:`resolve_t3` scores at most.
MAX_COMBINATIONS = 20000
#: Spaces a web page leaves inside a run (ordinary, full-width, non-breaking).
_RUN_SPACES = " \u3000\u00a0\u2002\u2003\u2009\u202f"

Values = tuple[Optional[int], ...]


def digits_of(cell: LCell) -> Optional[str]:
    """The ASCII digits a number cell is written with, or None for anything else."""
    if cell.kind != "num":
        return None
    text = unicodedata.normalize("NFKC", cell.text)
    for space in _RUN_SPACES:
        text = text.replace(space, "")
    return text if text.isdigit() and text.isascii() else None


def run_digits(cells: Sequence[LCell], width: int, long_cell: Optional[int] = MAX_CELL_DIGITS,
               lone_run: bool = False) -> Optional[str]:
    """The digits of a row whose ``width`` cells ran together, or None when its cells are
    to be read as they stand.

    A row is a run when all of these hold:

    * every cell is a number written in plain digits (no decimal point, sign or comma), and
      there are fewer cells than the row has columns;
    * the digits together fill the row (``width`` of them at least), or fill it but one
      (a cell the page left empty);
    * something shows the cells ran together: a number written against its label with
      nothing between (``fused``), a number of several digits starting with 0 (``02``,
      ``00000``: no count is written so), or a number of ``long_cell`` digits or more
      (a cell of these tables that counts a hundred thousand is far rarer than a run;
      None: not a sign for this table), or,
      with ``lone_run``, a row's one number with a digit for each of its cells (table 二's
      "规章 810132": a count alone under three columns is rarer than a run).
    """
    if not cells or len(cells) >= width:
        return None
    parts = []
    for cell in cells:
        digits = digits_of(cell)
        if digits is None:
            return None
        parts.append(digits)
    run = "".join(parts)
    if len(run) < width - 1:
        return None
    ran_together = any(c.fused for c in cells) or any(len(p) > 1 and p[0] == "0" for p in parts) \
        or (lone_run and len(parts) == 1 and len(run) >= width)
    if not ran_together and long_cell is not None:
        ran_together = any(len(p) >= long_cell for p in parts)
    return run if ran_together else None


def lost_boundaries(cells: Sequence[LCell], width: int) -> Optional[str]:
    """The digits of a row of several plain numbers, fewer than its columns but enough
    digits to fill them ("2168 0 0 0 0 2189" for seven cells): some cell boundaries may be
    lost. Whether they were is the solver's to say (a cut of all seven that keeps the row
    total); without one the row is read as printed."""
    if not 2 <= len(cells) < width:
        return None
    parts = [digits_of(c) for c in cells]
    if any(p is None for p in parts):
        return None
    run = "".join(parts)  # type: ignore[arg-type]
    return run if len(run) >= width else None


def splits(digits: str, parts: int, limit: int = MAX_SPLITS) -> list[Values]:
    """Every cut of ``digits`` into ``parts`` numbers without leading zeros and of at most
    :data:`MAX_CELL_DIGITS` digits. A run one digit short of ``parts`` single digits is
    cut with one empty cell (None) in each place it could be. An empty list when there is
    no cut, or more than ``limit`` (the caller treats both as unreadable)."""
    n = len(digits)
    if n == parts - 1:
        return [tuple(int(d) for d in digits[:k]) + (None,) + tuple(int(d) for d in digits[k:])
                for k in range(parts)]
    if not parts or n < parts or n > parts * MAX_CELL_DIGITS:
        return []
    out: list[Values] = []

    def cut(pos: int, left: int, acc: tuple[int, ...]) -> bool:
        """Extend ``acc``; False once there are more than ``limit`` cuts."""
        if left == 1:
            piece = digits[pos:]
            if len(piece) <= MAX_CELL_DIGITS and (piece == "0" or piece[0] != "0"):
                out.append(acc + (int(piece),))
            return len(out) <= limit
        if digits[pos] == "0":
            return cut(pos + 1, left - 1, acc + (0,))
        # Leave at least one digit for each cell still to come.
        for end in range(pos + 1, min(n - left + 1, pos + MAX_CELL_DIGITS) + 1):
            if not cut(end, left - 1, acc + (int(digits[pos:end]),)):
                return False
        return True

    return out if cut(0, parts, ()) else []


def t4_splits(digits: str, limit: int = 200, free_block: bool = False) -> list[Values]:
    """Cuts of table 四's 15 cells run together, each block's 总计 the sum of its four cells
    (``free_block``: exactly one block may break its total, whatever number follows its
    four cells being read as that total). An empty list when there are more than ``limit``."""
    out: list[Values] = []
    n = len(digits)
    if free_block:
        limit = 2000
    if not 15 <= n <= 15 * MAX_CELL_DIGITS:
        return out
    # The search stops after this many steps whatever it has found (the run is then called
    # unreadable): the number of results alone does not bound the work when none is found.
    budget = [MAX_SPLITS * 20]

    def numbers_at(p: int):
        """The numbers the run may hold from ``p`` on (no leading zero), with their ends."""
        if p < n and digits[p] == "0":
            yield 0, p + 1
            return
        for end in range(p + 1, min(n, p + MAX_CELL_DIGITS) + 1):
            yield int(digits[p:end]), end

    def block(pos: int, done: int, acc: tuple[int, ...], broken: bool) -> None:
        budget[0] -= 1
        if len(out) > limit or budget[0] < 0:
            return
        # Each block left needs 5 cells of 1 to MAX_CELL_DIGITS digits.
        left = (3 - done) * 5
        if not left <= n - pos <= left * MAX_CELL_DIGITS:
            return
        if done == 3:
            if pos == n and (broken or not free_block):
                out.append(acc)
            return
        for cells, p in four_cells(pos):
            budget[0] -= 1
            if budget[0] < 0:
                return
            total = str(sum(cells))
            if digits.startswith(total, p):
                block(p + len(total), done + 1, acc + cells + (sum(cells),), broken)
            if free_block and not broken:
                for value, end in numbers_at(p):
                    if str(value) != total:
                        block(end, done + 1, acc + cells + (value,), True)

    def four_cells(pos: int):
        stack = [(pos, ())]
        while stack:
            p, cells = stack.pop()
            if len(cells) == 4:
                yield cells, p
                continue
            for value, end in numbers_at(p):
                stack.append((end, cells + (value,)))

    block(0, 0, (), False)
    return out if len(out) <= limit and budget[0] >= 0 else []


def keeps_boundaries(values: Values, boundaries: frozenset[int]) -> bool:
    """Whether a cut ends a cell at each of ``boundaries`` (offsets into the run where a
    printed cell ended): a cut may add boundaries a page lost, never remove one it printed."""
    at, ends = 0, set()
    for v in values:
        if v is not None:
            at += len(str(v))
        ends.add(at)
    return boundaries <= ends


def run_cells(cells: Sequence[LCell], values: Sequence[Optional[int]]) -> list[LCell]:
    """The cells of a run cut into ``values``, each at its own digits' true columns (a
    None value is an empty cell, placed where the digits around it meet)."""
    positions: list[tuple[int, int]] = []  # (line, column) of each digit, in order
    for cell in cells:
        for offset, ch in enumerate(cell.text):
            if ch.isdigit():
                positions.append((cell.line, cell.column + offset))
    out: list[LCell] = []
    at = 0
    for value in values:
        if value is None:
            line, column = positions[min(at, len(positions) - 1)] if positions else (cells[0].line, cells[0].column)
            out.append(LCell("blank", "", line, column, column))
            continue
        width = len(str(value))
        line, column = positions[at]
        end_line, end_column = positions[at + width - 1]
        out.append(LCell("num", str(value), line, column, end_column + 1, value))
        at += width
    return out

