"""Running heads: the report's title printed again at the top of each page (PDF text).

A PDF's text tool writes a page's running head where the page prints it: in the middle of a
table that runs over a page break, a line 「某区某局2024年政府信息公开工作年度报告」 stands
between two rows, or between two values of a table printed one cell a line, and breaks it
(a pdfminer column stream cut in two: a dozen rows "short of values"). One line cannot say
it is a running head; the whole text can: it repeats the report's title, or it is a short
line ending in 年度报告 that comes back page after page.

A running head is read as a page footer is: no part of a table, a heading or the prose.
"""
from __future__ import annotations

import re

from .. import labels as L

#: How far into the text the title is looked for (lines, blank ones included).
TITLE_LINES = 12
#: The longest title line (characters, after normalisation).
MAX_TITLE = 60
#: How often a line ending in 年度报告 that is no copy of the title must come back.
REPEATS = 2
# A page mark printed beside the running head: 第 3 页, - 3 -, 3/9, or a bare number.
_PAGE_MARK = re.compile(r"^(?:第?\d{1,3}页(?:/?共\d{1,3}页)?|[-—–]\d{1,3}[-—–]|\d{1,3}/\d{1,3}|\d{1,3})")


def running_head_lines(text: str) -> list[int]:
    """The (1-based) numbers of the lines of ``text`` that are running heads (see the
    module): after the title, a line that is the title again (or its two title lines as
    one), or a short line ending in 年度报告 seen :data:`REPEATS` times or more; either
    may carry a page mark before or after it."""
    if "年度报告" not in text:
        return []
    lines = text.split("\n")
    titles, end = _title(lines)
    if end is None:
        return []
    seen: dict[str, list[int]] = {}
    for index in range(end, len(lines)):
        line = lines[index]
        if "报告" not in line or len(line) > 2 * MAX_TITLE:
            continue
        head = _without_page_mark(L.normalise(line))
        if head and head.endswith("年度报告") and len(head) <= MAX_TITLE:
            seen.setdefault(head, []).append(index)
    found = [k for head, at in seen.items() if head in titles or len(at) >= REPEATS for k in at]
    return sorted(k + 1 for k in found)


def _title(lines: list[str]) -> tuple[set[str], "int | None"]:
    """The title's normalised forms (each title line, and two consecutive ones as one) and
    the index of the line after it; (set(), None) when no title stands at the top."""
    forms: set[str] = set()
    last = None
    previous = ""
    for index, line in enumerate(lines[:TITLE_LINES]):
        norm = L.normalise(line)
        if not norm or len(norm) > MAX_TITLE or not ("年度报告" in norm or "政府信息公开" in norm):
            previous = ""
            continue
        forms.add(norm)
        if previous:
            forms.add(previous + norm)
        previous, last = norm, index
    forms = {f for f in forms if f.endswith("年度报告")}
    return (forms, last + 1) if forms and last is not None else (set(), None)


def _without_page_mark(norm: str) -> str:
    """``norm`` without a page mark at its start or its end."""
    m = _PAGE_MARK.match(norm)
    if m is not None and m.end() < len(norm):
        norm = norm[m.end():]
    tail = re.search(r"(?:第?\d{1,3}页(?:/?共\d{1,3}页)?|[-—–]\d{1,3}[-—–]|\d{1,3}/\d{1,3}|\d{1,3})$", norm)
    if tail is not None and tail.start() > 0 and norm[:tail.start()].endswith("年度报告"):
        norm = norm[:tail.start()]
    return norm
