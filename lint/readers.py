"""Document readers for PDF, DOCX and HTML, registered through ``gplint_readers``.

Each turns a file's bytes into the same :class:`~gplint.sources.Source` as a text file; line
numbers then refer to that text, which ``gplint extract FILE`` prints.

- DOCX (and WPS files saved as DOCX): paragraphs one a line; each table row one line with
  its cells separated by tabs (a merged cell repeated as empty cells), the layout Word's
  own "save as text" produces; a table whose cells hold tables is read cell by cell, the
  tables inside in their turn; a text box's paragraphs and tables follow the paragraph
  that anchors it (once: not again from its fallback copy). Standard library only (zipfile + ElementTree), with bounded
  decompression.
- HTML (saved or crawled web pages), in its declared encoding: block elements end lines;
  a table of figures has its rows as tab separated lines; a table that lays out the page
  (the usual CMS page) has its cells' content written out as the page, the tables inside
  read in their turn; scripts, styles and comments are dropped (gplint.html_text).
  Standard library only.
- PDF: the text pdfminer.six extracts with its default options (tables come out column by
  column, which the builder reads). pdfminer.six is an optional extra: ``pip install
  'gplint[pdf]'``.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING, Optional

from .hookspecs import hookimpl
from .sources import InputError, Source, decode, normalise_newlines

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

# zipfile, ElementTree and html.parser are imported by the reader that needs them: most runs
# read only text files, and together they cost a tenth of gplint's start-up.

#: Refuse to decompress more than this from one document (zip bombs).
MAX_UNCOMPRESSED = 64 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# --------------------------------------------------------------------------- DOCX
def read_docx(data: bytes, path: Optional[str] = None) -> Source:
    import zipfile
    from xml.etree import ElementTree as ET

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("not a valid DOCX file (not a zip archive)") from None
    try:
        info = zf.getinfo("word/document.xml")
    except KeyError:
        raise InputError("not a DOCX file (no word/document.xml)") from None
    if info.file_size > MAX_UNCOMPRESSED:
        raise InputError(f"DOCX body too large when decompressed ({info.file_size} bytes)")
    try:
        with zf.open(info) as fh:
            xml = fh.read(MAX_UNCOMPRESSED + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise InputError(f"damaged DOCX file ({exc})") from None
    if len(xml) > MAX_UNCOMPRESSED:
        raise InputError("DOCX body too large when decompressed")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError(f"damaged DOCX file (document.xml: {exc})") from None
    body = root.find(f"{_W}body")
    lines: list[str] = []
    if body is not None:
        for child in body:
            _docx_block(child, lines)
    return Source(path, normalise_newlines("\n".join(lines)), "docx")


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Where a paragraph's text is not its own: a text box's content (read as blocks of their
#: own after the paragraph), the fallback copy of an alternate content (the same text
#: again, for older readers), deleted text.
_NOT_INLINE = {f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}del"}


def _docx_text(elem: Element) -> str:
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node:
            tag = child.tag
            if tag in _NOT_INLINE:
                continue
            if tag == f"{_W}t":
                if child.text:
                    parts.append(child.text)
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                parts.append(" ")
            else:
                walk(child)

    walk(elem)
    return "".join(parts)


def _text_boxes(elem: Element) -> list[Element]:
    """The text boxes anchored in a paragraph, each once (not its fallback copy)."""
    found: list[Element] = []

    def walk(node: Element) -> None:
        for child in node:
            if child.tag == f"{_MC}Fallback":
                continue
            if child.tag == f"{_W}txbxContent":
                found.append(child)
            else:
                walk(child)

    walk(elem)
    return found


def _docx_block(elem: Element, lines: list[str], depth: int = 0) -> None:
    if depth > 32:  # nesting no document has; a crafted one must not exhaust the stack
        return
    if elem.tag == f"{_W}p":
        lines.append(_docx_text(elem))
        for box in _text_boxes(elem):
            for child in box:
                _docx_block(child, lines, depth + 1)
    elif elem.tag == f"{_W}tbl":
        if any(True for _ in elem.iterfind(f"{_W}tr/{_W}tc/{_W}tbl")):
            _docx_layout_table(elem, lines, depth)
            return
        for row in elem.findall(f"{_W}tr"):
            cells: list[str] = []
            for cell in row.findall(f"{_W}tc"):
                props = cell.find(f"{_W}tcPr")
                span = 1
                if props is not None:
                    gs = props.find(f"{_W}gridSpan")
                    if gs is not None:
                        try:
                            span = max(1, min(64, int(gs.get(f"{_W}val", "1"))))
                        except ValueError:
                            span = 1
                text = " ".join(_docx_text(p) for p in cell.findall(f"{_W}p")).strip()
                cells.append(text.replace("\t", " "))
                cells.extend([""] * (span - 1))
            lines.append("\t".join(cells))
    elif elem.tag in (f"{_W}sdt", f"{_W}customXml"):
        content = elem.find(f"{_W}sdtContent") if elem.tag == f"{_W}sdt" else elem
        if content is not None:
            for child in content:
                _docx_block(child, lines, depth + 1)


def _docx_layout_table(table: Element, lines: list[str], depth: int) -> None:
    """A table whose cells hold tables (table 四 set inside a frame table, a whole report
    laid out in one big cell): each cell's paragraphs and tables are read as blocks."""
    for row in table.findall(f"{_W}tr"):
        for cell in row.findall(f"{_W}tc"):
            for child in cell:
                _docx_block(child, lines, depth + 1)


# --------------------------------------------------------------------------- HTML
def read_html(data: bytes, path: Optional[str] = None) -> Source:
    from .html_text import html_lines

    text = _decode_html(data, path)
    try:
        lines = html_lines(text)
    except Exception as exc:  # noqa: BLE001 - html.parser is lenient; be safe anyway
        raise InputError(f"cannot read HTML ({type(exc).__name__}: {exc})") from None
    return Source(path, "\n".join(lines), "html")


_CHARSET = None


def _declared_charset(head: bytes) -> Optional[str]:
    """The encoding a page declares (``<meta charset>``, ``http-equiv`` content), as a
    Python codec; GB2312 and GBK are read as GB18030, their superset, as browsers do."""
    import codecs
    import re

    global _CHARSET
    if _CHARSET is None:
        _CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
    m = _CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"):
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_html(data: bytes, path: Optional[str]) -> str:
    """A page's text: a BOM wins, then the declared charset, then gplint's text decoding."""
    import codecs

    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _declared_charset(data[:4096])
        if declared and not declared.startswith("utf-16"):
            try:
                return normalise_newlines(data.decode(declared))
            except UnicodeDecodeError:
                pass  # a page that lies about its encoding: decode it as text files are
    return decode(data, path).text


# --------------------------------------------------------------------------- PDF
def read_pdf(data: bytes, path: Optional[str] = None) -> Source:
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        raise InputError("PDF needs the optional extra: pip install 'gplint[pdf]' (pdfminer.six)") from None
    try:
        text = extract_text(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged files
        raise InputError(f"cannot read PDF ({type(exc).__name__}: {exc})") from None
    if not text.strip():
        raise InputError("PDF has no text layer (a scan? run OCR first)")
    return Source(path, normalise_newlines(text), "pdf")


@hookimpl
def gplint_readers():
    return {".docx": read_docx, ".html": read_html, ".htm": read_html, ".pdf": read_pdf}
