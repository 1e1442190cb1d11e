"""N105: the parts listed after a total add up to more than the total."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report

from ._parts import PartsList, find_parts_lists, not_a_breakdown, strip_parens

class PartsExceedTotal(Rule):
    """The listed parts of a stated total add up to more than the total.

    What it checks
        A sentence that states a total and then lists its parts — "共发布信息 N 条，其中 A 类
        a 条、B 类 b 条…", "…N 条，具体来看：…" — is reported when the parts (counts in the
        same unit; 条/次/篇/件 count alike) add up to more than N. Counts inside parentheses
        (a nested "（其中…）" breakdown of one part) are not counted again; approximate totals
        (约, 余, 超) and percentages are skipped. Parts that add up to less than the total
        may just be an incomplete list; N106 reports those at the strict level. Parts named
        by publication channel (政府网站 a 条，政务微博 b 条，微信公众号 c 条) overlap and are
        not added up, nor are lists after a clause with two counts (建议 25 件、提案 30 件，其中…),
        whose total is not known. A list opening a sentence (其中：…, 其中，…) breaks down
        the count the sentence before ends on (…政务信息 32 条。其中：…). The list ends at a
        clause with a verb of its own (…，其中自然人 20 件、法人 7 件，已办结 26 件). When the
        excess equals exactly one listed part, that part may be counted inside another (an
        overlap): the finding is then an info. Items joined by 、 that make up the total
        exactly, then a clause after a comma with a count of its own (…，其中局长信箱 268 条、
        咨询交流 1379 条，公开答复数量 1061 条), are the whole list: the clause counts
        something else.

    Why
        条例 第五十条 asks for an accurate account, and docs/format.md §9 lists inaccurate content
        among the failures the format's accountability clause names; a total smaller than
        its own parts is wrong on its face (docs/format.md §7, narrative identities).

    Bad::

        …
        （一）主动公开。全年发布各类信息 ⟦10⟧ 条，其中政务动态 6 条、通知公告 5 条。

    Good::

        …
        （一）主动公开。全年发布各类信息 11 条，其中政务动态 6 条（其中图片新闻 2 条）、通知公告 5 条。
    """

    code = "N105"
    name = "parts-exceed-total"
    explanation = "正文先给出总数再列出其中各部分，各部分之和大于总数。"
    category = "narrative"
    severity = "warning"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        for pl in find_parts_lists(report):
            s = pl.sentence
            total = sum(p[0] for p in pl.parts)
            if total <= pl.total:
                continue
            if not_a_breakdown(pl) or _whole_before_a_clause(pl):
                continue
            expr = " + ".join(f"{v}" for v, _, _, _ in pl.parts)
            # The excess equals one listed part: that part may be counted inside another
            # (政务动态 20 条 … 图片新闻 2 条 of them), an overlap rather than an error.
            overlap = [v for v, _, _, _ in pl.parts].count(total - pl.total) == 1
            yield self.diag(
                f"正文称共 {pl.total} {pl.unit}，但其后列出的各项之和为 {expr} = {total}，超过总数",
                s.span(*pl.total_span), key="narrative.parts",
                related=[Related(s.span(a, b), "分项") for _, _, a, b in pl.parts],
                evidence={"expression": expr, "left": pl.total, "right": total, "delta": total - pl.total},
                severity="info" if overlap else None,
                snippet=s.text[pl.total_span[0]: pl.end])


def _whole_before_a_clause(pl: PartsList) -> bool:
    """The first items, joined by 、, add up to the total exactly, and a comma or semicolon
    parts them from the rest: the list ended there."""
    flat = strip_parens(pl.sentence.text)
    running = 0
    for k, (value, _, _, end) in enumerate(pl.parts[:-1]):
        running += value
        between = flat[end:pl.parts[k + 1][2]]
        if running == pl.total and k >= 1 and any(c in between for c in "，,；;"):
            return True
        if "、" not in between or any(c in between for c in "，,；;"):
            return False
    return False
