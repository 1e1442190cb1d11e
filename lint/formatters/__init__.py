"""Built-in output formatters, registered through the ``gplint_formatters`` hook."""
from __future__ import annotations

import json
from typing import Any, Optional, Sequence

from ..hookspecs import hookimpl
from ..safe_text import json_safe


def _all(results: Sequence[Any]):
    for res in results:
        yield from res.diagnostics


def format_text(results: Sequence[Any], options: dict) -> str:
    """``path:line:col: severity CODE message``, one finding a line (editor problem matchers).
    Control characters and line separators of the path and message are written as escapes
    (gplint.safe_text): a report's text can neither drive the terminal nor split a line."""
    from ..output import TextStyle, make_text_formatter

    return make_text_formatter(TextStyle())(results, options)


def format_json(results: Sequence[Any], options: dict) -> str:
    """A JSON array of findings (DESIGN.md §5)."""
    stream = JsonStream()
    return stream.head() + "".join(stream.add(r) for r in results) + stream.tail()


class JsonStream:
    """``--format json`` written a file at a time: the same bytes as ``json.dumps(findings,
    indent=2)``, with nothing kept between files (gplint.runner.emit)."""

    __slots__ = ("written",)

    def __init__(self, options: Optional[dict] = None) -> None:
        self.written = 0

    def head(self) -> str:
        return "["

    def add(self, result: Any) -> str:
        parts = []
        for d in result.diagnostics:
            # (A name's lone surrogates as \udcNN escapes: gplint.safe_text.)
            text = json_safe(json.dumps(d.to_dict(), ensure_ascii=False, indent=2)).replace("\n", "\n  ")
            parts.append(("," if self.written else "") + "\n  " + text)
            self.written += 1
        return "".join(parts)

    def tail(self) -> str:
        return "\n]\n" if self.written else "]\n"


format_json.stream = JsonStream  # type: ignore[attr-defined]


def format_jsonl(results: Sequence[Any], options: dict) -> str:
    """One JSON object a line, for streaming into data tools."""
    return "".join(json_safe(json.dumps(d.to_dict(), ensure_ascii=False)) + "\n" for d in _all(results))


# Output for several files == the concatenation of each file's output: the command line
# may call these once a file and write as it goes (gplint.runner.emit), keeping memory flat.
# (json and sarif, which open and close a document, stream through their ``stream``.)
format_text.streams = True  # type: ignore[attr-defined]
format_jsonl.streams = True  # type: ignore[attr-defined]


@hookimpl
def gplint_formatters():
    from .github import format_github
    from .review import format_csv, format_html
    from .sarif import format_sarif

    return {"text": format_text, "json": format_json, "jsonl": format_jsonl,
            "github": format_github, "sarif": format_sarif, "html": format_html, "csv": format_csv}
