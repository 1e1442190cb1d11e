"""A report read on virtual lines (the pieces a long flattened line is cut into,
:mod:`.flattened`) mapped back to the real lines and columns of its text.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Iterator, NamedTuple, Sequence, TypeVar

from ..model import Report, Span
from .prose import ProsePieces

T = TypeVar("T")


class VirtualLines(NamedTuple):
    """Where the virtual lines of a report whose long lines were cut stand: virtual line
    ``v``'s real line is ``real_of[v]``, its first character at column ``offset_of[v] + 1``
    of it (``[0]`` unused; arrays: no int object a line)."""

    real_of: Sequence[int]
    offset_of: Sequence[int]


#: The fields of a model record that hold a line number (mapped by :func:`remap`).
_LINE_FIELDS = ("line", "end_line")


def remap(obj: T, virtual: VirtualLines) -> T:
    """Map virtual line numbers back to real ones everywhere in the model, in place, and a
    span's columns on a virtual line (its own) to the real line's.

    The records are the reader's own, made for this report and not yet handed out (no
    memo or constant among them: line 0, as in ``ABSENT``, stays 0), so they are changed
    rather than copied: a copy of the model doubled the peak memory of a flattened page.
    A record reached twice (a section's heading is in the headings too) is changed once:
    until the walk ends, a record changed holds the complement of its lines (``~line``,
    negative), so no set of every object walked is kept (a third of the peak of a page
    with a table repeated in it); only lists and dicts, which a cycle could run through,
    are remembered."""
    walk = _Remap(virtual)
    walk.change(obj)
    walk.restore()
    if isinstance(obj, Report):
        obj = dataclasses.replace(obj, table_lines=tuple((walk.line(a), walk.line(b)) for a, b in obj.table_lines))
    return obj


class _Remap:
    """One walk of :func:`remap`: the records it changed, and each record type's fields."""

    def __init__(self, virtual: VirtualLines) -> None:
        self.real_of, self.offset_of = virtual
        self.changed: list = []  # records holding ~line until the end
        # A record type's fields to walk and its fields that hold a line number.
        self.fields_of: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def line(self, v: int) -> int:
        return self.real_of[v] if 0 < v < len(self.real_of) else v

    def shift(self, v: int) -> int:
        return self.offset_of[v] if 0 < v < len(self.offset_of) else 0

    def change(self, obj: object) -> None:
        """Every record under ``obj`` changed to hold the complement of its real lines."""
        walked: set[int] = set()  # lists and dicts (every object walked stays alive meanwhile)
        # A walk with a stack of its own (a recursive closure is a reference cycle that
        # kept what it held alive until the next collection, through the rules), holding
        # an iterator over each container being walked rather than every item waiting to be.
        stack: list[Iterator] = [iter((obj,))]
        while stack:
            o = next(stack[-1], stack)  # (the stack itself: this container is done)
            if o is stack:
                stack.pop()
            elif isinstance(o, (str, int, Decimal, type(None), bool)):
                continue
            elif isinstance(o, Span):
                if o.line >= 0:  # (else changed already)
                    o.column, o.end_column = o.column + self.shift(o.line), o.end_column + self.shift(o.end_line)
                    o.line, o.end_line = ~self.line(o.line), ~self.line(o.end_line)
                    self.changed.append(o)
            elif isinstance(o, tuple):
                stack.append(iter(o))
            elif isinstance(o, (list, dict, ProsePieces)):
                if id(o) not in walked:
                    walked.add(id(o))
                    if isinstance(o, ProsePieces):
                        o.renumber(self.line, self.shift)
                    else:
                        stack.append(iter(o.values() if isinstance(o, dict) else o))
            elif dataclasses.is_dataclass(o):
                stack.append(iter(self._record(o)))

    def _record(self, o: object) -> list:
        """``o``'s line fields changed (once); the values of its other fields, to walk."""
        found = self.fields_of.get(type(o))
        if found is None:
            names = [f.name for f in dataclasses.fields(o) if f.name not in ("text", "lines", "path")]
            found = self.fields_of[type(o)] = (tuple(n for n in names if n not in _LINE_FIELDS),
                                               tuple(n for n in names if n in _LINE_FIELDS))
        inner_names, line_names = found
        marked = False
        for name in line_names:
            v = getattr(o, name)
            if not isinstance(v, int):
                inner_names += (name,)
            elif v >= 0:
                # (object.__setattr__: a frozen table is still being made here)
                object.__setattr__(o, name, ~self.line(v))
                marked = True
        if marked:
            self.changed.append(o)
        return [getattr(o, name) for name in inner_names]

    def restore(self) -> None:
        """The records changed hold their real lines again."""
        for o in self.changed:
            if isinstance(o, Span):
                o.line, o.end_line = ~o.line, ~o.end_line
            else:
                for name in self.fields_of[type(o)][1]:
                    v = getattr(o, name)
                    if isinstance(v, int) and v < 0:
                        object.__setattr__(o, name, ~v)
        self.changed = []
