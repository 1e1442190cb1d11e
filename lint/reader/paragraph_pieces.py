"""Layout "paragraphs under a label": a PDF-to-markdown tool's paragraphs of a page of
cells (pymupdf4llm of a browser's print of ``<div>`` cells). A row's values come over
several lines after its label, a few a line cut by blanks, some after a list item's bullet:
「2.没有现成信息需要另行制作 0」 / 「- 0」 / 「0 0」 / 「- 0」 … or the label alone and then
「0 0 0 0 0」 / 「0」 / 「0」. Each such line is a piece of the row: its values join the row
(or the stream under the label waiting) when they make it whole (:mod:`.region`); lines
that do not make a row whole are read as they were before.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .cell_shapes import without_bullet
from .cells import LCell, LineInfo
from .stream_tails import completes_row
from .vectors import Vector


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


class RowPieces:
    """A row read with its label and short of values, and the lines of values held after
    it: they join it only when they make it whole (its last values may stand before the
    next row's label, when the row then adds up); else they are read as before."""

    def __init__(self, row: Vector, width: int, info: LineInfo, piece: Sequence[LCell]) -> None:
        self.row, self.width = row, width
        self.held: list[LineInfo] = [info]
        self.pieces: list[Sequence[LCell]] = [piece]
        self.count = len(row.cells) + len(piece)
        self.whole = False

    def take(self, info: LineInfo) -> bool:
        """Hold the line, or make the row whole with it; False when it does neither."""
        piece = bulleted_piece(info)
        if piece is not None and self.count + len(piece) < self.width:
            self.held.append(info)
            self.pieces.append(piece)
            self.count += len(piece)
            return True
        values = [c for p in self.pieces for c in p]
        if piece is not None and self.count + len(piece) == self.width:
            tail = piece
        elif info.labels and completes_row([*self.row.cells, *values], info):
            tail = list(without_bullet(info.values))
        else:
            return False
        for held, p in zip(self.held, self.pieces):
            self.row.extend_at(p, held.number)
        self.row.extend_at(tail, info.number)
        self.whole = True
        return True
