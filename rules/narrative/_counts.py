"""Counts in a sentence and the words around each: what the narrative rules compare.

Not a rule module. A report writes a count many ways — ``收到申请27件``, ``共有27件政府信息
公开申请``, ``二十七件``, ``27份``, ``其中12件予以公开``, ``被申请行政复议2件、被提起行政诉讼1件``
— so the rules do not match whole sentences: each count (digits, full-width digits or a
Chinese numeral, then a count unit) is found once, with the words between it and the count
or clause stop before it (``before``) and after it up to the next count or stop
(``after``). A rule reads the topic of a count from the keyword nearest to it: the last one
in ``before`` or, when there is none (number before the noun), the first in ``after``.

Parenthesised asides (``27件（同比增长8%）``, ``（其中自然人18件…）``) are blanked out of the
outer text, so they neither blank nor confuse the clause; the counts inside them are given
apart (``aside``) with their own words.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator, Optional

from gplint.labels import ascii_digits, cn_to_int

from ._prose import COUNT_DIGITS, Sentence, count
from gplint.lazy_re import lazy_compile

#: Units that count applications, cases or documents.
COUNT_UNITS = ("件次", "件", "份", "个", "宗", "起", "条", "部", "项", "次")
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
#: A count is never read from part of a number: not after a digit and one blank (「2 7件」,
#: a page's stray space inside 27), after OCR's look-alike of a digit (「l7件」 for 17) nor
#: after 廿 or 卅 (廿七件, 27): such a count is left alone, not read as 7.
_COUNT = lazy_compile(
    r"(?<![\d.．０-９" + _CN_DIGITS + r"廿卅第每之某])(?<![0-9０-９][ \u3000\u00a0])(?<![lIOo|])"
    r"(?:(?P<d>" + COUNT_DIGITS + r")(?![.．][0-9０-９])|(?P<c>[" + _CN_DIGITS + r"]+))"
    r"\s*(?P<unit>" + "|".join(COUNT_UNITS) + ")")
#: Units a Chinese numeral is read with (一个 and 一条 are words more often than counts).
_CN_UNITS = frozenset(("件", "件次", "宗", "起", "份"))
#: Clause stops: a count's words never run past them.
_STOPS = lazy_compile(r"[，,；;。！？!?：:\n]")
#: Words next to a count that make it approximate.
_APPROX_BEFORE = ("约", "近", "超过", "超", "逾", "不到", "不足")
_APPROX_AFTER = ("余", "多", "左右", "以上")


@dataclass(frozen=True)
class Count:
    """One count of a sentence: ``value`` ``unit`` at ``text[start:end]``."""

    value: int
    unit: str
    start: int
    end: int
    #: The words between the previous count (or the clause start) and this one.
    before: str
    #: The words after it, up to the next count or the clause end.
    after: str
    #: Offset of the clause's first character (in the sentence text).
    clause_start: int
    #: The clause, asides blanked.
    clause: str
    #: Inside parentheses.
    aside: bool
    approximate: bool


def blank_asides(text: str) -> str:
    """``text`` with every parenthesised aside (and its parentheses) turned into spaces."""
    if "（" not in text and "(" not in text:
        return text
    out = []
    depth = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        out.append(" " if depth else ch)
        if ch in "）)" and depth:
            depth -= 1
    return "".join(out)


def _value(m: re.Match[str]) -> Optional[int]:
    if m.group("d") is not None:
        return count(ascii_digits(m.group("d")))  # (None for a run too long to be a count)
    if m.group("unit") not in _CN_UNITS:
        return None
    return cn_to_int(m.group("c"))


def counts(sentence: Sentence) -> tuple[Count, ...]:
    """The counts of a sentence, in order (asides' counts after the outer ones)."""
    return _counts_of(sentence.text)


def _counts_of(text: str) -> tuple[Count, ...]:
    flat = blank_asides(text)
    out = list(_scan(flat, 0, len(flat), aside=False))
    if flat is not text:
        for m in re.finditer(r"[（(]([^（()）]*)[）)]", text):
            out.extend(_scan(text, m.start(1), m.end(1), aside=True))
    return tuple(out)


def _scan(text: str, lo: int, hi: int, aside: bool) -> Iterator[Count]:
    found = [m for m in _COUNT.finditer(text, lo, hi)]
    if not found:
        return
    # The stops once; each count's clause is found between two of them by bisection.
    stops = [m.start() for m in _STOPS.finditer(text, lo, hi)]
    for k, m in enumerate(found):
        value = _value(m)
        if value is None:
            continue
        a = m.start()
        j = bisect_left(stops, a)
        clause_start = stops[j - 1] + 1 if j else lo
        if j and text[clause_start - 1] in "：:" and not text[clause_start:a].strip():
            # A label and its value (收到申请数：26 件): the label's words name the count.
            j -= 1
            clause_start = stops[j - 1] + 1 if j else lo
        j = bisect_left(stops, m.end())
        clause_end = stops[j] if j < len(stops) else hi
        prev_end = found[k - 1].end() if k and found[k - 1].end() > clause_start else clause_start
        next_start = found[k + 1].start() if k + 1 < len(found) and found[k + 1].start() < clause_end else clause_end
        before = text[prev_end:a]
        after = text[m.end():next_start]
        approximate = before.rstrip().endswith(_APPROX_BEFORE) or after.lstrip().startswith(_APPROX_AFTER) \
            or text[m.end() - len(m.group("unit")) - 1: m.end() - len(m.group("unit"))] in ("余", "多")
        yield Count(value, m.group("unit"), a, m.end(), before, after, clause_start,
                    text[clause_start:clause_end], aside, approximate)


def nearest(patterns: "re.Pattern[str]", c: Count) -> tuple[Optional[re.Match[str]], bool]:
    """(match, in ``before``) of ``patterns`` nearest the count: the last one in its
    ``before`` words, or (none there) the first in its ``after`` words."""
    last = None
    for last in patterns.finditer(c.before):
        pass
    if last is not None:
        return last, True
    return patterns.search(c.after), False


#: Words that compare a count with another period or give a change, not a count (the source
#: kept apart: other patterns build on it without compiling it at import).
COMPARISON_SOURCE = r"同比|环比|较上年|较去年|比上年|比去年|较\d{4}年|比\d{4}年|上升|增长|下降|增加|减少|持平|提高|降低|变化"
COMPARISON = lazy_compile(COMPARISON_SOURCE)
