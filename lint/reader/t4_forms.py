"""Table 四 in forms other than its three blocks side by side, each a named layout that
reads the table or says the region is not in its form (None):

- :func:`transposed`: a line a result (结果维持, 结果纠正, …, 总计), each with the values of
  the three blocks, under a header naming the blocks (行政复议 | 行政诉讼（未经复议直接起诉）
  | 行政诉讼（复议后起诉）) — the header decides the blocks' order;
- :func:`key_value`: a line a cell, 「结果维持：3」, under a line naming each block.

A line of a result that does not carry one value a block leaves the whole table unread
(``t4-value-count``): which block a value belongs to is then unknown.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .. import labels as L
from ..format import T4
from ..lazy_re import lazy_compile
from ..model import Cell, Issue, Label, Span, Table4
from .cells import BLANK_MARKS, LCell, LineInfo, to_number
from .cells import to_cell

#: Table 四's column words (结果维持 … 总计) -> column key.
_RESULTS = {c.label: c.key for c in T4.columns}
#: A line that is one cell written as 「结果维持：—」 (the mark glued to the label's text).
_KEY_VALUE = lazy_compile("^(" + "|".join(_RESULTS) + r")\s*[：:]\s*(\S+)$")
#: The label of 「结果维持：3」, whose number the line reader cuts off as its cell.
_KEY = lazy_compile("^(" + "|".join(_RESULTS) + r")\s*[：:]$")


def _block_named(text: str) -> Optional[str]:
    """The block a label names: 复议后起诉, 未经复议直接起诉, or 行政复议 alone (行政诉讼 over the
    two suits names none)."""
    n = L.normalise(text)
    if "复议后" in n:
        return "after_review"
    if "直接起诉" in n or "未经复议" in n:
        return "direct"
    if n.startswith("行政复议") and "诉讼" not in n and len(n) <= 8:
        return "review"
    return None


def _blocks_of(info: LineInfo) -> tuple[Optional[str], ...]:
    """The blocks a header line names, in its order (a blank-separated header is one label:
    its words are the columns)."""
    named = (_block_named(w) for c in info.labels for w in c.text.split())
    return tuple(b for b in named if b)


def _result_of(info: LineInfo) -> Optional[str]:
    if len(info.labels) != 1:
        return None
    return _RESULTS.get(L.normalise(info.labels[0].text))


def transposed(infos: Sequence[LineInfo], issues: list[Issue]) -> Optional[Table4]:
    """Table 四 with the results as rows and the blocks as columns, or None when the region
    has fewer than four lines of a result word followed by values (the usual form has none)."""
    rows = [(i, _result_of(i)) for i in infos if not (i.blank or i.footer or i.md_rule)]
    results = [(info, col) for info, col in rows if col is not None and info.values]
    if len(results) < 4 or len({col for _, col in results}) != len(results):
        return None
    header = next((i for i in infos if i.number < results[0][0].number and len(_blocks_of(i)) == 3), None)
    blocks = _blocks_of(header) if header else T4.block_keys
    labels = tuple(Label(c.text, None, c.span, False) for i in ([header] if header else []) + [r for r, _ in results]
                   for c in i.labels)
    first, last = results[0][0].number, results[-1][0].number
    if len(set(blocks)) != 3 or any(len(info.values) != 3 for info, _ in results):
        found = sum(len(info.values) for info, _ in results)
        issues.append(Issue("t4-value-count", results[0][0].values[0].span, "t4", found=found, expected=15))
        return Table4({}, labels, first, Span(first, 1, last, 1))
    cells = {(b, col): to_cell(v) for info, col in results for b, v in zip(blocks, info.placed_values)}
    return Table4(cells, labels, first, Span(first, 1, last, 1))


def _key_value_cell(info: LineInfo) -> Optional[tuple[str, LCell]]:
    """(column key, its cell) of a line 「结果维持：3」, else None."""
    if len(info.labels) != 1 or len(info.values) > 1:
        return None
    label = info.labels[0]
    if info.values:
        m = _KEY.match(label.text)
        return None if m is None else (_RESULTS[m.group(1)], info.placed_values[0])
    m = _KEY_VALUE.match(label.text)
    if m is None:
        return None
    text, column = m.group(2), label.column + m.start(2)
    value = to_number(text)
    if value is None and text not in BLANK_MARKS:
        return None
    kind = "num" if value is not None else "blank"
    return _RESULTS[m.group(1)], LCell(kind, text, info.number, column, column + len(text), value)


def key_value(infos: Sequence[LineInfo], issues: list[Issue]) -> Optional[Table4]:
    """Table 四 as a line a cell (「结果维持：3」) under a line naming each block, or None when
    the region has fewer than five such lines."""
    block: Optional[str] = None
    cells: dict[tuple[str, str], Cell] = {}
    labels: list[Label] = []
    lines: list[int] = []
    for info in infos:
        if info.blank or info.footer:
            continue
        kv = _key_value_cell(info)
        if kv is None:
            named = _block_named(info.labels[0].text) if len(info.labels) == 1 and not info.values else None
            block = named or block
            continue
        col, cell = kv
        if block is None or (block, col) in cells:
            issues.append(Issue("t4-value-count", cell.span, "t4", found=len(cells) + 1, expected=15))
            return Table4({}, tuple(labels), info.number, Span(info.number))
        cells[(block, col)] = to_cell(cell)
        labels.append(Label(info.labels[0].text, None, info.placed_labels[0].span, False))
        lines.append(info.number)
    if len(cells) < 5:
        return None
    return Table4(cells, tuple(labels), lines[0], Span(lines[0], 1, lines[-1], 1))
