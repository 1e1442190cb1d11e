"""The HTML reader on the pages government sites publish: the report laid out inside a
big table (title in one cell, the article with its tables of figures in another), tables
inside tables, <br> inside cells, the page's declared encoding."""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest

from gplint import parse
from gplint.engine import LintOptions, lint_source
from gplint.plugins import build_registry
from gplint.readers import read_html
from gplint.sources import Source

ROOT = Path(__file__).resolve().parents[1]
REPORTS = [ROOT / "examples" / "mudanjiang-devzone-2024.txt", ROOT / "tests" / "corpus" / "001_98c801d9a8639466.txt",
           ROOT / "examples" / "yuncheng-sti-2024.md"]
REGISTRY = build_registry()


def article(text: str, br_in_labels: bool = False) -> tuple[str, str]:
    """(title, the article's HTML): paragraphs, and tab separated lines as tables' rows."""
    report = parse(text)
    lines = text.split("\n")
    title = report.title
    lines = lines[report.title_span.end_line:]
    out, in_table = [], False
    for line in lines:
        cells = line.split("\t")
        if len(cells) > 1:
            if not in_table:
                out.append('<table class="MsoTableGrid" border="1"><tbody>')
                in_table = True
            tds = []
            for c in cells:
                c = escape(c)
                if br_in_labels and len(c) > 6 and not c.strip().isdigit():
                    c = c[:4] + "<br>" + c[4:]  # a label wrapped in its cell
                tds.append(f'<td valign="top"><p class="MsoNormal"><span>{c}</span></p></td>')
            out.append("<tr>" + "".join(tds) + "</tr>")
            continue
        if in_table:
            out.append("</tbody></table>")
            in_table = False
        if line.strip():
            out.append(f'<p style="text-indent:2em">{escape(line)}</p>')
    if in_table:
        out.append("</tbody></table>")
    return title, "\n".join(out)


def cms_page(text: str, charset: str = "utf-8", **kw) -> bytes:
    """The usual CMS page: navigation, then one layout table with the title in a cell and
    the article (with its tables of figures) in the next row's cell."""
    title, body = article(text, **kw)
    page = (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{escape(title)}_政府信息公开</title><script>var nav='一、总体情况';</script></head><body>"
            '<table width="100%"><tr><td><a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a></td></tr></table>'
            '<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr>'
            f'<td class="title" align="center"><h2>{escape(title)}</h2></td></tr>'
            '<tr><td class="info">发布日期：2025-01-20　来源：本机关</td></tr>'
            f'<tr><td class="content"><div id="zoom">{body}</div></td></tr></table>'
            "<div class=footer>主办单位：本机关</div></body></html>")
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


def codes(text: str, path: str) -> list[tuple[str, str]]:
    """The findings, each as its code and message with the line numbers it cites left out
    (a page has no blank lines: its line numbers differ from the text file's)."""
    res = lint_source(Source(path, text), REGISTRY, LintOptions())
    return sorted((d.code, re.sub(r"第 [\d、]+ 行", "第 … 行", d.message)) for d in res.diagnostics)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_a_layout_table_page_reads_as_the_report(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    src = read_html(cms_page(text), "page.html")
    title = parse(text).title
    assert title in src.text.split("\n")[:4]  # the title, not lost in the layout table
    read = parse(src.text)
    assert read.title == title and sorted(read.sections) == sorted(parse(text).sections)
    assert "var nav" not in src.text
    assert codes(src.text, "page.html") == codes(text, "page.html")


def test_br_inside_cells_and_the_declared_encoding() -> None:
    text = REPORTS[0].read_text(encoding="utf-8")
    page = cms_page(text, charset="gbk", br_in_labels=True)
    with pytest.raises(UnicodeDecodeError):
        page.decode("utf-8")
    src = read_html(page, "gbk.html")
    assert codes(src.text, "x") == codes(text, "x")


def test_a_table_of_figures_inside_a_table_cell() -> None:
    """Table 四 in a cell of a one-cell frame table (a Word export's nesting)."""
    text = REPORTS[0].read_text(encoding="utf-8")
    title, body = article(text)
    start = body.index("<table", body.index("四、政府信息公开行政复议"))
    end = body.index("</table>", start) + len("</table>")
    framed = body[:start] + f'<table border="0"><tr><td>{body[start:end]}</td></tr></table>' + body[end:]
    page = f"<html><body><h1>{title}</h1>{framed}</body></html>".encode("utf-8")
    src = read_html(page, "framed.html")
    assert codes(src.text, "x") == codes(text, "x")


def test_stray_end_tags_do_not_leave_the_table() -> None:
    page = ("<html><body><table><tr><td><p>一、总体情况</p><p>段落</div></p>"
            "<table><tr><td>结果维持</td><td>1</td></tr></td></table><p>二、主动公开政府信息情况</p></td></tr>"
            "</table></body></html>").encode("utf-8")
    lines = read_html(page, "x.html").text.split("\n")
    assert lines == ["一、总体情况", "段落", "结果维持\t1", "二、主动公开政府信息情况"]


def _css_table_page(text: str, row: str, cell: str, tag: str = "div") -> bytes:
    """The report's tables written as rows of ``tag`` cells: ``row``/``cell`` are the
    attributes marking them (a class, an ARIA role, a display style)."""
    title, body = article(text)

    def rows(table: str) -> str:
        out = []
        for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
            tds = re.findall(r"<span>(.*?)</span>", tr, re.S)
            out.append(f"<div {row}>" + "".join(f"<{tag} {cell}>{c}</{tag}>\n" for c in tds) + "</div>")
        return '<div class="table">' + "".join(out) + "</div>"

    body = re.sub(r"<table.*?</table>", lambda m: rows(m.group(0)), body, flags=re.S)
    return f"<html><body><h1>{title}</h1>{body}</body></html>".encode("utf-8")


@pytest.mark.parametrize("row,cell,tag", [
    ('class="tr"', 'class="td"', "div"),
    ('class="tb-row"', 'class="tb-cell"', "span"),
    ('role="row"', 'role="cell"', "div"),
    ('style="display:table-row"', 'style="display: table-cell"', "span"),
], ids=["div-classes", "span-classes", "aria", "display"])
def test_a_table_written_as_div_rows_and_cells_reads_as_the_table(row: str, cell: str, tag: str) -> None:
    """A CMS that writes its tables as <div> rows of <div>/<span> cells: each row one line of
    tab-separated cells, an empty cell kept in its column (001 leaves cells empty)."""
    text = REPORTS[0].read_text(encoding="utf-8")
    # An empty cell in a row of table 三: lost if the cells ran together as blocks or words.
    row3 = next(x for x in text.split("\n") if "予以公开\t" in x)
    cells = row3.split("\t")
    cells[-3] = ""
    text = text.replace(row3, "\t".join(cells))
    src = read_html(_css_table_page(text, row, cell, tag), "divs.html")
    assert codes(src.text, "x") == codes(text, "x")
    values = [{k: [c.value for c in row.cells] for k, row in parse(t).t3.rows.items()} for t in (src.text, text)]
    assert values[0] == values[1] and None in values[0]["R03"]


def test_a_grid_of_prose_columns_is_no_table() -> None:
    """Bootstrap's "row" of "col-…" columns, or long paragraphs in cells: the page's layout."""
    prose = "本机关坚持以公开为常态、不公开为例外，" * 6
    page = ('<html><body><div class="row"><div class="col-md-6">左栏</div><div class="col-md-6">右栏</div></div>'
            f'<div class="tr"><div class="td">{prose}</div><div class="td">{prose}</div></div></body></html>')
    lines = read_html(page.encode("utf-8"), "x.html").text.split("\n")
    assert lines == ["左栏", "右栏", prose, prose]
