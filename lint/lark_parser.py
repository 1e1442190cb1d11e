"""Lark's LALR(1) parser of ``grammar/report.lark``, built once per process and cached on
disk with Lark's ``cache=``; where the grammar file and the caches are.

Lark is imported only when a parser is built: a run that meets only line shapes seen before
(:mod:`gplint.shape_cache`) never imports it.
"""
from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Optional

from . import shape_cache

if TYPE_CHECKING:
    from lark import Lark, Tree

_LOCK = threading.Lock()  # one parser a process, when threads ask at once
_PARSER: Optional["Lark"] = None


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


def build_parser(cache: "str | bool | None" = None) -> "Lark":
    """The LALR parser of ``report.lark``: start symbols ``start`` (a whole text) and
    ``line`` (one line, as :class:`~gplint.line_reader.LineReader` parses).

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


def grammar_text() -> str:
    """The grammar's text (what the shape cache is keyed on, with the code that reads it)."""
    with open(grammar_path(), encoding="utf-8") as fh:
        return fh.read()


def shape_cache_path() -> Optional[str]:
    """Where the shape cache is kept; None when it is off or no writable place exists."""
    return _cache_path("shapes.tsv") if shape_cache.enabled() else None
