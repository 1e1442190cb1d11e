"""A third-party gplint plugin: one rule, X901, registered through the ``gplint`` entry point."""
from __future__ import annotations

import re

import gplint
from gplint import Report, Rule, Span

_MARKER = re.compile(r"待补充|TODO|TBD")


class DraftMarker(Rule):
    """A drafting marker (待补充, TODO, TBD) is left in the report.

    What it checks:
        Every line for the markers 待补充, TODO and TBD.

    Why:
        A published annual report must not contain placeholders for text still to be written.

    Bad:
        一、总体情况
        本年度主动公开信息待补充条。

    Good:
        一、总体情况
        本年度主动公开信息120条。
    """

    code = "X901"
    name = "draft-marker"
    category = "hygiene"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict):
        for i, line in enumerate(report.lines, start=1):
            for m in _MARKER.finditer(line):
                yield self.diag(
                    f"草稿标记“{m.group(0)}”未删除 (drafting marker left in the text)",
                    Span(i, m.start() + 1, i, m.end() + 1),
                    key="text",
                    snippet=line,
                )


@gplint.hookimpl
def gplint_rules():
    return [DraftMarker]
