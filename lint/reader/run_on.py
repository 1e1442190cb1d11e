"""A section heading run into the line that holds it.

A page copied sentence by sentence, or a paragraph that swallowed its heading, prints a
statutory heading with its body on one line (「一、总体情况2022年，本局…」), or after the
sentence before it (「…特编制此报告：一、总体情况2021年…」, 「…报告如下（…）二、主动公开
政府信息情况」, 「…年度报告一、总体情况…」). Such a line is cut into virtual lines, as a page
flattened into one long line is (:mod:`.flattened`): the heading on its own, then its body.

Only what is a section heading beyond doubt is cut: the numeral of one of the six
sections, 、, a title that names a section (its words, FORMAT §3.1) and ends in 情况,
事项, 措施, 概况 or 概述, with no sentence mark inside it. Mid-line, the numeral must begin
a word (not 统一、 or 第一、; after the report's title 年度报告 it may) and be its own
section's: 「…工作情况如下：一、主动公开情况…」 (一 is not 主动公开's numeral) is a list in
prose, and 「包括：一是…」, 「如下：1.…」 are never section numbering. A title followed by
、，；等 is an item of a list of the sections (a preface's 「本报告包括：一、总体情况；二、…」):
such a line is not cut at all; nor is a numeral after 、 or ，(「…，二、主动公开…」).
"""
from __future__ import annotations

from typing import Optional

from .. import labels as L
from ..format import SECTIONS
from ..lazy_re import lazy_compile

#: A section's numeral and its 、 beginning a word, or right after the report's title; not
#: after an opening quote (具体见“三、收到和处理…”: a sentence naming a section).
_HEADING_AT = lazy_compile("(?:(?<![\\w“‘「『《\"'])|(?<=年度报告))[ \u3000#*]*([一二三四五六])[ \u3000]*[、．]")
#: The words a section title ends with.
_TITLE_END = lazy_compile("情[况況]|事[项項]|措施|概[况況]|概述")  # (Traditional too: 事項)
#: How far after its numeral a title must end (the longest standard title is 17 characters).
_TITLE_MAX = 30
#: Marks that may not stand inside a title.
_SENTENCE_MARKS = frozenset("，。；：,;:！？")
#: Marks after a title (or before a numeral mid-line) that make it an item of a list of the
#: sections.
_LIST_MARKS = frozenset("、，,；;等")
#: What follows a title in a table of contents: leader dots and a page number, or the page
#: number alone, up to the line's end.
_CONTENTS_ENTRY = lazy_compile(r"(?:[.．…·‥\-—_ \u3000]{2,}[0-9０-９]{0,3}|[0-9０-９]{1,3})[ \u3000]*$")
#: How a report's title ends, when its first heading runs on after it.
_REPORT_TITLE_ENDS = ("年度报告", "年度報告")
#: At most this many section headings are cut from the lines of one text: twice the six
#: sections (a heading may be printed twice, once in a contents list). A text with more is
#: numbered otherwise, and none is cut (this also bounds the work on a text that repeats
#: 「…：一、总体情况…」 thousands of times).
MOST = 12
_SLOT_OF_NUMERAL = {sec.numeral: sec.slot for sec in SECTIONS}
#: A section's numeral and its mark, anywhere (one pass over the text in C).
_NUMERAL = lazy_compile(f"[{''.join(sec.numeral for sec in SECTIONS)}][ \u3000]*[、．]")


def run_on_lines(text: str) -> list[int]:
    """The (1-based) numbers of the lines of ``text`` where a section's numeral and its 、
    begin a word (or follow 年度报告) and a title ending in one of its words stands before
    more text: the lines :func:`heading_cuts` may cut. (A heading on a line of its own, or
    table 三's 一、本年新收… row, is passed over here, cheaply.)"""
    starts = set()
    start = previous = 0  # the start of the line of the numeral looked at, the one before's
    for m in _NUMERAL.finditer(text):
        i = m.start()
        j = i
        while j > 0 and text[j - 1] in " \u3000#*":
            j -= 1
        if j and text[j - 1] != "\n" and text[j - 1].isalnum() and text[j - 4:j] not in _REPORT_TITLE_ENDS \
                and not (j < i and text[j - 1].isdigit()):
            continue  # inside a word: 统一、, 第一、 (not after a value and a blank: 「收费\t0 三、收到…」)
        # (Searched back only as far as the numeral before: linear on a page on one line.)
        start = max(start, text.rfind("\n", previous, i) + 1)
        previous = i
        if start == j:  # at the line's start: only a title with more after it is run on
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            title = _TITLE_END.search(text, i, min(end, i + _TITLE_MAX))
            if title is None or not text[title.end():end].strip(" \u3000\t"):
                continue
        starts.add(start)
    numbers, line, at = [], 1, 0
    for start in sorted(starts):
        line += text.count("\n", at, start)
        at = start
        numbers.append(line)
    return numbers


def heading_cuts(text: str) -> list[int]:
    """Offsets in the line ``text`` where a virtual line begins: before a section heading
    that stands mid-line, and after the title of one followed by its body. [] when the line
    holds none, or is a list of the sections."""
    heads: list[tuple[int, int, bool, bool]] = []
    text = L.simplified(text)  # (character for character: the offsets stand)
    for m in _HEADING_AT.finditer(text):
        title_end = _title_end(text, m.end())
        if title_end is None:
            continue
        after = _skip(text, title_end, 1, " \u3000")
        if after < len(text) and text[after] in _LIST_MARKS:
            return []
        if _CONTENTS_ENTRY.match(text, after):
            return []  # 一、总体情况…………1: an entry of a table of contents
        start = m.start(1)
        # (Looked at where they stand, never by slicing the line: a page on one line may
        # hold thousands of numerals.)
        before = _skip(text, start, -1, " \u3000#*")
        mid_line = before > 0
        if mid_line and (text[before - 1] in _LIST_MARKS
                         or L.section_slot(L.normalise(text[m.end():title_end])) != _SLOT_OF_NUMERAL[m.group(1)]):
            continue
        heads.append((start, title_end, mid_line, after < len(text)))
        if len(heads) > MOST:
            return []
    cuts = set()
    for start, title_end, mid_line, body in heads:
        if mid_line:
            cuts.add(start)
        if body:
            cuts.add(title_end)
    return sorted(c for c in cuts if 0 < c < len(text))


def _skip(text: str, at: int, step: int, blanks: str) -> int:
    """From ``at``, past the ``blanks`` forwards (``step`` 1: the offset of the first other
    character, or len(text)) or backwards (-1: one past the last other one before, or 0)."""
    if step > 0:
        while at < len(text) and text[at] in blanks:
            at += 1
        return at
    while at > 0 and text[at - 1] in blanks:
        at -= 1
    return at


def _title_end(text: str, at: int) -> Optional[int]:
    """Where the section title that begins at ``at`` ends, or None when none does."""
    m = _TITLE_END.search(text, at, at + _TITLE_MAX)
    if m is None:
        return None
    title = text[at:m.end()]
    if any(ch in _SENTENCE_MARKS for ch in title) or L.section_slot(L.normalise(title)) is None:
        return None
    return m.end()
