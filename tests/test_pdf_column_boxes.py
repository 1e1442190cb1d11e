"""Table 三 as pdfminer.six's ``extract_text`` writes a ruled grid whose columns are text
boxes: the first rows' labels, then the header's words, then those rows' values column by
column, and the box of the 总计 column last, under its own header word."""
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
