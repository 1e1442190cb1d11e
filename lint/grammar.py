"""The Lark grammar of a report's lines, and the typed line records it produces.

``grammar/report.lark`` is the single source of the tokens and of the line structure.
Lark builds an LALR(1) parser from it (:mod:`gplint.lark_parser`), parses each line into a
tree, and :class:`~gplint.line_shaper.LineShaper`, a ``lark.Transformer``, turns that tree
into a *plan*: which record the line is (heading, table row with its cells and separator,
label followed by numbers, footer, prose, blank) and where its parts stand, in token
positions. :func:`read_record` gives the typed record (:mod:`gplint.line_records`:
:class:`HeadingLine`, :class:`RowLine`, :class:`FooterLine`, :class:`ProseLine`,
:class:`BlankLine`); every record carries the line's tokens (:class:`Tok`). The reader cuts
each line as its record says (``gplint.reader.lines.split_record``): blank lines, page
footers and the cells of rows cut by pipes or tabs come from the record; rows of
blank-separated numbers, headings and prose are read from the tokens, whose values (a
dash, digits written against a label, a sign) the grammar does not look at.

Where each part is:

* :mod:`gplint.lark_parser` — the grammar file, Lark's parser, its on-disk cache;
* :mod:`gplint.line_shaper` — a line's parse tree -> its plan;
* :mod:`gplint.line_records` — the records, and a plan + tokens -> the record;
* :mod:`gplint.line_reader` — reading lines fast: tokens from one regular expression, plans
  remembered by token types, lines and cells already read remembered (why: see there);
* this module — the process's line reader, :func:`tokenise` and :func:`read_record`, and
  the names above, importable from here.

Only Lark's public API is used: ``Lark(...)``, ``Lark.parse``, ``Lark.terminals`` (the
terminal definitions: name, priority, pattern), ``Lark.options``, ``Tree.scan_values`` and
a ``Transformer`` (tests/test_grammar.py scans these modules for anything else).
"""
from __future__ import annotations

import threading
from typing import Any, Optional

from . import shape_cache
from .lark_parser import build_parser, get_parser, grammar_path, grammar_text, line_tree, shape_cache_path
from .line_reader import (
    MEMO_MAX_LINE,
    MEMO_SIZE,
    PIPE_CHARS,
    RULE_CHARS,
    SAVE_EVERY,
    SHAPE_MAX_TOKENS,
    LineMemo,
    LineReader,
    lexicon_of,
)
from .line_records import (
    BlankLine,
    FooterLine,
    HeadingLine,
    Line,
    LineCell,
    LineRecord,
    ProseLine,
    RowLine,
    Tok,
    footer_words,
    make_record,
)
from . import line_shaper
from .line_shaper import plan_of

__all__ = [
    "BlankLine", "FooterLine", "HeadingLine", "Line", "LineCell", "LineMemo", "LineReader", "LineRecord",
    "MEMO_MAX_LINE", "MEMO_SIZE", "PIPE_CHARS", "ProseLine", "RULE_CHARS", "RowLine", "SAVE_EVERY",
    "SHAPE_MAX_TOKENS", "Tok", "build_parser", "footer_words", "get_parser", "grammar_path", "grammar_text",
    "lexicon_of", "line_lexer", "line_tree", "make_record", "plan_of", "read_record", "read_records",
    "save_new_shapes", "shape_cache_path", "tokenise", "tokenise_lark",
]

_LOCK = threading.Lock()  # one line reader a process, when threads ask at once
_READER: Optional[LineReader] = None


def __getattr__(name: str) -> Any:
    # ``gplint.grammar.LineShaper``: the Transformer class, made when first asked for
    # (importing Lark is kept off the import of this module).
    if name == "LineShaper":
        return line_shaper.LineShaper
    raise AttributeError(name)


def _new_reader() -> LineReader:
    """A reader from the shape cache when it holds this grammar's lexicon (Lark is then
    loaded only for a line of a new shape), else from Lark's parser."""
    path = shape_cache_path()
    saved = shape_cache.load(path, shape_cache.cache_key(grammar_text())) if path else None
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
