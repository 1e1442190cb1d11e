"""A101: one table 三 cell breaks several identities at once (the likely culprit)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.model import Report

from ._base import KIND_IDS, KIND_NAMES, cell_name, t3_cell_key
from ._identities import analyse_t3, describe, expression, fmt_num, span_of, t3_cell


class T3CellBreaksIdentities(Rule):
    """What it checks
        Table 三's identities (docs/format.md §5.4): T3-SUM-RESULTS, T3-BALANCE, T3-ROW-TOTAL
        and, when （六）其他处理 is printed with its sub-rows, its subtotal. When two or more
        broken identities share one cell and all of them would hold with the same
        corrected value of that cell, that cell is reported once, as the culprit, with the
        value the identities call for; the identities are listed as related places.

    Why
        docs/format.md §5.3–§5.4: every handled application sits in exactly one leaf row, so the
        identities are exact. One wrong cell typically breaks a row and one or two column
        identities; reporting the shared cell once tells the clerk which number to fix
        instead of three separate errors. 条例 第五十条 makes these counts part of the report.

    Bad::

        …
        （一）予以公开 ⟦5⟧ 0 0 0 0 0 2

    Good::

        …
        （一）予以公开 2 0 0 0 0 0 2
    """

    code = "A101"
    name = "t3-cell-breaks-identities"
    explanation = "表三中某一个单元格的数值同时破坏了两个以上勾稽关系，而把它改成同一个值就能使这些关系全部成立。请核对该单元格（提示中给出了按勾稽关系应填的数值）。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        analysis = analyse_t3(report)

        def cell_of(k):
            return t3_cell(report, k)

        for cul in analysis.culprits:
            cell = cell_of(cul.cell)
            row = report.t3.rows.get(cul.cell[0]) or report.t3.groups.get(cul.cell[0])
            reasons = "；".join(describe(e, cell_of) for e in cul.identities)
            kinds = "、".join(dict.fromkeys(KIND_IDS[e.identity.kind] for e in cul.identities))
            msg = (f"{cell_name(cul.cell)}为 {fmt_num(cell.value)}，按表内勾稽关系应为 {fmt_num(cul.expected)}"
                   f"（同时破坏 {kinds}）：{reasons}")
            related = []
            for e in cul.identities:
                # Point at the identity's printed total, or (when the culprit is that total)
                # at its first other operand: where the clerk should look next.
                others = [k for k in (e.identity.anchor,) + e.identity.left + e.identity.right
                          if k != cul.cell and cell_of(k).span is not None]
                if others:
                    related.append(Related(cell_of(others[0]).span,
                                           f"{KIND_NAMES[e.identity.kind]} {e.identity.scope}"))
            yield self.diag(
                msg,
                span_of(cell, row.line if row else 1),
                key=t3_cell_key(cul.cell),
                related=related,
                evidence={
                    "cell": f"{cul.cell[0]}.{cul.cell[1]}",
                    "value": cell.value,
                    "expected": cul.expected,
                    "expression": "; ".join(expression(e.identity) for e in cul.identities),
                    "left": [e.left for e in cul.identities],
                    "right": [e.right for e in cul.identities],
                    "delta": cell.value - cul.expected,
                },
            )
