"""Readers that keep everything: government CMS pages laid out with tables, and DOCX files
with tables inside cells and text boxes, built with real HTML and DOCX libraries (lxml,
python-docx). Each must give the report the plain text gives: title, six sections, the
three tables cell for cell, and the same findings."""
from __future__ import annotations

import io
import re
from collections import Counter

import pytest

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.example import example_report
from gplint.readers import read_docx, read_html

TEXT = example_report()


def _groups(text: str):
    """The report as ("p", line) and ("table", [cells…]) blocks."""
    table: list = []
    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield "table", table
            table = []
        if line.strip():
            yield "p", line
    if table:
        yield "table", table


def _essentials(text: str) -> dict:
    d = report_to_dict(parse(text))
    return {"title": d.get("title"), "year": d.get("year"), "t2": d["t2"], "t3": d["t3"], "t4": d["t4"],
            "sections": {k: (v["title"] if v else None) for k, v in d["sections"].items()}}


def _findings(text: str) -> Counter:
    return Counter((d.code, d.message) for d in lint_text(text))


def _broken(text: str) -> str:
    """One wrong cell: （七）总计 of 自然人 3 → 5 (identity findings follow)."""
    return re.sub(r"(（七）总计\t)3\t", r"\g<1>5\t", text, count=1)


# ------------------------------------------------------------------ HTML
def _cms_page(text: str) -> bytes:
    """A government CMS page: the site's layout tables around the article, the article's
    paragraphs and tables inside a cell, Word-exported cells (<p class=MsoNormal>, a
    label broken by <br>), declared GB2312 and written in GBK (its superset)."""
    from lxml import etree
    from lxml.html import builder as E

    lines = [ln for ln in text.split("\n")]
    title, rest = lines[0], "\n".join(lines[1:])
    article = []
    for kind, content in _groups(rest):
        if kind == "p":
            article.append(E.P(content, style="text-indent:2em"))
            continue
        rows = []
        for cells in content:
            tds = []
            for c in cells:
                if "（区分处理的" in c:  # a long label broken over two lines in its cell
                    head, tail = c.split("（区分处理的", 1)
                    tds.append(E.TD(E.P(head, E.BR(), "（区分处理的" + tail, E.CLASS("MsoNormal"))))
                else:
                    tds.append(E.TD(E.P(c, E.CLASS("MsoNormal"))))
            rows.append(E.TR(*tds))
        # Each report table sits in a one-cell frame table, as CMS editors wrap them.
        article.append(E.TABLE(E.TR(E.TD(E.TABLE(E.TBODY(*rows), border="1"))), width="100%"))
    page = E.HTML(
        E.HEAD(E.META(**{"http-equiv": "Content-Type", "content": "text/html; charset=gb2312"}),
               E.TITLE(title + "_示例市人民政府门户网站"), E.SCRIPT("document.write('一、总体情况');")),
        E.BODY(E.TABLE(
            E.TR(E.TD(E.A("首页", href="/"), " | ", E.A("政务公开", href="/zwgk"))),
            E.TR(E.TD(E.TABLE(E.TR(E.TD("当前位置：首页 > 政府信息公开年报"))))),
            E.TR(E.TD(E.DIV(title, E.CLASS("title")), E.DIV("发布日期：2025-01-20　来源：示例市交通运输局"),
                      E.DIV(*article, E.CLASS("TRS_Editor")))),
            E.TR(E.TD("主办：示例市人民政府办公室", E.BR(), "网站标识码：1234567890")),
            width="1000")))
    html = etree.tostring(page, encoding="unicode", method="html")
    return html.encode("gbk")


def test_cms_page_laid_out_with_tables_keeps_title_sections_and_tables():
    src = read_html(_cms_page(TEXT), "page.html")
    assert "document.write" not in src.text
    got, want = _essentials(src.text), _essentials(TEXT)
    assert got == want
    assert all(want["sections"].values()) and want["title"]
    assert src.text.split("\n")[2] == TEXT.split("\n")[0]  # the title, after the site's navigation


def test_cms_page_findings_equal_the_texts():
    broken = _broken(TEXT)
    assert broken != TEXT
    want = _findings(broken)
    assert any(code.startswith("A") for code, _ in want)
    assert _findings(read_html(_cms_page(broken), "page.html").text) == want


def test_broken_markup_and_declared_encodings():
    page = ("<html><head><meta charset=gb2312><title>t</title></head><body><table><tr><td>"
            "<div>示例市2024年政府信息公开工作年度报告<p>一、总体情况<p>全年主动公开信息120条。"
            "<table border=1><tr><td>信息内容<td>本年制发件数<td>本年废止件数<td>现行有效件数"
            "<tr><td>规章<td>0<td>0<td>0<tr><td>行政规范性文件<td>1<td>0<td>5</table>"
            "<p>二、主动公开政府信息情况</div></table>")
    text = read_html(page.encode("gb18030"), "p.html").text
    assert text.split("\n") == ["示例市2024年政府信息公开工作年度报告", "一、总体情况", "全年主动公开信息120条。",
                                "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0",
                                "行政规范性文件\t1\t0\t5", "二、主动公开政府信息情况"]
    # UTF-8 declared, and an XHTML page with an XML declaration.
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
             '<meta charset="utf-8"/></head><body><p>一、总体情况</p></body></html>')
    assert read_html(xhtml.encode("utf-8"), "x.xhtml").text == "一、总体情况"


# ------------------------------------------------------------------ DOCX
def _docx(text: str, frame: bool, textbox_sections: bool) -> bytes:
    """A DOCX made with python-docx: the title outside, the report inside a one-cell frame
    table (``frame``) with its tables inside that cell, sections 五 and 六 in a text box
    (``textbox_sections``), written as Word writes one (drawing + VML fallback copy)."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    lines = text.split("\n")
    doc.add_paragraph(lines[0])
    rest = "\n".join(lines[1:])
    boxed: list[str] = []
    if textbox_sections:
        cut = rest.index("五、存在的主要问题及改进情况")
        boxed = [ln for ln in rest[cut:].split("\n") if ln.strip()]
        rest = rest[:cut]
    container = doc.add_table(rows=1, cols=1).cell(0, 0) if frame else doc
    first = True
    for kind, content in _groups(rest):
        if kind == "p":
            if frame and first:
                container.paragraphs[0].text = content
            else:
                container.add_paragraph(content)
        else:
            width = max(len(r) for r in content)
            table = container.add_table(rows=len(content), cols=width) if frame else \
                container.add_table(rows=len(content), cols=width)
            for r, cells in enumerate(content):
                for c, value in enumerate(cells):
                    table.cell(r, c).text = value
            if frame:
                container.add_paragraph("")
        first = False
    if boxed:
        anchor = doc.add_paragraph("")
        anchor._p.append(_textbox_run(boxed))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _textbox_run(lines: list[str]):
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    paras = "".join(f"<w:p><w:r><w:t>{ln}</w:t></w:r></w:p>" for ln in lines)
    return parse_xml(
        f"<w:r {ns}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
        f"<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx></wps:wsp>"
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r>")


@pytest.mark.parametrize("frame, textbox", [(True, False), (False, True), (True, True)])
def test_docx_tables_inside_cells_and_text_boxes_are_read(frame, textbox):
    src = read_docx(_docx(TEXT, frame, textbox), "r.docx")
    assert _essentials(src.text) == _essentials(TEXT)
    if textbox:  # once, not twice (the VML fallback copy is not read)
        assert src.text.count("五、存在的主要问题及改进情况") == 1


def test_docx_findings_equal_the_texts():
    broken = _broken(TEXT)
    assert _findings(read_docx(_docx(broken, True, True), "r.docx").text) == _findings(broken)


def test_blank_template_and_real_documents_still_read(tmp_path):
    from pathlib import Path

    docs = Path(__file__).parent / "documents"
    src = read_docx((docs / "template-2021-blank.docx").read_bytes(), "t.docx")
    sections = _essentials(src.text)["sections"]
    assert all(sections.values())
    # A data table whose cells hold two short paragraphs each stays a data table.
    from gplint.readers import read_docx as again

    doc = pytest.importorskip("docx").Document()
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "信息内容"
    t.cell(0, 0).add_paragraph("（单位：件）")
    t.cell(0, 1).text = "本年制发件数"
    t.cell(1, 0).text = "规章"
    t.cell(1, 1).text = "3"
    buf = io.BytesIO()
    doc.save(buf)
    assert again(buf.getvalue(), "x.docx").text.split("\n")[-2:] == ["信息内容 （单位：件）\t本年制发件数", "规章\t3"]
