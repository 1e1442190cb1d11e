"""Make a PDF of a report text with a real PDF library (reportlab), as an office's PDF is
laid out: prose in wrapped paragraphs; each run of table rows of the text (pipe or tab
rows) a real table whose cells wrap their text inside their column, in a Chinese font
every PDF reader knows (STSong-Light, not embedded). Three styles:

- ``ruled``: landscape A4, every cell ruled (a Word table exported to PDF);
- ``spaced``: landscape A4, no rules (a table set as spaced text);
- ``paged``: portrait A4, ruled, a running header (the report's title) and a page number
  on every page, and a page break in the middle of the longest table (table 三).

Used by bench/pdf_backends.py and tests/test_pdf_backends.py to read the same report
through each PDF backend.

    python bench/make_pdf.py REPORT.txt OUT.pdf [ruled|spaced|paged]
"""
from __future__ import annotations

import re
import sys
from typing import Optional
from xml.sax.saxutils import escape

FONT, SIZE, LEADING = "STSong-Light", 8, 10
STYLES = ("ruled", "spaced", "paged")


def _cells(line: str) -> Optional[list[str]]:
    """A table row's cells; [] for a pipe table's rule row; None for a line of text."""
    s = line.strip()
    if s.startswith("|") and s.endswith("|") and len(s) > 1:
        inner = [c.strip() for c in s[1:-1].split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c or "--") for c in inner):
            return []
        return inner
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return None


def _blocks(text: str) -> list[tuple[str, object]]:
    """("text", line) and ("table", rows) in the order of the text."""
    out: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        cells = _cells(line)
        if cells == []:
            continue
        if cells is not None:
            rows.append(cells)
            continue
        if rows:
            out.append(("table", rows))
            rows = []
        out.append(("text", line))
    if rows:
        out.append(("table", rows))
    return out


def _widths(rows: list[list[str]], total: float, string_width) -> list[float]:
    """Column widths: each column's widest cell (at most a third of the table), shrunk in
    proportion when they do not fit, grown to fill ``total`` when they do."""
    n = max(len(r) for r in rows)
    natural = [16.0] * n
    for row in rows:
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], min(string_width(cell, FONT, SIZE) + 8, total / 3))
    return [w * total / sum(natural) for w in natural]


_VALUE = re.compile(r"[\d.,，]+|[-—/／]")


def _aligned(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple]]:
    """The rows on one grid, as the office's table has them: a row that shows an empty cell
    after its values has its values in the value columns from the first (a row with a value
    fewer leaves the last cell blank), its labels in the label columns next to them, the
    first label spanning the columns it does not fill; other rows (the header, rows whose
    cells a conversion shifted) as written. Gives the rows and the SPAN commands."""
    def split(row: list[str]) -> tuple[list[str], list[str]]:
        first = next((i for i, c in enumerate(row) if _VALUE.fullmatch(c)), len(row))
        last = max((i for i, c in enumerate(row) if c), default=-1)
        return [c for c in row[:first] if c], row[first:last + 1]

    parts = [split(r) for r in rows]
    parts = [(labels, values if values and len(row) > len(row) - row[::-1].index(values[-1]) else [])
             for row, (labels, values) in zip(rows, parts)]
    n_values = max((len(v) for _, v in parts), default=0)
    n_labels = max((len(l) for l, v in parts if v), default=1) or 1
    width = max(n_labels + n_values, max(len(r) for r in rows))
    out, spans = [], []
    for index, (row, (labels, values)) in enumerate(zip(rows, parts)):
        if not values:
            out.append(row + [""] * (width - len(row)))
            continue
        labels = labels or [""]
        start = n_labels - len(labels)
        cells = [labels[0]] + [""] * start + labels[1:] + values + [""] * (width - n_labels - len(values))
        if start:
            spans.append(("SPAN", (0, index), (start, index)))
        out.append(cells)
    return out, spans


def _table(rows: list[list[str]], width: float, style: str, string_width) -> list:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle
    from reportlab.platypus.paragraph import Paragraph

    cell_style = ParagraphStyle("cell", fontName=FONT, fontSize=SIZE, leading=LEADING, wordWrap="CJK")
    rows, spans = _aligned(rows)
    data = [[Paragraph(escape(c), cell_style) for c in r] for r in rows]
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if style != "spaced":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)))
    widths = _widths(rows, width, string_width)
    if style == "paged" and len(data) > 12:  # a page break in the middle of the table
        from reportlab.platypus import PageBreak

        half = len(data) // 2
        top = [(k, (a[0], a[1]), (b[0], b[1])) for k, a, b in spans if a[1] < half]
        bottom = [(k, (a[0], a[1] - half), (b[0], b[1] - half)) for k, a, b in spans if a[1] >= half]
        return [Table(data[:half], colWidths=widths, style=TableStyle(commands + top)), PageBreak(),
                Table(data[half:], colWidths=widths, style=TableStyle(commands + bottom))]
    return [Table(data, colWidths=widths, style=TableStyle(commands + spans))]


def make_pdf(text: str, path: str, style: str = "ruled", encrypt: object = None) -> None:
    """``encrypt``: reportlab's ``encrypt`` argument (a password, or a
    ``reportlab.lib.pdfencrypt.StandardEncryption``), for an encrypted PDF."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Spacer
    from reportlab.platypus.paragraph import Paragraph

    if style not in STYLES:
        raise ValueError(f"style {style!r} not in {STYLES}")
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    size = A4 if style == "paged" else landscape(A4)
    doc = SimpleDocTemplate(path, pagesize=size, leftMargin=40, rightMargin=40, topMargin=50, bottomMargin=50,
                            encrypt=encrypt)
    prose = ParagraphStyle("prose", fontName=FONT, fontSize=SIZE + 2, leading=LEADING + 5, wordWrap="CJK")
    story: list = []
    longest = max((len(rows) for kind, rows in _blocks(text) if kind == "table"), default=0)
    for kind, content in _blocks(text):
        if kind == "table":
            table_style = style if style != "paged" or len(content) == longest else "ruled"
            story.extend(_table(content, doc.width, table_style, pdfmetrics.stringWidth))
            story.append(Spacer(1, 6))
        elif content.strip():
            story.append(Paragraph(escape(content.strip()), prose))
        else:
            story.append(Spacer(1, 4))
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")[:40]

    def furniture(canvas, document) -> None:
        if style != "paged":
            return
        canvas.saveState()
        canvas.setFont(FONT, SIZE)
        canvas.drawCentredString(size[0] / 2, size[1] - 30, title)
        canvas.drawCentredString(size[0] / 2, 25, f"- {document.page} -")
        canvas.restoreState()

    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        make_pdf(fh.read(), sys.argv[2], *(sys.argv[3:4]))
