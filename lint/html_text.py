"""The HTML reader (:func:`gplint.readers.read_html`): a page's text as report lines.

The page is parsed into a tree by lxml (libxml2's HTML parser, which repairs what real
pages get wrong: unclosed cells and rows, stray end tags, tables inside tables), then
walked:

- block elements (p, div, h1…h6, li, br, …) end lines; scripts, styles and ``<head>``
  are dropped;
- a *data* table (no table inside it, no headings or several paragraphs of prose in a
  cell) gives one line a row, its cells separated by tabs (a ``colspan`` repeated as empty
  cells, a ``<br>`` or paragraph break inside a cell a space), the layout the builder
  reads from DOCX and text;
- a table built of other elements (a CMS that writes ``<div class="tr">`` rows of
  ``<div class="td">`` or ``<span>`` cells, ARIA ``role="row"``/``"cell"``, or
  ``display:table-row``/``table-cell`` styles) is read as a table: a row of short cells is a
  line of tab-separated cells, its empty cells kept, so a blank cell still holds its column;
- a *layout* table (the usual government CMS page puts the whole article, title and all,
  in the cells of an outer table, and the report's tables inside those cells) is not a
  table of the report: its cells are read as blocks, in order, and the tables inside
  them are read in turn.

The page's declared encoding (``<meta charset>``, ``http-equiv``) is honoured; GB2312 and
GBK are read as GB18030, their superset, as browsers do.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from .sources import InputError, decode
from .table_grid import spans_without_slivers
from .lazy_re import lazy_compile
from .pictures import PICTURE_MARK

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "math", "select",
                   "button", "textarea"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPHS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})
#: A cell with more prose than this in several paragraphs holds part of the article.
_LAYOUT_CELL_CHARS = 120

_CHARSET = lazy_compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "cp936", "euc-cn"}


def decode_html(data: bytes, path: Optional[str] = None) -> str:
    """The page's text: its byte-order mark, else its declared charset, else UTF-8 or
    GB18030 as for a text file."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, path).text
    m = _CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        codec = "gb18030" if name in _GB else name
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: guess as for a text file
    return decode(data, path).text


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


class _Lines:
    """Lines being built: text joins the current line; ``end`` closes it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def add(self, text: Optional[str]) -> None:
        if text:
            self.current.append(text)

    def end(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.lines.append(text)

    def row(self, cells: list[str]) -> None:
        self.end()
        if any(cells):
            self.lines.append("\t".join(cells))


def _own(table, tag: str) -> Iterator:
    """``tag`` elements of ``table`` that belong to it, not to a table inside it."""
    for el in table.iter(tag):
        if next(el.iterancestors("table"), None) is table:
            yield el


def _cells(row) -> list:
    return [c for c in row if _tag(c) in ("td", "th")]


_BREAK = "\x00"
#: A break (with the blanks around it) between two CJK characters or full-width marks.
_CJK_BREAK = lazy_compile("(?<=[\u3000-\u9fff\uff00-\uffef])[ \x00]*\x00[ \x00]*(?=[\u3000-\u9fff\uff00-\uffef])")


def _text(el) -> str:
    """A cell's text on one line: scripts left out, line breaks and paragraphs as spaces,
    but none where a break falls between two Chinese characters ("本年收费<br>金额" is one
    word wrapped, as in the plain text)."""
    parts: list[str] = []

    def visit(node) -> None:
        tag = _tag(node)
        if tag in _SKIP:
            return
        if tag in _BLOCK or tag == "br":
            parts.append(_BREAK)
        parts.append(node.text or "")
        for child in node:
            visit(child)
            parts.append(child.tail or "")

    visit(el)
    text = _CJK_BREAK.sub("", " ".join("".join(parts).split()))
    return " ".join(text.replace(_BREAK, " ").split())


_ROW_ROLES = frozenset({"row"})
_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
#: Class names CMS templates give a table's rows and cells written as other elements.
#: (A "row" of Bootstrap's grid holds "col-…" columns, no cells: it stays a block.)
_ROW_CLASS = lazy_compile(r"(?i)^(?:tr|row|table-?row|t-?row|[a-z0-9]+[-_](?:tr|row|table-?row))$")
_CELL_CLASS = lazy_compile(r"(?i)^(?:td|th|cell|table-?cell|t-?cell|[a-z0-9]+[-_](?:td|th|cell|table-?cell))$")
_DISPLAY = lazy_compile(r"(?i)display\s*:\s*(table-row|table-cell)")
#: A cell longer than this is prose laid out in columns, not a table's cell.
_CSS_CELL_CHARS = 80


def _css_kind(el) -> str:
    """"row" or "cell" when an element that is no <tr>/<td> is marked as one (role, class,
    display style), else ""."""
    role = (el.get("role") or "").strip().lower()
    if role in _ROW_ROLES or role in _CELL_ROLES:
        return "row" if role in _ROW_ROLES else "cell"
    m = _DISPLAY.search(el.get("style") or "")
    if m:
        return "row" if m.group(1).lower() == "table-row" else "cell"
    for name in (el.get("class") or "").split():
        if _ROW_CLASS.match(name):
            return "row"
        if _CELL_CLASS.match(name):
            return "cell"
    return ""


def _css_row_cells(el) -> Optional[list]:
    """The cells of a table row written as other elements: ``el`` marked as a row, its
    children all marked as cells (two or more), no text between them, each cell short and
    holding no table or heading. None for anything else (a page's layout columns)."""
    if _css_kind(el) != "row" or (el.text or "").strip():
        return None
    cells = [c for c in el if _tag(c)]
    if len(cells) < 2 or any(_css_kind(c) != "cell" or (c.tail or "").strip() for c in cells):
        return None
    for c in cells:
        if any(_tag(x) in _HEADINGS or _tag(x) == "table" for x in c.iter()) or len(_text(c)) > _CSS_CELL_CHARS:
            return None
    return cells


def _is_layout_cell(cell) -> bool:
    if next(cell.iter("table"), cell) is not cell:  # a table inside
        return True
    blocks = [el for el in cell.iter() if el is not cell and _tag(el) in _PARAGRAPHS]
    if any(_tag(el) in _HEADINGS for el in blocks):
        return True
    return len(blocks) >= 2 and len(_text(cell)) > _LAYOUT_CELL_CHARS


def _table(table, out: _Lines) -> None:
    rows = list(_own(table, "tr"))
    if any(_is_layout_cell(c) for row in rows for c in _cells(row)):
        for row in rows:  # the page's layout: every cell a block, in order
            for cell in _cells(row):
                out.end()
                _children(cell, out)
                out.end()
        return
    caption = next(_own(table, "caption"), None)
    if caption is not None:
        out.end()
        out.add(_text(caption))
        out.end()
    grid = [_cells(row) for row in rows]
    spans = spans_without_slivers([[(_span(c, "colspan"), _span(c, "rowspan")) for c in cells] for cells in grid])
    for cells, row_spans in zip(grid, spans):
        line: list[str] = []
        for cell, span in zip(cells, row_spans):
            line.append(_text(cell))
            line.extend([""] * (span - 1))
        out.row(line)


def _span(cell, attribute: str) -> int:
    """A cell's ``colspan`` or ``rowspan``: 1 unless a number, at most 64."""
    span = (cell.get(attribute) or "1").strip()
    return max(1, min(64, int(span))) if span.isdigit() else 1


def _children(el, out: _Lines) -> None:
    out.add(el.text)
    for child in el:
        _walk(child, out)
        out.add(child.tail)


def _walk(el, out: _Lines) -> None:
    tag = _tag(el)
    if not tag or tag in _SKIP:
        return
    if tag == "table":
        out.end()
        _table(el, out)
        out.end()
    elif tag == "br":
        out.end()
    elif tag == "img":
        # A picture in the page's body (a table published as an image, most often): a
        # line of its own, so that the reader says the table could not be read rather
        # than that it is missing. (Pictures inside a table's cells are left out.)
        out.end()
        out.add(PICTURE_MARK)
        out.end()
    elif (cells := _css_row_cells(el) if tag in _BLOCK or tag == "span" else None) is not None:
        out.row([_text(c) for c in cells])
    elif tag in _BLOCK:
        out.end()
        _children(el, out)
        out.end()
    else:
        _children(el, out)


def html_lines(text: str) -> list[str]:
    """The lines of a page's text (see the module's docstring)."""
    import lxml.html
    from lxml import etree

    if not text.strip():
        return []
    # lxml refuses a str that declares its own encoding (an XHTML page's <?xml …?>).
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot read HTML ({exc})") from None
    out = _Lines()
    body = root.find("body")
    _walk(body if body is not None else root, out)
    out.end()
    return out.lines
