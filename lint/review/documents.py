"""Building :class:`~gplint.review.view.DocumentView` s: from bytes (an upload, linted
here) or from a finished lint result (the review report, which reads the file again for the
text its line numbers refer to)."""
from __future__ import annotations

import os
from typing import Optional

from ..engine import (E_UNDECODABLE, E_UNREADABLE, FileResult, LintOptions, input_diagnostic, lint_source,
                      read_source, source_from_bytes)
from ..plugins import Registry
from ..sources import InputError, Source
from .view import DocumentView, build_view


#: Document types no reader handles, and what to do with them (unless a plugin reads them).
UNREAD_TYPES = {
    ".doc": "旧版 Word 文档 (.doc) 无法直接读取：请在 Word 或 WPS 中“另存为” DOCX 后再检查",
    ".wps": "WPS 文字文档 (.wps) 无法直接读取：请在 WPS 中“另存为” DOCX 后再检查",
    ".ofd": "OFD 版式文件无法直接读取：请用原文档（DOCX）检查，或导出为 PDF 后再检查",
}


def view_of_bytes(data: bytes, name: str, registry: Registry, options: LintOptions) -> DocumentView:
    """Read, lint and view one document given as bytes (its reader chosen by ``name``)."""
    ext = os.path.splitext(name)[1].lower()
    if ext in UNREAD_TYPES and ext not in registry.readers:
        msg = UNREAD_TYPES[ext]
        return build_view(name, "", [input_diagnostic(E_UNREADABLE, f"无法读取 ({msg})", name)], None, error=msg)
    if len(data) > options.max_bytes:
        msg = f"文件过大 (file too large: {len(data) / 1048576:.1f} MB)"
        return build_view(name, "", [input_diagnostic(E_UNREADABLE, f"无法读取 ({msg})", name)], None, error=msg)
    try:
        source = source_from_bytes(data, name, registry)
    except InputError as exc:
        code = E_UNDECODABLE if ("decode" in str(exc) or "binary" in str(exc)) else E_UNREADABLE
        return build_view(name, "", [input_diagnostic(code, f"无法读取 ({exc})", name)], None, error=str(exc))
    return view_of_source(source, name, registry, options)


def view_of_source(source: Source, name: str, registry: Registry, options: LintOptions) -> DocumentView:
    result = lint_source(Source(name, source.text, source.encoding), registry, options)
    return build_view(name, source.text, result.diagnostics, result.report, error=result.error)


def view_of_result(result: FileResult, registry: Registry, year: Optional[int] = None) -> DocumentView:
    """The view of a file a run has linted: its text read again as the run read it, the
    title and sections parsed again (the run does not keep its models, so that memory stays
    flat), the run's own findings."""
    from ..reader import parse

    text, report = "", None
    if result.path and result.path != "-":
        try:
            text = read_source(result.path, registry).text
        except (InputError, OSError):
            text = ""
    if text and result.error is None:
        try:
            report = parse(text, path=result.path, year=year)
        except Exception:  # noqa: BLE001 - the findings are shown even when the title is not
            report = None
    return build_view(result.path, text, result.diagnostics, report, error=result.error)
