"""A109: more documents issued this year than are in force (table 二 第二十条第（一）项)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T2_2021
from gplint.model import Report

#: Table 二 第二十条第（一）项 of the 2021 format: its rows (规章, 行政规范性文件) and the two
#: columns compared.
_BLOCK = T2_2021.block_of("rules")
_ISSUED = next(c for c in _BLOCK.columns if c.key == "issued")
_IN_FORCE = next(c for c in _BLOCK.columns if c.key == "in_force")


class InForceBelowIssued(Rule):
    """What it checks
        In 表二 第二十条第（一）项, for 规章 and for 行政规范性文件: 现行有效件数 is not smaller than
        本年制发件数. Documents made this year and still in force are part of 现行有效件数, so
        fewer in force than issued means documents made this year already lapsed or were
        repealed (possible, but worth a sentence), or that two columns were swapped.

    Why
        docs/format.md §4, soft plausibility [I]: "in_force < issued is unusual … unless the text
        explains revisions/expiry". Info level, strict profile only.

    Bad::

        …
        行政规范性文件 6 0 ⟦5⟧

    Good::

        …
        行政规范性文件 1 0 5
    """

    code = "A109"
    name = "in-force-below-issued"
    explanation = "表二中规章或行政规范性文件的“现行有效件数”少于“本年制发件数”。本年制发且仍有效的文件应计入现行有效件数，请核对是否填反或需要说明。"
    category = "arithmetic"
    severity = "info"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or getattr(t2, "format", "2021") != "2021":
            return
        conf = table_confidence(report, "t2")
        for r in _BLOCK.rows:
            if not conf.readable(r.key):
                continue  # misread (T190)
            name, issued_key, in_force_key = r.label, _BLOCK.cell_key(r, _ISSUED), _BLOCK.cell_key(r, _IN_FORCE)
            issued = t2.cells.get(issued_key)
            in_force = t2.cells.get(in_force_key)
            if issued is None or in_force is None or issued.value is None or in_force.value is None:
                continue
            if in_force.span is None or in_force.value >= issued.value:
                continue
            yield self.diag(
                f"表二“{name}”{_IN_FORCE.label} {in_force.raw} 少于{_ISSUED.label} {issued.raw}：本年制发的文件也计入{_IN_FORCE.label}，"
                "请核对两列是否填反，或在正文说明本年制发后又失效、废止的情况",
                in_force.span, key=f"t2.{in_force_key}",
                related=[Related(issued.span, _ISSUED.label)] if issued.span else (),
                evidence={"expression": f"{in_force_key} >= {issued_key}", "left": in_force.value,
                          "right": issued.value, "delta": in_force.value - issued.value},
            )
