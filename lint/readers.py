"""Document readers for PDF, DOCX and HTML, registered through ``gplint_readers``.

Each turns a file's bytes into the same :class:`~gplint.sources.Source` as a text file; line
numbers then refer to that text, which ``gplint extract FILE`` prints.

- DOCX (and WPS files saved as DOCX): paragraphs one a line; each table row one line with
  its cells separated by tabs (a merged cell repeated as empty cells), the layout Word's
  own "save as text" produces; layout tables, tables inside cells and text boxes read as
  blocks (:mod:`gplint.docx_body`). Standard library only (zipfile + ElementTree), with
  bounded decompression.
- HTML (saved or crawled web pages): parsed by lxml; block elements end lines; a data
  table's rows become tab separated lines, a layout table's cells are read as blocks
  (tables inside tables); scripts, styles and comments are dropped (:mod:`gplint.html_text`).
- PDF: the text layer, through one of two backends (``pip install 'gplint[pdf]'``):
  ``pdfium`` (pypdfium2, the PDF engine of Chrome: ≈ 60 times faster; one table row a
  line, cells blank-separated) or ``pdfminer`` (pdfminer.six with its default options:
  tables column by column). The builder reads both layouts. ``GPLINT_PDF_BACKEND``
  (``pdfium`` or ``pdfminer``) chooses; unset, pdfium is used when installed. Line numbers
  refer to the text of the backend used (``gplint extract FILE`` prints it).
"""
from __future__ import annotations

import io
from typing import Optional

from .hookspecs import hookimpl
from .sources import InputError, Source, normalise_newlines

# zipfile, ElementTree and lxml are imported by the reader that needs them: most runs
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
    from .docx_body import body_lines

    body = root.find(f"{_W}body")
    lines = body_lines(body) if body is not None else []
    return Source(path, normalise_newlines("\n".join(lines)), "docx")


# --------------------------------------------------------------------------- HTML
def read_html(data: bytes, path: Optional[str] = None) -> Source:
    from .html_text import decode_html, html_lines

    return Source(path, "\n".join(html_lines(decode_html(data, path))), "html")


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
    from .legacy_formats import READERS as UNSUPPORTED  # .doc/.wps/.ofd: E005 saying how to convert

    return {".docx": read_docx, ".html": read_html, ".htm": read_html, ".pdf": read_pdf, **UNSUPPORTED}
