"""N102: the text says every application was dealt with, table 三 says otherwise."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T3_2021
from gplint.model import Report, Span

from ._applications import sub_units_alone
from ._prose import application_sentences, blanks_note, count, fmt, other_year, t3_row_line, t3_total
from gplint.lazy_re import lazy_compile

_CLAIM = lazy_compile(
    r"(?:已经|已)?(?:均|全部|所有申请(?:均|都)?|皆)(?:已|已经)?"
    r"(?:按要求|按时|及时|依法|按期|如期|在法定期限内|在规定时限内|在法定时限内|在法定期限|予以|全部|并|"
    r"[在于]?本年度?内?|[在于]?年内|当年)*"
    r"(?:办结|答复|办理完成|办理完毕|处理完毕|处理完成|回复)(?:完毕|完成)?")
_COMPLETE = lazy_compile(r"已|办结|完成|完毕")
# An explicit handled count in the same sentence: the claim then refers to that count.
_HANDLED = lazy_compile(r"(?:办结|答复|办理|处理)[^\d，,；;。]{0,10}?\d+\s*件")
_CARRIED_IN = lazy_compile(r"上一?年度?(?:结转|转结|转入|遗留|跨年|未办结)|上年度?结转|跨年度?(?:结转|办理)")
_CARRY_OUT = lazy_compile(r"(?:结转|转|顺延|延续)(?:到|至)?下一?年|下一?年度(?:继续)?办理")
_RECEIVED = lazy_compile(r"(?:新收|收到|接收|接到|受理)[^\d，,；;。]{0,20}?(?P<n>\d+)\s*件"
                       r"|(?:新收|收到|接收|接到|受理)[^\d，,；;。]{0,6}?(?P<m>\d+)\s*件[^\d，,；;。]{0,12}申请")
# The sentence itself sets some applications apart ("除1件尚在办理期限内外，其余均已答复",
# "…均已答复，另有2件正在办理中"): the claim covers only the rest.
#: A clause that opens on an adverb has the subject of the sentence (上年结转的 2 件申请，已于本年度
#: 全部办结).
_NO_SUBJECT = lazy_compile(r"\s*(?:已经|已|均|都|并|全部|也|于|在)")
_EXCEPTION = lazy_compile(r"除[^。；;]{0,40}?外|其余|其他均|余下|剩余|尚在办理|正在办理|办理中|尚未办结|未办结|尚未答复|待答复")


#: The rows the claims are compared with (四、结转下年度继续办理, （七）总计) and the total column.
_CARRIED_OUT = T3_2021.row("R25")
_TOTAL_ROW = T3_2021.row(T3_2021.total_row)
_TOTAL = T3_2021.column(T3_2021.total_column).label

class CompletionClaimContradictsTable(Rule):
    """The text says all applications were answered, table 三 says some were not.

    What it checks
        A sentence about disclosure applications that says they were all dealt with and
        gives no handled count of its own is checked against table 三. A claim of completion
        (均已办结, 均已答复, 已全部答复完毕, 所有申请均已按要求办理完成) requires "四、结转下年度继续办理" to be 0.
        When nothing is carried over and the same sentence says how many were received
        (全年共接收 N 件…均及时答复), （七）总计 — the applications handled in the year — cannot
        be smaller than N. A claim of timeliness only (均在法定期限内答复) says nothing about
        applications still open and is not compared with a carry-over. Sentences that
        mention carrying applications over, set some apart (除 1 件尚在办理期限内外，其余均已
        答复), are about another year, or about the agency's subordinate units alone (直属单位
        收到申请 2 件，已全部办结), are skipped, and so is a claim whose subject is the carried-in
        applications (上年结转的 2 件申请，已于本年度全部办结).

    Why
        docs/format.md §7 X-CONTRA-CARRY and X-NARR-HANDLED; 条例 第五十条(二). A report must not
        claim in words what its own table denies.

    Bad::

        …
        （二）依申请公开。全年共收到政府信息公开申请 4 件，⟦均已按时答复⟧。
        （七）总计 3 1 0 0 0 0 4
        四、结转下年度继续办理 1 0 0 0 0 0 1

    Good::

        …
        （二）依申请公开。全年共收到政府信息公开申请 4 件，除 1 件结转下年度外均已按时答复。
        （七）总计 3 1 0 0 0 0 4
        四、结转下年度继续办理 1 0 0 0 0 0 1
    """

    code = "N102"
    name = "completion-claim-contradicts-table"
    explanation = "正文称申请“均已办结”或“均已答复”，但表三显示有结转下年度继续办理的申请，或办结数少于收到数。"
    category = "narrative"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        carried_out = t3_total(report, "R25")
        handled = t3_total(report, "R24")
        for s in application_sentences(report):
            text = s.text
            claim = _CLAIM.search(text)
            if claim is None or _HANDLED.search(text) or _CARRY_OUT.search(text):
                continue
            if _EXCEPTION.search(text):
                continue
            if other_year(text[: claim.start()], report.year) or sub_units_alone(text[: claim.start()]):
                continue  # (another year's applications, or the subordinate units' alone)
            clause = max(text.rfind(mark, 0, claim.start()) for mark in "，,；;") + 1
            if _CARRIED_IN.search(text, clause, claim.start()):
                continue  # 上年结转的 2 件申请均已在本年度办结: the carried-in ones, not all
            if clause and _NO_SUBJECT.match(text, clause) and _CARRIED_IN.search(text, 0, clause) \
                    and max(text.rfind(mark, 0, clause - 1) for mark in "，,；;") < 0:
                continue  # 上年结转的 2 件申请，已于本年度全部办结: the sentence's first clause is the subject
            if text[claim.end():claim.end() + 1] in ("或", "和", "及") or "或" in text[claim.start():claim.end()]:
                continue  # "均已办结或在法定期限内答复": a hedged claim, not one of completion
            span = s.span(claim.start(), claim.end())
            if carried_out is not None and carried_out > 0:
                # "均在法定期限内答复" speaks of timeliness and may refer to the applications
                # answered; only a claim of completion (均已…, 办结, 办理完成) excludes a carry-over.
                if not _COMPLETE.search(claim.group(0)):
                    continue
                line = t3_row_line(report, "R25")
                yield self.diag(
                    f"正文称申请“{claim.group(0)}”，但表三“{_CARRIED_OUT.label}”{_TOTAL}为 {fmt(carried_out)}" + blanks_note(report, "R25"),
                    span, key="t3.R25.C7",
                    related=[Related(Span(line), _CARRIED_OUT.label.split("、", 1)[-1])] if line else [],
                    evidence={"claim": claim.group(0), "table": carried_out}, snippet=claim.group(0))
                continue
            rec = _RECEIVED.search(text[: claim.start()])
            if rec is None or handled is None:
                continue
            n = count(rec.group("n") or rec.group("m"))
            if n is not None and handled < n:
                line = t3_row_line(report, "R24")
                yield self.diag(
                    f"正文称全年共接收申请 {n} 件且“{claim.group(0)}”，即办结 {n} 件，"
                    f"但表三{_TOTAL_ROW.label}为 {fmt(handled)}" + blanks_note(report, "R24"),
                    s.span(rec.start(), claim.end()), key="t3.R24.C7",
                    related=[Related(Span(line), _TOTAL_ROW.label)] if line else [],
                    evidence={"received": n, "claim": claim.group(0), "table": handled},
                    snippet=claim.group(0))
