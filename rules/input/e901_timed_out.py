"""E901: timed-out (reported by the runner, documented here)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report


class TimedOut(Rule):
    """What it checks
        gplint gave up on this file after ``--timeout`` seconds (60 by default on the command line; ``--timeout 0`` removes the limit). The file gets this finding and no other; the other files still run.

    Why
        DESIGN.md §6: one bad file never stops the others. A text that sends the parser or a rule into a very long search (a huge flattened table, say) must not hold up a batch of thousands of reports. Please report the file as a bug: a typical report takes milliseconds.
    """

    code = "E901"
    name = "timed-out"
    explanation = "检查这个文件超过了时间限制，已跳过；其他文件不受影响。"
    category = "input"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Produced by gplint.runner when a file's time runs out; this class documents the code.
        return ()
