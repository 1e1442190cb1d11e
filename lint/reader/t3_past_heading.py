"""Layout "values past the heading": table 三's values set after section 四's heading.

pdfminer.six's text of a ruled grid whose columns are text boxes (reportlab's) writes the
box of table 三's row labels, then section 四's heading, then the value columns' boxes,
one value a line, then table 四's header words and values::

    （一）予以公开
    …
    四、结转下年度继续办理
    四、政府信息公开行政复议、行政诉讼情况
    2
    0
    …                  (23 rows' values, column by column)
    行政复议

Read within its region, table 三 has its labels and no values. The lines of values alone
between section 四's heading and table 四's first words are read with table 三's region
too; that reading is kept only when it reads every row and every identity of the table
holds (each row's total, each column's results and balance): the order of a column
stream is the page's boxes', which the identities alone can vouch for. Otherwise the
table is read within its region, as before.
"""
from __future__ import annotations

from array import array
from typing import Optional, Sequence

from .. import format as F
from ..model import Table3
from .cells import LineInfo

#: The fewest values past the heading that can be a row of table 三.
_A_ROW = 7


def value_lines(infos: Sequence[LineInfo], t3_lines: range, heading: Optional[int],
                t4_anchor: Optional[int]) -> Optional[array]:
    """The region's lines and, after them, the lines of values alone between section 四's
    ``heading`` (where the region ends) and table 四's anchor; None when there are none."""
    if not t3_lines or heading is None or t4_anchor is None or t3_lines[-1] + 1 != heading \
            or t4_anchor <= heading + 1:
        return None
    past: list[int] = []
    count = 0
    for n in range(heading + 1, t4_anchor):
        info = infos[n - 1]
        if info.blank or info.footer:
            continue
        vals = info.values
        if info.labels or not vals or any(c.kind != "num" for c in vals):
            return None
        past.append(n)
        count += len(vals)
    if count < _A_ROW:
        return None
    return array("i", [*t3_lines, *past])


def confirmed(t3: Optional[Table3]) -> bool:
    """Does the table read every row of the format, and does every identity hold?"""
    if t3 is None:
        return False
    values = {}
    for key in F.T3_2021.row_keys:
        row = t3.rows.get(key)
        if row is None or not all(isinstance(c.value, int) for c in row.cells):
            return False
        values.update(((key, col), c.value) for col, c in zip(F.T3_2021.column_keys, row.cells))
    for identity in F.t3_identities():
        sums = F.evaluate(identity, values)
        if sums is None or not sums.holds:
            return False
    return True
