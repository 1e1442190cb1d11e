"""N101: a count of applications in the text differs from table 三."""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T3_2021
from gplint.model import Report, Span

from ._prose import application_sentences, clauses, count, fmt, other_year, t3_row_line, t3_total

# (?<!\d): matched from the start of a number only (from every position of a long run of
# digits, a pattern starting with the count cost the square of the run's length).
_N = r"(?<!\d)(?P<n>\d+)\s*(?:件|条)"
_GAP = r"[^\d，,；;。（()）]{0,20}?"
# (kind, pattern). Kinds: new = R01, accepted = R01 or R01+R02 (受理 is ambiguous),
# carried_in = R02, handled = R24, carried_out = R25.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("carried_out", r"(?:结转|转|顺延|延续)(?:到|至)?下一?年度?" + _GAP + _N),
    ("carried_out", _N + r"[^\d，,；;。]{0,8}?(?:结转|转|顺延|延续)(?:到|至)?下一?年度?"),
    ("carried_in", r"上一?年度?(?:结转|转结|转入)" + _GAP + _N),
    ("new", r"(?:新收|收到|接收|接到)" + _GAP + _N),
    ("accepted", r"受理" + _GAP + _N),
    ("handled", r"(?:办结|答复|办理完成|办理完毕|处理完毕)" + _GAP + _N),
    # 共办理/共处理 N 件 is ambiguous like 受理: the workload (新收 + 上年结转) or what was closed.
    ("processed", r"(?:共办理|共处理|办理|处理)" + _GAP + _N),
))
_KIND_ROWS = {"new": ("R01",), "accepted": ("R01",), "carried_in": ("R02",), "handled": ("R24",),
              "processed": ("R24",), "carried_out": ("R25",)}
_KIND_WORDS = {"new": "新收", "accepted": "受理", "carried_in": "上年结转", "handled": "办结/答复",
               "processed": "办理", "carried_out": "结转下年度"}
_T3 = T3_2021
_TOTAL = _T3.column(_T3.total_column).label  # 总计
#: How messages name the table figure a count is compared with: the row's 总计 (the total
#: row is its own: 表三“（七）总计”).
_ROW_NAMES = {k: f"表三“{_T3.row(k).label}”" + ("" if k == _T3.total_row else _TOTAL)
              for k in ("R01", "R02", "R24", "R25")}
# Clauses about something other than the agency's own applications for the year.
_SKIP = ("其中", "同比", "较上年", "比上年", "增长", "下降", "增加", "减少", "咨询", "复议", "诉讼",
         "案件", "建议", "提案", "来信", "来电", "热线", "留言", "平均", "%", "％", "约", "余件", "多件",
         "累计", "近三年", "近两年", "近五年", "近年来", "历年", "以来")


# A region's or a system's total (全市各级行政机关共收到申请 400 件) is another scope than a
# department's own table 三. A people's government's table may be the region's total, so
# there the clause is compared unless the sentence also gives the agency's own count (本级…).
_SCOPE = re.compile(r"全(?:市|区|县|省|州|盟|旗|镇|乡|系统)|各级|各地|各部门|各单位|各乡镇|各街道|系统内")
_OWN_SCOPE = re.compile(r"本级|本机关|本单位|本部门|本局|本委|本办|本府")

_SKIP_RE = re.compile("|".join(re.escape(w) for w in _SKIP))
#: What every pattern's count looks like (the _N group): digits, blanks, 件 or 条.
_COUNT = re.compile(r"\d\s*[件条]")

_OUTCOME_WORDS = ("予以公开", "同意公开", "部分公开", "不予", "无法提供", "其他处理")


def _matches(clause: str) -> Iterable[tuple[str, re.Match[str]]]:
    taken: list[tuple[int, int]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(clause):
            a, b = m.span("n")
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            yield kind, m


class ApplicationCountMismatch(Rule):
    """Application counts in the text differ from table 三.

    What it checks
        Sentences about disclosure applications that give a count — 新收/收到/接收 N 件
        (table 三 row 一), 上年结转 N 件 (row 二), 办结/答复 N 件 (（七）总计), 结转下年度/顺延到
        下年度 N 件 (row 四) — are compared with the 总计 column of table 三 (or with
        自然人…其他 summed when the report has no 总计 column). 受理 N 件 is ambiguous (some
        reports mean 新收, others 新收 + 上年结转): it passes when it equals either, and is
        reported as a warning only when it equals neither; 收到/接收 is read the same way
        when its sentence also speaks of 新收 or 结转 separately. Clauses with 其中, comparisons with
        other years, approximations (约, 余) and other kinds of cases (咨询, 复议, 建议提案) are
        skipped, and so are a region's or a system's totals (全市各级行政机关共收到…) in a
        department's report, or in a people's government's report whose sentence also gives
        its own count (…，其中市本级 N 件).

    Why
        条例 第五十条(二) makes the received and handled applications part of the report, and
        FORMAT.md §7 (X-NARR-NEW, X-NARR-CARRY-IN, X-NARR-HANDLED, X-NARR-CARRY-OUT,
        X-NARR-RECEIVED-TOTAL): the text and table 三 describe the same applications, so the
        counts must agree.

    Bad::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        （二）依申请公开。全年共收到政府信息公开申请 5 件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3

    Good::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        （二）依申请公开。全年共收到政府信息公开申请 3 件。
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3
    """

    code = "N101"
    name = "application-count-mismatch"
    category = "narrative"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        for s in application_sentences(report):
            for a, b, clause in clauses(s):
                # Every pattern ends in a count (N 件 / N 条): a clause without one is passed
                # over before the other tests run (the substring tests first: cheaper than a
                # regex search, and most clauses fail them).
                if ("件" not in clause and "条" not in clause) or _COUNT.search(clause) is None or _SKIP_RE.search(clause) or other_year(clause, report.year):
                    continue
                if _SCOPE.search(clause) and (report.reporter_kind != "government" or _OWN_SCOPE.search(s.text)):
                    continue
                # A clause about applications; 上年结转 inside it belongs to its own kind.
                outcome = any(w in clause for w in _OUTCOME_WORDS)
                for kind, m in _matches(clause):
                    if kind in ("handled", "processed") and outcome:
                        continue  # "不予公开答复 0 件" counts one outcome, not all handled
                    if kind in ("new", "accepted", "handled", "processed") and "申请" not in s.text[a:b] \
                            and "申请" not in s.text[max(0, a - 30):a]:
                        continue
                    if kind == "new" and not m.group(0).startswith("新收"):
                        rest = s.text[:a] + s.text[b:]
                        if "结转" in rest or "新收" in rest:
                            # "收到 N 件，其中新收…/上年结转…": N may include the carry-over
                            kind = "accepted"
                    d = self._compare(report, s, a, kind, m)
                    if d is not None:
                        yield d

    def _compare(self, report: Report, s, a: int, kind: str, m: re.Match[str]) -> Optional[Diagnostic]:
        n = count(m.group("n"))
        if n is None:
            return None
        row = _KIND_ROWS[kind][0]
        table = t3_total(report, row)
        if table is None:
            return None
        if n == table:
            return None  # every kind agrees then (what nearly every sentence says)
        span = s.span(a + m.start(), a + m.end())
        line = t3_row_line(report, row)
        related = [Related(Span(line), _ROW_NAMES[row] + f"为 {fmt(table)}")] if line else []
        words = _KIND_WORDS[kind]
        if kind == "processed":
            new, carried = t3_total(report, "R01"), t3_total(report, "R02")
            workload = new + carried if new is not None and carried is not None else None
            if n == table or n == workload:
                return None
            msg = (f"正文称办理政府信息公开申请 {n} 件，但表三{_T3.row(_T3.total_row).label}为 {fmt(table)}"
                   + (f"、新收加上年结转为 {fmt(workload)}" if workload is not None else "") + "，两种算法都对不上")
            return self.diag(msg, span, key=f"t3.{row}.C7", related=related, severity="warning",
                             evidence={"text": n, "table": table, "workload": workload}, snippet=m.group(0))
        if kind == "accepted":
            carried = t3_total(report, "R02")
            if n == table or (carried is not None and n == table + carried):
                return None
            if carried is None:
                return None
            msg = (f"正文称受理政府信息公开申请 {n} 件，但表三本年新收 {fmt(table)} 件、"
                   f"上年结转 {fmt(carried)} 件，两种算法（新收，或新收加上年结转 {fmt(table + carried)} 件）都对不上")
            return self.diag(msg, span, key=f"t3.{row}.C7", related=related, severity="warning",
                             evidence={"text": n, "table": table, "carried_in": carried},
                             snippet=m.group(0))
        if n == table:
            return None
        msg = f"正文称{words}申请 {n} 件，但{_ROW_NAMES[row]}为 {fmt(table)}"
        return self.diag(msg, span, key=f"t3.{row}.C7", related=related,
                         evidence={"text": n, "table": table}, snippet=m.group(0))
