"""Find "a total and its listed parts" in prose: "共发布信息 37 条，其中政务动态 4 条、…".

Shared by N105 (parts exceed the total) and N106 (parts fall short of it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator, Optional

from gplint.model import Report

from ._prose import COUNT_DIGITS, Sentence, count, sentences
from gplint.lazy_re import lazy_compile

COUNT_UNITS = ("件次", "人次", "件", "条", "次", "篇", "个", "项", "期", "场", "份", "家")
#: Units that count published items and are mixed freely in lists of them (条 of which 次).
ITEM_UNITS = frozenset(("条", "次", "篇", "件"))

#: A count and its unit ("1,234 件"): the list's total and its parts.
_NUM = lazy_compile(r"(?<![\d.])(" + COUNT_DIGITS + r")(?!\.\d)\s*(" + "|".join(COUNT_UNITS) + ")")
_INTRO = lazy_compile(r"其中包括[：:]?|其中[：:，,]?|具体来看[：:]|具体(?:为|包括|是)[：:]?|分别(?:为|是)[：:]?|包括[：:]")
_DIGIT = lazy_compile(r"\d")
_NEW_TOTAL = lazy_compile(r"(?<![公总])共(?![享同建治])|合计|总计|累计")
# A clause that adds something outside the total ("另有上年结转的 1 件…", "此外…") ends the list.
_OUTSIDE = lazy_compile(r"^\s*(?:另有|另外|另|此外|除此之外|以及上年|加上|还有上年)")
#: A clause that opens with a verb of handling (已办结…, 答复…) says something new: not a
#: part. (Lists of published items repeat their own verb, 发布政务动态 4 条；发布…: not these.)
_NEW_VERB = lazy_compile(r"\s*(?:已|并|均|共|另|全部|及时|依法)*(?:办结|答复|办理完|处理完|收到|接收|接到|受理|结转|转入|完成|回复)")


_APPROX = ("约", "余", "近", "超", "逾", "多", "左右", "以上", "累计超")
_NOT_PART = ("同比", "增长", "下降", "增加", "减少", "占", "%", "％", "累计", "总")


@dataclass(frozen=True)
class PartsList:
    """A sentence giving a total then its parts (共 N 件，其中 a 件、b 件…)."""

    sentence: Sentence
    total: int
    unit: str
    total_span: tuple[int, int]
    parts: tuple[tuple[int, str, int, int], ...]  # (value, unit, start, end) in sentence text
    #: Every item of the list carries a count in a compatible unit (the list looks exhaustive).
    exhaustive: bool
    end: int
    #: Where the items begin (after the introducer).
    start: int
    #: For a list opening the sentence after its total's (…32 条。其中：…), read in the two
    #: sentences joined: the list's own sentence, and where its text begins in the joined one.
    source: Optional[Sentence] = None
    shift: int = 0


def strip_parens(text: str) -> str:
    """Blank out parenthesised asides (nested 其中 lists) keeping offsets."""
    if "（" not in text and "(" not in text:
        return text  # most sentences have none: skip the character loop
    out = []
    depth = 0
    for ch in text:
        if ch in "（(":
            depth += 1
        if depth:
            out.append(" ")
        else:
            out.append(ch)
        if ch in "）)" and depth:
            depth -= 1
    return "".join(out)


_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _thousands_separator(text: str, i: int) -> bool:
    """The comma at ``text[i]`` parts the groups of a number (2,156 条; 1，203 人次), as
    :data:`COUNT_DIGITS` reads it: no clause ends there."""
    return (text[i] in "，," and 0 < i and text[i - 1] in _DIGITS
            and all(ch in _DIGITS for ch in text[i + 1:i + 4]) and len(text[i + 1:i + 4]) == 3
            and (i + 4 >= len(text) or text[i + 4] not in _DIGITS))


def _clause_break_before(text: str, end: int) -> int:
    """The offset of the last mark before ``end`` that ends a clause (a comma parting a
    number's groups is none), or -1."""
    i = max(text.rfind(c, 0, end) for c in "，,；;：:。")
    while i > 0 and _thousands_separator(text, i):
        i = max(text.rfind(c, 0, i) for c in "，,；;：:。")
    return i


def _segments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    a = start
    for i in range(start, end):
        if text[i] in "，,；;、" and not _thousands_separator(text, i):
            yield a, i
            a = i + 1
    if a < end:
        yield a, end


def find_parts_lists(report: Report) -> Iterator[PartsList]:
    before: Optional[Sentence] = None
    for s in sentences(report):
        previous, before = before, s
        # A list needs an introducer (其中, 包括 …) and counts: most sentences have neither.
        # Every _INTRO phrase holds one of four words: substring tests pass over most
        # sentences more cheaply than a regex search.
        text = s.text
        if s.heading or not ("其中" in text or "包括" in text or "具体" in text or "分别" in text):
            continue
        if _INTRO.search(text) is None or _DIGIT.search(text) is None:
            continue
        flat = strip_parens(s.text)
        for intro in _INTRO.finditer(flat):
            got = _one(s, flat, intro)
            if got is None and intro.start() == len(flat) - len(flat.lstrip()) and intro.group(0) != "其中" \
                    and previous is not None and _ends_on_a_count(previous, s):
                got = _across_the_stop(previous, s)
            if got is not None:
                yield got


#: A sentence that ends on a count (…公开政务信息数 32 条。): the total a list opening the next
#: sentence (其中：部门文件 3 条、…) breaks down.
_ENDS_ON_COUNT = lazy_compile(r"(?<![\d.])(?:" + COUNT_DIGITS + r")\s*(?:" + "|".join(COUNT_UNITS) + r")\s*[。.]\s*$")


def _ends_on_a_count(previous: Sentence, s: Sentence) -> bool:
    """``previous`` ends on a count and gives no other (新收 317 件，上年结转 3 件。其中，…
    breaks down their sum, or what was handled of it)."""
    return not previous.heading and previous.section == s.section and _ENDS_ON_COUNT.search(previous.text) is not None \
        and len(_NUM.findall(strip_parens(previous.text))) == 1


def _across_the_stop(previous: Sentence, s: Sentence) -> Optional[PartsList]:
    """A list opening a sentence (其中：…, 其中，…) after a sentence that ends on its total
    (…32 条。其中：部门文件 3 条、…): read as one sentence."""
    # The full stop becomes the comma of one sentence (same length: the positions hold).
    stop = max(previous.text.rfind("。"), previous.text.rfind("."))
    text = previous.text[:stop] + "，" + previous.text[stop + 1:] + s.text
    joined = Sentence(text, s.section,
                      tuple(previous.pieces) + tuple((o + len(previous.text), line, col) for o, line, col in s.pieces))
    flat = strip_parens(joined.text)
    intro = _INTRO.search(flat, len(previous.text))
    got = _one(joined, flat, intro) if intro is not None else None
    return replace(got, source=s, shift=len(previous.text)) if got is not None else None


def _one(s: Sentence, flat: str, intro: re.Match[str]) -> Optional[PartsList]:
    total = _total_before(flat, intro)
    if total is None:
        return None
    head_start, tm, value, unit = total
    items = _items_after(flat, intro, unit)
    if items is None:
        return None
    parts, exhaustive, end = items
    return PartsList(s, value, unit, (head_start + 1 + tm.start(), head_start + 1 + tm.end()),
                     tuple(parts), exhaustive, end, intro.end())


def _total_before(flat: str, intro: re.Match[str]) -> Optional[tuple[int, re.Match[str], int, str]]:
    """The list's total: the last count in the clause just before the introducer, as (the
    offset before that clause, the count's match in it, its value, its unit); None when the
    clause gives none, ends on another number (万, %) or gives an approximate one."""
    head_start = _clause_break_before(flat, intro.start())
    head_end = intro.start()
    if intro.start() > 0 and flat[intro.start() - 1] in "，,":
        head_start = _clause_break_before(flat, intro.start() - 1)
        head_end = intro.start() - 1
    head = flat[head_start + 1: head_end]
    nums = list(_NUM.finditer(head))
    if not nums:
        return None
    tm = nums[-1]
    if re.search(r"\d", head[tm.end():]):
        return None  # the clause ends on another number (万, %): not a count total
    before = head[max(0, tm.start() - 3): tm.start()]
    after = head[tm.end(): tm.end() + 3]
    if any(w in before or w in after for w in _APPROX):
        return None
    total = count(tm.group(1))
    if total is None:
        return None
    return head_start, tm, total, tm.group(2)


def _items_after(flat: str, intro: re.Match[str], unit: str) -> Optional[tuple[list[tuple[int, str, int, int]], bool, int]]:
    """The counts listed after the introducer in the total's unit (or one mixed freely with
    it), whether every item carries one, and where the list ends; None when it lists none,
    or an approximate or overlong one."""
    colon = intro.group(0).endswith(("：", ":")) or "具体" in intro.group(0) or "包括" in intro.group(0)
    # The list runs to the end of the sentence; without a colon a semicolon also ends it,
    # and a clause that opens a new total (共…, 合计…) or its own 其中 list ends it too.
    end = len(flat)
    if not colon:
        for stop in "；;":
            k = flat.find(stop, intro.end())
            if k >= 0:
                end = min(end, k)
    nxt = _INTRO.search(flat, intro.end())
    parts: list[tuple[int, str, int, int]] = []
    exhaustive = True
    for a, b in _segments(flat, intro.end(), end):
        seg = flat[a:b]
        if not seg.strip():
            continue
        if _ends_the_list(flat, a, b, seg, parts, nxt):
            end = a
            break
        found = [m for m in _NUM.finditer(seg)
                 if not any(w in seg[max(0, m.start() - 3): m.end() + 2] for w in _NOT_PART)]
        same = [m for m in found if m.group(2) == unit or (unit in ITEM_UNITS and m.group(2) in ITEM_UNITS)]
        if not same:
            exhaustive = False
            continue
        if any(w in seg for w in _APPROX):
            return None
        for m in same:
            value = count(m.group(1))
            if value is None:
                return None
            parts.append((value, m.group(2), a + m.start(), a + m.end()))
    if not parts:
        return None
    return parts, exhaustive, end


def _ends_the_list(flat: str, a: int, b: int, seg: str, parts: list, nxt: Optional[re.Match[str]]) -> bool:
    """The segment ``flat[a:b]`` is no item of the list but what follows it."""
    if _NEW_TOTAL.search(seg) or _OUTSIDE.search(seg):
        return True
    if parts and flat[a - 1] in "，,；;" and _NEW_VERB.match(seg):
        # 收到申请27件，其中自然人20件、法人7件，已办结26件: a clause with a verb of
        # handling ends the list (its items are named by nouns).
        return True
    # the total of a nested list that follows
    return nxt is not None and a < nxt.start() <= b + 2 and b + 1 < len(flat) and flat[b] in "，,"


# Parts named by publication channel overlap: one item goes out on the website, the 微博 and
# the 微信 account alike, so counts per channel may add up to more than the items published.
_CHANNEL = lazy_compile(r"网站|网页|门户|微博|微信|公众号|客户端|APP|App|app|抖音|快手|头条|视频号|新媒体|"
                      r"公报|报纸|报刊|电视|广播|政务服务网|平台|公开栏|公示栏|大屏|显示屏|小程序|政务号")


def _ambiguous_total(pl: "PartsList") -> bool:
    """The clause before the list gives more than one count in the list's unit (办理人大代表建议
    25 件、政协提案 30 件，其中主办 10 件、协办 45 件): the list may break down their sum."""
    text = pl.sentence.text
    a = _clause_break_before(text, pl.total_span[0]) + 1
    for m in _NUM.finditer(text, a, pl.total_span[0]):
        if m.group(2) == pl.unit or (pl.unit in ITEM_UNITS and m.group(2) in ITEM_UNITS):
            return True
    return False


def not_a_breakdown(pl: "PartsList") -> bool:
    """The listed parts are not a breakdown of the stated total: counts per publication
    channel (which overlap) or a list after a clause giving two totals."""
    return bool(_CHANNEL.search(pl.sentence.text[pl.total_span[1]:pl.end])) or _ambiguous_total(pl)


#: A total of items looked over (清理规范性文件 45 件, 排查 30 项): the items listed after it
#: are what the review changed or found (其中废止 8 件、宣布失效 3 件), the rest stand as they were.
_REVIEWED = lazy_compile(r"清理|审查|审核|评估|排查|梳理|检查|核查")


#: A list of the subjects requests concern (其中涉及教育招生类 10 件、学籍管理类 5 件): the
#: main subjects named, not a breakdown of every request.
_SUBJECTS = lazy_compile(r"[^\d]{0,6}?(?:涉及|关于|内容(?:涉及|为|是|主要)?)")


def subjects_named(pl: "PartsList") -> bool:
    """The list after the introducer names the subjects of what the total counts."""
    return _SUBJECTS.match(pl.sentence.text, pl.start, pl.parts[0][2]) is not None


def review_findings(pl: "PartsList") -> bool:
    """The total counts items looked over, and the list names what the review found."""
    text = pl.sentence.text
    a = _clause_break_before(text, pl.total_span[0]) + 1
    return _REVIEWED.search(text, a, pl.total_span[0]) is not None


#: Forms and voices a piece is presented in (图文解读 8 篇、视频解读 2 篇, 主要负责人解读 3 篇):
#: a list naming only these counts the pieces given a form beside plain text, not every piece.
_FORMS = lazy_compile(r"图文|图解|视频(?!号)|音频|动漫|漫画|H5|h5|一图|长图|海报|专家|负责人|领导|访谈|直播")


def forms_named(pl: "PartsList") -> bool:
    """Every item of the list names a form or voice of presentation."""
    text = pl.sentence.text
    return all(_FORMS.search(text, a, b) is not None
               for a, b in _segments(text, pl.start, pl.end) if any(a <= p[2] < b for p in pl.parts))

