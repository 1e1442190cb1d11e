"""Layout "tail, then the next label": the last values of a row whose first values stand
one a line under its label, joined on one line with the next row's label after them (a
PDF-to-markdown tool joins a cell's last line with the label beside the next row), or on a
line of their own::

    （七）总计
    33
    2 0 0 0 0 35 四、结转下年度继续办理      (the tail of （七）总计, then the next label)
    1
    …

Read so only when the values complete the row above exactly and its total adds up (table
三's identity, its one width of seven): else the line is a row as written (values first,
then the label, is a layout of its own: :mod:`.region`'s "row").
"""
from __future__ import annotations

from typing import Sequence

from .cells import LCell, LineInfo
from .cell_shapes import without_bullet

#: Table 三's width: six applicant columns and the 总计.
_WIDTH = 7


def completes_row(stream: Sequence[LCell], info: LineInfo) -> bool:
    """Do ``info``'s values, standing before any label on the line, complete the row whose
    values ``stream`` began (one a line) to seven that add up?"""
    labs, vals = info.labels, without_bullet(info.values)
    if info.separated or len(stream) + len(vals) != _WIDTH:
        return False
    if labs and max(c.column for c in vals) > min(c.column for c in labs):
        return False  # (a label before its values: the row as written)
    cells = [*stream, *vals]
    if any(c.kind != "num" or c.fused or not isinstance(c.value, int) for c in cells):
        return False
    return sum(c.value for c in cells[:_WIDTH - 1]) == cells[_WIDTH - 1].value
