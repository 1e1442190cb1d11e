"""E002: undecodable-file (reported by the engine, documented here)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report


class UndecodableFile(Rule):
    """What it checks
        The file's bytes are not text in any encoding gplint reads (UTF-8 with or without BOM, UTF-16, GB18030), or are binary.

    Why
        DESIGN.md §1 and §6: decoding tries UTF-8, then GB18030, and fails with a clear message otherwise.
    """

    code = "E002"
    name = "undecodable-file"
    explanation = "文件无法解码：不是 UTF-8、GB18030 或 UTF-16 文本，也不是可读取的 DOCX、PDF、HTML 文档。"
    category = "input"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Produced by gplint.engine before any rule runs; this class documents the code.
        return ()
