"""N104: outcome counts (予以公开 N 件…) or their percentages differ from table 三."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T3_2021
from gplint.model import Number, Report

from ._applications import application_counts, other_matter
from ._counts import blank_asides
from ._prose import MAX_PERCENT_DECIMALS, sentences, blanks_note, fmt, not_own_count, other_year, t3_group_total, t3_total
from gplint.lazy_re import lazy_compile



def _outcome(groups: tuple[str, ...]) -> str:
    """How messages name result groups: their labels without numbering, the last joined by 及
    ("予以公开及部分公开", "不予公开、无法提供及其他处理")."""
    labels = [T3_2021.group(g).label.split("）", 1)[-1] for g in groups]
    return "、".join(labels[:-1]) + "及" + labels[-1] if len(labels) > 1 else labels[0]


#: A percentage given with a count: 12 件（48%）, 12 件，占 48%, 12 件，占办结总数的 48%.
_PERCENT_AFTER = lazy_compile(r"\s*(?:[，,]\s*)?(?:[（(]\s*)?(?:占比?|占[^\d，,；;。（()）]{0,10}?的?|比例为|比重为)?\s*(?:为|达)?\s*"
                            r"(?P<p>\d+(?:\.\d+)?)\s*[%％]")
#: 公开率 N% and its other words (公开比例, 公开占比), an aside between or after them blanked
#: out (公开（含部分公开）比例为 60%, 公开率（含部分公开）为 60%); not 主动公开比例 (proactive
#: disclosure, not applications), nor the rate of another outcome (不予公开率, 部分公开占比).
_RATE = lazy_compile(r"(?:(?<![答复办结按时])(?<!主动)(?<!不予)(?<!部分)公开"
                     # both groups named (予以公开及部分公开的占比)
                     r"|(?:予以公开|同意公开)(?:及|和|与|、|以及)部分公开)"
                     r"\s*的?\s*(?:率|比例|比率|占比)\s*(?:为|达到|达)?\s*(?P<p>\d+(?:\.\d+)?)\s*[%％]")


def _expected_percent(n: int, base: Number, printed: str) -> Optional[Decimal]:
    if not base:
        return None
    places = len(printed.split(".")[1]) if "." in printed else 0
    if places > MAX_PERCENT_DECIMALS:  # no report's share (quantize would overflow)
        return None
    q = Decimal(1).scaleb(-places)
    return (Decimal(n) * 100 / Decimal(base)).quantize(q, rounding=ROUND_HALF_UP)


class OutcomeCountMismatch(Rule):
    """Outcome counts in the text differ from table 三's result groups.

    What it checks
        In a sentence about applications, a count after an outcome word — 予以公开 (同意公开),
        部分公开, 不予公开, 无法提供, 不予处理, 其他处理, or 予以公开及部分公开 — is compared with
        the 总计 of the matching group of table 三 （一）…（六） (the sum of its numbered rows);
        outcomes named together before one count (不予公开、无法提供及其他处理共 10 件) with
        their groups' sum, and the outcomes of a list (予以公开、部分公开分别为 13 件、2 件)
        each with its own count.
        A percentage printed right after the count ("208 件（17.46%）") must equal the count
        divided by （七）总计, rounded to the printed number of decimals (one unit of the
        last place is tolerated). A disclosure rate (公开率, 公开比例, 公开占比, 予以公开及部分公开
        的占比 N%) in a
        sentence about applications (naming 申请, or read so by context: 全年办结 25 件，公开率
        60%) must be 予以公开, or 予以公开 and 部分公开 together, over （七）总计.

    Why
        docs/format.md §7 X-NARR-BREAKDOWN; §5.2 gives the groups. 条例 第五十条(二).

    Bad::

        …
        （二）依申请公开。办结的申请中，予以公开 ⟦3⟧ 件，部分公开 1 件，无法提供 1 件。
        （一）予以公开 2 0 0 0 0 0 2
        （七）总计 3 1 0 0 0 0 4

    Good::

        …
        （二）依申请公开。办结的申请中，予以公开 2 件（50%），部分公开 1 件，无法提供 1 件。
        （一）予以公开 2 0 0 0 0 0 2
        （七）总计 3 1 0 0 0 0 4
    """

    code = "N104"
    name = "outcome-count-mismatch"
    explanation = "正文中某一办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）的件数与表三相应各项之和不一致。"
    category = "narrative"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        total = t3_total(report, "R24")
        for ac in application_counts(report):
            if ac.kind != "outcome":
                continue
            s, c = ac.sentence, ac.count
            if other_matter(c.clause) or other_year(c.clause, report.year) \
                    or not_own_count(report, s.text, c.clause_start, c.clause):
                continue
            keys = ac.keys
            label = _label(keys)
            span = s.span(c.start, c.end)
            snippet = s.text[c.start:c.end]
            vals = [_table_value(report, k) for k in keys]
            if all(v is not None for v in vals):
                table = sum(vals)  # type: ignore[arg-type]
                if c.value != table:
                    yield self.diag(f"正文称{label} {c.value} 件，但表三{label}合计为 {fmt(table)}" + blanks_note(report, *keys),
                                    span, key="t3." + "+".join(keys),
                                    evidence={"text": c.value, "table": table}, snippet=snippet)
                    continue
            p = _PERCENT_AFTER.match(s.text, c.end)
            if p and total and "分别" not in p.group(0):
                d = self._percent(report, s, c, p, label, keys)
                if d is not None:
                    yield d
        yield from self._disclosure_rates(report)

    def _percent(self, report: Report, s, c, p: re.Match[str], label: str, keys: tuple[str, ...]) -> Optional[Diagnostic]:
        """A percentage printed with an outcome count: the count over the applications
        handled (the base most reports use) or, when the words name it, received."""
        printed = p.group("p")
        bases = _bases(report)
        if not bases:
            return None
        wants = [w for w in (_expected_percent(c.value, b, printed) for b in bases) if w is not None]
        if not wants or any(_close(printed, w) for w in wants):
            return None
        want = wants[0]
        total = bases[0]
        return self.diag(
            f"正文称{label} {c.value} 件占 {printed}%，但按表三{T3_2021.row(T3_2021.total_row).label} {fmt(total)} 计算应为 {want}%" + blanks_note(report, "R24", *keys),
            s.span(c.start, p.end()), key="t3." + "+".join(keys) + ".percent", severity="warning",
            evidence={"text": printed, "expected": str(want), "base": total}, snippet=s.text[c.start:p.end()])

    def _disclosure_rates(self, report: Report) -> Iterable[Diagnostic]:
        """公开率 N%: 予以公开 (or 予以公开及部分公开) over the applications handled."""
        bases = _bases(report)
        shares = [v for v in (t3_group_total(report, "G1"),) if v is not None]
        g2 = t3_group_total(report, "G2")
        if shares and g2 is not None:
            shares.append(shares[0] + g2)
        if not bases or not shares:
            return
        counted: Optional[set[int]] = None
        for s in sentences(report):
            if s.heading or "公开" not in s.text or ("%" not in s.text and "％" not in s.text):
                continue
            if "申请" not in s.text:
                # read as about applications by context (全年办结 25 件，…公开率达 60%)
                if counted is None:
                    counted = {id(ac.sentence) for ac in application_counts(report)}
                if id(s) not in counted:
                    continue
            for m in _RATE.finditer(blank_asides(s.text)):
                printed = m.group("p")
                wants = [w for b in bases for n in shares if (w := _expected_percent(n, b, printed)) is not None]
                if not wants or any(_close(printed, w) for w in wants):
                    continue
                yield self.diag(
                    f"正文称公开率 {printed}%，但按表三予以公开 {fmt(shares[0])} 件"
                    + (f"（或予以公开及部分公开 {fmt(shares[-1])} 件）" if len(shares) > 1 else "")
                    + f"、{T3_2021.row(T3_2021.total_row).label} {fmt(bases[0])} 计算应为 {wants[0]}%"
                    + (f"（或 {wants[-1]}%）" if wants[-1] != wants[0] else ""),
                    s.span(m.start(), m.end()), key="t3.G1.rate", severity="warning",
                    evidence={"text": printed, "expected": [str(w) for w in wants]}, snippet=s.text[m.start():m.end()])


def _table_value(report: Report, key: str) -> Optional[Number]:
    return t3_group_total(report, key) if key.startswith("G") else t3_total(report, key)


def _label(keys: tuple[str, ...]) -> str:
    if keys[0].startswith("G"):
        return _outcome(keys)
    return "“" + T3_2021.row(keys[0]).label.split(".", 1)[-1] + "”"


def _bases(report: Report) -> list[Number]:
    """What an outcome's share may be a share of: the applications handled, received, or
    received and carried in (reports use each)."""
    handled, new, carried = (t3_total(report, r) for r in ("R24", "R01", "R02"))
    out = [b for b in (handled, new) if b]
    if new is not None and carried:
        out.append(new + carried)
    return out


def _close(printed: str, want: Decimal) -> bool:
    unit = Decimal(1).scaleb(-(len(printed.split(".")[1]) if "." in printed else 0))
    return abs(Decimal(printed) - want) <= unit
