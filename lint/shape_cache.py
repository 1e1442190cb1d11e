"""What Lark made of the grammar, remembered from one run to the next.

A line's plan depends only on its token types (an LALR parse never sees a token's text,
see :mod:`gplint.grammar`), and the lexer is one regular expression built from Lark's
terminals. Both are saved in the per-user cache directory, beside Lark's own parser cache,
so that a run meeting only line shapes seen before never imports Lark: importing it and
loading its parser is most of what a cold ``gplint FILE`` (a pre-commit hook) would
otherwise add to its start-up. A shape the file does not hold is parsed by Lark as always,
and saved for the next run.

The file is keyed by the grammar's text, gplint's version and Lark's; a missing, stale,
unreadable or damaged file is ignored, and a failed write is not an error: results are the
same with or without it (tests/test_shape_cache.py). ``GPLINT_NO_SHAPE_CACHE=1`` turns it off.

Its first line is a JSON header (format, key, lexicon); then one line a shape, its token
types and its plan (JSON) separated by a tab. Loading cuts the lines into a dictionary
and decodes a plan only when a line of its shape is read (:class:`SavedPlans`): a cold
run reads a few dozen shapes, and decoding the thousands a full file holds cost a cold
``gplint FILE`` more than all its linting.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple, Optional

from .digest import sha256

#: Shapes kept in the file at most (the newest first): a batch of real reports meets a few
#: thousand, most of them prose lines that seldom recur.
MAX_SHAPES = 4096
_FORMAT = 2


class Lexicon(NamedTuple):
    """The one-expression lexer made from the grammar's terminals (see ``LineReader``)."""

    pattern: str
    flags: int
    #: False when the expression does not reproduce Lark's lexer: every line goes to Lark.
    usable: bool
    #: Separator character -> its terminal, when lines may be read cell by cell.
    separators: Optional[dict[str, str]]


def enabled() -> bool:
    return not os.environ.get("GPLINT_NO_SHAPE_CACHE")


def cache_key(grammar_text: str) -> str:
    """What the remembered plans depend on: the grammar, the code that makes the lexicon
    and the plans from Lark and reads them (gplint.grammar and the line modules it is made
    of, whose sources are hashed: a change between two releases counts too), gplint's and
    Lark's versions (Lark's read from its files, not by importing it, which is what the
    cache saves)."""
    from . import __version__
    from . import grammar, line_reader, line_records, line_shaper

    h = sha256(grammar_text.encode("utf-8"))
    for module in (grammar, line_shaper, line_records, line_reader):
        try:
            with open(module.__file__, "rb") as fh:
                h.update(fh.read())
        except (OSError, TypeError):
            h.update(b"\0no source")
    h.update(f"\0gplint {__version__}\0lark {_lark_version()}\0{_FORMAT}".encode())
    return h.hexdigest()


def _lark_version() -> str:
    from importlib.util import find_spec

    try:
        spec = find_spec("lark")
        if spec is None or not spec.origin:
            return "?"
        with open(spec.origin, encoding="utf-8") as fh:
            m = re.search(r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)""", fh.read(), re.M)
    except (OSError, ValueError, ImportError):
        return "?"
    return m.group(1) if m else "?"


class SavedPlans(Mapping):
    """The plans of a shape cache file by shape, each decoded when first asked for."""

    def __init__(self, encoded: dict[str, str]) -> None:
        self._encoded = encoded  # "NUMBER TEXT …" -> the plan as JSON

    def get(self, shape: Any, default: Any = None) -> Any:
        found = self._encoded.get(" ".join(shape)) if isinstance(shape, tuple) else None
        if found is None:
            return default
        try:
            return _tuples(json.loads(found))
        except ValueError:  # a damaged line: a shape to make again
            return default

    def __getitem__(self, shape: Any) -> Any:
        plan = self.get(shape)
        if plan is None:
            raise KeyError(shape)
        return plan

    def __iter__(self) -> Iterator[tuple]:
        return (tuple(key.split(" ")) for key in self._encoded)

    def __len__(self) -> int:
        return len(self._encoded)


def load(path: str, key: str) -> Optional[tuple[Lexicon, SavedPlans]]:
    """The lexicon and the plans saved under ``key``, or None (no file, another key, or
    anything not as :func:`save` writes it)."""
    try:
        with open(path, encoding="utf-8") as fh:
            head = json.loads(fh.readline())
            if not isinstance(head, dict) or head.get("key") != key or head.get("format") != _FORMAT:
                return None
            lex = head["lexicon"]
            separators = lex["separators"]
            lexicon = Lexicon(str(lex["pattern"]), int(lex["flags"]), bool(lex["usable"]),
                              None if separators is None else {str(k): str(v) for k, v in separators.items()})
            encoded = dict(line.rstrip("\n").split("\t", 1) for line in fh)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return lexicon, SavedPlans(encoded)


def save(path: str, key: str, lexicon: Lexicon, plans: Mapping[tuple, tuple]) -> None:
    """Write the lexicon and ``plans`` (with those already in the file under the same key,
    up to :data:`MAX_SHAPES`, ``plans`` first: give them newest first) atomically; a
    failure leaves the file as it was."""
    try:
        merged = {" ".join(shape): json.dumps(plan, ensure_ascii=False, separators=(",", ":"))
                  for shape, plan in plans.items()}
    except (TypeError, ValueError):
        return
    old = load(path, key)
    if old is not None:
        for shape, plan in old[1]._encoded.items():
            if len(merged) >= MAX_SHAPES:
                break
            merged.setdefault(shape, plan)
    head = json.dumps({"format": _FORMAT, "key": key, "lexicon": lexicon._asdict()}, ensure_ascii=False)
    body = "".join(f"{shape}\t{plan}\n" for shape, plan in list(merged.items())[:MAX_SHAPES])
    import tempfile  # here: most runs meet no new shape and never save (a cold start saved)

    directory = os.path.dirname(path) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".shapes-", suffix=".tmp", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(head + "\n" + body)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _tuples(value: Any) -> Any:
    """JSON's lists back into the tuples a plan is made of."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value
