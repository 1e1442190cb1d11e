"""Document readers for PDF, DOCX and HTML, registered through ``gplint_readers``.

Each turns a file's bytes into the same :class:`~gplint.sources.Source` as a text file; line
numbers then refer to that text, which ``gplint extract FILE`` prints.

- DOCX (and WPS files saved as DOCX): paragraphs one a line; each table row one line with
  its cells separated by tabs (a merged cell repeated as empty cells), the layout Word's
  own "save as text" produces. Standard library only (zipfile + ElementTree), with bounded
  decompression.
- HTML (saved or crawled web pages): block elements end lines; table rows become tab
  separated lines; scripts, styles and comments are dropped. Standard library only.
- PDF: the text layer, through one of two backends (``pip install 'gplint[pdf]'``):
  ``pdfium`` (pypdfium2, the PDF engine of Chrome: ≈ 60 times faster; one table row a
  line, cells blank-separated) or ``pdfminer`` (pdfminer.six with its default options:
  tables column by column). The builder reads both layouts. ``GPLINT_PDF_BACKEND``
  (``pdfium`` or ``pdfminer``) chooses; unset, pdfium is used when installed. Line numbers
  refer to the text of the backend used (``gplint extract FILE`` prints it).
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


def _docx_text(elem: Element) -> str:
    parts: list[str] = []
    for node in elem.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append(" ")
    return "".join(parts)


def _docx_block(elem: Element, lines: list[str]) -> None:
    if elem.tag == f"{_W}p":
        lines.append(_docx_text(elem))
    elif elem.tag == f"{_W}tbl":
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
    elif elem.tag == f"{_W}sdt":
        content = elem.find(f"{_W}sdtContent")
        if content is not None:
            for child in content:
                _docx_block(child, lines)


# --------------------------------------------------------------------------- HTML
def read_html(data: bytes, path: Optional[str] = None) -> Source:
    from .html_text import HTMLText

    text = _decode_html(data, path)
    parser = HTMLText()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - html.parser is lenient; be safe anyway
        raise InputError(f"cannot read HTML ({type(exc).__name__}: {exc})") from None
    parser._end_line()
    return Source(path, "\n".join(parser.lines), "html")


def _decode_html(data: bytes, path: Optional[str]) -> str:
    head = data[:2048].lower()
    for enc in ("gb2312", "gbk", "gb18030"):
        if f"charset={enc}".encode() in head or f'charset="{enc}"'.encode() in head:
            try:
                return data.decode("gb18030")
            except UnicodeDecodeError:
                break
    return decode(data, path).text


# --------------------------------------------------------------------------- PDF
#: Environment variable choosing the PDF backend (``pdfium`` or ``pdfminer``).
PDF_BACKEND_VARIABLE = "GPLINT_PDF_BACKEND"


def read_pdf(data: bytes, path: Optional[str] = None) -> Source:
    """A PDF's text through the chosen backend (see the module docstring)."""
    import os

    backend = os.environ.get(PDF_BACKEND_VARIABLE, "").strip().lower()
    if backend in ("", "auto"):
        try:
            import pypdfium2  # noqa: F401
        except ImportError:
            return read_pdf_pdfminer(data, path)
        return read_pdf_pdfium(data, path)
    if backend not in PDF_BACKENDS:
        raise InputError(f"unknown PDF backend {backend!r} in {PDF_BACKEND_VARIABLE} "
                         f"(known: {', '.join(sorted(PDF_BACKENDS))})")
    return PDF_BACKENDS[backend](data, path)


def read_pdf_pdfminer(data: bytes, path: Optional[str] = None) -> Source:
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        raise InputError("the pdfminer PDF backend needs pdfminer.six: pip install 'gplint[pdfminer]'") from None
    try:
        text = extract_text(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged files
        raise InputError(f"cannot read PDF ({type(exc).__name__}: {exc})") from None
    return _pdf_source(text, path)


def read_pdf_pdfium(data: bytes, path: Optional[str] = None) -> Source:
    """Each page's text as PDFium gives it; pages start with a form feed after the first, as
    pdfminer's do (a form feed is not a line end: line numbers are unchanged by it)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError("PDF needs the optional extra: pip install 'gplint[pdf]' (pypdfium2)") from None
    pages: list[str] = []
    try:
        document = pdfium.PdfDocument(data)
        try:
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            document.close()
    except Exception as exc:  # noqa: BLE001 - PdfiumError and whatever a damaged file raises
        raise InputError(f"cannot read PDF ({type(exc).__name__}: {exc})") from None
    return _pdf_source("\n\f".join(pages), path)


def _pdf_source(text: str, path: Optional[str]) -> Source:
    if not text.strip():
        raise InputError("PDF has no text layer (a scan? run OCR first)")
    return Source(path, normalise_newlines(text), "pdf")


PDF_BACKENDS = {"pdfium": read_pdf_pdfium, "pdfminer": read_pdf_pdfminer}


@hookimpl
def gplint_readers():
    return {".docx": read_docx, ".html": read_html, ".htm": read_html, ".pdf": read_pdf}
