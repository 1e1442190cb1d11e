"""Tables set as spaced text in a PDF: no rules, only glyphs at column positions.

Lines of glyphs outside ruled cells (:func:`gplint.pdf_layout.page_lines`) come here:

- the lines of one table row stand closer than rows do (a cell that wraps its text keeps
  the line spacing; rows add their padding): lines less than :data:`WRAP_GAP` line heights
  apart whose fields make at least two columns, with no column holding a number on two of
  them, are one row, each column's fragments joined top to bottom;
- a row's blank cell has no glyph: only the rows around it show it is there. Consecutive
  rows whose values line up (no more value columns than the fullest row has values, never
  two values of a row in one column) are written a field a value column, empty where the
  row has nothing; so is a row under a header with a field over each of its values (表四's
  one row of values); rows that do not line up are written as they are.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .pdf_layout import CELL_GAP, NUMBER_CELL, Glyph, PageLine, cell_text, join_glyphs
from .lazy_re import lazy_compile

#: Lines of a table set as spaced text less than this many line heights apart are one row.
WRAP_GAP = 0.3


def spaced_rows(lines: list[list[Glyph]]) -> list[PageLine]:
    """The page's lines outside ruled cells, as rows (see the module docstring)."""
    return [_spaced_row(block) for block in _row_blocks(lines)]


def _fields(line: list[Glyph]) -> list[list[Glyph]]:
    """A line's glyphs cut where they are a cell gap apart."""
    fields: list[list[Glyph]] = []
    prev: Optional[Glyph] = None
    for g in line:
        if g.text.isspace():
            if fields:
                fields[-1].append(g)
            continue
        if prev is None or (g.x0 - prev.x1) / max(prev.y1 - prev.y0, g.y1 - g.y0, 1.0) >= CELL_GAP:
            fields.append([])
        fields[-1].append(g)
        prev = g
    return fields


def _row_blocks(lines: list[list[Glyph]]) -> list[list[list[Glyph]]]:
    """Lines of text outside ruled cells, the lines of one row of a table set as spaced text
    together: lines less than :data:`WRAP_GAP` line heights apart (a cell wrapping its text;
    rows stand further apart) whose fields make at least two columns, no two lines with a
    number in one column.
    Any other line is a block of its own."""
    blocks: list[list[list[Glyph]]] = []
    for line in lines:
        block = blocks[-1] if blocks else None
        if block is not None and _continues(block, line):
            block.append(line)
        else:
            blocks.append([line])
    return blocks


def _continues(block: list[list[Glyph]], line: list[Glyph]) -> bool:
    above = block[-1]
    height = max(g.y1 for g in line) - min(g.y0 for g in line)
    gap = min(g.y0 for g in above) - max(g.y1 for g in line)
    if gap >= WRAP_GAP * height or len(_columns(block + [line])) < 2:
        return False
    numbers = [(f[0].x0, f[-1].x1) for l in block for f in _fields(l) if NUMBER_CELL.fullmatch(join_glyphs(f, False))]
    return not any(a <= f[-1].x1 and f[0].x0 <= b for f in _fields(line)
                   if NUMBER_CELL.fullmatch(join_glyphs(f, False)) for a, b in numbers)


def _columns(block: list[list[Glyph]]) -> list[tuple[float, float, list[Glyph]]]:
    """The block's fields clustered into columns by overlapping extents, left to right."""
    columns: list[tuple[float, float, list[Glyph]]] = []
    for field in sorted((f for line in block for f in _fields(line)), key=lambda f: f[0].x0):
        x0, x1 = field[0].x0, max(g.x1 for g in field)
        if columns and x0 <= columns[-1][1]:
            a, b, content = columns[-1]
            columns[-1] = (a, max(b, x1), content + field)
        else:
            columns.append((x0, x1, list(field)))
    return columns


def _spaced_row(block: list[list[Glyph]]) -> PageLine:
    """One line of a block: each column's fragments joined top to bottom."""
    glyphs = [g for line in block for g in line]
    if len(block) == 1:
        fields = tuple((f[0].x0, max(g.x1 for g in f), join_glyphs(f, cells=False)) for f in _fields(block[0]))
    else:
        fields = tuple((x0, x1, cell_text(content)) for x0, x1, content in _columns(block))
    return PageLine(max(g.y1 for g in glyphs), min(g.y0 for g in glyphs), "\t".join(f[2] for f in fields),
                    min(g.x0 for g in glyphs), max(g.x1 for g in glyphs), free=True, fields=fields)


def aligned_rows(pages: Sequence[list[PageLine]]) -> list[list[PageLine]]:
    """The pages' lines, rows of tables set as spaced text with their empty cells: in each
    run of lines of several fields (a table going on over a page break too), the columns
    are the extents of the values of its rows, and every such row is written a field a
    column, empty where it has nothing (a blank cell is no glyph: only the other rows, or
    the header, show it is there)."""
    flat = [(index, line) for index, lines in enumerate(pages) for line in lines]
    rewritten: dict[int, PageLine] = {}
    run: list[PageLine] = []
    for _, line in flat + [(-1, PageLine(0, 0, ""))]:
        if line.free and len(line.fields) > 1:
            run.append(line)
            continue
        for before, after in zip(run, _aligned_run(run)):
            rewritten[id(before)] = after
        run = []
    out: list[list[PageLine]] = [[] for _ in pages]
    for index, line in flat:
        out[index].append(rewritten.get(id(line), line))
    return out


VALUE_CELL = lazy_compile(r"[\d\s.,，]*\d[\d\s.,，]*|[-—–－/／]")


def _values(line: PageLine) -> list[tuple[float, float, str]]:
    return [f for f in line.fields if VALUE_CELL.fullmatch(f[2])]


def _aligned_run(run: list[PageLine]) -> list[PageLine]:
    """The run's rows with values, in groups of consecutive rows whose values line up
    (no more value columns than the fullest row has values), each row written as its
    labels, then a field a value column (a label that stands in one fills it)."""
    groups: list[list[PageLine]] = []
    for line in run:
        values = _values(line)
        if not values or any(f[0] > values[0][0] and f not in values for f in line.fields):
            continue  # no values, or a label among them: written as it is
        if groups and _value_columns(groups[-1] + [line]) is not None:
            groups[-1].append(line)
        else:
            groups.append([line])
    rewritten: dict[int, PageLine] = {}
    for group in groups:
        columns = _value_columns(group) if len(group) > 1 else None
        header = _header_columns(run, group)
        if header is not None and (columns is None or len(header) > len(columns)):
            columns = header
        if columns is None:
            continue
        for line in group:
            slots = [""] * len(columns)
            labels = []
            for x0, x1, text in line.fields:  # a label standing in a value column keeps it
                column = next((i for i, (a, b) in enumerate(columns) if a <= x1 and x0 <= b), None)
                if column is None or slots[column]:
                    labels.append(text)
                else:
                    slots[column] = text
            rewritten[id(line)] = PageLine(line.top, line.bottom, "\t".join(labels + slots), line.left,
                                           line.right, free=True, fields=line.fields)
    return [rewritten.get(id(line), line) for line in run]


def _header_columns(run: list[PageLine], group: list[PageLine]) -> Optional[list[list[float]]]:
    """The columns of the line above the group when it is a header over its values: it has
    no values, at least as many fields as a row has values, and each value of a row stands
    under a field of its own (a table of one row of values, 表四's, has only its header to
    show where a blank cell is)."""
    at = next(i for i, line in enumerate(run) if line is group[0])
    if at == 0 or _values(run[at - 1]):
        return None
    columns = [[x0, x1] for x0, x1, _ in run[at - 1].fields]
    for line in group:
        values = _values(line)
        if len(values) > len(columns):
            return None
        hit = []
        for x0, x1, _ in values:
            under = [i for i, (a, b) in enumerate(columns) if a <= x1 and x0 <= b]
            if len(under) != 1:
                return None
            hit.append(under[0])
        if len(set(hit)) < len(hit):
            return None
    return columns


def _value_columns(rows: list[PageLine]) -> Optional[list[list[float]]]:
    """The columns the rows' values make (overlapping extents merged), or None when there
    are more than the fullest row has values (rows that do not line up), or two values of
    a row fall in one column."""
    columns: list[list[float]] = []
    for x0, x1 in sorted((x0, x1) for line in rows for x0, x1, _ in _values(line)):
        if columns and x0 <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    if len(columns) > max(len(_values(line)) for line in rows):
        return None
    for line in rows:
        hit = [next(i for i, (a, b) in enumerate(columns) if a <= x1 and x0 <= b) for x0, x1, _ in _values(line)]
        if len(set(hit)) < len(hit):
            return None
    return columns
