"""S104: a section title differs from the standard wording (strict)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._common import SLOTS, STANDARD


class NonstandardSectionTitle(Rule):
    """A section title is a variant of the standard title.

    What it checks
        Each of the six section headings is compared with the standard title of the 2021
        format (spaces, full/half-width punctuation and markdown marks ignored). A heading
        that names the right section in other words — 二、行政机关主动公开政府信息情况,
        五、政府信息公开工作存在的主要问题及改进情况 — is reported with the standard title.

    Why
        docs/format.md §3.1 (standard titles and the variants seen; variants are reported at the
        strict level only). Uniform titles are what makes reports comparable.

    Bad::

        …
        ⟦二、行政机关主动公开政府信息情况⟧

    Good::

        …
        二、主动公开政府信息情况
    """

    code = "S104"
    name = "nonstandard-section-title"
    explanation = "章节标题与格式规定的标准标题措辞不同（意思相同），建议改用标准标题。"
    category = "structure"
    severity = "info"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        for slot in SLOTS:
            sec = report.sections.get(slot)
            if sec is None or sec.standard:
                continue
            yield self.diag(
                f"标题“{sec.title}”与格式规定的标准标题“{STANDARD[slot]}”不一致",
                sec.heading.span, key=slot, snippet=sec.title)
