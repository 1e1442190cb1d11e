"""Table 三 read in a few rows from a long region: rows with no label of their own left
unread.

A table OCR read past recognition (tesseract's one-block mode over a scan of LibreOffice's
narrow table: labels in pieces of two characters a line, rules and zeros as ``[0 |0 10
|1o0``) leaves a long region of which the reader makes out a few rows. A row placed there
with no label of its own stands where the order of the values found put it: the first
such line is taken for 一、本年新收, the next for 二、上年结转, whatever rows OCR lost
between (a line of table 四's values taken for a row of table 三). In such a table (T190
already says it was not read: :attr:`gplint.confidence.TableConfidence.sparse`), those
rows are left unread (their values kept as left over) unless their seven values add up
or a short row's are all 0; a row read by its own label stays.
"""
from __future__ import annotations

from typing import Sequence

from .. import format as F
from ..model import Issue, Row, Span
from .cells import LineInfo, region_span, to_cells
from .t3_scanned import adds_up, zeros_of_a_short_row

#: Table 三 read in fewer rows than this share of the format's, from a region of more
#: lines than this many times the format's rows, was not read.
SPARSE_ROWS, SPARSE_LINES = 1 / 3, 2
_ROWS = len(F.T3_2021.rows)


def sparse(lines: int, rows_read: int) -> bool:
    """Whether a region of ``lines`` lines read in ``rows_read`` rows is a table not read."""
    return 0 < rows_read < _ROWS * SPARSE_ROWS and lines > _ROWS * SPARSE_LINES


def rows_by_order_unread(rows: dict[str, Row], infos: Sequence[LineInfo], issues: list[Issue]) -> dict[str, Row]:
    """``rows`` with the rows placed by order alone (no label) unread, in a sparse table
    read from a scan."""
    if not infos:
        return rows
    region = region_span(infos)
    printed = [row for row in rows.values() if row.line > 0]
    if not sparse(region.end_line - region.line + 1, len(printed)):
        return rows
    out = dict(rows)
    for key, row in rows.items():
        written = tuple(c for c in (*row.cells, *row.extra) if c.span is not None)
        if row.label is not None or row.line <= 0 or not written or adds_up([c.value for c in row.cells]) \
                or zeros_of_a_short_row(row):
            continue
        out[key] = Row(key, None, to_cells([None] * len(row.cells)), row.line, written, row.count, None)
        issues.append(Issue("t3-sparse-by-order", Span(row.line), "t3", key, "", found=len(written),
                            values=tuple(c.raw for c in written)))
    return out
