"""Layout "rows joined by a blank": a saved page whose cells are tabs (or blanks) and whose
rows were joined by a blank, with line breaks left inside its labels (a ``<br>`` after a
label's numbering, a Word cell's second paragraph). A physical line then ends with the
start of the next row: its numbering alone (「…数量\t2\t0\t2 二、」), or its label's first
piece in the last value's cell (「0 5.要求行政机关确」) or in a cell of its own, and the next
line opens with the rest of that label and its values.
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from .. import labels as L
from ..format import T4
from ..grammar import Tok
from .cells import CELL_UNITS, RUN_MARKS, LCell, LineInfo, to_number
from .cell_shapes import is_row_label, joined

#: The item numberings a row label opens with (二、, （二）, 2.).
NUMBERING_TYPES = ("ENUM_TOP", "ENUM_PAREN", "ENUM_ITEM")
#: The words heading table 四's blocks (行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉).
_T4_BLOCK_WORDS = tuple(sorted({b.label for b in T4.blocks} | {b.parent for b in T4.blocks if b.parent}))


def before_next_numbering(toks: Sequence[Tok]) -> Optional[Sequence[Tok]]:
    """The tokens before a numbering alone at the end (after a blank and a value): the
    next row's numbering, when a page's labels break after their numbering and its rows
    are joined by blanks (「…数量 2 0 2 二、」, then 「上年结转…」). None when the tokens do
    not end so."""
    k = len(toks) - 1
    while k >= 0 and toks[k].type == "BLANK":
        k -= 1
    if k < 2 or toks[k].type not in NUMBERING_TYPES or toks[k - 1].type != "BLANK":
        return None
    value = toks[k - 2]
    if not (value.type == "NUMBER" or value.value in RUN_MARKS
            or value.value in CELL_UNITS and k >= 3 and toks[k - 3].type == "NUMBER"):
        return None
    return toks[: k - 1]


def next_row_in_cell(toks: Sequence[Tok], content: Sequence[Tok], line: int,
                     read_cell: Callable[[Sequence[Tok], int], list[LCell]]) -> Optional[list[LCell]]:
    """A cell's value with the start of the next row after it (its numbering alone, or its
    label): the value's cell (``read_cell`` reads it), and the label's when there is one.
    ``content``: the cell's tokens that are no blank. None for any other cell."""
    if content[-1].type in NUMBERING_TYPES:
        before = before_next_numbering(toks)
        value = read_cell(before, line) if before is not None else None
        return value if value is not None and all(c.kind != "label" for c in value) else None
    if content[0].type == "NUMBER" and content[-1].type != "NUMBER":
        return value_then_label(toks, content, line)
    return None


def value_then_label(toks: Sequence[Tok], content: Sequence[Tok], line: int) -> Optional[list[LCell]]:
    """A cell holding a row's last value, a blank and the next row's label (「0 三、本年度办理
    结果」, 「0 5.要求行政机关确」 cut by a line break, 「1 行政诉讼」 after table 四's first
    block): the value and the label. ``content``: the cell's tokens that are no blank, the
    first a number. None for any other cell."""
    k = toks.index(content[0])
    if toks[k + 1].type == "BLANK":
        label = joined(toks[k + 2:]).strip()
        if not label or not (content[1].type in NUMBERING_TYPES or label.startswith(_T4_BLOCK_WORDS)
                             or is_row_label(label)):
            return None
    else:
        # Glued to it, on a page whose rows ran together with nothing between them and whose
        # labels have no numbering (「0结转下年度继续办理」): only a label naming a row.
        label = joined(toks[k + 1:]).strip()
        if not label or content[1].type != "TEXT" or label.startswith(tuple(CELL_UNITS)) \
                or not is_row_label(label):
            return None
    value, first = content[0], content[1]
    return [LCell("num", value.value, line, value.column, value.end_column, to_number(value.value)),
            LCell("label", label, line, first.column, content[-1].end_column)]


def rows_in_line(info: LineInfo, match: Callable[[str], Optional[str]],
                 width_of: Callable[[str], int]) -> Optional[list[LineInfo]]:
    """A separated line holding a row's values, then the next row's label (and values)
    (「…信息\t0\t…\t0 \t\t2.其他法律行政法规」 / 「禁止公开\t0\t…」), cut before each run of
    labels that follows a value, when one of those runs names a row (``match``, a row of
    ``width_of`` > 0) or opens with a row's numbering (a label's first line: 「5.要求行政机关
    确」). None for a line of one row."""
    pieces: list[list[LCell]] = [[]]
    named = False
    after_value = False
    for c in info.cells:
        if c.kind == "label":
            if after_value and (c.text or pieces[-1]):
                pieces.append([])
                after_value = False
            if len(pieces) > 1 and not named:
                key = match(c.text)
                named = key is not None and width_of(key) > 0 or L.opens_with_numbering(c.text)
        elif c.text:
            after_value = True
        pieces[-1].append(c)
    if len(pieces) < 2 or not named:
        return None
    return [LineInfo(info.number, info.text, info.tokens, cells, True) for cells in pieces]
