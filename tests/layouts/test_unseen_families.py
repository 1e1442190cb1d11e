"""Layout families found by the blind bench (bench/unseen.py), held as properties over
generated reports: each one is read exactly, or said once to be unreadable — never read wrong.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gplint
from gplint.dump import report_to_dict
from gplint.model import T3_ROWS

sys.path.insert(0, str(Path(__file__).parent))
from strategies import CAPTION, T3_COL_LABELS, expected_cells, read_cells, render, report_data  # noqa: E402

PROPS = settings(max_examples=5, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _cells(text: str) -> dict:
    return read_cells(report_to_dict(gplint.parse(text)))


@PROPS
@given(data=report_data())
def test_two_row_header_flattened_onto_one_line_keeps_the_format_order(data):
    """"自然人 法人或其他组织 总计 商业企业 …" is the two-row header on one line, not a header
    printing 总计 second: the values stay in the format's order."""
    text, _ = render(data, "spaces")
    one_line = " ".join((CAPTION,) + T3_COL_LABELS)
    flattened = " ".join((CAPTION, "自然人", "法人或其他组织", "总计") + T3_COL_LABELS[1:6])
    assert one_line in text
    assert _cells(text.replace(one_line, flattened)) == expected_cells(data)


def _numbered(text: str, keep_labels: bool, sep: str = "\t") -> str:
    """Table 三 of a "tabs" text with a 序号 column: every line after the header numbered
    (group label lines too), or — ``keep_labels`` False — the data rows numbered with their
    label cell left empty and the group label lines gone."""
    lines = text.split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况") + 1
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    header, rows = lines[start], lines[start + 1:end]
    if not keep_labels:
        rows = [row for row in rows if "\t" in row]
    out = []
    for n, row in enumerate(rows, 1):
        label, _, values = row.partition("\t")
        out.append(sep.join([str(n), label if keep_labels else ""] + ([values.replace("\t", sep)] if values else [])))
    return "\n".join(lines[:start] + [sep.join(["序号"] + header.split("\t"))] + out + lines[end:])


@pytest.mark.parametrize("keep_labels", [True, False], ids=["labelled", "labels-missing"])
@PROPS
@given(data=report_data(blanks=True))
def test_numbered_rows_are_read_without_their_numbers(keep_labels, data):
    """A 序号 column before the row labels (or in place of labels lost): the numbers are
    not cells; the rows are read on their labels, or in the format's order."""
    text, _ = render(data, "tabs")
    numbered = _numbered(text, keep_labels)
    assert numbered != text
    assert _cells(numbered) == expected_cells(data)


@pytest.mark.parametrize("keep_labels", [True, False], ids=["labelled", "labels-missing"])
@PROPS
@given(data=report_data())
def test_numbered_consistent_report_draws_no_table_finding(keep_labels, data):
    text, _ = render(data, "tabs")
    found = [d for d in gplint.lint_text(_numbered(text, keep_labels)) if d.category in ("arithmetic", "table")]
    assert found == []


@pytest.mark.parametrize("row", ["R03", "R25"], ids=["inside-the-run", "last-row"])
@PROPS
@given(data=report_data())
def test_a_numbered_row_with_an_unmarked_empty_cell_is_not_read_with_its_number(row, data):
    """Rows numbered in place of their labels, cut by ideographic spaces (a Word or WPS
    text export), one row's 总计 left empty with nothing to mark it (「3　　0　0　0　0　0　0」):
    its number is a row number like its neighbours', not its 自然人 value (a false sum
    error), whether the row stands inside the numbered run or is its last."""
    text, _ = render(data, "tabs")
    numbered = _numbered(text, keep_labels=False, sep="\u3000")
    index = T3_ROWS.index(row) + 1
    line = next(x for x in numbered.split("\n") if x.startswith(f"{index}\u3000\u3000"))
    emptied = numbered.replace(line, line.rsplit("\u3000", 1)[0], 1)
    found = [d for d in gplint.lint_text(emptied) if d.category == "arithmetic" and d.code != "A108"]
    assert found == []
    assert _cells(emptied)[f"t3.{row}.C1"] in (None, data.t3[row][0])


@PROPS
@given(data=report_data())
def test_numbered_rows_with_a_wrong_cell_name_it(data):
    """The row numbers do not hide a real defect: a changed 自然人 cell of （一）予以公开 is
    reported on that cell."""
    changed = data.with_t3("R03", 0, data.t3["R03"][0] + 7)
    text, _ = render(changed, "tabs")
    keys = {d.key for d in gplint.lint_text(_numbered(text, True)) if d.category == "arithmetic"}
    assert keys == {"t3.R03.C1"}


_MARKS = ("无", "—", "/", "－")
_SEPARATOR = {"spaces": " ", "tabs": "\t", "pipe": "|"}


def _zeros_as_marks(text: str, layout: str, marks: tuple[str, ...] = ()) -> str:
    """Tables 三 and 四 with every 0 cell written as a mark (无, —, /, －, in turn, or
    ``marks``), as offices that do not write 0 print them."""
    marks = marks or _MARKS
    sep, k = _SEPARATOR[layout], 0
    lines = text.split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("五、存在的主要问题及改进情况")
    for i in range(start, end):
        cells = lines[i].split(sep)
        for j, cell in enumerate(cells):
            if cell.strip() == "0":
                cells[j], k = cell.replace("0", marks[k % len(marks)]), k + 1
        lines[i] = sep.join(cells)
    return "\n".join(lines)


@pytest.mark.parametrize("layout", ["spaces", "tabs", "pipe"])
@PROPS
@given(data=report_data())
def test_zeros_written_as_marks_are_blank_cells_and_one_notice(layout, data):
    """Zeros written 无 / — / / / － (blank-separated too, a row or table 四 of marks alone):
    every mark reads as a cell left blank, every number exactly; the tables draw at most one
    A108 notice each and no arithmetic or table error."""
    text = _zeros_as_marks(render(data, layout)[0], layout)
    want = {k: (None if v == 0 and k.startswith(("t3.", "t4.")) else v) for k, v in expected_cells(data).items()}
    assert _cells(text) == want
    found = [d for d in gplint.lint_text(text) if d.category in ("arithmetic", "table")]
    assert all(d.code == "A108" for d in found), [(d.code, d.key, d.message[:60]) for d in found]
    assert len(found) <= 2


@pytest.mark.parametrize("layout", ["tabs", "pipe"])
@PROPS
@given(data=report_data())
def test_zeros_written_not_applicable_are_blank_cells(layout, data):
    """「N/A」 in a cell (a spreadsheet's habit) is a cell left blank, not a label that moves
    the row's values a column over."""
    text = _zeros_as_marks(render(data, layout)[0], layout, ("N/A", "n/a"))
    want = {k: (None if v == 0 and k.startswith(("t3.", "t4.")) else v) for k, v in expected_cells(data).items()}
    assert _cells(text) == want


_BLOCK_NAMES = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")


@pytest.mark.parametrize("sep", [" ", "\u3000", "\t"], ids=["blank", "ideographic", "tab"])
@PROPS
@given(data=report_data(blanks=True))
def test_t4_as_three_rows(sep, data):
    """Table 四 as three rows (行政复议, 直接起诉, 复议后起诉) of five values under the five
    column words: read exactly; a consistent report draws no finding on table 四."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    start = lines.index("四、政府信息公开行政复议、行政诉讼情况") + 1
    end = lines.index("五、存在的主要问题及改进情况")
    values = [v or "—" for v in next(x for x in reversed(lines[start:end]) if x.strip()).split("\t")]
    assert len(values) == 15
    rows = [sep.join(["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])]
    rows += [sep.join([name] + values[5 * i:5 * i + 5]) for i, name in enumerate(_BLOCK_NAMES)]
    text = "\n".join(lines[:start] + rows + [""] + lines[end:])
    got = _cells(text)
    assert {k: v for k, v in got.items() if k.startswith("t4.")} == \
        {k: v for k, v in expected_cells(data).items() if k.startswith("t4.")}
    assert [d.code for d in gplint.lint_text(text) if d.key.startswith("t4")] == []


_ROW = re.compile(r"^(?P<label>\S.*?) (?P<values>(?:[0-9—]+ )+[0-9—]+)$")


def _values_first(text: str) -> str:
    lines = text.split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况") + 2
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    for i in range(start, end):
        m = _ROW.match(lines[i])
        if m:
            lines[i] = m["values"] + " " + m["label"]
    return "\n".join(lines)


@PROPS
@given(data=report_data(blanks=True))
def test_values_before_the_label(data):
    """Table 三 rows whose values come before the label ("290 1 0 0 3 0 294 （一）予以公开", a
    PDF's reading order): read exactly."""
    text = _values_first(render(data, "spaces")[0])
    assert _cells(text) == expected_cells(data)


@PROPS
@given(data=report_data())
def test_values_before_the_label_consistent_report_is_clean(data):
    text = _values_first(render(data, "spaces")[0])
    assert [d.code for d in gplint.lint_text(text) if d.category in ("arithmetic", "table")] == []


#: OCR's digit look-alikes, as the slips test writes them.
_SLIPS = {"O-l": str.maketrans({"0": "O", "1": "l"}), "S-B-Z": str.maketrans({"5": "S", "8": "B", "2": "Z"})}


@pytest.mark.parametrize("slips", sorted(_SLIPS))
@pytest.mark.parametrize("layout", ["tabs", "pipe"])
@PROPS
@given(data=report_data(), every=st.integers(2, 5))
def test_ocr_digit_slips_stand_in_their_cells(layout, slips, data, every):
    """Every ``every``-th count of tables 三 and 四 with a digit written as OCR reads it
    ("O" for 0, "l" for 1, "S" for 5, "B" for 8, "Z" for 2: "O", "l", "12S"): those cells
    read as written non-numbers, the others exactly — no value moved a column over — and
    the report draws no table or arithmetic finding but A108 notices (one for table 三
    however many rows, one for table 四)."""
    sep = _SEPARATOR[layout]
    lines = text_lines = render(data, layout)[0].split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("五、存在的主要问题及改进情况")
    slipped, k = 0, 0
    for i in range(start, end):
        cells = lines[i].split(sep)
        for j, cell in enumerate(cells):
            if cell.strip().isdigit() and cell.translate(_SLIPS[slips]) != cell:
                k += 1
                if k % every == 0:
                    cells[j], slipped = cell.translate(_SLIPS[slips]), slipped + 1
        text_lines[i] = sep.join(cells)
    text = "\n".join(text_lines)
    got, want = _cells(text), expected_cells(data)
    wrong = {key: (got[key], want[key]) for key in want if got[key] != want[key]}
    assert len(wrong) <= slipped and all(g is None and w is not None for g, w in wrong.values()), wrong
    found = [d for d in gplint.lint_text(text) if d.category in ("arithmetic", "table")]
    assert all(d.code == "A108" for d in found), [(d.code, d.key) for d in found]
    assert len(found) <= 4


@PROPS
@given(data=report_data(decimal_fees=True))
def test_units_on_blank_separated_cells(data):
    """Cells carrying their unit on lines cut only by blanks ("行政规范性文件 4件 2件 17件",
    "行政事业性收费 12.5万元"): numbers, their units kept — table 二 is read, not left empty."""
    text, _ = render(data, "spaces")
    lines = text.split("\n")
    end = lines.index("三、收到和处理政府信息公开申请情况")
    for i in range(lines.index("二、主动公开政府信息情况"), end):
        unit = "万元" if lines[i].startswith("行政事业性收费") else "件"
        lines[i] = re.sub(r"(?<= )(\d+(?:\.\d+)?)(?= |$)", lambda m: m[1] + unit, lines[i])
    text = "\n".join(lines)
    assert "规章 " + str(data.t2["rules.issued"]) + "件" in text
    report = gplint.parse(text)
    got = read_cells(report_to_dict(report))
    assert {k: v for k, v in got.items() if k.startswith("t2.")} == \
        {k: v for k, v in expected_cells(data).items() if k.startswith("t2.")}
    assert report.t2.cells["fees"].unit == "万元"


_SEPS = {"tabs": "\t", "pipe": " | ", "spaces": " "}
_ONE_VALUE_ROWS = ("行政许可", "行政处罚", "行政强制", "行政事业性收费")


def _two_years(text: str, sep: str, before: int) -> str:
    """Table 二's one-value blocks printed with the year before's column first (上年处理决定数量
    / 本年处理决定数量), every row carrying ``before`` then this year's value."""
    for word in ("本年处理决定数量", "本年收费金额（单位：万元）"):
        text = text.replace(f"{sep}{word}", f"{sep}上年{word[2:]}{sep}{word}")
    for label in _ONE_VALUE_ROWS:
        text = re.sub(f"(?m)^((?:\\| )?{label}{re.escape(sep)})", f"\\g<1>{before}{sep}", text)
    return text


@pytest.mark.parametrize("layout", sorted(_SEPS))
@PROPS
@given(data=report_data(), before=st.integers(1, 999))
def test_table_two_beside_the_year_before_reads_this_years_column(layout, data, before):
    """A table 二 with a 上年 column beside the 本年 one: the header decides which value is
    this year's; no row-length finding, no misspelt header."""
    text, _ = render(data, layout)
    two = _two_years(text, _SEPS[layout], before)
    assert two.count(f"{_SEPS[layout]}{before}{_SEPS[layout]}") >= 4
    assert _cells(two) == expected_cells(data)
    codes = {d.code for d in gplint.lint_text(two)} - {d.code for d in gplint.lint_text(text)}
    assert not codes & {"T102", "T103", "T190", "N101", "N102"}


_T4_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
_BLOCK_OF = {"review": "行政复议", "direct": "行政诉讼（未经复议直接起诉）", "after_review": "行政诉讼（复议后起诉）"}


def _with_t4(text: str, t4_lines: list[str]) -> str:
    """``text`` (a "tabs"/"spaces"/"pipe" report) with table 四's lines replaced."""
    lines = text.split("\n")
    start = lines.index(_T4_HEADING) + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("五、"))
    while not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[:start] + t4_lines + lines[end:])


def _v(value) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("layout", sorted(_SEPS))
@PROPS
@given(data=report_data(), order=st.permutations(list(_BLOCK_OF)))
def test_table_four_transposed_is_read_by_its_header(layout, data, order):
    """Table 四 with a line a result (结果维持 …) and the blocks as columns, in the order its
    header prints them."""
    sep = _SEPS[layout]
    rows = [sep.join(["", *(_BLOCK_OF[b] for b in order)])]
    rows += [sep.join([word] + [_v(data.t4[(b, col)]) for b in order]) for col, word in
             (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
              ("total", "总计"))]
    text, _ = render(data, layout)
    if layout == "pipe":
        rows = ["| " + r + " |" for r in rows]
    assert _cells(_with_t4(text, rows)) == expected_cells(data)


@PROPS
@given(data=report_data(), lost=st.sampled_from(("结果维持", "其他结果", "总计")))
def test_table_four_transposed_with_a_value_lost_is_not_read(data, lost):
    """A result line with two values for three blocks: which block lost it is unknown; the
    table is said to be unreadable, never read shifted."""
    rows = ["\t".join(["", *_BLOCK_OF.values()])]
    for col, word in (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"),
                      ("pending", "尚未审结"), ("total", "总计")):
        values = [_v(data.t4[(b, col)]) for b in _BLOCK_OF]
        rows.append("\t".join([word] + (values[1:] if word == lost else values)))
    text = _with_t4(render(data, "tabs")[0], rows)
    assert not any(k.startswith("t4.") and v is not None for k, v in _cells(text).items())
    assert "T190" in {d.code for d in gplint.lint_text(text)}


@PROPS
@given(data=report_data())
def test_table_four_as_key_value_lines_under_block_names(data):
    """「结果维持：3」 a line, under a line naming each block."""
    rows = []
    for b, name in _BLOCK_OF.items():
        rows.append(name)
        rows += [f"{word}：{_v(data.t4[(b, col)]) or '—'}" for col, word in
                 (("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
                  ("total", "总计"))]
    text = _with_t4(render(data, "tabs")[0], rows)
    assert _cells(text) == expected_cells(data)
    assert not {d.code for d in gplint.lint_text(text)} & {"T190", "A106", "N103", "N104"}


@pytest.mark.parametrize("layout", ["tabs", "pipe", "spaces", "cells"])
@PROPS
@given(data=report_data())
def test_table_two_without_its_block_headings_is_found_and_read(layout, data):
    """Table 二 printed without its 第二十条第（X）项 lines (header rows and rows only): found
    (no "table 二 missing") and read."""
    text, _ = render(data, layout)
    bare = re.sub(r"(?m)^(?:\| )?第二十条第（[一五六八]）项(?: \|)?\n", "", text)
    assert "第二十条" not in bare
    assert _cells(bare) == expected_cells(data)
    assert "T101" not in {d.code for d in gplint.lint_text(bare)}


def _colon_rows(text: str) -> str:
    """「label：v v v」: each labelled row's label ended by a colon, no blank before its
    first value (tables 二 and 三)."""
    return "\n".join(re.sub(r"^(\S*[^\s\d]) (?=[0-9—])", r"\1：", line) for line in text.split("\n"))


@PROPS
@given(data=report_data())
def test_a_colon_between_label_and_values_is_a_boundary(data):
    """「（七）总计：33 2 0 0 0 0 35」: 33 is the row's first cell, never digits run into the
    label (which the run solver would cut, 3|3, to fit a row total)."""
    text = _colon_rows(render(data, "spaces")[0])
    assert "（七）总计：" in text
    assert _cells(text) == expected_cells(data)


@PROPS
@given(data=report_data(blanks=True))
def test_colon_rows_with_empty_cells_are_never_misread(data):
    """「数量：— 0 0 …」: the mark after the colon is not (yet) read apart from the label, so
    such a row may be left unread, with a notice, but no cell is ever read wrong."""
    text = _colon_rows(render(data, "spaces")[0])
    got, want = _cells(text), expected_cells(data)
    wrong = {k: v for k, v in got.items() if v is not None and v != want.get(k)}
    assert wrong == {}
    if any(got.get(k) is None and v is not None for k, v in want.items()):
        assert "T190" in [d.code for d in gplint.lint_text(text)]


@PROPS
@given(data=report_data())
def test_colon_rows_consistent_report_is_clean(data):
    text = _colon_rows(render(data, "spaces")[0])
    assert [d.code for d in gplint.lint_text(text) if d.category in ("arithmetic", "table")] == []


@pytest.mark.parametrize("mark", ["一", "〇"])
@pytest.mark.parametrize("layout", ["tabs", "pipe"])
@PROPS
@given(data=report_data())
def test_zeros_written_as_one_mark_are_blank_cells_beside_merged_label_cells(mark, layout, data):
    """OCR reads a dash as 一, typists write 0 as 〇: in cut rows (tabs, pipes), which open
    with empty cells where a group label was printed once, such a cell after the row's
    label is a cell left blank — not a label that shifts the values or makes its row
    "missing" (T105) — and the tables draw one A108 notice each at most."""
    text = _zeros_as_marks(render(data, layout)[0], layout, (mark,))
    want = {k: (None if v == 0 and k.startswith(("t3.", "t4.")) else v) for k, v in expected_cells(data).items()}
    assert _cells(text) == want
    found = [d for d in gplint.lint_text(text) if d.category in ("arithmetic", "table")]
    assert all(d.code == "A108" for d in found), [(d.code, d.key, d.message[:60]) for d in found]


@pytest.mark.parametrize("mark", ["一", "〇"])
def test_a_row_of_marks_alone_after_empty_merged_label_cells_is_no_missing_row(mark):
    """「\\t（三）不予公开\\t1.属于国家秘密\\t〇\\t〇…」: a row opening with an empty cell (its group
    label printed once above) whose zeros are all written as a mark is a row of blank cells,
    not a row missing from table 三 (T105 named 18 such rows)."""
    from gplint.testing import example_report

    lines = []
    for line in example_report().split("\n"):
        cells = line.split("\t")
        if len(cells) > 2 and any(c.isdigit() for c in cells[1:]):
            cells = cells[:1] + [mark if c == "0" else c for c in cells[1:]]
        lines.append("\t".join(cells))
    text = "\n".join(lines)
    assert f"\t（三）不予公开\t1.属于国家秘密\t{mark}\t{mark}" in text
    found = [d.code for d in gplint.lint_text(text) if d.category in ("arithmetic", "table")]
    assert found and set(found) == {"A108"}


def test_a_lone_number_in_a_table_two_of_cells_printed_apart_is_not_cut_into_digits():
    """「行政规范性文件 123」 under 「规章 0 0 0」: the table prints its cells apart, so 123 is
    one number among cells left blank (where, unknown: a notice), not 1 | 2 | 3. In a table
    whose rows all ran together (「规章 000」) the lone run is still cut."""
    from gplint.testing import example_report

    text = example_report().replace("规章\t0\t0\t0", "规章 0 0 0").replace("行政规范性文件\t1\t0\t5", "行政规范性文件 123")
    report = gplint.parse(text)
    assert report.t2.value("norm.issued") is None and report.t2.value("norm.in_force") is None
    assert [d.code for d in gplint.lint_text(text) if d.category in ("table", "arithmetic")] == ["T190"]
    run = example_report().replace("规章\t0\t0\t0", "规章 000").replace("行政规范性文件\t1\t0\t5", "行政规范性文件 105")
    report = gplint.parse(run)
    assert (report.t2.value("norm.issued"), report.t2.value("norm.repealed"), report.t2.value("norm.in_force")) == (1, 0, 5)
