"""Table 三 as pymupdf4llm writes a page it did not take for a table (Chromium's print of a
page of ``<div>`` cells): the header's words and the first rows run on into one paragraph,
the later rows' values one a line or a few, a cell's line taken for a list item written
with a bullet (「- 3.其他」), and the last values of a row joined with the next row's
label on one line (「2 0 0 0 0 35 四、结转下年度继续办理」)."""
from __future__ import annotations

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.testing import example_report, t4_values, with_table

_HEADER_WORDS = "自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他"
_CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况"


def _rows(text: str) -> list[tuple[str, list[int]]]:
    """The example's table 三 rows in order: the label (its pieces joined) and its seven
    values."""
    start = text.index("（本列数据的勾稽关系")
    rows = []
    for line in text[start:text.index("四、政府信息公开行政复议", start)].splitlines():
        fields = [f for f in line.split("\t") if f]
        if len(fields) >= 8 and all(f.isdigit() for f in fields[-7:]):
            rows.append((fields[-8], [int(f) for f in fields[-7:]]))
    return rows


def _t3(report: str) -> dict[str, list]:
    t3 = report_to_dict(parse(report))["t3"]
    return {key: [row.get(f"C{k}") for k in range(1, 8)] for key, row in t3.items() if key.startswith("R")}


def _paragraph_then_rows(rows: list[tuple[str, list[int]]], run_on: int) -> str:
    """The header's words and the first ``run_on`` rows on one line, each later row a line."""
    first = " ".join(f"{label} {' '.join(map(str, values))}" for label, values in rows[:run_on])
    lines = [_CAPTION, f"{_HEADER_WORDS} {first} "]
    lines += [f"{label} {' '.join(map(str, values))}" for label, values in rows[run_on:]]
    return "\n\n".join(lines)


def _tails_then_labels(rows: list[tuple[str, list[int]]], tail: int) -> str:
    """Each row's label on a line, its values one a line; every second row's last
    ``tail`` values on the next row's label line before that label, and a label alone on
    its line written as a list item (「- （七）总计」)."""
    lines = [_CAPTION, _HEADER_WORDS]
    held: list[int] = []
    for k, (label, values) in enumerate(rows):
        lines.append(f"{' '.join(map(str, held))} {label}" if held else f"- {label}")
        cut = len(values) - tail if k % 2 else len(values)
        lines += [str(v) for v in values[:cut]]
        held = values[cut:]
    if held:
        lines.append(" ".join(map(str, held)))
    return "\n\n".join(lines)


def test_rows_run_on_after_the_header_words_are_read_each_with_its_values():
    text = example_report()
    rows = _rows(text)
    assert rows[0][1] != rows[1][1]  # (rows that tell their places apart)
    report = with_table(text, "S3", _paragraph_then_rows(rows, run_on=5))
    read = _t3(report)
    assert [read[f"R0{k}"] for k in range(1, 6)] == [values for _, values in rows[:5]]


def test_a_rows_last_values_on_the_next_rows_label_line_are_its_own():
    text = example_report()
    rows = _rows(text)
    report = with_table(text, "S3", _tails_then_labels(rows, tail=2))
    read = _t3(report)
    assert [read[f"R{k:02d}"] for k in range(1, len(rows) + 1)] == [values for _, values in rows]
    assert not {d.code for d in lint_text(report)} & {"A101", "A102", "A103", "A104", "N101", "T103", "T190"}


def test_values_before_a_label_that_do_not_complete_the_row_above_stay_the_labels_row():
    # Values first, then the label, every row (a PDF's reading order lost): no row above
    # is waiting for them, each line is its row as written.
    text = example_report()
    rows = _rows(text)
    table = "\n".join([_CAPTION, _HEADER_WORDS, *(f"{' '.join(map(str, v))} {label}" for label, v in rows)])
    read = _t3(with_table(text, "S3", table))
    assert [read[f"R{k:02d}"] for k in range(1, len(rows) + 1)] == [values for _, values in rows]



_T4_HEADER = ("行政复议 行政诉讼 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 "
              "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计")


def test_table_four_values_written_as_list_items_are_the_values_without_their_bullets():
    text = example_report()
    values = t4_values(text)
    lines = [_T4_HEADER, *(f"- {v}" if k % 3 == 0 else str(v) for k, v in enumerate(values))]
    assert t4_values(with_table(text, "S4", "\n\n".join(lines))) == values


def _pipe_table_stacking(rows: list[tuple[str, list[int]]], first: int, label_cut: bool) -> str:
    """Table 三 as pipe rows, rows ``first`` and ``first + 1`` stacked in one row's cells
    (「|（一）予以公<br>（二）部分公…|开<br>开（区分…|50<br>9|…|」 with ``label_cut``)."""
    lines = ["|" + _CAPTION + "|" + "|".join(_HEADER_WORDS.split()) + "|", "|---" * 9 + "|"]
    for k, (label, values) in enumerate(rows):
        if k == first + 1:
            continue
        if k == first:
            below, under = rows[k + 1]
            if label_cut:
                labels = f"{label[:-1]}<br>{below[:6]}|{label[-1:]}<br>{below[6:]}"
            else:
                labels = f"{label}<br>{below}"
            lines.append(f"|{labels}|" + "|".join(f"{a}<br>{b}" for a, b in zip(values, under)) + "|")
        else:
            lines.append(f"|{label}|" + "|".join(map(str, values)) + "|")
    return "\n".join(lines)


def test_two_rows_stacked_in_one_pipe_rows_cells_are_read_as_the_two_rows():
    text = example_report()
    rows = _rows(text)
    first = next(k for k, (_, values) in enumerate(rows) if values != rows[k + 1][1])  # rows that differ
    for label_cut in (False, True):
        report = with_table(text, "S3", _pipe_table_stacking(rows, first, label_cut))
        read = _t3(report)
        assert [read[f"R{k:02d}"] for k in range(1, len(rows) + 1)] == [values for _, values in rows]
        assert "T190" not in {d.code for d in lint_text(report)}


def test_a_line_opening_with_the_values_of_the_label_above_and_running_on_is_cut_at_its_rows():
    # 「- 4.无正当理由大量反复申请」 / 「0 0 0 0 0 0 0 5.要求行政机关确认… 1 0 0 0 0 0 1」
    text = example_report()
    rows = _rows(text)
    lines = [_CAPTION, _HEADER_WORDS]
    for k in range(0, len(rows) - 1, 2):
        (label, values), (below, under) = rows[k], rows[k + 1]
        lines += [f"- {label}", f"{' '.join(map(str, values))} {below} {' '.join(map(str, under))}"]
    if len(rows) % 2:
        lines.append(f"{rows[-1][0]} {' '.join(map(str, rows[-1][1]))}")
    read = _t3(with_table(text, "S3", "\n\n".join(lines)))
    assert [read[f"R{k:02d}"] for k in range(1, len(rows) + 1)] == [values for _, values in rows]


def test_table_four_values_begun_on_the_header_line_are_its_first_values():
    text = example_report()
    values = t4_values(text)
    assert values[0] != values[1]  # (values that tell the cells apart)
    lines = [f"{_T4_HEADER} {values[0]}", *(f"- {v}" if k % 4 == 0 else str(v) for k, v in enumerate(values[1:]))]
    assert t4_values(with_table(text, "S4", "\n\n".join(lines))) == values
