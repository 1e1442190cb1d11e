"""Diagnostics: what a rule reports, and the Rule base class rules derive from."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any, Callable, ClassVar, Iterable, Optional

from .digest import sha256 as _sha256
from .format import NATIONAL_FORMATS
from .model import Report, Span


SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CATEGORIES = ("structure", "table", "arithmetic", "narrative", "units", "dates", "hygiene", "history", "input")


@dataclass(frozen=True)
class Related:
    """Another place that takes part in a finding (an operand of a broken identity)."""

    span: Span
    message: str = ""
    #: The file the place is in, when it is another report (a history rule's previous
    #: year); None: the finding's own file.
    path: Optional[str] = None


def placed(diagnostics: Iterable["Diagnostic"], place: Callable[[Span], Span]) -> list["Diagnostic"]:
    """``diagnostics`` with their spans, and the related places in their own file, moved by
    ``place`` (the text as read -> the file's lines, columns and pages). A related place in
    another report (``Related.path``) is left where it is."""
    return [replace(d, span=place(d.span),
                    related=tuple(replace(r, span=place(r.span)) if r.path is None else r for r in d.related))
            for d in diagnostics]


@dataclass(frozen=True)
class Diagnostic:
    """One finding: which rule, where (a span and related places), what, and its evidence."""

    code: str
    name: str
    category: str
    severity: str
    message: str
    span: Span
    path: Optional[str] = None
    related: tuple[Related, ...] = ()
    #: For arithmetic: {"expression": ..., "left": ..., "right": ..., "delta": ...}.
    evidence: dict[str, Any] = field(default_factory=dict)
    #: The canonical key this finding is about (a cell "t3.R24.C1", a section "S4"...).
    key: str = ""
    fingerprint: str = ""

    def with_path(self, path: Optional[str]) -> "Diagnostic":
        return replace(self, path=path)

    def sort_key(self) -> tuple:
        return (self.path or "", self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "fingerprint": self.fingerprint,
        }
        if self.key:
            out["key"] = self.key
        if self.span.page:
            out["page"] = self.span.page
        if self.related:
            out["related"] = [
                dict({"line": r.span.line, "column": r.span.column, "end_line": r.span.end_line,
                      "end_column": r.span.end_column, "message": r.message}, **({"path": r.path} if r.path else {}))
                for r in self.related
            ]
        if self.evidence:
            out["evidence"] = {k: _jsonable(v) for k, v in self.evidence.items()}
        return out


def _jsonable(v: Any) -> Any:
    from decimal import Decimal

    if isinstance(v, Decimal):
        return float(v) if v != v.to_integral_value() else int(v)
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return v


def fingerprint(code: str, key: str, snippet: str) -> str:
    """Stable across unrelated edits: code + canonical key + normalised snippet, no line."""
    norm = "".join(ch for ch in unicodedata.normalize("NFKC", snippet) if not ch.isspace())
    # (surrogatepass: text given to lint_text may hold a lone surrogate; UTF-8 text never does)
    h = _sha256(f"{code}\x1f{key}\x1f{norm}".encode("utf-8", "surrogatepass")).hexdigest()
    return h[:16]


class Rule:
    """Base class of every rule, built-in or third-party.

    Subclasses set the class attributes and implement :meth:`check`. The docstring must have
    the sections *What it checks*, *Why*, *Bad* and *Good*; the Bad and Good examples are
    report texts (indented blocks) that a registry test lints: the rule must fire on Bad and
    stay silent on Good.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "error"
    #: Profiles that enable the rule. "strict" includes everything "default" has.
    profiles: ClassVar[tuple[str, ...]] = ("default", "strict")
    options: ClassVar[dict[str, Any]] = {}
    #: What the rule means, in Chinese, for the person who wrote the report: shown first
    #: by ``gplint serve``, the review report, ``gplint rule`` and docs/rules.md.
    explanation: ClassVar[str] = ""
    #: The report formats the rule checks (``Report.format_version``). By default the two
    #: national formats: a report on 2018 or before follows none (``BEFORE_FORMATS``), and
    #: a rule about the format's sections or tables has nothing to hold it to. A rule that
    #: holds for any report (dates, hygiene, the prose's own sums) says ``ALL_FORMATS``.
    formats: ClassVar[tuple[str, ...]] = NATIONAL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        raise NotImplementedError

    # Helpers so rules stay short -------------------------------------------------------
    def diag(
        self,
        message: str,
        span: Span,
        *,
        key: str = "",
        related: Iterable[Related] = (),
        evidence: Optional[dict[str, Any]] = None,
        severity: Optional[str] = None,
        snippet: str = "",
    ) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            span=span,
            related=tuple(related),
            evidence=evidence or {},
            key=key,
            fingerprint=fingerprint(self.code, key, snippet or message),
        )
