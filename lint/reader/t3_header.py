"""Table 三's header: its words, the columns it names (and in which order it prints them),
the caption (本列数据的勾稽关系为…) and where it shares its lines with the header's words."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

from .. import labels as L
from ..lazy_re import lazy_compile
from ..model import T3_COLS, Label
from .cells import CELL_KIND, LineInfo


@lru_cache(maxsize=8192)
def row_named(text: str) -> Optional[str]:
    """``match_t3_row(normalise(text))``: one cache lookup a label instead of two (the
    table's header and sub-row scans ask it of every label of table 三)."""
    return L.match_t3_row(L.normalise(text))


class Header(NamedTuple):
    """What table 三's header says: its words, the columns it names, the caption."""

    text: str
    labels: tuple[Label, ...]
    columns: tuple[str, ...]
    caption: Optional[Label]
    #: Where each printed column's value goes, when the header prints the columns in
    #: another order than the format's (总计 first, two legal-person columns swapped):
    #: printed position -> format position. None in the format's order.
    placement: Optional[tuple[int, ...]]


def read_header(infos: Sequence[LineInfo]) -> Header:
    """The header: the text before the first data row label or value."""
    parts: list[str] = []
    labels: list[Label] = []
    line_texts: list[Optional[str]] = []
    caption = None
    for info in infos:
        if info.blank or info.footer or info.md_rule:
            continue
        # A header row cut into cells (tabs, pipes) shows the columns' order; words run
        # together on one line may be a two-row header flattened (see _placement).
        line_texts.append("" if info.separated else "\0")
        if "num" in map(CELL_KIND, info.values) or any(
                (m := row_named(c.text)) and m.startswith("R") for c in info.labels):
            break
        for c in info.placed_labels:  # (their spans are the header's labels)
            n = L.normalise(c.text)
            if "勾稽" in n or "钩稽" in n or "第一项加第二项" in n:
                caption = caption or Label(c.text, "caption", c.span, "钩稽" in n)
                n = _after_caption(c.text, n)
            parts.append(n)
            line_texts[-1] += n
            for key in L.t3_columns_in(n):
                labels.append(Label(c.text, key, c.span, False))
    text = "".join(parts)
    return Header(text, tuple(labels), L.t3_columns_in(text), caption, _placement(line_texts))


def _after_caption(text: str, norm: str) -> str:
    """The header words on the caption's line, normalised: after its closing bracket (PDF
    text), or, where the caption wraps in a column of its own (text laid out in columns,
    pdftotext -layout), after the wide gap that ends its column on this line."""
    if ")" in norm:
        return norm.split(")")[-1]
    fields = _WIDE_GAP.split(text.strip())
    return L.normalise(" ".join(fields[1:])) if len(fields) > 1 else ""


#: Blanks that separate columns of text laid out in columns (a word's own are one).
_WIDE_GAP = lazy_compile(r"[ \u3000]{2,}|\t")


def _placement(line_texts: Sequence[str]) -> Optional[tuple[int, ...]]:
    """Printed position -> format position, when one header line prints the columns in
    another order: all seven on one line, or the five legal-person columns of a two-row
    header (自然人 first and 总计 last, as that header always has them). Column words read
    across several lines say nothing about the order (a two-row header reads 自然人 法人或
    其他组织 总计 商业企业 …), so only a single line decides. A line decides with all seven
    columns only without the 法人或其他组织 group word: a two-row header flattened onto one
    line always carries it (cut into cells or not: a page whose cells kept their tabs and
    whose rows were joined reads 申请人情况 自然人\t法人或其他组织\t总计 商业企业\t…).
    (A line not cut into cells is marked by a leading NUL.)"""
    separated = [t for t in line_texts if not t.startswith("\0")]
    for text in line_texts:
        if text.startswith("\0") and L.T3_COLUMN_GROUP not in text:
            printed = L.t3_column_order(text[1:])
            if printed is not None:
                return None if printed == tuple(T3_COLS) else tuple(T3_COLS.index(k) for k in printed)
    for text in separated:
        printed = L.t3_column_order(text) if L.T3_COLUMN_GROUP not in text else None
        if printed is not None:
            return None if printed == tuple(T3_COLS) else tuple(T3_COLS.index(k) for k in printed)
    legal = tuple(T3_COLS[1:6])
    for text in separated:
        printed = L.t3_column_order(text, legal)
        if printed is not None and printed != legal:
            return (0,) + tuple(T3_COLS.index(k) for k in printed) + (6,)
    return None


#: A markdown list item's bullet at a label's start.
_MD_BULLET = lazy_compile(r"^[-*+][ \u3000]+(?=\S)")


@lru_cache(maxsize=8192)
def label_row(text: str) -> Optional[str]:
    """The T3 row a label in table 三 names (a group row's G key too), as read_region asks."""
    # (A PDF-to-markdown tool writes a cell's line it took for a list item with a bullet:
    # 「- 3.其他」, 「- （七）总计」.)
    n = L.normalise(_MD_BULLET.sub("", text, count=1))
    m = L.match_t3_row(n, after_leaves=False, numbered=n[:1].isdigit())
    # Group labels (三、本年度办理结果, （三）不予公开 …) name no data row of their own;
    # a group printed with subtotals is kept as a group row (T3-GROUP-SUBTOTAL).
    if m is not None and m.startswith("G"):
        # The groups repeated before the row's own words (三、本年度办理结果 （七）总计).
        m = L.match_t3_leaf_after_groups(n) or m
    if m == "G0":
        return None
    return m
