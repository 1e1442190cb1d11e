"""Running heads and feet: what a PDF prints on every page (the report's title, the office's
name), met again in its text at each page break.

A PDF's text tool writes a page's running head where the page prints it: in the middle of a
table that runs over a page break, a line 「某区某局2024年政府信息公开工作年度报告」 stands
between two rows, or between two values of a table printed one cell a line, and breaks it
(a pdfminer column stream cut in two: a dozen rows "short of values"). One line cannot say
it is a running head; the whole text can: it repeats the report's title, or it is a short
line ending in 年度报告 that comes back page after page, or — where the text marks its pages
with form feeds — the same short line stands at the top (or the foot) of page after page
(「某区数据局」, 「内部资料」) and holds none of the format's table words.

A running head is read as a page footer is: no part of a table, a heading or the prose.
"""
from __future__ import annotations

import re
from itertools import islice

from .. import format as F
from .page_numbers import feed_pieces, filled

#: How far into the text the title is looked for (lines, blank ones included).
TITLE_LINES = 12
#: The longest title line (characters, after normalisation).
MAX_TITLE = 60
#: How often a line ending in 年度报告 that is no copy of the title must come back.
REPEATS = 2
# A page mark printed beside the running head: 第 3 页, - 3 -, 3/9, or a bare number; never
# a piece of a number (the year opening a title line, 2024年…年度报告).
_MARK = (r"(?:第?\s*\d{1,3}\s*页(?:\s*/?\s*共\s*\d{1,3}\s*页)?|[-—–]\s*\d{1,3}\s*[-—–]"
         r"|(?<!\d)\d{1,3}(?:\s*/\s*\d{1,3})?(?!\d))")
_LEADING_MARK = re.compile(_MARK)
_TRAILING_MARK = re.compile(_MARK + "$")


def running_head_lines(text: str) -> list[int]:
    """The (1-based) numbers of the lines of ``text`` that are running heads or feet (see
    the module). Looks only at the lines holding 年度报告 and at the page breaks."""
    found = set(_title_again(text)) if "年度报告" in text else set()
    if "\f" in text:
        found.update(_at_page_breaks(text))
    return sorted(found)


def _title_again(text: str) -> list[int]:
    """After the title, a line that is the title again (or its two title lines as one), or a
    short line ending in 年度报告 seen :data:`REPEATS` times or more; either may carry a page
    mark before or after it."""
    top = text.split("\n", TITLE_LINES)[:TITLE_LINES]
    titles, end = _title(top)
    if end is None:
        return []
    seen: dict[str, list[int]] = {}
    number, counted = end, sum(len(line) + 1 for line in top[:end])  # line `end` starts there
    at = text.find("年度报告", counted)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        number += text.count("\n", counted, line_start)
        counted = line_start
        if line_end - line_start <= 2 * MAX_TITLE:
            head = _without_page_mark(text[line_start:line_end])
            if head.endswith("年度报告") and len(head) <= MAX_TITLE:
                seen.setdefault(head, []).append(number)
        at = text.find("年度报告", line_end)
    return [k + 1 for head, lines in seen.items() if head in titles or len(lines) >= REPEATS for k in lines]


def _normalise(text: str) -> str:
    """A line as compared here: without its blanks and markdown marks. (Not the labels'
    normalisation: NFKC costs thousands of instructions a Chinese character, and a page's
    furniture is printed each time as the title was.)"""
    return "".join(text.split()).strip("#*")

#: Words one of which a title line holds before normalisation (Traditional ones too).
_TITLE_HINTS = ("报告", "報告", "公开", "公開")


#: How many pages must print the same line at their top (or foot).
PAGE_EVIDENCE = 3
#: The longest line taken for a page's furniture (characters, after normalisation).
MAX_FURNITURE = 40
#: Words of the format's tables and headings: a line with one of them is the report's own
#: (a table header repeated on each page a table runs over is a header, not furniture).
_TABLE_WORDS = tuple({_normalise(w) for w in (
    "第二十条", "信息内容", "申请人情况", "本年", "总计", "合计", "结果", "行政复议", "行政诉讼", "起诉",
    *(c.label for c in F.T3_2021.columns), *(r.label for r in F.T3_2021.rows),
    *(c.label for c in F.T4.columns), *(s.title for s in F.SECTIONS))})


def _at_page_breaks(text: str) -> list[int]:
    """The (1-based) numbers of the lines that stand, with the same text, at the top of
    :data:`PAGE_EVIDENCE` pages or more, or at their foot (pages end with a form feed).

    Walks the form feeds and the lines next to them in place (offsets, never the text cut
    into lines: a text of short lines would cost many times its size): each line between
    two form feeds is looked at at most twice."""
    tops: dict[str, list[int]] = {}
    feet: dict[str, list[int]] = {}
    feed = text.find("\f")
    while feed >= 0:
        line = _line_at(text, feed)
        foot = line if text[line[0]:feed].strip() else _non_blank(text, line, -1)
        top = line if text[text.rindex("\f", line[0], line[1]) + 1:line[1]].strip() else _non_blank(text, line, +1)
        for place, at in ((feet, foot), (tops, top)):
            # (Only a line that holds nothing else: the line of a form feed may hold the
            # foot of one page and the top of the next. Its pieces read one at a time.)
            pieces = [] if at is None else list(islice(filter(filled, feed_pieces(text, *at)), 2))
            key = _furniture_key(pieces[0]) if len(pieces) == 1 else ""
            if key:
                place.setdefault(key, []).append(at[0])
        feed = text.find("\f", line[1])
    starts = sorted(a for place in (tops, feet) for at in place.values() if len(at) >= PAGE_EVIDENCE for a in at)
    numbers, number, counted = [], 1, 0
    for start in starts:
        number += text.count("\n", counted, start)
        counted = start
        numbers.append(number)
    return numbers


def _line_at(text: str, at: int) -> tuple[int, int]:
    """(start, end) offsets of the line holding offset ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _non_blank(text: str, line: tuple[int, int], step: int) -> "tuple[int, int] | None":
    """The first line before (``step`` -1) or after (+1) ``line`` with text, up to a line
    holding a form feed (then None)."""
    while True:
        if step < 0:
            if line[0] == 0:
                return None
            line = _line_at(text, line[0] - 1)
        else:
            if line[1] >= len(text):
                return None
            line = _line_at(text, line[1] + 1)
        piece = text[line[0]:line[1]]
        if "\f" in piece:
            return None
        if piece.strip(" \u3000\t"):
            return line


def _furniture_key(text: str) -> str:
    """What makes two lines the same furniture (the page mark left out), or "" for a line
    that cannot be one: long, cut into cells, holding a word of the tables, or no word at
    all (a number, a mark, one character: a table printed one cell a line, its zeros
    written —, puts the same cell at the top or foot of each page that breaks in it)."""
    if "\t" in text or "|" in text:
        return ""
    norm = _without_page_mark(text)
    if len(norm) > MAX_FURNITURE or sum(map(str.isalpha, norm)) < 2 or any(w in norm for w in _TABLE_WORDS):
        return ""
    return norm


def _title(lines: list[str]) -> tuple[set[str], "int | None"]:
    """The title's normalised forms (each title line, and two consecutive ones as one) and
    the index of the line after it; (set(), None) when no title stands at the top."""
    forms: set[str] = set()
    last = None
    previous = ""
    for index, line in enumerate(lines[:TITLE_LINES]):
        # (Normalising is costly, NFKC above all: only a line that may be the title is.)
        if len(line) > 2 * MAX_TITLE or not any(w in line for w in _TITLE_HINTS):
            previous = ""
            continue
        norm = _normalise(line)
        if not norm or len(norm) > MAX_TITLE or not ("年度报告" in norm or "政府信息公开" in norm):
            previous = ""
            continue
        forms.add(norm)
        if previous:
            forms.add(previous + norm)
        previous, last = norm, index
    forms = {f for f in forms if f.endswith("年度报告")}
    return (forms, last + 1) if forms and last is not None else (set(), None)


def _without_page_mark(line: str) -> str:
    """A line as compared here (:func:`_normalise`) without a page mark at its start or at
    its end (the page's number, which changes from page to page). (Looked for before the
    blanks go: 「3 2024年…」 is a page mark and a title
    line opening with its year, 「32024年…」 would say neither.)"""
    text = line.strip().strip("#*").strip()
    m = _LEADING_MARK.match(text)
    if m is not None and m.end() < len(text):
        text = text[m.end():]
    tail = _TRAILING_MARK.search(text)
    if tail is not None and tail.start() > 0:
        text = text[:tail.start()]
    return _normalise(text)
