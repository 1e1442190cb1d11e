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
from gplint.readers import read_docx, read_html, read_pdf
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


def test_pdf_reader_gives_pdfminer_text_and_the_hand_read_cells():
    pytest.importorskip("pdfminer")
    src = read_pdf((DOCS / "huaian-city-2024.pdf").read_bytes(), "huaian.pdf")
    ref = (CORPUS / "govnianbao_huaian-city-2024_pdfminer.txt").read_text(encoding="utf-8")
    assert src.text == ref
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
