"""Spaces and line breaks a page's markup left in a text as written entities.

A report copied out of a web editor, or saved by a crawler that escaped its text twice,
keeps ``&nbsp;`` for an empty table cell, ``&ensp;&ensp;`` before a paragraph, ``&#160;``
after a row's numbering and ``<br>`` where a long label wrapped in its cell. A reader sees
blanks there; read as text, ``&nbsp;`` is a label among a row's values (the values after
it move one column left) and ``<br>`` cuts a label in two. So the reader reads each such
entity or tag as as many blanks as it has characters: every other character keeps its
line and column, and no finding needs to be moved back.
"""
from __future__ import annotations

import re
from typing import Sequence

from .lazy_re import lazy_compile

#: The entities of white space (named, decimal, hexadecimal: no-break, en, em, thin and
#: ideographic spaces) and the line-break tag.
_WHITE = lazy_compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#8194|#8195|#8201|#12288|#x0*a0|#x0*2002|#x0*2003"
                      r"|#x0*2009|#x0*3000);?|<br\s*/?>", re.I)


def without_white_entities(text: str) -> str:
    """``text`` with its white-space entities and ``<br>`` tags written as blanks of the
    same length (the same string when it has none)."""
    if ("&" not in text and "<" not in text) or _WHITE.search(text) is None:
        return text
    return _WHITE.sub(lambda m: " " * len(m.group()), text)


def as_written(text: str, read_lines: Sequence[str]) -> tuple[str, ...]:
    """The lines of ``text`` at the places of ``read_lines`` (its lines as read by
    :func:`without_white_entities`, of the same lengths)."""
    out, start = [], 0
    for line in read_lines:
        out.append(text[start:start + len(line)])
        start += len(line) + 1
    return tuple(out) if start - 1 == len(text) else tuple(read_lines)
