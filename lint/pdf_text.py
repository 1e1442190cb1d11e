"""The pdfminer backend of the PDF reader (:func:`gplint.readers.read_pdf`), bounded.

pdfminer inflates every stream whole with ``zlib.decompress`` (a 1 MB PDF of deflate bombs
took 2 GB, and, C code holding the interpreter, a per-file timeout fired only once it was
done) and keeps a layout object per character of a page. Here, for one document:

- every FlateDecode and LZWDecode stream is inflated in chunks of :data:`_CHUNK` bytes and
  charged to one budget, :func:`budget_for` the file's size (at least :data:`MIN_BUDGET`,
  at most :data:`MAX_BUDGET`): past it the document is refused. Chunks also let the
  per-file timer's signal through;
- at most :data:`MAX_PAGES` pages, :data:`MAX_PAGE_CHARS` characters and
  :data:`MAX_PAGE_OBJECTS` objects (paths, images, forms) on a page.

A bound hit is an :class:`~gplint.sources.InputError` naming it (reported as E001).
pdfminer interprets each page without its layout analysis: its characters and paths are
laid out by :mod:`gplint.pdf_layout`, as PDFium's are (the same text from both backends).
pdfminer's module-level ``zlib`` and ``lzwdecode`` are replaced once by bounded
equivalents (without a budget, that is, outside :func:`pdf_text`, they only inflate in
chunks).
"""
from __future__ import annotations

import contextvars
import io
import logging
import zlib
from typing import Any, Optional

from .sources import InputError

MIN_BUDGET = 32 * 1024 * 1024
MAX_BUDGET = 256 * 1024 * 1024
#: Decompressed bytes allowed per byte of the file (fonts and content streams deflate ≈ 3-5×).
BUDGET_PER_BYTE = 16
MAX_PAGES = 2000
MAX_PAGE_CHARS = 200_000
#: Paths, images and text objects on a page (a ruled table page has a few thousand).
MAX_PAGE_OBJECTS = 100_000
_CHUNK = 1 << 20


class _Bound(Exception):
    """A bound was hit (raised through pdfminer's code, reported by :func:`pdf_text`)."""


class _Budget:
    def __init__(self, limit: int) -> None:
        self.limit, self.left, self.hit = limit, limit, False

    def charge(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            self.hit = True
            raise _Bound(f"PDF streams larger than {self.limit // 1048576} MB when decompressed")


_BUDGET: contextvars.ContextVar[Optional[_Budget]] = contextvars.ContextVar("gplint_pdf_budget", default=None)


def budget_for(size: int) -> int:
    return max(MIN_BUDGET, min(MAX_BUDGET, size * BUDGET_PER_BYTE))


def _charge(n: int) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.charge(n)


def _inflate(data: bytes, *_args: Any) -> bytes:
    """``zlib.decompress(data)`` in bounded chunks (a truncated stream raises zlib.error,
    as zlib.decompress does, and pdfminer then calls :func:`_inflate_corrupted`)."""
    d = zlib.decompressobj()
    out: list[bytes] = []
    buf = data
    while True:
        chunk = d.decompress(buf, _CHUNK)
        _charge(len(chunk))
        out.append(chunk)
        buf = d.unconsumed_tail
        if d.eof or (not buf and not chunk):
            break
    if not d.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return b"".join(out)


def _inflate_corrupted(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted`` (what inflates before an error in the last three
    bytes, the CRC, is kept; an error earlier raises), linear instead of byte by byte with
    a growing ``bytes``, and charged to the budget."""
    d = zlib.decompressobj()
    out: list[bytes] = []
    step = 4096
    for start in range(0, len(data), step):
        piece = data[start:start + step]
        saved = d.copy()
        try:
            _drain(d, piece, out)
        except zlib.error:
            d = saved
            for i in range(len(piece)):  # find the failing byte, as pdfminer does
                try:
                    _drain(d, piece[i:i + 1], out)
                except zlib.error:
                    if start + i < len(data) - 3:
                        raise
                    return b"".join(out)
    return b"".join(out)


def _drain(d: Any, piece: bytes, out: list[bytes]) -> None:
    buf = piece
    while True:
        chunk = d.decompress(buf, _CHUNK)
        _charge(len(chunk))
        out.append(chunk)
        buf = d.unconsumed_tail
        if d.eof or not buf:
            return


def _lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out: list[bytes] = []
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        _charge(len(chunk))
        out.append(chunk)
    return b"".join(out)


class _BoundedZlib:
    """What pdfminer.pdftypes uses of the zlib module, inflating through :func:`_inflate`."""

    error = zlib.error
    decompress = staticmethod(_inflate)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _not_extractable_warning(record: logging.LogRecord) -> bool:
    """pdfminer warns on stderr about a PDF encrypted against copying, and reads it: so
    does every reader that opens it, and gplint only reads."""
    return "should not allow text extraction" not in record.getMessage()


def _install() -> None:
    from pdfminer import pdftypes

    logging.getLogger("pdfminer.pdfpage").addFilter(_not_extractable_warning)
    if not isinstance(pdftypes.zlib, _BoundedZlib):
        pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
        pdftypes.decompress_corrupted = _inflate_corrupted
        pdftypes.lzwdecode = _lzw


def _aggregator_class():
    from pdfminer.converter import PDFPageAggregator

    class BoundedAggregator(PDFPageAggregator):
        """pdfminer's page of glyphs and paths (no layout analysis: gplint.pdf_layout lays
        the page out), refusing a page with more than MAX_PAGE_CHARS characters or
        MAX_PAGE_OBJECTS objects."""

        chars = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.chars = self.objects = 0
            super().begin_page(page, ctm)

        objects = 0

        def begin_figure(self, *args: Any, **kwargs: Any) -> Any:
            self._count_object()
            return super().begin_figure(*args, **kwargs)

        def paint_path(self, *args: Any, **kwargs: Any) -> Any:
            self._count_object()
            return super().paint_path(*args, **kwargs)

        def render_image(self, *args: Any, **kwargs: Any) -> Any:
            self._count_object()
            return super().render_image(*args, **kwargs)

        def _count_object(self) -> None:
            self.objects += 1
            if self.objects > MAX_PAGE_OBJECTS:
                raise _Bound(f"a PDF page of more than {MAX_PAGE_OBJECTS} objects")

        def render_char(self, *args: Any, **kwargs: Any) -> Any:
            self.chars += 1
            if self.chars > MAX_PAGE_CHARS:
                raise _Bound(f"a PDF page with more than {MAX_PAGE_CHARS} characters")
            return super().render_char(*args, **kwargs)

    return BoundedAggregator


def _page_content(item: Any, glyphs: list, rules: list, depth: int = 0) -> None:
    """The glyphs and rules of pdfminer's layout item (figures included)."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTRect

    from .pdf_layout import Glyph, box_rules, rules_from_segment

    for child in item:
        if isinstance(child, LTChar):
            text = child.get_text()
            if len(text) == 1 and text not in "\r\n":
                glyphs.append(Glyph(text, child.x0, child.y0, child.x1, child.y1))
        elif isinstance(child, LTRect):
            rules.extend(box_rules(child.x0, child.y0, child.x1, child.y1))
        elif isinstance(child, LTCurve):
            pts = child.pts
            for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
                rule = rules_from_segment(x0, y0, x1, y1)
                if rule is not None:
                    rules.append(rule)
        elif isinstance(child, LTContainer) and depth < 8:
            _page_content(child, glyphs, rules, depth + 1)


def pdf_text(data: bytes) -> str:
    """The document's text laid out by :mod:`gplint.pdf_layout` from pdfminer's glyphs and
    rules, within the bounds above."""
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    from .pdf_layout import Page, document_text, page_lines

    from .pdf_crypt import decryptor_for

    decryptor_for(data)  # an encrypted PDF pdfminer cannot open either: the same E001 as PDFium's
    _install()
    budget = _Budget(budget_for(len(data)))
    token = _BUDGET.set(budget)
    pages = []
    try:
        rsrcmgr = PDFResourceManager(caching=True)
        device = _aggregator_class()(rsrcmgr, laparams=None)
        interpreter = PDFPageInterpreter(rsrcmgr, device)
        for n, page in enumerate(PDFPage.get_pages(io.BytesIO(data), caching=True)):
            if n >= MAX_PAGES:
                raise _Bound(f"PDF of more than {MAX_PAGES} pages")
            interpreter.process_page(page)
            glyphs: list = []
            rules: list = []
            layout = device.get_result()
            _page_content(layout, glyphs, rules)
            pages.append(page_lines(Page(glyphs, rules, layout.height)))
    except _Bound as exc:
        raise InputError(f"{exc} (a limit of gplint's: not a report)") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged files
        if budget.hit:  # a bound hit inside pdfminer, which turned it into its own error
            raise InputError(f"PDF streams larger than {budget.limit // 1048576} MB when decompressed") from None
        raise InputError(f"cannot read PDF ({type(exc).__name__}: {str(exc)[:200]})") from None
    finally:
        _BUDGET.reset(token)
    if budget.hit:  # pdfminer caught it and went on without that stream
        raise InputError(f"PDF streams larger than {budget.limit // 1048576} MB when decompressed")
    return document_text(pages)
