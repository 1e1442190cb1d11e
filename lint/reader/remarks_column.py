"""Layout "remarks column": a table closed by a 备注 column the format does not have.

Offices add a last column headed 备注 (or 说明) to tables 二 and 三 and fill it in a few
rows: empty in most, 「无」 in some, a phrase in others (「含依申请转主动公开」). Read as a
row's cells, its 无 is one value too many and its phrase a stray label after the values.
The header names the column: in a table cut into cells (tabs, pipes, a CSV's commas),
each row under a header line whose last cell is such a word has that column as its last
cell, which is set aside before the table is read. A row with fewer cells than the table's
rows (the remark left off) is left as printed; a row is counted from its first value too
(the line of a label's second paragraph in Word's plain text has no label cells before
it). Rows cut only by blanks, under a header cut by blanks whose last word is such a word,
lose the text that follows as many values as the header has columns
(:func:`_without_blank_cut_remarks`); a row with fewer values is read as printed: there a
remark cannot be told from a cell written 无 by its place. On a page saved with every cell
and row joined by tabs (one line, cut into a virtual line a row), each row ends in the tab
that joined it to the next, its header too: that tab cuts no cell; where its labels have
no numbering nothing cuts it, and the header and its rows stay on one line
(:func:`_rows_on_one_line`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Optional, Sequence

from .. import labels as L
from ..grammar import Line
from ..model import Issue, Span
from .cells import CELL_UNITS, LCell, LineInfo
from .csv_rows import csv_delimiter, csv_fields
from .lines import split_line

#: Header words of a remarks column.
REMARK_WORDS = frozenset({"备注", "说明", "备注说明", "附注"})


def _remarks_header(info: LineInfo) -> bool:
    cells = info.cells
    if len(cells) >= 3 and cells[-1].kind == "blank" and not cells[-1].text and _ends_in_joiner(info):
        cells = cells[:-1]  # (the cell after a page's joining tab or pipe)
    return (info.separated and len(cells) >= 2 and cells[-1].kind == "label" and len(cells[-1].text) <= 12
            and ("注" in cells[-1].text or "说明" in cells[-1].text)
            and L.normalise(cells[-1].text) in REMARK_WORDS)


def without_remarks(infos: Sequence[LineInfo], issues: list[Issue], table: str) -> Sequence[LineInfo]:
    """``infos`` with the remarks column of each separated row under a remarks header set
    aside (the header's own cell too), each row's remark cell recorded as an issue
    (``remark-cell``: where the row's cells end, for the rules that ask whether a row
    leaves an empty cell after its last value); ``infos`` itself when no header names one.

    A row has the column when it has as many separators as most rows with a value under
    the header (to the next remarks header): a header over several lines (merged cells
    written once) does not say how many, and an empty cell before a text one leaves no
    cell of its own. A row with fewer (its empty remark left off) keeps every cell."""
    heads: list[int] = []
    blank_cut = False  # a header cut by blanks (:func:`_without_blank_cut_remarks`)
    one_line: list[int] = []  # the header and its rows in one line (:func:`_rows_on_one_line`)
    for n, info in enumerate(infos):
        if info.separated:
            if _remarks_header(info):
                heads.append(n)
            elif _remarks_header_at(info.cells) is not None:
                one_line.append(n)
        elif not blank_cut:
            blank_cut = bool(_blank_cut_header_width(info))
    if one_line and not heads:
        infos = list(infos)
        for n in one_line:
            infos[n] = _rows_on_one_line(infos[n], issues, table)
    if not heads:
        return _without_blank_cut_remarks(infos, issues, table) if blank_cut else infos
    out = list(infos[: heads[0]])
    for at, stop in zip(heads, heads[1:] + [len(infos)]):
        # Rows joined into one line of a saved page (a tab after every cell, or markdown rows
        # one after the other) end in what joined them to the next: the header's does too,
        # and that is no cell boundary then.
        joined = _ends_in_joiner(infos[at])
        rows = [_without_joiner_cell(i) if joined else i for i in infos[at + 1:stop]]
        valued = [i for i in rows if i.separated and any(c.kind == "num" for c in i.cells)]
        seps = Counter(len(_cuts(i, joined)) for i in valued)
        width = max(seps.most_common(1)[0][0] if seps else 0, len(_cuts(infos[at], joined)))
        # (Counted from the first value too: a label's second paragraph on the line of the
        # values, in Word's plain text, has no cells for the label columns before it. Not
        # on a page of joined rows, whose lines hold what joined them.)
        value_seps = Counter(_value_cuts(i) for i in valued) if not joined else None
        value_width = value_seps.most_common(1)[0][0] if value_seps else 0
        header_cells = list(infos[at].placed_cells)
        out.append(_with_cells(infos[at], header_cells[:-2] if joined else header_cells[:-1]))
        for row, info in zip(rows, infos[at + 1:stop]):
            cuts = _cuts(row, joined) if row.separated else []
            if cuts and (len(cuts) >= width or value_width and _value_cuts(row) >= value_width) \
                    and row.cells and row.cells[-1].column > cuts[-1]:
                remark = row.placed_cells[-1]
                issues.append(Issue("remark-cell", remark.span, table, values=(remark.text,)))
                info = _without_remark(row, cuts)
            out.append(info)
    return out


def _remarks_header_at(cells: Sequence[LCell]) -> Optional[int]:
    """Where a remarks header cell stands inside a line that goes on with rows after it (a
    saved page whose cells and rows were all joined by tabs, its labels without numbering,
    so nothing cut it into a line a row): the index of that cell, after two or more header
    labels and before a value; None for any other line."""
    for k in range(2, len(cells) - 1):
        c = cells[k]
        if c.kind == "label" and len(c.text) <= 4 and L.normalise(c.text) in REMARK_WORDS \
                and cells[k - 1].kind == cells[k - 2].kind == "label":
            return k if any(v.kind == "num" for v in cells[k + 1:]) else None
    return None


def _rows_on_one_line(info: LineInfo, issues: list[Issue], table: str) -> LineInfo:
    """The line without the remarks header's cell and each row's remark that reads as a value
    (「…\t0\t无\t不予处理\t…」: 无 after the row's values, before the next row's label).
    A row is a run of labels and the values after it; the rows' width is the count of
    values most of them have (most remarks are left empty, and an empty cell between a
    value and a label leaves no cell). A row with one value more than that, the last a
    mark, has it as its remark; a row of any other width is left as printed (a remark
    cannot be told there from a cell written 无)."""
    cells = list(info.placed_cells)
    at = _remarks_header_at(cells)
    rows: list[list[int]] = []  # the indexes of each row's values
    after_value = False
    for k in range(at + 1, len(cells)):
        if cells[k].kind == "label":
            if after_value or not rows:
                rows.append([])
            after_value = False
        elif rows:
            rows[-1].append(k)
            after_value = True
    while rows and rows[-1] and not cells[rows[-1][-1]].text:
        rows[-1].pop()  # (the tab that joined the line to the next: no cell)
    widths = Counter(len(r) for r in rows if r)
    if not widths:
        return info
    width = widths.most_common(1)[0][0]
    dropped = {at}
    for r in rows:
        last = cells[r[-1]] if len(r) == width + 1 else None
        if last is not None and last.kind == "blank" and last.text:
            issues.append(Issue("remark-cell", last.span, table, values=(last.text,)))
            dropped.add(r[-1])
    return _with_cells(info, [c for k, c in enumerate(cells) if k not in dropped])


def _ends_in_joiner(info: LineInfo) -> bool:
    """The line ends in what joined it to the next row on a page saved on one line: a tab
    (after every cell), or a markdown row's closing pipe and the next one's opening pipe."""
    toks = [t for t in info.tokens if t.type != "BLANK"]
    return bool(toks) and (toks[-1].type == "TAB" or len(toks) > 1 and toks[-1].type == toks[-2].type == "PIPE")


def _without_joiner(cells: Sequence[LCell]) -> Sequence[LCell]:
    return cells[:-1] if cells and cells[-1].kind == "blank" and not cells[-1].text else cells


def _without_joiner_cell(info: LineInfo) -> LineInfo:
    """A row of a tab-joined page without the empty cell after its last tab."""
    if not _ends_in_joiner(info) or not info.cells or info.cells[-1].text:
        return info
    return _with_cells(info, list(_without_joiner(info.placed_cells)))


def _cuts(info: LineInfo, joined: bool = False) -> list[int]:
    """The columns of the tabs or pipes that cut the line, each before a cell (a closing
    pipe is not counted: | a | b | has two cells, as a\tb; nor, on a ``joined`` page, the
    tab after the last cell)."""
    toks = [t for t in info.tokens if t.type != "BLANK"]
    cuts = [t.column for t in toks if t.type in ("TAB", "PIPE")]
    if not cuts and info.separated and csv_delimiter(info.text):
        return _csv_cuts(info.text)
    if toks and toks[-1].type == "PIPE":
        cuts.pop()
    # (On a ``joined`` page: the tab, or the next row's opening pipe after this one's
    # closing pipe, that joined the rows.)
    if joined and cuts and (toks[-1].type == "TAB" or len(toks) > 1 and toks[-1].type == toks[-2].type == "PIPE"):
        cuts.pop()
    return cuts


def _value_cuts(info: LineInfo) -> int:
    """How many of the line's cuts stand after its label: from the one before its first
    value (0 for a line with no value)."""
    first = next((c.column for c in info.cells if c.kind == "num"), None)
    if first is None:
        return 0
    cuts = _cuts(info)
    return sum(1 for c in cuts if c >= first) + any(c < first for c in cuts)


def _csv_cuts(text: str) -> list[int]:
    """The columns of the commas that cut a spreadsheet's CSV row (.csv_rows), each before
    a field: its fields are cut by no tab or pipe."""
    fields = csv_fields(text)
    if fields is None:
        return []
    delimiter = csv_delimiter(text)
    return [text.rfind(delimiter, 0, column - 1) + 1 for _field, column in fields[1:]]


def _without_remark(info: LineInfo, cuts: list[int]) -> LineInfo:
    """The line without its last cell. A line ending in a text cell is cut with its empty
    cells dropped (they stand for merged label cells there): each empty place between the
    row's first value and the remark becomes an empty cell again."""
    cells = list(info.placed_cells[:-1])
    first = next((c.column for c in cells if c.kind == "num"), None)
    if first is not None:
        line = info.number
        for start, end in zip(cuts, cuts[1:]):
            if start > first and not info.text[start:end - 1].strip() \
                    and not any(start < c.column <= end for c in cells):
                cells.append(LCell("blank", "", line, start + 1, start + 1))
        cells.sort(key=lambda c: c.column)
    return _with_cells(info, cells)


def _with_cells(info: LineInfo, cells: list[LCell]) -> LineInfo:
    """``info`` with these cells (carrying its own number): a reading of its own, no longer
    a view of a line read at another number (cells.seen_at)."""
    return replace(info, cells=cells, labels=None, values=None, shared=None, _placed=None)


#: A value of a blank-separated row: a number (with its unit, 「3件」), or a mark written
#: for none.
_VALUE = (r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?(?:" + "|".join(sorted(CELL_UNITS, key=len, reverse=True))
          + r")?|[-—－/／无])")


@lru_cache(maxsize=16)
def _row_then_remark(width: int) -> re.Pattern:
    """A blank-separated row: its label, ``width`` values, then text starting with no
    digit (the remark)."""
    return re.compile(r"(.*?\S)((?:[ \u3000]+" + _VALUE + r"){" + str(width) + r"})[ \u3000]+([^\s0-9０-９].*?)\s*$")


def _blank_cut_header_width(info: LineInfo) -> int:
    """On a header line cut by blanks whose last word names a remarks column (「信息内容
    本年处理决定数量 备注」), how many value columns stand before it (the words between
    the first, the label column's, and the last); 0 on any other line."""
    text = info.text
    if "注" not in text and "说明" not in text or info.separated or info.blank:
        return 0
    words = text.split()
    if len(words) < 3 or L.normalise(words[-1]) not in REMARK_WORDS or any(ch.isdigit() for ch in text):
        return 0
    return len(words) - 2


def _cut_at(info: LineInfo, end: int) -> LineInfo:
    """The line read again as if it ended at 0-based ``end``."""
    return split_line(Line(info.number, info.text[:end], tuple(t for t in info.tokens if t.column <= end)))


def _without_blank_cut_remarks(infos: Sequence[LineInfo], issues: list[Issue], table: str) -> Sequence[LineInfo]:
    """Rows cut by blanks under such a header: where a row's label and as many values as the
    header has columns are followed by text that starts with no digit (「行政许可 0 无」,
    「3.其他 0 0 0 0 0 0 0 其中1件为网上申请」), that text is the remark, set aside before
    the row is read (read with it, the whole line was one label, or 无 a value too many).
    A row with fewer values (a cell left empty, nothing marks where) is read as printed."""
    out: list[LineInfo] = []
    width = 0
    for info in infos:
        header = _blank_cut_header_width(info)
        if header:
            width = header
            text = info.text.rstrip()
            out.append(_cut_at(info, len(text) - len(text.split()[-1])))
            continue
        m = _row_then_remark(width).match(info.text) if width and not info.separated and not info.blank else None
        if m is not None:
            issues.append(Issue("remark-cell", Span(info.number, m.start(3) + 1, info.number, m.end(3) + 1), table,
                                values=(m.group(3),)))
            info = _cut_at(info, m.end(2))
        out.append(info)
    return out
