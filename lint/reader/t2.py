"""Table 二 (主动公开政府信息情况), in the 2021 layout or the 2019 试行 one.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Sequence

from .. import labels as L
from ..format import T2_2019, T2_2021
from ..model import (
    ABSENT,
    Cell,
    Issue,
    Label,
    Span,
    Table2,
)
from . import aligned_columns, remarks_column, repeated_cells, runs, t2_runs
from .cells import CELL_UNITS, LCell, LineInfo, at_line, region_span, to_number
from .cells import cells_span, to_cell
from .row_width import blank_separated
from .region import RegionRead, Vector, Widths, align, fit, read_region
from ..lazy_re import lazy_compile


#: Words of T2's column headers (one search for them all, not a generator a label).
_T2_HEADER_WORDS = lazy_compile("件数|数量|金额|制发|废止|废制|现行有效|增/减|增减")
#: A header cell's unit on a line of its own: 本年收费金额 / （单位：万元）, a cell whose line
#: break a conversion kept (Word's plain text, a PDF's wrapped column).
_UNIT_ALONE = lazy_compile(r"[（(]?\s*(?:单位\s*[:：]\s*)?(?:万元|元)\s*[)）]?")


def _t2_label_matcher(fmt: str):
    """``match(text)``: the T2 row a label names in format ``fmt``, cached per text (one
    lookup a label instead of a closure calling normalise() and match_t2_row()).

    A label opening with 其他 names a row some agencies add after the format's own (其他规范性
    文件 under 行政规范性文件, 其他行政强制), not that row — unless the format's row is itself
    an "other" one (2019's 其他对外管理服务事项)."""
    others = {r.key for b in (T2_2019 if fmt == "2019" else T2_2021).blocks for r in b.rows if r.label.startswith("其他")}

    @lru_cache(maxsize=4096)
    def match(text: str) -> Optional[str]:
        norm = L.normalise(text)
        key = L.match_t2_row(norm, fmt)
        if key is not None and key not in others and L.strip_numbering(norm).startswith("其他"):
            return None
        return key

    return match


_T2_LABEL_ROW = {fmt: _t2_label_matcher(fmt) for fmt in ("2021", "2019")}


#: The 2019 rows with a signed 本年增/减 column, and where it is (the sign in a run of
#: digits marks that cell's start: :func:`t2_runs.signed_splits`).
_CHANGE_AT = {r.key: [c.kind for c in b.columns].index("change")
              for b in T2_2019.blocks if any(c.kind == "change" for c in b.columns) for r in b.rows}

#: Rows of several cells whose last is an amount of money (digits with decimals).
_AMOUNT_ROWS = {fmt: {r.key for b in spec.blocks if len(b.columns) > 1 and b.columns[-1].kind == "amount" for r in b.rows}
                for fmt, spec in (("2019", T2_2019), ("2021", T2_2021))}


#: A column word naming the year before the report's (a two-year table: 上年 beside 本年).
_OTHER_YEAR = lazy_compile("上年|上一年|去年|前一年")


def _this_year_cells(col_labels: Sequence[Label], row_line: int, vals: Sequence, width: int) -> Optional[list]:
    """A 2021 row printed beside the year before (``上年处理决定数量`` then ``本年处理决定数量``):
    the header line nearest above the row decides which of its values are this year's
    (``[]`` when that header names the year before but does not cover the values one for
    one: none of them can be placed). None when no header names another year (the 2021
    format has no 上年 column, so that word is what marks the layout)."""
    above = [c for c in col_labels if c.span.line < row_line and _T2_HEADER_WORDS.search(c.text)]
    if not above:
        return None
    # The header's lines: the nearest above with column words, and the lines just before it
    # with theirs (header cells of two paragraphs, Word's plain text: 「信息内容\t上年收费金额」 /
    # 「（单位：万元）\t本年收费金额」 / 「（单位：万元）」).
    lines = [max(c.span.line for c in above)]
    while any(c.span.line == lines[-1] - 1 for c in above):
        lines.append(lines[-1] - 1)
    # A blank-separated header is one label: its words are the columns.
    words = [w for line in reversed(lines) for c in above if c.span.line == line
             for w in c.text.split() if _T2_HEADER_WORDS.search(w)]
    if not any(_OTHER_YEAR.search(w) for w in words):
        return None
    this = [k for k, w in enumerate(words) if not _OTHER_YEAR.search(w)]
    if len(words) != len(vals) or len(this) != width:
        return []
    return [vals[k] for k in this]


def _under_header(col_labels: Sequence[Label], row_line: int, vals: Sequence[LCell], width: int,
                  infos: Sequence[LineInfo]) -> Optional[list[LCell]]:
    """A short row's values under the columns of its block's header line (the nearest
    above it), when the header and the values stand in aligned columns (pdftotext -layout:
    :mod:`.aligned_columns`); None otherwise."""
    above = [c.span.line for c in col_labels if c.span.line < row_line]
    if not above:
        return None
    texts = {i.number: i.text for i in infos if not i.separated and not i.offset}
    grid = aligned_columns.header_grid(texts.get(max(above)), width)
    return None if grid is None else aligned_columns.place(vals, grid, texts.get)


#: A number standing alone inside a label's text (blanks on both sides).
_INNER_NUMBER = lazy_compile(r"(?<!\S)[0-9０-９]+(?:[.．][0-9０-９]+)?(?!\S)")


def _row_inside_label(lab: LCell, match) -> Optional[tuple[str, list[LCell]]]:
    """Two rows on one line read as one: 「行政规范性文件 0 0 8 其他规范性文件 10 7 26」 gives
    the label 「行政规范性文件 0 0 8 其他规范性文件」 and the values 10 7 26, those of a row
    some agencies add. When the label's text opens with a row's label and a run of numbers
    and goes on with another label, those numbers are that row's values: (its key, the
    cells at their columns), the cells ``[]`` when the other label names the same row
    (which row the values are is unknown). None when the label holds no such run."""
    if lab.end_column - lab.column != len(lab.text):
        return None
    run: list = []
    for m in _INNER_NUMBER.finditer(lab.text):
        if run and lab.text[run[-1].end():m.start()].strip():
            break
        run.append(m)
    if not run:
        return None
    head, tail = lab.text[:run[0].start()].strip(), lab.text[run[-1].end():].strip()
    key = match(head)
    if not tail or tail in CELL_UNITS or key is None:
        return None
    if match(tail) == key:
        return key, []
    return key, [LCell("num", m.group(), lab.line, lab.column + m.start(), lab.column + m.end(), to_number(m.group()))
                 for m in run]


def _rows_sharing_lines(read: RegionRead, match, issues: list[Issue]) -> list[Vector]:
    """The region's vectors, a row whose values stand inside the label of the row after
    it on the same line (:func:`_row_inside_label`) read from there; the values after the
    other label are none of this table's rows (an issue says so)."""
    labels_on = {}
    for (c, line), _key in read.labels:
        labels_on.setdefault(line, []).append(c)
    out = []
    for vec in read.vectors:
        before = [c for c in labels_on.get(vec.line, ()) if not vec.cells or c.column < vec.cells[0].column]
        if before:
            before[-1] = at_line(before[-1], vec.line)
        found = _row_inside_label(before[-1], match) if vec.layout == "row" and before else None
        if found is None:
            out.append(vec)
            continue
        key, inner = found
        issues.append(Issue("t2-unplaced-values", cells_span(vec.values), "t2", values=tuple(c.text for c in vec.values)))
        if inner:
            out.append(Vector(key, inner, vec.line, before[-1], vec.layout, vec.separated))
    return out


def build_t2(infos: Sequence[LineInfo], issues: list[Issue], fmt: str = "2021") -> Optional[Table2]:
    """Table 二 as the text prints it: the 2021 layout, or the 2019 试行 one (``fmt``)."""
    if not infos:
        return None
    infos = remarks_column.without_remarks(infos, issues, "t2")
    if fmt == "2019":
        order = ["rules", "norm", "licensing", "other_services", "penalty", "coercion", "fees", "procurement"]
        widths, row_keys = L.T2_ROW_WIDTH_2019, L.T2_ROW_KEYS_2019
    else:
        order = ["rules", "norm", "licensing", "penalty", "coercion", "fees"]
        widths, row_keys = L.T2_ROW_WIDTH, L.T2_ROW_KEYS
    match = _T2_LABEL_ROW[fmt]
    read = read_region(infos, match, Widths(widths).__getitem__, 0, order)
    # (Header words in pipe/tab header rows are recorded as labels without keys too.)
    row_labels, col_labels, fee_header = _t2_labels(read)
    cells: dict[str, Cell] = {}
    placed, duplicates, strays = align(_rows_sharing_lines(read, match, issues), order, Widths(widths).__getitem__)
    for vec in strays:
        issues.append(Issue("t2-unplaced-values", vec.first_span() or Span(vec.line), "t2",
                            values=tuple(c.text for c in vec.cells)))
    # A row's lone number with a digit for each cell is read as the cells run together
    # ("规章 810132"), unless the table's other rows print their cells apart ("规章 0 0 0"):
    # then it is one number among cells left blank, whose places are unknown.
    lone_run = not any(len(v.values) >= 2 and not any(c.fused for c in v.values) for v in placed.values())
    for key in order:
        vec = placed.get(key)
        if vec is None:
            continue
        keys = row_keys[key]
        values = _row_values(key, vec, len(keys), fmt, col_labels, infos, lone_run, issues)
        if values is not None:
            cells.update((k, to_cell(c)) for k, c in zip(keys, values))
    for k in (x for ks in row_keys.values() for x in ks):
        cells.setdefault(k, ABSENT)
    return Table2(cells, tuple(row_labels), tuple(col_labels), fee_header,
                  region_span(infos), fmt)


def _t2_labels(read: RegionRead) -> tuple[list[Label], list[Label], Optional[Label]]:
    """The region's row labels, its column labels and its fee column's header (with its
    unit when that wrapped onto the next line)."""
    row_labels: list[Label] = []
    col_labels: list[Label] = []
    fee_header = None
    for (c, line), key in read.labels:
        n = L.normalise(c.text)
        span = Span(line, c.column, line, c.end_column)
        if key:
            row_labels.append(Label(c.text, key, span, key == "norm" and not n.endswith("行政规范性文件") and "行政规范性文件" not in n))
        elif _T2_HEADER_WORDS.search(n):
            col_labels.append(Label(c.text, None, span, False))
            if "金额" in n or "收费" in n:
                fee_header = fee_header or Label(c.text, "fees", span)
        elif fee_header is not None and line == fee_header.span.end_line + 1 and _UNIT_ALONE.fullmatch(n):
            # The fee header's unit wrapped onto the next line: one header cell, checked whole.
            fee_header = Label(fee_header.text + c.text, "fees", Span(
                fee_header.span.line, fee_header.span.column, line, c.end_column, fee_header.span.page))
    return row_labels, col_labels, fee_header


def _row_values(key: str, vec: Vector, width: int, fmt: str, col_labels: Sequence[Label],
                infos: Sequence[LineInfo], lone_run: bool, issues: list[Issue]) -> Optional[Sequence[LCell]]:
    """One row's values in its cells' order; None when they cannot be placed (an issue
    says why). A row of the wrong width is kept, with an issue."""
    vals = fit(vec.values, width, vec.label)
    row_line = vec.line if vec.layout == "row" or not vec.label else vec.label.line
    in_columns = None if len(vals) >= width or vec.separated or any(c.fused for c in vals) \
        else _under_header(col_labels, row_line, vals, width, infos)
    if in_columns is not None:
        # Aligned columns (pdftotext -layout): the header shows which cells are empty,
        # and a value standing alone under one column is one cell ("100", not 1|0|0).
        return in_columns
    cut = _cut_run_together(key, vec, vals, width, fmt, lone_run, issues)
    if cut is None:
        return None
    vals = cut
    merged = repeated_cells.merged_values(col_labels, row_line, vals, width)
    if merged is not None:  # a merged cell written once a column it covers (docling)
        vals = merged
    if fmt == "2021" and len(vals) > width:
        this_year = _this_year_cells(col_labels, row_line, vals, width)
        if this_year == []:
            issues.append(Issue("t2-row-too-many-values", Span(vec.line), "t2", key, vec.label_text,
                                found=len(vals), expected=width))
            return None
        if this_year is not None:
            vals = this_year
    if len(vals) < width and not vec.separated and blank_separated(vals, row_line) \
            and not any(c.fused for c in vals):
        # Values cut only by blanks: which cell is missing is unknown (see t3's rows).
        issues.append(Issue("t2-row-gap-unknown", Span(vec.line), "t2", key, vec.label_text,
                            found=len(vals), expected=width))
        return None
    if len(vals) != width:
        kind = "t2-row-too-many-values" if len(vals) > width else "t2-row-too-few-values"
        issues.append(Issue(kind, Span(vec.line), "t2", key, vec.label_text, found=len(vals), expected=width))
    return vals


def _cut_run_together(key: str, vec: Vector, vals: Sequence[LCell], width: int, fmt: str, lone_run: bool,
                      issues: list[Issue]) -> Optional[Sequence[LCell]]:
    """A row's values with digits that ran together cut into its cells (a run of digits,
    the 2019 format's signed 本年增/减, an amount with decimals); the values as they stand
    when nothing ran together; None when the run cuts more than one way (an issue says so)."""
    digits = runs.run_digits(vals, width, long_cell=None, lone_run=lone_run) if width > 1 else None
    change = _CHANGE_AT.get(key) if fmt == "2019" else None
    signed = t2_runs.signed_splits(vals, width, change) if change is not None and digits is None else None
    amounts = t2_runs.amount_splits(vals, width) if key in _AMOUNT_ROWS[fmt] else None
    if digits is None and signed is None and amounts is None:
        return vals
    cuts = runs.splits(digits, width, 50) if digits is not None else signed or amounts or []
    if len(cuts) == 1:
        return (runs.run_cells(vals, cuts[0]) if digits is not None
                else t2_runs.signed_cells(vals, cuts[0], change or 0) if signed is not None
                else t2_runs.amount_cells(vals[0], cuts[0]))  # type: ignore[arg-type]
    run = ("" if signed else " ").join(c.text for c in vals)
    issues.append(Issue("ambiguous-digit-split", cells_span(vals), "t2", key, vec.label_text,
                        values=(run,), readings=len(cuts)))
    return None
