"""N104: outcome counts (予以公开 N 件…) or their percentages differ from table 三."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T3_2021
from gplint.model import Number, Report

from ._prose import MAX_PERCENT_DECIMALS, application_sentences, clauses, count, fmt, other_year, t3_group_total, t3_total



def _outcome(groups: tuple[str, ...]) -> str:
    """How messages name result groups: their labels without numbering, joined by 及
    ("予以公开及部分公开")."""
    return "及".join(T3_2021.group(g).label.split("）", 1)[-1] for g in groups)


# (how prose says it, the result groups it counts, how messages name them). Longest
# alternatives first so 予以公开及部分公开 is not read as 予以公开.
_OUTCOMES: tuple[tuple[str, tuple[str, ...], str], ...] = tuple((p, groups, _outcome(groups)) for p, groups in (
    (r"(?:予以公开|同意公开)(?:及|和|与|、)部分公开", ("G1", "G2")),
    (r"(?<![不未])(?:予以公开|同意公开|全部公开)", ("G1",)),
    (r"部分公开", ("G2",)),
    (r"不予(?:以)?公开", ("G3",)),
    (r"无法提供", ("G4",)),
    (r"不予处理", ("G5",)),
    (r"其他处理", ("G6",)),
))
_RE = re.compile("(?:" + "|".join(f"(?P<o{i}>{p})" for i, (p, _, _) in enumerate(_OUTCOMES)) + ")"
                 + r"(?P<gap>[^\d，,；;。（(]{0,12}?)(?P<n>\d+)\s*件"
                 r"(?:\s*[（(]\s*(?:占比?|占总数的?)?\s*(?P<p>\d+(?:\.\d+)?)\s*[%％])?")
_COUNT = re.compile(r"\d\s*件")
_SKIP = ("同比", "较上年", "比上年", "增长", "下降", "其中含", "约")


def _expected_percent(n: int, base: Number, printed: str) -> Optional[Decimal]:
    if not base:
        return None
    places = len(printed.split(".")[1]) if "." in printed else 0
    q = Decimal(1).scaleb(-places)
    return (Decimal(n) * 100 / Decimal(base)).quantize(q, rounding=ROUND_HALF_UP)


class OutcomeCountMismatch(Rule):
    """Outcome counts in the text differ from table 三's result groups.

    What it checks
        In a sentence about applications, a count after an outcome word — 予以公开 (同意公开),
        部分公开, 不予公开, 无法提供, 不予处理, 其他处理, or 予以公开及部分公开 — is compared with
        the 总计 of the matching group of table 三 （一）…（六） (the sum of its numbered rows).
        A percentage printed right after the count ("208 件（17.46%）") must equal the count
        divided by （七）总计, rounded to the printed number of decimals (one unit of the
        last place is tolerated).

    Why
        FORMAT.md §7 X-NARR-BREAKDOWN; §5.2 gives the groups. 条例 第五十条(二).

    Bad::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        （二）依申请公开。办结的申请中，予以公开 3 件，无法提供 1 件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3
        （一）予以公开 2 0 0 0 0 0 2
        （七）总计 3 0 0 0 0 0 3

    Good::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        （二）依申请公开。办结的申请中，予以公开 2 件（66.7%），无法提供 1 件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3
        （一）予以公开 2 0 0 0 0 0 2
        （七）总计 3 0 0 0 0 0 3
    """

    code = "N104"
    name = "outcome-count-mismatch"
    category = "narrative"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        total = t3_total(report, "R24")
        for s in application_sentences(report):
            for a, b, clause in clauses(s, "，,；;"):
                # _RE always ends in N 件: clauses without such a count are passed over first
                # (without 件 at all by a substring test, cheaper than a regex search).
                if "件" not in clause or _COUNT.search(clause) is None or any(w in clause for w in _SKIP) or other_year(clause, report.year):
                    continue
                for m in _RE.finditer(clause):
                    i = next(int(k[1:]) for k, v in m.groupdict().items() if k.startswith("o") and v)
                    _, groups, label = _OUTCOMES[i]
                    n = count(m.group("n"))
                    if n is None:
                        continue
                    vals = [t3_group_total(report, g) for g in groups]
                    span = s.span(a + m.start(), a + m.end())
                    if all(v is not None for v in vals):
                        table = sum(vals)  # type: ignore[arg-type]
                        if n != table:
                            yield self.diag(
                                f"正文称{label} {n} 件，但表三{label}合计为 {fmt(table)}",
                                span, key="t3." + "+".join(groups),
                                evidence={"text": n, "table": table}, snippet=m.group(0))
                            continue
                    p = m.group("p")
                    if p and total and len(p.partition(".")[2]) <= MAX_PERCENT_DECIMALS:
                        want = _expected_percent(n, total, p)
                        got = Decimal(p)
                        unit = Decimal(1).scaleb(-(len(p.split(".")[1]) if "." in p else 0))
                        if want is not None and abs(got - want) > unit:
                            yield self.diag(
                                f"正文称{label} {n} 件占 {p}%，但按表三{T3_2021.row(T3_2021.total_row).label} {fmt(total)} 计算应为 {want}%",
                                span, key="t3." + "+".join(groups) + ".percent", severity="warning",
                                evidence={"text": p, "expected": str(want), "base": total},
                                snippet=m.group(0))
