"""N111: an enumeration in the prose repeats or skips a number (一是…二是…二是)."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import ALL_FORMATS
from gplint.labels import cn_to_int
from gplint.model import Report

from ._prose import sentences
from gplint.lazy_re import lazy_compile

_CN = "一二三四五六七八九十"
#: Enumeration styles: 一是, 第一， at the start of a sentence or clause.
_STYLES = {
    "shi": lazy_compile(r"(?:^|(?<=[，,；;。：:\s]))(?P<n>[" + _CN + r"]{1,3})是(?=[\u4e00-\u9fff“])"),
    "di": lazy_compile(r"(?:^|(?<=[；;。：:\s]))第(?P<n>[" + _CN + r"]{1,3})[，,、](?=[\u4e00-\u9fff“])"),
}
#: A first item anywhere (after a run-in sub-heading: （二）整改措施一是…) starts a new list.
_FIRST = {"shi": lazy_compile(r"一是"), "di": lazy_compile(r"第一[，,、]")}
#: A run-in sub-heading ends the lists before it.
_SUBHEADING = lazy_compile(r"[（(][" + _CN + r"]{1,3}[）)]")
#: （一）… items: at the start of a sentence or after a stop, never 第（一）项 or a quoted label;
#: a blank may stand between the mark and its words (（三） 政府信息管理情况…: a clerk's space).
_PAREN = lazy_compile(r"\s*[（(](?P<n>[" + _CN + r"]{1,3})[）)]")
_PAREN_ITEM = lazy_compile(r"(?:^|(?<=[；;。：:\s]))[（(](?P<n>[" + _CN + r"]{1,3})[）)](?=[ \t\u3000]*[\u4e00-\u9fff])")
_MARK = {"shi": "{}是", "di": "第{}", "paren": "（{}）"}
#: How many sentences back the previous item may stand.
_REACH = 3
#: How many lists, one inside an item of another, are followed at once.
_DEPTH = 3


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")


class EnumerationSlip(Rule):
    """An enumeration in the prose repeats or skips a number.

    What it checks
        Within a section, the items of an enumeration — 一是…二是…三是, 第一，…第二，…, or
        （一）…（二）… — at the start of a sentence or clause must count up by one (a
        （二） on a heading line of its own counts in the run). An item that repeats the
        number before it or skips one (一是…二是…二是, 第一…第二…第四) is reported when the
        item before stands at most three sentences back (any distance within the section for
        （一）…). Sub-headings （一）… on lines of their own count up among themselves
        within the section (（一）主动公开情况 … （四）监督保障情况 skips two), whatever the
        prose between them lists; the next one run into its first sentence or closed by a
        full stop at a line's start (（三）政府信息管理。…) counts among them. A new 一 (even run into a
        sub-heading: （二）整改措施一是…), a number below the last, a run-in sub-heading
        （二） or a heading starts a new list; the sections' own headings are left to the
        structure rules. A list begun in an item's sentence or the next (三是平台建设。一是…，
        二是…。) is a list inside that item: the next item of the outer list (四是) goes on
        counting from the outer one's.

    Why
        FORMAT.md §9 lists careless drafting among the failures a report is judged by; a
        repeated or skipped item number is the trace of an edited list (an item dropped or
        pasted twice) and tells the reader one point may be missing.

    Bad::

        …
        五、存在的主要问题及改进情况
        一是信息发布不够及时；二是解读形式单一；⟦二⟧是平台建设滞后。

    Good::

        …
        五、存在的主要问题及改进情况
        一是信息发布不够及时；二是解读形式单一；三是平台建设滞后。
    """

    code = "N111"
    name = "enumeration-slip"
    explanation = "正文列举的序号重复或跳号（如“一是……二是……二是”），可能漏写或重复了一项。"
    category = "narrative"
    severity = "warning"
    profiles = ("strict",)
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # style -> the lists open, outermost first, each by its last item (n, sentence,
        # start, end, index): a list begun inside an item of another (四是平台建设。一是…，
        # 二是…。五是…) leaves the outer one open.
        last: dict[str, list[tuple[int, Any, int, int, int]]] = {}
        heading: Optional[tuple[int, Any, int, int, int]] = None  # the section's last （n） sub-heading
        section: object = ()
        previous_line = 0  # the source line the sentence before ended on
        for index, s in enumerate(sentences(report)):
            starts_line = bool(s.text) and s.position(0)[0] > previous_line
            previous_line = s.position(len(s.text) - 1)[0] if s.text else previous_line
            if s.section != section:
                last, heading = {}, None
                section = s.section
            if s.heading:
                # A heading ends the 一是 lists; its own （二） counts in the run of （一）…
                # items (a sub-heading on a line of its own, the next one run into prose).
                paren = last.get("paren")
                last = {}
                m = _PAREN.match(s.text)
                n = cn_to_int(m.group("n")) if m else None
                if n is not None:
                    last["paren"] = [(n, s, m.start(), m.end(), index)]  # type: ignore[union-attr]
                    # Sub-headings on lines of their own count up among themselves (（一）主动
                    # 公开情况 … （四）监督保障情况 skips two), whatever （一）… the prose between
                    # them lists.
                    if heading is not None and 1 < n and heading[0] <= n != heading[0] + 1:
                        yield self._slip("paren", n, heading, s, m.start(), m.end())  # type: ignore[union-attr]
                    heading = last["paren"][-1]
                elif paren is not None:
                    last["paren"] = paren
                continue
            for style, n, a, b in _events(s.text):
                if n is None:
                    last.pop(style, None)
                    continue
                lists = last.setdefault(style, [])
                prev = lists[-1] if lists else None
                item = (n, s, a, b, index)
                outer = _continued_outer(lists, n, index, style)
                if outer is not None:
                    del lists[outer + 1:]  # the inner lists end: the outer one goes on
                    lists[-1] = item
                elif n <= 1 and prev is not None and index - prev[4] <= 1 and len(lists) < _DEPTH:
                    lists.append(item)  # a list inside an item of the one before (its sentence or the next)
                elif prev is not None and n == prev[0] + 1:
                    lists[-1] = item
                else:
                    last[style] = [item]
                if (style == "paren" and starts_line and not s.text[:a].strip()
                        and heading is not None and n == heading[0] + 1):
                    # The next sub-heading run into its first sentence or closed by a full
                    # stop (（三）政府信息管理。…) at a line's start: it continues the run of
                    # sub-headings on lines of their own.
                    heading = item
                # A first item, or a number below the last, starts a new list.
                if n <= 1 or prev is None or n == prev[0] + 1 or n < prev[0] or outer is not None \
                        or (style != "paren" and index - prev[4] > _REACH):
                    continue
                yield self._slip(style, n, prev, s, a, b)

    def _slip(self, style: str, n: int, prev: tuple[int, Any, int, int, int], s: Any, a: int, b: int) -> Diagnostic:
        """Item ``n`` of ``style`` at ``s.text[a:b]`` repeating or skipping ``prev``'s number."""
        want = prev[0] + 1
        what = "重复" if n == prev[0] else "跳过"
        got, expected = _MARK[style].format(_cn(n)), _MARK[style].format(_cn(want))
        return self.diag(f"列举序号{what}：前一项为“{_MARK[style].format(_cn(prev[0]))}”，此处为“{got}”，应为“{expected}”",
                         s.span(a, b), key=f"enumeration.{style}",
                         related=[Related(prev[1].span(prev[2], prev[3]), "前一项")],
                         evidence={"text": n, "expected": want}, snippet=s.text[a:b])


def _continued_outer(lists: list[tuple[int, Any, int, int, int]], n: int, index: int, style: str) -> Optional[int]:
    """The position in ``lists`` of an outer list that item ``n`` continues (its next
    number, the innermost list's last item near enough), or None."""
    if len(lists) < 2 or n == lists[-1][0] + 1 or (style != "paren" and index - lists[-1][4] > _REACH):
        return None
    return next((k for k in range(len(lists) - 2, -1, -1) if lists[k][0] + 1 == n), None)


def _events(text: str) -> list[tuple[str, Optional[int], int, int]]:
    """(style, item number or None for a sub-heading that ends every list, start, end), in order."""
    found: dict[tuple[str, int], tuple[str, Optional[int], int, int]] = {}
    for style, pattern in _STYLES.items():
        for m in pattern.finditer(text):
            found[(style, m.start())] = (style, cn_to_int(m.group("n")), m.start(), m.end())
        for m in _FIRST[style].finditer(text):
            found.setdefault((style, m.start()), (style, 1, m.start(), m.end()))
        for m in _SUBHEADING.finditer(text):
            found.setdefault((style, m.start()), (style, None, m.start(), m.end()))
    for m in _PAREN_ITEM.finditer(text):
        found[("paren", m.start())] = ("paren", cn_to_int(m.group("n")), m.start(), m.end())
    return sorted(found.values(), key=lambda e: e[2])
