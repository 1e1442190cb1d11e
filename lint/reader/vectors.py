"""A table region's rows as read (:mod:`.region`): vectors of values, each value the line
table's shared cell with the line it stands on beside it.
"""
from __future__ import annotations

import itertools
from array import array
from typing import Optional, Sequence

from ..model import Span
from .cells import LCell, at_line

_NEW = object.__new__


class Vector:
    """One row (or, in a column stream, one column) of a table region: its values in order.

    Read from a region (:func:`read_region`), a vector holds the line table's shared cells
    (:attr:`cells`: kinds, texts and numbers, the same at every line of their text) and
    the line each stands on (:meth:`line_of`: ``line`` for a row read from one line, else
    ``lines``): a table printed many times costs a list slot a value, not a copy of each
    cell. :attr:`values` are the cells carrying their own line, made when first asked
    for — by the rows a table keeps, not by a row printed twice or set aside."""

    __slots__ = ("key", "line", "_label", "label_line", "layout", "separated", "lines", "cells", "_values")

    def __init__(self, key: Optional[str], values: list[LCell], line: int, label: Optional[LCell] = None,
                 layout: str = "row", separated: bool = False) -> None:
        self.key = key
        self.line = line
        self.label = label
        self.layout = layout
        #: Read from a line whose cells are cut by pipes or tabs: an empty cell shows where a
        #: value is missing. On any other line a missing value's place is unknown.
        self.separated = separated
        #: The line of each of :attr:`cells` (an array: no int object a value), or None
        #: when they all stand on ``line``.
        self.lines: Optional[Sequence[int]] = None
        #: The values as the line table read them: kinds, texts and numbers (a cell's own
        #: ``line`` may be another line of the same text: see :meth:`line_of`).
        self.cells: Sequence[LCell] = values
        self._values: Optional[list[LCell]] = values

    @classmethod
    def at_lines(cls, key: Optional[str], cells: Sequence[LCell], line: int, lines: Optional[Sequence[int]],
                 label: Optional["LabelAt"] = None, layout: str = "row", separated: bool = False) -> "Vector":
        """A vector of the line table's shared cells standing on ``lines`` (one a cell;
        None: all on ``line``), labelled by a shared label cell and its line."""
        vec = _NEW(cls)  # (its fields set here: one call a vector, not two)
        vec.key, vec.line, vec.layout, vec.separated, vec.lines, vec.cells, vec._values = \
            key, line, layout, separated, lines, cells, None
        vec._label, vec.label_line = label if label is not None else (None, 0)
        return vec

    @property
    def label(self) -> Optional[LCell]:
        """The row's label cell, carrying its line (made when first asked for: a row
        printed twice is known by its text)."""
        label = self._label
        if label is not None and label.line != self.label_line:
            label = self._label = at_line(label, self.label_line)
        return label

    @label.setter
    def label(self, label: Optional[LCell]) -> None:
        self._label, self.label_line = label, label.line if label is not None else 0

    @property
    def values(self) -> list[LCell]:
        """The values, each carrying its own line."""
        if self._values is None:
            self._values = self._placed()
        return self._values

    def values_once(self) -> list[LCell]:
        """:attr:`values`, not kept when made here: for a row made into the model's cells
        once (kept, the copies of every row's values stood beside the cells made from them
        at the reader's peak)."""
        return self._values if self._values is not None else self._placed()

    def _placed(self) -> list[LCell]:
        lines = self.lines or itertools.repeat(self.line)
        # (at_line spelled out: a call a value cost more than the copies)
        return [c if c.line == n else LCell(c.kind, c.text, n, c.column, c.end_column, c.value, c.fused, c.unit)
                for c, n in zip(self.cells, lines)]

    @values.setter
    def values(self, values: list[LCell]) -> None:
        self.cells = self._values = values
        self.lines = None

    def first_span(self) -> Optional[Span]:
        """Where the first value stands (None for a vector of none), without making the
        values carrying their lines: a row set aside needs no more of them."""
        if self._values is not None:
            return self._values[0].span if self._values else None
        if not self.cells:
            return None
        first, line = self.cells[0], self.line_of(0)
        return Span(line, first.column, line, first.end_column)

    def line_of(self, k: int) -> int:
        """The line value ``k`` stands on."""
        return self.line if self.lines is None else self.lines[k]

    def extend_at(self, cells: Sequence[LCell], line: int) -> None:
        """Add shared ``cells`` standing on ``line`` (a row's values that went on to the
        next line)."""
        if self.lines is None:
            self.lines = array("i", [self.line]) * len(self.cells)
        self.cells = [*self.cells, *cells]
        self.lines = self.lines + array("i", [line]) * len(cells)
        self._values = None

    @property
    def label_text(self) -> str:
        """The row's label as printed ("" when it has none)."""
        return self._label.text if self._label else ""

    def __repr__(self) -> str:
        return f"Vector({self.key!r}, {self.values!r}, {self.line!r}, {self.label!r}, {self.layout!r})"


class Stream:
    """Values read one a line (a vertical or column stream): the line table's shared
    cells and the line each stands on."""

    __slots__ = ("cells", "lines")

    def __init__(self, cells: list[LCell], lines: "array[int]") -> None:
        self.cells, self.lines = cells, lines

    def vector(self, key: Optional[str], at: Sequence[int], label: Optional["LabelAt"], layout: str,
               line_of: Optional[int] = None) -> Vector:
        """The vector of the values at positions ``at``, in that order, on the line of the
        value at ``line_of`` (its first value's when None), labelled ``label``."""
        cells, lines = self.cells, self.lines
        line = lines[at[0] if line_of is None else line_of]
        if isinstance(at, range):
            return Vector.at_lines(key, cells[at.start:at.stop], line, lines[at.start:at.stop], label, layout)
        return Vector.at_lines(key, [cells[k] for k in at], line, array("i", [lines[k] for k in at]), label, layout)


#: A shared label cell of the line table and the line it stands on.
LabelAt = tuple[LCell, int]
