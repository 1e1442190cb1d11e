"""Make a PDF of a report text with a real PDF library (reportlab), as an office's PDF is
laid out: prose in lines (wrapped at the page width), each table row's cells at fixed
column positions (from pipe or tab rows), in a Chinese font every PDF reader knows
(STSong-Light, not embedded). Used by bench/pdf_backends.py and tests/test_pdf_backends.py
to read the same report through each PDF backend.

    python bench/make_pdf.py REPORT.txt OUT.pdf
"""
from __future__ import annotations

import re
import sys
from typing import Optional

FONT, SIZE, LEADING = "STSong-Light", 8, 12
MARGIN, LABEL_WIDTH = 36, 300


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


def _wrapped(text: str, width: float, string_width) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if current and string_width(current + ch, FONT, SIZE) > width:
            lines.append(current)
            current = ch
        else:
            current += ch
    return lines + [current]


def make_pdf(text: str, path: str) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = landscape(A4)
    pdf = canvas.Canvas(path, pagesize=(width, height))
    y = height - MARGIN

    def line_done() -> None:
        nonlocal y
        y -= LEADING
        if y < MARGIN:
            pdf.showPage()
            y = height - MARGIN

    for line in text.split("\n"):
        cells = _cells(line)
        if cells == []:
            continue
        pdf.setFont(FONT, SIZE)
        if cells is not None:
            column = (width - 2 * MARGIN - LABEL_WIDTH) / max(1, len(cells) - 1)
            for i, cell in enumerate(cells):
                pdf.drawString(MARGIN if i == 0 else MARGIN + LABEL_WIDTH + (i - 1) * column, y, cell)
            line_done()
        elif not line.strip():
            line_done()
        else:
            for part in _wrapped(line, width - 2 * MARGIN, pdfmetrics.stringWidth):
                pdf.drawString(MARGIN, y, part)
                line_done()
    pdf.save()


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        make_pdf(fh.read(), sys.argv[2])
