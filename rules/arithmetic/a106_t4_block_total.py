"""A106: table 四 block total differs from the sum of its four result columns."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.model import Report

from ._identities import T4_BLOCK_NAMES, T4_COL_NAMES, describe, evaluate, evidence, fmt_num, span_of, t4_identities


class T4BlockTotal(Rule):
    """What it checks
        Table 四 (docs/format.md §6), for each of its three blocks (行政复议, 行政诉讼·未经复议直接起诉,
        行政诉讼·复议后起诉): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Reported once per
        block on the printed 总计 cell, with the expected total.

    Why
        docs/format.md §6 T4-BLOCK-TOTAL: every case is in exactly one of the four result columns,
        so the block total is exact. 条例 第五十条(三) makes the reconsideration and lawsuit
        counts part of the report.

    Bad::

        …
        1 0 0 0 ⟦3⟧ 0 0 0 0 0 0 0 0 0 0

    Good::

        …
        1 0 0 0 1 0 0 0 0 0 0 0 0 0 0
    """

    code = "A106"
    name = "t4-block-total-mismatch"
    explanation = "表四的行政复议、未经复议直接起诉、复议后起诉三组，每组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t4 = report.t4
        if t4 is None:
            return
        for ident in t4_identities(report):
            ev = evaluate(ident, lambda k: t4.cell(*k))
            if ev.status != "broken":
                continue
            total = t4.cell(*ident.anchor)
            block = ident.scope
            related = [Related(span_of(t4.cell(*k), t4.line), f"{T4_BLOCK_NAMES[block]}{T4_COL_NAMES[k[1]]} {t4.cell(*k).value}")
                       for k in ident.right if t4.cell(*k).span is not None]
            yield self.diag(
                describe(ev, lambda k: t4.cell(*k)) + f"（应为 {fmt_num(ev.right)}）",
                span_of(total, t4.line),
                key=f"t4.{block}.total",
                related=related,
                evidence=evidence(ev),
            )
