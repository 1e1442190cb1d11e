"""``--format sarif``: a SARIF 2.1.0 log (GitHub code scanning, VS Code SARIF viewer...).

Columns are Unicode code points (``columnKind: unicodeCodePoints``), as gplint counts
them. Relative paths are URIs relative to ``%SRCROOT%``, the current directory.
"""
from __future__ import annotations

import inspect
import json
import os
import re
from typing import Any, Sequence
from urllib.parse import quote

from ..safe_text import json_safe, path_bytes

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/gplint/gplint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "gplint/v1"

#: Engine-made input diagnostics have no Rule class; describe them here.
INPUT_RULES = {
    "E001": ("unreadable-file", "The file cannot be read."),
    "E002": ("undecodable-file", "The file is not text in UTF-8, UTF-16 or GB18030."),
    "E003": ("empty-file", "The file is empty."),
    "E004": ("not-a-report", "No statutory section or table was found: not an annual report."),
    "E900": ("internal-error", "gplint failed on this file; please report it."),
    "E901": ("timed-out", "gplint gave up this file after the per-file time limit (--timeout)."),
}


def _uri(path: str) -> tuple[str, bool]:
    """(uri, is_relative). Relative paths stay relative (GitHub resolves them against the
    repository root); absolute ones become file URIs. Non-ASCII and spaces are
    percent-encoded as RFC 3986 requires, from the name's bytes (a name that is not UTF-8
    keeps its exact bytes, percent-encoded)."""
    p = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(path_bytes(p if p.startswith("/") else "/" + p), safe="/:"), False
    if p.startswith("./"):
        p = p[2:]
    return quote(path_bytes(p), safe="/"), True


_SECTION_TITLES = ("What it checks", "Why", "Bad::", "Good::")


def _docs(cls: type) -> tuple[str, str]:
    doc = inspect.cleandoc(cls.__doc__ or "")
    first = doc.split("\n\n", 1)[0].strip() if doc else ""
    # A docstring that opens with its "What it checks" section has no summary line of its
    # own: summarise with that section's text, not with the section title.
    lines = first.splitlines()
    if lines and lines[0].strip() in _SECTION_TITLES:
        first = "\n".join(lines[1:])
    return " ".join(first.split()), doc


def _rule_descriptor(code: str, registry: Any) -> dict:
    cls = registry.rules.get(code) if registry is not None else None
    if cls is not None:
        short, full = _docs(cls)
        name, severity, category = cls.name, cls.severity, cls.category
        short = short or name
        full = full or short
    else:
        name, short = INPUT_RULES.get(code, ("unknown", code))
        full, severity, category = short, "error", "input"
    # A short description is one sentence-ish line; keep it short for UIs.
    short_first = re.split(r"(?<=[.。])\s", short, maxsplit=1)[0]
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": short_first},
        "fullDescription": {"text": full},
        "help": {"text": full},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"category": category, "tags": [category]},
    }


def _location(path: str, span: Any, message: str = "") -> dict:
    uri, rel = _uri(path)
    art: dict[str, Any] = {"uri": uri}
    if rel:
        art["uriBaseId"] = "%SRCROOT%"
    # SARIF lines and columns are 1-based; clamp so that one rule's off-by-one (a column 0)
    # never makes the whole log invalid for code scanning.
    start_line, start_col = max(span.line, 1), max(span.column, 1)
    end_line = max(span.end_line, start_line)
    end_col = max(span.end_column, start_col if end_line == start_line else 1)
    region = {"startLine": start_line, "startColumn": start_col, "endLine": end_line, "endColumn": end_col}
    if start_col == 1 and end_line == start_line and end_col == start_col:
        # A bare line reference (Span(line)): an empty region at column 1 would highlight
        # nothing; without columns a SARIF region is the whole line.
        region = {"startLine": start_line, "endLine": end_line}
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": art, "region": region}}
    if message:
        loc["message"] = {"text": message}
    return loc


def _result_item(res: Any, d: Any, rule_index: int) -> dict:
    path = d.path or res.path
    item: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [_location(path, d.span)],
    }
    if d.related:
        item["relatedLocations"] = [
            dict(_location(r.path or path, r.span, r.message), id=i + 1) for i, r in enumerate(d.related)
        ]
    if d.fingerprint:
        item["partialFingerprints"] = {FINGERPRINT_KEY: d.fingerprint}
    props: dict[str, Any] = {"category": d.category, "name": d.name}
    if d.key:
        props["key"] = d.key
    if d.span.page:
        props["page"] = d.span.page  # PDF: the page the finding is on
    item["properties"] = props
    return item


class SarifStream:
    """A SARIF log written as results arrive: :meth:`head`, :meth:`add` a file's result at a
    time, :meth:`tail`. Nothing is kept but the codes seen that no rule of the registry
    has (their descriptors go last in the rules list). In the run object the results come
    before the tool (JSON members have no order), so the rules list, written last, can
    describe every code found."""

    def __init__(self, registry: Any = None) -> None:
        self.registry = registry
        known = set(registry.rules) if registry is not None else set()
        known.update(INPUT_RULES)
        self.codes = sorted(known)
        self.index = {c: i for i, c in enumerate(self.codes)}
        self.written = 0

    def head(self) -> str:
        return _SARIF_HEAD

    def add(self, res: Any) -> str:
        parts = []
        for d in res.diagnostics:
            i = self.index.get(d.code)
            if i is None:
                i = self.index[d.code] = len(self.codes)
                self.codes.append(d.code)
            # (A name's lone surrogates as \udcNN escapes: gplint.safe_text.)
            text = json_safe(json.dumps(_result_item(res, d, i), ensure_ascii=False, indent=2))
            text = text.replace("\n", "\n" + _ITEM_INDENT)
            parts.append(("," if self.written else "") + "\n" + _ITEM_INDENT + text)
            self.written += 1
        return "".join(parts)

    def tail(self) -> str:
        text = json_safe(json.dumps(_log_without_results(self.codes, self.registry), ensure_ascii=False, indent=2))
        return "\n" + _ITEM_INDENT[:-2] + text[text.index(_RESULTS_KEY) + len(_RESULTS_KEY):] + "\n"


def _log_without_results(codes: Sequence[str], registry: Any) -> dict:
    from .. import __version__

    cwd = os.getcwd().replace(os.sep, "/")
    root_uri = "file://" + quote(path_bytes(cwd if cwd.startswith("/") else "/" + cwd), safe="/:")
    if not root_uri.endswith("/"):
        root_uri += "/"
    run = {
        "results": [],
        "tool": {"driver": {
            "name": "gplint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_rule_descriptor(c, registry) for c in codes],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri}},
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


# The log as json.dumps(indent=2) prints it, cut at its results list: the head is what
# comes before the list's items, the tail what follows them; items are indented to match.
_RESULTS_KEY = '"results": ['
_ITEM_INDENT = " " * 8
_HEAD_TEXT = json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [{"results": []}]}, indent=2)
_SARIF_HEAD = _HEAD_TEXT[:_HEAD_TEXT.index(_RESULTS_KEY) + len(_RESULTS_KEY)]


def to_sarif(results: Sequence[Any], registry: Any = None) -> dict:
    """The SARIF log of ``results`` as a dict (what :func:`format_sarif` prints)."""
    return json.loads(format_sarif(results, {"registry": registry}))


def _stream(options: dict) -> SarifStream:
    return SarifStream(options.get("registry"))


def format_sarif(results: Sequence[Any], options: dict) -> str:
    """A SARIF 2.1.0 log with every registered rule and every finding."""
    stream = _stream(options)
    return stream.head() + "".join(stream.add(r) for r in results) + stream.tail()


format_sarif.stream = _stream  # type: ignore[attr-defined]
