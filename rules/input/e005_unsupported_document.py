"""E005: unsupported-document (reported by the document readers, documented here)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report


class UnsupportedDocument(Rule):
    """What it checks
        The file is a Word 97-2003 document (``.doc``), a WPS Office document (``.wps``),
        an OFD document (``.ofd``, 版式文档), an RTF document (``.rtf``) or an OpenDocument
        text (``.odt``): formats gplint cannot read text from. The finding says how to
        convert the file.

    Why
        Reports are often kept in these formats, and a folder walk that passed over them
        in silence ("0 file(s)", exit 0) would let a review batch or a pre-commit gate
        pass reports nobody checked. Saving the file as DOCX (Word or WPS: 文件 → 另存为 →
        .docx) or PDF (OFD readers such as 数科 OFD: 导出为 PDF) lets gplint read it. A
        ``.doc``, ``.wps``, ``.rtf`` or ``.odt`` file that is really a DOCX, an HTML page
        or plain text inside (as some systems save them) is read as what it is, without
        this finding.
    """

    code = "E005"
    name = "unsupported-document"
    explanation = "gplint 不能直接读取 .doc、.wps、.ofd、.rtf 或 .odt 文件：请用 Word、WPS 或 OFD 阅读器另存为 .docx 或 PDF 后再检查。"
    category = "input"
    severity = "error"
    profiles = ("default", "strict")
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Produced by gplint.engine from the reader's error; this class documents the code.
        return ()
