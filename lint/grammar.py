"""The Lark grammar, built once per process, lazily, and the line model it produces.

``tokenise(text)`` returns one :class:`Line` per line of the text (lines as editors count
them), each holding its tokens with 1-based columns in code points.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Optional

from lark import Lark, Token, Transformer

_LOCK = threading.Lock()
_PARSER: Optional[Lark] = None


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


class _ToLines(Transformer):
    """Turns the parse tree into a list of token tuples, one per line (no tree kept)."""

    def line(self, items: list) -> tuple:
        return tuple(items)

    def start(self, lines: list) -> list:
        return lines


def get_parser() -> Lark:
    global _PARSER
    if _PARSER is None:
        with _LOCK:
            if _PARSER is None:
                cache = _cache_path()
                with open(grammar_path(), encoding="utf-8") as fh:
                    grammar = fh.read()
                _PARSER = Lark(
                    grammar,
                    parser="lalr",
                    lexer="basic",
                    propagate_positions=False,
                    maybe_placeholders=False,
                    transformer=_ToLines(),
                    cache=cache if cache else False,
                )
    return _PARSER


def _cache_path() -> Optional[str]:
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

    return os.path.join(base, f"report-{__version__}.lark.cache")


def tokenise(text: str) -> list[Line]:
    """Tokenise normalised text (line ends already folded to ``\\n``)."""
    parser = get_parser()
    raw_lines = text.split("\n")
    token_lines = parser.parse(text)
    out = []
    for i, (raw, toks) in enumerate(zip(raw_lines, token_lines)):
        out.append(Line(i + 1, raw, tuple(Tok(t.type, t.value, t.column) for t in toks)))
    return out
