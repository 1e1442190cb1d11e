"""Empty cells of a table printed one cell a line, seen as extra blank lines.

Found before a table region is read (:mod:`.region`), so that each empty cell becomes a
blank value in the stream.
"""
from __future__ import annotations

from array import array
from collections import Counter
from operator import sub
from typing import Optional, Sequence

from .cells import LCell, LineInfo, row_cells
from .line_memo import KEPT_LINES, RegionLines


def empty_cells(infos: Sequence[LineInfo], width: int = 0) -> Sequence[LineInfo]:
    """In a table printed one cell a line, an empty cell is an extra blank line.

    The file's rhythm says how many blank lines separate two cells (0 for HTML converted
    with one newline per cell, 1 for converters that leave a blank line after every cell,
    as seeds 001/004 do); a longer run next to a value holds empty cells, ceil((run -
    rhythm) / (rhythm + 1)) of them. Applied only when the region is regular (most lines
    one cell, most gaps the rhythm), so a pdfminer stream's page layout is left alone.
    A table with most cells empty is not regular that way: there each row label followed
    by exactly ``width`` lines (values or blank) is read as one cell a line
    (:func:`labelled_blocks`).
    """
    if isinstance(infos, RegionLines):
        infos = infos.readable()
    infos = rows_opened_by_pipes(infos)
    if width:
        infos = pipe_ended_cells(infos)
    out = _rhythm_cells(infos, width)
    if out is None and width:
        out = labelled_blocks(infos, width)
    return infos if out is None else out  # (a region's lines are read-only: not copied)


def _closed_by_pipes(text: str) -> bool:
    """A cell's text closed by a pipe, maybe followed by the empty cells after it:
    "规章 |", "0 | |", "第二十条第(一)项 | ||||"."""
    return text.endswith("|") and text[0] != "|"


def rows_opened_by_pipes(infos: Sequence[LineInfo]) -> Sequence[LineInfo]:
    """A pipe table whose converter broke each row before every cell holding text: the
    row's opening pipe is a line of its own ("|"; "| | |" when the row's first cells
    are empty), each cell with text starts a line closed by its pipe, and the empty
    cells after it stay on that line ("0 | |": a value, then an empty cell). Read as
    the rows they are (one line a row, its cells on their own lines), as a table with
    pipes at both ends: a row's trailing empty cell is then what it is in any pipe row,
    not a value line of its own, and the opening pipes no empty cells.

    Told from a table one cell a line whose empty cells are lone pipes
    (:func:`pipe_ended_cells`) by the empty cells written on the lines of the cells
    before them, and by no two openings in a row."""
    openers = inline = closed = 0
    previous_opener = False
    for i in infos:
        if i.blank or i.footer:
            continue
        if not i.separated:
            previous_opener = False
            continue
        text = i.text.strip()
        if not text:
            previous_opener = False
            continue
        if text[0] == "|":
            if text.strip("| "):
                return infos  # a row with a leading pipe and text: a pipe table (nearly every one)
            if previous_opener:
                return infos  # lone pipes in a row: empty cells, not openings
            openers += 1
            previous_opener = True
            continue
        previous_opener = False
        if sum(1 for c in i.cells if c.text) > 1:
            return infos  # several cells with text on a line: rows, not cells
        if _closed_by_pipes(text):
            closed += 1
            if text[:-1].rstrip().endswith("|"):
                inline += 1
    if openers < 3 or inline < 2:
        return infos
    out: list[LineInfo] = []
    row: list[LineInfo] = []

    def flush() -> None:
        if not row:
            return
        cells = [c for r in row for c in r.placed_cells]
        first = next((r for r in row if r.text.strip().strip("| ")), row[0])
        out.append(LineInfo(first.number, " ".join(r.text.strip() for r in row), first.tokens,
                            row_cells(cells), True, heading_shape=()))
        row.clear()

    for i in infos:
        text = i.text.strip()
        if i.separated and text and (text[0] == "|" or row and _closed_by_pipes(text)):
            if text[0] == "|":
                flush()
            row.append(i)
            continue
        flush()
        out.append(i)
    flush()
    return out


def pipe_ended_cells(infos: Sequence[LineInfo]) -> Sequence[LineInfo]:
    """A table printed one cell a line, each cell's line closed by a pipe ("自然人 |",
    "0 |"), as an HTML-to-text converter writes a cell it puts on a line of its own:
    an empty cell is then a line holding the pipe alone. Such a line, a border elsewhere
    (:func:`gplint.reader.lines.split_line`), is an empty cell here. (A line of several
    pipes stays layout: the cells a merged cell spans; so do the pipes a converter left
    after a row's last cell on its line, "0 | ||": its row's spanned cells, no values.)"""
    content = closed = lone = spans = 0
    for i in infos:
        if i.blank or i.footer:
            continue
        text = i.text.strip()
        if text == "|":
            lone += 1
            continue
        if i.md_rule or not i.cells:
            continue  # (a line of pipes alone: the cells a merged cell spans)
        content += 1
        if i.separated and text.endswith("|") and not text.startswith("|") and _cell_then_spans(i.cells):
            closed += 1
            if len(i.cells) > 1:
                spans += 1
    if not (lone or spans) or content < 8 or closed < 0.8 * content:
        return infos
    out: list[LineInfo] = []
    for i in infos:
        text = i.text.strip()
        if i.md_rule and text == "|":
            i = LineInfo(i.number, i.text, i.tokens, [LCell("blank", "", i.number, 1, 1)], False, empty_cell=True)
        elif spans and i.separated and len(i.cells) > 1 and text.endswith("|") and not text.startswith("|") \
                and _cell_then_spans(i.cells):
            i = LineInfo(i.number, i.text, i.tokens, i.placed_cells[:1], True)
        out.append(i)
    return out


def _cell_then_spans(cells: Sequence[LCell]) -> bool:
    """One cell with text, then empty cells alone ("0", "0 | ||")."""
    return bool(cells[0].text) and all(c.kind == "blank" and not c.text for c in cells[1:])


def labelled_blocks(infos: Sequence[LineInfo], width: int) -> Optional[list[LineInfo]]:
    """Rows printed as a label line and then ``width`` lines, one cell each, an empty
    cell an empty line (HTML converted one cell a line, most cells empty). None unless
    every label line with values after it is such a block (then the blank lines of each
    block are its empty cells; a row with every cell empty is ``width`` blank lines)."""
    if sum(1 for i in infos if i.separated) * 4 > len(infos):
        return None  # a table cut into cells by tabs or pipes: its empty cells are cells

    def is_value(info: LineInfo) -> bool:
        return len(info.cells) == 1 and info.cells[0].kind == "num" and not info.separated

    def is_label(info: LineInfo) -> bool:
        return bool(info.labels) and not info.values and not info.separated

    # The file's rhythm, from the lines after labels: a converter that leaves a blank line
    # after every line leaves one after each label too. (Decided once for the region: a
    # block of mostly empty cells alone could be read either way.)
    after_label = [infos[i + 1].blank for i in range(len(infos) - 1) if is_label(infos[i])]
    spaced = bool(after_label) and sum(after_label) > 0.8 * len(after_label)
    out: list[LineInfo] = []
    blocks = 0
    k = 0
    while k < len(infos):
        info = infos[k]
        out.append(info)
        k += 1
        if not is_label(info):
            continue
        end = k
        while end < len(infos) and (infos[end].blank or infos[end].footer or is_value(infos[end])):
            end += 1
        # (A page's running head or number inside the block is no line of it.)
        positions = [p for p in range(k, end) if not infos[p].footer]
        body = [infos[p] for p in positions]
        cells, used = _block_cells(body, width, spaced)
        if cells is None:
            if any(is_value(i) for i in body):
                return None
            continue  # a label with no cells after it (a group label, a header word)
        out.extend(cells)
        blocks += 1
        k = positions[used - 1] + 1
    return out if blocks else None


def _block_cells(body: Sequence[LineInfo], width: int, spaced: bool) -> tuple[Optional[list[LineInfo]], int]:
    """The ``width`` cells of a block of lines after a row label, and how many lines they
    take: one line a cell, or every other line (a converter that leaves a blank line after
    every line, the label's included: an empty cell is then two blank lines). Blank lines
    the block does not need before the next label are separators. (None, 0) when the lines
    are no such block."""
    # (Spaced, a converter may also write an empty cell as one blank line: then a row whose
    # only value is its last is the separator, width - 1 blank lines and that value.)
    for step, first in ((2, 1), (1, 1)) if spaced else ((1, 0),):
        end = first + step * (width - 1) + 1  # one past the last cell's line
        if len(body) < end or any(not line.blank for line in body[end:]):
            continue
        at = range(first, end, step)
        if any(not body[i].blank for i in range(end) if i not in at):
            continue  # a value where a separator line belongs
        if (step, first) == (1, 1) and any(not body[i].blank for i in at[:-1]):
            continue
        cells = [body[i] if not body[i].blank else LineInfo(
            body[i].number, body[i].text, body[i].tokens, [LCell("blank", "", body[i].number, 1, 1)], False,
            empty_cell=True) for i in at]
        return cells, end
    return None, 0


def _rhythm_cells(infos: Sequence[LineInfo], width: int = 0) -> Optional[Sequence[LineInfo]]:
    """:func:`empty_cells` by the file's rhythm, or None when the region is not regular.

    A converter may also write an empty cell as one blank line where it ends a cell with
    text by a blank line: a row label, then one blank line per empty cell and the row's
    last value (its 总计, the zeros left blank) is read as that row, ``width`` cells,
    when the run before the value is exactly as long as that (seen as the 2-line
    steps it would be 13 lines long, not 7)."""
    # One pass finds the content lines and counts those of one cell (no generator, no
    # second lookup of each line: every table region of every report comes here).
    content: list[int] = []
    single = 0
    k = 0
    for i in infos:
        if not i.blank:
            content.append(k)
            if len(i.cells) == 1 and not i.separated:
                single += 1
        k += 1
    if len(content) < 8 or single < 0.8 * len(content):
        return None
    # How often each step from one content line to the next (its gap of blank lines + 1)
    # occurs, counted by C code rather than a loop here.
    counts = Counter(map(sub, content[1:], content))
    step = max(counts, key=lambda d: (counts[d], -d))
    rhythm = step - 1
    if rhythm > 1 or counts[step] < 0.8 * (len(content) - 1):
        return None
    if max(counts) <= step:
        return _kept(infos, content, {})  # no gap longer than the rhythm: no empty cell

    def is_value(info: LineInfo) -> bool:
        return len(info.cells) == 1 and info.cells[0].kind in ("num", "blank") and not info.footer

    def is_label(info: LineInfo) -> bool:
        return bool(info.labels) and not info.values

    def last_value_alone(at: int, k: int, run: int) -> bool:
        """Line ``k`` (content position ``at``) is a row's only value, after ``run`` blank
        lines that are its row's other cells, one line each."""
        if not width or rhythm != 1 or run != rhythm + width - 1 or not is_label(infos[k - run - 1]) \
                or infos[k].cells[0].kind != "num":
            return False
        return at + 1 == len(content) or is_label(infos[content[at + 1]])

    prev = content[0]
    out: list[int] = [prev]  # positions in ``infos`` of the lines kept, in order
    made: dict[int, LineInfo] = {}  # position in ``out`` -> the empty cell made there
    append = out.append
    for at, k in enumerate(content[1:], 1):
        run = k - prev - 1
        if run > rhythm and (is_value(infos[prev]) or is_value(infos[k])):
            one_line_each = is_value(infos[k]) and last_value_alone(at, k, run)
            n_empty = width - 1 if one_line_each else -(-(run - rhythm) // (rhythm + 1))
            for e in range(n_empty):
                at_k = prev + 1 + rhythm + e if one_line_each else min(prev + 1 + e * (rhythm + 1) + rhythm, k - 1)
                at = infos[at_k]
                made[len(out)] = LineInfo(at.number, at.text, at.tokens,
                                          [LCell("blank", "", at.number, 1, 1)], False, empty_cell=True)
                append(at_k)
        append(k)
        prev = k
    return _kept(infos, out, made)


def _kept(infos: Sequence[LineInfo], positions: Sequence[int], made: dict[int, LineInfo]) -> Sequence[LineInfo]:
    """The lines of ``infos`` at ``positions``, those of ``made`` in their place: for a
    region read from the line table, its lines by number (none made until read)."""
    if isinstance(infos, RegionLines) and len(infos) > KEPT_LINES:  # (a short one keeps its lines)
        numbers = infos.numbers
        return RegionLines(infos.table, array("i", map(numbers.__getitem__, positions)), made or None)
    lines = infos._kept if isinstance(infos, RegionLines) and infos._kept is not None else infos
    if not made:
        return [lines[k] for k in positions]
    return [made.get(j) or lines[k] for j, k in enumerate(positions)]
