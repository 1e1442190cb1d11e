"""The Lark grammar of a report's lines, and the typed line records it produces.

``grammar/report.lark`` is the single source of the tokens and of the line structure.
Lark builds an LALR(1) parser from it (``lark.Lark(..., parser="lalr")``, cached on disk
with Lark's ``cache=``), parses each line into a tree, and :class:`LineShaper`, a
``lark.Transformer``, turns that tree into a *plan*: which record the line is (heading,
table row with its cells and separator, label followed by numbers, footer, prose, blank)
and where its parts stand, in token positions. :func:`read_record` gives the typed record
(:class:`HeadingLine`, :class:`RowLine`, :class:`FooterLine`, :class:`ProseLine`,
:class:`BlankLine`); every record carries the line's tokens (:class:`Tok`). The reader cuts
each line as its record says (``gplint.reader.lines.split_record``): blank lines, page
footers and the cells of rows cut by pipes or tabs come from the record; rows of
blank-separated numbers, headings and prose are read from the tokens, whose values (a
dash, digits written against a label, a sign) the grammar does not look at.

Only Lark's public API is used: ``Lark(...)``, ``Lark.parse``, ``Lark.terminals`` (the
terminal definitions: name, priority, pattern), ``Lark.options``, ``Tree.scan_values`` and
a ``Transformer`` (tests/test_grammar.py scans this module for anything else).

Why it stays fast. Lark's lexer and LALR loop, run on every line, would halve gplint's
throughput (bench/README.md), while most lines of a batch repeat what was read before. So:

* the tokens come from one regular expression: the grammar's terminals, taken from
  ``Lark.terminals`` in the order Lark's basic lexer tries them (priority, then width),
  joined into one alternation and run with ``re.finditer``. The tests check it gives Lark's
  own tokens on the corpus and on generated text;
* an LALR parse depends on the token *types* only (the parse table never sees a token's
  text), so the plan of a line is remembered by its sequence of token types: a table's rows
  of numbers, its labels and most prose lines share a handful of shapes, and Lark parses
  each shape once per process. A plan never holds text; values the grammar cannot see
  (is this short line's word 页 or a dash?) are read when the record is made;
* whole lines and table cells already read are remembered (:class:`LineMemo`): reports
  repeat the same labels, headings and rows of zeros;
* the lexicon and the plans are kept from one run to the next (:mod:`gplint.shape_cache`),
  so a run that meets only shapes seen before never imports Lark (a cold ``gplint FILE``).

Results never depend on any of the memos (tests/test_grammar.py, test_line_memo.py,
test_shape_cache.py).
"""
from __future__ import annotations

import os
import re
import threading
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Optional, Sequence, Union

from . import shape_cache
from .shape_cache import Lexicon
from .lazy_re import lazy_compile

if TYPE_CHECKING:
    from lark import Lark, Tree

_LOCK = threading.RLock()  # re-entrant: building the reader builds the parser
_PARSER: Optional["Lark"] = None
_READER: Optional["LineReader"] = None


def grammar_path() -> str:
    import gplint.grammar_files

    # The file beside the package's __init__ when it is installed as plain files (always, but
    # for a zipped install): importlib.resources costs ~3 % of a run's start-up to import.
    init = getattr(gplint.grammar_files, "__file__", None)
    if init:
        beside = os.path.join(os.path.dirname(init), "report.lark")
        if os.path.isfile(beside):
            return beside
    from importlib import resources

    return str(resources.files("gplint.grammar_files").joinpath("report.lark"))


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

_LEVELS = {"ENUM_TOP": 1, "ENUM_PAREN": 2, "ENUM_ITEM": 3}
# A footer's words besides its page numbers (gplint.reader reads footers the same way).
_FOOTER_DASHES = frozenset("-—–－―")
_FOOTER_WORDS = frozenset("第页共/")


def footer_words(rest: "set[str] | frozenset[str]", number_at_end: bool, numbers: int) -> bool:
    """Whether a short line whose characters besides its numbers are ``rest`` is a page
    footer: dashes around its number ("- 3 -", "— 3 —"), 第/页/共 ("第 3 页", "第3页 共5页"),
    or a slash between two numbers ("3/5", a page of five). Not "共 3 件", nor "3 -"."""
    return ((rest <= _FOOTER_DASHES and not number_at_end) or (rest <= _FOOTER_WORDS and "页" in rest)
            or (numbers == 2 and rest == {"/"}))


# --------------------------------------------------------------------------- the parser
def build_parser(cache: "str | bool | None" = None) -> "Lark":
    """The LALR parser of ``report.lark``: start symbols ``start`` (a whole text) and
    ``line`` (one line, as :class:`LineReader` parses).

    ``cache``: a file path, ``True`` (Lark's temp-dir cache) or ``False``; ``None`` means the
    per-user cache directory (see :func:`_cache_path`). Exposed so bench/ can time both.
    """
    from lark import Lark

    if cache is None:
        cache = _cache_path() or False
    with open(grammar_path(), encoding="utf-8") as fh:
        grammar = fh.read()
    return Lark(grammar, parser="lalr", lexer="basic", start=["start", "line"],
                maybe_placeholders=False, cache=cache)


def get_parser() -> "Lark":
    global _PARSER
    if _PARSER is None:
        with _LOCK:
            if _PARSER is None:
                _PARSER = build_parser()
    return _PARSER


def _cache_path(suffix: str = "lark.cache") -> Optional[str]:
    """Where Lark may cache the built parser; None when no writable place exists."""
    base = os.environ.get("GPLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "gplint")
    try:
        os.makedirs(base, exist_ok=True)
    except OSError:
        return None
    if not os.access(base, os.W_OK):
        return None
    from . import __version__

    return os.path.join(base, f"report-{__version__}.{suffix}")


def line_tree(text: str) -> "Tree":
    """Lark's parse tree of one line (no line end in it)."""
    return get_parser().parse(text, start="line")


# --------------------------------------------------------------------------- tree -> plan
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


def _make_shaper() -> Any:
    class LineShaper(_shaper_base()):
        """Turns the parse tree of one line into its plan: which record the line makes and
        where each of its parts stands, in token positions. Plans hold no text, so one plan
        serves every line with the same token types (see :class:`LineReader`).

        A plan is one of
          ("blank",)
          ("heading", numbering position, level, title start, title end)
          ("text", footer, row cells, numerals) (see _text_plan)
          ("row", separator, cells) with cells ((kind, start, end), …)
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
            def as_cell(c: Any) -> Optional[_Seg]:
                if isinstance(c, list):  # a pipe cell holding tabs: one cell (a tab is a blank there)
                    return _Seg("cell", tuple(
                        p for x in c for p in ((("layout", 1, 0, ()),) if x == "TAB" else x.parts if x else ())))
                return c if isinstance(c, _Seg) else None

            return _row_plan("PIPE", _cells_between(children, "PIPE", as_cell))

    return LineShaper


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
    # ``gplint.grammar.LineShaper``: the Transformer class, made when first asked for (it
    # subclasses lark.Transformer, and importing Lark is kept off the import of this module).
    if name == "LineShaper":
        return type(_shaper())
    raise AttributeError(name)


def plan_of(tree: "Tree") -> tuple:
    """The plan :class:`LineShaper` makes of a line's parse tree."""
    return _shaper().transform(tree)


# --------------------------------------------------------------------------- plan -> record
_new = tuple.__new__
_NUMBER_TYPES = frozenset({"NUMBER", "CN_NUMBER"})


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


# --------------------------------------------------------------------------- reading lines
#: Lines up to this many characters are remembered from one report to the next. Every
#: report prints the same table labels, headings and rows of zeros ("1.属于国家秘密",
#: "| 0 | 0 | 0 |", "行政复议"), so across a batch most short lines have been read before;
#: long lines (prose) rarely repeat and are not kept. A memo of a pure function of the
#: line's text: results are the same with or without it (tests/test_tokenise.py).
MEMO_MAX_LINE = -1 if os.environ.get("GPLINT_NO_LINE_MEMO") else 100  # -1: remember nothing (bench/)
#: Lines per generation of a :class:`LineMemo`.
MEMO_SIZE = 1024
#: Lines of at most this many tokens have their plan remembered by token types; a longer
#: line (a page flattened into one line) is parsed on its own, so no memo key is huge.
#: ``GPLINT_NO_PLAN_MEMO=1``: Lark parses every line read for the first time (bench/).
SHAPE_MAX_TOKENS = -1 if os.environ.get("GPLINT_NO_PLAN_MEMO") else 256


class LineMemo:
    """A bounded memo of line readings: two generations of at most ``size`` lines each.

    New readings go to the young generation; when it is full it becomes the old one (the
    previous old one is dropped). A reading found only in the old generation is moved back
    to the young one, so what every report prints (table labels, rows of zeros) stays while
    one-off lines age out. Memory is bounded by ``2 × size`` lines whatever the batch size.

    Threads (``gplint.batch`` called from several) may race on a generation change: a
    reading is then lost or a generation grows a little past ``size``. That costs a later
    lookup, never a result: a missing reading is read again.
    """

    __slots__ = ("young", "old", "size")

    def __init__(self, size: int = MEMO_SIZE) -> None:
        self.young: dict = {}
        self.old: dict = {}
        self.size = size

    def get(self, key: Any) -> Any:
        value = self.young.get(key)
        if value is None:
            value = self.old.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: Any, value: Any) -> None:
        if len(self.young) >= self.size:
            self.old = self.young
            self.young = {}
        self.young[key] = value

    def __len__(self) -> int:
        return len(self.young) + len(self.old)


_TYPE = itemgetter(0)
_VALUE = itemgetter(1)
_SEPARATORS = "\t|｜"
_SEPARATOR_SPLIT = lazy_compile("([" + re.escape(_SEPARATORS) + "])").split
_HAS_SEPARATOR = lazy_compile("[" + re.escape(_SEPARATORS) + "]").search


# A line with every terminal, several at their boundaries (see LineReader.usable).
_PROBE = "## **一、总体情况** （二）1.（3）第三部分：12 1,234 ３.５ 十二 二〇二四年 |a｜b\t— 3 —\u3000x"


class LineReader:
    """Reads lines into records: the grammar's tokens, Lark's plan of their structure.

    ``usable`` is False when the grammar uses a feature the one-expression lexer does not
    reproduce (ignored terminals, a string terminal that a pattern also matches, a terminal
    that may match a line end); then every line takes Lark's own lexer and parser.
    The memos and the separators are as documented beside them.

    ``lexicon``: the expression and what was found of it (:func:`lexicon_of`); ``parser``:
    Lark's, or None to load it when a line of a new shape first needs it; ``plans``: plans
    of earlier runs (the shape cache, :mod:`gplint.shape_cache`).
    """

    def __init__(self, lexicon: Lexicon, parser: Optional["Lark"] = None,
                 plans: Optional[dict] = None) -> None:
        self.regex = re.compile(lexicon.pattern, lexicon.flags)
        self.usable = lexicon.usable
        #: Separator character -> its terminal, when lines may be read cell by cell.
        self.separators = lexicon.separators
        self.lexicon = lexicon
        self._parser = parser
        #: Records of short lines, kept from report to report (see :data:`MEMO_MAX_LINE`).
        self.memo = LineMemo()
        #: Tokens of table cells ("0", "12", "1.属于国家秘密"), kept from report to report.
        self.cells = LineMemo()
        #: Plans by token types (see the module's docstring); those of earlier runs from the
        #: shape cache (gplint.shape_cache) in the old generation.
        self.plans = LineMemo()
        # (Saved plans are decoded when a line of their shape is read: not copied here.)
        self.plans.old = plans if plans is not None else {}
        #: Plans Lark made in this process and not yet saved to the shape cache.
        self.unsaved = 0

    @property
    def parser(self) -> "Lark":
        """Lark's parser, loaded when a line of a new shape first needs it."""
        if self._parser is None:
            self._parser = get_parser()
        return self._parser

    # -- whole texts
    def tokenise(self, text: str) -> Optional[list[Line]]:
        """Lines of ``text``, or None when some character matches no terminal."""
        # A line's record is shared by every line with the same text (tables repeat
        # "| 0 |" rows endlessly). Local to this call: no state survives it.
        line_cache: dict = {}
        out: list[Line] = []
        number = 0
        for raw in text.split("\n"):
            number += 1
            toks = line_cache.get(raw)
            if toks is None:
                rec = self.read_record(raw)
                if rec is None:
                    return None
                toks = line_cache[raw] = rec.tokens
            out.append(_new(Line, (number, raw, toks)))
        return out

    # -- one line
    def read_line(self, raw: str) -> Optional[Sequence[Tok]]:
        """The tokens of one line (no line end in it), or None when some character matches
        no terminal (see :meth:`read_tokens_and_record`)."""
        read = self.read_tokens_and_record(raw)
        return None if read is None else read[0]

    def read_tokens_and_record(self, raw: str) -> Optional[tuple[Sequence[Tok], Optional[LineRecord]]]:
        """The tokens of one line (no line end in it) and its record, or None when some
        character matches no terminal.

        A line of more than :data:`SHAPE_MAX_TOKENS` tokens (a page flattened into one line)
        is only lexed, into :class:`~gplint.packed_tokens.PackedTokens`, its record None:
        the record would need a parse of the whole page by Lark, for the tokens alone (the
        reader cuts such a line into virtual lines, each of them tokenised on its own)."""
        if self.usable and 0 <= SHAPE_MAX_TOKENS < len(raw):
            # Packed (5 bytes a token, each Tok made when read): such a line's tokens as
            # objects cost 40-120 bytes a character (bench/README.md, issue 16).
            from .packed_tokens import PackedTokens  # (imports this module: not at its top)

            packed = PackedTokens.lex(self.regex, raw)
            if packed is None:
                return None
            if len(packed) > SHAPE_MAX_TOKENS:
                return (packed, None)
        rec = self.read_record(raw)
        return None if rec is None else (rec.tokens, rec)

    def read_record(self, raw: str) -> Optional[LineRecord]:
        """The record of one line (no line end in it), or None when some character matches
        no terminal (Lark's parse then says which)."""
        memo = self.memo
        short = len(raw) <= MEMO_MAX_LINE
        if short:
            rec = memo.young.get(raw) or memo.get(raw)
            if rec is not None:
                return rec
        if not self.usable:
            return self._lark_record(raw)
        toks = self._lex(raw)
        # finditer skips what no terminal matches: the tokens cover the line without a gap
        # exactly when their lengths add up to the line's.
        if sum(map(len, map(_VALUE, toks))) != len(raw):
            return None
        if len(toks) <= SHAPE_MAX_TOKENS:
            key = tuple(map(_TYPE, toks))
            plans = self.plans
            plan = plans.young.get(key) or plans.get(key)
            if plan is None:
                plan = plan_of(self.parser.parse(raw, start="line"))
                plans.put(key, plan)
                self._made_plan()
        else:
            plan = plan_of(self.parser.parse(raw, start="line"))
        rec = make_record(plan, toks)
        if short:
            memo.put(raw, rec)
        return rec

    def _made_plan(self) -> None:
        self.unsaved += 1
        if self.unsaved >= SAVE_EVERY:
            self.save_shapes()

    def save_shapes(self) -> None:
        """Save the plans made so far to the shape cache (nothing when it is off)."""
        if not self.unsaved:
            return
        self.unsaved = 0
        path = _shape_cache_path()
        if path is not None:
            # The newest first: a full cache keeps what this run met, and lets the oldest go.
            plans = {**self.plans.young, **self.plans.old}
            shape_cache.save(path, shape_cache.cache_key(_grammar_text()), self.lexicon, plans)

    def _lark_record(self, raw: str) -> LineRecord:
        """The record from Lark's own lexer and parser (the reference the fast path equals)."""
        tree = self.parser.parse(raw, start="line")
        toks = tuple(Tok(t.type, str(t), t.column) for t in tree.scan_values(lambda v: True))
        return make_record(plan_of(tree), toks)

    def _lex(self, raw: str) -> tuple[Tok, ...]:
        seps = self.separators
        if seps is not None and _HAS_SEPARATOR(raw):
            return self._by_cells(raw, seps)
        return tuple([_new(Tok, (m.lastgroup, m.group(), m.start() + 1)) for m in self.regex.finditer(raw)])

    def _by_cells(self, raw: str, seps: dict[str, str]) -> tuple[Tok, ...]:
        """Tokens of a line cut by tabs or pipes, cell by cell: each cell's tokens come from
        the memo when that text was read before ("0", "3", "1.属于国家秘密"), shifted to
        where the cell stands. Same tokens as the whole line gives (see ``separators``)."""
        memo = self.cells
        finditer = self.regex.finditer
        out: list[Tok] = []
        append = out.append
        column = 1
        pieces = _SEPARATOR_SPLIT(raw)  # cell, separator, cell, …, cell
        last = len(pieces) - 1
        for k in range(0, last + 1, 2):
            piece = pieces[k]
            if piece:
                toks = memo.young.get(piece)
                if toks is None:
                    short = len(piece) <= MEMO_MAX_LINE
                    toks = memo.get(piece) if short else None
                    if toks is None:
                        toks = tuple([_new(Tok, (m.lastgroup, m.group(), m.start() + 1)) for m in finditer(piece)])
                        if short and sum(map(len, map(_VALUE, toks))) == len(piece):
                            memo.put(piece, toks)
                if column == 1:
                    out.extend(toks)
                else:
                    shift = column - 1
                    for t in toks:
                        append(_new(Tok, (t[0], t[1], t[2] + shift)))
                column += len(piece)
            if k < last:  # the separator after the cell, a token of its own
                sep = pieces[k + 1]
                append(_new(Tok, (seps[sep], sep, column)))
                column += 1
        return tuple(out)


def _separator_types(regex: "re.Pattern[str]") -> Optional[dict[str, str]]:
    """The terminal of each cell separator, when a line may be read cell by cell.

    That holds when each separator character is a token of its own and no other terminal
    matches text holding one (so no token spans a separator, and what stands on either side
    is read the same alone); checked here on probes, and by the tests against Lark. None
    (read lines whole) when the grammar says otherwise."""
    types = {}
    for ch in _SEPARATORS:
        m = regex.fullmatch(ch)
        if m is None:
            return None
        types[ch] = m.lastgroup
    probes = ("a\tb", "1\t2", "一、\t二、", " \t ", "（一）\t1.", "a|b", "1｜2", " | ", "#|*", "**\t##")
    for probe in probes:
        for m in regex.finditer(probe):
            if any(ch in m.group() for ch in _SEPARATORS) and len(m.group()) != 1:
                return None
    return types


def lexicon_of(parser: "Lark") -> Lexicon:
    """The one-expression lexer of ``parser``'s terminals (see :class:`LineReader`)."""
    terminals = list(parser.terminals)
    # The order in which Lark's basic lexer tries the terminals (lark.lexer sorts them
    # so); the alternation then picks the same one at every position.
    terminals.sort(key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    flags = int(parser.options.g_regex_flags)
    newline = [t.name for t in terminals if t.pattern.type == "str" and t.pattern.value == "\n"]
    line_terms = [t for t in terminals if t.name not in newline]
    # Each alternative names its terminal by an empty group *after* the pattern: the
    # match and ``lastgroup`` are the same, and sre rejects an alternative that opens
    # with a character class by its first character without entering it.
    pattern = "|".join("(?:%s)(?P<%s>)" % (t.pattern.to_regexp(), t.name) for t in line_terms)
    shadowed = any(t.pattern.type == "str" and u.pattern.type == "re" and u is not t
                   and re.fullmatch(u.pattern.to_regexp(), t.pattern.value, flags)
                   for t in terminals for u in terminals)
    crosses = any(re.search(t.pattern.to_regexp(), "\n", flags) for t in line_terms)
    usable = len(newline) == 1 and not shadowed and not crosses
    lexicon = Lexicon(pattern, flags, usable, _separator_types(re.compile(pattern, flags)))
    # Last, the expression must read a line with every terminal as Lark's lexer does
    # (an ignored terminal, for one, would be missing from Lark's tokens).
    probe = LineReader(lexicon, parser)
    if usable and probe._lex(_PROBE) != probe._lark_record(_PROBE).tokens:
        lexicon = lexicon._replace(usable=False)
    return lexicon


#: Plans made before the shape cache is written again (and once more at exit): a worker
#: process of a pool ends without running exit handlers.
SAVE_EVERY = 32


def _grammar_text() -> str:
    with open(grammar_path(), encoding="utf-8") as fh:
        return fh.read()


def _shape_cache_path() -> Optional[str]:
    return _cache_path("shapes.tsv") if shape_cache.enabled() else None


def _new_reader() -> LineReader:
    """A reader from the shape cache when it holds this grammar's lexicon (Lark is then
    loaded only for a line of a new shape), else from Lark's parser."""
    path = _shape_cache_path()
    saved = shape_cache.load(path, shape_cache.cache_key(_grammar_text())) if path else None
    if saved is not None:
        lexicon, plans = saved
        reader = LineReader(lexicon, plans=plans)
    else:
        parser = get_parser()
        reader = LineReader(lexicon_of(parser), parser)
        reader.unsaved = 1  # the lexicon itself is new to the cache
    if path is not None:
        import atexit

        atexit.register(reader.save_shapes)
    return reader


def save_new_shapes() -> None:
    """Save the plans this process made and has not saved yet (nothing when it made none,
    or never read a line). A worker process calls it before it exits: it ends with
    ``os._exit``, where the ``atexit`` save of the process that reads lines never runs."""
    reader = _READER
    if reader is not None and reader.unsaved:
        reader.save_shapes()


def _get_lexer() -> LineReader:
    """The process's :class:`LineReader` (built on first use)."""
    global _READER
    if _READER is None:
        with _LOCK:
            if _READER is None:
                _READER = _new_reader()
    return _READER


def line_lexer() -> LineReader:
    """The line reader: ``read_line(raw)`` gives a line's tokens, ``read_record(raw)`` its
    record."""
    return _get_lexer()


def read_record(raw: str) -> Optional[LineRecord]:
    """The typed record of one line (no line end in it)."""
    return _get_lexer().read_record(raw)


def read_records(text: str) -> list[LineRecord]:
    """The typed record of every line of normalised text (line ends folded to ``\\n``)."""
    reader = _get_lexer()
    out = []
    for raw in text.split("\n"):
        rec = reader.read_record(raw)
        out.append(rec if rec is not None else reader._lark_record(raw))
    return out


def tokenise_lark(text: str) -> list[Line]:
    """Tokenise through Lark's own lexer and the full LALR parse of the text (``start``):
    the reference :func:`tokenise` must equal."""
    tree = get_parser().parse(text, start="start")
    out = []
    for i, (raw, node) in enumerate(zip(text.split("\n"), tree.children)):
        toks = tuple(Tok(t.type, str(t), t.column) for t in node.scan_values(lambda v: True))
        out.append(Line(i + 1, raw, toks))
    return out


def tokenise(text: str) -> list[Line]:
    """Tokenise normalised text (line ends already folded to ``\\n``)."""
    reader = _get_lexer()
    if reader.usable:
        lines = reader.tokenise(text)
        if lines is not None:
            return lines
    return tokenise_lark(text)
