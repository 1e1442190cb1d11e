"""Headings: 一、 （一） 1. 第三部分 numbering, with the title and the span of the heading.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import labels as L
from ..lazy_re import lazy_compile
from ..model import (
    Heading,
    Span,
)
from .cells import LineInfo, to_number


def heading_of(info: LineInfo, number: int) -> Optional[Heading]:
    """The heading line ``number`` is, if any, from its reading ``info``. What is read is
    kept on the reading (shared by every line of its text, see :mod:`.line_memo`): only
    the line number changes."""
    shape = info.heading_shape
    if shape is None:
        shape = info.heading_shape = heading_shape_of(info)
    if not shape:
        return None
    level, numeral, numbered, title, text, column, end, md = shape
    return Heading(level, numeral, numbered, title, text, Span(number, column, number, end), md)


def heading_shape_of(info: LineInfo) -> tuple:
    h = _read_heading(info)
    if h is None and info.separated:
        h = _heading_in_cells(info)
    if h is None:
        return ()
    return (h.level, h.numeral, h.number, h.title, h.text, h.span.column, h.span.end_column, h.markdown_level)


def _read_heading(info: LineInfo) -> Optional[Heading]:
    toks = info.tokens
    i = 0
    md = 0
    while i < len(toks) and toks[i].type in ("BLANK", "HASH", "STAR", "TAB"):
        if toks[i].type == "HASH":
            md = len(toks[i].value)
        i += 1
    if i >= len(toks):
        return None
    first = toks[i]
    if first.type == "ENUM_TOP":
        level = 1
        numeral = first.value.strip(" \u3000、．.：:")
        if numeral.startswith("第") and numeral.endswith("部分"):
            numeral = numeral[1:-2]  # 第三部分 is part 三
    elif first.type == "ENUM_PAREN":
        level = 2
        numeral = first.value.strip(" \u3000()（）")
    elif first.type == "ENUM_ITEM" and not info.separated:
        level = 3
        numeral = first.value.strip(" \u3000.．、()（）")
    else:
        return None
    number = L.cn_to_int(numeral) if level < 3 else to_number(numeral)
    if number is None:
        return None
    rest = "".join(t.value for t in toks[i + 1:])
    rest_clean = rest.replace("*", "").strip()
    title = rest_clean
    for stop in ("。", "：", ":"):
        k = title.find(stop)
        if k >= 0:
            title = title[:k]
    title = title.strip()
    if "|" in title and level == 1:
        title = _title_across_cells(f"S{number}", title)
    end = toks[-1].end_column
    while end > first.column and info.text[end - 2:end - 1] in ("*", " ", "\u3000"):
        end -= 1
    text = (first.value + rest).replace("*", "").strip()
    return Heading(level, numeral, int(number), title, text, Span(info.number, first.column, info.number, end), md)


def _title_across_cells(slot: str, title: str) -> str:
    """A section title a PDF-to-markdown tool cut into cells (``政府信息公开行政复|议、行政诉讼
    情况||||``): the first cells that join into the section's standard title, joined; else
    the text of the first cell (what follows the pipe is another cell)."""
    pieces = [p.strip() for p in title.split("|")]
    joined = ""
    for piece in pieces:
        joined += piece
        if slot in L.SECTION_STANDARD_TITLES and L.is_standard_title(slot, L.normalise(joined)):
            return joined
    return pieces[0]


def _heading_in_cells(info: LineInfo) -> Optional[Heading]:
    """A section's heading cut into the cells of a pipe row and nothing else on it
    (``|四|、政府|信息公|开行政|复议、|行政|诉讼情|况|``: PDF-to-markdown tools take a heading
    under a table into the table), read whole: its numeral and the standard title."""
    if "|" not in info.text or any(c.kind == "num" for c in info.values):
        return None
    whole = "".join(info.text.replace("|", " ").split())
    # (Or the first cell's last line: the line above's label ended in it, 「|理<br>四、|政府|…」.)
    cells = info.text.split("|")
    first = next((k for k, cell in enumerate(cells) if cell.strip()), 0)
    last_line = _CELL_LINES.split(cells[first].strip())[-1]
    tail = "".join(" ".join([last_line, *cells[first + 1:]]).split())
    for joined in dict.fromkeys((whole, tail)):
        numeral, mark, title = joined[:1], joined[1:2], joined[2:]
        number = L.cn_to_int(numeral)
        slot = f"S{number}"
        if mark == "、" and slot in L.SECTION_STANDARD_TITLES and L.is_standard_title(slot, L.normalise(title)):
            break
    else:
        return None
    start = info.text.index("|") + 1
    end = len(info.text.rstrip().rstrip("|").rstrip()) + 1
    return Heading(1, numeral, number, title, joined, Span(info.number, start, info.number, end))


#: What parts a pipe cell's lines: a <br> as read (blanks of its length) or as written.
_CELL_LINES = lazy_compile(r"<br\s*/?>|[ \u3000]{2,}", re.I)
