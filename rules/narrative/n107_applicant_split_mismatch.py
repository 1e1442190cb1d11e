"""N107: the text's split of applications by applicant differs from table 三."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T3_2021
from gplint.model import Report, Span

from ._applications import application_counts, other_matter
from ._prose import blanks_note, fmt, not_own_count, other_year, t3_columns, t3_row_line

#: How messages name applicant columns: 自然人, 法人或其他组织 (C2…C6 together), 商业企业….
_LEGAL = ("C2", "C3", "C4", "C5", "C6")


def _name(columns: tuple[str, ...]) -> str:
    if columns == _LEGAL:
        return "法人或其他组织"
    return "、".join(T3_2021.column(c).label for c in columns)


class ApplicantSplitMismatch(Rule):
    """The number of applications from one kind of applicant differs from table 三.

    What it checks
        A count of applications named by its applicant right before it — 自然人 (公民,
        个人申请) 申请 N 件, 法人或其他组织 N 件 (企业和其他组织), 商业企业, 科研机构, 社会公益组织,
        法律服务机构 — is compared with that column of table 三 (法人或其他组织: its five
        columns summed). Reports split either the new applications (row 一), the new and
        carried-over ones (rows 一 + 二), or those handled (（七）总计): the count passes when
        it equals any of the three. A list of every kind (公民、法人和其他组织申请 27 件),
        approximations and comparisons (自然人申请同比增加 3 件) are not compared.

    Why
        条例 第五十条(二); FORMAT.md §5.2 (table 三's applicant columns) and §7: the text and
        table 三 describe the same applications.

    Bad::

        …
        （二）依申请公开。全年收到申请 4 件，其中自然人申请 ⟦2⟧ 件，法人或其他组织申请 1 件。
        一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4

    Good::

        …
        （二）依申请公开。全年收到申请 4 件，其中自然人申请 3 件，法人或其他组织申请 1 件。
        一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4
    """

    code = "N107"
    name = "applicant-split-mismatch"
    explanation = "正文中某类申请人（自然人、法人或其他组织等）提出的申请件数与表三相应列不一致。"
    category = "narrative"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        for ac in application_counts(report):
            if ac.kind != "applicant":
                continue
            s, c = ac.sentence, ac.count
            if other_matter(c.clause) or other_year(c.clause, report.year) \
                    or not_own_count(report, s.text, c.clause_start, c.clause):
                continue
            new, carried, handled = (t3_columns(report, r, ac.keys) for r in ("R01", "R02", "R24"))
            if new is None:
                continue
            readings = [new] + [x for x in (handled, new + carried if carried is not None else None) if x is not None]
            if c.value in readings:
                continue
            name = _name(ac.keys)
            line = t3_row_line(report, "R01")
            yield self.diag(
                f"正文称{name}申请 {c.value} 件，但表三{name}本年新收 {fmt(new)} 件"
                + (f"、办结 {fmt(handled)} 件" if handled is not None and handled != new else "") + blanks_note(report, "R01", "R24"),
                s.span(c.start, c.end), key="t3.R01." + "+".join(ac.keys),
                related=[Related(Span(line), f"表三{name}本年新收 {fmt(new)} 件")] if line else [],
                evidence={"text": c.value, "table": new, "readings": readings}, snippet=s.text[c.start:c.end])
