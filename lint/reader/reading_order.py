"""Layout "reading order": a table's values in the page's reading order, row by row, its
labels broken into pieces that name no row.

``pdftotext`` without ``-layout`` gives a ruled table's cells in the order the page's
text flows: the values of each row in turn, one a line, while the label column, wrapped
every two or three characters in a narrow cell (「（三」 / 「1.属」 / 「）不」 / 「于国」),
comes as runs of pieces between runs of values; the first row's values are mixed with
the header's words. No label can be matched, so the rows are placed by order alone, and
only where the text itself confirms it: the values run row by row from the table's first
row, each run of values between two runs of pieces ends where a row ends (the label
pieces of the next rows begin there), and every row read adds up to its 总计. Where a run
ends inside a row (a page turned, a cell printed empty, the last rows' columns sent
elsewhere), the rows from there on are not read: their values are left over, never
guessed.

Bad (rows read by order from a stream that does not end on a row's end)::

    一、本年新收政府信息  2  0  0  0  法律服务机构  0 … (values of rows 1-6)
    （三 / 1.属 / ）不 / 于国 …                       (pieces of the next labels)
    0 0 0 … (34 values: two rows lack their 总计)

Good (each run of values ends on a row's end, every row's 总计 holds)::

    2 / 0 / 0 / 0 / 法律服务机构 / 0 / 其他 / 0 / 2 / 0 … (6 rows: 42 values)
    （三 / 1.属 / ）不 / 于国 …
    0 / 0 … (8 rows: 56 values)
"""
from __future__ import annotations

from typing import Optional, Sequence

from .cells import LCell, LineInfo
from .vectors import Vector

#: The fewest rows a reading by order must confirm (one run of whole rows past the first).
_MIN_ROWS = 2


def value_runs(infos: Sequence[LineInfo]) -> Optional[list[list[LCell]]]:
    """The region's numbers in reading order, in runs cut by lines of words; None when a
    line mixes words and numbers or holds anything but whole numbers (its reading is not
    a stream of cells)."""
    runs: list[list[LCell]] = [[]]
    for info in infos:
        if info.blank or info.footer or info.md_rule or info.separated:
            if info.separated:
                return None  # pipes or tabs: cells the line itself cuts
            continue
        values = info.placed_values
        if info.labels:
            if values:
                return None
            if runs[-1]:
                runs.append([])
            continue
        for c in values:
            if c.kind != "num" or c.fused or c.unit or not isinstance(c.value, int):
                return None
        runs[-1].extend(values)
    return [r for r in runs if r]


def rows_in_reading_order(infos: Sequence[LineInfo], order: Sequence[str], width: int
                          ) -> Optional[tuple[list[Vector], list[LCell]]]:
    """The rows a table's values give in reading order (see the module's docstring), each
    on its row of ``order``, and the values after the last row confirmed (left over).

    A few values before the first row (fewer than a row: another table's last column,
    which the page's order may put among this table's header words) may be no part of
    it: the reading may begin after each such run, and is taken only when exactly one
    beginning is confirmed. None when no beginning, or more than one, is."""
    runs = value_runs(infos)
    if not runs:
        return None
    readings = []
    skipped = 0
    for first in range(len(runs)):
        reading = _rows_from(runs[first:], order, width)
        if reading is not None:
            readings.append(reading)
        skipped += len(runs[first])
        if skipped >= width:
            break
    return readings[0] if len(readings) == 1 else None


def _rows_from(runs: Sequence[Sequence[LCell]], order: Sequence[str], width: int
               ) -> Optional[tuple[list[Vector], list[LCell]]]:
    """The rows confirmed when the table's values begin with ``runs[0]``."""
    cells = [c for run in runs for c in run]
    end = taken = 0  # the values taken: whole rows, up to the last run that ends a row
    for run in runs:
        taken += len(run)
        if taken < width:
            continue  # the first row's values among the header's words
        if taken % width:
            break
        end = taken
    rows = min(end // width, len(order))
    if rows < _MIN_ROWS:
        return None
    vectors = []
    for r in range(rows):
        values = cells[r * width:(r + 1) * width]
        if sum(c.value for c in values[:-1]) != values[-1].value:
            return None  # a row that does not add up: the order is not confirmed
        vectors.append(Vector(order[r], values, values[0].line, None, "reading-order"))
    return vectors, cells[rows * width:]
