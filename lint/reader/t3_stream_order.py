"""Table 三 read from a PDF's stream of values, where the column identities show rows
misplaced.

pdfminer's text of a browser's print of a CMS table puts each cell in a text box of its
own, in an order of its grouping: a row's values stand one a line after its label, after
the next row's label, or split around it. Rows whose values the text gives on several
lines (a stream) are placed by the labels they follow, which is the right row or the one
beside it: the text alone does not tell. The column identities bound any right placement
even where some rows are unread (counts are never negative): a column's results read so
far never sum to more than its （七）总计, and neither （七）总计 nor 四、结转下年度 exceeds 一 +
二 (新收 + 上年结转). Where the table as read breaks such a bound in a column, the rows
that make the break were misplaced: the total rows and each row of the stream with a
value in that column are left unread, and so is each row of the stream whose seven
values do not add up (an issue says so for each; T190 names the table): cells left
unread, never misread in what ``gplint dump`` exports. Only a table where some row
gathered more values than a row holds is such a stream; a table whose values stand on
their rows' own lines is never touched: there a broken identity is the report's own
error, for the rules to name.
"""
from __future__ import annotations

from typing import Optional

from .. import format as F
from ..model import Cell, Issue, Row, Span
from .cells import to_cells

_T3 = F.T3_2021
_TOTAL, _CARRIED = _T3.total_row, "R25"
_INTAKE = ("R01", "R02")


def _on_several_lines(row: Row) -> bool:
    return len({c.span.line for c in (*row.cells, *row.extra) if c.span is not None}) > 1


def _value(rows: dict[str, Row], key: str, column: int) -> Optional[int]:
    row = rows.get(key)
    v = row.cells[column].value if row is not None and column < len(row.cells) else None
    return v if isinstance(v, int) else None


def _broken_columns(rows: dict[str, Row]) -> tuple[list[int], set[str]]:
    """The columns whose bounds the rows as read break, and the bounding rows concerned."""
    columns: list[int] = []
    bounding: set[str] = set()
    for c in range(len(_T3.column_keys)):
        total = _value(rows, _TOTAL, c)
        parts = [v for k in _T3.leaves if (v := _value(rows, k, c)) is not None]
        intake = [_value(rows, k, c) for k in _INTAKE]
        broken = set()
        if total is not None and sum(parts) > total:
            broken.add(_TOTAL)
        if None not in intake:
            for k in (_TOTAL, _CARRIED):
                v = _value(rows, k, c)
                if v is not None and v > sum(intake):  # type: ignore[arg-type]
                    broken |= {k, *_INTAKE}
        if broken:
            columns.append(c)
            bounding |= broken
    return columns, bounding


def _row_total_broken(row: Row) -> bool:
    """Seven numbers whose 总计 is not the sum of the six others: cells of other rows."""
    nums = [c.value for c in row.cells]
    return len(nums) == 7 and all(isinstance(v, int) for v in nums) and sum(nums[:6]) != nums[6]


def misplaced_rows_unread(rows: dict[str, Row], issues: list[Issue]) -> dict[str, Row]:
    """``rows`` with the rows of a stream that the column bounds show misplaced left
    unread (their values kept as left over), an issue for each."""
    width = len(_T3.column_keys)
    if not any(row.count > width and _on_several_lines(row) for row in rows.values()):
        return rows  # (nearly every table: no row gathered other rows' values)
    stream = {k for k, row in rows.items() if _on_several_lines(row)}
    columns, bounding = _broken_columns(rows)
    unread = {k for k in bounding if k in stream}
    unread |= {k for k in _T3.leaves if k in stream and any(_value(rows, k, c) for c in columns)}
    unread |= {k for k in stream if _row_total_broken(rows[k])}
    if not unread:
        return rows  # (bounds broken by rows on their own lines: the report's own error)
    out = dict(rows)
    for key in sorted(unread):
        row = rows[key]
        left = tuple(c for c in (*row.cells, *row.extra) if c.span is not None)
        out[key] = Row(key, row.label, to_cells([None] * len(row.cells)), row.line, left, row.count, None)
        issues.append(Issue("t3-stream-misplaced", Span(row.line), "t3", key, row.label.text if row.label else "",
                            found=len(left), values=tuple(c.raw for c in left)))
    return out
