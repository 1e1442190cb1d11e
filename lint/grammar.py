"""The Lark grammar, built once per process, lazily, and the line model it produces.

``tokenise(text)`` returns one :class:`Line` per line of the text (lines as editors count
them), each holding its tokens with 1-based columns in code points.

How it stays fast (bench/README.md has the figures). ``grammar/report.lark`` is the single
source of every token definition and of the line structure; Lark builds an LALR parser from
it (cached on disk with ``cache=``). Feeding every token through Lark's LALR machinery costs
about 10 µs a token, 10-15 ms for an 8 KB report, while the grammar's structure
(``start: line (_NL line)*``, ``line: item*`` with every terminal an item) accepts *any*
sequence of terminals between newlines: the parse tree adds nothing the token stream does
not already say. So :func:`tokenise` runs Lark's own basic lexer -- the same terminals, in
the same priority order, combined into one alternation as Lark's scanner combines them
-- with ``finditer`` over each line, and shares the immutable tokens of
repeated lines and cells (tables repeat ``| 0 |`` endlessly). :func:`tokenise_lark` is the
full LALR parse, kept as the reference: the tests check both give identical lines on the
corpus and on generated text, and the fast path falls back to it for any text the fast
lexer cannot cover without a gap (so an error still comes from Lark, with its message).
"""
from __future__ import annotations

import json
import os
import re
import threading
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple, Optional

if TYPE_CHECKING:
    from lark import Lark

_LOCK = threading.RLock()  # re-entrant: the lexer build may build the parser
_PARSER: Optional[Lark] = None
_LEXER: Optional["_LineLexer"] = None


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


def build_parser(cache: "str | bool | None" = None) -> "Lark":
    """Build the LALR parser from ``report.lark``.

    ``cache``: a file path, ``True`` (Lark's temp-dir cache) or ``False``; ``None`` means the
    per-user cache directory (see :func:`_cache_path`). Exposed so bench/ can time both.
    """
    from lark import Lark, Transformer

    class _ToLines(Transformer):
        """Turns the parse tree into a list of token tuples, one per line (no tree kept)."""

        def line(self, items: list) -> tuple:
            return tuple(items)

        def start(self, lines: list) -> list:
            return lines

    if cache is None:
        cache = _cache_path() or False
    with open(grammar_path(), encoding="utf-8") as fh:
        grammar = fh.read()
    return Lark(
        grammar,
        parser="lalr",
        lexer="basic",
        propagate_positions=True,
        maybe_placeholders=False,
        transformer=_ToLines(),
        cache=cache,
    )


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


class _LineLexer:
    """Lark's basic lexer for this grammar, run line by line with ``re.finditer``.

    Built from the parser's own lexer configuration: Lark's ``BasicLexer`` sorts the
    terminals by priority (then width, then name) and its scanner tries them as one
    alternation of named groups; we compile the same alternation (naming each terminal by
    an empty group after its pattern, see :meth:`from_parser`). ``usable`` is False when
    the grammar uses a feature this shortcut does not reproduce (ignored terminals, lexer
    callbacks, string terminals shadowed by a regular expression, more than one pattern);
    then :func:`tokenise` always takes the full parse.
    """

    def __init__(self, pattern: str, flags: int, newline: Optional[str], usable: bool) -> None:
        self.pattern, self.flags, self.newline, self.usable = pattern, flags, newline, usable
        self.regex = re.compile(pattern, flags)
        #: Tokens of short lines, kept from report to report (see :data:`MEMO_MAX_LINE`).
        self.memo: LineMemo = LineMemo()
        #: Separator character -> its terminal, when lines may be read cell by cell.
        self.separators = _separator_types(self.regex)

    @classmethod
    def from_parser(cls, parser: "Lark") -> "_LineLexer":
        from lark.lexer import BasicLexer

        lexer = BasicLexer(parser.lexer_conf)
        scanner = lexer.scanner  # builds the callbacks ("unless" string terminals) too
        newline = [t.name for t in lexer.terminals if t.pattern.type == "str" and t.pattern.value == "\n"]
        # Lines are lexed one at a time, so no other terminal may match a line end.
        # (Nor look across one: report.lark says so, and the tests compare with Lark.)
        crosses = [t.name for t in lexer.terminals if t.name not in newline
                   and re.search(t.pattern.to_regexp(), "\n", lexer.g_regex_flags)]
        usable = (not lexer.ignore_types and not lexer.callback and not lexer.user_callbacks
                  and len(newline) == 1 and len(scanner._mres) == 1 and not crosses)
        # Each alternative names its terminal with an empty group *after* the pattern (Lark
        # wraps the pattern in the group): the match and ``lastgroup`` are the same, and
        # sre can reject an alternative that opens with a character class or a literal by
        # the first character alone instead of entering it (a line has dozens of tokens,
        # each tried against every terminal before it in priority order).
        pattern = "|".join("(?:%s)(?P<%s>)" % (t.pattern.to_regexp(), t.name) for t in lexer.terminals)
        return cls(pattern, int(lexer.g_regex_flags), newline[0] if newline else None, usable)

    def tokenise(self, text: str) -> Optional[list[Line]]:
        """Lines of ``text``, or None when some character matches no terminal."""
        new = tuple.__new__  # Line(...) without the Python-level __new__
        # A line's tokens are shared by every line with the same text (tables repeat
        # "| 0 |" rows endlessly). Local to this call: no state survives it.
        line_cache: dict = {}
        memo = self.memo
        out: list[Line] = []
        number = 0
        for raw in text.split("\n"):
            number += 1
            toks = line_cache.get(raw)
            if toks is None:
                short = len(raw) <= MEMO_MAX_LINE
                toks = (memo.young.get(raw) or memo.get(raw)) if short else None
                if toks is None:
                    toks = self.read_line(raw)
                    if toks is None:
                        return None
                    if short:
                        memo.put(raw, toks)
                line_cache[raw] = toks
            out.append(new(Line, (number, raw, toks)))
        return out

    def read_line(self, raw: str) -> Optional[tuple[Tok, ...]]:
        """The tokens of one line (no line end in it), or None when some character matches
        no terminal. Not remembered: :meth:`tokenise` and the builder keep what they read."""
        seps = self.separators
        if seps is not None and _HAS_SEPARATOR(raw):
            toks = self._by_cells(raw, seps)
        else:
            # No line holds "\n", so the newline terminal never matches here.
            new = tuple.__new__
            toks = tuple([new(Tok, (m.lastgroup, m.group(), m.start() + 1)) for m in self.regex.finditer(raw)])
        # finditer skips what no terminal matches: the tokens cover the line without a gap
        # exactly when their lengths add up to the line's.
        if sum(map(len, map(_VALUE, toks))) != len(raw):
            return None
        return toks


    def _by_cells(self, raw: str, seps: dict[str, str]) -> tuple[Tok, ...]:
        """Tokens of a line cut by tabs or pipes, cell by cell: each cell's tokens come from
        the memo when that text was read before ("0", "3", "1.属于国家秘密"), shifted to
        where the cell stands. A table row with counts that no other report shares is thus
        mostly read from the memo too. Same tokens as the whole line gives (see
        ``separators``; tests/test_tokenise.py compares with Lark)."""
        memo = self.memo
        young = memo.young
        finditer = self.regex.finditer
        new = tuple.__new__
        out: list[Tok] = []
        append = out.append
        column = 1
        pieces = _SEPARATOR_SPLIT(raw)  # cell, separator, cell, …, cell
        last = len(pieces) - 1
        for k in range(0, last + 1, 2):
            piece = pieces[k]
            if piece:
                toks = young.get(piece)
                if toks is None:
                    short = len(piece) <= MEMO_MAX_LINE
                    toks = memo.get(piece) if short else None
                    if toks is None:
                        toks = tuple([new(Tok, (m.lastgroup, m.group(), m.start() + 1)) for m in finditer(piece)])
                        if short and sum(map(len, map(_VALUE, toks))) == len(piece):
                            memo.put(piece, toks)
                    young = memo.young  # a put may have begun a new generation
                if column == 1:
                    out.extend(toks)
                else:
                    shift = column - 1
                    for t in toks:
                        append(new(Tok, (t[0], t[1], t[2] + shift)))
                column += len(piece)
            if k < last:  # the separator after the cell, a token of its own
                sep = pieces[k + 1]
                append(new(Tok, (seps[sep], sep, column)))
                column += 1
        return tuple(out)


_VALUE = itemgetter(1)
_SEPARATORS = "\t|｜"
_SEPARATOR_SPLIT = re.compile("([" + re.escape(_SEPARATORS) + "])").split
_HAS_SEPARATOR = re.compile("[" + re.escape(_SEPARATORS) + "]").search


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

#: Lines up to this many characters are remembered from one report to the next. Every
#: report prints the same table labels, headings and rows of zeros ("1.属于国家秘密",
#: "| 0 | 0 | 0 |", "行政复议"), so across a batch most short lines have been read before;
#: long lines (prose) rarely repeat and are not kept. A memo of a pure function of the
#: line's text: results are the same with or without it (tests/test_tokenise.py).
MEMO_MAX_LINE = -1 if os.environ.get("GPLINT_NO_LINE_MEMO") else 100  # -1: remember nothing (bench/)
#: Lines per generation of a :class:`LineMemo`.
MEMO_SIZE = 1024


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

    def get(self, key: str):
        value = self.young.get(key)
        if value is None:
            value = self.old.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: str, value) -> None:
        if len(self.young) >= self.size:
            self.old = self.young
            self.young = {}
        self.young[key] = value

    def __len__(self) -> int:
        return len(self.young) + len(self.old)


# The lexer is derived from the grammar by Lark; like Lark's parser it is cached on disk so
# that a cold start (a pre-commit hook) need not import Lark at all. The cache records the
# grammar text and Lark's version, and is rebuilt when either differs.
_LEXER_CACHE_FORMAT = 3  # 3: terminal names as empty groups after the patterns


def _lark_version() -> str:
    """Lark's version without importing Lark (or scanning every installed distribution)."""
    import importlib.util

    spec = importlib.util.find_spec("lark")
    if spec is not None and spec.origin:
        try:
            with open(spec.origin, encoding="utf-8") as fh:
                m = re.search(r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)""", fh.read(), re.M)
            if m:
                return m.group(1)
        except OSError:
            pass
    from importlib.metadata import version

    return version("lark")


def _lexer_cache_key() -> dict:
    with open(grammar_path(), encoding="utf-8") as fh:
        grammar = fh.read()
    return {"format": _LEXER_CACHE_FORMAT, "lark": _lark_version(), "grammar": grammar}


def _load_lexer(path: str, key: dict) -> Optional["_LineLexer"]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if {k: data.get(k) for k in key} != key:
            return None
        return _LineLexer(data["pattern"], data["flags"], data["newline"], data["usable"])
    except (OSError, ValueError, KeyError, TypeError, re.error):
        return None  # missing, stale or damaged: rebuild it


def _save_lexer(path: str, key: dict, lexer: "_LineLexer") -> None:
    data = dict(key, pattern=lexer.pattern, flags=lexer.flags, newline=lexer.newline, usable=lexer.usable)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, path)  # atomic: parallel first runs never see half a file
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def build_lexer(use_cache: bool = True) -> "_LineLexer":
    """The line lexer: from the on-disk cache, else derived from the Lark parser (and saved)."""
    path = _cache_path("lexer.json") if use_cache else None
    key = _lexer_cache_key() if path else {}
    if path:
        cached = _load_lexer(path, key)
        if cached is not None:
            return cached
    lexer = _LineLexer.from_parser(get_parser() if use_cache else build_parser(cache=False))
    if path:
        _save_lexer(path, key, lexer)
    return lexer


def _get_lexer() -> "_LineLexer":
    global _LEXER
    if _LEXER is None:
        with _LOCK:
            if _LEXER is None:
                _LEXER = build_lexer()
    return _LEXER


def tokenise_lark(text: str) -> list[Line]:
    """Tokenise through the full LALR parse (the reference :func:`tokenise` must equal)."""
    parser = get_parser()
    raw_lines = text.split("\n")
    token_lines = parser.parse(text)
    out = []
    for i, (raw, toks) in enumerate(zip(raw_lines, token_lines)):
        out.append(Line(i + 1, raw, tuple(Tok(t.type, t.value, t.column) for t in toks)))
    return out


def line_lexer() -> Optional["_LineLexer"]:
    """The line-at-a-time lexer, when the grammar allows reading lines one by one (see
    :class:`_LineLexer`); None when every text must take the full parse."""
    lexer = _get_lexer()
    return lexer if lexer.usable else None


def tokenise(text: str) -> list[Line]:
    """Tokenise normalised text (line ends already folded to ``\\n``)."""
    lexer = _get_lexer()
    if lexer.usable:
        lines = lexer.tokenise(text)
        if lines is not None:
            return lines
    return tokenise_lark(text)
