"""Where the tables begin (their anchors) and which headings are the six statutory sections.
"""
from __future__ import annotations

from itertools import islice
from typing import Optional, Sequence

from .. import labels as L
from ..model import (
    Heading,
    Section,
    Span,
)
from ..format import T3_2021
from .cells import CELL_KIND, LineInfo
from .t3_forms import is_kv_line
from ..lazy_re import lazy_compile
from ..pictures import picture_in


def anchor_t2(infos: Sequence[LineInfo]) -> Optional[int]:
    """First line of T2: its first 第二十条 block heading, moved up over T2 rows and
    headers printed before it (a text that starts inside the table)."""
    anchor = None
    for number, info in enumerate(infos, 1):
        # Normalising never creates a 第 (no NFKC or Traditional->Simplified mapping gives
        # one; checked over all of Unicode), so labels without one need not be normalised.
        if "第" in info.text and _names_a_t2_block(info):
            anchor = number
            break
    if anchor is None:
        anchor = _t2_without_block_headings(infos)
        t3 = anchor_t3(infos, 0) if anchor is not None else None
        if t3 is not None and anchor is not None and anchor > t3:  # table 二 comes before table 三
            return None
    if anchor is None:
        return None
    k = anchor - 1
    while k >= 1:
        info = infos[k - 1]
        if info.blank or info.footer or info.md_rule or _is_t2_line(info):
            k -= 1
            continue
        break
    while k + 1 < anchor and (infos[k].blank or infos[k].footer):
        k += 1
    return k + 1


def _names_a_t2_block(info: LineInfo) -> bool:
    """A 第二十条第（X）项 block heading in one of the line's labels, or cut by a tool into
    several cells of a line with no value (``||第二十|条第（一）项||``)."""
    if any("第" in c.text and "第二十条" in (n := L.normalise(c.text)) and len(n) <= 30 for c in info.labels):
        return True
    if info.values or len(info.labels) < 2:
        return False
    joined = L.normalise("".join(c.text for c in info.labels))
    return joined.startswith("第二十条") and len(joined) <= 30


#: Words of table 二's column headers (本年制发件数, 本年处理决定数量, 本年收费金额…).
_T2_HEADER_WORDS = lazy_compile("件数|数量|金额")


def _t2_without_block_headings(infos: Sequence[LineInfo]) -> Optional[int]:
    """Table 二 printed without its 第二十条第（X）项 lines: its first header row (信息内容
    and column words, or 信息内容 alone: one cell a line) or its first row (a T2 row label, values after it), whichever comes
    first (before table 三's anchor). A sentence is one long label, so prose naming 规章 or
    行政许可 is no such line."""
    for number, info in enumerate(infos, 1):
        labs = info.labels
        if not labs or info.blank:
            continue
        first = L.normalise(labs[0].text)
        if first.startswith("信息内容") and (first == "信息内容" or len(first) <= 40 and _T2_HEADER_WORDS.search(info.text)):
            return number
        if info.values and _is_t2_line(info) and not first.startswith("信息内容"):
            return number
    return None


def _is_t2_line(info: LineInfo) -> bool:
    labs = info.labels
    if not labs:
        return False
    for c in labs:
        n = L.normalise(c.text)
        if L.match_t2_row(n) is None and not (n.startswith("信息内容") and len(n) <= 20):
            return False
    return True


#: A character whose normalised form holds 稽, 申, 第 or 新 (found over all of Unicode):
#: a label naming T3's anchor (勾稽/钩稽, 申请人情况…, 第一项加第二项, R01's 本年新收 or
#: 新收政府信息公开申请) holds one, and a label's characters all come from its line's text,
#: so a line without any is passed over without normalising its labels.
_T3_ANCHOR_HINT = lazy_compile("[稽申\U0001F238第新\U0001F21F]")
#: The same for T4's anchor (行政复议…, 未经复议直接起诉, 结果维持): 复 or 维.
_T4_ANCHOR_HINT = lazy_compile("[复複覆\uFAB7维維]")


def anchor_t3(infos: Sequence[LineInfo], start: int) -> Optional[int]:
    """First line of table 三: its caption (勾稽关系), its header (申请人情况) or its first row."""
    def names_it(info: LineInfo, n: str) -> bool:
        return ("勾稽" in n or "钩稽" in n or n.startswith("申请人情况") or "第一项加第二项" in n
                or (L.match_t3_row(n) == "R01" and (len(n) < 40 or is_kv_line(info))))

    return _first_anchor(infos, start, _T3_ANCHOR_HINT.search, names_it)


#: Table 三's labels as the format prints them, normalised: a line that is one of them
#: alone (「三、本年度办理结果」) is table 三's, even without values.
_T3_PRINTED = frozenset(L.normalise(x.label) for x in (*T3_2021.rows, *T3_2021.groups))


def t3_rows_in(infos: Sequence[LineInfo], start: int, end: int) -> Optional[int]:
    """The first line of lines ``start`` … ``end - 1`` (section 三's body) that is a row of
    table 三 — a row label with values, or a label of the table alone as the format prints
    it: what is left of a table whose caption, header and first row are lost (the table is
    there, unread, never missing). Prose naming a row (「其中予以公开 290 件」) is one long
    label: no such line. A picture before it (［图片］, a markdown image) is the table
    published as one, its rest printed after it: None (the picture is the table)."""
    for number in range(max(start, 1), min(end, len(infos) + 1)):
        info = infos[number - 1]
        if picture_in(info.text):
            return None
        labs = info.labels
        if not labs or info.blank:
            continue
        n = L.normalise(labs[0].text)
        if n in _T3_PRINTED or (len(labs) == 1 and len(n) <= 40 and "num" in map(CELL_KIND, info.values)
                                and L.match_t3_row(n) is not None):
            return number
    return None


def _names_t4(n: str) -> bool:
    return (n.startswith("行政复议") and len(n) <= 20) or n.startswith("未经复议直接起诉") or n in ("结果维持",)


def _t4_block_words(label: str) -> bool:
    """A blank-separated header naming table 四's blocks as one label ("行政复议 行政诉讼（未经
    复议直接起诉） 行政诉讼（复议后起诉）", in any order): two or more of its words name a block."""
    words = [L.normalise(w) for w in label.split()]
    return sum(1 for w in words if w.startswith(("行政复议", "行政诉讼", "未经复议", "复议后")) and len(w) <= 20) >= 2


def anchor_t4(infos: Sequence[LineInfo], start: int) -> Optional[int]:
    """First line of table 四: its 行政复议 header, 未经复议直接起诉 or 结果维持."""
    def names_it(info: LineInfo, n: str) -> bool:
        return _names_t4(n) or (len(n) > 20 and any(_t4_block_words(c.text) for c in info.labels))

    return _first_anchor(infos, start, _T4_ANCHOR_HINT.search, names_it)


def _first_anchor(infos: Sequence[LineInfo], start: int, hint, names_it) -> Optional[int]:
    """The first line from ``start`` with a label ``names_it``; a line whose text has no
    ``hint`` character cannot hold one, and is passed over without normalising its labels."""
    for number, info in enumerate(islice(infos, start, None), start + 1):
        if hint(info.text) is None:
            continue
        for c in info.labels:
            if names_it(info, L.normalise(c.text)):
                return number
    return None


#: Dot leaders of a table-of-contents entry (……, …, ...., ····, ．．．; …… holds …).
_TOC_LEADER = lazy_compile(r"…|\.\.\.\.|····|．．．").search


def choose_sections(headings: Sequence[Heading], anchors: dict[str, Optional[int]], nlines: int,
                     t3_row_lines: set[int], last_column: int) -> dict[str, Section]:
    """The statutory sections S1-S6 among the level-1 headings; ``last_column`` is one past
    the text's last character (on line ``nlines``), where the last section's body ends."""
    cands = _section_candidates(headings, t3_row_lines)
    chosen = _table_section_headings(cands, anchors)
    s1 = [h for h, s in cands if s == "S1"]
    if s1:
        limit = min([h.span.line for h in chosen.values()] or [nlines + 1])
        before = [h for h in s1 if h.span.line < limit]
        # The last before S2: a table of contents or a preface may name 总体情况 first.
        chosen["S1"] = (before or s1)[-1] if before else s1[0]
    after = max([h.span.line for h in chosen.values()] + [a for a in anchors.values() if a] or [0])
    for slot in ("S5", "S6"):
        opts = [h for h, s in cands if s == slot]
        later = [h for h in opts if h.span.line > after]
        pick = (later or opts or [None])[0]
        if pick is not None:
            chosen[slot] = pick
    return _sections_with_bodies(chosen, nlines, last_column)


def _section_candidates(headings: Sequence[Heading], t3_row_lines: set[int]) -> list[tuple[Heading, str]]:
    """(heading, the section it names) of each short level-1 heading that names one: not a
    table-of-contents entry, nor a row label of table 三."""
    cands: list[tuple[Heading, str]] = []
    for h in headings:
        if h.level != 1 or h.span.line in t3_row_lines:
            continue
        nt = L.normalise(h.title)
        if len(nt) > 40:
            continue
        if _TOC_LEADER(h.text):
            continue  # a table-of-contents entry, not the heading itself
        if L.match_t3_row(nt) in ("R01", "R02", "R25", "G0"):
            continue
        slot = L.section_slot(nt, h.number)
        if slot:
            cands.append((h, slot))
    return cands


def _table_section_headings(cands: Sequence[tuple[Heading, str]], anchors: dict[str, Optional[int]]
                            ) -> dict[str, Heading]:
    """The headings of the sections holding tables (S2-S4): the last candidate before its
    table's anchor, else the first."""
    chosen: dict[str, Heading] = {}
    table_of = {"S2": "t2", "S3": "t3", "S4": "t4"}
    for slot in ("S2", "S3", "S4"):
        anchor = anchors.get(table_of[slot])
        opts = [h for h, s in cands if s == slot]
        if not opts:
            continue
        if anchor is not None:
            before = [h for h in opts if h.span.line <= anchor]
            if before:
                chosen[slot] = before[-1]
                continue
            # The heading may follow the table's anchor only if nothing else does.
            chosen[slot] = opts[0]
        else:
            chosen[slot] = opts[0]
    return chosen


def _sections_with_bodies(chosen: dict[str, Heading], nlines: int, last_column: int) -> dict[str, Section]:
    """Each chosen heading as a section whose body runs to the next section's heading (the
    last one's to the end of the text)."""
    # Order sanity: a slot whose heading breaks the order of its neighbours is dropped
    # only when it sits before S1 (a preface mention), never silently reordered.
    out: dict[str, Section] = {}
    ordered = sorted(chosen.items(), key=lambda kv: kv[1].span.line)
    for i, (slot, h) in enumerate(ordered):
        if i + 1 < len(ordered):
            following = ordered[i + 1][1].span
            end = following.line - 1
            body = Span(h.span.end_line, h.span.end_column, following.line, following.column)
        else:
            end = nlines
            body = Span(h.span.end_line, h.span.end_column, nlines, last_column)
        numeral_slot = f"S{h.number}" if 1 <= h.number <= 6 else ""
        std = L.is_standard_title(slot, L.normalise(h.title))
        out[slot] = Section(slot, h, numeral_slot, std, end, body)
    return out
