"""H101: document-conversion residue left in the text (strict)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report, Span

# The pattern's source: compiled when the rule first runs (re's cache keeps it), since the
# rule is in the strict profile only and a default run never needs it.
_RESIDUE = (
    r"\[(?:bookmark|image|footnote|comment|anchor|toc)\s*:[^\]\n]*\]"   # DOCX -> text markers
    r"|</?(?:br|p|span|div|font|td|tr|table|strong|b|i|u)\b[^>\n]{0,80}>"  # HTML tags
    r"|&(?:nbsp|amp|lt|gt|quot|ensp|emsp);"                             # HTML entities
    r"|\{\{[^}\n]*\}\}"                                                  # template fields
    r"|\ufffd")
#: A markdown pipe table's delimiter row: |---|:---:|, with or without the outer pipes.
_DELIMITER_ROW = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


class ConversionResidue(Rule):
    """Markers left over from converting the document (bookmarks, HTML tags, entities).

    What it checks
        Text such as ``[bookmark: _GoBack]`` (a Word bookmark written out by a DOCX
        converter), ``[image: …]``, HTML tags (``<br>``, ``<span …>``), HTML entities
        (``&nbsp;``), unfilled ``{{field}}`` markers and the replacement character U+FFFD
        anywhere in the report, tables included. A ``<br>`` in a markdown document (a
        pipe table's row, or any line of a text holding a pipe table's delimiter row
        ``|---|---|``) is no residue: PDF-to-markdown tools (pymupdf4llm, marker) write
        a line break so, in a cell and where they join a page's lines, as markdown tables
        can hold no other, and the report they read had none of it.

    Why
        The published report is the official text (条例 第四十九条 makes it public); docs/format.md
        §9 names careless, perfunctory reports among the failures of the format's
        accountability clause. Residue shows the text was not proof-read.

    Bad::

        …
        （二）依申请公开。⟦[bookmark: _GoBack]⟧本机关依法办理政府信息公开申请。

    Good::

        …
        （二）依申请公开。本机关依法办理政府信息公开申请。
    """

    code = "H101"
    name = "conversion-residue"
    explanation = "报告中残留文档转换留下的痕迹，如 Word 书签、HTML 标签、&nbsp; 等实体或乱码字符，发布前应删除。"
    category = "hygiene"
    severity = "warning"
    profiles = ("strict",)
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        residue = re.compile(_RESIDUE, re.IGNORECASE)
        markdown = any(_DELIMITER_ROW.match(line) for line in report.lines if "---" in line)
        for n, line in enumerate(report.lines, start=1):
            stripped = line.strip()
            pipe_row = len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|"
            for m in residue.finditer(line):
                if (pipe_row or markdown) and m.group(0)[1:3].lower() == "br":
                    continue  # markdown's own line break
                yield self.diag(
                    f"文本中残留文档转换标记“{m.group(0)}”，应删除",
                    Span(n, m.start() + 1, n, m.end() + 1), key="residue", snippet=m.group(0))
