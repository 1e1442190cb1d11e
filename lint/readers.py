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
#: keeps a few thousand. (So is one nested deeper than gplint.docx_text.MAX_TREE_DEPTH.)
MAX_TREE_ELEMENTS = 200_000


# --------------------------------------------------------------------------- DOCX
def read_docx(data: bytes, path: Optional[str] = None) -> Source:
    # One parse, bounded (raises on a hostile or damaged file): the streaming lines and the
    # body read block by block (gplint.docx_body), unless its tree keeps too many elements
    # or nests too deep.
    text, _elements, _deepest, body_lines = docx_scan(data, tree_elements=MAX_TREE_ELEMENTS)
    if body_lines is None:
        # (Markup far beyond any report's: the streaming reader's lines, in little memory.)
        return Source(path, normalise_newlines(text), "docx")
    return Source(path, normalise_newlines("\n".join(body_lines)), "docx")


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
    """pdfminer's glyphs and rules laid out by gplint, within the bounds of
    :mod:`gplint.pdf_text`, in a child process of bounded memory (:mod:`gplint.pdf_memory`)."""
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        raise InputError("the pdfminer PDF backend needs pdfminer.six: pip install 'gplint[pdfminer]'") from None
    from .pdf_memory import memory_for, within_memory
    from .pdf_text import pdf_text

    return _pdf_source(within_memory(lambda: pdf_text(data), memory_for(len(data))), path)


def read_pdf_pdfium(data: bytes, path: Optional[str] = None) -> Source:
    """Each page's text as PDFium gives it; pages start with a form feed after the first, as
    pdfminer's do (a form feed is not a line end: line numbers are unchanged by it). The
    streams are measured before PDFium gets the file (:mod:`gplint.pdf_bounds`: its own
    inflation has no bound); then, as the pdfminer backend, bounded in pages, characters
    and objects a page (:mod:`gplint.pdf_text`) and read in a child process of bounded
    memory (:mod:`gplint.pdf_memory`)."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        raise InputError("PDF needs the optional extra: pip install 'gplint[pdf]' (pypdfium2)") from None
    from .pdf_bounds import check_streams
    from .pdf_memory import memory_for, within_memory
    from .pdf_pdfium import pdfium_text
    from .pdf_text import budget_for

    check_streams(data, budget_for(len(data)))
    return _pdf_source(within_memory(lambda: pdfium_text(data), memory_for(len(data))), path)


def _pdf_source(text: str, path: Optional[str]) -> Source:
    if not text.strip():
        raise InputError("PDF has no text layer (a scan? run OCR first)")
    return Source(path, normalise_newlines(text), "pdf")


PDF_BACKENDS = {"pdfium": read_pdf_pdfium, "pdfminer": read_pdf_pdfminer}


@hookimpl
def gplint_readers():
    from .legacy_formats import READERS as UNSUPPORTED  # .doc/.wps/.ofd: E005 saying how to convert

    return {".docx": read_docx, ".html": read_html, ".htm": read_html, ".pdf": read_pdf, **UNSUPPORTED}
