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
    """Column widths: each column's widest cell, numbers' columns at their width, the rest
    shared out so that the table fills ``total``."""
    n = max(len(r) for r in rows)
    natural = [12.0] * n
    for row in rows:
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], string_width(cell, FONT, SIZE) + 8)
    capped = [min(w, total / 3) for w in natural]
    scale = total / sum(capped)
    if scale >= 1:
        return [w * scale for w in capped]
    narrow = [w for w in capped if w <= 40]
    room = total - sum(narrow)
    wide = sum(w for w in capped if w > 40)
    return [w if w <= 40 else w * room / wide for w in capped]


def _table(rows: list[list[str]], width: float, style: str, string_width) -> list:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle
    from reportlab.platypus.paragraph import Paragraph

    cell_style = ParagraphStyle("cell", fontName=FONT, fontSize=SIZE, leading=LEADING, wordWrap="CJK")
    n = max(len(r) for r in rows)
    data = [[Paragraph(escape(c), cell_style) for c in r] + [""] * (n - len(r)) for r in rows]
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if style != "spaced":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)))
    widths = _widths(rows, width, string_width)
    if style == "paged" and len(data) > 12:  # a page break in the middle of the table
        from reportlab.platypus import PageBreak

        half = len(data) // 2
        return [Table(data[:half], colWidths=widths, style=TableStyle(commands)), PageBreak(),
                Table(data[half:], colWidths=widths, style=TableStyle(commands))]
    return [Table(data, colWidths=widths, style=TableStyle(commands))]


def make_pdf(text: str, path: str, style: str = "ruled") -> None:
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
    doc = SimpleDocTemplate(path, pagesize=size, leftMargin=40, rightMargin=40, topMargin=50, bottomMargin=50)
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
