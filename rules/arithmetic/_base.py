"""Shared pieces of the arithmetic rules (not a rule module: the name starts with _)."""
from __future__ import annotations

from typing import Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import IDENTITY_KINDS
from gplint.model import Report

from ._identities import (COL_NAMES, ROW_NAMES, Evaluated, analyse_t3, describe, evidence, span_of,
                          t3_cell)

#: Each identity kind by its FORMAT ID and what it says: "T3-BALANCE（第一项 + 第二项 = …）".
KIND_NAMES: dict[str, str] = {key: kind.title for key, kind in IDENTITY_KINDS.items()}
#: Each identity kind by its FORMAT ID alone ("T3-BALANCE").
KIND_IDS: dict[str, str] = {key: kind.id for key, kind in IDENTITY_KINDS.items()}


def cell_name(key: tuple[str, str]) -> str:
    row, col = key
    return f"“{ROW_NAMES.get(row, row)}”行“{COL_NAMES.get(col, col)}”列"


def t3_cell_key(key: tuple[str, str]) -> str:
    return f"t3.{key[0]}.{key[1]}"


def identity_findings(rule: Rule, report: Report, kind: str) -> Iterable[Diagnostic]:
    """Findings for broken T3 identities of ``kind`` that no culprit cell explains."""
    if report.t3 is None:
        return
    analysis = analyse_t3(report)

    def cell_of(k):
        return t3_cell(report, k)

    for ev in analysis.unexplained:
        ident = ev.identity
        if ident.kind != kind:
            continue
        anchor = cell_of(ident.anchor)
        related = [Related(span_of(cell_of(k)), f"{cell_name(k)} {cell_of(k).value}")
                   for k in ident.left + ident.right if k != ident.anchor and cell_of(k).span is not None
                   and cell_of(k).value]
        yield rule.diag(
            describe(ev, cell_of) + f"（差 {_fmt(ev.delta)}）",
            span_of(anchor, report.t3.rows.get(ident.anchor[0]).line if ident.anchor[0] in report.t3.rows else 1),
            key=f"t3.{kind}.{ident.scope}",
            related=related,
            evidence=evidence(ev),
        )


def _fmt(v) -> str:
    from ._identities import fmt_num

    return fmt_num(v)


__all__ = ["KIND_IDS", "KIND_NAMES", "Evaluated", "cell_name", "identity_findings", "t3_cell_key"]
