"""Readers for document formats gplint cannot read text from: ``.doc``, ``.wps``, ``.ofd``,
``.rtf``, ``.odt``.

A file of these kinds is not skipped on a folder walk: it gets an E005 naming the format
and how to convert it. Files saved under these names in another format (a ``.doc`` that is
really a DOCX, an HTML page or text, as some systems export them) are read as what they are.
"""
from __future__ import annotations

from typing import Optional

from .sources import InputError, Source, decode

E_UNSUPPORTED = ("E005", "unsupported-document")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 / WPS binary documents

_ADVICE = {
    ".doc": ("Word 97-2003 文档 (.doc)", "请用 Word 或 WPS 另存为 .docx（或 PDF）后再检查; "
             "or convert: libreoffice --headless --convert-to docx FILE"),
    ".wps": ("WPS 文字文档 (.wps)", "请用 WPS 另存为 .docx（或 PDF）后再检查; "
             "or convert: libreoffice --headless --convert-to docx FILE"),
    ".ofd": ("OFD 版式文档 (.ofd)", "请用 OFD 阅读器（如数科 OFD、福昕 OFD）导出为 PDF 或文本后再检查"),
    ".rtf": ("RTF 文档 (.rtf)", "请用 Word 或 WPS 另存为 .docx（或 PDF）后再检查; "
             "or convert: libreoffice --headless --convert-to docx FILE"),
    ".odt": ("OpenDocument 文本 (.odt)", "请用 WPS、Word 或 LibreOffice 另存为 .docx（或 PDF）后再检查; "
             "or convert: libreoffice --headless --convert-to docx FILE"),
}


class UnsupportedDocument(InputError):
    """A document format gplint has no reader for (E005)."""

    code = E_UNSUPPORTED


def _read_as_what_it_is(data: bytes, path: Optional[str]) -> Optional[Source]:
    if data.startswith(b"PK"):
        from .readers import read_docx

        try:
            return read_docx(data, path)
        except InputError:
            return None
    if data.startswith(_OLE2):
        return None
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        from .readers import read_html

        return read_html(data, path)
    if head.startswith(b"{\\rtf"):
        return None
    try:
        return decode(data, path)
    except InputError:
        return None


def _reader(ext: str):
    kind, advice = _ADVICE[ext]

    def read(data: bytes, path: Optional[str] = None) -> Source:
        if ext != ".ofd":
            source = _read_as_what_it_is(data, path)
            if source is not None:
                return source
        raise UnsupportedDocument(f"gplint 不能读取 {kind}：{advice} (unsupported document format)")

    read.__name__ = read.__qualname__ = f"read_{ext[1:]}"
    return read


read_doc = _reader(".doc")
read_wps = _reader(".wps")
read_ofd = _reader(".ofd")
read_rtf = _reader(".rtf")
read_odt = _reader(".odt")

READERS = {".doc": read_doc, ".wps": read_wps, ".ofd": read_ofd, ".rtf": read_rtf, ".odt": read_odt}
