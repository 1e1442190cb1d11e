"""Shared helpers for structure rules (not a rule module)."""
from __future__ import annotations

from typing import Optional

from gplint.format import FORMAT_2021
from gplint.labels import simplified
from gplint.model import Report

# The six sections of the format (gplint.format): slots in order, numerals, standard
# headings as printed ("一、总体情况"), the table each carries.
SLOTS = FORMAT_2021.slots
NUMERALS = {sec.slot: sec.numeral for sec in FORMAT_2021.sections}
STANDARD = {sec.slot: sec.heading for sec in FORMAT_2021.sections}
TABLE_OF = {sec.slot: sec.table for sec in FORMAT_2021.sections if sec.table}

#: A text with fewer statutory headings than this is a fragment, not a report whose
#: structure can be judged.
MIN_SECTIONS = 4


def table_region(report: Report, slot: str) -> Optional[tuple[int, int]]:
    """First and last line of the table a section carries (T2/T3/T4), when it was found."""
    table = getattr(report, TABLE_OF.get(slot, ""), None) if slot in TABLE_OF else None
    if table is None or table.span is None:
        return None
    line = table.span.line
    for a, b in report.table_lines:
        if a <= line <= b:
            return (a, b)
    return (line, table.span.end_line)


def body_text(report: Report, slot: str) -> str:
    """A section's body as one string (heading excluded), blank lines dropped."""
    return "\n".join(t.strip() for _, t in report.section_text(slot) if t.strip())


def body_words(report: Report, slot: str) -> str:
    """A section's body with its line wraps and blanks taken out, for keyword searches: a
    word wrapped over two lines (社会评 / 议, 信息处理 / 费) is found whole, and in Simplified
    characters (a repost in Traditional ones says the same)."""
    return words_of(body_text(report, slot))


def words_of(text: str) -> str:
    """``text`` without its blanks and line ends, in Simplified characters (see
    :func:`body_words`)."""
    # Blanks taken out a stretch at a time (a character's blankness is its own, so the
    # stretches join into the same string): split whole, a long body's words were a string
    # object each, 4 times the report at the rules' peak.
    return simplified("".join(["".join(text[k:k + _STRETCH].split()) for k in range(0, len(text), _STRETCH)]))


#: Characters of a section's body read at a time by :func:`body_words`.
_STRETCH = 4096


def title_garbled_heading(report: Report, slot: str) -> int:
    """The line of the heading of ``slot`` (a section the reader did not find) as a scan
    read it: numbered with the section's numeral and 、, where the section stands (between
    the sections found before and after it), its title garbled past recognition but of the
    title's length and with a third of its characters in their order or more
    (「五、入在网主要肯闻及攻测庙」 for 五、存在的主要问题及改进情况); 0 when there is none."""
    numeral, title = STANDARD[slot].split("、", 1)
    before = [report.sections[s].line for s in SLOTS[:SLOTS.index(slot)] if s in report.sections]
    after = [report.sections[s].line for s in SLOTS[SLOTS.index(slot) + 1:] if s in report.sections]
    lo, hi = (before[-1] if before else 0), (after[0] if after else len(report.lines) + 1)
    for h in report.headings:
        if not (lo < h.span.line < hi) or h.level != 1 or h.numeral != numeral:
            continue
        read = "".join(h.title.split())
        if abs(len(read) - len(title)) <= _TITLE_SLIP and "。" not in read \
                and 3 * _in_order(read, title) >= len(title):
            return h.span.line
    return 0


#: How many characters a garbled title's length may be off its standard title's.
_TITLE_SLIP = 3


def _in_order(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share in the same order (their longest common
    subsequence: titles are short)."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]
