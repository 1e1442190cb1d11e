"""A report's lines read once per distinct text, and remembered from report to report.

A report's lines are kept as a *line table*: a list with, for each line, the reading
(:class:`LineInfo`) of its text, shared by every line of that text. Tables repeat "0" and
"| 0 | 0 |" by the hundred and every report prints the same labels, so most lines share a
reading: a line costs one list slot, not an object of its own. A line's number is its
position in the table (index + 1), not the shared reading's ``number`` (the line it was
first read for). The readings are read-only (nothing done to one may reach another
line or the next report): :func:`line_at` gives a table region's line its number beside
the shared reading (:func:`~gplint.reader.cells.seen_at`), no copy of it.

Short lines are remembered from report to report as well (:data:`_LINE_MEMO`).
"""
from __future__ import annotations

from array import array
from typing import Iterator, Optional, Sequence, Union, overload

from ..grammar import MEMO_MAX_LINE, MEMO_SIZE, Line, LineMemo, line_lexer
from .cells import BlankLineAt, LineInfo, seen_at
from .flattened import SEGMENT_MIN
from .headings import heading_shape_of
from .lines import split_line, split_record


def split_lines(lines: Sequence[Line]) -> list[LineInfo]:
    """The line table of ``lines`` (see the module's docstring): :func:`split_line` for
    each distinct text. Short lines are remembered from report to report (as the tokeniser
    does, :data:`gplint.line_reader.MEMO_MAX_LINE`)."""
    seen: dict[str, LineInfo] = {}
    memo = _LINE_MEMO
    out: list[LineInfo] = []
    for line in lines:
        text = line.text
        first = seen.get(text)
        if first is None:
            if len(text) > MEMO_MAX_LINE:
                first = split_line(line)
            else:
                first = memo.young.get(text) or memo.get(text)
                if first is None:
                    first = split_line(line)
                    first.heading_shape = heading_shape_of(first)
                    memo.put(text, first)
            seen[text] = first
        out.append(first)
    return out


#: Readings of short lines, kept from report to report: line text -> LineInfo template.
#: Twice the tokeniser's size: table rows with their counts ("| 3 | 0 | 1 |") recur across
#: a batch less often than labels, and keeping them paid (18.20 -> 17.75 M instructions a
#: report over 1,000 synthetic reports; 4096 gained nothing more) for ≈ 4.5 MB a process.
_LINE_MEMO = LineMemo(2 * MEMO_SIZE)


def read_lines(text: str) -> Optional[tuple[list[str], list[LineInfo], list[Line]]]:
    """:func:`tokenise` and :func:`split_lines` in one pass: (the raw lines, the line
    table, the lines of :data:`SEGMENT_MIN` characters or more).

    A line read before (in this report, or remembered from an earlier one) shares that
    reading without being tokenised again or made into a :class:`Line`; only new text
    goes through the lexer. None when the grammar cannot be read line by line or some
    character matches no terminal: the caller then takes the full path (same results)."""
    lexer = line_lexer()
    if lexer is None:
        return None
    read = lexer.read_tokens_and_record
    raws = text.split("\n")
    seen: dict[str, LineInfo] = {}
    memo = _LINE_MEMO
    new = tuple.__new__
    out: list[LineInfo] = []
    append = out.append
    long_lines: list[Line] = []
    young = memo.young
    for number, raw in enumerate(raws, 1):
        # Most lines were read before: in this report or an earlier one, they are in the
        # memo's young generation (the memo is this report's record of what it read too).
        first = young.get(raw)
        if first is None:
            if len(raw) <= MEMO_MAX_LINE:
                first = memo.get(raw)  # the old generation (then moved to the young one)
                if first is None:
                    found = read(raw)
                    if found is None:
                        return None
                    first = split_record(new(Line, (number, raw, found[0])), found[1])
                    first.heading_shape = heading_shape_of(first)
                    memo.put(raw, first)
                young = memo.young  # a put may have begun a new generation
            else:  # long lines (prose) are remembered within this report only
                first = seen.get(raw)
                if first is None:
                    found = read(raw)
                    if found is None:
                        return None
                    line = new(Line, (number, raw, found[0]))
                    first = seen[raw] = split_record(line, found[1])
                if len(raw) >= SEGMENT_MIN:
                    long_lines.append(new(Line, (number, raw, first.tokens)))
        # A line read before keeps the string of that reading (the same text): the report
        # keeps every line, and tables repeat theirs ("| 0 | 0 |", "12") by the hundred.
        raws[number - 1] = first.text
        append(first)
    return raws, out, long_lines


def line_at(table: Sequence[LineInfo], number: int) -> LineInfo:
    """Line ``number`` of a line table as a table region reads it: the shared reading
    itself when it was made for this line, else that reading seen at ``number``
    (:func:`seen_at`; a :class:`BlankLineAt` for a blank line). Read-only, as every
    reading is; no cell is copied here."""
    first = table[number - 1]
    if first.number == number:  # (its cells carry the number it was made for)
        return first
    if first.blank and not first.cells and not first.offset:
        return BlankLineAt(number, first.text, first.tokens)  # type: ignore[return-value]
    return seen_at(number, first)


class RegionLines(Sequence[LineInfo]):
    """Lines of a line table as a table region reads them (:func:`line_at`). ``numbers``:
    the lines, in order (a range, or an array when some were left out); ``made``: lines
    made for the region (an empty cell seen as a blank line, :mod:`.empty_cells`) by
    position.

    The builders read a region ten times or so: a region of up to :data:`KEPT_LINES` lines
    keeps its lines once made. A longer one (a table printed many times over) makes each
    line when read and lets it go after: it costs no object a line while it is read, only
    the lines a table keeps."""

    __slots__ = ("table", "numbers", "made", "_kept")

    def __init__(self, table: Sequence[LineInfo], numbers: Sequence[int],
                 made: Optional[dict[int, LineInfo]] = None) -> None:
        self.table, self.numbers, self.made = table, numbers, made
        self._kept: Optional[list[LineInfo]] = None

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, k: int) -> LineInfo: ...

    @overload
    def __getitem__(self, k: slice) -> "RegionLines": ...

    def __getitem__(self, k: Union[int, slice]) -> Union[LineInfo, "RegionLines"]:
        if isinstance(k, slice):
            made = None
            if self.made:
                positions = range(len(self.numbers))[k]
                made = {new: self.made[old] for new, old in enumerate(positions) if old in self.made}
            return RegionLines(self.table, self.numbers[k], made)
        if self._kept is not None:
            return self._kept[k]
        return self._line(k if k >= 0 else k + len(self.numbers))

    def _line(self, k: int) -> LineInfo:
        if self.made:
            line = self.made.get(k)
            if line is not None:
                return line
        return line_at(self.table, self.numbers[k])

    def __iter__(self) -> Iterator[LineInfo]:
        kept = self._kept if self._kept is not None else self._keep()
        if kept is not None:
            return iter(kept)
        if self.made:
            return map(self._line, range(len(self.numbers)))
        table = self.table
        return (line_at(table, n) for n in self.numbers)

    def _keep(self) -> Optional[list[LineInfo]]:
        """A short region's lines, made once and kept (None for a long one)."""
        if len(self.numbers) > KEPT_LINES:
            return None
        if self.made:
            self._kept = list(map(self._line, range(len(self.numbers))))
        else:
            table = self.table
            self._kept = [line_at(table, n) for n in self.numbers]
        return self._kept

    def __reversed__(self) -> Iterator[LineInfo]:
        for k in reversed(range(len(self.numbers))):
            yield self[k]

    def readable(self) -> Sequence[LineInfo]:
        """The region as the builders read it, over and over: a short one as the list of
        its lines (indexed and measured in C), a long one itself (made when read)."""
        kept = self._kept if self._kept is not None else self._keep()
        return kept if kept is not None else self


#: A region of more lines than this makes each when read (see :class:`RegionLines`): a
#: report's table regions have tens to a few hundred lines.
KEPT_LINES = 384


def pick(infos: Sequence[LineInfo], positions: Sequence[int]) -> Sequence[LineInfo]:
    """The lines of ``infos`` at ``positions``, in that order: of a region read from the
    line table, a region of those lines (each made when read); else a list."""
    if isinstance(infos, RegionLines) and infos._kept is None:
        numbers, made = infos.numbers, infos.made
        kept = {j: made[k] for j, k in enumerate(positions) if k in made} if made else None
        return RegionLines(infos.table, array("i", map(numbers.__getitem__, positions)), kept or None)
    lines = infos._kept if isinstance(infos, RegionLines) and infos._kept is not None else infos
    return [lines[k] for k in positions]
