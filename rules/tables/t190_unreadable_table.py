"""T190: a table is there but part of it cannot be read well enough to check."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import IDENTITY_KINDS, TABLES
from gplint.model import Report, Span

#: Builder issue kinds that mean "cells exist but their values cannot be known".
KINDS = {
    "ambiguous-digit-split": "数字连写，无法唯一拆分",
    "t3-unreadable": "表三无法读取",
}
_TABLE = {t.key: t.name for t in TABLES}
_IDENTITIES = {
    "t2": "该行各单元格的数值（表二没有勾稽关系，只能逐格核对）",
    "t3": "该行的行合计（总计列）以及所在列的“办理结果合计”“第一项加第二项等于第三项加第四项”勾稽关系",
    "t4": f"该栏“{IDENTITY_KINDS['T4-BLOCK-TOTAL'].description}”",
}


class TableNotAssessable(Rule):
    """What it checks
        Reports, at info level, each place where gplint found a table but could not read
        some of its cells with certainty, and names the identity it therefore could not
        check. The commonest cause is a web page or PDF conversion that ran a row's cells
        together with nothing between them ("数量801000081"): gplint splits such digit runs
        using the row total, the column identities and the T4 block totals, and when more
        than one split satisfies them (or none does) it says so here instead of guessing.

    Why
        FORMAT.md §5.4 and §6: the identities are only as good as the cells they read. A
        silent guess could invent an arithmetic error or hide a real one; a reviewer needs
        to know which checks were not made and why, so the table can be checked by hand
        against the original.

    Bad::

        示例市交通运输局2024年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容本年制发件数本年废止件数现行有效件数
        规章000
        行政规范性文件6132

    Good::

        示例市交通运输局2024年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	6	1	32
    """

    code = "T190"
    name = "table-not-assessable"
    category = "table"
    severity = "info"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        for issue in report.issues:
            if issue.kind not in KINDS:
                continue
            table = _TABLE.get(issue.table, "表格")
            what = _IDENTITIES.get(issue.table, "相关勾稽关系")
            message = (f"{table}无法核对：{issue.message}。未能核对的是{what}；"
                       "请对照原件人工核对 (cannot assess: cells could not be read with certainty)")
            key = issue.key if issue.key.startswith(issue.table) else f"{issue.table}.{issue.key}".rstrip(".")
            yield self.diag(message, issue.span or Span(1), key=key,
                            evidence={"kind": issue.kind, "table": issue.table, "row": issue.key})
