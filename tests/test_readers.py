"""PDF, DOCX and HTML readers: the same Source (and the same table cells) as the text."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from gplint import parse
from gplint.dump import report_to_dict
from gplint.readers import read_docx, read_html, read_pdf, read_pdf_pdfminer
from gplint.sources import InputError

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
DOCS = HERE / "documents"
CELLS = json.loads((CORPUS / "cells.json").read_text(encoding="utf-8"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(lines: list[str]) -> bytes:
    """A minimal DOCX: lines with tabs become table rows (one cell a tab field)."""
    body = []
    table: list[str] = []

    def flush():
        if table:
            rows = "".join(
                "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{escape(c)}</w:t></w:r></w:p></w:tc>" for c in row.split("\t")) + "</w:tr>"
                for row in table)
            body.append(f"<w:tbl>{rows}</w:tbl>")
            table.clear()

    for line in lines:
        if "\t" in line:
            table.append(line)
        else:
            flush()
            body.append(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r></w:p>")
    flush()
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{"".join(body)}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def tables(text: str) -> dict:
    d = report_to_dict(parse(text))
    return {k: d[k] for k in ("t2", "t3", "t4", "year")} | {"sections": {k: (v["title"] if v else None) for k, v in d["sections"].items()}}


def test_docx_of_a_tab_report_reads_the_same_tables():
    text = (CORPUS / "002_bcc8f195f7d4f0d8.txt").read_text(encoding="utf-8")
    src = read_docx(make_docx(text.split("\n")), "r.docx")
    assert tables(src.text) == tables(text)
    exp = CELLS["002_bcc8f195f7d4f0d8.txt"]
    got = report_to_dict(parse(src.text))
    assert got["t3"]["R24"] == exp["t3"]["R24"] and got["t2"] == exp["t2"]


def test_blank_template_docx_has_all_sections_and_empty_tables():
    src = read_docx((DOCS / "template-2021-blank.docx").read_bytes(), "t.docx")
    report = parse(src.text)
    assert sorted(report.sections) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert all(s.standard for s in report.sections.values())
    assert report.t3 is not None and all(c.value is None for row in report.t3.rows.values() for c in row.cells)
    assert "C7" in report.t3.header_columns


def test_pdf_reader_lays_out_pdfminers_glyphs_and_gives_the_hand_read_cells():
    """The pdfminer backend's text is no longer pdfminer's own (its layout analysis read a
    table column by column: the peer fixture govnianbao_huaian-city-2024_pdfminer.txt is that
    text): gplint.pdf_layout lays out pdfminer's glyphs and rules as it does PDFium's."""
    pytest.importorskip("pdfminer")
    pytest.importorskip("pypdfium2")
    from gplint.readers import read_pdf_pdfium

    data = (DOCS / "huaian-city-2024.pdf").read_bytes()
    src = read_pdf_pdfminer(data, "huaian.pdf")
    assert src.text == read_pdf_pdfium(data, "huaian.pdf").text
    assert "三、本年度办理结果\t（一）予以公开\t1288\t21\t0\t0\t50\t3\t1362" in src.text  # a row a line
    exp = CELLS["govnianbao_huaian-city-2024_pdfminer.txt"]
    got = report_to_dict(parse(src.text))
    assert got["t3"] == exp["t3"] and got["t4"] == exp["t4"] and got["t2"] == exp["t2"]


def test_html_table_page():
    rows = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
    ]
    t3 = CELLS["kiro_shuyang-county-2025_ocr-markdown.txt"]["t3"]
    from gplint.labels import T3_STANDARD_LABELS
    for key, label in T3_STANDARD_LABELS.items():
        rows.append([label] + [str(t3[key][f"C{i}"]) for i in range(1, 8)])
    table = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    html = (f"<html><head><meta charset='utf-8'><title>x</title><script>var a='一、总体情况';</script></head><body>"
            f"<h1>某县人民政府2025年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>全年受理申请749件。</p>"
            f"<p>三、收到和处理政府信息公开申请情况</p><table>{table}</table>"
            f"<p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>").encode("utf-8")
    src = read_html(html, "p.html")
    assert "var a" not in src.text
    got = report_to_dict(parse(src.text))
    assert got["t3"] == t3
    assert got["sections"]["S1"]["title"] == "一、总体情况"


def test_bad_documents_are_input_errors():
    with pytest.raises(InputError):
        read_docx(b"not a zip", "x.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("other.xml", "<a/>")
    with pytest.raises(InputError):
        read_docx(buf.getvalue(), "x.docx")
    pytest.importorskip("pdfminer")
    with pytest.raises(InputError):
        read_pdf(b"%PDF-1.4 garbage", "x.pdf")


def test_cli_reads_documents_and_extract_prints_their_text(tmp_path):
    docx = tmp_path / "报告 2024.docx"
    docx.write_bytes(make_docx((CORPUS / "002_bcc8f195f7d4f0d8.txt").read_text(encoding="utf-8").split("\n")))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 nonsense")
    proc = subprocess.run([sys.executable, "-m", "gplint", "--format", "json", str(tmp_path)], capture_output=True, timeout=120)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    diags = json.loads(proc.stdout)
    broken = [d for d in diags if d["path"].endswith("broken.docx")]
    assert [d["code"][0] for d in broken] == ["E"] and "DOCX" in broken[0]["message"]
    extract = subprocess.run([sys.executable, "-m", "gplint", "extract", str(docx)], capture_output=True, timeout=60)
    assert extract.returncode == 0
    assert "本年废制件数" in extract.stdout.decode("utf-8")


# A city report page in the common 国办 HTML layout: merged header cells (rowspan/colspan),
# row-spanning group labels only on their first row, labels over colspan="3".
_T3 = {
    "R01": (13612, 252, 0, 45, 128, 32, 14069), "R02": (535, 6, 0, 1, 18, 0, 560),
    "R03": (5345, 129, 0, 41, 19, 14, 5548), "R04": (2120, 39, 0, 1, 6, 2, 2168),
    "R05": (13, 0, 0, 0, 0, 0, 13), "R06": (30, 0, 0, 0, 0, 0, 30), "R07": (11, 0, 0, 0, 0, 0, 11),
    "R08": (49, 2, 0, 0, 0, 0, 51), "R09": (103, 1, 0, 0, 0, 0, 104), "R10": (84, 1, 0, 0, 0, 0, 85),
    "R11": (282, 4, 0, 0, 0, 0, 286), "R12": (147, 0, 0, 0, 1, 2, 150), "R13": (3075, 50, 0, 0, 89, 8, 3222),
    "R14": (177, 3, 0, 0, 0, 0, 180), "R15": (19, 0, 0, 0, 0, 0, 19), "R16": (199, 1, 0, 0, 3, 0, 203),
    "R17": (147, 1, 0, 0, 0, 0, 148), "R18": (0, 0, 0, 0, 0, 0, 0), "R19": (100, 1, 0, 0, 0, 0, 101),
    "R20": (5, 0, 0, 0, 0, 0, 5), "R21": (315, 3, 0, 0, 0, 0, 318), "R22": (202, 0, 0, 1, 0, 0, 203),
    "R23": (941, 17, 0, 1, 3, 3, 965), "R24": (13364, 252, 0, 44, 121, 29, 13810), "R25": (783, 6, 0, 2, 25, 3, 819),
}
_GROUP_FIRST = {"R05": ("（三）不予公开", 8), "R13": ("（四）无法提供", 3), "R16": ("（五）不予处理", 5), "R21": ("（六）其他处理", 3)}


def _merged_cell_html() -> bytes:
    from gplint.labels import T3_STANDARD_LABELS

    def tds(values):
        return "".join(f"<td>{v}</td>" for v in values)

    rows = []
    for key, label in T3_STANDARD_LABELS.items():
        vals = tds(_T3[key])
        if key in ("R01", "R02", "R25"):
            rows.append(f'<tr><td colspan="3">{label}</td>{vals}</tr>')
        elif key == "R03":
            rows.append(f'<tr><td rowspan="22">三、本年度办理结果</td><td colspan="2">{label}</td>{vals}</tr>')
        elif key in ("R04", "R24"):
            rows.append(f'<tr><td colspan="2">{label}</td>{vals}</tr>')
        elif key in _GROUP_FIRST:
            group, span = _GROUP_FIRST[key]
            rows.append(f'<tr><td rowspan="{span}">{group}</td><td>{label}</td>{vals}</tr>')
        else:
            rows.append(f"<tr><td>{label}</td>{vals}</tr>")
    t3 = ('<table><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
          '<td colspan="7">申请人情况</td></tr><tr><td>自然人</td><td colspan="5">法人或其他组织</td><td>总计</td></tr>'
          '<tr><td></td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td></td></tr>'
          + "".join(rows) + "</table>")
    t2 = ('<table><tr><td colspan="4">第二十条第（一）项</td></tr>'
          '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>'
          '<tr><td>规章</td><td>3</td><td>5</td><td>74</td></tr><tr><td>行政规范性文件</td><td>564</td><td>984</td><td>4185</td></tr>'
          '<tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
          '<tr><td>行政许可</td><td colspan="3">11398889</td></tr><tr><td colspan="4">第二十条第（六）项</td></tr>'
          '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr><tr><td>行政处罚</td><td colspan="3">6937489</td></tr>'
          '<tr><td>行政强制</td><td colspan="3">166105</td></tr><tr><td colspan="4">第二十条第（八）项</td></tr>'
          '<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td colspan="3">316441</td></tr></table>')
    t4 = ('<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
          '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'
          '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
          '<tr><td></td><td></td><td></td><td></td><td></td>' + "".join(
              f"<td>{w}</td>" for w in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>"
          '<tr>' + "".join(f"<td>{v}</td>" for v in (376, 97, 196, 121, 790, 16, 1, 12, 27, 56, 74, 1, 30, 51, 156)) + "</tr></table>")
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>测试市2025年政府信息公开工作年度报告</title></head><body>"
            "<div class=\"article-content\"><p>本报告中所列数据统计期限为2025年1月1日至12月31日。</p><p>一、总体情况</p>"
            "<p>2025年，全市各级行政机关扎实推进政务公开工作。</p><p>二、主动公开政府信息情况</p>" + t2 +
            "<p>三、收到和处理政府信息公开申请情况</p>" + t3 + "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + t4 +
            "<p>五、存在问题及改进情况</p><p>主动公开工作还需进一步规范。</p><p>六、其他需要报告的事项</p>"
            "<p>2025年全市实际收取信息处理费共计400元。</p></div></body></html>")
    return page.encode("utf-8")


def test_html_with_merged_cells_reads_every_cell_and_adds_up():
    src = read_html(_merged_cell_html(), "city.html")
    got = report_to_dict(parse(src.text))
    assert got["t3"] == {k: {f"C{i + 1}": v for i, v in enumerate(vals)} for k, vals in _T3.items()}
    assert got["t2"] == {"rules.issued": 3, "rules.repealed": 5, "rules.in_force": 74, "norm.issued": 564,
                         "norm.repealed": 984, "norm.in_force": 4185, "licensing": 11398889, "penalty": 6937489,
                         "coercion": 166105, "fees": 316441}
    assert got["t4"]["review"] == {"upheld": 376, "corrected": 97, "other": 196, "pending": 121, "total": 790}
    assert got["t4"]["after_review"]["total"] == 156
    assert sorted(k for k, v in got["sections"].items() if v) == ["S1", "S2", "S3", "S4", "S5", "S6"]
    from gplint import lint_text
    assert [d.code for d in lint_text(src.text) if d.category in ("arithmetic", "table")] == []
