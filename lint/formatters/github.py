"""``--format github``: GitHub Actions workflow commands, one annotation a finding.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``.
GitHub requires escaping: in the message ``%`` ``\\r`` ``\\n``; in property values also
``:`` and ``,`` (otherwise a path or title with a comma would end the property early).
"""
from __future__ import annotations

from typing import Any, Sequence

from ..safe_text import for_display

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    # \r and \n the way GitHub's protocol has (a message may have lines); every other
    # control character, line separator and undecodable byte as a visible escape
    # (gplint.safe_text): one command a line, nothing that drives a terminal.
    return for_display(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_github(results: Sequence[Any], options: dict) -> str:
    """One ``::error``/``::warning``/``::notice`` workflow command a finding."""
    out = []
    for res in results:
        for d in res.diagnostics:
            sp = d.span
            # GitHub's endColumn is inclusive-ish and only honoured on one line; give the
            # span as gplint has it and let the UI clip.
            props = [
                ("file", d.path or res.path),
                ("line", str(sp.line)),
                ("col", str(sp.column)),
                ("endLine", str(sp.end_line)),
                ("endColumn", str(sp.end_column)),
                ("title", f"{d.code} {d.name}"),
            ]
            prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            message = d.message + (f"（第 {sp.page} 页）" if sp.page else "")  # a PDF's page
            out.append(f"::{LEVELS.get(d.severity, 'error')} {prop_text}::{escape_data(message)}\n")
    return "".join(out)
