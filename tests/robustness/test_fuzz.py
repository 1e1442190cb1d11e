"""Never a traceback: arbitrary text and arbitrary bytes give diagnostics or a clear input
error, nothing else.

CI runs a few thousand examples; ``GPLINT_FUZZ_EXAMPLES=100000 pytest tests/robustness``
runs more (the number is per test).
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gplint
from gplint.diagnostics import Diagnostic
from gplint.engine import FileResult, LintOptions, lint_bytes
from gplint.plugins import build_registry

EXAMPLES = int(os.environ.get("GPLINT_FUZZ_EXAMPLES", "600"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("GPLINT_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

REGISTRY = build_registry()

# Pieces of real reports, so that random text reaches deep into the table builder.
PIECES = [
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    "第二十条第（一）项", "信息内容", "本年制发件数", "规章", "行政规范性文件", "行政许可", "行政处罚",
    "行政强制", "行政事业性收费", "本年收费金额（单位：万元）",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
    "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
    "（一）予以公开", "（二）部分公开", "（三）不予公开", "1.属于国家秘密", "（七）总计",
    "四、结转下年度继续办理", "行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结",
    "未经复议直接起诉", "复议后起诉", "2024年", "年度报告", "共收到申请", "件", "万元", "。", "，",
    "0", "1", "12", "3119", "0.5", "８０", "—", "-", "/", "无", "- 3 -", "第 2 页",
    "|", "| --- |", "\t", " ", "\u3000", "\n", "\n\n", "\r\n", "\r", "\f", "\v", "\x1c", "\x85",
    "\u2028", "\u2029", "\ufeff", "\x00", "#", "**", "（", "）", "、", ".", "１", "總計", "處理",
]
report_like = st.lists(st.sampled_from(PIECES), max_size=400).map("".join)


def _check_diagnostics(diags) -> None:
    assert isinstance(diags, list)
    # E900 is the engine catching a crash (a parser or rule traceback): never acceptable.
    assert not any(d.code == "E900" for d in diags), [d.message for d in diags if d.code == "E900"]
    for d in diags:
        assert isinstance(d, Diagnostic)
        assert d.span.line >= 1 and d.span.column >= 1
        assert d.message


@FUZZ
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    _check_diagnostics(gplint.lint_text(text))


@FUZZ
@given(report_like)
def test_report_like_text(text):
    _check_diagnostics(gplint.lint_text(text))
    report = gplint.parse(text)
    # Every cell span points into the text.
    lines = report.lines
    for table in (report.t2, report.t3, report.t4):
        if table is None:
            continue
        cells = list(table.cells.values()) if hasattr(table, "cells") else [
            c for row in table.rows.values() for c in row.cells]
        for cell in cells:
            if cell.span is not None:
                assert 1 <= cell.span.line <= len(lines)


@FUZZ
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data):
    res = lint_bytes(data, "fuzz.txt", REGISTRY, LintOptions())
    assert isinstance(res, FileResult)
    _check_diagnostics(res.diagnostics)
    if res.error:
        # A clear input error: an E-code naming what went wrong, on the file.
        assert any(d.code.startswith("E") and d.category == "input" for d in res.diagnostics)
        assert not any(d.code == "E900" for d in res.diagnostics), res.diagnostics


@FUZZ
@given(report_like, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_report_like_bytes_every_encoding(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    res = lint_bytes(data, "fuzz.txt", REGISTRY, LintOptions())
    _check_diagnostics(res.diagnostics)
    assert not any(d.code == "E900" for d in res.diagnostics), [d.message for d in res.diagnostics]


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00", b"\x00" * 10,
                                  b"%PDF-1.7\n\x00\x01", b"PK\x03\x04", b"\x80\x81\xfe", "﻿\r\n\r".encode()])
def test_degenerate_bytes(data):
    res = lint_bytes(data, "odd.txt", REGISTRY, LintOptions())
    _check_diagnostics(res.diagnostics)
    assert not any(d.code == "E900" for d in res.diagnostics)


_HTML_PIECES = ["<p>", "</p>", "<tr>", "<td colspan=2>", "<td>", "</td>", "</tr>", "<script>", "</script>", "<!--",
                "-->", "<a b='", "'>", "</", "<", ">", "&amp;", "&#", "<br/>", "<!DOCTYPE html>", "<?x", "<style>"]
_DOCX_PIECES = ["<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>",
                "<w:tc>", "</w:tc>", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:tab/>",
                '<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>', "&amp;", "&x;", "<!DOCTYPE d>"]


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(_HTML_PIECES + PIECES), st.text(max_size=20)), max_size=200))
def test_html_documents(pieces):
    """The HTML reader: text or a clear input error (issue 16), never anything else."""
    from gplint.readers import read_html
    from gplint.sources import InputError

    try:
        src = read_html("".join(pieces).encode("utf-8", "surrogatepass"), "x.html")
    except InputError:
        return
    _check_diagnostics(gplint.lint_text(src.text))


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(_DOCX_PIECES + PIECES), st.text(max_size=20)), max_size=200),
       st.integers(min_value=0, max_value=400))
def test_docx_documents(pieces, flip_at):
    """The DOCX reader on random markup and damaged archives: text or a clear input error."""
    import io
    import zipfile

    from gplint.readers import read_docx
    from gplint.sources import InputError

    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(pieces) + "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", xml.encode("utf-8", "surrogatepass"))
    data = bytearray(buf.getvalue())
    if flip_at < len(data) and flip_at % 3 == 0:
        data[flip_at] ^= 0xFF
    try:
        read_docx(bytes(data), "x.docx")
    except InputError:
        pass
