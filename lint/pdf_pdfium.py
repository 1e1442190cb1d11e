"""The PDFium backend's glyphs and rules of a page (pypdfium2), for :mod:`gplint.pdf_layout`.

A glyph's box is PDFium's *loose* character box (the font's ascent to descent, the
advance), so that the characters of one line share a top and a bottom whatever their
shapes. Rules are the straight horizontal and vertical pieces of the page's path objects
(strokes and thin filled boxes alike: Word draws a border as a thin rectangle), inside
form XObjects too, mapped to page space through the objects' matrices.
"""
from __future__ import annotations

import ctypes
from typing import Any, Iterator

from .pdf_layout import Glyph, Rule, box_rules, rules_from_segment
from .sources import InputError

_MAX_FORM_DEPTH = 8
_MAX_PATH_SEGMENTS = 10_000  # a path of more segments is a drawing, not a table border


def page_glyphs(textpage: Any, count: int) -> list[Glyph]:
    import pypdfium2.raw as c

    text = textpage.get_text_range(0, count)
    raw = textpage.raw
    rect = c.FS_RECTF()
    box, generated, ref = c.FPDFText_GetLooseCharBox, c.FPDFText_IsGenerated, ctypes.byref(rect)
    glyphs: list[Glyph] = []
    if len(text) != count:  # characters outside the BMP: ask for each one
        text = "".join(chr(c.FPDFText_GetUnicode(raw, i) or 32) for i in range(count))
    for i, ch in enumerate(text):
        if ch.isspace():
            if ch in "\r\n" or generated(raw, i):
                continue  # a line end, or PDFium's guess of a word gap: gplint.pdf_layout measures gaps
        elif not ch.isprintable():
            continue
        if box(raw, i, ref):
            glyphs.append(Glyph(ch, rect.left, rect.bottom, rect.right, rect.top))
    return glyphs


def page_rules(page: Any) -> list[Rule]:
    import pypdfium2.raw as c

    rules: list[Rule] = []
    for obj, matrix in _paths(c, page.raw, c.FPDFPage_CountObjects, c.FPDFPage_GetObject, (1, 0, 0, 1, 0, 0), 0):
        rules.extend(_path_rules(c, obj, matrix))
    return rules


def _paths(c: Any, parent: Any, count: Any, get: Any, matrix: tuple, depth: int) -> Iterator[tuple[Any, tuple]]:
    fs = c.FS_MATRIX()
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = c.FPDFPageObj_GetType(obj)
        if kind not in (c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM) or not c.FPDFPageObj_GetMatrix(obj, fs):
            continue
        own = _compose((fs.a, fs.b, fs.c, fs.d, fs.e, fs.f), matrix)
        if kind == c.FPDF_PAGEOBJ_PATH:
            yield obj, own
        elif depth < _MAX_FORM_DEPTH:
            yield from _paths(c, obj, c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, own, depth + 1)


def _compose(m: tuple, n: tuple) -> tuple:
    """The matrix of ``m`` then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _path_rules(c: Any, obj: Any, m: tuple) -> list[Rule]:
    n = c.FPDFPath_CountSegments(obj)
    if n <= 0 or n > _MAX_PATH_SEGMENTS:
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for i in range(n):
        seg = c.FPDFPath_GetPathSegment(obj, i)
        if not c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px, py = x.value * m[0] + y.value * m[2] + m[4], x.value * m[1] + y.value * m[3] + m[5]
        points.append((px, py, c.FPDFPathSegment_GetType(seg), bool(c.FPDFPathSegment_GetClose(seg))))
    rules: list[Rule] = []
    start = prev = None
    for px, py, kind, close in points:
        if kind == c.FPDF_SEGMENT_MOVETO or prev is None:
            start = prev = (px, py)
            continue
        if kind == c.FPDF_SEGMENT_LINETO:
            rule = rules_from_segment(prev[0], prev[1], px, py)
            if rule is not None:
                rules.append(rule)
        prev = (px, py)
        if close and start is not None:
            rule = rules_from_segment(px, py, start[0], start[1])
            if rule is not None:
                rules.append(rule)
            prev = start
    if len(rules) == 4 and len(points) <= 5:  # a thin filled box is one rule, not two
        xs = [r.x0 for r in rules] + [r.x1 for r in rules]
        ys = [r.y0 for r in rules] + [r.y1 for r in rules]
        return box_rules(min(xs), min(ys), max(xs), max(ys))
    return rules


class _Bound(Exception):
    pass


def pdfium_text(data: bytes) -> str:
    """The document's text laid out by :mod:`gplint.pdf_layout` from PDFium's glyphs and
    rules, at most MAX_PAGES pages of at most MAX_PAGE_CHARS characters and
    MAX_PAGE_OBJECTS objects (:mod:`gplint.pdf_text`)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    from .pdf_layout import Page, document_text, page_lines
    from .pdf_text import MAX_PAGE_CHARS, MAX_PAGE_OBJECTS, MAX_PAGES

    pages = []
    try:
        document = pdfium.PdfDocument(data)
        try:
            if len(document) > MAX_PAGES:
                raise _Bound(f"PDF of more than {MAX_PAGES} pages")
            for index in range(len(document)):
                page = document[index]
                try:
                    if c.FPDFPage_CountObjects(page.raw) > MAX_PAGE_OBJECTS:
                        raise _Bound(f"a PDF page of more than {MAX_PAGE_OBJECTS} objects")
                    textpage = page.get_textpage()
                    try:
                        count = textpage.count_chars()
                        if count > MAX_PAGE_CHARS:
                            raise _Bound(f"a PDF page with more than {MAX_PAGE_CHARS} characters")
                        pages.append(page_lines(Page(page_glyphs(textpage, count), page_rules(page),
                                                     page.get_height())))
                    finally:
                        textpage.close()
                finally:
                    page.close()
        finally:
            document.close()
    except _Bound as exc:
        raise InputError(f"{exc} (a limit of gplint's: not a report)") from None
    except Exception as exc:  # noqa: BLE001 - PdfiumError and whatever a damaged file raises
        if "password" in str(exc).lower():  # (gplint.pdf_crypt says so first for the standard handler)
            raise InputError("encrypted PDF: PDFium cannot open it without a password") from None
        raise InputError(f"cannot read PDF ({type(exc).__name__}: {exc})") from None
    return document_text(pages)
