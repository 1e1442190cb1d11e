"""Built-in output formatters, registered through the ``gplint_formatters`` hook."""
from __future__ import annotations

import json
from typing import Any, Sequence

from ..hookspecs import hookimpl
from ..safe_text import for_display, json_safe


def _all(results: Sequence[Any]):
    for res in results:
        yield from res.diagnostics


def format_text(results: Sequence[Any], options: dict) -> str:
    """``path:line:col: severity CODE message``, one finding a line (editor problem matchers).
    Control characters and line separators of the path and message are written as escapes
    (gplint.safe_text): a report's text can neither drive the terminal nor split a line."""
    lines = []
    for d in _all(results):
        path = for_display(d.path) if d.path else d.path
        lines.append(f"{path}:{d.span.line}:{d.span.column}: {d.severity} {d.code} {for_display(d.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(results: Sequence[Any], options: dict) -> str:
    """A JSON array of findings (DESIGN.md §5)."""
    return json_safe(json.dumps([d.to_dict() for d in _all(results)], ensure_ascii=False, indent=2)) + "\n"


def format_jsonl(results: Sequence[Any], options: dict) -> str:
    """One JSON object a line, for streaming into data tools."""
    return "".join(json_safe(json.dumps(d.to_dict(), ensure_ascii=False)) + "\n" for d in _all(results))


# Output for several files == the concatenation of each file's output: the command line
# may call these once a file and write as it goes (gplint.runner.emit), keeping memory flat.
format_text.streams = True  # type: ignore[attr-defined]
format_jsonl.streams = True  # type: ignore[attr-defined]


@hookimpl
def gplint_formatters():
    from .github import format_github
    from .sarif import format_sarif

    return {"text": format_text, "json": format_json, "jsonl": format_jsonl,
            "github": format_github, "sarif": format_sarif}
