"""N103: counts of 行政复议 / 行政诉讼 in the text differ from table 四."""
from __future__ import annotations

import re
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T4
from gplint.model import Report, Span

from ._prose import clauses, count, fmt, other_year, sentences, t4_includes_carried, t4_total

# The two kinds of case: 行政复议 (table 四's review block) and 行政诉讼 (its two suit blocks,
# under one spanning header), and how messages name each kind's total in table 四.
_REVIEW, _DIRECT, _AFTER_REVIEW = (T4.block(k) for k in ("review", "direct", "after_review"))
_T4_TOTAL = T4.column(T4.total_column).label
_NAMES = {"review": _REVIEW.label, "suit": _DIRECT.parent}
_TABLE = {"review": f"表四{_REVIEW.label}{_T4_TOTAL}",
          "suit": f"表四{_DIRECT.parent}{_T4_TOTAL}（{_DIRECT.label} + {_AFTER_REVIEW.label}）"}
_REVIEW_WORD, _SUIT_WORD = _NAMES["review"], _NAMES["suit"]

_UNIT = r"\s*(?:件|起|宗|个|次)"
_AFTER = {k: re.compile(w + r"[^\d，,；;。]{0,12}?(?P<n>\d+)" + _UNIT) for k, w in _NAMES.items()}
# (?<!\d): a count is matched from the start of its digits only; from every position of a
# long run of digits the search cost the square of its length (fuzzing: 15 KB in 1.6 s).
_BEFORE = {k: re.compile(r"(?<!\d)(?P<n>\d+)" + _UNIT + r"[^\d，,；;。]{0,15}?" + w) for k, w in _NAMES.items()}
_NONE = re.compile(r"(?:未发生|未发现|未出现|没有发生|未收到|未涉及|未有|无)[^\d，,；;。]{0,20}?(?:" + "|".join(_NAMES.values()) + ")")
# Clauses about outcomes, trends or other matters rather than the number of cases.
_SKIP = ("维持", "纠正", "纠错", "败诉", "胜诉", "撤销", "确认违法", "审结", "其他结果", "同比", "增长", "下降",
         "较上年", "%", "％", "其中", "约", "培训", "案例", "应诉", "复议机关")
# Counts that are not the report's own disclosure cases: a region's or a system's totals
# (全市各级行政机关共收到行政复议申请 35 件), cases the agency decided as the review body
# (作为复议机关办理行政复议案件 12 件), or an all-subjects count whose disclosure share the
# sentence gives separately (…120 件，其中政府信息公开类 1 件).
_SCOPE = re.compile(r"全(?:市|区|县|省|州|盟|旗|镇|乡|系统)|各级|各地|各部门|各单位|各乡镇|各街道|系统内")
_AS_REVIEWER = re.compile(r"(?:办理|审理|审结|办结|受理|承办)[^\d，,；;。]{0,6}?行政复议(?:案件|申请)")
_DISCLOSURE = re.compile(r"政府信息公开|信息公开|依申请公开|政务公开")
_SHARE = re.compile(r"(?:其中|含)[^\d。；;]{0,12}?(?:政府信息公开|信息公开|依申请公开|政务公开)"
                    r"|(?:政府信息公开|信息公开)(?:类|方面|相关|领域)")



class CaseCountMismatch(Rule):
    """Counts of 行政复议 or 行政诉讼 in the text differ from table 四.

    What it checks
        A clause that gives the number of 行政复议 (or 行政诉讼) cases about disclosure work
        — and is not about their outcomes (维持, 纠错, 败诉…) — is compared with table 四:
        行政复议 with its 总计, 行政诉讼 with 未经复议直接起诉 总计 + 复议后起诉 总计. A clause saying
        no such case happened (未发生行政复议) is reported when the matching total is not 0.
        When the report notes that table 四 includes cases carried over from the previous
        year, a text count below the table's is accepted. Counts that are plainly not the
        report's own disclosure cases are left alone, unless the clause itself names
        政府信息公开: a region's or a system's totals (全市各级行政机关…), cases handled as the
        review body (办理行政复议案件…), and all-subject counts whose disclosure share the
        sentence gives apart (…，其中政府信息公开类 1 件).

    Why
        条例 第五十条(三); FORMAT.md §6 (the derived 行政诉讼 total) and §7 X-NARR-T4.

    Bad::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        全年未发生因政府信息公开引起的行政复议。
        四、政府信息公开行政复议、行政诉讼情况
        行政复议 行政诉讼
        1 0 0 0 1 0 0 0 0 0 0 0 0 0 0

    Good::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        全年发生因政府信息公开引起的行政复议 1 件。
        四、政府信息公开行政复议、行政诉讼情况
        行政复议 行政诉讼
        1 0 0 0 1 0 0 0 0 0 0 0 0 0 0
    """

    code = "N103"
    name = "case-count-mismatch"
    category = "narrative"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t4 is None:
            return
        carried = t4_includes_carried(report)
        related_line = report.t4.line or (report.t4.span.line if report.t4.span else 0)
        for s in sentences(report):
            # A clause naming neither kind of case can say nothing checked here: sentences
            # and clauses without one are passed over before any regular expression runs.
            if s.heading or (_REVIEW_WORD not in s.text and _SUIT_WORD not in s.text):
                continue
            for a, b, clause in clauses(s):
                kinds = [k for k in ("review", "suit") if _NAMES[k] in clause]
                if not kinds or other_year(clause, report.year):
                    continue
                none = _NONE.search(clause)
                if none and not any(w in clause for w in ("纠错", "纠正", "败诉", "撤销", "确认违法")):
                    for k in kinds:
                        table = t4_total(report, k)
                        if table and table > 0 and not carried:
                            yield self.diag(
                                f"正文称“{clause.strip().rstrip('。！!；;')}”，但{_TABLE[k]}为 {fmt(table)}",
                                s.span(a + none.start(), a + none.end()), key=f"t4.{k}.total",
                                related=[Related(Span(related_line), _TABLE[k])] if related_line else [],
                                severity="warning", evidence={"table": table}, snippet=none.group(0))
                    continue
                if len(kinds) != 1 or any(w in clause for w in _SKIP):
                    continue
                if not _DISCLOSURE.search(clause) and (
                        _SCOPE.search(clause) or _AS_REVIEWER.search(clause) or _SHARE.search(s.text)):
                    continue
                k = kinds[0]
                m = _AFTER[k].search(clause) or _BEFORE[k].search(clause)
                if m is None:
                    continue
                n = count(m.group("n"))
                table = t4_total(report, k)
                if n is None or table is None or n == table or (carried and n < table):
                    continue
                yield self.diag(
                    f"正文称{_NAMES[k]} {n} 件，但{_TABLE[k]}为 {fmt(table)}",
                    s.span(a + m.start(), a + m.end()), key=f"t4.{k}.total",
                    related=[Related(Span(related_line), _TABLE[k])] if related_line else [],
                    evidence={"text": n, "table": table}, snippet=m.group(0))
