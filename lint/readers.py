"""Document readers for PDF, DOCX and HTML, registered through ``gplint_readers``.

Each turns a file's bytes into the same :class:`~gplint.sources.Source` as a text file; line
numbers then refer to that text, which ``gplint extract FILE`` prints.

- DOCX (and WPS files saved as DOCX): paragraphs one a line; each table row one line with
  its cells separated by tabs (a merged cell repeated as empty cells), the layout Word's
  own "save as text" produces. Standard library only (zipfile + expat, streaming: see
  :mod:`gplint.docx_text` for its bounds).
- HTML (saved or crawled web pages): block elements end lines; table rows become tab
  separated lines; scripts, styles and comments are dropped. Standard library only.
- PDF: the text pdfminer.six extracts with its default options (tables come out column by
  column, which the builder reads), within bounds on decompression, pages and characters
  (:mod:`gplint.pdf_text`). pdfminer.six is an optional extra: ``pip install
  'gplint[pdf]'``.
"""
from __future__ import annotations

from typing import Optional

from .docx_text import MAX_UNCOMPRESSED, docx_text  # noqa: F401 - the DOCX reader's bound
from .hookspecs import hookimpl
from .sources import InputError, Source, decode, normalise_newlines

# zipfile, expat and html.parser are imported by the reader that needs them: most runs
# read only text files, and together they cost a tenth of gplint's start-up.


# --------------------------------------------------------------------------- DOCX
def read_docx(data: bytes, path: Optional[str] = None) -> Source:
    return Source(path, normalise_newlines(docx_text(data)), "docx")


# --------------------------------------------------------------------------- HTML
def read_html(data: bytes, path: Optional[str] = None) -> Source:
    from .html_text import HTMLText

    text = _decode_html(data, path)
    parser = HTMLText()
    parser.feed_all(text)
    if parser.unclosed and not any(line.strip() for line in parser.lines):
        # (Not "empty file": the page has text, all of it inside what never ended.)
        raise InputError(f"HTML page with no text outside {parser.unclosed} that is never closed")
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
def read_pdf(data: bytes, path: Optional[str] = None) -> Source:
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        raise InputError("PDF needs the optional extra: pip install 'gplint[pdf]' (pdfminer.six)") from None
    from .pdf_text import pdf_text

    text = pdf_text(data)  # bounded: see gplint.pdf_text
    if not text.strip():
        raise InputError("PDF has no text layer (a scan? run OCR first)")
    return Source(path, normalise_newlines(text), "pdf")


@hookimpl
def gplint_readers():
    return {".docx": read_docx, ".html": read_html, ".htm": read_html, ".pdf": read_pdf}
