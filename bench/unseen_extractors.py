"""Blind bench variants: web pages as the text extractors of crawlers and researchers turn
them into text (``bench/unseen.py`` scores them like every other variant).

Four pages of each report: html-cms's CMS page, html-word's "save as web page" from Word,
LibreOffice's web page of the Word document (lo-html) and fmt2019-html's page of the 2019
试行 format (its table 二 a <table> a block, its signed 本年增/减). Each is passed through:

- BeautifulSoup's ``get_text()`` with no separator, with ``"\\n"`` and with ``" "``
  (``strip=True``): the commonest crawler code;
- html2text, markdownify, trafilatura (``include_tables=True``) and inscriptis;
- the text browsers w3m and lynx (``-dump``), which draw tables as aligned columns.

And five PDFs of each report (LibreOffice's of the ruled Word document, lo-pdf, and of the
one whose table 三 adds a 小计 column, lo-subtotal-pdf; Chromium's prints of the CMS page,
chrome-pdf-cms, and of a page of <div> cells, chrome-pdf-div; reportlab's ruled grid,
pdf-grid) through the PDF
text extractors of Python pipelines: pdfminer.six's ``extract_text`` (its default layout
analysis), PyMuPDF's ``get_text()`` as stored and sorted, pymupdf4llm's markdown, pypdf's
``extract_text()`` plain and in layout mode, pdfplumber's ``extract_text()`` plain and with
``layout=True``. And two more PDFs through one extractor each (:data:`MORE_PDF_VARIANTS`):
pymupdf4llm of LibreOffice's plain PDF (lo-plain-pdf), pdfminer.six of reportlab's 小计 PDF
(pdf-subtotal).

And docx-merged's Word documents through docx2txt and mammoth's markdown (how Python
pipelines read .docx attachments).

A variant is skipped when its extractor (a Python package or a program on PATH) or its
page's tool (``soffice`` for lo-html) is missing: none of them is a gplint dependency.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Callable, Optional

#: The pages (the variant of bench/unseen_inputs that makes each).
PAGES = ("html-cms", "html-word", "lo-html", "fmt2019-html")
#: The PDFs (likewise): LibreOffice's of the ruled Word document and of the one whose
#: table 三 adds a 小计 column, Chromium's prints of the CMS page and of a page of <div>
#: cells, reportlab's ruled grid.
PDFS = ("lo-pdf", "lo-subtotal-pdf", "chrome-pdf-cms", "chrome-pdf-div", "pdf-grid")


def _bs4(separator: Optional[str]) -> Optional[Callable[[str], str]]:
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        return None
    if separator is None:
        return lambda page: BeautifulSoup(page, "html.parser").get_text()
    return lambda page: BeautifulSoup(page, "html.parser").get_text(separator, strip=separator == " ")


def _html2text() -> Optional[Callable[[str], str]]:
    try:
        import html2text
    except ImportError:
        return None

    def convert(page: str) -> str:
        converter = html2text.HTML2Text()
        converter.body_width = 0  # no rewrapping of long lines
        return converter.handle(page)
    return convert


def _markdownify() -> Optional[Callable[[str], str]]:
    try:
        from markdownify import markdownify
    except ImportError:
        return None
    return markdownify


def _trafilatura() -> Optional[Callable[[str], str]]:
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda page: trafilatura.extract(page, include_tables=True, favor_recall=True) or ""


def _inscriptis() -> Optional[Callable[[str], str]]:
    try:
        from inscriptis import get_text
    except ImportError:
        return None
    return get_text


def _program(*command: str) -> Optional[Callable[[str], str]]:
    if shutil.which(command[0]) is None:
        return None

    def run(page: str) -> str:
        done = subprocess.run(list(command), input=page.encode("utf-8"), capture_output=True, timeout=120)
        return done.stdout.decode("utf-8", "replace")
    return run


#: name: (what it is, a function that makes the extractor or None when it is missing).
EXTRACTORS: dict[str, tuple[str, Callable[[], Optional[Callable[[str], str]]]]] = {
    "bs4-text": ("BeautifulSoup get_text()", lambda: _bs4(None)),
    "bs4-lines": ("BeautifulSoup get_text('\\n')", lambda: _bs4("\n")),
    "bs4-spaces": ("BeautifulSoup get_text(' ', strip=True): the page on one line", lambda: _bs4(" ")),
    "html2text": ("html2text's markdown", _html2text),
    "markdownify": ("markdownify's markdown", _markdownify),
    "trafilatura": ("trafilatura's text (include_tables=True)", _trafilatura),
    "inscriptis": ("inscriptis's text (tables drawn in columns)", _inscriptis),
    "w3m": ("w3m -dump (tables drawn with box characters)",
            lambda: _program("w3m", "-dump", "-T", "text/html", "-cols", "200", "-I", "UTF-8", "-O", "UTF-8")),
    "lynx": ("lynx -dump (tables in columns, labels wrapped)",
             lambda: _program("lynx", "-dump", "-stdin", "-width=200", "-nolist", "-assume_charset=utf-8",
                              "-display_charset=utf-8")),
}

def _pdfminer() -> Optional[Callable[[Path], str]]:
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return None
    return lambda pdf: extract_text(str(pdf))


def _pymupdf(sort: bool) -> Optional[Callable[[Path], str]]:
    try:
        import pymupdf
    except ImportError:
        return None

    def extract(pdf: Path) -> str:
        with pymupdf.open(pdf) as doc:
            return "\n".join(page.get_text(sort=sort) for page in doc)
    return extract


def _pymupdf4llm() -> Optional[Callable[[Path], str]]:
    try:
        import pymupdf4llm
    except ImportError:
        return None
    return lambda pdf: pymupdf4llm.to_markdown(str(pdf))


def _pypdf(layout: bool) -> Optional[Callable[[Path], str]]:
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    mode = {"extraction_mode": "layout"} if layout else {}
    return lambda pdf: "\n".join(page.extract_text(**mode) or "" for page in PdfReader(str(pdf)).pages)


def _pdfplumber(layout: bool) -> Optional[Callable[[Path], str]]:
    try:
        import pdfplumber
    except ImportError:
        return None

    def extract(pdf: Path) -> str:
        with pdfplumber.open(str(pdf)) as doc:
            return "\n".join(page.extract_text(layout=layout) or "" for page in doc.pages)
    return extract


#: name: (what it is, a function that makes the extractor of a PDF file or None).
PDF_EXTRACTORS: dict[str, tuple[str, Callable[[], Optional[Callable[[Path], str]]]]] = {
    "pdfminer-text": ("pdfminer.six's extract_text", _pdfminer),
    "pymupdf-text": ("PyMuPDF's get_text()", lambda: _pymupdf(False)),
    "pymupdf-sorted": ("PyMuPDF's get_text(sort=True)", lambda: _pymupdf(True)),
    "pymupdf4llm": ("pymupdf4llm's markdown", _pymupdf4llm),
    "pypdf-text": ("pypdf's extract_text()", lambda: _pypdf(False)),
    "pypdf-layout": ("pypdf's extract_text(extraction_mode='layout')", lambda: _pypdf(True)),
    "pdfplumber-text": ("pdfplumber's extract_text()", lambda: _pdfplumber(False)),
    "pdfplumber-layout": ("pdfplumber's extract_text(layout=True)", lambda: _pdfplumber(True)),
}

def _docx2txt() -> Optional[Callable[[Path], str]]:
    try:
        import docx2txt
    except ImportError:
        return None
    return lambda docx: docx2txt.process(str(docx))


def _mammoth_markdown() -> Optional[Callable[[Path], str]]:
    try:
        import mammoth
    except ImportError:
        return None

    def convert(docx: Path) -> str:
        with open(docx, "rb") as fh:
            return mammoth.convert_to_markdown(fh).value
    return convert


#: name: (what it is, a function that makes the extractor of a .docx file or None).
DOCX_EXTRACTORS: dict[str, tuple[str, Callable[[], Optional[Callable[[Path], str]]]]] = {
    "docx2txt": ("docx2txt", _docx2txt),
    "mammoth-md": ("mammoth's markdown", _mammoth_markdown),
}

#: Two more PDFs, each through the extractor that misread it (the tenth session's sweep):
#: pymupdf4llm's markdown of LibreOffice's plain PDF (a narrow label column cut in pieces
#: of two characters, rows run on into a paragraph, headings stacked in cells) and
#: pdfminer.six's text of reportlab's 小计 PDF (the 总计 column's box after the others').
MORE_PDF_VARIANTS = (("pymupdf4llm", "lo-plain-pdf"), ("pdfminer-text", "pdf-subtotal"))

#: The variants: "<extractor>-<page>".
EXTRACTED_VARIANTS = {f"{name}-{page}": f"{page}'s page as {what} writes it"
                      for name, (what, _make) in EXTRACTORS.items() for page in PAGES}
EXTRACTED_VARIANTS.update({f"{name}-{pdf}": f"{pdf}'s PDF as {what} writes its text"
                           for name, (what, _make) in PDF_EXTRACTORS.items() for pdf in PDFS})
EXTRACTED_VARIANTS.update({f"{name}-{pdf}": f"{pdf}'s PDF as {PDF_EXTRACTORS[name][0]} writes its text"
                           for name, pdf in MORE_PDF_VARIANTS})
EXTRACTED_VARIANTS.update({f"{name}-docx-merged": f"docx-merged's Word document as {what} writes its text"
                           for name, (what, _make) in DOCX_EXTRACTORS.items()})


def _split(variant: str) -> tuple[str, str]:
    for page in PDFS + tuple(pdf for _name, pdf in MORE_PDF_VARIANTS) + PAGES:
        if variant.endswith("-" + page):
            return variant[:-len(page) - 1], page
    raise KeyError(variant)


def extracted_text(reports: dict, folder: Path, variant: str) -> dict[str, Path]:
    """The variant's pages as its extractor writes them; {} when a tool is missing."""
    if variant.endswith("-docx-merged"):
        return _docx_text(reports, folder, variant[:-len("-docx-merged")])
    name, page = _split(variant)
    if page not in PAGES:
        return _pdf_text(reports, folder, name, page)
    from unseen_inputs import as_2019, render_html, render_html_parts, render_office

    extract = EXTRACTORS[name][1]()
    if extract is None:
        return {}
    if page == "lo-html":
        pages = {report: path.read_text(encoding="utf-8", errors="replace")
                 for report, path in render_office(reports, folder / "_pages", page).items()}
        shutil.rmtree(folder / "_pages", ignore_errors=True)
    elif page == "fmt2019-html":
        pages = {report: render_html_parts(as_2019(d), True) for report, d in reports.items()}
    else:
        pages = {report: render_html(d, word=page == "html-word") for report, d in reports.items()}
    made = {}
    for report, html in pages.items():
        path = folder / f"{report}.txt"
        path.write_text(extract(html), encoding="utf-8")
        made[report] = path
    return made


def _pdf_text(reports: dict, folder: Path, name: str, source: str) -> dict[str, Path]:
    """The source variant's PDFs as ``name`` extracts their text; {} when a tool is missing."""
    from unseen_inputs import print_pages, render_office, render_pdf

    extract = PDF_EXTRACTORS[name][1]()
    if extract is None:
        return {}
    pdfs = folder / "_pdf"
    pdfs.mkdir(parents=True, exist_ok=True)
    if source.startswith("lo-"):
        made_pdfs = render_office(reports, pdfs, source)
    elif source.startswith("chrome-"):
        made_pdfs = print_pages(reports, pdfs, source)
    else:
        made_pdfs = {report: pdfs / f"{report}.pdf" for report, d in reports.items()
                     if render_pdf(d, pdfs / f"{report}.pdf", subtotal=source == "pdf-subtotal")}
    made = {}
    for report, pdf in made_pdfs.items():
        path = folder / f"{report}.txt"
        path.write_text(extract(pdf), encoding="utf-8")
        made[report] = path
    shutil.rmtree(pdfs, ignore_errors=True)
    return made


def _docx_text(reports: dict, folder: Path, name: str) -> dict[str, Path]:
    """docx-merged's documents as ``name`` extracts their text; {} when a tool is missing."""
    from unseen_inputs import render_docx

    extract = DOCX_EXTRACTORS[name][1]()
    if extract is None:
        return {}
    made = {}
    for report, d in reports.items():
        docx = folder / f"_{report}.docx"
        if not render_docx(d, docx):
            continue
        path = folder / f"{report}.txt"
        path.write_text(extract(docx), encoding="utf-8")
        docx.unlink()
        made[report] = path
    return made
