"""Table 三 (收到和处理政府信息公开申请情况): header columns, rows placed by label and order,
rows whose digits ran together cut by the identities (:mod:`.runs`).
"""
from __future__ import annotations

import itertools
from typing import Optional, Sequence

from .. import labels as L
from ..model import (
    ABSENT,
    T3_COLS,
    T3_ROWS,
    Cell,
    Issue,
    Label,
    Row,
    Span,
    Table3,
)
from .. import format as F
from . import (aligned_columns, reading_order, remarks_column, runs, stacked_cells, t3_forms, t3_gaps, t3_parts, t3_runs,
               t3_scanned, t3_sparse, t3_stream_order)
from .aligned_columns import AlignedColumns

_G6 = F.T3_2021.group("G6")
from .cells import LCell, LineInfo, region_span
from .cells import CELL_KIND
from .t3_fit import choose_drop, choose_join, chosen_from_a_stream, short_of_subtotal, subtotal_column, subtotal_the_rows_show
from .t3_header import Header, read_header, label_row as _t3_label_row, row_named as _t3_row_named
from .t3_total_apart import total_apart
from .cells import cells_span, to_cell, to_cells
from .row_width import blank_separated
from .region import Vector, Widths, align, fit, read_region


def _has_sub6_rows(infos: Sequence[LineInfo]) -> bool:
    """Does the region name R21 or R22 (the 2021 format's (六) sub-rows)? The first such
    label settles it (no list of every label's normal form, no generator). (A prefilter
    on 补/费/申 in the line's text did not pay: most T3 lines hold 申.)"""
    for info in infos:
        for c in info.labels:
            if _t3_row_named(c.text) in ("R21", "R22"):
                return True
    return False


def _unlabelled_full_table(vectors: Sequence[Vector]) -> bool:
    """Rows of values, as many as table 三 has rows with its (六) sub-rows, and each row
    whose label was read at its own place in that order: the labels of the others name no
    row (none at all, or each broken into pieces: 「1.申」, 「2.申」)."""
    rows = [v for v in vectors if "num" in map(CELL_KIND, v.cells)]  # (the shared cells: no copies)
    if len(rows) != len(T3_ROWS):
        return False
    return all(v.key is None or not v.key.startswith("R") or v.key == key for v, key in zip(rows, T3_ROWS))


def _in_format_order(vec: Vector, placement: tuple[int, ...]) -> Vector:
    """A row of exactly seven values printed under a reordered header, its values moved
    to the format's columns (a row of another width is left as printed)."""
    values = fit(vec.values, 7, vec.label)
    if len(values) != 7:
        return vec
    ordered: list[LCell] = [values[0]] * 7
    for printed_at, column in enumerate(placement):
        ordered[column] = values[printed_at]
    return Vector(vec.key, ordered, vec.line, vec.label, vec.layout, vec.separated)


def build_t3(infos: Sequence[LineInfo], issues: list[Issue]) -> Optional[Table3]:
    if not infos:
        return None
    infos = remarks_column.without_remarks(infos, issues, "t3")
    has_sub6 = _has_sub6_rows(infos)
    unplaced: dict[str, Vector] = {}  # rows of a table in column groups whose cells cannot be placed
    header = read_header(infos)
    width = 7 if ("C7" in header.columns or not header.columns) else 6
    subtotal = subtotal_column(header.text) if width == 7 else None
    order = _row_order(has_sub6)
    read = read_region(infos, _t3_label_row, Widths.fromkeys(order, 7).__getitem__, 7, order)
    if not has_sub6 and _unlabelled_full_table(read.vectors):
        # No row label at all and as many rows as the 2021 format's: its (六) sub-rows.
        has_sub6, order = True, list(T3_ROWS)
        read = read_region(infos, _t3_label_row, Widths.fromkeys(order, 7).__getitem__, 7, order)
    vectors = stacked_cells.rows_unstacked(read.vectors, infos, order)
    # Table 三 as sentences or turned (one line per applicant type): its own reading.
    form = t3_forms.other_form(infos)
    plain = width == 7 and subtotal is None and header.placement is None
    # (The 总计 column's values read apart, after its header word: no column groups.)
    apart = total_apart(infos) if form is None else None
    if form is not None:
        parts, ordered = None, None
    elif apart is not None:
        parts, ordered = None, _in_reading_order(infos, read.vectors, order, issues) if plain else None
    else:
        parts, ordered = _parts_or_order(infos, order, read.vectors, plain, issues)
    if form is not None:
        vectors = form.vectors
        if form.issue is not None:
            issues.append(form.issue)
    elif parts is not None:
        vectors, header, unplaced = parts
        width, subtotal = (7 if "C7" in header.columns else 6), None
        if not has_sub6 and _unlabelled_full_table(vectors):
            has_sub6, order = True, list(T3_ROWS)  # as for one table with no labels, above
    elif header.placement is not None and subtotal is None:
        vectors = [_in_format_order(v, header.placement) for v in vectors]
    elif ordered is not None:
        vectors = ordered
    if apart is not None:
        header, width = header._replace(text=apart.header_text, columns=L.t3_columns_in(apart.header_text)), 7
        subtotal = subtotal_column(header.text)
        keys = {v.key for v in apart.vectors}
        vectors = apart.vectors + [v for v in vectors if v.key not in keys and not apart.read_from(v)]
    # Runs are cut as seven cells, 总计 last: not under a header that prints the columns in
    # another order or adds a 小计 column, nor in a table printed in column groups.
    in_format_columns = header.placement is None and subtotal is None and parts is None
    if subtotal is not None:
        subtotal = subtotal_the_rows_show([v.cells for v in vectors], subtotal)
    rows, groups = _placed_rows(vectors, order, width, subtotal, infos, issues,
                                cut_runs=in_format_columns, by_position=in_format_columns and form is None)
    for key, vec in unplaced.items():
        (groups if key.startswith("G") else rows)[key] = _unplaced_row(key, vec, issues)
    rows = t3_stream_order.misplaced_rows_unread(rows, issues)
    # The 2019 layout's one （六）其他处理 row, printed with no value, is a group row left blank.
    blank_g6 = _G6.key in order and _G6.key not in groups
    if blank_g6 or any(key not in rows for key in T3_ROWS):
        printed_empty = aligned_columns.labels_alone(read) if form is None and parts is None else {}
        for key in T3_ROWS:
            if key not in rows:
                lab = printed_empty.get(key)
                # A row printed with its label and no value at all (every zero left blank) is
                # there, empty; a row neither labelled nor read is absent (T105).
                rows[key] = Row(key, lab, _ABSENT_ROW, lab.span.line if lab else 0, (), 0)
        g6_label = printed_empty.get(_G6.key) if blank_g6 else None
        if g6_label is not None:
            groups[_G6.key] = Row(_G6.key, g6_label, _ABSENT_ROW, g6_label.span.line, (), 0)
    # (After the rows printed with no value are in: a table read whole is no scan's.)
    rows = t3_scanned.scanned_rows_checked(rows, infos, issues, order)
    rows = t3_sparse.rows_by_order_unread(rows, infos, issues)
    layout = "column-major" if read.column_major else ("separated" if any(i.separated for i in infos) else "lines")
    if form is not None:
        layout = form.form
    elif parts is not None:
        layout = t3_parts.FORM
    return Table3(rows, header.labels, header.columns or tuple(T3_COLS), groups, header.caption, layout,
                  region_span(infos))


def _parts_or_order(infos: Sequence[LineInfo], order: Sequence[str], whole: Sequence[Vector], plain: bool,
                    issues: list[Issue]) -> tuple[Optional[tuple[list[Vector], Header, dict[str, Vector]]],
                                                  Optional[list[Vector]]]:
    """The region's column parts (:func:`_column_parts`), or, when it holds none that can
    be matched and ``plain`` (seven columns in the format's order), its rows in reading
    order (:func:`_in_reading_order`): the header's words scattered among the values, as
    the page's order puts them, look like the headers of parts."""
    tried: list[Issue] = []
    parts = _column_parts(infos, order, whole, tried)
    if plain and (parts is None or not parts[0]):
        ordered = _in_reading_order(infos, whole, order, issues)
        if ordered is not None:
            return None, ordered
    issues.extend(tried)
    return parts, None


def _in_reading_order(infos: Sequence[LineInfo], vectors: Sequence[Vector], order: Sequence[str],
                      issues: list[Issue]) -> Optional[list[Vector]]:
    """Layout "reading order" (:mod:`.reading_order`) for a region whose labels did not
    give every row: the rows its values confirm, the values after them left over (an
    issue). None when the region was read whole, the order is not confirmed, its labels
    place more rows than it confirms (OCR's boxes: whole labels, a row short of a lost
    zero ending the order early), or a row read by its own label says otherwise."""
    labelled = {v.key: v for v in vectors if v.key in T3_ROWS and v.label is not None}
    if len(labelled) == len(T3_ROWS) or sum(1 for k in order if k.startswith("R")) == sum(
            1 for v in labelled.values() if len(fit(v.values, 7, v.label)) == 7):
        return None  # (nearly every table: each row read by its label)
    # Without its (六) sub-rows named, where the 2019 format's one （六） row stands is
    # unknown: rows are placed by order only before it.
    known = order[:order.index(_G6.key)] if _G6.key in order else order
    reading = reading_order.rows_in_reading_order(infos, known, 7)
    if reading is None:
        return None
    rows, left = reading
    if len(rows) < len(labelled):
        return None
    for vec in rows:
        own = labelled.get(vec.key)
        if own is not None and [c.value for c in fit(own.values, 7, own.label)] != [c.value for c in vec.values]:
            return None
    if left:
        issues.append(Issue("t3-unplaced-values", left[0].span, "t3", values=tuple(c.text for c in left)))
    return rows


def _row_order(has_sub6: bool) -> list[str]:
    """Table 三's rows in order. A table printing （六）其他处理 as one row (the 2019 layout)
    has G6 where its sub-rows would be, before the total row."""
    order = [r for r in T3_ROWS if has_sub6 or r not in _G6.members]
    if not has_sub6:
        order.insert(order.index(F.T3_2021.total_row), _G6.key)
    return order


def _placed_rows(vectors: Sequence[Vector], order: Sequence[str], width: int, subtotal: Optional[int],
                 infos: Sequence[LineInfo], issues: list[Issue], *, cut_runs: bool, by_position: bool
                 ) -> tuple[dict[str, Row], dict[str, Row]]:
    """The rows and the group rows read from the vectors, each on its row of the format.

    ``cut_runs``: cut rows whose digits ran together (as seven cells, 总计 last);
    ``by_position``: place a short row's values by where they stand under the header
    (:mod:`.aligned_columns`)."""
    rows: dict[str, Row] = {}
    groups: dict[str, Row] = {}
    # Group rows printed with their own subtotals (a G key that is no row of the order)
    # are set aside; the rest are aligned.
    rest: list[Vector] = []
    for vec in vectors:
        if vec.key is not None and vec.key.startswith("G") and vec.key not in order:
            groups.setdefault(vec.key, _t3_row(vec.key, vec, width, issues, subtotal))
        else:
            rest.append(vec)
    placed = _place(rest, order, issues)
    short = any(not v.separated and len(v.cells) < width for v in placed.values())  # (most tables: none)
    aligned = aligned_columns.table_columns(placed.values(), width, infos) if short and by_position else None
    unsure = _split_fused_t3(placed, width, issues, order) if cut_runs else set()
    for key, vec in placed.items():
        target = groups if key.startswith("G") else rows
        if key in unsure:
            target[key] = Row(key, Label(vec.label.text, key, vec.label.span) if vec.label else None,
                              _ABSENT_ROW, vec.line, (), 0)
            continue
        target[key] = _t3_row(key, vec, width, issues, subtotal, aligned)
    if width == 7 and subtotal is None:
        t3_gaps.place_in_short_rows(rows, placed)  # (rows short of a value shown nowhere)
    if subtotal is None:
        t3_gaps.totals_of_rows_lost_at_random(rows, placed)  # (OCR's rows short here and there)
    return rows, groups


def _column_parts(infos: Sequence[LineInfo], order: Sequence[str], whole: Sequence[Vector],
                  issues: list[Issue]) -> Optional[tuple[list[Vector], Header, dict[str, Vector]]]:
    """Layout "column parts" (:mod:`.t3_parts`): the region printed as stacked tables, each
    naming some of the columns, merged into one table's vectors and one header; None for a
    region that is one table. Parts that cannot be matched leave no vectors and an issue —
    unless the region read as one table (``whole``) gives every row once with all seven
    values (header words strayed among the values, as PDF text may put them)."""
    read = t3_parts.merge_parts(t3_parts.cut_parts(infos, _t3_row_named), _t3_label_row, order)
    if read is None:
        return None
    if read.issue is not None:
        keys = [v.key for v in whole if v.key is not None]
        if keys and len(keys) == len(set(keys)) and all(len(fit(v.values, 7, v.label)) == 7 for v in whole if v.key):
            return None
        issues.append(read.issue)
    headers = [read_header(part.header) for part in read.parts]
    labels = tuple(lb for h in headers for lb in h.labels)
    header = Header("".join(h.text for h in headers), labels, read.columns, headers[0].caption, None)
    return read.vectors, header, read.unplaced


def _place(vectors: Sequence[Vector], order: Sequence[str], issues: list[Issue]) -> dict[str, Vector]:
    """The vectors on the format's rows (:func:`align`); a row printed twice and values
    that fit no row become issues."""
    placed, duplicates, strays = align(vectors, order)
    for vec in duplicates:
        issues.append(Issue("t3-duplicate-row", Span(vec.line), "t3", vec.key or "", vec.label_text))
    for vec in strays:
        issues.append(Issue("t3-unplaced-values", vec.first_span() or Span(vec.line), "t3",
                            values=tuple(c.text for c in vec.cells)))
    return placed


def _split_fused_t3(placed: dict[str, Vector], width: int, issues: list[Issue], order: Sequence[str]) -> set[str]:
    """Cut rows whose cells ran together (:func:`runs.run_digits`); returns the rows that
    could not be cut with certainty (an ``ambiguous-digit-split`` issue names each)."""
    if width != 7:
        return set()
    run_rows: dict[str, str] = {}
    printed: dict[str, frozenset[int]] = {}
    rows = [k for k in order if k.startswith("R") or k == "G6"]
    for key, vec in placed.items():
        if key in rows:
            # (The shared cells: their texts are the values', and their lines are not read
            # here; the values carrying their lines are made for the rows a table keeps.)
            digits = runs.run_digits(vec.cells, 7)
            if digits is None and not vec.separated:
                # Cell boundaries lost: only when a cut of all seven keeps the row total
                # and every boundary the text printed. (Tabs and pipes lose none: a row
                # cut by them that is short of a cell lost the cell, e.g. its 总计.)
                digits = runs.lost_boundaries(vec.cells, 7)
                if digits is not None:
                    ends = frozenset(itertools.accumulate(len(runs.digits_of(c) or "") for c in vec.cells))
                    if any(runs.keeps_boundaries(v, ends) for v in t3_runs.t3_row_splits(digits)):
                        printed[key] = ends
                    else:
                        digits = None
            if digits is not None:
                run_rows[key] = digits
    if not run_rows:
        return set()  # what nearly every table is: nothing to cut
    known: dict[str, list[Optional[int]]] = {}
    for key, vec in placed.items():
        if key not in rows or key in run_rows:
            continue
        fitted = fit(vec.values, width, vec.label)
        if len(fitted) == 7:
            known[key] = [c.value if isinstance(c.value, int) else None for c in fitted]
    chosen, unsure = t3_runs.resolve_t3(run_rows, known, rows, printed)
    for key, values in chosen.items():
        vec = placed[key]
        placed[key] = Vector(key, runs.run_cells(vec.values, values), vec.line, vec.label, vec.layout)
    for key in sorted(unsure):
        vec = placed[key]
        # (How many cuts fit is not counted here: several, or none.)
        issues.append(Issue("ambiguous-digit-split", cells_span(vec.values), "t3", key, vec.label_text,
                            values=(" ".join(c.text for c in vec.values),)))
    return unsure


def _t3_row(key: str, vec: Vector, width: int, issues: list[Issue], subtotal: Optional[int] = None,
            aligned: Optional[AlignedColumns] = None) -> Row:
    vals = vec.values_once()
    w = width + 1 if subtotal is not None else width
    if len(vals) > w:  # (fit drops nothing from a row no wider than w: most rows)
        vals = fit(vals, w, vec.label)
        if w == 6 and len(vals) > 7:
            vals = fit(vals, 7, vec.label)  # (a header without 总计 may stand over rows of seven)
    n = len(vals)
    lab = vec.label
    label = Label(lab.text, key, Span(lab.line, lab.column, lab.line, lab.end_column), False) if lab else None
    extra: tuple[Cell, ...] = ()
    if n == 7 and subtotal is None:
        placed = vals  # only read below
    elif n == 8 and subtotal is not None:
        # Eight values under eight columns: the header says which is the 小计 (a row that
        # does not add up is a defect the identities report, not a reason to set another
        # value aside).
        placed = vals[:subtotal] + vals[subtotal + 1:]
        cells = tuple(to_cell(c) for c in placed)
        return Row(key, label, cells, vec.line, (), 7, to_cell(vals[subtotal]))
    elif n == 7 and subtotal is not None:
        reading = short_of_subtotal(vals, subtotal)
        if reading is None:
            # Seven values under eight columns and the identities allow more than one place
            # for the cell left out: which column holds what is unknown.
            issues.append(Issue("t3-row-gap-unknown", Span(vec.line), "t3", key, found=n, expected=8))
            return Row(key, label, to_cells([None] * 7), vec.line, tuple(to_cell(c) for c in vals), n, None)
        placed, sub = reading
        return Row(key, label, to_cells(placed), vec.line, (), 7, to_cell(sub) if sub is not None else None)
    elif n > 7 and (joined := choose_join(vals)) is not None:
        placed, n = joined, 7  # numbers cut in two by cell boundaries (the row total decides)
    elif n == 8:
        drop = choose_drop(vals)
        placed = vals[:drop] + vals[drop + 1:]
        extra = (to_cell(vals[drop]),)
        issues.append(Issue("t3-row-too-many-values", Span(vec.line), "t3", key, found=8, expected=7))
        if chosen_from_a_stream(vals, placed):
            return Row(key, label, to_cells([None] * 7), vec.line, tuple(to_cell(c) for c in vals), n, None)
    elif n < 6 or (n == 6 and width == 7):
        placed = list(vals) + [None] * (7 - n)
        # (A "row" vector's values stand on its own line, its label there or wrapped above.)
        row_line = vec.line if vec.layout == "row" or not lab else lab.line
        if not vec.separated and blank_separated(vals, row_line) and not any(c.fused for c in vals):
            in_columns = aligned and aligned.place(vals)
            if in_columns:  # the row's values stand under their columns: the empty ones are seen
                # (under a header without 总计, six columns: the seventh cell is not printed)
                return Row(key, label, to_cells(list(in_columns) + [None] * (7 - len(in_columns))), vec.line, (),
                           len(in_columns), None)
            # Values cut only by blanks on a line (a page flattened into one line drops
            # its empty cells): which cell is missing is unknown, so none of them is
            # placed; they are kept as values left over. (One value a line is another
            # matter: there an empty cell is an empty line, and the ones lost are last.)
            return _unplaced_row(key, vec, issues, vals)
        else:
            issues.append(Issue("t3-row-too-few-values", Span(vec.line), "t3", key, found=n, expected=7))
    elif n == 6:
        placed = list(vals) + [None]
    else:
        placed = vals[:7]
        extra = tuple(to_cell(c) for c in vals[7:])
        issues.append(Issue("t3-row-too-many-values", Span(vec.line), "t3", key, found=n, expected=7))
        if chosen_from_a_stream(vals, placed):
            return Row(key, label, to_cells([None] * 7), vec.line, tuple(to_cell(c) for c in vals), n, None)
    return Row(key, label, to_cells(placed), vec.line, extra, n, None)


def _unplaced_row(key: str, vec: Vector, issues: list[Issue], vals: Optional[Sequence[LCell]] = None) -> Row:
    """A row whose values cannot be put in their columns (which cell is missing is
    unknown): no cell placed, its values kept as values left over, and an issue saying so."""
    vals = vec.values_once() if vals is None else vals
    lab = vec.label
    label = Label(lab.text, key, Span(lab.line, lab.column, lab.line, lab.end_column), False) if lab else None
    issues.append(Issue("t3-row-gap-unknown", Span(vec.line), "t3", key, found=len(vals), expected=7))
    return Row(key, label, to_cells([None] * 7), vec.line, tuple(to_cell(c) for c in vals), len(vals), None)


_ABSENT_ROW = (ABSENT,) * len(T3_COLS)
