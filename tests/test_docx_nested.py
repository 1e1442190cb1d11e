"""The DOCX reader on documents made with python-docx as a clerk's Word makes them: table
四 inside a cell of a frame table, the whole report laid out in one big table cell, the
title in a text box (with its fallback copy for older readers)."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from gplint import parse
from gplint.engine import LintOptions, lint_source
from gplint.plugins import build_registry
from gplint.readers import read_docx
from gplint.sources import Source

docx = pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "examples" / "mudanjiang-devzone-2024.txt"
REGISTRY = build_registry()


def fill(container, lines: list[str]) -> None:
    """Paragraphs, and each run of tab separated lines as a table, into a document or cell."""
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            if lines[i].strip():
                container.add_paragraph(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        rows = [ln.split("\t") for ln in lines[i:j]]
        width = max(len(r) for r in rows)
        table = container.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        i = j


def save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def findings(text: str) -> list[tuple[str, str]]:
    res = lint_source(Source("x.docx", text), REGISTRY, LintOptions())
    return sorted((d.code, re.sub(r"第 [\d、]+ 行", "第 … 行", d.message)) for d in res.diagnostics)


def split_at_table4(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    start = next(i for i, ln in enumerate(lines) if ln.startswith("四、"))
    first = next(i for i in range(start + 1, len(lines)) if "\t" in lines[i])
    end = next(i for i in range(first, len(lines)) if "\t" not in lines[i])
    return lines[:first], lines[first:end], lines[end:]


def test_table_four_inside_a_table_cell() -> None:
    text = REPORT.read_text(encoding="utf-8")
    before, t4, after = split_at_table4(text.split("\n"))
    d = docx.Document()
    fill(d, before)
    frame = d.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    fill(cell, t4)
    fill(d, after)
    read = read_docx(save(d), "nested.docx").text
    from gplint.dump import report_to_dict

    assert report_to_dict(parse(read))["t4"] == report_to_dict(parse(text))["t4"] != {}
    assert findings(read) == findings(text)


def test_a_report_laid_out_in_one_big_cell() -> None:
    text = REPORT.read_text(encoding="utf-8")
    d = docx.Document()
    frame = d.add_table(rows=2, cols=1)
    title = parse(text).title
    frame.cell(0, 0).text = title
    body = text.split("\n")[parse(text).title_span.end_line:]
    fill(frame.cell(1, 0), body)
    read = read_docx(save(d), "frame.docx").text
    report = parse(read)
    assert report.title == title
    assert sorted(report.sections) == sorted(parse(text).sections)
    assert findings(read) == findings(text)


_TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>
<w:txbxContent><w:p><w:r><w:t>{title}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{title}</w:t></w:r></w:p></w:txbxContent>
</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""


def test_title_in_a_text_box_is_read_once() -> None:
    from docx.oxml import parse_xml

    text = REPORT.read_text(encoding="utf-8")
    title = parse(text).title
    d = docx.Document()
    anchor = d.add_paragraph()
    anchor._p.append(parse_xml(_TEXT_BOX.format(title=title)))
    fill(d, text.split("\n")[parse(text).title_span.end_line:])
    read = read_docx(save(d), "box.docx").text
    assert read.count(title) == 1
    assert parse(read).title == title
    assert findings(read) == findings(text)


def _png() -> io.BytesIO:
    """A 1×1 PNG (python-docx reads the image's header for its size)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return io.BytesIO(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
                      + chunk(b"IEND", b""))


def test_a_table_pasted_as_a_picture_is_unread_not_missing() -> None:
    """Table 三 replaced by an image of it (what many offices publish): the DOCX reader
    writes the picture's place, and the report gets one T190 there, no T101."""
    from gplint.pictures import PICTURE_MARK as IMAGE_MARK

    lines = REPORT.read_text(encoding="utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("三、"))
    first = next(i for i in range(start + 1, len(lines)) if "\t" in lines[i])
    end = next(i for i in range(first, len(lines)) if "\t" not in lines[i])
    d = docx.Document()
    fill(d, lines[:first])
    d.add_paragraph("表三如下：").add_run().add_picture(_png())  # text, then the picture
    fill(d, lines[end:])
    cell = d.add_table(rows=1, cols=2).cell(0, 0)  # a picture in a data table's cell: left out
    cell.paragraphs[0].add_run().add_picture(_png())
    read = read_docx(save(d), "picture.docx").text.split("\n")
    at = read.index("表三如下：")
    assert read[at + 1] == IMAGE_MARK and read.count(IMAGE_MARK) == 1
    diags = lint_source(Source("picture.docx", "\n".join(read)), REGISTRY, LintOptions()).diagnostics
    assert "T101" not in [d.code for d in diags]
    unread = [d for d in diags if d.code == "T190"]
    assert [(d.key, d.span.line) for d in unread] == [("t3", at + 2)]
