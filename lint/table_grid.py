"""Grid columns no cell has to itself: the slivers of an office program's table grid.

Word, WPS and LibreOffice keep a table's grid as the union of every row's cell borders.
Where the borders of two rows nearly line up but not quite (a merged header over a block
of columns, a cell widened by hand), the grid gains a sliver column a few points wide
that no cell owns, and the cells over it span one grid column more (``colspan="2"``,
``<w:gridSpan w:val="2"/>``). The HTML and DOCX readers write a row cell by cell with a
span repeated as empty cells, so that a blank cell keeps its column; written so, a sliver
is an empty cell that is no cell of the table, in the header and in every row of values
alike (LibreOffice's web page of table 四: "总计" over two grid columns, and a row of 15
values with a 16th, empty, place among them).

:func:`spans_without_slivers` gives each cell's span over the grid without its slivers:
a grid column is left out when no cell of the table stands in it alone, and only while
every cell over it keeps another column (no cell's text is ever lost). A table whose
every column has a cell of its own (every table of values the format has: each value is
a cell of one column) is unchanged.
"""
from __future__ import annotations

from typing import Sequence


def spans_without_slivers(rows: Sequence[Sequence[tuple[int, int]]]) -> list[list[int]]:
    """Each cell's span, in grid columns, once the grid's slivers are left out.

    ``rows``: each row's cells in order as ``(colspan, rowspan)``; a cell that a cell of a
    row above spans down into is not among a row's cells (HTML's way; DOCX writes its
    continuation cells, each with a rowspan of 1). Spans are at least 1."""
    placed: list[list[tuple[int, int]]] = []  # per row: (first column, colspan) of each cell
    held: dict[int, int] = {}  # column → rows below still held by a rowspan from above
    for row in rows:
        col = 0
        cells = []
        below: dict[int, int] = {}
        for colspan, rowspan in row:
            while held.get(col, 0) > 0:
                col += 1
            cells.append((col, colspan))
            if rowspan > 1:
                for c in range(col, col + colspan):
                    below[c] = rowspan - 1
            col += colspan
        placed.append(cells)
        held = {c: n - 1 for c, n in held.items() if n > 1}
        held.update(below)
    kept = [[span for _, span in cells] for cells in placed]
    if all(span == 1 for spans in kept for span in spans):
        return kept
    width = max((first + span for cells in placed for first, span in cells), default=0)
    alone = {first for cells in placed for first, span in cells if span == 1}
    over: dict[int, list[tuple[int, int]]] = {}  # column → (row, cell) of the cells over it
    for r, cells in enumerate(placed):
        for k, (first, span) in enumerate(cells):
            for c in range(first, first + span):
                over.setdefault(c, []).append((r, k))
    for column in range(width):
        if column in alone or column not in over:
            continue
        if all(kept[r][k] > 1 for r, k in over[column]):
            for r, k in over[column]:
                kept[r][k] -= 1
    return kept
