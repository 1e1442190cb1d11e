"""Empty cells of a table printed one cell a line, seen as extra blank lines.

Found before a table region is read (:mod:`.region`), so that each empty cell becomes a
blank value in the stream.
"""
from __future__ import annotations

from collections import Counter
from operator import sub
from typing import Sequence

from .cells import LCell, LineInfo


def empty_cells(infos: Sequence[LineInfo]) -> list[LineInfo]:
    """In a table printed one cell a line, an empty cell is an extra blank line.

    The file's rhythm says how many blank lines separate two cells (0 for HTML converted
    with one newline per cell, 1 for converters that leave a blank line after every cell,
    as seeds 001/004 do); a longer run next to a value holds empty cells, ceil((run -
    rhythm) / (rhythm + 1)) of them. Applied only when the region is regular (most lines
    one cell, most gaps the rhythm), so a pdfminer stream's page layout is left alone.
    """
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
        return list(infos)
    # How often each step from one content line to the next (its gap of blank lines + 1)
    # occurs, counted by C code rather than a loop here.
    counts = Counter(map(sub, content[1:], content))
    step = max(counts, key=lambda d: (counts[d], -d))
    rhythm = step - 1
    if rhythm > 1 or counts[step] < 0.8 * (len(content) - 1):
        return list(infos)
    if max(counts) <= step:
        return [infos[k] for k in content]  # no gap longer than the rhythm: no empty cell

    def is_value(info: LineInfo) -> bool:
        return len(info.cells) == 1 and info.cells[0].kind in ("num", "blank") and not info.footer

    prev = content[0]
    out: list[LineInfo] = [infos[prev]]
    append = out.append
    for k in content[1:]:
        run = k - prev - 1
        if run > rhythm and (is_value(infos[prev]) or is_value(infos[k])):
            n_empty = -(-(run - rhythm) // (rhythm + 1))
            for e in range(n_empty):
                at = infos[min(prev + 1 + e * (rhythm + 1) + rhythm, k - 1)]
                append(LineInfo(at.number, at.text, at.tokens,
                                [LCell("blank", "", at.number, 1, 1)], False, empty_cell=True))
        append(infos[k])
        prev = k
    return out
