"""Reading lines fast: the grammar's tokens from one regular expression, each line's plan
remembered by its token types, lines and cells already read remembered.

Lark's lexer and LALR loop, run on every line, would halve gplint's throughput
(bench/README.md), while most lines of a batch repeat what was read before. So
:class:`LineReader`:

* takes the tokens from one regular expression (:func:`lexicon_of`): the grammar's
  terminals, taken from ``Lark.terminals`` in the order Lark's basic lexer tries them
  (priority, then width), joined into one alternation and run with ``re.finditer``. The
  tests check it gives Lark's own tokens on the corpus and on generated text;
* remembers the plan of a line (:mod:`gplint.line_shaper`) by its sequence of token types:
  an LALR parse depends on the token *types* only (the parse table never sees a token's
  text), and a table's rows of numbers, its labels and most prose lines share a handful of
  shapes, so Lark parses each shape once per process;
* remembers whole lines and table cells already read (:class:`LineMemo`): reports repeat
  the same labels, headings and rows of zeros;
* saves the lexicon and the plans for the next run (:mod:`gplint.shape_cache`).

Results never depend on any of the memos (tests/test_grammar.py, test_line_memo.py,
test_shape_cache.py).
"""
from __future__ import annotations

import os
import re
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Optional, Sequence

from . import shape_cache
from .lark_parser import get_parser, grammar_text, shape_cache_path
from .lazy_re import lazy_compile
from .line_records import Line, LineRecord, Tok, make_record
from .line_shaper import plan_of
from .shape_cache import Lexicon

if TYPE_CHECKING:
    from lark import Lark


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
#: Plans made before the shape cache is written again (and once more at exit): a worker
#: process of a pool ends without running exit handlers.
SAVE_EVERY = 32


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


_new = tuple.__new__  # (tokens and lines are made without their named tuple's Python __new__)
_TYPE = itemgetter(0)
_VALUE = itemgetter(1)
#: The characters of the grammar's PIPE terminal: the ASCII and full-width bars and the
#: vertical lines and junctions of box-drawing tables (grammar/report.lark says which).
PIPE_CHARS = "|｜│┃┆┇┊┋╎╏║" + "".join(map(chr, range(0x250C, 0x254C))) + "".join(map(chr, range(0x2552, 0x2571)))
_SEPARATORS = "\t" + PIPE_CHARS
#: What the cells of a rule row between table rows are made of: a markdown rule (|---|:--:|)
#: or a box-drawing table's horizontal lines between its junctions (├───┼───┤).
RULE_CHARS = "-:— ─━═┄┅┈┉╌╍╴╶╸╺╼╾"
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
        path = shape_cache_path()
        if path is not None:
            # The newest first: a full cache keeps what this run met, and lets the oldest go.
            plans = {**self.plans.young, **self.plans.old}
            shape_cache.save(path, shape_cache.cache_key(grammar_text()), self.lexicon, plans)

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
    probes = ("a\tb", "1\t2", "一、\t二、", " \t ", "（一）\t1.", "a|b", "1｜2", " | ", "#|*", "**\t##", "a│b", "─┼─")
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
