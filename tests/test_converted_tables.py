"""Tables as HTML-to-text converters write an office program's page (markdownify,
trafilatura, html2text, w3m, lynx): the grid's sliver columns left as empty cells, and
labels wrapped in a narrow column whose first line is a label of its own."""
from __future__ import annotations

import pytest

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.testing import example_report, t4_values, with_table

_T4_VALUES = [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]


def _with_table_four(table: str) -> str:
    return with_table(example_report(), "S4", table)


def _markdown_t4(values: list, sliver_at: int) -> str:
    """markdownify's pipes of LibreOffice's table 四: an empty cell where the grid has a
    sliver column, in the header words' row and the values' row alike."""
    words = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    header, row = list(words), [str(v) for v in values]
    header.insert(sliver_at, "")
    row.insert(sliver_at, "")
    return "\n".join([
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | | |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        "| 未经复议直接起诉 | | | | | | 复议后起诉 | | | | |",
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(row) + " |",
    ])


def test_an_empty_sliver_cell_among_table_four_values_is_no_cell():
    for sliver_at in (5, 10, 3):
        text = _with_table_four(_markdown_t4(_T4_VALUES, sliver_at))
        assert t4_values(text) == _T4_VALUES, sliver_at
        assert not [d for d in lint_text(text) if d.code in ("T190", "A106", "T103")]


def test_a_blank_value_beside_a_sliver_is_still_not_placed_by_guess():
    # Fourteen values written and two empty cells: which one is the sliver is unknown.
    values = [str(v) for v in _T4_VALUES]
    values[7] = ""
    table = _markdown_t4([int(v) if v else "" for v in values], 5)
    codes = {d.code for d in lint_text(_with_table_four(table))}
    assert "T190" in codes and "A106" not in codes


_W3M_T3 = """\
三、收到和处理政府信息公开申请情况

                          申请人情况
                          自然人  法人或其他组织                           总计
                                  商业  科研  社会公  法律服  其他
                                  企业  机构  益组织  务机构

一、本年新收政府信息公开  {r01}
申请数量
二、上年结转政府信息公开  0       0     0     0       0       0     0
申请数量
三、本   （一）予以公开   {r03}
年度办
理结果
         （二）部分公开   0       0     0     0       0       0     0
         （三）   1.属于  0       0     0     0       0       0     0
         不予公   国家秘
         开       密
                  2.其他  0       0     0     0       0       0     0
                  法律行
                  政法规
                  禁止公
                  开
                  3.危及  0       0     0     0       0       0     0
                  4.保护  0       0     0     0       0       0     0
                  5.属于  0       0     0     0       0       0     0
                  6.属于  0       0     0     0       0       0     0
                  7.属于  0       0     0     0       0       0     0
                  8.属于  0       0     0     0       0       0     0
         （四）   1.本机  0       0     0     0       0       0     0
         无法提   2.没有  0       0     0     0       0       0     0
         供       3.补正  0       0     0     0       0       0     0
         （五）   1.信访  0       0     0     0       0       0     0
         不予处   2.重复  0       0     0     0       0       0     0
         理       3.要求  0       0     0     0       0       0     0
                  4.无正  0       0     0     0       0       0     0
                  5.要求  0       0     0     0       0       0     0
         （六）   1.申请  {r21}
         其他处   人无正
         理       当理由
                  2.申请  {r22}
                  人逾期
                  3.其他  0       0     0     0       0       0     0
         （七）总计       {r01}
四、结转下年度继续办理    0       0     0     0       0       0     0
"""


def test_a_label_cut_to_its_first_words_in_a_narrow_column_keeps_its_row():
    # w3m / lynx wrap labels in narrow columns: "2.其他" is the start of
    # 2.其他法律行政法规禁止公开 (a row of （三）), not （六）3.其他.
    row = "  ".join(["{}"] * 7)
    text = example_report()
    start, end = text.index("三、收到和处理政府信息公开申请情况"), text.index("四、政府信息公开行政复议")
    t3 = _W3M_T3.format(r01=row.format(3, 1, 0, 0, 0, 0, 4), r03=row.format(1, 0, 0, 0, 0, 0, 1),
                        r21=row.format(1, 0, 0, 0, 0, 0, 1), r22=row.format(1, 1, 0, 0, 0, 0, 2))
    report = report_to_dict(parse(text[:start] + t3 + "\n" + text[end:]))
    t3_rows = report["t3_rows"]
    assert t3_rows["R06"]["line"] != t3_rows["R23"]["line"]
    assert report["t3"]["R21"]["C7"] == 1 and report["t3"]["R22"]["C7"] == 2


def _with_t3_rows(old_rows: str, new_rows: str) -> str:
    text = example_report()
    assert old_rows in text
    return text.replace(old_rows, new_rows)


_R03_R04 = ("三、本年度办理结果\t（一）予以公开\t2\t0\t0\t0\t0\t0\t2\n"
            "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1\n")


def _stacked(first: tuple[int, ...], second: tuple[int, ...]) -> str:
    """Rows （一） and （二） as pymupdf4llm joins rows it cannot tell apart: one pipe row,
    each cell's lines joined by <br>."""
    return ("|三、本年度办理结果（一）予以公<br>（二）部分公<br>计其他情形）|开<br>开（区分处理的，只计这一情形，不|"
            + "|".join(f"{a}<br>{b}" for a, b in zip(first, second)) + "|\n")


def test_two_rows_stacked_in_one_pipe_row_are_read_as_the_two_rows():
    text = _with_t3_rows(_R03_R04, _stacked((2, 0, 0, 0, 0, 0, 2), (1, 0, 0, 0, 0, 0, 1)))
    t3 = report_to_dict(parse(text))["t3"]
    assert [t3["R03"][f"C{k}"] for k in range(1, 8)] == [2, 0, 0, 0, 0, 0, 2]
    assert [t3["R04"][f"C{k}"] for k in range(1, 8)] == [1, 0, 0, 0, 0, 0, 1]
    assert not {"T103", "T105", "A104", "A102", "A103", "T190"} & {d.code for d in lint_text(text)}


def test_two_rows_stacked_that_do_not_add_up_so_are_misread_not_fourteen_values():
    # (The second row's total broken: which value is whose is not vouched for.)
    text = _with_t3_rows(_R03_R04, _stacked((2, 0, 0, 0, 0, 0, 2), (1, 0, 0, 0, 0, 0, 3)))
    codes = [d.code for d in lint_text(text)]
    assert not {"T103", "T105", "A104", "A102", "A103"} & set(codes)
    assert "T190" in codes


def _narrow(line: str) -> str:
    """A table row as a narrow label column prints it: the label's first characters with
    the values, the rest two characters a line; other lines as they are."""
    cells = [c for c in line.split("\t") if c]
    values = [c for c in cells if c.isdigit()]
    if not values or len(values) == len(cells):
        return " ".join(cells)
    label = "".join(c for c in cells if not c.isdigit())
    first = 3 if label[:1].isdigit() else 10  # 2.申 / 四、结转下年度继续办, as pymupdf4llm cut them
    pieces = [label[:first]] + [label[i:i + 2] for i in range(first, len(label), 2)]
    return "<br>".join([pieces[0] + " " + " ".join(values), *pieces[1:]])


def test_a_line_broken_by_br_tags_is_read_line_by_line():
    # pymupdf4llm writes a region it took for a picture on one line, its lines joined by
    # <br>: the rows and the next section's heading inside it are read.
    # (The region runs from table 三's last rows to section 四's heading.)
    page = example_report()
    start = page.index("\t\t2.申请人逾期未按收费通知")
    end = page.index("\n", page.index("四、政府信息公开行政复议"))
    joined = "<br>".join(_narrow(line) for line in page[start:end].replace("\n\n", "\n").split("\n"))
    text = page[:start] + joined + page[end:]
    assert joined in text.splitlines()
    report = report_to_dict(parse(text))
    assert report["sections"]["S4"] is not None
    assert report["t3"]["R24"]["C7"] == 4 and report["t4"]["review"]["total"] == 1
    assert not [d for d in lint_text(text) if d.code in ("S101", "T101", "A101", "A102", "A103")]


def test_rows_run_on_in_a_paragraph_joined_by_blanks_are_read_row_by_row():
    # pymupdf4llm writes the last rows of a page it did not take for a table as one
    # paragraph, its lines joined by blanks: 「2.申 0 0 0 0 0 0 0 请人 逾期 … 3.其 0 … 他
    # （七）总计 3 1 0 0 0 0 4 四、结转下年度继续办 1 0 … 理 四、政府信息公开行政复议…」.
    page = example_report()
    start = page.index("\t\t2.申请人逾期未按收费通知")
    end = page.index("\n", page.index("四、政府信息公开行政复议"))
    lines = page[start:end].replace("\n\n", "\n").split("\n")
    joined = " ".join(_narrow(line).replace("<br>", " ") for line in lines)
    text = page[:start] + joined + page[end:]
    assert joined in text.splitlines()
    report = report_to_dict(parse(text))
    assert report["sections"]["S4"] is not None
    want = report_to_dict(parse(page))["t3"]
    for key in ("R22", "R23", "R24", "R25"):
        assert report["t3"][key] == want[key], key
    assert not [d for d in lint_text(text) if d.code in ("S101", "T101", "T103", "T105", "T190")]


def test_a_number_cut_in_two_by_a_cell_boundary_is_joined_by_the_row_total():
    # pymupdf4llm: |（|七）|总计|95|0|0|0|0|0|9|5|, the total 95 cut into 9 and 5.
    old = "\t（七）总计\t3\t1\t0\t0\t0\t0\t4\n"
    text = example_report().replace(old, "|（|七）|总计|13|1|0|0|0|0|1|4|\n")
    report = report_to_dict(parse(text))
    assert report["t3"]["R24"] == {"C1": 13, "C2": 1, "C3": 0, "C4": 0, "C5": 0, "C6": 0, "C7": 14}
    assert "T103" not in [d.code for d in lint_text(text)]


def test_two_numbers_each_cut_in_two_are_joined_by_the_row_total():
    # pymupdf4llm: |（|七）|总计|2|932|53|0|0|6|1|4|3050|, 2932 and 61 each cut in two.
    old = "\t（七）总计\t3\t1\t0\t0\t0\t0\t4\n"
    text = example_report().replace(old, "|（|七）|总计|1|3|11|0|0|0|0|2|4|\n")
    report = report_to_dict(parse(text))
    assert report["t3"]["R24"] == {"C1": 13, "C2": 11, "C3": 0, "C4": 0, "C5": 0, "C6": 0, "C7": 24}
    assert not {"T103", "A104"} & {d.code for d in lint_text(text)}


def test_a_number_cut_in_two_beside_an_empty_sliver_cell_is_joined_by_the_row_total():
    # pymupdf4llm of LibreOffice's PDF: |3.其<br>他||1|08|2|0|0|0||0|110|, 108 cut into 1
    # and 08 and an empty cell where the grid has a sliver column.
    old = "\t（七）总计\t3\t1\t0\t0\t0\t0\t4\n"
    text = example_report().replace(old, "|（|七）|总计||1|3|2|0|0|0||0|15|\n")
    report = report_to_dict(parse(text))
    assert report["t3"]["R24"] == {"C1": 13, "C2": 2, "C3": 0, "C4": 0, "C5": 0, "C6": 0, "C7": 15}
    assert "T103" not in [d.code for d in lint_text(text)]


def test_two_values_too_many_that_two_ways_of_joining_explain_stay_t103():
    # 1|1|1|0|0|0|0|1|2 adds up joined as 11 1 0 0 0 0 12 and as 1 11 0 0 0 0 12: unknown.
    old = "\t（七）总计\t3\t1\t0\t0\t0\t0\t4\n"
    text = example_report().replace(old, "|（|七）|总计|1|1|1|0|0|0|0|1|2|\n")
    assert "T103" in [d.code for d in lint_text(text)]


def test_a_value_after_a_piece_of_label_in_its_cell_is_the_rows_first_value():
    # pymupdf4llm cuts LibreOffice's narrow label column in pieces of two characters and
    # puts the first value, whose box fell in that column, on the piece's next line.
    old = "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n"
    page = example_report()
    assert old in page
    text = page.replace(old, "||||3.其<br>0|0|0|0|0|0|0||\n||||他|||||||||\n")
    report = report_to_dict(parse(text))
    assert report["t3"]["R23"] == {f"C{k}": 0 for k in range(1, 8)}
    assert "T103" not in [d.code for d in lint_text(text)]


def test_a_row_with_a_value_too_many_that_no_join_explains_is_still_t103():
    old = "\t（七）总计\t3\t1\t0\t0\t0\t0\t4\n"
    text = example_report().replace(old, "\t（七）总计\t3\t1\t0\t0\t0\t0\t4\t7\n")
    assert "T103" in [d.code for d in lint_text(text)]


@pytest.mark.parametrize("cut", [
    # pymupdf4llm takes the heading under table 三 into the table
    "|四|、政府|信息公|开行政|复议、|行政|诉讼情|况|||||||",
    # … and the label above ended in the heading's first cell, on the cell's first line
    # (was: table 四 "missing", T101, and S101)
    "|理<br>四、|政府|信息公|开行政|复|议、行政|诉讼情|况||||||",
], ids=["cells", "after-a-label"])
def test_a_section_heading_cut_into_a_pipe_rows_cells_is_the_heading(cut):
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    text = example_report().replace(heading, cut, 1)
    report = report_to_dict(parse(text))
    assert report["sections"]["S4"]["title"] == heading
    assert not [d for d in lint_text(text) if d.code in ("S101", "T101")]


def test_a_heading_in_the_last_lines_of_cells_under_values_is_there():
    # pymupdf4llm stacks table 四's values and the next heading in one pipe row, each cell
    # a value over a piece of the heading: |1<br>五、|0<br>存在|…|. Was: S101 for 五.
    heading = "五、存在的主要问题及改进情况"
    page = example_report()
    values = page[page.index("结果维持"):page.index(heading)].strip().split("\n")[-1]
    pieces = ["五、", "存在", "的主要", "问题及", "改", "进情况"]
    cells = [f"{v}<br>{pieces[k]}" if k < len(pieces) else v for k, v in enumerate(values.split("\t"))]
    text = page.replace(values + "\n", "").replace(heading, "|" + "|".join(cells) + "|", 1)
    assert heading not in text
    assert not [d for d in lint_text(text) if d.code == "S101"]


def test_a_table_row_cut_into_cells_is_no_heading():
    # 四、结转下年度继续办理 cut so carries values: a row of table 三, not section 四.
    page = example_report()
    text = page.replace("四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1", "|四、|结转|下年度|继续办理|1|0|0|0|0|0|1|")
    assert text != page
    heading_line = text.splitlines().index("四、政府信息公开行政复议、行政诉讼情况") + 1
    report = report_to_dict(parse(text))
    assert report["sections"]["S4"]["line"] == heading_line
    assert report["t3"]["R25"]["C7"] == 1


def test_block_headings_of_table_two_cut_into_cells_still_start_the_table():
    # pymupdf4llm of a page printed from a grid: the first two 第二十条 headings cut over
    # cells (||第二十|条第（一）项||). The table starts at the first of them, not at the
    # first heading left whole, so the rows above that one are read too.
    whole = "\n".join([
        "第二十条第（一）项",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "|---|---|---|---|",
        "| 规章 | 0 | 0 | 0 |",
        "| 行政规范性文件 | 3 | 1 | 17 |",
        "第二十条第（五）项",
        "| 信息内容 | 本年处理决定数量 |",
        "|---|---|",
        "| 行政许可 | 57 |",
        "||第二十条|第|（六）项||",
        "| 信息内容 | 本年处理决定数量 |",
        "| 行政处罚 | 94 |",
        "| 行政强制 | 6 |",
        "第二十条第（八）项",
        "| 信息内容 | 本年收费金额（单位：万元） |",
        "| 行政事业性收费 | 0 |",
    ])
    cut = whole.replace("第二十条第（一）项", "||第二十|条第（一）项||").replace("第二十条第（五）项", "||第|二|十条第（五）|项|")
    for table in (whole, cut):
        t2 = report_to_dict(parse(with_table(example_report(), "S2", table)))["t2"]
        assert (t2["norm.issued"], t2["norm.in_force"], t2["licensing"], t2["penalty"]) == (3, 17, 57, 94)


_ROWS_13_TO_15 = ("\t（四）无法提供\t1.本机关不掌握相关政府信息\t0\t1\t0\t0\t0\t0\t1\n"
                  "\t\t2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0\n"
                  "\t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0\n")


def test_a_rows_values_in_paragraphs_under_its_label_are_the_row():
    # pymupdf4llm of a browser's print of <div> cells: a label, then its values a few a
    # paragraph, some list items (「- 0」); a label with its first value, the rest below, the
    # last before the next row's label (「0 3.补正后…」).
    page = example_report()
    assert _ROWS_13_TO_15 in page
    text = page.replace(_ROWS_13_TO_15, "\n- （四）无法提供\n\n- 1.本机关不掌握相关政府信息\n\n0 1\n\n- 0\n\n0\n\n0 0\n\n- 1\n\n"
                        "2.没有现成信息需要另行制作 0\n\n- 0\n\n0 0 0\n\n- 0\n\n0 3.补正后申请内容仍不明确\n\n"
                        "0 0 0 0\n\n0\n\n0 0\n\n")
    t3 = report_to_dict(parse(text))["t3"]
    assert list(t3["R13"].values()) == [0, 1, 0, 0, 0, 0, 1]
    assert list(t3["R14"].values()) == list(t3["R15"].values()) == [0] * 7
    assert not {d.code for d in lint_text(text)}


def test_paragraphs_short_of_a_row_leave_it_unread():
    # Six values under the label (a report's blank cell the paragraphs do not show):
    # which cell is empty is unknown.
    page = example_report()
    text = page.replace(_ROWS_13_TO_15, "\n- （四）无法提供\n\n- 1.本机关不掌握相关政府信息\n\n0 1\n\n- 0\n\n0 0\n\n- 1\n\n"
                        + _ROWS_13_TO_15.split("\n", 1)[1])
    assert list(report_to_dict(parse(text))["t3"]["R13"].values()) == [None] * 7


def test_rows_of_six_values_run_on_in_a_paragraph_are_cut_row_by_row():
    # A report's blank 总计 cells, which a paragraph does not show: each row is there,
    # its cells unknown (was: one row read, the others "missing", T105).
    page = example_report()
    start, end = page.index("一、本年新收政府信息公开申请数量\t"), page.index("\t（三）不予公开")
    text = page[:start] + ("一、本年新收政府信息公开申请数量 3 1 0 0 0 0 二、上年结转政府信息公开申请数量 1 0 0 0 0 0 "
                           "三、本年度办理结果 （一）予以公开 2 0 0 0 0 0 （二）部分公开（区分处理的，只计这一情形，"
                           "不计其他情形） 1 0 0 0 0 0\n") + page[end:]
    rows = report_to_dict(parse(text))["t3_rows"]
    assert all(rows[k]["count"] == 6 for k in ("R01", "R02", "R03", "R04"))
    assert "T105" not in {d.code for d in lint_text(text)}
