"""Document readers for PDF, DOCX and HTML, registered through ``gplint_readers``.

Each turns a file's bytes into the same :class:`~gplint.sources.Source` as a text file; line
numbers then refer to that text, which ``gplint extract FILE`` prints.

- DOCX (and WPS files saved as DOCX): paragraphs one a line; each table row one line with
  its cells separated by tabs (a merged cell repeated as empty cells), the layout Word's
  own "save as text" produces; layout tables, tables inside cells and text boxes read as
  blocks (:mod:`gplint.docx_body`). Standard library only (zipfile, expat and ElementTree),
  bounded: the XML is parsed once, streamed through expat (:mod:`gplint.docx_text`: bounds
  on decompression, text and nesting, no DTD), which builds a tree of the body pruned of
  its markup as it goes; a body too large or too deep for that tree is read from the
  stream's lines alone.
- HTML (saved or crawled web pages): parsed by lxml; block elements end lines; a data
  table's rows become tab separated lines, a layout table's cells are read as blocks
  (tables inside tables); scripts, styles and comments are dropped (:mod:`gplint.html_text`).
- PDF: the text layer, through one of two backends (``pip install 'gplint[pdf]'``):
  ``pdfium`` (pypdfium2, the PDF engine of Chrome: ≈ 7 times faster) or ``pdfminer``
  (pdfminer.six). Each gives the page's glyphs and rules; :mod:`gplint.pdf_layout` lays
  them out (ruled cells, spaced columns, wrapped prose, running headers), so both give the
  same text. ``GPLINT_PDF_BACKEND`` (``pdfium`` or ``pdfminer``) chooses; unset, pdfium is
  used when installed. Line numbers refer to that text (``gplint extract FILE`` prints
  it). Both are bounded (pages, characters, what streams inflate to: :mod:`gplint.pdf_text`,
  :mod:`gplint.pdf_bounds`).
"""
from __future__ import annotations

from typing import Optional

from .docx_text import MAX_UNCOMPRESSED, docx_scan, docx_text  # noqa: F401 - the DOCX reader's bound
from .hookspecs import hookimpl
from .sources import InputError, Source, normalise_newlines

# zipfile, ElementTree and lxml are imported by the reader that needs them: most runs
# read only text files, and together they cost a tenth of gplint's start-up.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: A body whose pruned tree (:class:`gplint.docx_text._BodyTree`: paragraphs, runs, text,
#: tables) would keep more elements than this is read from the streaming lines alone (an
#: element takes 100-250 bytes: 60 MB of empty runs took 805 MB as a whole tree); a report
#: keeps a few thousand.
MAX_TREE_ELEMENTS = 200_000
#: Nor one nested deeper (the tree is walked recursively; Word nests a few dozen levels).
MAX_TREE_DEPTH = 200


# --------------------------------------------------------------------------- DOCX
def read_docx(data: bytes, path: Optional[str] = None) -> Source:
    # One parse, bounded (raises on a hostile or damaged file): the streaming lines and the
    # pruned tree of the body, unless that keeps too many elements or nests too deep.
    text, _elements, deepest, root = docx_scan(data, tree_elements=MAX_TREE_ELEMENTS)
    if root is None or deepest > MAX_TREE_DEPTH:
        # (Markup far beyond any report's: the streaming reader's lines, in little memory.)
        return Source(path, normalise_newlines(text), "docx")
    from .docx_body import body_lines

    body = root.find(f"{_W}body")
    lines = body_lines(body) if body is not None else []
    return Source(path, normalise_newlines("\n".join(lines)), "docx")


# --------------------------------------------------------------------------- HTML
def read_html(data: bytes, path: Optional[str] = None) -> Source:
    from .html_text import decode_html, html_lines

    text = decode_html(data, path)
    lines = html_lines(text)
    if not any(line.strip() for line in lines):
        _refuse_unclosed_script(text)
    return Source(path, "\n".join(lines), "html")


def _refuse_unclosed_script(text: str) -> None:
    """A page with no text whose last ``<script>`` never ends: say so (its text is in the
    script, as a browser reads it), not "empty file"."""
    lower = text.lower()
    at = lower.rfind("<script")
    if at >= 0 and lower.find("</script", at) < 0:
        raise InputError("HTML page with no text outside a <script> that is never closed")


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
        import pdfminer  # noqa: F401
    except ImportError:
        raise InputError("the pdfminer PDF backend needs pdfminer.six: pip install 'gplint[pdfminer]'") from None
    from .pdf_text import pdf_text

    return _pdf_source(pdf_text(data), path)  # bounded: see gplint.pdf_text


def read_pdf_pdfium(data: bytes, path: Optional[str] = None) -> Source:
    """Each page's text as PDFium gives it; pages start with a form feed after the first, as
    pdfminer's do (a form feed is not a line end: line numbers are unchanged by it). Bounded
    as the pdfminer backend is in pages and characters a page (:mod:`gplint.pdf_text`);
    PDFium decompresses a page's streams itself, one page at a time."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError("PDF needs the optional extra: pip install 'gplint[pdf]' (pypdfium2)") from None
    from .pdf_bounds import check_streams
    from .pdf_layout import Page, document_text, page_lines
    from .pdf_pdfium import page_glyphs, page_rules
    from .pdf_text import MAX_PAGE_CHARS, MAX_PAGES, budget_for

    check_streams(data, budget_for(len(data)))  # PDFium's own inflation has no bound
    pages = []
    try:
        document = pdfium.PdfDocument(data)
        try:
            if len(document) > MAX_PAGES:
                raise _PdfBound(f"PDF of more than {MAX_PAGES} pages")
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                try:
                    count = textpage.count_chars()
                    if count > MAX_PAGE_CHARS:
                        raise _PdfBound(f"a PDF page with more than {MAX_PAGE_CHARS} characters")
                    pages.append(page_lines(Page(page_glyphs(textpage, count), page_rules(page), page.get_height())))
                finally:
                    textpage.close()
                    page.close()
        finally:
            document.close()
    except _PdfBound as exc:
        raise InputError(f"{exc} (a limit of gplint's: not a report)") from None
    except Exception as exc:  # noqa: BLE001 - PdfiumError and whatever a damaged file raises
        if "password" in str(exc).lower():  # (gplint.pdf_crypt says so first for the standard handler)
            raise InputError("encrypted PDF: PDFium cannot open it without a password") from None
        raise InputError(f"cannot read PDF ({type(exc).__name__}: {exc})") from None
    return _pdf_source(document_text(pages), path)


class _PdfBound(Exception):
    pass


def _pdf_source(text: str, path: Optional[str]) -> Source:
    if not text.strip():
        raise InputError("PDF has no text layer (a scan? run OCR first)")
    return Source(path, normalise_newlines(text), "pdf")


PDF_BACKENDS = {"pdfium": read_pdf_pdfium, "pdfminer": read_pdf_pdfminer}


@hookimpl
def gplint_readers():
    from .legacy_formats import READERS as UNSUPPORTED  # .doc/.wps/.ofd: E005 saying how to convert

    return {".docx": read_docx, ".html": read_html, ".htm": read_html, ".pdf": read_pdf, **UNSUPPORTED}
