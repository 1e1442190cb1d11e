"""A line's parse tree -> its *plan*: which record the line makes (heading, table row with
its cells and separator, label followed by numbers, footer, prose, blank) and where its
parts stand, in token positions.

:class:`LineShaper` is a ``lark.Transformer`` over Lark's parse of one line (the grammar:
``grammar/report.lark``). A plan never holds text, so one plan serves every line with the
same sequence of token types (:class:`gplint.line_reader.LineReader` remembers them so);
:func:`gplint.line_records.make_record` turns a plan and a line's tokens into its record.
The class subclasses ``lark.Transformer`` and is made when first asked for: importing Lark
is kept off the import of this module (a run that meets only shapes seen before never
imports Lark).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, NamedTuple

if TYPE_CHECKING:
    from lark import Tree

_LEVELS = {"ENUM_TOP": 1, "ENUM_PAREN": 2, "ENUM_ITEM": 3}
_NUMBER_TYPES = frozenset({"NUMBER", "CN_NUMBER"})


def _shaper_base() -> type:
    from lark import Transformer

    return Transformer


class _Seg(NamedTuple):
    """A segment (a plain line, or what stands between separators) while shaping: its rule
    and its parts, each (tag, token count, numbering level, numerals) as the chunk and
    layout callbacks of :class:`LineShaper` give them."""

    rule: str
    parts: tuple


def _flat(children: list) -> tuple:
    return tuple(p for c in children for p in c)


def _seg_plan(seg: Optional[_Seg], start: int) -> tuple:
    """(cell kind, first token, end) of a segment that begins at token ``start``."""
    if seg is None:
        return ("empty", start, start)
    end = start + sum(p[1] for p in seg.parts)
    tags = [p[0] for p in seg.parts if p[0] != "layout"]
    if not tags:
        return ("blank", start, end)
    if all(t == "number" for t in tags):
        return ("number" if len(tags) == 1 else "numbers", start, end)
    return ("label", start, end)  # words, or numbering and words


class _ShapingCallbacks:
    """Turns the parse tree of one line into its plan: which record the line makes and
    where each of its parts stands, in token positions. Plans hold no text, so one plan
    serves every line with the same token types (see :class:`~gplint.line_reader.LineReader`).

    A plan is one of
      ("blank",)
      ("heading", numbering position, level, title start, title end)
      ("text", footer, row cells, numerals) (see _text_plan)
      ("row", separator, cells) with cells ((kind, start, end), …)

    (The callbacks of :class:`LineShaper`, which adds ``lark.Transformer`` to them.)
    """

    # Chunks and layout: (tag, how many tokens, numbering level, numerals) where
    # numerals are the (offset, type) of the chunk's NUMBER and CN_NUMBER tokens.
    def layout(self, children: list) -> tuple:
        return (("layout", len(children), 0, ()),)

    def numbering(self, children: list) -> tuple:
        return (("numbering", 1, _LEVELS[children[0].type], ()),)

    def number(self, children: list) -> tuple:
        return (("number", 1, 0, ((0, "NUMBER"),)),)

    def words(self, children: list) -> tuple:
        return (("words", len(children), 0,
                 tuple([(i, t.type) for i, t in enumerate(children) if t.type in _NUMBER_TYPES])),)

    # Segments.
    def blank(self, children: list) -> _Seg:
        return _Seg("blank", _flat(children))

    def heading(self, children: list) -> _Seg:
        return _Seg("heading", _flat(children))

    def text(self, children: list) -> _Seg:
        return _Seg("text", _flat(children))

    def tab_cells(self, children: list) -> list:
        return _cells_between(children, "TAB", lambda c: c if isinstance(c, _Seg) else None)

    # Lines.
    def line(self, children: list) -> tuple:
        if not children:
            return ("blank",)
        seg = children[0]
        if seg.rule == "blank":
            return ("blank",)
        if seg.rule == "heading":
            return _numbered_row_plan(seg) or _heading_plan(seg)
        return _text_plan(seg)

    def tab_row(self, children: list) -> tuple:
        return _row_plan("TAB", children[0])

    def pipe_row(self, children: list) -> tuple:
        return _row_plan("PIPE", _cells_between(children, "PIPE", _pipe_cell))


def _pipe_cell(child: Any) -> Optional[_Seg]:
    """A child of a pipe row as a cell, or None for a pipe."""
    if isinstance(child, list):  # a pipe cell holding tabs: one cell (a tab is a blank there)
        return _Seg("cell", tuple(
            p for x in child for p in ((("layout", 1, 0, ()),) if x == "TAB" else x.parts if x else ())))
    return child if isinstance(child, _Seg) else None


def _make_shaper() -> Any:
    """The class :class:`LineShaper`: the callbacks on ``lark.Transformer``."""
    return type("LineShaper", (_ShapingCallbacks, _shaper_base()),
                {"__doc__": _ShapingCallbacks.__doc__, "__module__": __name__})

def _heading_plan(seg: _Seg) -> tuple:
    """The numbering's position and level, and where the title stands (its layout left out)."""
    pos = 0
    numbering = level = -1
    first = last = None
    for tag, n, lvl, _ in seg.parts:
        if tag == "numbering" and numbering < 0:
            numbering, level = pos, lvl
        elif tag != "layout" and numbering >= 0:
            if first is None:
                first = pos
            last = pos + n
        pos += n
    if first is None:
        first = last = numbering + 1
    return ("heading", numbering, level, first, last)


def _numbered_row_plan(seg: _Seg) -> Optional[tuple]:
    """A numbered label followed by blank-separated numbers (一、本年新收… 33 4 10) is a
    table row, not a heading; None for a heading."""
    chunks = _chunks(seg)
    k = len(chunks)
    while k and chunks[k - 1][0] == "number":
        k -= 1
    if k == len(chunks) or chunks[k - 1][0] != "words":
        return None
    cells = [("label", chunks[0][1], chunks[k - 1][2])] + [("number", a, b) for _, a, b in chunks[k:]]
    return ("row", "BLANK", tuple(cells))


def _chunks(seg: _Seg) -> list[tuple[str, int, int]]:
    """(tag, start, end) of each part of a segment but its layout."""
    chunks = []
    pos = 0
    for tag, n, _, _ in seg.parts:
        if tag != "layout":
            chunks.append((tag, pos, pos + n))
        pos += n
    return chunks


def _cells_between(children: list, separator: str, as_cell: Callable[[Any], Optional[_Seg]]) -> list:
    """Cells and separators in order, an empty cell (between two separators, or before the
    first or after the last) as None. ``as_cell(child)``: the child as a cell, or None for a
    separator token."""
    out: list = []
    after_separator = True
    for child in children:
        cell = as_cell(child)
        if cell is None:
            if after_separator:
                out.append(None)
            out.append(separator)
            after_separator = True
        else:
            out.append(cell)
            after_separator = False
    if after_separator:
        out.append(None)
    return out


def _text_plan(seg: _Seg) -> tuple:
    """("text", footer, row cells, numerals): what the record needs, in token positions.

    ``footer`` is None unless the line has a footer's shape (at most six tokens besides
    layout, one or two of them NUMBER, something else too); then it is (positions of the
    other content tokens, NUMBER positions, whether a number opens or closes the line), for
    the record to look at their values. ``row cells`` are the label and number cells when
    the line ends in lone numbers (else None); ``numerals`` the NUMBER and CN_NUMBER
    positions (a prose line's quantities)."""
    chunks = _chunks(seg)
    numerals: list[tuple[int, str]] = []
    pos = 0
    for _, n, _, nums in seg.parts:
        numerals.extend((pos + i, typ) for i, typ in nums)
        pos += n
    content = [k for _, a, b in chunks for k in range(a, b)]
    numbers = tuple(k for k, typ in numerals if typ == "NUMBER")
    footer = None
    if len(content) <= 6 and 1 <= len(numbers) <= 2 and len(content) > len(numbers):
        others = tuple(k for k in content if k not in numbers)
        footer = (others, numbers, content[0] in numbers or content[-1] in numbers)
    k = len(chunks)
    while k and chunks[k - 1][0] == "number":
        k -= 1
    cells = None
    if k < len(chunks):
        cells = ([("label", chunks[0][1], chunks[k - 1][2])] if k else []) + [("number", a, b) for _, a, b in chunks[k:]]
        cells = tuple(cells)
    return ("text", footer, cells, tuple(k for k, _ in numerals))


def _row_plan(separator: str, items: list) -> tuple:
    """A row's plan from its cells (segments, None for an empty cell) and separators."""
    cells = []
    pos = 0
    for it in items:
        if it == separator:
            pos += 1
            continue
        kind, a, b = _seg_plan(it, pos)
        cells.append((kind, a, b))
        pos = b
    return ("row", separator, tuple(cells))


def _shaper() -> Any:
    global _SHAPER
    if _SHAPER is None:
        _SHAPER = _make_shaper()()
    return _SHAPER


_SHAPER: Any = None


def __getattr__(name: str) -> Any:
    # ``gplint.line_shaper.LineShaper``: the Transformer class, made when first asked for (it
    # subclasses lark.Transformer, and importing Lark is kept off the import of this module).
    if name == "LineShaper":
        return type(_shaper())
    raise AttributeError(name)


def plan_of(tree: "Tree") -> tuple:
    """The plan :class:`LineShaper` makes of a line's parse tree."""
    return _shaper().transform(tree)

