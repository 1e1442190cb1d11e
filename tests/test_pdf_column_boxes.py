"""Table 三 as pdfminer.six's ``extract_text`` writes a ruled grid whose columns are text
boxes: the first rows' labels, then the header's words, then those rows' values column by
column, and the box of the 总计 column last, under its own header word; and a browser's
print of a CMS table, each cell a text box, rows' values one a line in an order of
pdfminer's grouping (the identities say which placements cannot be)."""
from __future__ import annotations

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.testing import example_report, with_table

_CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加\n第四项之和）"
_LABELS = ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量")
_HEADER = ("申请人情况", "法人或其他组织", "自然人", "商业企业 科研机构", "社会公\n益组织", "法律服\n务机构", "其他")


def _rows(text: str) -> dict[str, list[int]]:
    """The example's table 三 rows: label -> its seven values."""
    start = text.index("（本列数据的勾稽关系")
    rows = {}
    for line in text[start:text.index("四、政府信息公开行政复议", start)].splitlines():
        fields = [f for f in line.split("\t") if f]
        if len(fields) >= 8 and all(f.isdigit() for f in fields[-7:]):
            rows["\t".join(fields[:-7])] = [int(f) for f in fields[-7:]]
    return rows


def _boxes(rows: dict[str, list[int]], first: list[list[int]], subtotal: bool) -> str:
    """The table as column boxes: ``first``'s rows read apart, the others as tab rows."""
    width = 7 if subtotal else 6

    def cells(values: list[int]) -> list[int]:
        return values[:6] + [sum(values[1:6])] if subtotal else values[:6]

    columns = [[cells(row)[c] for row in first] for c in range(width)]
    lines = [_CAPTION, *_LABELS[:len(first)], *_HEADER, *(["小计"] if subtotal else [])]
    lines += [str(v) for column in columns for v in column]
    lines += ["总计", *(str(row[6]) for row in first)]
    for label, values in list(rows.items())[len(first):]:
        lines.append("\t".join([label, *map(str, cells(values) + [values[6]])]))
    return "\n\n".join(lines)


def test_the_total_column_read_after_the_others_goes_back_to_its_rows():
    text = example_report()
    rows = _rows(text)
    first = [rows[_LABELS[0]], rows[_LABELS[1]]]
    assert first[0] != first[1] and first[0][6] != sum(first[0][1:6])  # (values that tell the columns apart)
    report = with_table(text, "S3", _boxes(rows, first, subtotal=True))
    t3 = report_to_dict(parse(report))["t3"]
    assert [t3["R01"][f"C{k}"] for k in range(1, 8)] == first[0]
    assert [t3["R02"][f"C{k}"] for k in range(1, 8)] == first[1]
    assert not {d.code for d in lint_text(report)} & {"A101", "A102", "A103", "A104", "N101", "T103", "T190"}


def test_a_row_that_does_not_add_up_is_still_named():
    text = example_report()
    rows = _rows(text)
    slip = rows[_LABELS[0]][:6] + [rows[_LABELS[0]][6] + 1]  # a clerk's 总计 one too many
    rows[_LABELS[0]] = slip
    report = with_table(text, "S3", _boxes(rows, [slip, rows[_LABELS[1]]], subtotal=True))
    assert report_to_dict(parse(report))["t3"]["R01"]["C7"] == slip[6]
    assert {d.code for d in lint_text(report)} & {"A101", "A104"}


# pdfminer's text boxes of a browser's print of a CMS table: a row's label, then its values
# one a line and other rows' after them (a row's 总计 may come after the next row's first
# values), the next label with what is left.
_R03 = "（一）予以公开\t2\t0\t0\t0\t0\t0\t2"
_R04 = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t1"


def _streamed(own: list[int], then: list[int]) -> str:
    label3, label4 = _R03.split("\t")[0], _R04.split("\t")[0]
    text = example_report()
    assert _R03 in text and _R04 in text
    return (text.replace(_R03, "\n".join([label3, *map(str, own)]))
            .replace(_R04, "\n".join([label4, *map(str, then)])))


def _t3_row(text: str, key: str) -> list:
    return list(report_to_dict(parse(text))["t3"][key].values())


def test_seven_of_a_streams_values_that_do_not_add_up_are_left_unread():
    # （一）'s six values, （二）'s before （一）'s 总计: the first seven (2 0 0 0 0 0 1) are
    # no row's; which seven are is unknown.
    for own, then in (([2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], [2]),
                      ([2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0], [1, 2])):
        text = _streamed(own, then)
        assert _t3_row(text, "R03") == [None] * 7
        codes = {d.code for d in lint_text(text)}
        assert "T190" in codes and not codes & {"A101", "A102", "A103", "A104", "T103"}


def test_seven_of_a_streams_values_that_add_up_are_the_rows():
    text = _streamed([2, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0], [1])
    assert _t3_row(text, "R03") == [2, 0, 0, 0, 0, 0, 2]


def test_too_many_values_on_the_rows_one_line_are_still_the_reports():
    text = example_report().replace(_R03, _R03[:-2] + "\t1\t5\t6")
    assert _t3_row(text, "R03") == [2, 0, 0, 0, 0, 0, 1]
    assert "T103" in {d.code for d in lint_text(text)}


_R24 = "\t（七）总计\t3\t1\t0\t0\t0\t0\t4"
_R25 = "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1"


def _one_a_line(text: str, row: str, values: list[int]) -> str:
    assert row in text
    return text.replace(row, "\n".join([row.strip().split("\t")[0], *map(str, values)]))


def _gathered_stream() -> str:
    """The example with （一）'s label followed by thirteen values (other rows' among them):
    a stream whose rows' places the text does not give."""
    return _streamed([2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1], [2])


def test_a_streams_total_row_below_what_the_results_read_sum_to_is_left_unread():
    # （七）总计 followed by 四's values and 四 by （七）'s: the total read (1 0 0 0 0 0 1) is
    # less than the results read in the 法人 column (（四）1's 1): a misplaced row.
    text = _one_a_line(_one_a_line(_gathered_stream(), _R24, [1, 0, 0, 0, 0, 0, 1]), _R25, [3, 1, 0, 0, 0, 0, 4])
    assert _t3_row(text, "R24") == [None] * 7
    codes = {d.code for d in lint_text(text)}
    assert "T190" in codes and not codes & {"A101", "A102", "A104", "N101"}


def test_a_streams_row_that_does_not_add_up_is_left_unread():
    text = _one_a_line(_gathered_stream(), _R24, [3, 1, 0, 0, 0, 0, 1])
    assert _t3_row(text, "R24") == [None] * 7


def test_a_row_that_does_not_add_up_outside_a_gathered_stream_is_the_reports_error():
    for text in (example_report().replace(_R24, _R24[:-1] + "1"),
                 _one_a_line(example_report(), _R24, [3, 1, 0, 0, 0, 0, 1])):
        assert _t3_row(text, "R24") == [3, 1, 0, 0, 0, 0, 1]
        assert "A101" in {d.code for d in lint_text(text)}


_HEADING_FOUR = "四、政府信息公开行政复议、行政诉讼情况"


def _values_past_the_heading(page: str) -> str:
    """The example with table 三's rows from （一） on as pdfminer writes a ruled grid whose
    columns are text boxes: the labels' box, section 四's heading, then the value columns'
    boxes one value a line, column by column."""
    start = page.index("三、本年度办理结果")
    rows = [[f for f in line.split("\t") if f] for line in page[start:page.index("\n\n", start)].splitlines()]
    columns = [row[-7 + c] for c in range(7) for row in rows]
    at = page.index(_HEADING_FOUR)
    return (page[:start] + "\n".join(row[-8] for row in rows) + "\n" + _HEADING_FOUR + "\n"
            + "\n".join(columns) + "\n" + page[at + len(_HEADING_FOUR):].lstrip("\n"))


def test_table_three_values_past_section_four_heading_are_read_when_every_identity_holds():
    page = example_report()
    text = _values_past_the_heading(page)
    assert report_to_dict(parse(text))["t3"] == report_to_dict(parse(page))["t3"]
    assert report_to_dict(parse(text))["t4"] == report_to_dict(parse(page))["t4"]
    assert not {d.code for d in lint_text(text)}


def test_table_three_values_past_the_heading_that_break_an_identity_are_not_placed():
    # （七）总计's 自然人 one too few (a clerk's slip, or a column box split elsewhere): the
    # stream's order is not vouched for, and the rows stay unread.
    page = example_report().replace("\t（七）总计\t3\t1", "\t（七）总计\t2\t1")
    t3 = report_to_dict(parse(_values_past_the_heading(page)))["t3"]
    assert t3["R03"] == {f"C{k}": None for k in range(1, 8)}
