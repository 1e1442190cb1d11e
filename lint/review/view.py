"""A linted document as data for people: who wrote it, for which year, what was found and
where, grouped by the report's statutory sections.

A :class:`DocumentView` is built from the text the line numbers refer to, the lint result
and (when the text could be parsed) the :class:`~gplint.model.Report`. It is plain data,
JSON-able through :meth:`DocumentView.to_dict`, so the review page and the web app show the
same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from ..diagnostics import SEVERITY_RANK, Diagnostic
from ..format import SECTIONS
from ..model import Report
from ..lazy_re import lazy_compile

#: Category and severity names as a clerk reads them.
CATEGORY_NAMES = {"structure": "结构", "table": "表格", "arithmetic": "勾稽关系", "narrative": "前后一致",
                  "units": "单位", "dates": "日期", "hygiene": "规范性", "input": "文件读取"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}

#: Group keys besides the sections: findings on the whole file, before section 一.
FILE_GROUP = "file"
FRONT_GROUP = "front"
GROUP_TITLES = {FILE_GROUP: "文件", FRONT_GROUP: "标题与开头"}
GROUP_TITLES.update({s.slot: f"{s.numeral}、{s.title}" for s in SECTIONS})
GROUP_ORDER = (FILE_GROUP, FRONT_GROUP) + tuple(s.slot for s in SECTIONS)

_TITLE_TAIL = lazy_compile(r"(?:20\d\d|19\d\d)\s*年(?:度)?|政府信息公开(?:工作)?(?:年度)?(?:报告|年报)|年度报告|工作报告")


@dataclass(frozen=True)
class Finding:
    """One diagnostic with its place, its section and an id unique in its document."""

    id: int
    diagnostic: Diagnostic
    group: str

    def to_dict(self) -> dict[str, Any]:
        d = self.diagnostic
        out = d.to_dict()
        out.update(id=self.id, group=self.group, group_title=GROUP_TITLES.get(self.group, self.group),
                   severity_name=SEVERITY_NAMES.get(d.severity, d.severity),
                   category_name=CATEGORY_NAMES.get(d.category, d.category))
        if d.span.page is not None:
            out["page"] = d.span.page
        return out


@dataclass
class DocumentView:
    path: str
    text: str
    title: str = ""
    agency: str = ""
    year: Optional[int] = None
    findings: list[Finding] = field(default_factory=list)
    #: (slot, heading as written, line) of each statutory section found, in text order.
    sections: list[tuple[str, str, int]] = field(default_factory=list)
    #: Why the file could not be linted as a report, when it could not.
    error: Optional[str] = None

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n") if self.text else []

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITY_NAMES}
        for f in self.findings:
            out[f.diagnostic.severity] = out.get(f.diagnostic.severity, 0) + 1
        return out

    def worst(self) -> Optional[Finding]:
        """The finding a reviewer should read first: most severe, then earliest."""
        if not self.findings:
            return None
        return min(self.findings, key=lambda f: (-SEVERITY_RANK.get(f.diagnostic.severity, 0), f.diagnostic.span.line,
                                                 f.diagnostic.span.column, f.diagnostic.code))

    def groups(self) -> list[tuple[str, str, list[Finding]]]:
        """(key, title, findings) for each group that has findings, in the report's order."""
        by: dict[str, list[Finding]] = {}
        for f in self.findings:
            by.setdefault(f.group, []).append(f)
        keys = [k for k in GROUP_ORDER if k in by] + sorted(k for k in by if k not in GROUP_ORDER)
        titles = dict(GROUP_TITLES)
        titles.update({slot: heading for slot, heading, _ in self.sections})
        return [(k, titles.get(k, k), by[k]) for k in keys]

    def to_dict(self) -> dict[str, Any]:
        worst = self.worst()
        return {
            "path": self.path, "title": self.title, "agency": self.agency, "year": self.year,
            "counts": self.counts(), "error": self.error,
            "worst": worst.to_dict() if worst else None,
            "sections": [{"slot": s, "heading": h, "line": n} for s, h, n in self.sections],
            "groups": [{"key": k, "title": t, "ids": [f.id for f in fs]} for k, t, fs in self.groups()],
            "findings": [f.to_dict() for f in self.findings],
        }


def agency_of(title: str) -> str:
    """The body that wrote the report, from its title: 牡丹江市发展和改革委员会 from
    牡丹江市发展和改革委员会2024年政府信息公开工作年度报告."""
    t = re.sub(r"\s+", "", title)
    m = _TITLE_TAIL.search(t)
    head = t[:m.start()] if m else t
    head = re.sub(r"(?:关于|的)$", "", head.strip("《》“”\"'：:，,。（）()"))
    return head.strip("《》“”\"'：:，,。（）()")


def _section_starts(report: Report) -> list[tuple[tuple[int, int], str]]:
    return sorted(((s.heading.span.line, s.heading.span.column), slot) for slot, s in report.sections.items())


def group_of(d: Diagnostic, starts: Sequence[tuple[tuple[int, int], str]]) -> str:
    """The section a finding belongs to: the last section whose heading begins at or
    before the finding (by line and column: a page flattened into one line has all its
    sections on that line)."""
    if d.category == "input" or d.key == "file":
        return FILE_GROUP
    where = (d.span.line, d.span.column)
    group = FRONT_GROUP
    for start, slot in starts:
        if start <= where:
            group = slot
        else:
            break
    return group


def build_view(path: str, text: str, diagnostics: Sequence[Diagnostic], report: Optional[Report],
               error: Optional[str] = None) -> DocumentView:
    starts = _section_starts(report) if report is not None else []
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    findings = [Finding(i, d, group_of(d, starts)) for i, d in enumerate(ordered, 1)]
    view = DocumentView(path=path, text=text, findings=findings, error=error)
    if report is not None:
        view.title = report.title
        # Where the report belongs, as the history store reads it (gplint.reader.placement:
        # title, signature or preface); the title alone when that cannot place it.
        placement = report.placement
        view.year = placement.year or report.year
        view.agency = placement.agency_as_written or agency_of(report.title)
        view.sections = [(slot, s.title, s.line) for (_, slot), s in
                         ((st, report.sections[st[1]]) for st in starts)]
    return view
