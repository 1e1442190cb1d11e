"""Slivers of an office program's table grid (gplint.table_grid): a grid column no cell has
to itself is no column of the table, in web pages and Word documents alike."""
from __future__ import annotations

import io
import zipfile

from gplint import parse
from gplint.dump import report_to_dict
from gplint.readers import read_docx, read_html
from gplint.table_grid import spans_without_slivers

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Table 四 as LibreOffice saves it as a web page: the grid has a sliver column after
#: 行政复议's 总计, which spans it (colspan 2) in the header and in the row of values.
_HEADER_WORDS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_VALUES = [11, 12, 13, 14, 50, 21, 22, 23, 24, 90, 31, 32, 33, 34, 130]
_T4_ROWS = [
    [("行政复议", 5, 2), ("行政诉讼", 11, 1)],
    [("未经复议直接起诉", 6, 1), ("复议后起诉", 5, 1)],
    [(w, 2 if k == 4 else 1, 1) for k, w in enumerate(_HEADER_WORDS * 3)],
    [(str(v), 2 if k == 4 else 1, 1) for k, v in enumerate(_VALUES)],
]
_WANT = {
    "review": dict(zip(("upheld", "corrected", "other", "pending", "total"), _VALUES[0:5])),
    "direct": dict(zip(("upheld", "corrected", "other", "pending", "total"), _VALUES[5:10])),
    "after_review": dict(zip(("upheld", "corrected", "other", "pending", "total"), _VALUES[10:15])),
}


def _spans(rows):
    return [[(colspan, rowspan) for _, colspan, rowspan in row] for row in rows]


def test_a_table_without_merged_cells_is_unchanged():
    assert spans_without_slivers([[(1, 1)] * 3, [(1, 1)] * 3]) == [[1, 1, 1], [1, 1, 1]]


def test_merged_headers_over_columns_of_their_own_are_unchanged():
    # Table 三's shape: the label columns and every value column have cells of their own.
    rows = [[(2, 3), (7, 1)], [(1, 2), (5, 1), (1, 2)], [(1, 1)] * 5,
            [(2, 1)] + [(1, 1)] * 7, [(1, 9), (1, 1)] + [(1, 1)] * 7, [(1, 1)] + [(1, 1)] * 7]
    assert spans_without_slivers(rows) == [[c for c, _ in row] for row in rows]


def test_the_sliver_after_table_four_review_total_is_left_out():
    # Which of the two columns under the two-column 总计 goes is the reader's choice; the
    # table keeps 15 columns, a header word and a value each.
    got = spans_without_slivers(_spans(_T4_ROWS))
    assert sum(got[0]) == 15 and len(got[0]) == 2
    assert sum(got[1]) == 15 - got[0][0]  # 行政复议's columns are held by its rowspan
    assert got[2] == [1] * 15
    assert got[3] == [1] * 15


def test_no_cell_loses_its_last_column():
    # Two neighbouring slivers under one two-column cell: one of them stays.
    assert spans_without_slivers([[(1, 1), (2, 1)], [(1, 1), (2, 1)]]) == [[1, 1], [1, 1]]
    assert spans_without_slivers([[(3, 1)], [(1, 1), (2, 1)]]) == [[2], [1, 1]]


def _page(table: str) -> bytes:
    return ("<html><body><p>某局2024年政府信息公开工作年度报告</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
            f"{table}<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>").encode("utf-8")


def test_libreoffice_web_page_table_four_reads_every_value():
    rows = "".join("<tr>" + "".join(
        f'<td colspan="{c}"' + (f' rowspan="{r}"' if r > 1 else "") + f"><p>{text}</p></td>" for text, c, r in row)
        + "</tr>" for row in _T4_ROWS)
    src = read_html(_page(f'<table cellpadding="7"><col width="24"/>{rows}</table>'), "lo.html")
    got = report_to_dict(parse(src.text))
    assert got["t4"] == _WANT


def _docx(rows: list[list[tuple[str, int, bool]]]) -> bytes:
    """A Word document holding a title, section 四's heading and a table of ``rows``: each
    cell (text, gridSpan, continues a vertical merge)."""
    def cell(text: str, span: int, continued: bool) -> str:
        props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
            "<w:vMerge/>" if continued else ('<w:vMerge w:val="restart"/>' if text == "行政复议" else ""))
        return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    table = "<w:tbl>" + "".join("<w:tr>" + "".join(cell(*c) for c in row) + "</w:tr>" for row in rows) + "</w:tbl>"
    paragraphs = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in (
        "某局2024年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况"))
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{paragraphs}{table}'
           "<w:p><w:r><w:t>五、存在的主要问题及改进情况</w:t></w:r></w:p></w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_word_table_four_with_a_sliver_column_reads_every_value():
    # Word writes the vertically merged 行政复议 as a cell in both rows (w:vMerge).
    rows = [[(t, c, False) for t, c, _ in _T4_ROWS[0]],
            [("", 5, True)] + [(t, c, False) for t, c, _ in _T4_ROWS[1]],
            [(t, c, False) for t, c, _ in _T4_ROWS[2]],
            [(t, c, False) for t, c, _ in _T4_ROWS[3]]]
    src = read_docx(_docx(rows), "lo.docx")
    got = report_to_dict(parse(src.text))
    assert got["t4"] == _WANT
