"""A column stream's helpers (pdfminer's column-by-column numbers after k row labels):
where its rows' values stand, which column is the 总计, and how many rows a reading
confirms (the row total, C7 = C1 + … + C6, picks a stream's orientation), and the layout
"column stream" (whole rows column by column, placed in the format's order), k labels
then exactly their values, and values with no label before them. Used by
:mod:`.region`'s layouts "vertical" and "column".
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Optional, Sequence

from .cells import LCell
from .vectors import LabelAt, Stream, Vector

if TYPE_CHECKING:
    from .region import RegionRead


def column_major_rows(vals: Sequence[LCell], rows: int, width: int) -> list[list[int]]:
    """The rows of a column-by-column stream, as positions in ``vals``. pdfminer may emit
    the 总计 column out of place (seen: before 其他); the column that is the row-wise sum
    of the others is the total."""
    cols = [range(c * rows, (c + 1) * rows) for c in range(width)]
    if width == 7:
        t = total_column([[vals[k] for k in col] for col in cols])
        if t is not None and t != 6:
            cols = cols[:t] + cols[t + 1:] + [cols[t]]
    return [[cols[c][r] for c in range(width)] for r in range(rows)]


def total_column(cols: Sequence[Sequence[LCell]]) -> Optional[int]:
    def is_total(t: int) -> bool:
        for r in range(len(cols[t])):
            vals = [cols[c][r].value for c in range(len(cols))]
            if not all(isinstance(v, (int, Decimal)) for v in vals):
                return False
            if vals[t] != sum(v for c, v in enumerate(vals) if c != t):
                return False
        return True

    if is_total(len(cols) - 1):
        return len(cols) - 1
    hits = [t for t in range(len(cols)) if is_total(t)]
    # When C1 equals the total (all other columns zero) both fit; the total sits last.
    return hits[-1] if hits else None


def row_score(vectors: Sequence[Vector]) -> int:
    """How many 7-wide vectors satisfy C7 = C1 + … + C6 (picks a stream's orientation)."""
    score = 0
    for v in vectors:
        nums = [c.value for c in v.cells]
        if len(nums) == 7 and all(isinstance(x, (int, Decimal)) for x in nums):
            if sum(nums[:6]) == nums[6]:
                score += 1
    return score


def column_stream_in_order(stream: Stream, first_key: str, width: int, row_order: Sequence[str]) -> list[Vector]:
    """Layout "column stream": whole rows of values column by column after labels that do
    not account for them; the rows are taken in the format's order from the first label."""
    rows = len(stream.cells) // width
    seq = list(row_order)
    start = seq.index(first_key) if first_key in seq else 0
    by_row = column_major_rows(stream.cells, rows, width)
    return [stream.vector(seq[start + r] if start + r < len(seq) else None, by_row[r], None, "column", r)
            for r in range(rows)]


def unlabelled_stream(stream: Stream, width: int) -> list[Vector]:
    """Values with no label before them: whole rows when they divide into rows, else one
    vector that :func:`align` places between its labelled neighbours."""
    n = len(stream.cells)
    if width > 1 and n > width + 1 and n % width == 0:
        return [stream.vector(None, range(r * width, (r + 1) * width), None, "vertical") for r in range(n // width)]
    return [stream.vector(None, range(n), None, "vertical")]


def labelled_stream(stream: Stream, head: Sequence[tuple[str, LabelAt]], widths: Sequence[int],
                    out: "RegionRead") -> list[Vector]:
    """Layouts "vertical" and "column": k row labels, then exactly their values, one a line.
    Rows of one width may be written row by row (HTML, DOCX) or column by column (pdfminer):
    the orientation the row totals confirm wins (:func:`row_score`)."""
    w = widths[0]
    if all(x == w for x in widths) and w > 1:
        by_row = column_major_rows(stream.cells, len(head), w)
        col_major = [stream.vector(key, by_row[r], lab, "column", r) for r, (key, lab) in enumerate(head)]
        row_major = [stream.vector(key, range(r * w, (r + 1) * w), lab, "vertical") for r, (key, lab) in enumerate(head)]
        chosen = col_major if row_score(col_major) >= row_score(row_major) else row_major
        out.column_major = out.column_major or chosen is col_major
        return chosen
    vectors, pos = [], 0
    for (key, lab), w in zip(head, widths):
        vectors.append(stream.vector(key, range(pos, pos + w), lab, "vertical"))
        pos += w
    return vectors
