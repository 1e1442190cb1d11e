"""T108: 规范性文件 written for the standard row label 行政规范性文件."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T2_2021
from gplint.model import Report

from ._common import FORMAT_2021


#: The standard label of the row (2021 format).
_NORM = T2_2021.rows["norm"].label

class NonStandardNormLabel(Rule):
    """What it checks
        In a report that follows the 2021 format, 表二 第二十条第（一）项's second row is
        labelled 行政规范性文件. Reports the shorter 规范性文件 (the 2019 format's label).

    Why
        docs/format.md §4 (row label 行政规范性文件) and §1.2/§10 (规范性文件 is the FMT-2019 label,
        a common slip in 2021+ reports). The row is still read; this is a wording finding,
        hence strict only.

    Bad::

        …
        ⟦规范性文件⟧ 1 0 5

    Good::

        …
        行政规范性文件 1 0 5
    """

    code = "T108"
    name = "non-standard-norm-label"
    explanation = "表二第二十条第（一）项的第二行应为“行政规范性文件”，而不是“规范性文件”。"
    category = "table"
    severity = "warning"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or report.format_version == "2019" or getattr(t2, "format", "2021") == "2019":
            return
        for label in t2.row_labels:
            if label.key == "norm" and label.variant:
                yield self.diag(f"表二行名“{label.text.strip()}”不规范，{FORMAT_2021}为“{_NORM}”",
                                label.span, key="t2.norm.label", snippet=label.text)
