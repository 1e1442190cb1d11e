"""A row's values against its width: empty cells beyond it dropped (:func:`fit`), and
whether the values stand on a line cut only by blanks (:func:`blank_separated`)."""
from __future__ import annotations

from typing import Optional, Sequence

from .cell_shapes import written_against
from .cells import LCell


def fit(vals: Sequence[LCell], width: int, label: Optional[LCell] = None) -> list[LCell]:
    """Drop empty cells beyond the row's width: leading ones first (merged label columns
    between the label and the values; a dash written against ``label``, 「数量：—」, which
    is then part of the label), then trailing ones (a row's closing separator), then, when
    the row still has too many and exactly ``width`` are written, the empty ones between."""
    vals = list(vals)
    lead = 0
    while len(vals) - lead > width and lead < len(vals) and vals[lead].kind == "blank" and (
            not vals[lead].text or lead == 0 and written_against(vals[0], label)):
        lead += 1
    vals = vals[lead:]
    while len(vals) > width and vals[-1].kind == "blank" and not vals[-1].text:
        vals.pop()
    if len(vals) > width and sum(1 for c in vals if c.kind != "blank" or c.text) == width:
        # Every cell the row needs is written; the empty ones between them are places a
        # converter made for an office grid's sliver columns (HTML/Word → markdown).
        vals = [c for c in vals if c.kind != "blank" or c.text]
    return vals


def blank_separated(values: Sequence[LCell], row_line: int) -> bool:
    """Whether a row's values stand on a line cut only by blanks: two on one line, or
    one on its row label's line (not one value a line under the label, where each line
    is a cell and an empty cell an empty line)."""
    return bool(values) and (values[0].line == row_line or len({c.line for c in values}) < len(values))
