"""Blind bench variants: web pages as the text extractors of crawlers and researchers turn
them into text (``bench/unseen.py`` scores them like every other variant).

Three pages of each report: html-cms's CMS page, html-word's "save as web page" from Word
and LibreOffice's web page of the Word document (lo-html). Each is passed through:

- BeautifulSoup's ``get_text()`` with no separator, with ``"\\n"`` and with ``" "``
  (``strip=True``): the commonest crawler code;
- html2text, markdownify, trafilatura (``include_tables=True``) and inscriptis;
- the text browsers w3m and lynx (``-dump``), which draw tables as aligned columns.

A variant is skipped when its extractor (a Python package or a program on PATH) or its
page's tool (``soffice`` for lo-html) is missing: none of them is a gplint dependency.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Callable, Optional

#: The pages (the variant of bench/unseen_inputs that makes each).
PAGES = ("html-cms", "html-word", "lo-html")


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

#: The variants: "<extractor>-<page>".
EXTRACTED_VARIANTS = {f"{name}-{page}": f"{page}'s page as {what} writes it"
                      for name, (what, _make) in EXTRACTORS.items() for page in PAGES}


def _split(variant: str) -> tuple[str, str]:
    for page in PAGES:
        if variant.endswith("-" + page):
            return variant[:-len(page) - 1], page
    raise KeyError(variant)


def extracted_text(reports: dict, folder: Path, variant: str) -> dict[str, Path]:
    """The variant's pages as its extractor writes them; {} when a tool is missing."""
    from unseen_inputs import render_html, render_office

    name, page = _split(variant)
    extract = EXTRACTORS[name][1]()
    if extract is None:
        return {}
    if page == "lo-html":
        pages = {report: path.read_text(encoding="utf-8", errors="replace")
                 for report, path in render_office(reports, folder / "_pages", page).items()}
        shutil.rmtree(folder / "_pages", ignore_errors=True)
    else:
        pages = {report: render_html(d, word=page == "html-word") for report, d in reports.items()}
    made = {}
    for report, html in pages.items():
        path = folder / f"{report}.txt"
        path.write_text(extract(html), encoding="utf-8")
        made[report] = path
    return made
