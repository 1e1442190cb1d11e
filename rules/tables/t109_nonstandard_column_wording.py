"""T109: a table 二 column header worded otherwise than the format, saying the same."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T2_COLUMN_WORDING
from gplint.labels import normalise
from gplint.model import Report, Span

from ._common import FORMAT_2021

#: Normalised variant -> (the variant as listed, the standard header).
_VARIANTS = {normalise(v): (v, std) for v, std in sorted(T2_COLUMN_WORDING.items(), key=lambda kv: -len(kv[0]))}


class NonStandardColumnWording(Rule):
    """What it checks
        表二's column headers worded otherwise than the 2021 format while saying the same:
        本年度制发件数, 本年度废止件数, 本年度处理决定数量, 本年度收费金额 (本年度 for 本年) and
        本年新制发件数 (for 本年制发件数). Reported once per header, with the format's wording.

    Why
        docs/format.md §10: these are wording variants, not misspellings (T102 reports those,
        such as 本年废制件数, as errors): the quantity is the one the format asks for, so the
        table is read and checked as usual. A report that copies the format's template keeps
        its wording; hence strict only, as a warning.

    Bad::

        …
        信息内容 本年制发件数 ⟦本年度废止件数⟧ 现行有效件数

    Good::

        …
        信息内容 本年制发件数 本年废止件数 现行有效件数
    """

    code = "T109"
    name = "non-standard-column-wording"
    explanation = "表二的列名与 2021 年格式的写法不同（如“本年度废止件数”应为“本年废止件数”），含义相同，建议按格式原文填写。"
    category = "table"
    severity = "warning"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or t2.format == "2019":
            return
        seen = set()
        for label in t2.column_labels:
            norm = normalise(label.text)
            for variant_norm, (variant, standard) in _VARIANTS.items():
                if variant_norm not in norm or standard in seen:
                    continue
                # (本年度新制发件数 holds no other variant whole: the longest is tried first.)
                seen.add(standard)
                yield self.diag(f"表二列名“{variant}”与{FORMAT_2021}的“{standard}”写法不同（含义相同）",
                                self._span(report, label.span, variant), key=f"t2.header.{standard}", snippet=variant)

    @staticmethod
    def _span(report: Report, span: Span, variant: str) -> Span:
        text = report.lines[span.line - 1] if 0 < span.line <= len(report.lines) else ""
        at = text.find(variant, span.column - 1)
        if at < 0:
            return span
        return Span(span.line, at + 1, span.line, at + 1 + len(variant))
