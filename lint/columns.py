"""Columns as editors count them.

gplint's spans count characters (Unicode code points), as VS Code, SARIF and most tools
do. Vim's ``%c`` counts bytes of the line in UTF-8 and its ``%v`` screen cells; Emacs
counts screen cells unless ``compilation-error-screen-columns`` is nil. On a line with
Chinese text before the finding these differ: ``总计`` is 2 characters, 6 bytes and 4 cells.
``--column-unit`` prints the column an editor expects (see docs/integrations.md).
"""
from __future__ import annotations

import unicodedata

COLUMN_UNITS = ("char", "byte", "screen")
DEFAULT_TAB_WIDTH = 8


def char_width(ch: str) -> int:
    """Screen cells of one character: 2 for East Asian wide and full-width characters,
    0 for combining marks and zero-width format characters, else 1."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def screen_width(text: str, start_cell: int = 0, tab_width: int = DEFAULT_TAB_WIDTH) -> int:
    """Cells ``text`` takes when it starts at cell ``start_cell`` (tabs go to the next stop)."""
    cell = start_cell
    for ch in text:
        if ch == "\t":
            cell += tab_width - cell % tab_width
        else:
            cell += char_width(ch)
    return cell - start_cell


def convert(line: str, column: int, unit: str, tab_width: int = DEFAULT_TAB_WIDTH) -> int:
    """The 1-based ``column`` (characters) of ``line`` in ``unit``.

    A column past the end of the line counts the missing characters as one unit each."""
    if unit == "char":
        return column
    before = line[:column - 1]
    extra = max(0, column - 1 - len(line))
    if unit == "byte":
        return len(before.encode("utf-8", "surrogatepass")) + extra + 1
    if unit == "screen":
        return screen_width(before, 0, tab_width) + extra + 1
    raise ValueError(f"unknown column unit {unit!r}")
