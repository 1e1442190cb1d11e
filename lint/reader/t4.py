"""Table 四 (政府信息公开行政复议、行政诉讼情况): 15 cells in three blocks.
"""
from __future__ import annotations

import itertools
from typing import NamedTuple, Optional, Sequence

from .. import labels as L
from ..model import (
    T4_BLOCKS,
    T4_COLS,
    Cell,
    Issue,
    Label,
    Span,
    Table4,
)
from . import aligned_columns, runs, t4_forms
from .cells import LCell, LineInfo
from .cells import CELL_FUSED, CELL_KIND, CELL_TEXT
from .cells import cells_span, to_cell
from .region import fit
from .t4_wraps import blocks_add_up, tails_below, wrapped_numbers


class _Printed(NamedTuple):
    """What table 四's region prints, read line by line."""

    #: The values in order, up to the line where the fifteenth stands.
    values: list[LCell]
    col_labels: list[Label]
    #: A header word names a 总计 column.
    has_total: bool
    #: A line of the values was cut by tabs or pipes.
    separated: bool
    #: A line holds several values cut only by blanks.
    spaced: bool
    #: The line of the last values read.
    last_line: int
    #: Lines of header words stood between the values' lines inside a block (a PDF's
    #: reading order).
    interleaved: bool = False


def _printed(infos: Sequence[LineInfo], markdown: bool = False) -> _Printed:
    """The region's column labels and values, header debris and prose left out
    (``markdown``: and a list item's bullet before a line's values, see
    :func:`_list_bullet`; the header's line ending in the first values, see
    :func:`_header_then_values`)."""
    values: list[LCell] = []
    col_labels: list[Label] = []
    has_total = separated = spaced = interleaved = False
    last_line = infos[0].number
    for info in infos:
        if info.blank or info.footer or info.md_rule:
            continue
        labs, vals = info.labels, info.values  # (the line table's: the line is the region line's)
        if values and labs and not vals and len(values) % len(T4_COLS):
            interleaved = True  # (header words between two blocks' values are a layout's)
        for c in labs:
            n = L.normalise(c.text)
            if "总计" in n or n in ("总", "计") or "合计" in n:
                has_total = True
            # (A header row cut only by blanks is one label of short words.)
            if len(n) <= 12 or all(len(w) <= 12 for w in c.text.split()):
                col_labels.append(Label(c.text, None, Span(info.number, c.column, info.number, c.end_column), False))
        if "num" not in map(CELL_KIND, vals) and not ((values or info.empty_cell) and not labs and vals) \
                and not _marks_row(info):
            continue  # header debris; a blank cell counts once the values have begun
        if (labs and not info.separated and not any(map(CELL_FUSED, vals)) and runs.run_digits(vals, 15) is None
                and not _header_with_values(labs, vals) and not _block_row(info)
                and not (markdown and _header_then_values(info))):
            continue  # prose with a trailing number (not the header's own line with the values)
        placed = info.placed_values  # (kept: with their line)
        values.extend(placed[1:] if markdown and _list_bullet(info) else placed)
        separated = separated or info.separated
        spaced = spaced or (not info.separated and len(vals) > 1)
        last_line = info.number
        if len(values) >= 15:
            break
    return _Printed(values, col_labels, has_total, separated, spaced, last_line, interleaved)


def build_t4(infos: Sequence[LineInfo], issues: list[Issue]) -> Optional[Table4]:
    if not infos:
        return None
    for other_form in (t4_forms.transposed, t4_forms.key_value):
        table = other_form(infos, issues)
        if table is not None:
            return table
    printed = _printed(infos)
    if not _fifteen_adding_up(printed.values) and any(_list_bullet(i) or _header_then_values(i) for i in infos):
        # A PDF-to-markdown tool's paragraphs: 「- 1」 a list item, the dash its bullet, not
        # an empty cell; the header's words and the first values joined on one line. Read
        # so when the fifteen values then make every block add up.
        as_markdown = _printed(infos, markdown=True)
        if _fifteen_adding_up(as_markdown.values):
            printed = as_markdown
    values, col_labels, has_total, separated, spaced, last_line, interleaved = printed
    left_over = _values_left_over(infos, last_line) if len(values) >= 15 else []
    values = fit(values, 15)
    if not separated and not left_over and (spacing := _spacing_not_cells(values, infos, last_line)) is not None:
        values, last_line = spacing, spacing[-1].line
    if len(values) + len(left_over) > 15:
        joined = wrapped_numbers([*values, *left_over], {i.number: i.text for i in infos}) \
            or tails_below(values, left_over)
        if joined is not None:
            cells = {(b, c): to_cell(v) for (b, c), v in zip(((b, c) for b in T4_BLOCKS for c in T4_COLS), joined)}
            end = (left_over or values)[-1].line
            return Table4(cells, tuple(col_labels), values[0].line, Span(values[0].line, 1, end, 1))
    if left_over:
        issues.append(Issue("t4-value-count", values[0].span, "t4", found=len(values) + len(left_over),
                            expected=len(values)))
    digits = runs.run_digits(values, 15)
    if digits is not None:
        return _t4_from_run(values, digits, col_labels, issues)
    if not values:
        return Table4({}, tuple(col_labels), infos[0].number, Span(infos[0].number))
    cols = T4_COLS if (has_total or len(values) != 12) else T4_COLS[:4]
    positions = [(b, c) for b in T4_BLOCKS for c in cols]
    in_columns = _under_header(values, infos) if len(values) < len(positions) == 15 and not separated else None
    if in_columns is not None:  # aligned columns (pdftotext -layout): the header shows the empty cells
        cells = {bc: to_cell(v) for bc, v in zip(positions, in_columns)}
        return Table4(cells, tuple(col_labels), values[0].line, Span(values[0].line, 1, last_line, 1))
    if len(values) < len(positions) and spaced and not separated:
        # Fewer numbers than cells, cut only by blanks (not one cell a line, where the
        # empty cells lost are the last ones): cells may have run together where
        # the page lost a blank (a cut of all fifteen that keeps every printed boundary
        # and the block totals says how), or empty cells were dropped (where, nothing
        # says): either way no number is placed by its order alone.
        lost = runs.lost_boundaries(values, 15)
        if lost is not None:
            ends = frozenset(itertools.accumulate(len(runs.digits_of(c) or "") for c in values))
            return _t4_from_run(values, lost, col_labels, issues, ends)
        issues.append(Issue("t4-value-count", values[0].span, "t4", found=len(values), expected=len(positions)))
        return Table4({}, tuple(col_labels), values[0].line, Span(values[0].line, 1, last_line, 1))
    cells: dict[tuple[str, str], Cell] = {}
    if len(values) != len(positions):
        issues.append(Issue("t4-value-count", values[0].span, "t4", found=len(values), expected=len(positions)))
    for (b, c), v in zip(positions, values):
        cells[(b, c)] = to_cell(v)
    if (len(values) != len(positions) or left_over) and len(positions) == 15:
        # More numbers than cells or fewer: a value that is no cell (a number wrapped or
        # cut in two that no one way of joining explains) or a cell lost stands somewhere.
        # Where a whole block breaks its total, it is there or before: that block and the
        # ones after it, shifted, are left unread, not misread. (Cells lost after the
        # last value are the last ones, as in any one-a-line table.)
        cells = _blocks_before_a_break(cells)
    elif interleaved and len(values) == len(positions) == 15 and _blocks_broken(cells) >= 2:
        # Values and header words in turn (pdfminer's reading order of a ruled table): the
        # order read is the page's, not the table's, and the block totals do not vouch for
        # it. (One broken block is a report's own error, as in any layout.) No value is
        # placed by that order: a cell left unread, not one misread in what gplint dumps.
        issues.append(Issue("t4-values-interleaved", values[0].span, "t4", found=_blocks_broken(cells)))
        cells = {}
    return Table4(cells, tuple(col_labels), values[0].line, Span(values[0].line, 1, last_line, 1))


def _fifteen_adding_up(values: Sequence[LCell]) -> bool:
    """Fifteen numbers that make every block's total the sum of its results."""
    return len(values) == 15 and all(c.kind == "num" and isinstance(c.value, int) for c in values) \
        and blocks_add_up(values)


def _list_bullet(info: LineInfo) -> bool:
    """Does the line open with a dash and a blank before a number (「- 1」), as a markdown
    list item does?"""
    vals = info.values
    return (not info.separated and not info.labels and len(vals) >= 2 and vals[0].kind == "blank"
            and vals[0].text == "-" and vals[0].column == 1 and vals[1].kind == "num"
            and vals[1].column > vals[0].end_column)


def _header_then_values(info: LineInfo) -> bool:
    """Is the line table 四's header words ending in its first values (fewer than a
    block's: the rest on the lines below)?"""
    labs, vals = info.labels, info.values
    return (not info.separated and bool(labs) and 0 < len(vals) < len(T4_COLS)
            and all(c.kind == "num" for c in vals) and min(c.column for c in vals) > max(c.column for c in labs)
            and L.normalise("".join(c.text for c in labs)).count("结果维持") == len(T4_BLOCKS))


def _blocks_before_a_break(cells: dict[tuple[str, str], Cell]) -> dict[tuple[str, str], Cell]:
    """The cells of the blocks, in order, up to the first whole block whose total is not
    the sum of its four results."""
    kept: dict[tuple[str, str], Cell] = {}
    for b in T4_BLOCKS:
        block = {(b, c): cells[(b, c)] for c in T4_COLS if (b, c) in cells}
        parts = [cell.value for cell in block.values()]
        if len(parts) == len(T4_COLS) and all(isinstance(v, int) for v in parts) and sum(parts[:4]) != parts[4]:
            break
        kept.update(block)
    return kept


def _blocks_broken(cells: dict[tuple[str, str], Cell]) -> int:
    """How many of the three blocks' totals are not the sum of their four results."""
    broken = 0
    for b in T4_BLOCKS:
        parts = [cells[(b, c)].value for c in T4_COLS]
        if all(isinstance(v, int) for v in parts) and sum(parts[:4]) != parts[4]:
            broken += 1
    return broken


def _values_left_over(infos: Sequence[LineInfo], last: int) -> list[LCell]:
    """The values that stand on lines of their own after the line that completed the
    fifteen, before any line with words: a cell's number wrapped onto a second line in a
    narrow column ("17" over "8"), a row the table does not have. Which cell each belongs
    to is unknown. (One number alone on one line is a page number.)"""
    extra, lines = _numbers_after(infos, last)
    return [] if lines == 1 and len(extra) == 1 else extra


def _numbers_after(infos: Sequence[LineInfo], last: int) -> tuple[list[LCell], int]:
    """The numbers on the lines after line ``last`` before any line with words, and how
    many lines hold them."""
    extra: list[LCell] = []
    lines = 0
    for info in infos:
        if info.number <= last or info.blank or info.footer or info.md_rule:
            continue
        if info.labels or "num" not in map(CELL_KIND, info.values):
            break
        extra.extend(c for c in info.placed_values if c.kind == "num")
        lines += 1
    return extra, lines


def _spacing_not_cells(values: Sequence[LCell], infos: Sequence[LineInfo], last: int) -> Optional[list[LCell]]:
    """Fifteen cells read one a line, one of them an empty line, and one number alone on
    the line after them: a PDF's layout text (pdfplumber's) leaves a blank line where a
    cell's box is taller, not only where a cell is empty. The fourteen written values and
    that number are the table when every block's total is then the sum of its results
    (the identities decide; a page number after a table with a blank cell makes them
    fail)."""
    written = [c for c in values if c.kind != "blank" or c.text]
    if len(values) != 15 or len(written) != 14:
        return None
    after, lines = _numbers_after(infos, last)
    if lines != 1 or len(after) != 1:
        return None
    candidate = [*written, after[0]]
    return candidate if all(c.kind == "num" for c in candidate) and blocks_add_up(candidate) else None


def _under_header(values: Sequence[LCell], infos: Sequence[LineInfo]) -> Optional[list[LCell]]:
    """Values on one line short of the fifteen cells, placed under the columns of the
    header line of fifteen column words above them when both stand in aligned columns
    (:mod:`.aligned_columns`); None otherwise."""
    line = values[0].line
    texts = {i.number: i.text for i in infos if not i.separated and not i.offset}
    for n in sorted((k for k in texts if k < line), reverse=True)[:4]:
        grid = aligned_columns.header_grid(texts[n], len(T4_BLOCKS) * len(T4_COLS), lead=False)
        if grid is not None:
            return aligned_columns.place(values, grid, texts.get)
    return None


def _block_row(info: LineInfo) -> bool:
    """A line naming one of the three blocks (行政复议, 行政诉讼（未经复议直接起诉）, 复议后
    起诉) followed by its four or five values: table 四 printed as three rows."""
    if len(info.labels) != 1 or len(info.values) not in (4, 5):
        return False
    n = L.normalise(info.labels[0].text)
    return len(n) <= 20 and ("复议" in n or "起诉" in n)


def _marks_row(info: LineInfo) -> bool:
    """Five or more cells all written as marks ("— 无 / －"), on a line of their own or
    cut into cells (there some may be left empty between them): values whose zeros were
    not written, not header debris."""
    vals = info.values
    if info.labels and not info.separated:
        return False  # a label and marks on a line not cut into cells: words, not values
    marks = sum(1 for v in vals if v.text)
    return marks >= 5 and (marks == len(vals) or (info.separated and all(v.text or v.kind == "blank" for v in vals)))


def _header_with_values(labels: Sequence[LCell], values: Sequence[LCell]) -> bool:
    """Whether a line is table 四's header words followed by its values (a crawled page):
    enough numbers for the cells, or enough digits when blanks between cells were lost."""
    if not any(w in L.normalise(c.text) for c in labels for w in ("结果维持", "总计")):
        return False
    return len(values) >= 12 or runs.lost_boundaries(values, 15) is not None


def _t4_from_run(run: Sequence[LCell], digits: str, col_labels: list[Label], issues: list[Issue],
                 printed: Optional[frozenset[int]] = None) -> Table4:
    """Table 四 printed as one run of digits: cut by the block totals (:func:`runs.t4_splits`),
    keeping the ``printed`` cell boundaries when the run is several numbers.

    When no cut makes every block add up, one block breaks its total (a wrong cell): the
    other blocks are read where every cut agrees on them; the broken one is left unread
    and named. When the cuts disagree, the table is there but its cells are unknown."""
    line = run[0].line
    span = cells_span(run)
    text = " ".join(c.text for c in run)
    cuts = _keeping(runs.t4_splits(digits), printed)
    if len(cuts) == 1:
        values = runs.run_cells(run, cuts[0])
        cells = {(b, c): to_cell(v) for (b, c), v in zip(((b, c) for b in T4_BLOCKS for c in T4_COLS), values)}
        return Table4(cells, tuple(col_labels), line, Span(line, 1, values[-1].line, 1))
    loose = _keeping(runs.t4_splits(digits, free_block=True), printed) if not cuts else []
    if not loose:
        issues.append(Issue("ambiguous-digit-split", span, "t4", "t4", values=(text,), readings=len(cuts)))
        unknown = {(b, c): Cell(None, "", span) for b in T4_BLOCKS for c in T4_COLS}
        return Table4(unknown, tuple(col_labels), line, Span(line))
    cells4: dict[tuple[str, str], Cell] = {}
    for bi, b in enumerate(T4_BLOCKS):
        seen = {(cut[bi * 5:bi * 5 + 5], cut[:bi * 5]) for cut in loose}
        if len(seen) == 1:
            block, before = seen.pop()
            if sum(block[:4]) == block[4]:
                placed = runs.run_cells(run, before + block)[len(before):]
                for c, cell in zip(T4_COLS, placed):
                    cells4[(b, c)] = to_cell(cell)
                continue
        # This block's total is not the sum of its cells in any cut.
        issues.append(Issue("ambiguous-digit-split", span, "t4", f"t4.{b}", values=(text,)))
    return Table4(cells4, tuple(col_labels), line, Span(line))


def _keeping(cuts: list, printed: Optional[frozenset[int]]) -> list:
    """The cuts that end a cell wherever the text printed a boundary (all, without any)."""
    return cuts if printed is None else [v for v in cuts if runs.keeps_boundaries(v, printed)]
