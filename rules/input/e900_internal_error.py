"""E900: internal-error (reported by the engine, documented here)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report


class InternalError(Rule):
    """What it checks
        gplint itself failed on this file (the parser or one rule raised an exception). The message names the rule and the place; the other rules and files still run.

    Why
        DESIGN.md §6: bad input never gives a traceback. Please report the file and message as a bug.
    """

    code = "E900"
    name = "internal-error"
    explanation = "gplint 自身在检查这个文件时出错，检查没有完成。请把文件和这条信息报告给维护者。"
    category = "input"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Produced by gplint.engine before any rule runs; this class documents the code.
        return ()
