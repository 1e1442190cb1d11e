"""A :class:`~gplint.review.view.DocumentView` as HTML: the text with every finding marked
on its line and cell, and the findings grouped by section.

The fragments carry ``data-`` attributes (``data-f`` finding ids, ``data-line``,
``data-rule``) that the pages' scripts use to go from a finding to its place and to its
rule's explanation; element ids are prefixed per document so several fit on one page.
"""
from __future__ import annotations

from html import escape
from typing import Any, Iterable, Optional

from ..diagnostics import SEVERITY_RANK, Rule
from ..docs import clean_doc
from .view import CATEGORY_NAMES, SEVERITY_NAMES, DocumentView, Finding

#: Longest line shown whole; a page flattened into one line is cut into pieces this long
#: at the marks' edges only in the browser (CSS wraps it), never in the text.
_MAX_MARKS_A_LINE = 500


def _ranges_on_line(f: Finding, n: int, length: int) -> Iterable[tuple[int, int, bool]]:
    """(start, end, primary) 0-based character ranges of ``f`` on line ``n``: its own span,
    then its related places. A span that marks no character marks the line."""
    d = f.diagnostic
    spans = [(d.span, True)] + [(r.span, False) for r in d.related]
    for span, primary in spans:
        if not span.line <= n <= span.end_line:
            continue
        start = span.column - 1 if n == span.line else 0
        end = span.end_column - 1 if n == span.end_line else length
        start, end = min(max(start, 0), length), min(max(end, 0), length)
        if end <= start:
            # A point: the character there, or the whole line when it is past the end.
            start, end = (start, start + 1) if start < length else (0, length)
        if end > start:
            yield start, end, primary


def _line_html(text: str, marks: list[tuple[int, int, bool, Finding]]) -> str:
    if not marks:
        return escape(text)
    cuts = sorted({0, len(text)} | {a for a, _, _, _ in marks} | {b for _, b, _, _ in marks})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        covering = [(p, f) for s, e, p, f in marks if s <= a and b <= e]
        own = [f for p, f in covering if p]
        rel = [f for p, f in covering if not p]
        if own:
            worst = max(own, key=lambda f: SEVERITY_RANK.get(f.diagnostic.severity, 0)).diagnostic.severity
            ids = " ".join(str(f.id) for f in own)
            tip = escape("；".join(f"{f.diagnostic.code} {f.diagnostic.message}" for f in own[:3]), quote=True)
            out.append(f'<mark class="m sev-{worst}" data-f="{ids}" title="{tip}">{piece}</mark>')
        elif rel:
            ids = " ".join(str(f.id) for f in rel)
            out.append(f'<mark class="r" data-r="{ids}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _note_html(f: Finding, prefix: str) -> str:
    d = f.diagnostic
    return (f'<div class="note sev-{d.severity}" data-f="{f.id}">'
            f'<span class="sev">{SEVERITY_NAMES.get(d.severity, d.severity)}</span> '
            f'<button type="button" class="code" data-rule="{escape(d.code)}" title="规则说明">{escape(d.code)}</button> '
            f'{escape(d.message)}</div>')


def marked_text_html(view: DocumentView, prefix: str = "") -> str:
    """The document's text, a numbered line each, the findings marked on their lines and
    cells and written out under the line they start on."""
    lines = view.lines
    if not lines:
        return '<p class="empty">（没有可显示的文本）</p>'
    on_line: dict[int, list[tuple[int, int, bool, Finding]]] = {}
    starting: dict[int, list[Finding]] = {}
    for f in view.findings:
        d = f.diagnostic
        starting.setdefault(min(d.span.line, len(lines)), []).append(f)
        for span in [d.span] + [r.span for r in d.related]:
            for n in range(span.line, min(span.end_line, len(lines)) + 1):
                marks = on_line.setdefault(n, [])
                if len(marks) < _MAX_MARKS_A_LINE and not any(m[3] is f for m in marks):
                    marks.extend((a, b, p, f) for a, b, p in _ranges_on_line(f, n, len(lines[n - 1])))
    out = ['<div class="src">']
    for n, text in enumerate(lines, 1):
        cls = "ln"
        here = starting.get(n)
        if here:
            worst = max(here, key=lambda f: SEVERITY_RANK.get(f.diagnostic.severity, 0)).diagnostic.severity
            cls += f" has sev-{worst}"
        out.append(f'<div class="{cls}" id="{prefix}L{n}" data-line="{n}"><span class="no">{n}</span>'
                   f'<span class="tx">{_line_html(text, on_line.get(n, []))}</span></div>')
        if here:
            out.append('<div class="notes">' + "".join(_note_html(f, prefix) for f in here) + "</div>")
    out.append("</div>")
    return "".join(out)


def _where(f: Finding) -> str:
    d = f.diagnostic
    where = f"第 {d.span.line} 行第 {d.span.column} 列"
    if d.span.page is not None:
        where = f"第 {d.span.page} 页，" + where
    return where


def findings_html(view: DocumentView, prefix: str = "") -> str:
    """The findings grouped by the report's sections, each linking to its line."""
    if not view.findings:
        return '<p class="clean">未发现问题。</p>'
    out = []
    for key, title, found in view.groups():
        out.append(f'<section class="grp" data-group="{escape(key)}"><h4>{escape(title)} '
                   f'<span class="n">{len(found)}</span></h4><ol>')
        for f in found:
            d = f.diagnostic
            out.append(
                f'<li class="f sev-{d.severity}" data-f="{f.id}" data-line="{d.span.line}">'
                f'<span class="sev">{SEVERITY_NAMES.get(d.severity, d.severity)}</span> '
                f'<button type="button" class="code" data-rule="{escape(d.code)}" title="规则说明">{escape(d.code)}</button> '
                f'<a class="go" href="#{prefix}L{d.span.line}">{_where(f)}</a>'
                f'<div class="msg">{escape(d.message)}</div></li>')
        out.append("</ol></section>")
    return "".join(out)


def rule_info(rule: type[Rule]) -> dict[str, Any]:
    """What the pages show when a rule's code is clicked."""
    return {"code": rule.code, "name": rule.name, "category": rule.category,
            "category_name": CATEGORY_NAMES.get(rule.category, rule.category),
            "severity": rule.severity, "severity_name": SEVERITY_NAMES.get(rule.severity, rule.severity),
            "profiles": list(rule.profiles), "explanation": getattr(rule, "explanation", "") or "",
            "doc": clean_doc(rule.__doc__) or "（暂无说明）"}


def rules_info(registry: Any, codes: Optional[Iterable[str]] = None) -> dict[str, dict[str, Any]]:
    """``rule_info`` for ``codes`` (every registered rule when None); a code no rule has
    (a finding from a plugin no longer installed) gets an empty explanation."""
    wanted = None if codes is None else set(codes)
    out = {}
    for rule in registry.sorted_rules():
        if wanted is None or rule.code in wanted:
            out[rule.code] = rule_info(rule)
    if wanted:
        for code in wanted - set(out):
            out[code] = {"code": code, "name": "", "category": "", "category_name": "", "severity": "",
                         "severity_name": "", "profiles": [], "explanation": "（暂无说明）", "doc": ""}
    return out
