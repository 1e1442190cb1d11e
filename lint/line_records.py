"""The typed record of one line, and how a plan (:mod:`gplint.line_shaper`) and the line's
tokens make it.

A line is a heading (:class:`HeadingLine`), a table row with its cells and separator
(:class:`RowLine`), a page footer (:class:`FooterLine`), prose (:class:`ProseLine`) or
blank (:class:`BlankLine`); every record carries the line's tokens (:class:`Tok`). The
plan says which record a line is and where its parts stand, in token positions; the values
the grammar does not look at (is this short line's word 页 or a dash?) are read here, when
the record is made.
"""
from __future__ import annotations

from typing import NamedTuple, Union


# --------------------------------------------------------------------------- tokens, lines
class Tok(NamedTuple):
    """One token. A named tuple: immutable, and the cheapest object Python builds (an
    8 KB report has about a thousand of them)."""

    type: str
    value: str
    column: int  # 1-based, code points

    @property
    def end_column(self) -> int:
        return self.column + len(self.value)


class Line(NamedTuple):
    number: int
    text: str
    tokens: tuple[Tok, ...]


# --------------------------------------------------------------------------- line records
class LineCell(NamedTuple):
    """A cell of a table row: what stands between two separators (or, on a row without
    separators, the label or one of its numbers)."""

    #: "label" (words, possibly numbered: 1.属于国家秘密), "number" (one number),
    #: "numbers" (several, blank-separated), "blank" (layout only), "empty" (nothing).
    kind: str
    tokens: tuple[Tok, ...]

    @property
    def text(self) -> str:
        return "".join([t.value for t in self.tokens]).strip()


class BlankLine(NamedTuple):
    """An empty line, or one holding only blanks and markdown marks."""

    tokens: tuple[Tok, ...]


class HeadingLine(NamedTuple):
    """A line that opens with numbering (after blanks or markdown marks): 一、总体情况,
    （二）主动公开, 1.属于国家秘密, 第三部分 …."""

    tokens: tuple[Tok, ...]
    numbering: Tok
    #: 1 for 一、 and 第一部分, 2 for （一）, 3 for 1. and （1）.
    level: int
    #: The tokens after the numbering, without the layout around them.
    title: tuple[Tok, ...]


class RowLine(NamedTuple):
    """A table row: cells cut by pipes or tabs, or a label followed by blank-separated
    numbers (separator "BLANK"; then the cells are the label, if any, and each number)."""

    tokens: tuple[Tok, ...]
    separator: str  # "PIPE", "TAB" or "BLANK"
    cells: tuple[LineCell, ...]


class FooterLine(NamedTuple):
    """A page footer: "- 3 -", "— 3 —", "第 3 页", "第3页 共5页", "3/5" (:func:`footer_words`)."""

    tokens: tuple[Tok, ...]
    numbers: tuple[Tok, ...]


class ProseLine(NamedTuple):
    """Anything else: prose and titles. The text stays opaque; its numbers (arabic,
    full-width and Chinese numerals) are listed for the narrative rules."""

    tokens: tuple[Tok, ...]
    numbers: tuple[Tok, ...]


LineRecord = Union[BlankLine, HeadingLine, RowLine, FooterLine, ProseLine]

# A footer's words besides its page numbers (gplint.reader reads footers the same way).
_FOOTER_DASHES = frozenset("-—–－―")
_FOOTER_WORDS = frozenset("第页共/")


def footer_words(rest: "set[str] | frozenset[str]", number_at_end: bool, numbers: int) -> bool:
    """Whether a short line whose characters besides its numbers are ``rest`` is a page
    footer: dashes around its number ("- 3 -", "— 3 —"), 第/页/共 ("第 3 页", "第3页 共5页"),
    or a slash between two numbers ("3/5", a page of five). Not "共 3 件", nor "3 -"."""
    return ((rest <= _FOOTER_DASHES and not number_at_end) or (rest <= _FOOTER_WORDS and "页" in rest)
            or (numbers == 2 and rest == {"/"}))



# --------------------------------------------------------------------------- plan -> record
# (Records are made with tuple.__new__: a named tuple's own constructor costs a call more.)
_new = tuple.__new__


def make_record(plan: tuple, toks: tuple) -> LineRecord:
    """The typed record of a line from its plan and its tokens."""
    kind = plan[0]
    if kind == "row":
        return _new(RowLine, (toks, plan[1], tuple([_new(LineCell, (k, toks[a:b])) for k, a, b in plan[2]])))
    if kind == "text":
        return _text_record(plan, toks)
    if kind == "heading":
        _, i, level, a, b = plan
        return _new(HeadingLine, (toks, toks[i], level, toks[a:b]))
    return _new(BlankLine, (toks,))


def _text_record(plan: tuple, toks: tuple) -> LineRecord:
    _, footer, cells, numerals = plan
    if footer is not None:  # a footer's shape: its words decide ("- 3 -", "第 3 页"; not "共 3 件")
        others, numbers, number_at_end = footer
        rest = set("".join([toks[k][1] for k in others]))
        if footer_words(rest, number_at_end, len(numbers)):
            return _new(FooterLine, (toks, tuple([toks[k] for k in numbers])))
    # Numbers standing alone at the end, after a label (or alone): a row of a table whose
    # cells are separated by blanks. Otherwise prose.
    if cells is not None:
        return _new(RowLine, (toks, "BLANK", tuple([_new(LineCell, (k, toks[a:b])) for k, a, b in cells])))
    return _new(ProseLine, (toks, tuple([toks[k] for k in numerals])))

