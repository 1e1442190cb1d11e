"""N106: the parts listed after a total add up to less than the total (strict)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report

from ._applications import application_counts
from ._parts import find_parts_lists, forms_named, review_findings, subjects_named


def _checked_against_table(report: Report) -> set[tuple[int, int]]:
    """(sentence id, start) of the counts N104 and N107 compare with table 三 (outcomes,
    applicants): a partial list of them is told apart from the table, not from its total."""
    return {(id(ac.sentence), ac.count.start) for ac in application_counts(report) if ac.kind in ("outcome", "applicant")}


class PartsShortOfTotal(Rule):
    """The listed parts of a stated total add up to less than the total.

    What it checks
        A sentence that states a total and lists two or more parts after 其中 / 具体来看 /
        分别为 (or a list opening the next sentence, 其中：…, after a sentence ending on the
        total), where every item of the list carries a count (so the list looks complete),
        is reported when the parts add up to less than the total. A list with an item that
        has no count ("其他为会办件") or a single "其中" item is a subset, not a breakdown,
        and is left alone; so is the list after a count of items looked over (清理规范性文件
        45 件，其中废止 8 件、宣布失效 3 件: what the review changed, the rest stand), and a
        list that names less than half of its total (主动公开政府信息 1200 条，其中规范性文件 3
        件，政策解读 12 篇: a few items, not a breakdown with one left out), and a list of
        the subjects requests concern (其中涉及教育招生类 10 件、学籍管理类 5 件: the main
        subjects, not every request's), and a list of the forms or voices pieces were given
        (发布政策解读 15 篇，其中图文解读 8 篇、视频解读 2 篇: the rest are plain text). Counts
        条/次/篇/件 are treated alike, as reports mix them. A list
        of application outcomes or applicant kinds (办结 25 件，其中同意公开 13 件，部分公开
        2 件) is left to N104 and N107, which compare each part with table 三: naming only
        some outcomes is not an error.

    Why
        docs/format.md §9 (inaccurate content) and §7; a breakdown that leaves part of its total
        unexplained is at least unclear. Strict only: many lists name only the main items.

    Bad::

        …
        （一）主动公开。全年主动公开信息 ⟦130⟧ 条，其中门户网站发布 36 次，微信公众号发布 76 次。

    Good::

        …
        （一）主动公开。全年主动公开信息 112 条，其中门户网站发布 36 次，微信公众号发布 76 次。
    """

    code = "N106"
    name = "parts-short-of-total"
    explanation = "正文先给出总数再逐项列出各部分，各部分之和小于总数，可能漏列了某项或总数有误。"
    category = "narrative"
    severity = "warning"
    profiles = ("strict",)
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        checked = _checked_against_table(report)
        for pl in find_parts_lists(report):
            if not pl.exhaustive or len(pl.parts) < 2 or review_findings(pl) or subjects_named(pl) or forms_named(pl):
                continue
            own = pl.source or pl.sentence  # (a list read across a full stop: its own sentence)
            if all((id(own), a - pl.shift) in checked for _, _, a, _ in pl.parts):
                continue  # outcomes or applicants of table 三: N104/N107 compare each with it
            s = pl.sentence
            total = sum(p[0] for p in pl.parts)
            if total >= pl.total or 2 * total < pl.total:
                continue  # (less than half: a few items named, not a breakdown with one left out)
            expr = " + ".join(f"{v}{u}" for v, u, _, _ in pl.parts)
            yield self.diag(
                f"正文称共 {pl.total} {pl.unit}，但其后列出的各项之和为 {expr} = {total}，少于总数",
                s.span(*pl.total_span), key="narrative.parts",
                related=[Related(s.span(a, b), "分项") for _, _, a, b in pl.parts],
                evidence={"expression": expr, "left": pl.total, "right": total, "delta": total - pl.total},
                snippet=s.text[pl.total_span[0]: pl.end])
