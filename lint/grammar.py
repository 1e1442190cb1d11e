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
the same priority order, combined into one regular expression exactly as Lark's scanner
combines them -- with ``finditer`` over each line, and shares the immutable tokens of
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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from lark import Lark

_LOCK = threading.RLock()  # re-entrant: the lexer build may build the parser
_PARSER: Optional[Lark] = None
_LEXER: Optional["_LineLexer"] = None


def grammar_path() -> str:
    from importlib import resources

    return str(resources.files("gplint.grammar_files").joinpath("report.lark"))


@dataclass(frozen=True, slots=True)
class Tok:
    type: str
    value: str
    column: int  # 1-based, code points

    @property
    def end_column(self) -> int:
        return self.column + len(self.value)


@dataclass(frozen=True, slots=True)
class Line:
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
    alternation of named groups; we compile the same alternation. ``usable`` is False when
    the grammar uses a feature this shortcut does not reproduce (ignored terminals, lexer
    callbacks, string terminals shadowed by a regular expression, more than one pattern);
    then :func:`tokenise` always takes the full parse.
    """

    def __init__(self, pattern: str, flags: int, newline: Optional[str], usable: bool) -> None:
        self.pattern, self.flags, self.newline, self.usable = pattern, flags, newline, usable
        self.regex = re.compile(pattern, flags)

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
        pattern = "|".join("(?P<%s>%s)" % (t.name, t.pattern.to_regexp()) for t in lexer.terminals)
        return cls(pattern, int(lexer.g_regex_flags), newline[0] if newline else None, usable)

    def tokenise(self, text: str) -> Optional[list[Line]]:
        """Lines of ``text``, or None when some character matches no terminal."""
        finditer = self.regex.finditer
        newline = self.newline
        # Immutable tokens are shared: one per (type, value, start) and one tuple per
        # distinct line text. Local to this call: no state survives it.
        tok_cache: dict = {}
        line_cache: dict = {}
        out: list[Line] = []
        number = 0
        for raw in text.split("\n"):
            number += 1
            toks = line_cache.get(raw)
            if toks is None:
                found = []
                pos = 0
                for m in finditer(raw):
                    start = m.start()
                    if start != pos:
                        return None  # a gap: a character no terminal matches
                    kind = m.lastgroup
                    value = m.group()
                    if kind == newline:  # cannot happen inside a line; keep Lark's rule
                        return None
                    pos = start + len(value)
                    key = (kind, value, start)
                    tok = tok_cache.get(key)
                    if tok is None:
                        tok = tok_cache[key] = Tok(kind, value, start + 1)
                    found.append(tok)
                if pos != len(raw):
                    return None
                toks = line_cache[raw] = tuple(found)
            out.append(Line(number, raw, toks))
        return out


# The lexer is derived from the grammar by Lark; like Lark's parser it is cached on disk so
# that a cold start (a pre-commit hook) need not import Lark at all. The cache records the
# grammar text and Lark's version, and is rebuilt when either differs.
_LEXER_CACHE_FORMAT = 2


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


def tokenise(text: str) -> list[Line]:
    """Tokenise normalised text (line ends already folded to ``\\n``)."""
    lexer = _get_lexer()
    if lexer.usable:
        lines = lexer.tokenise(text)
        if lines is not None:
            return lines
    return tokenise_lark(text)
