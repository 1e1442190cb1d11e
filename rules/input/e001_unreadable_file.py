"""E001: unreadable-file (reported by the engine, documented here)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report


class UnreadableFile(Rule):
    """What it checks
        The file cannot be read at all

    Why
         it does not exist, is a directory, or access is denied; it is larger than
         ``--max-size`` or has more lines than any report; or it is a document gplint must
         not or cannot open: damaged, encrypted with a password to open it (or another
         encryption than the standard one), or past a bound set against decompression
         bombs (a PDF's streams, objects a page or memory; a DOCX's parts or text). The
         message says which. The engine reports it on line 1 and goes on with the other
         files.:DESIGN.md §6 (bad input): every input is untrusted and the worst it may
         cause is a clear diagnostic naming the file; a file that cannot be read is a
         finding (exit 1), not a crash.
    """

    code = "E001"
    name = "unreadable-file"
    explanation = "文件无法读取：不存在、是目录、无权限、过大，文档已损坏或加密，或超出防解压炸弹的上限。"
    category = "input"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Produced by gplint.engine before any rule runs; this class documents the code.
        return ()
