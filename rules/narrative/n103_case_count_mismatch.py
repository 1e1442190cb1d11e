"""N103: counts of 行政复议 / 行政诉讼 in the text differ from table 四."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T4
from gplint.model import Report, Span

from ._counts import COMPARISON, Count, blank_asides, counts
from ._prose import (clauses, fmt, other_scope, scope_before, other_year, sentences, t4_includes_carried, t4_total,
                     t4_written_none)
from gplint.lazy_re import lazy_compile

# The two kinds of case: 行政复议 (table 四's review block) and 行政诉讼 (its two suit blocks,
# under one spanning header), and how messages name each kind's total in table 四.
_REVIEW, _DIRECT, _AFTER_REVIEW = (T4.block(k) for k in ("review", "direct", "after_review"))
_T4_TOTAL = T4.column(T4.total_column).label
_NAMES = {"review": _REVIEW.label, "suit": _DIRECT.parent, "direct": _DIRECT.label, "after_review": _AFTER_REVIEW.label}
_TABLE = {"review": f"表四{_REVIEW.label}{_T4_TOTAL}",
          "suit": f"表四{_DIRECT.parent}{_T4_TOTAL}（{_DIRECT.label} + {_AFTER_REVIEW.label}）",
          "direct": f"表四{_DIRECT.label}{_T4_TOTAL}", "after_review": f"表四{_AFTER_REVIEW.label}{_T4_TOTAL}"}
_REVIEW_WORD, _SUIT_WORD = _NAMES["review"], _NAMES["suit"]

_UNITS = frozenset(("件", "起", "宗", "个", "次", "件次"))
#: The words naming each kind of case (复议 and 诉讼 without 行政, 被起诉).
_CASE_WORDS = {"review": lazy_compile(r"行政复议|复议"), "suit": lazy_compile(r"行政诉讼|诉讼|起诉")}
_CASE = lazy_compile(r"(?P<review>行政复议|复议)|(?P<suit>行政诉讼|诉讼|起诉)")
#: The two kinds of 行政诉讼 (table 四's suit blocks): a count of one is no count of all suits.
_SUIT_KIND = lazy_compile(r"(?P<direct>(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼))"
                          r"|(?P<after_review>(?:经)?复议后(?:再)?(?:提起)?(?:行政)?(?:起诉|诉讼))")
_NONE = lazy_compile(r"(?:未发生|未发现|未出现|没有发生|没有|未收到|未涉及|未有|未被|无)(?P<what>[^\d，,；;。]{0,20}?(?:复议|诉讼|起诉))"
                   r"|(?P<what2>(?:行政复议|行政诉讼|复议|诉讼)[^\d，,；;。]{0,8}?)(?:均|都)?(?:为|是)(?:零|0)(?![.\d])(?:件|起)?")
#: Words of a case's outcome (N108 reads those counts): 维持 1 件 is not a number of cases.
_OUTCOME = lazy_compile(r"维持|纠正|纠错|败诉|胜诉|撤销|确认违法|审结|结案|其他结果|驳回|审理|在审|撤诉|撤回")
# Clauses about trends or other matters rather than the number of cases.
_SKIP = lazy_compile(r"[%％]|培训|案例|应诉|代理|复议机关|复议决定书")
# Counts that are not the report's own disclosure cases: a region's or a system's totals
# (全市各级行政机关共收到行政复议申请 35 件), cases the agency decided as the review body
# (作为复议机关办理行政复议案件 12 件), or an all-subjects count whose disclosure share the
# sentence gives separately (…120 件，其中政府信息公开类 1 件).
_AS_REVIEWER = lazy_compile(r"(?:办理|审理|审结|办结|受理|承办)[^\d，,；;。]{0,6}?行政复议(?:案件|申请)")
#: The agency's legal work on cases of every subject (全年共办理行政复议案件 15 件，行政诉讼案件
#: 20 件): a clause that goes on with its list, naming no verb of its own, counts those too.
_HANDLING_CASES = lazy_compile(r"(?:办理|审理|审结|办结|受理|承办|应诉|代理)[^\d，,；;。]{0,6}?(?:行政复议|行政诉讼)")
_OWN_CASE_VERB = lazy_compile(r"被|发生|引发|引起|涉及|收到|提起|起诉")
_FAULT = lazy_compile(r"不当|错误|违法|不规范|失误|瑕疵|过错")
#: A claim of none about some cases only: of a cause other than disclosure itself (未发生因收费
#: 引起的行政复议; 因政府信息公开引发的 is every case of table 四), or cases the agency
#: handled for others (无代理诉讼案件).
_CAUSE = lazy_compile(r"因(?P<cause>[^\d，,；;。]{1,16}?)(?:而)?(?:引起|引发|导致|产生|提起|造成)")
_FOR_OTHERS = lazy_compile(r"代理|案例|复议机关")
_REVIEW_BODY = lazy_compile(r"复议机关|复议机构")
#: The sentence names cases against the agency itself (被申请, 被起诉): its own cases.
_DISCLOSURE_CASES = lazy_compile(r"被申请行政复议|被申请复议|被提起|被起诉|作为被申请人|作为被告")
_DISCLOSURE = lazy_compile(r"政府信息公开|信息公开|依申请公开|政务公开")
#: The sentence says its cases are not about disclosure (均不涉及政府信息公开); not an
#: application it says is not one (对不属于政府信息公开范围的申请…: the cases after it may be).
_NOT_DISCLOSURE = lazy_compile(r"(?:(?:不|未|没有|并不|均不|均未)(?:涉及|属于|是|为)(?:政府)?信息公开"
                               r"|与(?:政府)?信息公开(?:工作)?无关|非(?:政府)?信息公开类)(?![^，,；;。]*申请)")
_SHARE = lazy_compile(r"(?:其中|含)[^\d。；;]{0,12}?(?:政府信息公开|信息公开|依申请公开|政务公开)"
                    r"|(?:政府信息公开|信息公开)(?:类|方面|相关|领域)")



class CaseCountMismatch(Rule):
    """Counts of 行政复议 or 行政诉讼 in the text differ from table 四.

    What it checks
        A clause that gives the number of 行政复议 (or 行政诉讼) cases about disclosure work
        — and is not about their outcomes (维持, 纠错, 败诉…) — is compared with table 四:
        行政复议 with its 总计, 行政诉讼 with 未经复议直接起诉 总计 + 复议后起诉 总计 (a count of
        one kind of suit, 其中未经复议直接起诉 2 件, with that block's 总计). A clause saying
        no such case happened (未发生行政复议) is reported when the matching total is not 0
        (not one about cases of another cause, 未发生因收费引起的行政复议, nor about cases
        handled for others, 无代理诉讼案件).
        Where table 四 writes every cell of the block in marks (—, 无, /; some left empty),
        a count above 0 is a warning: the table shows no such case in any reading.
        When the report notes that table 四 includes cases carried over from the previous
        year, a text count below the table's is accepted. Counts that are plainly not the
        report's own disclosure cases are left alone, unless the clause itself names
        政府信息公开: a region's or a system's totals (全市各级行政机关…), cases handled as the
        review body (办理行政复议案件…) and the clauses that go on with such a list (…，行政
        诉讼案件 20 件), and all-subject counts whose disclosure share the sentence gives apart
        (…，其中政府信息公开类 1 件).

    Why
        条例 第五十条(三); docs/format.md §6 (the derived 行政诉讼 total) and §7 X-NARR-T4.

    Bad::

        …
        （二）依申请公开。全年因政府信息公开被申请行政复议 ⟦2⟧ 件、被提起行政诉讼 0 件。
        1 0 0 0 1 0 0 0 0 0 0 0 0 0 0

    Good::

        …
        （二）依申请公开。全年因政府信息公开被申请行政复议 1 件、被提起行政诉讼 0 件。
        1 0 0 0 1 0 0 0 0 0 0 0 0 0 0
    """

    code = "N103"
    name = "case-count-mismatch"
    explanation = "正文中行政复议或行政诉讼的案件数与表四的总计不一致。"
    category = "narrative"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t4 is None:
            return
        carried = t4_includes_carried(report)
        related_line = report.t4.line or (report.t4.span.line if report.t4.span else 0)
        for s in sentences(report):
            # A sentence naming neither kind of case can say nothing checked here.
            if s.heading or not ("复议" in s.text or "诉讼" in s.text or "起诉" in s.text):
                continue
            # A claim of none (行政诉讼案件为 0 件) is reported once: not again as a count of 0.
            said_none = set()
            for d in self._none_claims(report, s, carried, related_line):
                said_none.add(d.key)
                yield d
            if _REVIEW_BODY.search(s.text) and not _DISCLOSURE_CASES.search(s.text):
                continue  # the agency as the review body (作为复议机关…): others' cases
            not_disclosure = _NOT_DISCLOSURE.search(s.text) is not None
            for c, k in case_counts(s):
                if other_year(c.clause, report.year) or _SKIP.search(c.clause):
                    continue
                if not_disclosure and (not _DISCLOSURE.search(c.clause) or _NOT_DISCLOSURE.search(c.clause)):
                    # 行政复议 15 件，均不涉及政府信息公开: the agency's other cases; a clause
                    # naming disclosure as its cause (因政府信息公开被申请行政复议 3 件) is its own
                    continue
                if not _DISCLOSURE.search(c.clause) and (
                        other_scope(report, scope_before(s.text, c.clause_start, c.clause)) or _AS_REVIEWER.search(c.clause)
                        or _SHARE.search(s.text) or _goes_on_with_handled_cases(s.text, c)):
                    continue
                table = t4_total(report, k)
                if c.value == 0 and f"t4.{k}.total" in said_none:
                    continue
                if table is None:
                    yield from self._against_marks(report, s, c, k, related_line)
                    continue
                if c.value == table or (carried and c.value < table):
                    continue
                # 各 1 件 is the claim about both kinds: the finding starts at 各.
                start = c.start - 1 if c.start and s.text[c.start - 1] == "各" else c.start
                yield self.diag(
                    f"正文称{_NAMES[k]} {c.value} 件，但{_TABLE[k]}为 {fmt(table)}",
                    s.span(start, c.end), key=f"t4.{k}.total",
                    related=[Related(Span(related_line), _TABLE[k])] if related_line else [],
                    evidence={"text": c.value, "table": table}, snippet=s.text[c.start:c.end])

    def _against_marks(self, report: Report, s, c: Count, k: str, related_line: int) -> Iterable[Diagnostic]:
        """A count above 0 where table 四 writes its block's cells as marks (— 无 /): the
        table shows no such case. A warning: the mark is no number (FORMAT §5.4), but no
        reading of it gives the text's cases."""
        mark = t4_written_none(report, k) if c.value > 0 else None
        if mark is None:
            return
        yield self.diag(
            f"正文称{_NAMES[k]} {c.value} 件，但{_TABLE[k]}"
            f"{f'写作“{mark}”' if mark else '未填写'}，表中没有这类案件的数值",
            s.span(c.start, c.end), key=f"t4.{k}.total", severity="warning",
            related=[Related(Span(related_line), _TABLE[k])] if related_line else [],
            evidence={"text": c.value, "table": mark}, snippet=s.text[c.start:c.end])

    def _none_claims(self, report: Report, s, carried: bool, related_line: int) -> Iterable[Diagnostic]:
        """未发生行政复议, 无行政诉讼: the matching total of table 四 must be 0."""
        if carried:
            return
        flat = blank_asides(s.text)
        for a, b, clause in clauses(s):
            none = _NONE.search(flat, a, b)
            if none is None or _OUTCOME.search(clause) or other_year(clause, report.year):
                continue
            if _FAULT.search(none.group(0)) or _FOR_OTHERS.search(none.group(0)):
                continue  # 未发生因答复不当引起的行政复议: a claim about fault, not about cases
            cause = _CAUSE.search(none.group(0))
            if cause is not None and not _DISCLOSURE.search(cause.group("cause")):
                continue
            what = none.group("what") or none.group("what2")
            suit_kind = _SUIT_KIND.search(what)  # 复议后提起诉讼的案件为 0 件: that block's own
            for k in [suit_kind.lastgroup] if suit_kind else _kinds_named(what):
                table = t4_total(report, k)
                if table:
                    yield self.diag(
                        f"正文称“{clause.strip().rstrip('。！!；;')}”，但{_TABLE[k]}为 {fmt(table)}",
                        s.span(none.start(), none.end()), key=f"t4.{k}.total",
                        related=[Related(Span(related_line), _TABLE[k])] if related_line else [],
                        severity="warning", evidence={"table": table}, snippet=none.group(0))


def _goes_on_with_handled_cases(text: str, c: Count) -> bool:
    """The count's clause names no verb of its own and an earlier clause of the sentence
    counts the cases the agency handled (办理行政复议案件 15 件，行政诉讼案件 20 件)."""
    return not _OWN_CASE_VERB.search(c.clause) and _HANDLING_CASES.search(text, 0, c.clause_start) is not None


def _kinds_named(words: str) -> list[str]:
    return [k for k in ("review", "suit") if _CASE_WORDS[k].search(words)]


def case_counts(s) -> Iterator[tuple[Count, str]]:
    """(count, "review" or "suit") for each count of the sentence that gives a number of
    cases: the case word nearest it names it; 行政复议、行政诉讼案件各 1 件 gives both; 行政复议和
    行政诉讼案件分别为 2 件、1 件 gives them in order. Counts of outcomes (维持 1 件) are not."""
    pending: list[str] = []  # kinds still to give, from a 分别 list
    clause_of_pending = -1
    for c in counts(s):
        if c.unit not in _UNITS or c.approximate or c.aside:
            continue
        if pending and c.clause_start == clause_of_pending and not c.before.strip(" 、和及与"):
            yield c, pending.pop(0)
            continue
        pending = []
        if _OUTCOME.search(c.before) or _OUTCOME.search(c.after[:6]) or COMPARISON.search(c.before):
            continue  # 维持 1 件, 1 件尚在审理中: an outcome, not a number of cases
        named = [m for m in _CASE.finditer(c.before)]
        if c.before.rstrip().endswith(("各", "均为", "均是", "都是", "都为")) or "分别" in c.before:
            kinds = list(dict.fromkeys(m.lastgroup for m in named))
            if len(kinds) > 1:
                if "分别" in c.before:
                    pending, clause_of_pending = kinds[1:], c.clause_start
                    yield c, kinds[0]  # type: ignore[misc]
                else:
                    for k in kinds:
                        yield c, k  # type: ignore[misc]
                continue
        if named:
            kinds = list(_SUIT_KIND.finditer(c.before))
            if kinds and kinds[-1].end() >= named[-1].end():
                # 其中未经复议直接起诉 26 件，复议后起诉 20 件: each suit block's own total.
                yield c, kinds[-1].lastgroup  # type: ignore[misc]
            else:
                yield c, named[-1].lastgroup  # type: ignore[misc]
            continue
        m = _CASE.search(c.after)
        if m is not None and not _OUTCOME.search(c.after, 0, m.start()):
            yield c, m.lastgroup  # type: ignore[misc]
