"""A tab at the end of every line: layout, read as if absent.

Some PDF-to-text tools (pdfminer among them) end every line of a page with a tab, or with
blanks and a tab. Read as a separator, that tab makes every line a row of cells ending in
an empty one: a column stream's ``12`` becomes ``12 | (empty)``, a label ``行政许可 |
(empty)``, and rows are misread. On one line the tab cannot be told from a real empty last
cell (a spreadsheet's ``行政许可<tab>``), so the whole text decides: when most lines that
have no tab between two cells end in one — headings and prose too — the trailing tab is the
tool's, and one is dropped from the end of every line. A table whose rows alone end in a
tab keeps it: there it may be an empty cell, and the row's width decides (the reader).

Only the ends of lines change: every column before them stays where it was, so findings
need no mapping back.
"""
from __future__ import annotations

import re
from typing import Iterator

from .lazy_re import lazy_compile

#: One trailing tab, with the blanks around it, at the end of a line.
_TRAILING_TAB = lazy_compile("[ \u3000]*\t[ \u3000]*$", re.MULTILINE)
#: The share of the lines without a tab between two cells that must end in a tab.
MOST = 0.5
#: Fewer lines than this say nothing about the text.
FEWEST = 4


def tool_tabs(text: str) -> bool:
    """Whether the tab at the end of ``text``'s lines is a tool's layout (see the module)."""
    ending = text.count("\t\n") + text.endswith("\t")
    if ending < FEWEST:  # (a search in C: nearly every report stops here)
        return False
    with_tab = without = 0
    for line in _lines(text):
        body = line.rstrip(" \u3000\t")
        if not body or "\t" in body:
            continue  # blank, or a row of cells: says nothing
        if line.endswith("\t") or line.rstrip(" \u3000").endswith("\t"):
            with_tab += 1
        else:
            without += 1
    return with_tab >= FEWEST and with_tab >= MOST * (with_tab + without)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, one at a time (a list of them all would hold the text again,
    in small strings: several times its size)."""
    begin = 0
    while begin <= len(text):
        end = text.find("\n", begin)
        end = len(text) if end < 0 else end
        yield text[begin:end]
        begin = end + 1


def without_tool_tabs(text: str) -> str:
    """``text`` with one trailing tab (and the blanks around it) dropped from every line,
    when :func:`tool_tabs` says they are layout; else ``text`` itself."""
    return _TRAILING_TAB.sub("", text) if tool_tabs(text) else text


__all__ = ["tool_tabs", "without_tool_tabs"]
