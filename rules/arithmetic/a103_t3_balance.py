"""A103: table 三 identity BALANCE broken."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._base import identity_findings


class T3Balance(Rule):
    """What it checks
        For each column C1…C7 of table 三, the caption's 勾稽关系: 一、本年新收 + 二、上年结转 =
        （七）总计 + 四、结转下年度继续办理. Reported on the （七）总计 cell, once per column,
        when no single culprit cell (A101) explains it.

    Why
        docs/format.md §5.1 and §5.4 T3-BALANCE: the table's own caption states it
        (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和).

    Bad::

        …
        一、本年新收政府信息公开申请数量 4 1 0 0 0 0 5
        （七）总计 ⟦3⟧ 1 0 0 0 0 4

    Good::

        …
        一、本年新收政府信息公开申请数量 3 1 0 0 0 0 4
        （七）总计 3 1 0 0 0 0 4
    """

    code = "A103"
    name = "t3-balance-broken"
    explanation = "表三每一列应满足表头注明的勾稽关系：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。请核对这四项。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        yield from identity_findings(self, report, "BALANCE")
