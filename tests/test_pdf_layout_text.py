"""Tables in the text PDF extractors lay out by position (`pdftotext -layout`, pypdf's and
pdfplumber's layout modes, PyMuPDF sorted): where table 三's 小计 column stands when the
header wraps beside its wrapped caption (its lines' words run into each other; the rows'
own identities tell), and table 四 printed one cell a line with blank lines that are the
spacing of taller boxes, not empty cells."""
from __future__ import annotations

import re

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.reader.cells import LCell
from gplint.reader.t3_fit import subtotal_column, subtotal_the_rows_show
from gplint.testing import example_report, t4_values, with_table

# The header as such tools lay it out: the caption wrapped in a column of its own, 法人或
# 其他组织's column words wrapped under it, 小计 closing the group on the middle line.
_LAID_OUT_HEADER = """\
（本列数据的勾稽关     申请人情况
系为：第一项加第二     自然  法人或其他组织                         总计
项之和，等于第三项     人   商业  科研  社会    法律   其他    小计
加第四项之和）           企业  机构  公益    服务
                          组织    机构"""

# Values that tell the two places of a 小计 apart (two legal-person columns written).
_R01 = [4, 2, 0, 1, 0, 0, 7]
_R03 = [3, 1, 0, 1, 0, 0, 5]
_R24 = [4, 2, 0, 1, 0, 0, 7]


def _t3_rows(text: str) -> tuple[int, int, list[list[str]]]:
    """Where the example report's tab-row table 三 starts and ends, and each row's fields
    below its header (its label's pieces, then its seven values)."""
    start = text.index("（本列数据的勾稽关系")
    end = text.index("四、政府信息公开行政复议")
    rows = [[f for f in line.split("\t") if f] for line in text[start:end].splitlines()[3:] if line.strip()]
    return start, end, rows


def _laid_out(text: str) -> str:
    """The report's tab-row table 三 laid out in columns with a 小计 column before 总计."""
    start, end, rows = _t3_rows(text)
    lines = []
    for *label, total in rows:
        values = [int(v) for v in label[-6:]] + [int(total)]
        words = [w for w in label[:-6]]
        subtotal = sum(values[1:6])
        cells = [str(v) for v in values[:6]] + [str(subtotal), str(values[6])]
        lines.append("  ".join(words) + "     " + "   ".join(cells))
    return text[:start] + _LAID_OUT_HEADER + "\n" + "\n".join(lines) + "\n\n" + text[end:]


def _with_rows(text: str) -> str:
    """The example report with table 三 rows 一, （一） and （七） as above: every
    identity still holds (（七） is （一）+（二）+（四）1, and 一 + 二 = （七） + 四)."""
    for label, values in (("一、本年新收政府信息公开申请数量", _R01), ("（一）予以公开", _R03),
                          ("（七）总计", _R24)):
        text = re.sub(rf"({re.escape(label)})((?:\t\d+){{7}})",
                      lambda m: m.group(1) + "".join(f"\t{v}" for v in values), text, count=1)
    return text


def test_a_subtotal_closing_the_group_is_read_from_a_header_wrapped_beside_its_caption():
    text = _laid_out(example_report())
    t3 = report_to_dict(parse(text))["t3"]
    expected = report_to_dict(parse(example_report()))["t3"]
    assert t3 == expected


def test_the_header_word_before_a_subtotal_places_it():
    assert subtotal_column("自然人商业企业科研机构社会公益组织法律服务机构其他小计总计") == 6
    # pdftotext -layout: the next line's 企业 comes right after a closing 小计.
    assert subtotal_column("自然法人或其他组织总计人商业科研社会法律其他小计企业机构公益服务") == 6
    assert subtotal_column("自然人小计商业企业科研机构社会公益组织法律服务机构其他总计") == 1
    # A 小计 merged over a two-row header, read with its top row: it closes the group.
    assert subtotal_column("自然人法人或其他组织小计总计商业企业科研机构社会公益组织法律服务机构其他") == 6


def _row(*values: int) -> list[LCell]:
    return [LCell("num", str(v), 1, 1, 2, v) for v in values]


def test_the_rows_identities_overrule_a_header_that_places_the_subtotal_wrongly():
    closing = [_row(5, 2, 0, 1, 0, 0, 3, 8), _row(0, 0, 0, 0, 0, 0, 0, 0)]
    assert subtotal_the_rows_show(closing, guess=1) == 6
    after_natural = [_row(5, 3, 2, 0, 1, 0, 0, 8)]
    assert subtotal_the_rows_show(after_natural, guess=6) == 1


def test_rows_that_cannot_tell_the_places_apart_leave_the_header_its_guess():
    # One legal-person column written: both places add up. Zeros fit both too.
    ambiguous = [_row(5, 2, 0, 0, 0, 0, 2, 7), _row(0, 0, 0, 0, 0, 0, 0, 0)]
    assert subtotal_the_rows_show(ambiguous, guess=1) == 1
    assert subtotal_the_rows_show(ambiguous, guess=6) == 6


def test_a_row_that_adds_up_under_neither_place_is_a_defect_not_a_vote():
    # The first row is wrong (its 小计 is neither place's sum): the second decides alone.
    rows = [_row(5, 2, 0, 1, 0, 0, 9, 8), _row(4, 1, 0, 2, 0, 0, 3, 7)]
    assert subtotal_the_rows_show(rows, guess=1) == 6
    # Against a row that fits only the guess, another fitting only the other place wins nothing.
    rows = [_row(5, 3, 2, 0, 1, 0, 0, 8), _row(4, 1, 0, 2, 0, 0, 3, 7)]
    assert subtotal_the_rows_show(rows, guess=1) == 1


def test_a_report_laid_out_so_draws_no_row_total_finding():
    text = _laid_out(_with_rows(example_report()))
    codes = [d.code for d in lint_text(text)]
    assert not [c for c in codes if c in ("A101", "A102", "A103", "A104", "T103", "T190")], codes


_T4_VALUES = [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]


def _t4_one_a_line(values: list, blank_after: int) -> str:
    """Table 四 one cell a line as pdfplumber's layout text of a browser's page gives it: a
    blank line after each block's first header word and one after value ``blank_after``."""
    words = []
    for _block in range(3):
        words += ["结果维持", "", "结果纠正", "其他结果", "尚未审结", "总计"]
    cells = [str(v) for v in values]
    cells.insert(blank_after + 1, "")
    return "\n".join(["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *words, *cells])


def _with_table_four(table: str) -> str:
    return with_table(example_report(), "S4", table)


def test_a_blank_line_among_table_four_values_one_a_line_is_spacing_when_the_blocks_add_up():
    for blank_after in (2, 7, 12):
        text = _with_table_four(_t4_one_a_line(_T4_VALUES, blank_after))
        assert t4_values(text) == _T4_VALUES, blank_after
        assert not [d for d in lint_text(text) if d.code in ("A106", "T190", "N103")], blank_after


def test_an_empty_cell_one_a_line_before_a_page_number_stays_an_empty_cell():
    # A real empty cell (review's 尚未审结), then the page's number: read as such, the
    # number after the table is no cell of it (the blocks would not add up with it).
    values = [str(v) for v in _T4_VALUES]
    values[3] = ""
    table = "\n".join(["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
                       *(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3), *values, "7"])
    read = t4_values(_with_table_four(table))
    assert read[3] is None and read[:3] == _T4_VALUES[:3] and read[4:] == _T4_VALUES[4:]


# Table 三 laid out without its 总计 column (the page was cut at its right edge, or the
# report left it out), the rows' values standing under six columns.
_SIX_COLUMN_HEADER = """\
（本列数据的勾稽关系为：第一项加第二项之和，     自然    法人或其他组织
等于第三项加第四项之和）                         人      商业企业  科研机构  社会公益组织  法律服务机构  其他"""


def _six_columns(text: str, short: str) -> str:
    """Table 三 laid out in six aligned columns; row ``short`` keeps only its 自然人 and
    社会公益组织 values, where they stand, the other cells left empty."""
    start, end, rows = _t3_rows(text)
    lines = []
    for *label, _total in rows:
        values = label[-6:]
        if label[-7] == short:
            values = [values[0], "", "", values[3], "", ""]
        cells = "".join(f"{v:>10}" for v in values)
        lines.append(f"{label[-7]:<36}{cells}")
    return text[:start] + _SIX_COLUMN_HEADER + "\n" + "\n".join(lines) + "\n\n" + text[end:]


def test_a_short_row_under_a_header_without_a_total_column_keeps_seven_cells():
    text = _six_columns(example_report(), "2.重复申请")
    report = parse(text)
    row = report.t3.rows["R17"]
    assert len(row.cells) == 7 and row.cells[6].value is None
    assert report_to_dict(report)["t3"]["R17"]["C1"] == 0  # (the dump read every cell: no IndexError)
    assert all(len(r.cells) == 7 for r in report.t3.rows.values())


_T4_HEADER = "\n".join(["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
                        *(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)])


def test_a_number_wrapped_after_a_lines_values_is_joined_by_the_block_totals():
    # pypdf's text of LibreOffice's PDF: a row's cells on one line, a narrow cell's wrapped
    # tail alone on the next (178 as 17 / 8, 351 as 35 / 1).
    text = _with_table_four(_T4_HEADER + "\n72 64 17\n8\n37 35\n1\n13 4 8 1 26 12 1 1 6 20")
    assert t4_values(text) == [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]


def test_table_four_values_one_too_many_are_placed_only_before_the_block_they_break():
    text = _with_table_four(_T4_HEADER + "\n1 0 0 0 1\n0 5 0 0 0 0\n0 0 0 0 0")
    assert t4_values(text) == [1, 0, 0, 0, 1] + [None] * 10


def test_table_four_values_short_of_fifteen_are_placed_only_before_a_block_they_break():
    # A cell lost inside the first block: the second block, shifted, is not placed; cells
    # lost after the last value are the last ones.
    text = _with_table_four(_T4_HEADER + "\n1\n0\n0\n1\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0")
    assert t4_values(text) == [None] * 15
    text = _with_table_four(_T4_HEADER + "\n1\n0\n0\n0\n1\n0\n0")
    assert t4_values(text) == [1, 0, 0, 0, 1, 0, 0] + [None] * 8


def test_wrapped_ends_on_the_line_below_table_four_values_are_joined_by_the_block_totals():
    # pdfplumber's and pdftotext's text of LibreOffice's PDF: the values' line, then the
    # ends of the numbers two narrow cells wrapped (178 and 351), in their order.
    text = _with_table_four(_T4_HEADER + "\n72 64 17 37 35 13 4 8 1 26 12 1 1 6 20\n8 1")
    assert t4_values(text) == [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    # Ends that no way explains: the block they break is not placed, nor the ones after.
    text = _with_table_four(_T4_HEADER + "\n72 64 17 37 35 13 4 8 1 26 12 1 1 6 20\n9 9")
    assert t4_values(text) == [None] * 15
