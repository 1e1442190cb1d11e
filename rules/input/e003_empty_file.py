"""E003: empty-file (reported by the engine, documented here)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report


class EmptyFile(Rule):
    """What it checks
        The file is empty or holds only blanks.

    Why
        DESIGN.md §6: an empty file gets a clear message; an empty report cannot satisfy 条例 第五十条.
    """

    code = "E003"
    name = "empty-file"
    explanation = "文件为空。"
    category = "input"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Produced by gplint.engine before any rule runs; this class documents the code.
        return ()
