"""Table 三 (收到和处理政府信息公开申请情况): header columns, rows placed by label and order,
rows whose digits ran together cut by the identities (:mod:`.runs`).
"""
from __future__ import annotations

from functools import lru_cache
from decimal import Decimal
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
    make_label,
    make_row,
    make_span,
    Table3,
)
from . import runs, t3_forms
from .cells import LCell, LineInfo
from .cells import CELL_KIND
from .region import Vector, Widths, align, to_cell, to_cells, cells_span, fit, read_region


def _has_sub6_rows(infos: Sequence[LineInfo]) -> bool:
    """Does the region name R21 or R22 (the 2021 format's (六) sub-rows)? The first such
    label settles it (no list of every label's normal form, no generator). (A prefilter
    on 补/费/申 in the line's text did not pay: most T3 lines hold 申.)"""
    for info in infos:
        for c in info.labels:
            if _t3_row_named(c.text) in ("R21", "R22"):
                return True
    return False


def build_t3(infos: Sequence[LineInfo], issues: list[Issue]) -> Optional[Table3]:
    if not infos:
        return None
    has_sub6 = _has_sub6_rows(infos)
    # Header: text before the first data row label or value.
    header_parts = []
    header_labels: list[Label] = []
    caption = None
    for info in infos:
        if info.blank or info.footer or info.md_rule:
            continue
        hit = None
        for c in info.labels:
            m = _t3_row_named(c.text)
            if m and m.startswith("R"):
                hit = m
        if hit or "num" in map(CELL_KIND, info.values):
            break
        for c in info.labels:
            n = L.normalise(c.text)
            if "勾稽" in n or "钩稽" in n or "第一项加第二项" in n:
                caption = caption or Label(c.text, "caption", c.span, "钩稽" in n)
                # The caption may share its line with header words (PDF text).
                n = n.split(")")[-1] if ")" in n else ""
            header_parts.append(n)
            for key in L.t3_columns_in(n):
                header_labels.append(make_label(c.text, key, c.span, False))
    header_text = "".join(header_parts)
    header_cols = L.t3_columns_in(header_text)
    width = 7 if ("C7" in header_cols or not header_cols) else 6
    # Some reports add a 法人或其他组织 小计 column (FORMAT §5.1): a derived column, read
    # and set aside, never part of the 总计 sum.
    subtotal: Optional[int] = None
    if width == 7 and "小计" in header_text:
        # Its position: right after 自然人 (before 商业企业) or after 其他 (before 总计).
        at, business = header_text.find("小计"), header_text.find("商业")
        subtotal = 1 if 0 <= at < business else 6

    order = [r for r in T3_ROWS if has_sub6 or r not in ("R21", "R22", "R23")]
    if not has_sub6:
        order.insert(order.index("R24"), "G6")

    widths = Widths.fromkeys(order, 7)  # its keys: the rows of the order
    read = read_region(infos, _t3_label_row, widths.__getitem__, 7, order)
    vectors = read.vectors
    # Table 三 as sentences or turned (one line per applicant type): its own reading.
    form = t3_forms.other_form(infos)
    if form is not None:
        vectors = form.vectors
        if form.issue is not None:
            issues.append(form.issue)
    rows: dict[str, Row] = {}
    groups: dict[str, Row] = {}
    # Group rows printed with their own subtotals (a G key that is no row of the order)
    # are set aside; the rest are aligned. One pass splits them.
    group_rows: list[Vector] = []
    rest: list[Vector] = []
    for v in vectors:
        k = v.key
        if k is not None and k.startswith("G") and k not in widths:
            group_rows.append(v)
        else:
            rest.append(v)
    for vec in group_rows:
        if vec.key not in groups:
            groups[vec.key] = _t3_row(vec.key, vec, width, issues, subtotal)
    placed, duplicates, strays = align(rest, order)
    for vec in duplicates:
        issues.append(Issue("t3-duplicate-row", f"表三“{vec.label.text if vec.label else vec.key}”行出现两次，第二次的数值未采用",
                            Span(vec.line), "t3", vec.key or ""))
    for vec in strays:
        issues.append(Issue("t3-unplaced-values", "表三中有无法对应到任何行的数值：" + " ".join(c.text or "空" for c in vec.values),
                            vec.values[0].span if vec.values else Span(vec.line), "t3"))
    unsure = _split_fused_t3(placed, width, issues, order)
    for key, vec in placed.items():
        target = groups if key.startswith("G") else rows
        if key in unsure:
            target[key] = Row(key, Label(vec.label.text, key, vec.label.span) if vec.label else None,
                              _ABSENT_ROW, vec.line, (), 0)
            continue
        target[key] = _t3_row(key, vec, width, issues, subtotal)
    for key in T3_ROWS:
        if key not in rows:
            rows[key] = Row(key, None, _ABSENT_ROW, 0, (), 0)
    layout = "column-major" if read.column_major else ("separated" if any(i.separated for i in infos) else "lines")
    layout = form.form if form is not None else layout
    first = infos[0].number
    last = infos[-1].number
    return Table3(rows, tuple(header_labels), header_cols or tuple(T3_COLS), groups, caption, layout,
                  Span(first, 1, last, 1))


@lru_cache(maxsize=8192)
def _t3_row_named(text: str) -> Optional[str]:
    """``match_t3_row(normalise(text))``: one cache lookup a label instead of two (the
    table's header and sub-row scans ask it of every label of table 三)."""
    return L.match_t3_row(L.normalise(text))


# One cached call a label (the same few dozen texts in every report) instead of a
# closure calling normalise() and match_t3_row() with keywords, two cache lookups more.
@lru_cache(maxsize=8192)
def _t3_label_row(text: str) -> Optional[str]:
    """The T3 row a label in table 三 names (a group row's G key too), as read_region asks."""
    n = L.normalise(text)
    m = L.match_t3_row(n, after_leaves=False, numbered=n[:1].isdigit())
    # Group labels (三、本年度办理结果, （三）不予公开 …) name no data row of their own;
    # a group printed with subtotals is kept as a group row (T3-GROUP-SUBTOTAL).
    if m == "G0":
        return None
    return m


def _split_fused_t3(placed: dict[str, Vector], width: int, issues: list[Issue], order: Sequence[str]) -> set[str]:
    """Cut rows whose cells ran together (:func:`runs.run_digits`); returns the rows that
    could not be cut with certainty (an ``ambiguous-digit-split`` issue names each)."""
    if width != 7:
        return set()
    run_rows: dict[str, str] = {}
    rows = [k for k in order if k.startswith("R") or k == "G6"]
    for key, vec in placed.items():
        if key in rows:
            digits = runs.run_digits(vec.values, 7)
            if digits is not None:
                run_rows[key] = digits
    if not run_rows:
        return set()  # what nearly every table is: nothing to cut
    known: dict[str, list[Optional[int]]] = {}
    for key, vec in placed.items():
        if key not in rows or key in run_rows:
            continue
        fitted = fit(vec.values, width)
        if len(fitted) == 7:
            known[key] = [c.value if isinstance(c.value, int) else None for c in fitted]
    chosen, unsure = runs.resolve_t3(run_rows, known, rows)
    for key, values in chosen.items():
        vec = placed[key]
        placed[key] = Vector(key, runs.run_cells(vec.values, values), vec.line, vec.label, vec.layout)
    for key in sorted(unsure):
        vec = placed[key]
        text = " ".join(c.text for c in vec.values)
        issues.append(Issue(
            "ambiguous-digit-split",
            f"表三“{vec.label.text if vec.label else key}”行的数字“{text}”连在一起，"
            "按行合计和列勾稽关系仍有多种拆分方式（或无一成立），无法确定各单元格的值",
            cells_span(vec.values), "t3", key))
    return unsure


def _t3_row(key: str, vec: Vector, width: int, issues: list[Issue], subtotal: Optional[int] = None) -> Row:
    vals = vec.values
    w = width + 1 if subtotal is not None else width
    if len(vals) > w:  # (fit drops nothing from a row no wider than w: most rows)
        vals = fit(vals, w)
    n = len(vals)
    lab = vec.label
    label = make_label(lab.text, key, make_span(lab.line, lab.column, lab.line, lab.end_column), False) if lab else None
    extra: tuple[Cell, ...] = ()
    if n == 7:
        placed = vals  # only read below
    elif n == 8 and subtotal is not None:
        drop = _choose_drop(vals, subtotal)
        placed = vals[:drop] + vals[drop + 1:]
        cells = tuple(to_cell(c) for c in placed)
        return Row(key, label, cells, vec.line, (), 7, to_cell(vals[drop]))
    elif n == 8:
        drop = _choose_drop(vals)
        placed = vals[:drop] + vals[drop + 1:]
        extra = (to_cell(vals[drop]),)
        issues.append(Issue("t3-row-too-many-values", "表三该行有 8 个数值，应为 7 个", Span(vec.line), "t3", key))
    elif n == 6:
        placed = list(vals) + [None]
        if width == 7:
            issues.append(Issue("t3-row-too-few-values", "表三该行只有 6 个数值，表头有 7 列（缺少总计）", Span(vec.line), "t3", key))
    elif n < 6:
        placed = list(vals) + [None] * (7 - n)
        issues.append(Issue("t3-row-too-few-values", f"表三该行只有 {n} 个数值，应为 7 个", Span(vec.line), "t3", key))
    else:
        placed = vals[:7]
        extra = tuple(to_cell(c) for c in vals[7:])
        issues.append(Issue("t3-row-too-many-values", f"表三该行有 {n} 个数值，应为 7 个", Span(vec.line), "t3", key))
    return make_row(key, label, to_cells(placed), vec.line, extra, n, None)


def _choose_drop(vals: Sequence[LCell], prefer: Optional[int] = None) -> int:
    """Which of 8 values is the intruder: the one whose removal makes the row add up
    (``prefer``: the position the header gives a subtotal column, when that fits too)."""
    fits = []
    for i in range(8):
        rest = [c.value for j, c in enumerate(vals) if j != i]
        if all(isinstance(x, (int, Decimal)) for x in rest) and sum(rest[:6]) == rest[6]:
            fits.append(i)
    if prefer is not None and (prefer in fits or not fits):
        return prefer
    return fits[0] if fits else 0


_ABSENT_ROW = (ABSENT,) * len(T3_COLS)
