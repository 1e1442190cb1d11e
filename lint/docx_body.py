"""A DOCX body's text as report lines (:func:`gplint.readers.read_docx`).

- A paragraph is a line (tabs and line breaks inside it are spaces).
- A *data* table gives one line a row, its cells separated by tabs (a merged cell,
  ``gridSpan``, repeated as empty cells), the layout Word's own "save as text" produces.
- A *layout* table — one with a table inside a cell, or whole paragraphs of prose in a
  cell (reports laid out in a frame table, table 四 placed inside a cell) — is not one of
  the report's tables: its cells are read as blocks, in order, and the tables inside
  them in turn.
- Text boxes (``w:txbxContent``, in a drawing or a VML shape) are read as blocks after
  the paragraph that anchors them, once: the VML copy Word writes as a fallback for old
  readers (``mc:Fallback``) is skipped.
- Content controls (``w:sdt``), inserted text of tracked changes (``w:ins``) and smart
  tags are read through; deleted text (``w:delText``) is not.
- A picture in a body paragraph (a DrawingML picture or chart, a VML image, an embedded
  object such as a pasted Excel sheet) is a line ``［图片］`` of its own after the
  paragraph's text, as the HTML reader writes it: a table published as a picture is then
  reported as unreadable, not as missing. Pictures inside table cells are left out.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

from .pictures import PICTURE_MARK
from .table_grid import spans_without_slivers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Elements that show a picture: DrawingML pictures and charts, VML images, embedded objects.
PICTURES = frozenset({"{http://schemas.openxmlformats.org/drawingml/2006/picture}pic",
                      "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart",
                      "{urn:schemas-microsoft-com:vml}imagedata", f"{W}object"})
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXTBOX = f"{W}txbxContent"
#: A cell with more prose than this in several paragraphs holds part of the document.
_LAYOUT_CELL_CHARS = 120
_MAX_DEPTH = 32  # tables in text boxes in tables…: a hostile file cannot recurse forever


def body_lines(body: "Element") -> list[str]:
    lines: list[str] = []
    _blocks(body, lines, 0)
    return lines


def block_lines(block: "Element", lines: list[str]) -> None:
    """The lines of one block of the body (a paragraph, a table, a content control), added
    to ``lines``: the body is read a block at a time as it is parsed (gplint.docx_text)."""
    _block(block, lines, 0)


def _blocks(container: "Element", lines: list[str], depth: int) -> None:
    for child in container:
        _block(child, lines, depth)


def _block(elem: "Element", lines: list[str], depth: int) -> None:
    tag = elem.tag
    if depth > _MAX_DEPTH:
        return
    if tag == f"{W}p":
        boxes: list = []
        pictures: list = []
        text = paragraph_text(elem, boxes, pictures)
        if text or not pictures:
            lines.append(text)
        lines.extend(PICTURE_MARK for _ in pictures)
        for box in boxes:
            _blocks(box, lines, depth + 1)
    elif tag == f"{W}tbl":
        _table(elem, lines, depth)
    elif tag in (f"{W}sdt", f"{W}customXml", f"{W}ins", f"{W}smartTag"):
        content = elem.find(f"{W}sdtContent") if tag == f"{W}sdt" else elem
        if content is not None:
            _blocks(content, lines, depth + 1)


def paragraph_text(elem: "Element", boxes: list, pictures: Optional[list] = None) -> str:
    """The paragraph's own text; the text boxes it anchors are appended to ``boxes``, and
    the pictures it shows to ``pictures`` (when given)."""
    parts: list[str] = []

    def visit(node: "Element") -> None:
        for child in node:
            tag = child.tag
            if tag == _TEXTBOX:
                boxes.append(child)
            elif tag in PICTURES:
                if pictures is not None:
                    pictures.append(child)
            elif tag == _MC_FALLBACK:
                continue
            elif tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                parts.append(" ")
            else:
                visit(child)

    visit(elem)
    return "".join(parts)


def _cells(row: "Element") -> list:
    out = []
    for child in row:
        if child.tag == f"{W}tc":
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):  # cells wrapped in a content control
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                out.extend(c for c in content if c.tag == f"{W}tc")
    return out


def _rows(table: "Element") -> list:
    out = []
    for child in table:
        if child.tag == f"{W}tr":
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                out.extend(r for r in content if r.tag == f"{W}tr")
    return out


def _paragraphs(cell: "Element") -> list:
    return [p for p in cell if p.tag == f"{W}p"]


def _cell_text(cell: "Element") -> str:
    boxes: list = []
    return " ".join(paragraph_text(p, boxes) for p in _paragraphs(cell)).strip()


def _is_layout_cell(cell: "Element") -> bool:
    if cell.find(f".//{W}tbl") is not None:
        return True
    paragraphs = [p for p in _paragraphs(cell) if paragraph_text(p, []).strip()]
    return len(paragraphs) >= 2 and sum(len(paragraph_text(p, [])) for p in paragraphs) > _LAYOUT_CELL_CHARS


def _span(cell: "Element") -> int:
    props = cell.find(f"{W}tcPr")
    gs = props.find(f"{W}gridSpan") if props is not None else None
    if gs is None:
        return 1
    try:
        return max(1, min(64, int(gs.get(f"{W}val", "1"))))
    except ValueError:
        return 1


def _table(table: "Element", lines: list[str], depth: int) -> None:
    rows = _rows(table)
    if any(_is_layout_cell(c) for row in rows for c in _cells(row)):
        for row in rows:
            for cell in _cells(row):
                _blocks(cell, lines, depth + 1)
        return
    grid = [_cells(row) for row in rows]
    # (A vertically merged cell's continuations are cells of their rows: rowspan 1.)
    spans = spans_without_slivers([[(_span(cell), 1) for cell in cells] for cells in grid])
    for cells, row_spans in zip(grid, spans):
        line: list[str] = []
        for cell, span in zip(cells, row_spans):
            line.append(_cell_text(cell).replace("\t", " "))
            line.extend([""] * (span - 1))
        lines.append("\t".join(line))
