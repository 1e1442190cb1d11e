"""H102: template placeholders left unfilled (XX, ××, 某某) (strict)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report, Span

# The pattern's source: compiled when the rule first runs (re's cache keeps it), since the
# rule is in the strict profile only and a default run never needs it.
_PLACEHOLDER = r"(?<![A-Za-z])(?:[XＸ]{2,}|[xｘ]{2,}|[×✕]{2,}|[○〇]{3,}|□{2,})(?![A-Za-z0-9])|某某"
# A template's typesetting note left after a heading: a bracket naming a typeface and a
# size or weight, as the notices that send the template out write them ("一、总体情况（宋体
# 加粗小四号字）", "（黑体三号）", "（仿宋_GB2312，三号字）").
_TYPESETTING_NOTE = (r"[（(][^（）()\n]{0,6}(?:宋体|黑体|仿宋|楷体|小标宋)[^（）()\n]{0,12}?"
                     r"(?:加粗|[小初]?[一二三四五六七八]号)[^（）()\n]{0,4}[）)]")


class TemplatePlaceholder(Rule):
    """A template placeholder was left in the report.

    What it checks
        Placeholders that templates use for text to be filled in — XX / ＸＸ / xx, ××,
        ○○○, □□, 某某 — anywhere in the report ("XX局", "20XX年", "某某科"); and a
        template's typesetting note left in the text: a bracket naming a typeface and a
        size or weight ("一、总体情况（宋体加粗小四号字）").

    Why
        A report copied from a template and not filled in is the "内容雷同/敷衍应付" the
        format's accountability clause names (docs/format.md §9); the placeholder also hides
        the fact it should state.

    Bad::

        …
        ⟦XX⟧局2024年政府信息公开工作年度报告

    Good::

        …
        某市科学技术局2024年政府信息公开工作年度报告
    """

    code = "H102"
    name = "template-placeholder"
    explanation = "报告中残留模板占位符，如“XX局”“20XX年”“某某科”，应填写实际内容。"
    category = "hygiene"
    severity = "warning"
    profiles = ("strict",)
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        placeholder = re.compile(_PLACEHOLDER)
        note = re.compile(_TYPESETTING_NOTE)
        for n, line in enumerate(report.lines, start=1):
            for m in placeholder.finditer(line):
                yield self.diag(
                    f"文本中残留模板占位符“{m.group(0)}”，应填写实际内容",
                    Span(n, m.start() + 1, n, m.end() + 1), key="placeholder", snippet=line.strip()[:40])
            if "号" in line or "加粗" in line:  # (a size or a weight: most lines have neither)
                for m in note.finditer(line):
                    yield self.diag(
                        f"文本中残留模板的排版说明“{m.group(0)}”，应删除",
                        Span(n, m.start() + 1, n, m.end() + 1), key="typesetting-note", snippet=line.strip()[:40])
