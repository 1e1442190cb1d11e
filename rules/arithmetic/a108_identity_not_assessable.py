"""A108: a table identity cannot be checked because a cell is blank as written."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.model import T3_COLS, Report

from ._identities import (COL_NAMES, ROW_NAMES, T4_BLOCK_NAMES, T4_COL_NAMES, analyse_t3, evaluate, span_of,
                          t3_cell, t4_identities)
from ._base import KIND_IDS


class IdentityNotAssessable(Rule):
    """What it checks
        Cells of tables 三 and 四 that hold a placeholder instead of a number ("—", "/",
        "无", "空") while an identity needs them. Such a cell is *not
        given*, not zero: the identities that use it (T3-SUM-RESULTS, T3-BALANCE,
        T3-ROW-TOTAL, T4-BLOCK-TOTAL) cannot be assessed, and gplint says so instead of
        guessing. One finding per table row, naming the blank cells and the identities left
        unchecked. (Empty cells and values missing from the text are table findings, T103.)

        A table 三 that writes none of its zeros as 0 (every zero cell "—", "/", "无" or
        left empty) gets one notice for the whole table instead of one a row, and its rows
        are not reported as short (T103).

    Why
        docs/format.md §5.4 (cell-value semantics: blank, "/", "-", "—", "无", "空" = not given; do
        not read as 0; the identity that needs it is "not assessable" and the blank cell is a
        table-completeness finding). The format has a number in every cell; a clerk should
        print 0 where nothing happened.

    Bad::

        …
        1 0 0 0 1 — 0 0 0 ⟦/⟧ 0 0 0 0 0

    Good::

        …
        1 0 0 0 1 0 0 0 0 0 0 0 0 0 0
    """

    code = "A108"
    name = "identity-not-assessable"
    explanation = "表格中需要参与勾稽关系的单元格填的是“—”“/”“无”等符号而不是数字，这些关系无法核对。没有发生的请填 0。"
    category = "arithmetic"
    severity = "info"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is not None:
            yield from self._t3(report)
        if report.t4 is not None:
            yield from self._t4(report)

    def _t3(self, report: Report) -> Iterable[Diagnostic]:
        conf = table_confidence(report, "t3")
        if conf.blank_zeros:
            if conf.assessable:  # (else T190 says the table could not be checked at all)
                yield from self._t3_table(report)
            return
        analysis = analyse_t3(report)
        by_row: dict[str, dict[str, set[str]]] = {}
        for ev in analysis.blank:
            for row, col in ev.blanks:
                if not t3_cell(report, (row, col)).raw.strip():
                    continue  # an empty cell is a value missing from the row: T103 reports it
                by_row.setdefault(row, {}).setdefault(col, set()).add(
                    f"{KIND_IDS[ev.identity.kind]} {ev.identity.scope}")
        for row, cols in sorted(by_row.items()):
            cells = [t3_cell(report, (row, c)) for c in sorted(cols)]
            shown = "、".join(f"“{COL_NAMES[c]}”列（{t3_cell(report, (row, c)).raw or '空白'}）" for c in sorted(cols))
            ids = sorted({i for s in cols.values() for i in s})
            first = next(c for c in cells if c.span is not None)
            yield self.diag(
                f"表三“{ROW_NAMES.get(row, row)}”行的 {shown} 没有填写数字，不能按 0 计算："
                f"{'、'.join(ids)} 无法核对（请填写 0 或实际数字）",
                first.span, key=f"t3.{row}.blank",
                related=[Related(c.span, "空白单元格") for c in cells[1:] if c.span is not None],
                evidence={"identities": ids},
            )

    def _t3_table(self, report: Report) -> Iterable[Diagnostic]:
        """One notice for a table that writes its zeros as placeholders or blanks."""
        t3 = report.t3
        blanks = []
        rows = set()
        written = set()
        for key, row in list(t3.rows.items()) + list(t3.groups.items()):
            for col, cell in zip(T3_COLS, row.cells):
                if cell.span is not None and cell.value is None:
                    blanks.append(cell)
                    rows.add(key)
                    written.add(cell.raw.strip() or "空白")
        if not blanks:
            return  # zeros left out of rows without separators: T190 names those rows
        shown = "、".join(f"“{w}”" if w != "空白" else w for w in sorted(written))
        first = min(blanks, key=lambda c: (c.span.line, c.span.column))
        yield self.diag(
            f"表三没有填写 0：{len(blanks)} 个单元格（{len(rows)} 行）以{shown}代替 0，不能按 0 计算，"
            "涉及这些单元格的行合计、办理结果合计和“第一项加第二项等于第三项加第四项”勾稽关系无法核对"
            "（请在没有发生的单元格填写 0）",
            first.span, key="t3.blank-zeros",
            evidence={"cells": len(blanks), "rows": sorted(rows)},
        )

    def _t4(self, report: Report) -> Iterable[Diagnostic]:
        t4 = report.t4
        blanks: dict[tuple[str, str], None] = {}
        ids = []
        for ident in t4_identities(report):
            ev = evaluate(ident, lambda k: t4.cell(*k))
            written = [k for k in ev.blanks if t4.cell(*k).raw.strip()]
            if ev.status == "blank" and written:
                ids.append(f"{KIND_IDS[ident.kind]} {T4_BLOCK_NAMES[ident.scope]}")
                for k in written:
                    blanks[k] = None
        if not blanks:
            return
        keys = list(blanks)
        cells = [t4.cell(*k) for k in keys]
        shown = "、".join(f"{T4_BLOCK_NAMES[b]}·{T4_COL_NAMES[c]}（{t4.cell(b, c).raw or '空白'}）" for b, c in keys)
        yield self.diag(
            f"表四 {shown} 没有填写数字，不能按 0 计算：{'、'.join(ids)} 无法核对（请填写 0 或实际数字）",
            span_of(cells[0], t4.line), key="t4.blank",
            related=[Related(c.span, "空白单元格") for c in cells[1:] if c.span is not None],
            evidence={"identities": ids},
        )
