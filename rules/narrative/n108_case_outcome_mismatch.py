"""N108: what the text says of 行政复议 / 行政诉讼 outcomes differs from table 四."""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T4
from gplint.model import Report, Span

from ._counts import COMPARISON, counts
from ._prose import fmt, other_scope, scope_before, other_year, sentences, t4_column, t4_includes_carried
from gplint.lazy_re import lazy_compile

_KIND_NAMES = {"review": T4.block("review").label, "suit": T4.block("direct").parent}
_COLUMN_NAMES = {k: T4.column(k).label for k in T4.column_keys}
_CASE = lazy_compile(r"(?P<review>行政复议|复议)|(?P<suit>行政诉讼|诉讼|起诉)")
#: Claims without a count, and what each requires of the kind's columns: (columns that
#: must be 0) or, for a claim that something happened, (column that must be above 0).
_CLAIMS: tuple[tuple[re.Pattern[str], tuple[str, ...], str], ...] = (
    (lazy_compile(r"(?:均|全部|都|皆)(?:已|已经)?(?:获|被|予以|得到|依法)?(?:维持)"), ("corrected", "other", "pending"), "zero"),
    (lazy_compile(r"(?:均|全部|都|皆)(?:已|已经)?(?:审结|结案|办结)"), ("pending",), "zero"),
    (lazy_compile(r"(?:未|没有|无|不存在)(?:被|出现|发生)?(?:纠错|纠正|撤销|确认违法|败诉)|零败诉|败诉率为?\s*0(?![.\d])"),
     ("corrected",), "zero"),
    (lazy_compile(r"(?<![未没无])(?:均|全部|都)?(?:已被|被)(?:依法)?"
                  # the body deciding named (被复议机关纠正, 被法院判决撤销)
                  r"(?:(?:复议机关|复议机构|上级机关|人民法院|法院)(?:依法)?)?(?:判决|裁定|决定)?"
                  r"(?:纠错|纠正|撤销|确认违法)(?![率\d])"
                  # the decision in the active voice: 判决撤销本机关答复, 复议决定确认违法, 判决
                  # 确认本机关答复违法, 判决纠正
                  r"|(?<![未没无不])(?:判决|裁定|复议决定)(?:予以|依法)?"
                  r"(?:撤销|纠正|纠错|确认(?:[^，,；;。\d]{0,10}?)违法|责令重新答复)(?![率\d])"),
     ("corrected",), "some"),
    # a case withdrawn (原告撤诉, 申请人撤回复议申请): 其他结果 (with its count: read as one)
    (lazy_compile(r"(?<![未没无不])(?:原告|申请人)?(?:已|主动|自愿|自行|申请)*(?:撤诉|撤回(?:起诉|诉讼|行政复议申请|复议申请))"
                  r"(?![率\d０-９零一二两三四五六七八九十])"),
     ("other",), "some"),
)
#: Outcome words before a count: 维持 1 件, 纠错 1 件, 尚未审结 1 件.
_OUTCOME = lazy_compile(r"(?P<upheld>维持)|(?P<corrected>纠正|纠错|撤销|确认违法|败诉)|(?P<other>其他结果|撤诉|撤回(?:起诉|诉讼|行政复议申请|复议申请))"
                      r"|(?P<pending>尚未审结|未审结|未结案|正在审理|审理中|尚在审理)")
#: What may stand between a count and the outcome that follows it (2 件被维持, 2 件结果维持).
_OUTCOME_AFTER = lazy_compile(r"(?:被|获|得到|予以)?(?:依法)?(?:结果)?")
_NEGATED = lazy_compile(r"[未没无非]$")
#: A negation a few words before a claim that something happened (未出现原告撤诉的情况).
_NEGATION_BEFORE = lazy_compile(r"(?:未|没有|无|不存在)(?:出现|发生|有)?[^，,；;。\d]{0,6}$")
_SKIP = lazy_compile(r"[%％]|率|培训|案例")
_REVIEW_BODY = lazy_compile(r"复议机关|复议机构")
#: The review body deciding the agency's own case (复议机关维持原答复 1 件), not the agency
#: as the review body (我局作为复议机关…).
_BODY_DECIDES = lazy_compile(r"(?<!作为)(?<!是)(?:复议机关|复议机构)(?:依法)?(?:决定|作出|予以)?"
                             r"(?:维持|纠正|纠错|撤销|确认|驳回|责令)")


def _as_review_body(text: str) -> bool:
    """The text names the review body other than as deciding the agency's case: the agency
    may be the review body, and the outcomes others' cases."""
    if "复议机" not in text:
        return False
    return len(_REVIEW_BODY.findall(text)) > len(_BODY_DECIDES.findall(text))


class CaseOutcomeMismatch(Rule):
    """What the text says of the outcome of 行政复议 or 行政诉讼 cases differs from table 四.

    What it checks
        In a sentence about 行政复议 or 行政诉讼 (复议, 诉讼, 起诉), a claim about their
        outcome is compared with the columns of table 四 for that kind (行政诉讼: its two
        blocks summed): 均获维持 needs 结果纠正, 其他结果 and 尚未审结 at 0; 均已审结 needs
        尚未审结 at 0; 未被纠错 (无败诉, 零败诉) needs 结果纠正 at 0; 被纠错 (判决撤销,
        复议决定确认违法, 判决确认本机关答复违法, 被复议机关纠正, 被法院判决纠正) needs it above 0; 撤诉 (撤回复议申请) needs
        其他结果 above 0 (a count written above 0 contradicts a claim of none even where
        the cells beside it are left blank). A count after an outcome word (维持 1 件, 纠错 1 件, 尚未审结 1 件), or before it
        (1 件被维持, 1 件结果维持), must equal its column. The kind is the case word nearest before the claim. Rates (败诉率 5%),
        cases the agency decided as the review body (复议机关 named other than as deciding the
        agency's case: 复议机关维持原答复 1 件 is read) and a region's totals are not read, nor
        reports whose table 四 includes cases carried over from the previous year.

    Why
        条例 第五十条(三); FORMAT.md §6 (table 四) and §7 X-NARR-T4: the outcomes in the text
        and in table 四 are the same cases.

    Bad::

        …
        （二）依申请公开。全年因政府信息公开被申请行政复议 2 件，⟦均获维持⟧。
        1 0 0 1 2 0 0 0 0 0 0 0 0 0 0

    Good::

        …
        （二）依申请公开。全年因政府信息公开被申请行政复议 2 件，维持 1 件，尚未审结 1 件。
        1 0 0 1 2 0 0 0 0 0 0 0 0 0 0
    """

    code = "N108"
    name = "case-outcome-mismatch"
    explanation = "正文对行政复议、行政诉讼结果的表述（如“均获维持”“均已审结”“未被纠错”）或结果件数与表四不一致。"
    category = "narrative"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t4 is None or t4_includes_carried(report):
            return
        line = report.t4.line or (report.t4.span.line if report.t4.span else 0)
        for s in sentences(report):
            if s.heading or not ("复议" in s.text or "诉讼" in s.text or "起诉" in s.text):
                continue
            if _as_review_body(s.text):
                continue  # the agency as the review body: the outcomes of others' cases
            yield from self._claims(report, s, line)
            yield from self._counts(report, s, line)

    def _claims(self, report: Report, s, line: int) -> Iterable[Diagnostic]:
        text = s.text
        for pattern, columns, want in _CLAIMS:
            for m in pattern.finditer(text):
                clause = _clause(text, m.start())
                if _SKIP.search(clause) or other_scope(report, clause) or other_year(clause, report.year):
                    continue
                for kind in _kinds_before(text, m.start(), suit_only="败诉" in m.group(0)):
                    vals = {c: t4_column(report, kind, c) for c in columns}
                    total = t4_column(report, kind, "total")
                    if total is None or (want == "zero" and not total):
                        continue
                    if want == "zero":
                        # A written count that is not 0 contradicts the claim whatever cells
                        # beside it were left blank (a page printing no 0); blanks alone do not.
                        bad = [c for c in columns if vals[c]]
                        if not bad:
                            continue
                        detail = "、".join(f"{_COLUMN_NAMES[c]} {fmt(vals[c])}" for c in bad)  # type: ignore[arg-type]
                    else:
                        if vals[columns[0]] is None or vals[columns[0]] \
                                or _NEGATION_BEFORE.search(clause[:clause.find(m.group(0))]):
                            continue  # (未出现原告撤诉情况: no claim that it happened)
                        detail = f"{_COLUMN_NAMES[columns[0]]} 0"
                    yield self.diag(f"正文称{_KIND_NAMES[kind]}“{m.group(0)}”，但表四{_KIND_NAMES[kind]}{detail}",
                                    s.span(m.start(), m.end()), key=f"t4.{kind}.outcome",
                                    related=[Related(Span(line), f"表四{_KIND_NAMES[kind]}")] if line else [],
                                    evidence={"claim": m.group(0), "table": vals}, snippet=m.group(0))

    def _counts(self, report: Report, s, line: int) -> Iterable[Diagnostic]:
        text = s.text
        for c in counts(s):
            if c.unit not in ("件", "起", "宗", "个") or c.approximate or COMPARISON.search(c.before):
                continue
            o = _last(_OUTCOME, c.before)
            if o is None:  # the count first: 2 件维持, 2 件被维持, 2 件结果维持
                after = c.after.lstrip()
                o = _OUTCOME.match(after, _OUTCOME_AFTER.match(after).end())
            if o is None or _NEGATED.search(o.string[:o.start()]):
                continue
            if _SKIP.search(c.clause) or other_scope(report, scope_before(text, c.clause_start, c.clause)) or other_year(c.clause, report.year):
                continue
            column = o.lastgroup or ""
            kinds = _kinds_before(text, c.start, suit_only=o.group(0) == "败诉")
            if len(kinds) != 1:
                continue
            kind = kinds[0]
            table = t4_column(report, kind, column)
            if table is None or table == c.value:
                continue
            yield self.diag(f"正文称{_KIND_NAMES[kind]}{_COLUMN_NAMES[column]} {c.value} 件，"
                            f"但表四{_KIND_NAMES[kind]}{_COLUMN_NAMES[column]}为 {fmt(table)}",
                            s.span(c.start, c.end), key=f"t4.{kind}.{column}",
                            related=[Related(Span(line), f"表四{_KIND_NAMES[kind]}")] if line else [],
                            evidence={"text": c.value, "table": table}, snippet=text[c.start:c.end])


def _last(pattern: re.Pattern[str], text: str) -> Optional[re.Match[str]]:
    m = None
    for m in pattern.finditer(text):
        pass
    return m


def _clause(text: str, i: int) -> str:
    a = max(text.rfind(x, 0, i) for x in "，,；;。") + 1
    ends = [k for k in (text.find(x, i) for x in "，,；;。") if k >= 0]
    return text[a: min(ends) if ends else len(text)]


def _kinds_before(text: str, i: int, suit_only: bool = False) -> list[str]:
    """The kinds of case a claim at ``i`` speaks of: the case word nearest before it, and the
    one joined to it (行政复议和行政诉讼案件均获维持; 行政复议7件，诉讼9件，均获维持)."""
    found = list(_CASE.finditer(text, 0, i))
    if not found:
        return []
    last = found[-1]
    kinds = [last.lastgroup]
    if len(found) > 1:
        prev = found[-2]
        between = text[prev.end():last.start()]
        if prev.lastgroup != last.lastgroup and re.fullmatch(r"[、和及与或]|案件[、和及与]|[0-9０-９]+[件起宗个][，,、；;]", between):
            kinds.insert(0, prev.lastgroup)
    if suit_only:
        kinds = [k for k in kinds if k == "suit"]
    return kinds  # type: ignore[return-value]
