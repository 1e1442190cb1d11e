"""N101: a count of applications in the text differs from table 三."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T3_2021
from gplint.lazy_re import lazy_compile
from gplint.model import Report, Span

from ._applications import ApplicationCount, application_counts, naming_clause, other_matter, sub_units_alone
from ._counts import Count, blank_asides
from ._prose import application_sentences, ascii_digits, blanks_note, fmt, not_own_count, other_year, t3_row_line, t3_total

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
# A region's or a system's total (other_scope) is another scope than a department's own table
# 三. A people's government's table may be the region's total, so there the clause is
# compared unless the sentence also gives the agency's own count (本级…).

#: Claims of none: 未收到…申请 (表三 row 一 is 0), 无结转下年度的申请 (row 四 is 0).
_NONE_CLAIMS = lazy_compile(
    r"(?:未|没有|尚未)(?:收到|接到|接收|受理)(?:过)?(?:任何)?(?:政府信息公开|依申请公开|信息公开)?申请(?P<new>)"
    r"|(?:无|没有|未有|不存在)(?:需要|需)?(?:结转|转入|顺延)(?:到|至)?下一?年度?(?:继续办理)?的?(?:政府信息公开)?(?:申请)?")
#: The sentence speaks of the carry-over from last year apart (a 收到 count may include it).
_CARRIED_IN = lazy_compile(r"上一?年度?(?:结转|转结|转入|遗留)|上年度?结转|跨年度?结转|结转(?:上年|上一年|往年)")
_CLAUSE_END = lazy_compile(r"[，,；;。]")
_DIGIT = lazy_compile(r"[0-9０-９]")


#: The year before named in words (上年度收到申请 30 件), not its carry-over (上年结转) nor
#: the year a count is compared with (30 件较上年增加 3 件, 申请数量比去年有所上升).
_YEAR_BEFORE = lazy_compile(r"(?<![较比与和跟于之])(?:上一?年度?|去年|前一年)"
                            r"(?!度?(?:结转|转结|转入|遗留|跨年|未办结|未答复|尚未))")


#: A clause that gives only a time (2021年至2023年, 2023年度, 2024年1月至6月).
_TIME_ONLY = lazy_compile(r"[0-9０-９年度月日至到—－\-~～、和及\s]*年[0-9０-９年度月日至到—－\-~～、和及\s]*(?:期间|以来)?")


def _opening_time(before: str) -> str:
    """The nearest clause of ``before`` (the sentence up to a clause) that gives only a time
    (2021年至2023年，…; 2023年，…；2024年，…): the time of the clauses after it that name
    none of their own; else ""."""
    if "年" not in before:
        return ""
    return next((c for c in reversed(_CLAUSE_END.split(before)) if "年" in c and _TIME_ONLY.fullmatch(c)), "")


def _skip_year(clause: str, year: Optional[int], kind: str) -> bool:
    """The clause names another year: a count about that year. A carry-over may name the
    next year (3 件顺延至 2025 年继续办理); the year before named in words (上年度收到…) is
    another year for every count but the carry-over in (上年结转)."""
    if year is not None and kind == "carried_out":
        clause = clause.replace(str(year + 1), str(year))
    if kind != "carried_in" and _YEAR_BEFORE.search(clause):
        return True
    return other_year(clause, year)


class ApplicationCountMismatch(Rule):
    """Application counts in the text differ from table 三.

    What it checks
        Sentences about disclosure applications that give a count — 新收/收到/接收 N 件
        (table 三 row 一), 上年结转 N 件 (row 二), 办结/答复 N 件 (（七）总计), 结转下年度/顺延到
        下年度 N 件 (row 四) — are compared with the 总计 column of table 三 (or with
        自然人…其他 summed when the report has no 总计 column). 受理 N 件 is ambiguous (some
        reports mean 新收, others 新收 + 上年结转): it passes when it equals either, and is
        reported as a warning only when it equals neither (办理 N 件 likewise, also passing
        at the （七）总计 handled); 收到/接收 is read the same way
        when its sentence also speaks of 新收 or 结转 separately. Clauses with 其中, comparisons with
        other years, approximations (约, 余) and other kinds of cases (咨询, 复议, 建议提案) are
        skipped, and so are a region's or a system's totals (全市各级行政机关共收到…) in a
        department's report, or in a people's government's report whose sentence also gives
        its own count (…，其中市本级 N 件); so are counts that split the year's figure between
        them (局机关收到 20 件，下属单位收到 7 件: they add up to it), the counts of its
        subordinate units alone (局属二级单位共收到申请 5 件), a count of every kind of
        application whose disclosure share follows (受理各类申请 1500 件，其中政府信息公开申请
        N 件: N is compared) and parts of the year (1月至6月). A clause that gives only a time
        (2021年至2023年，…) is the time of the clauses after it that name none. A carry-over
        named by its year (2023年度结转的 N 件, 2023年度未办结的) is carried in when that is the
        year before the report's.

    Why
        条例 第五十条(二) makes the received and handled applications part of the report, and
        docs/format.md §7 (X-NARR-NEW, X-NARR-CARRY-IN, X-NARR-HANDLED, X-NARR-CARRY-OUT,
        X-NARR-RECEIVED-TOTAL): the text and table 三 describe the same applications, so the
        counts must agree.

    Bad::

        …
        （二）依申请公开。全年共收到政府信息公开申请 ⟦5⟧ 件，办结 4 件。
        一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4

    Good::

        …
        （二）依申请公开。全年共收到政府信息公开申请 4 件，办结 4 件。
        一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4
    """

    code = "N101"
    name = "application-count-mismatch"
    explanation = "正文中关于政府信息公开申请的数量（新收、上年结转、办结、结转下年度）与表三“总计”列不一致。"
    category = "narrative"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        compared = list(_compared_counts(report))
        split = _split_counts(report, compared)
        for kind, ac in compared:
            if id(ac) in split or _of_sub_units(ac):
                continue
            d = self._compare(report, ac.sentence, kind, ac.count)
            if d is not None:
                yield d
        yield from self._none_claims(report)

    def _none_claims(self, report: Report) -> Iterable[Diagnostic]:
        """未收到政府信息公开申请 (新收 0), 无结转下年度的申请 (结转 0) against table 三."""
        for s in application_sentences(report):
            flat = blank_asides(s.text)
            for m in _NONE_CLAIMS.finditer(flat):
                row = "R01" if m.group("new") is not None else "R25"
                a = max(flat.rfind(x, 0, m.start()) for x in "，,；;。") + 1
                stop = _CLAUSE_END.search(flat, m.end())
                clause = flat[a: stop.start() if stop else len(flat)]
                if _DIGIT.search(clause) or other_matter(clause) or other_year(clause, report.year):
                    continue
                table = t3_total(report, row)
                if not table:
                    continue
                line = t3_row_line(report, row)
                yield self.diag(f"正文称“{m.group(0)}”，但{_ROW_NAMES[row]}为 {fmt(table)}" + blanks_note(report, row),
                                s.span(m.start(), m.end()), key=f"t3.{row}.C7",
                                related=[Related(Span(line), _ROW_NAMES[row] + f"为 {fmt(table)}")] if line else [],
                                evidence={"text": 0, "table": table}, snippet=m.group(0))

    def _compare(self, report: Report, s, kind: str, c: Count) -> Optional[Diagnostic]:
        n = c.value
        row = _KIND_ROWS[kind][0]
        table = t3_total(report, row)
        if table is None:
            return None
        if n == table:
            return None  # every kind agrees then (what nearly every sentence says)
        span = s.span(c.start, c.end)
        snippet = s.text[c.start:c.end]
        line = t3_row_line(report, row)
        related = [Related(Span(line), _ROW_NAMES[row] + f"为 {fmt(table)}")] if line else []
        words = _KIND_WORDS[kind]
        if kind == "processed":
            # 办理 N 件 is the applications handled, the year's workload, or (as 受理) the
            # year's new ones (全年共办理政府信息公开申请 27 件 of 27 new).
            new, carried = t3_total(report, "R01"), t3_total(report, "R02")
            workload = new + carried if new is not None and carried is not None else None
            if n == table or n == workload or n == new:
                return None
            msg = (f"正文称办理政府信息公开申请 {n} 件，但表三{_T3.row(_T3.total_row).label}为 {fmt(table)}"
                   + (f"、新收加上年结转为 {fmt(workload)}" if workload is not None else "")
                   + (f"、本年新收为 {fmt(new)}" if new is not None else "") + "，几种算法都对不上")
            return self.diag(msg + blanks_note(report, "R24", "R01", "R02"), span, key=f"t3.{row}.C7", related=related, severity="warning",
                             evidence={"text": n, "table": table, "workload": workload}, snippet=snippet)
        if kind == "accepted":
            carried = t3_total(report, "R02")
            if n == table or (carried is not None and n == table + carried):
                return None
            if carried is None:
                return None
            msg = (f"正文称受理政府信息公开申请 {n} 件，但表三本年新收 {fmt(table)} 件、"
                   f"上年结转 {fmt(carried)} 件，两种算法（新收，或新收加上年结转 {fmt(table + carried)} 件）都对不上")
            return self.diag(msg + blanks_note(report, "R01", "R02"), span, key=f"t3.{row}.C7", related=related, severity="warning",
                             evidence={"text": n, "table": table, "carried_in": carried},
                             snippet=snippet)
        if n == table:
            return None
        msg = f"正文称{words}申请 {n} 件，但{_ROW_NAMES[row]}为 {fmt(table)}"
        return self.diag(msg + blanks_note(report, row), span, key=f"t3.{row}.C7", related=related,
                         evidence={"text": n, "table": table}, snippet=snippet)


def _compared_counts(report: Report) -> Iterable[tuple[str, ApplicationCount]]:
    """(kind, count) of each count of applications N101 compares with table 三: the counts
    of the agency's own applications of the year, read by their verb."""
    for ac in application_counts(report):
        kind = ac.kind
        s, c = ac.sentence, ac.count
        clause = c.clause
        if kind == "carried_year":
            # 2023年度结转的 2 件: into a 2024 report's year, out of a 2023 report's
            kind = _carried_by_year(ac.word, report.year)
            clause = clause.replace(ac.word, "")
        if kind not in _KIND_ROWS:
            continue
        if other_matter(clause) or _skip_year(clause, report.year, kind):
            continue
        if "年" not in clause and _skip_year(naming_clause(s.text[:c.clause_start]), report.year, kind):
            continue  # 去年共收到申请 30 件，办结 30 件: the clauses go on about that year
        if "年" not in clause and _skip_year(_opening_time(s.text[:c.clause_start]), report.year, kind):
            continue  # 2021年至2023年，本局分别收到申请 12 件、18 件、21 件: the time of the clauses
        if not_own_count(report, s.text, c.clause_start, clause):
            continue
        if kind in ("new", "accepted", "handled", "processed") and ac.named \
                and "申请" not in s.text[:c.clause_start + len(clause)]:
            continue  # 申请 only named later in the sentence: this clause may be another matter
        if _share_named_after(s.text, c):
            continue  # 受理各类申请 1500 件，其中政府信息公开申请 27 件: all the agency's applications
        if kind == "new" and ac.word != "新收":
            rest = s.text[:c.clause_start] + s.text[c.clause_start + len(clause):]
            if "新收" in rest or _CARRIED_IN.search(rest):
                # "收到 N 件，其中新收…/上年结转…": N may include the carry-over
                kind = "accepted"
        yield kind, ac


#: The request for information named outright.
_DISCLOSURE = lazy_compile(r"信息公开|依申请公开|公开申请")
#: A part of a count named as the disclosure requests (…，其中政府信息公开申请 27 件).
_DISCLOSURE_SHARE = lazy_compile(r"其中[^，,；;。]{0,12}?(?:信息公开|依申请公开|公开申请)")


def _share_named_after(text: str, c: Count) -> bool:
    """The count's words do not name the request for information, and the sentence gives
    the share of it that does after it: the count is of every kind of application."""
    if _DISCLOSURE.search(text, c.clause_start, c.start):
        return False
    return _DISCLOSURE_SHARE.search(text, c.end) is not None


def _of_sub_units(ac: ApplicationCount) -> bool:
    """The count is of the agency's subordinate units alone (局属 8 个二级单位共收到申请 5 件):
    not table 三's (when the units' and the agency's counts add up to it, :func:`_split_counts`
    already passes them over)."""
    return sub_units_alone(ac.sentence.text[ac.count.clause_start:ac.count.start])


def _carried_by_year(word: str, year: Optional[int]) -> Optional[str]:
    """The carry-over a year's number names (2023年度结转): in when it is the year before the
    report's, out when it is the report's own; None for any other year."""
    named = int(ascii_digits(word)[:4])
    if year is None:
        return None
    return "carried_in" if named == year - 1 else "carried_out" if named == year else None


def _split_counts(report: Report, compared: list[tuple[str, ApplicationCount]]) -> set[int]:
    """The ids of counts that split the year's figure between them (局机关收到申请 20 件，下属
    单位收到申请 7 件): two or more counts of one row in one sentence, none of them the
    table's figure, that add up to it (for 受理, to new or new + carried over)."""
    groups: dict[tuple[int, str], list[ApplicationCount]] = {}
    for kind, ac in compared:
        groups.setdefault((id(ac.sentence), _KIND_ROWS[kind][0]), []).append(ac)
    split: set[int] = set()
    for (_, row), acs in groups.items():
        if len(acs) < 2:
            continue  # (nearly every sentence: one count of each row)
        table = t3_total(report, row)
        if table is None:
            continue
        apart = [ac for ac in acs if ac.count.value != table]
        if len(apart) < 2 or len({ac.count.clause_start for ac in apart}) < len(apart):
            continue
        total = sum(ac.count.value for ac in apart)
        carried = t3_total(report, "R02") if row == "R01" else None
        if total == table or (carried is not None and total == table + carried):
            split.update(id(ac) for ac in apart)
    return split
