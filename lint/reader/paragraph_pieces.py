"""Layout "paragraphs under a label": a PDF-to-markdown tool's paragraphs of a page of
cells (pymupdf4llm of a browser's print of ``<div>`` cells). A row's values come over
several lines after its label, a few a line cut by blanks, some after a list item's bullet:
「2.没有现成信息需要另行制作 0」 / 「- 0」 / 「0 0」 / 「- 0」 … or the label alone and then
「0 0 0 0 0」 / 「0」 / 「0」. Each such line is a piece of the row: its values join the row
(or the stream under the label waiting) while they do not outnumber it, and the row is
read when they make it whole (:mod:`.region`); a row they leave short is read as any
short row is (its cells unknown).
"""
from __future__ import annotations

from typing import Optional, Sequence

from .cells import LCell, LineInfo


def without_bullet(vals: Sequence[LCell]) -> Sequence[LCell]:
    """``vals`` with a list item's bullet before a number set aside (「- 0」: the dash at
    the line's start is no cell)."""
    if len(vals) >= 2 and vals[0].kind == "blank" and vals[0].text == "-" and vals[0].column == 1 \
            and vals[1].kind == "num":
        return vals[1:]
    return vals


def bulleted_piece(info: LineInfo) -> Optional[list[LCell]]:
    """The line's values when it holds values alone (numbers, cut by blanks), a list
    item's bullet before them set aside; None for any other line."""
    if info.separated or info.labels:
        return None
    vals = list(without_bullet(info.values))
    if not vals or any(c.kind != "num" or c.fused for c in vals):
        return None
    return vals


def piece_under_label(info: LineInfo, width: int, buffered: int) -> Optional[list[LCell]]:
    """The values of a line short of a row (``width``) that, with the ``buffered`` values
    already under the one label waiting, do not outnumber its row; None otherwise."""
    vals = bulleted_piece(info)
    if vals is None or len(vals) >= width or buffered + len(vals) > width:
        return None
    return vals
