"""Table rules T101-T108 on example reports built with gplint.testing.example_report."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint import parse
from gplint.dump import report_to_dict
from gplint.testing import example_report, lint_with


def run(text, select, profile="strict", year=None):
    return lint_with(text, select, profile=profile, year=year)


def codes(diags):
    return sorted(d.code for d in diags)


def test_example_report_is_clean_for_table_rules():
    assert run(example_report(), ["T"]) == []


@pytest.mark.parametrize("missing", ["t2", "t3", "t4"])
def test_missing_table(missing):
    tables = [t for t in ("t2", "t3", "t4") if t != missing]
    diags = run(example_report(tables=tables), ["T101"])
    assert len(diags) == 1 and {"t2": "表二", "t3": "表三", "t4": "表四"}[missing] in diags[0].message


def test_misspelt_header_is_an_error_and_located():
    text = example_report(t2_headers=("本年制发件数", "本年废制件数", "现行有效件数"))
    diags = run(text, ["T102"], profile="default")
    assert len(diags) == 1 and diags[0].severity == "error"
    line = text.splitlines()[diags[0].span.line - 1]
    assert line[diags[0].span.column - 1:diags[0].span.end_column - 1] == "本年废制件数"
    assert "本年废止件数" in diags[0].message


@pytest.mark.parametrize(("headers", "found"), [
    (("本年制发件数", "本年制发件数", "现行有效件数"), "本年废止件数"),
    (("本年制发件数", "本年废止件数", "本年废止件数"), "现行有效件数"),
    (("本年制发件数", "本年废止件数", "现行有效件数"), None),
    (("本年制发件数", "本年制发件数", "本年制发件数"), None),   # which column is which: unknown
])
def test_a_first_block_header_printed_twice_names_the_missing_one(headers, found):
    diags = run(example_report(t2_headers=headers), ["T102"], profile="default")
    assert [d.message.split("应为")[-1].strip("“”") for d in diags] == ([found] if found else [])
    if found:
        text = example_report(t2_headers=headers)
        line = text.splitlines()[diags[0].span.line - 1]
        assert line[diags[0].span.column - 1:].startswith(headers[1] if headers[0] == headers[1] else headers[2])


@pytest.mark.parametrize("headers", [
    ("本年制发件数", "本年废止件数", "现行有效件数"),
    ("本 年 制 发 件 数", "本年廢止件數", "现行有效件数"),  # PDF spacing, Traditional characters
    ("本年新制作数量", "本年新公开数量", "对外公开总数量"),  # old format: T107's business
])
def test_accepted_headers_are_not_misspellings(headers):
    assert run(example_report(t2_headers=headers), ["T102"]) == []


def _fee_block(header: str, row: str) -> str:
    text = example_report()
    lines = text.split("\n")
    at = next(i for i, x in enumerate(lines) if "本年收费金额" in x)
    lines[at] = header
    lines[at + 1] = row
    return "\n".join(lines)


def test_year_before_column_beside_this_years_is_not_a_misspelling():
    text = _fee_block("信息内容\t上年收费金额（单位：万元）\t本年收费金额（单位：万元）", "行政事业性收费\t3\t0")
    assert run(text, ["T102"]) == []


def test_year_before_word_in_place_of_this_years_is_a_misspelling():
    text = _fee_block("信息内容\t上年收费金额（单位：万元）", "行政事业性收费\t0")
    diags = run(text, ["T102"])
    assert len(diags) == 1 and "本年收费金额" in diags[0].message


def test_short_row_with_empty_total_cell():
    text = example_report(t3_rows={"R04": "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t"})
    diags = run(text, ["T103"], profile="default")
    assert len(diags) == 1 and "只有 6 个数值" in diags[0].message
    assert "部分公开" in text.splitlines()[diags[0].span.line - 1]


def test_row_with_a_label_in_a_value_cell_is_layout_not_report():
    # Values run to the row's last cell: one value cell was taken by a label (merged cells).
    text = example_report(t3_rows={"R05": "| | （三）不予公开 | | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 |"})
    assert run(text, ["T103"]) == []


@pytest.mark.parametrize("row", [
    "\t（一）予以公开\t1\t\t0\t0\t0\t0\t1",            # a tab row
    "| | （一）予以公开 | 1 |  | 0 | 0 | 0 | 0 | 1 |",      # a pipe row
])
def test_cell_left_empty_between_two_values(row):
    # Values run to the row's last cell, but a cell between two of them is empty: a merged
    # label never stands there, the clerk left it blank (the 商业企业 column).
    text = example_report(t3_rows={"R03": row})
    diags = run(text, ["T103"], profile="default")
    assert len(diags) == 1 and "只有 6 个数值" in diags[0].message and "“商业企业”列" in diags[0].message


def test_row_with_too_many_values():
    text = example_report(t3={"R17": (0, 0, 0, 0, 0, 0, 0, 0)})
    diags = run(text, ["T103"])
    assert len(diags) == 1 and "有 8 个数值" in diags[0].message


def test_t2_row_count():
    text = example_report(replace={"规章\t0\t0\t0": "规章\t0\t0"})
    diags = run(text, ["T103"])
    assert len(diags) == 1 and "规章" in diags[0].message


def test_many_rows_with_cells_empty_between_values_are_one_finding():
    # Zeros written in some rows, left blank in the rows that have a value: one finding for
    # the table, not one a row.
    rows = {key: f"\t{label}\t1\t\t\t\t\t\t1" for key, label in (
        ("R03", "（一）予以公开"), ("R04", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("R13", "\t1.本机关不掌握相关政府信息"), ("R15", "\t3.补正后申请内容仍不明确"))}
    diags = run(example_report(t3_rows=rows), ["T103"], profile="default")
    assert [d.key for d in diags] == ["t3.gapped-rows"], [d.message for d in diags]
    assert "4 行" in diags[0].message and len(diags[0].related) == 3
    three = {k: v for k, v in rows.items() if k != "R15"}
    assert sorted(d.key for d in run(example_report(t3_rows=three), ["T103"], profile="default")) == [
        "t3.R03.count", "t3.R04.count", "t3.R13.count"]


@pytest.mark.parametrize("key, row", [
    ("R17", "\t\t2.重复申请" + "\t" * 7),                              # a tab row
    ("R17", "| | | 2.重复申请 |" + " |" * 7),                          # a pipe row
    ("R17", "│  │  │ 2.重复申请 │" + "    │" * 7),                    # a box-drawing row
    ("R05", "\t（三）不予公开\t1.属于国家秘密" + "\t" * 7),              # under its group's label
    ("R05", "| | （三）不予公开 | 1.属于国家秘密 |" + "  |" * 7),
])
def test_a_row_whose_cells_are_all_left_empty(key, row):
    # The table writes its zeros; this row's label stands before seven empty cells: the
    # clerk left the row blank. Named once, on its label, and not reported missing.
    text = example_report(t3_rows={key: row})
    diags = run(text, ["T103", "T105"], profile="default")
    assert [d.key for d in diags] == [f"t3.{key}.count"], [d.message for d in diags]
    assert "都是空白" in diags[0].message
    label = {"R17": "2.重复申请", "R05": "1.属于国家秘密"}[key]
    assert text.splitlines()[diags[0].span.line - 1][diags[0].span.column - 1:].startswith(label)


def test_a_row_label_alone_on_its_line_is_not_a_row_left_empty():
    # No empty cells printed after the label: the row's values may stand elsewhere (or
    # were lost), which is not the clerk's blank row.
    text = example_report(t3_rows={"R17": "\t\t2.重复申请"})
    assert run(text, ["T103"], profile="default") == []


def test_a_row_left_empty_among_rows_short_of_random_cells_is_not_named_apart():
    # Rows short of cells here and there (zeros left blank in some rows, written in
    # others): the empty row is one more of them, not a row's slip of its own.
    rows = {"R17": "\t\t2.重复申请" + "\t" * 7, "R03": "\t（一）予以公开\t\t0\t0\t0\t0\t0\t0",
            "R04": "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t\t0\t0\t0\t0"}
    assert "t3.R17.count" not in [d.key for d in run(example_report(t3_rows=rows), ["T103"], profile="default")]


def test_many_rows_left_empty_are_one_finding():
    rows = {"R17": "\t\t2.重复申请" + "\t" * 7, "R18": "\t\t3.要求提供公开出版物" + "\t" * 7,
            "R05": "\t（三）不予公开\t1.属于国家秘密" + "\t" * 7, "R19": "\t\t4.无正当理由大量反复申请" + "\t" * 7}
    diags = run(example_report(t3_rows=rows), ["T103"], profile="default")
    assert [d.key for d in diags] == ["t3.gapped-rows"], [d.message for d in diags]
    assert "4 行留有空白单元格" in diags[0].message


def test_t2_cell_left_empty_between_two_values():
    text = example_report(replace={"规章\t0\t0\t0": "规章\t0\t\t0"})
    diags = run(text, ["T103"])
    assert len(diags) == 1 and "“规章”行只有 2 个数值" in diags[0].message and "“本年废止件数”列" in diags[0].message
    assert text.splitlines()[diags[0].span.line - 1].startswith("规章")


@pytest.mark.parametrize("row, column", [("规章\t0\t0\t", "现行有效件数"), ("规章\t\t0\t0", "本年制发件数")])
def test_t2_cell_left_empty_beside_a_row_written_whole(row, column):
    # 行政规范性文件 writes its three cells: the grid has a value in every column, so an empty
    # cell before or after 规章's values is one the clerk left blank.
    diags = run(example_report(replace={"规章\t0\t0\t0": row}), ["T103"])
    assert len(diags) == 1 and "“规章”行只有 2 个数值" in diags[0].message and f"“{column}”列" in diags[0].message


def test_t2_cells_left_empty_after_every_rows_values_may_be_merged_cells():
    # No row of three cells writes its last: the empty cell after the values may be a
    # merged cell's, not counted. Nor is a row left blank whole (a 规章 row of an agency
    # that makes none).
    both = {"规章\t0\t0\t0": "规章\t0\t0\t", "行政规范性文件\t1\t0\t5": "行政规范性文件\t1\t5\t"}
    assert run(example_report(replace=both), ["T103"]) == []
    assert run(example_report(replace={"规章\t0\t0\t0": "规章\t\t\t"}), ["T103"]) == []


def test_missing_total_column_is_one_finding_naming_the_rows():
    rows = {r: v[:6] for r, v in (("R01", (3, 1, 0, 0, 0, 0)), ("R02", (1, 0, 0, 0, 0, 0)))}
    diags = run(example_report(t3_total_column=False, t3=rows), ["T"])
    assert codes(diags) == ["T104"]
    assert "没有“总计”列" in diags[0].message and len(diags[0].related) == 2


def test_a_header_not_read_whole_says_nothing_of_its_total_column():
    # 自然人 wrapped a character a line (自然 over 人, as pdftotext lays out a narrow
    # column): the header's words were not all read, so 总计's absence is no evidence.
    text = example_report(t3_total_column=False).replace("\t自然人\t", "\t自然\t")
    assert "T104" in codes(run(example_report(t3_total_column=False), ["T"]))
    assert "T104" not in codes(run(text, ["T"]))


def test_rows_of_six_values_show_the_total_column_missing_whatever_the_header_reads():
    # No 总计 column, and 法律服务机构 named in words of the agency's own (律师事务所): the
    # header's six part columns are not all read, but every row carries six values, so the
    # total column is missing (was: no finding at all).
    lines = example_report(t3_total_column=False).replace("法律服务机构", "律师事务所", 1).split("\n")
    t3_rows = [k for k, line in enumerate(lines) if line.count("\t") >= 7 and not line.replace("\t", "").isdigit()
               and line.rsplit("\t", 1)[-1].isdigit()]
    for k in t3_rows:
        lines[k] = lines[k].rsplit("\t", 1)[0]
    diags = run("\n".join(lines), ["T"])
    assert codes(diags) == ["T104"] and len(diags[0].related) == len(t3_rows) >= 20


def test_missing_rows_listed_once():
    diags = run(example_report(drop_t3_rows=("R17", "R18")), ["T105"])
    assert len(diags) == 1 and "2.重复申请" in diags[0].message and "3.要求提供公开出版物" in diags[0].message


def test_lone_other_handling_is_strict_and_2021_only():
    text = example_report(other_handling_alone=True)
    assert codes(run(text, ["T"])) == ["T106"]
    assert run(text, [], profile="default") == [] or "T106" not in codes(run(text, [], profile="default"))
    old = example_report(other_handling_alone=True, year=2020)
    assert "T106" not in codes(run(old, ["T106"]))


@pytest.mark.parametrize("blank_cells", ["", "\t" * 7])
def test_2019_other_handling_row_left_blank_is_no_missing_row(blank_cells):
    # The 2019 format's one （六）其他处理 row printed with its label and every cell blank
    # (a CMS page with &nbsp; for 0) is there: its three 2021 sub-rows are not missing.
    text = example_report(other_handling_alone=True, year=2020)
    row = "\t（六）其他处理" + "\t0" * 7
    assert row in text
    diags = run(text.replace(row, "\t（六）其他处理" + blank_cells), ["T105"])
    assert diags == []
    assert codes(run(example_report(drop_t3_rows=("R17",), other_handling_alone=True, year=2020), ["T105"])) == ["T105"]


def test_old_format_labels_in_a_2021_report():
    text = example_report(t2_headers=("本年新制作数量", "本年新公开数量", "对外公开总数量"))
    diags = run(text, ["T107"], profile="default")
    assert len(diags) == 1 and "本年新制作数量" in diags[0].message and "2019" in diags[0].message
    assert run(example_report(year=2020, t2_headers=("本年新制作数量", "本年新公开数量", "对外公开总数量")), ["T107"]) == []


def test_norm_label_variant_strict_only():
    text = example_report(norm_label="规范性文件")
    assert codes(run(text, ["T108"])) == ["T108"]
    from gplint.engine import LintOptions, lint_text

    default = lint_text(text, config=LintOptions(profile="default"))
    assert "T108" not in codes(default)


def test_2020_report_is_checked_against_the_2019_format():
    old = dict(year=2020, t2_headers=("本年新制作数量", "本年新公开数量", "对外公开总数量"),
               other_handling_alone=True, norm_label="规范性文件")
    text = example_report(**old)
    assert [d.code for d in run(text, ["T106", "T107", "T108"])] == []
    missing = run(example_report(tables=("t2", "t3"), **old), ["T101"])
    assert len(missing) == 1 and "2019 年试行格式" in missing[0].message
    new = run(example_report(tables=("t2", "t3")), ["T101"])
    assert "2021 年格式" in new[0].message


# ------------------------------------------------------------------ T190 and reading confidence

def _fused_t3(grid=None, short: bool = False):
    """The example report with every T3 row's digits run together after its label (a
    flattened web page); ``short``: each run one digit short (a cell left empty, place
    unknown)."""
    from gplint.testing import EXAMPLE_T3, T3_ROW_LABELS

    values = {k: EXAMPLE_T3.get(k, (0,) * 7) for k, _ in T3_ROW_LABELS}
    values.update(grid or {})
    rows = {k: label.split("\t")[-1] + " " + "".join(map(str, values[k]))[: 6 if short else None]
            for k, label in T3_ROW_LABELS}
    return example_report(t3_rows=rows)


# Run together, these rows carry: read as one number a row, the identities would break
# ((七)总计 101000011 is not 100000010 + 100001) and every row would be "short".
BROKEN_BY_READING = {"R01": (10, 1, 0, 0, 0, 0, 11), "R02": (0,) * 7, "R03": (10, 0, 0, 0, 0, 0, 10),
                     "R04": (0,) * 7, "R13": (0, 1, 0, 0, 0, 0, 1), "R24": (10, 1, 0, 0, 0, 0, 11),
                     "R25": (0,) * 7}


def test_runs_after_the_label_are_cut_by_the_identities():
    """The digit-run solver reads such a table cell for cell: no finding at all."""
    from gplint import parse

    text = _fused_t3(BROKEN_BY_READING)
    t3 = parse(text).t3
    assert [t3.value("R01", f"C{c}") for c in range(1, 8)] == [10, 1, 0, 0, 0, 0, 11]
    assert [t3.value("R24", f"C{c}") for c in range(1, 8)] == [10, 1, 0, 0, 0, 0, 11]
    assert [d.code for d in run(text, [], profile="default") if d.code.startswith(("T", "A", "N"))] == []


def test_misread_table_is_one_t190_not_an_avalanche():
    """Every row one digit short: no row can be cut with certainty, the table is not
    assessable, and the prose's count is not compared with it."""
    text = _fused_t3(short=True).replace("（三）政府信息管理。", "全年新收政府信息公开申请 11 件。\n（三）政府信息管理。")
    diags = run(text, [], profile="default")
    assert [d.code for d in diags if d.code.startswith(("T", "A", "N"))] == ["T190"], \
        [(d.code, d.message[:60]) for d in diags]
    t190 = diags[[d.code for d in diags].index("T190")]
    assert "表三读取不可靠" in t190.message and "无法唯一拆分" in t190.message
    assert "T3-BALANCE" in t190.message and "各行数值个数" in t190.message  # the checks not made
    assert t190.key == "t3" and t190.severity == "info"
    assert "一、本年新收" in text.splitlines()[t190.span.line - 1]


def test_misread_rows_of_a_readable_table_are_named_once_and_checked_no_further():
    # (七)总计 written "... 0 04" and 四、结转 "... 0 01": digits run together in two rows only.
    text = example_report(t3_rows={"R24": "\t（七）总计\t3\t1\t0\t0\t0\t04",
                                   "R25": "四、结转下年度继续办理\t1\t0\t0\t0\t01"}, t3={"R03.C1": 5})
    diags = run(text, ["T", "A"], profile="default")
    # "0 04" is cut by the identities (3|1|0|0|0|0|4); "1 0 0 0 01" is one digit short and
    # the empty cell could be anywhere: that row alone is named.
    t190 = [d for d in diags if d.code == "T190"]
    assert len(t190) == 1 and "四、结转下年度继续办理" in t190[0].message and "（七）总计" not in t190[0].message
    assert t190[0].key == "t3.R25"
    # No length error for the misread rows; the misread cells feed no identity, so the
    # wrong R03 cell (5 instead of 2) is still found by its row total, quoting printed numbers.
    assert not [d for d in diags if d.code == "T103"]
    arithmetic = [d for d in diags if d.code.startswith("A")]
    assert arithmetic and all("R03" in d.key or "R03" in str(d.evidence) for d in arithmetic), \
        [(d.code, d.key) for d in arithmetic]
    assert not any("04" in d.message.split() for d in arithmetic)


def test_genuinely_short_row_is_still_an_error_beside_a_misread_one():
    text = example_report(t3_rows={"R25": "四、结转下年度继续办理\t1\t0\t0\t0\t01",
                                   "R04": "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t0\t0\t0\t"})
    diags = run(text, ["T103", "T190"], profile="default")
    assert sorted(d.code for d in diags) == ["T103", "T190"]
    assert "部分公开" in [d for d in diags if d.code == "T103"][0].message


def test_table_with_header_but_no_values_is_not_missing():
    text = example_report(replace={"1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0": "（见附件）"})
    diags = run(text, ["T101", "T190"], profile="default")
    assert [d.code for d in diags] == ["T190"]
    assert "表四" in diags[0].message and "没有读到数值" in diags[0].message


def test_t4_value_count_that_cannot_be_placed_is_one_t190_and_no_block_error():
    # 14 values for 15 cells: which block lost one is unknown, so no block total is checked.
    row = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    text = example_report(replace={row: "1 0 0 0 1 0 0 0 0 5 0 0 0 0"})
    diags = run(text, ["T", "A"], profile="default")
    assert [d.code for d in diags] == ["T190"] and "读到 14 个数值" in diags[0].message


def _row_label_lost(balance_holds: bool = True) -> str:
    """The example report with one more result row whose label is lost (？？？？, an OCR's
    or a converter's), counted in （七）总计 (and in 一、本年新收 when ``balance_holds``)."""
    return example_report(replace={
        "\t\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0":
            "\t\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n\t\t？？？？\t1\t0\t0\t0\t0\t0\t1",
        "\t（七）总计\t3\t1\t0\t0\t0\t0\t4": "\t（七）总计\t4\t1\t0\t0\t0\t0\t5",
        "一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4":
            "一、本年新收政府信息公开申请数量\t" + ("4\t1\t0\t0\t0\t0\t5" if balance_holds else "3\t1\t0\t0\t0\t0\t4")})


def test_a_rows_values_left_over_leave_the_sums_of_results_unchecked():
    # A row the reader could place nowhere: summed without it, （七）总计 would "not add up"
    # (two false A102s before).
    diags = run(_row_label_lost(), ["T", "A"], profile="default")
    assert [d.code for d in diags] == ["T190"], [(d.code, d.message[:60]) for d in diags]
    assert "7 个数值无法对应到任何一行" in diags[0].message and "T3-SUM-RESULTS" in diags[0].message
    assert "T3-BALANCE" not in diags[0].message  # 一、二、（七）总计 and 四、 are read: still checked


def test_balance_is_still_checked_beside_a_rows_values_left_over():
    diags = run(_row_label_lost(balance_holds=False), ["T", "A"], profile="default")
    assert sorted(d.code for d in diags) == ["A103", "A103", "T190"]


@pytest.mark.parametrize("stray", ["12  3", "2024\t3", "第\t3\t页\t共\t12\t页"])
def test_a_few_numbers_beside_rows_all_read_whole_leave_the_sums_checked(stray):
    # A page footer or a note's figures inside table 三 when every row was read with its
    # values: they are no row's, so （七）总计 that does not add up is still an error (was:
    # T190 'values left over' and both A102s held back).
    lines = example_report(t3={"R04": (2, 0, 0, 0, 0, 0, 9)}).split("\n")
    at = next(k for k, line in enumerate(lines) if "（四）无法提供" in line)
    text = "\n".join(lines[:at] + [stray] + lines[at:])
    assert sorted(d.code for d in run(text, ["T", "A"], profile="default")) == ["A102", "A102", "A104"]


def test_group_six_labels_wrapped_two_characters_a_line_are_read():
    # A PDF of narrow label columns: （六）'s labels two characters a line, the values on each
    # label's first line (were: （六） read as the 2019 format's one row, its sub-rows lost).
    lines = example_report(replace={"\t（一）予以公开\t2\t0\t0\t0\t0\t0\t2": "\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1"}).split("\n")
    start = next(k for k, line in enumerate(lines) if "（六）其他处理" in line)
    wrapped = ["（六\t1.申\t0\t0\t0\t0\t0\t0\t0", "）其\t请人", "他处\t无正", "理\t当理", "由逾",
               "2.申\t0\t0\t0\t0\t0\t0\t0", "请人", "3.其\t1\t0\t0\t0\t0\t0\t1", "他"]
    text = "\n".join(lines[:start] + wrapped + lines[start + 3:])
    assert run(text, ["T", "A"], profile="default") == []


_T4_VALUES = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"


def test_t4_numbers_wrapped_onto_a_line_of_their_own_leave_the_table_unchecked():
    # A narrow column wraps "35" over "1": the line under the values holds the numbers'
    # ends, and which cells they end is unknown (were: block totals and the prose's counts
    # checked against "35").
    text = example_report(replace={_T4_VALUES: _T4_VALUES + "\n\t\t8\t\t1"})
    diags = run(text, ["T", "A", "N"], profile="default")
    assert [d.code for d in diags] == ["T190"] and "读到 17 个数值" in diags[0].message


@pytest.mark.parametrize("after", ["5", "注：本表第 2 栏含 3 件"])
def test_t4_page_number_or_note_after_the_values_is_no_value(after):
    text = example_report(replace={_T4_VALUES: _T4_VALUES + "\n" + after})
    assert run(text, ["T", "A", "N"], profile="default") == []


def test_a_row_printed_with_twice_the_columns_on_its_line_is_the_rows_own():
    # Cells the text sets on the row's own line, cut by tabs, are the row's however many:
    # T103 names them. (A column stream read down several lines is 'gathered':
    # tests/test_confidence.py.) Table 二 with comparison columns added, 6 for 3, was T190
    # 'several rows' values read together'.
    diags = run(example_report(replace={"规章\t0\t0\t0": "规章\t1\t0\t5\t1\t0\t5"}), ["T"], profile="default")
    assert codes(diags) == ["T103"] and "6 个数值" in diags[0].message
    text = example_report(t3={"R04": (1, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 5)})
    assert "T103" in codes(run(text, ["T"], profile="default"))
    # A row left out beside it is missing (no other row's values are on that line).
    wide = example_report(t3={"R04": (1, 0, 0, 0, 0, 0, 1) * 2}, drop_t3_rows=["R05"])
    assert "T105" in codes(run(wide, ["T"], profile="default"))
    # One value too many is the row's own too.
    assert "T103" in codes(run(example_report(t3={"R04": (1, 0, 0, 0, 0, 0, 1, 0)}), ["T"], profile="default"))


def _ocr_like(rows_kept=("R01", "R02", "R24")) -> str:
    """The example report with table 三 as an OCR gives a table: every other row's label
    broken into short pieces over several lines, its zeros lost."""
    from gplint.testing import T3_ROW_LABELS

    pieces = {}
    for key, label in T3_ROW_LABELS:
        if key not in rows_kept:
            text = label.split("\t")[-1]
            pieces[key] = "\n".join(text[k:k + 2] for k in range(0, len(text), 2))
    return example_report(t3_rows=pieces)


def test_a_long_table_region_that_gave_few_rows_was_not_read():
    # Were: T105 "表三缺少 22 行" over a table the reader could not make out.
    diags = run(_ocr_like(), ["T", "A"], profile="default")
    assert [d.code for d in diags] == ["T190"] and "行文字中只读出了" in diags[0].message
    # A table that prints only a few rows, each on its line, is short: its rows are missing.
    assert "T105" in codes(run(example_report(drop_t3_rows=[f"R{k:02d}" for k in range(3, 24)]), ["T"],
                               profile="default"))


def test_clean_table_has_no_t190():
    assert run(example_report(), ["T190"]) == []


def test_rows_of_an_unreadable_table_are_not_reported_missing():
    # Rows printed under their group labels, each one digit run one digit short: no row can
    # be read; they are there, unread, not missing.
    from gplint.testing import EXAMPLE_T3, T3_ROW_LABELS

    rows = {k: label + " " + "".join(map(str, EXAMPLE_T3.get(k, (0,) * 7)))[:6] for k, label in T3_ROW_LABELS}
    diags = run(example_report(t3_rows=rows), ["T"], profile="default")
    assert [d.code for d in diags] == ["T190"], [(d.code, d.message[:60]) for d in diags]
    assert run(example_report(drop_t3_rows=("R17",)), ["T105"])  # a readable table still is


def test_rows_under_group_labels_with_their_digits_run_together_are_read():
    """"（三）不予公开<tab>1.属于国家秘密 0000000": the label and its run share a cell."""
    from gplint import parse
    from gplint.testing import EXAMPLE_T3, T3_ROW_LABELS

    rows = {k: label + " " + "".join(map(str, EXAMPLE_T3.get(k, (0,) * 7))) for k, label in T3_ROW_LABELS}
    text = example_report(t3_rows=rows)
    t3 = parse(text).t3
    for key, _ in T3_ROW_LABELS:
        assert tuple(t3.value(key, f"C{c}") for c in range(1, 8)) == EXAMPLE_T3.get(key, (0,) * 7), key
    assert run(text, ["T", "A"], profile="default") == []


# ------------------------------------------------------------------ tables published as pictures

def _picture_for(table: str, picture: str) -> str:
    """The example report with ``table`` replaced by a picture in its section."""
    heading = {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
               "t4": "四、政府信息公开行政复议、行政诉讼情况"}[table]
    text = example_report(tables=[t for t in ("t2", "t3", "t4") if t != table])
    assert heading + "\n" in text
    return text.replace(heading + "\n", heading + "\n" + picture + "\n", 1)


@pytest.mark.parametrize("picture", [
    "［图片］",  # gplint's own HTML and DOCX readers
    "[图片]", "【图片】", "[image]", "[IMG]", "[image: 表三.png]",  # crawlers, CMS exports
    "![表三](images/t3.png)", "![](/upload/W020240115396845.png)",  # html2text, markdownify, mammoth
    '<img src="/upload/t3.jpg" alt="">',  # a page saved with its tags
    "[W020240115396845.png]",  # lynx -dump
    "[W020240115396845]",  # w3m -dump: the file's stem
    "[]",  # pandoc's plain text of an image without alt text
])
def test_a_table_published_as_a_picture_is_unread_not_missing(picture):
    """A page that shows table 三 as an image, in what each tool writes in its place: one
    T190 at the picture, no T101."""
    text = _picture_for("t3", picture)
    diags = run(text, ["T", "A", "N"], profile="default")
    assert [d.code for d in diags] == ["T190"], [(d.code, d.message[:50]) for d in diags]
    line = text.split("\n").index(picture) + 1
    assert diags[0].span.line == line and diags[0].key == "t3" and "图片" in diags[0].message


@pytest.mark.parametrize("line", ["[1]", "[注]", "图片新闻12条", "[2024]"])
def test_brackets_and_words_that_are_no_picture_leave_a_missing_table_missing(line):
    text = _picture_for("t3", line)
    assert [d.code for d in run(text, ["T101", "T190"], profile="default")] == ["T101"]


def test_a_missing_table_beside_a_picture_elsewhere_is_still_missing():
    """The picture stands in section 三; table 四 is missing all the same."""
    text = _picture_for("t3", "［图片］")
    text = text.replace("结果维持\t结果纠正", "X\tY").replace("1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", "")
    text = "\n".join(l for l in text.split("\n") if not l.startswith(("行政复议", "\t\t\t\t\t未经复议", "X\tY")))
    assert [d.code for d in run(text, ["T101"], profile="default")] == ["T101"]


def test_html_pictures_become_lines_of_their_own():
    from gplint.html_text import html_lines
    from gplint.pictures import PICTURE_MARK as IMAGE_MARK

    lines = html_lines("<body><p>三、收到和处理政府信息公开申请情况</p><p><img src='t3.png'></p>"
                       "<table><tr><td><img src='icon.png'>1</td><td>2</td></tr></table></body>")
    assert lines[:2] == ["三、收到和处理政府信息公开申请情况", IMAGE_MARK]
    assert IMAGE_MARK not in lines[2:]  # a picture inside a table cell is left out


_T3_TOP = ("一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4\n"
           "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n")


def test_values_spilled_into_the_next_row_by_a_pdfs_reading_order_are_one_t190():
    # pdfminer's text of a ruled table: a value a line, and the first row's values but one
    # read after the second row's label. Not T103 "13 values" and A104: one T190.
    spilled = ("一、本年新收政府信息公开申请数量\n3\n二、上年结转政府信息公开申请数量\n"
               + "".join(f"{v}\n" for v in (1, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 1)))
    text = example_report(replace={_T3_TOP: spilled})
    assert spilled in text
    codes = [d.code for d in run(text, ["T", "A"], profile="default")]
    assert "T190" in codes and "T103" not in codes and "A104" not in codes


def test_a_row_with_a_value_too_many_on_its_own_line_is_still_t103():
    text = example_report(replace={_T3_TOP: _T3_TOP.replace("\t1\t0\t0\t0\t0\t0\t1\n", "\t1\t0\t0\t0\t0\t0\t0\t1\n")})
    assert "T103" in [d.code for d in run(text, ["T"], profile="default")]


_T4_TABLE = ("行政复议\t\t\t\t\t行政诉讼\n"
             "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
             "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t"
             "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
             "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n")


def _t4_interleaved(values) -> str:
    """Table 四 as pdfminer reads a ruled one: header words a character a line, values
    between them in the page's order."""
    lines = ["行政复议", "行政诉讼", "未经复议直接起诉"]
    for k, v in enumerate(values):
        lines += ["结", "果", str(v)] if k % 3 == 0 else [str(v)]
    lines += ["复议后起诉"]
    return "\n".join(lines) + "\n"


def test_table_four_values_between_its_header_words_in_no_order_are_one_t190():
    # The page's order breaks every block's total: the order is not the table's.
    text = example_report(replace={_T4_TABLE: _t4_interleaved([5, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0])})
    codes = [d.code for d in run(text, ["T", "A", "N"], profile="default")]
    assert "T190" in codes and "A106" not in codes


def test_table_four_values_between_its_header_words_in_no_order_are_left_unread():
    # gplint dump writes no cell the page's order put there: unread, not misread.
    text = example_report(replace={_T4_TABLE: _t4_interleaved([5, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0])})
    t4 = report_to_dict(parse(text))["t4"]
    assert all(value is None for block in t4.values() if isinstance(block, dict) for value in block.values())
    t190 = [d for d in run(text, ["T"], profile="default") if d.code == "T190"]
    assert t190 and "交错" in t190[0].message


def test_table_four_between_its_header_words_keeps_a_reports_own_broken_block():
    # The order holds for two blocks: the third's broken total is the report's error.
    text = example_report(replace={_T4_TABLE: _t4_interleaved([1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])})
    codes = [d.code for d in run(text, ["T", "A"], profile="default")]
    assert "A106" in codes and "T190" not in codes


_T2_TABLE = ("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t5\n"
             "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t3\n第二十条第（六）项\n信息内容\t本年处理决定数量\n"
             "行政处罚\t2\n行政强制\t0\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n")


def test_table_two_read_in_a_pdfs_order_with_values_left_over_checks_no_shifted_cell():
    # pdfminer's text: the first block's values before its labels (placed in no row), then
    # each later value one row off: the fee's 7730.28 read as 行政强制's count (no A107).
    stream = ("第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n0\n5\n0\n5\n规章\n行政规范性文件\n"
              "第二十条第（五）项\n0\n0\n信息内容\n行政许可\n本年处理决定数量\n550\n第二十条第（六）项\n信息内容\n行政处罚\n"
              "行政强制\n本年处理决定数量\n4119\n195\n第二十条第（八）项\n信息内容\n本年收费金额（单位：万元）\n行政事业性收费\n7730.28\n")
    text = example_report(replace={_T2_TABLE: stream})
    assert stream in text
    codes = [d.code for d in run(text, ["A", "T"], profile="default")]
    assert "A107" not in codes and "T190" in codes


def test_table_two_with_values_left_over_still_checks_rows_on_their_own_lines():
    # An agency's extra row (地方性法规) leaves values in no row; the rows printed with their
    # values on their own line are still checked: 行政强制 0.5 is no count.
    text = example_report(replace={"行政强制\t0\n": "行政强制\t0.5\n地方性法规\t1\t2\t3\n"})
    assert "A107" in [d.code for d in run(text, ["A"], profile="default")]


def test_a_table_three_row_holding_other_rows_values_leaves_no_row_checked():
    # Rows read down a PDF's column stream: once one row holds another's values, the rows
    # beside it are placed by the same order: no identity is built on any of them.
    spilled = ("一、本年新收政府信息公开申请数量\n3\n二、上年结转政府信息公开申请数量\n"
               + "".join(f"{v}\n" for v in (1, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 1)))
    text = example_report(replace={_T3_TOP: spilled, "（一）予以公开\t2\t0": "（一）予以公开\t9\t0"})
    codes = [d.code for d in run(text, ["A", "N"], profile="default")]
    assert not [c for c in codes if c.startswith(("A10", "N10"))]


def _t4_one_a_line(values) -> str:
    return _T4_TABLE.replace("1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n", "".join(f"{v}\n" for v in values))


def test_table_four_numbers_wrapped_in_narrow_cells_are_joined_by_the_block_totals():
    # PyMuPDF's text of a narrow ruled table: 178 written "17" over "8", 351 "35" over "1".
    values = [72, 64, 17, 8, 37, 35, 1, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    text = example_report(replace={_T4_TABLE: _t4_one_a_line(values)})
    t4 = report_to_dict(parse(text))["t4"]
    assert [t4["review"][c] for c in ("upheld", "corrected", "other", "pending", "total")] == [72, 64, 178, 37, 351]
    assert t4["after_review"]["total"] == 20
    assert not [d for d in run(text, ["A", "T"], profile="default") if d.code in ("A106", "T190")]


def test_table_four_values_left_over_one_a_line_that_no_join_explains_are_one_t190():
    values = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4]
    codes = [d.code for d in run(example_report(replace={_T4_TABLE: _t4_one_a_line(values)}), ["A", "T"],
                                 profile="default")]
    assert "T190" in codes and "A106" not in codes


def test_a_page_number_after_table_four_is_no_value():
    values = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]
    codes = [d.code for d in run(example_report(replace={_T4_TABLE: _t4_one_a_line(values)}), ["A", "T"],
                                 profile="default")]
    assert "T190" not in codes


# ------------------------------------------------------------------ tables read from a scan

def _scanned_t3(text: str) -> str:
    """The example report with table 三 as tesseract reads a ruled table from a scan: cells
    apart by blanks, three rows' labels broken and their zeros read with the rules beside
    them ("|o lo le"), and a 1 made of a rule before one row's 0 (a count the report never
    printed)."""
    broken = {"2.其他法律行政法规禁止公开": "2其他法律政法M禁 |o |o lo |。 lo le",
              "5.属于三类内部事务信息": "开 5属于三类内部事%信 |o |o | lo le le",
              "3.补正后申请内容仍不明确": "3条下后中请内容人不 ll li |"}
    out = []
    for line in text.split("\n"):
        cells = [c for c in line.split("\t") if c]
        label = next((c for c in cells if c in broken), None)
        if label is not None:
            line = broken[label]
        elif "4.无正当理由大量反复申请" in cells:
            line = "4 无正当理由大量反复申请 10  0  0  0  0  0  0"
        elif "\t" in line and not line.startswith(("规章", "行政", "信息内容", "结果", "1\t")):
            line = "  ".join(cells)
        out.append(line)
    return "\n".join(out)


def test_a_table_whose_rules_ocr_read_as_characters_is_one_notice():
    """Table 三 scanned and read by OCR: rows lost to "|o lo le", a count invented from a
    rule. One T190 naming the cause; no row missing (T105), no short row (T103), no sum
    broken (A101-A104) on figures the report never printed."""
    text = _scanned_t3(example_report())
    assert "|o |o lo" in text and "10  0  0  0  0  0  0" in text
    diags = run(text, ["T", "A"], profile="default")
    assert [d.code for d in diags] == ["T190"], [(d.code, d.message[:60]) for d in diags]
    assert diags[0].key == "t3" and "扫描识别" in diags[0].message


def _zero_rows_as_pipes(text: str, joiner: str) -> str:
    """The rows of seven zeros as a hand-typed pipe table's: | label |0|0|… or |0 |0 |…"""
    for line in [l for l in text.split("\n") if l.endswith("\t0\t0\t0\t0\t0\t0\t0")]:
        label, *values = [c for c in line.split("\t") if c]
        text = text.replace(line, f"| {label} |" + joiner.join(values) + joiner)
    return text


@pytest.mark.parametrize("joiner", ["|", " |"])
def test_a_pipe_table_is_not_taken_for_a_scan(joiner):
    """A markdown table's cells between rules ("|0|", "| 规章 |0 |0 |") are no pieces of a
    scan, nor a rule OCR glued to a value."""
    text = _zero_rows_as_pipes(example_report(), joiner)
    assert f"0{joiner}0{joiner}" in text
    assert run(text, ["T190"], profile="default") == []


@pytest.mark.parametrize("table, rows", [
    ("t2", ["刘划0", "MK4困0", "Ki 0", "行政事Vrlt收费 | 0"]),
    ("t4", ["一 2 一", "行政         ii", "结果统j圭果引三他结吊未才吉计结果维持| 结果纠工他缚条未昌维计",
            "0 li lo llilo lo lo lo lolo lo lo lo lo"]),
])
def test_a_table_whose_labels_ocr_broke_is_unread_not_missing(table, rows):
    """A scanned table OCR read past recognition: its section holds lines of cells and
    no table a reader finds. One T190 where they start, no T101."""
    text = _picture_for(table, "\n".join(rows))
    diags = run(text, ["T", "A", "N"], profile="default")
    assert [d.code for d in diags] == ["T190"], [(d.code, d.message[:50]) for d in diags]
    first = text.split("\n").index(rows[0]) + 1
    assert diags[0].key == table and first <= diags[0].span.line < first + len(rows)


def test_a_table_missing_from_a_section_of_prose_is_still_missing():
    """Prose in the table's place, even with figures, is no table: T101."""
    text = _picture_for("t2", "本年度主动公开政府信息1200条。\n其中政策解读36篇。")
    assert [d.code for d in run(text, ["T101", "T190"], profile="default")] == ["T101"]


def _t3_page_lost(text: str, break_mark: str) -> str:
    """The example report with table 三's rows 4.保护第三方合法权益 … 3.其他 gone where the
    table runs over a page: the page OCR read nothing of."""
    lines = text.split("\n")
    first = next(i for i, l in enumerate(lines) if "4.保护第三方合法权益" in l)
    last = next(i for i, l in enumerate(lines) if l.startswith("\t\t3.其他"))
    return "\n".join(lines[:first] + [break_mark] + lines[last + 1:])


def test_rows_lost_with_a_page_of_a_scan_are_unread_not_missing():
    """Table 三 over a page break, the page between read as nothing: one T190 naming the
    rows, not 16 rows "missing" (T105)."""
    text = _t3_page_lost(example_report(), "\f")
    diags = run(text, ["T", "A"], profile="default")
    assert [d.code for d in diags] == ["T190"], [(d.code, d.message[:60]) for d in diags]
    assert "跨页" in diags[0].message


def test_rows_left_out_without_a_page_break_are_missing():
    text = _t3_page_lost(example_report(), "")
    assert [d.code for d in run(text, ["T105", "T190"], profile="default")] == ["T105"]


def test_counts_on_lines_of_their_own_in_a_tables_place_are_no_table():
    """Counts on short lines in section 二, no rule nor OCR's piece among them: the
    report's words in the table's place, not a scanned table (T101)."""
    text = _picture_for("t2", "全年主动公开信息 1200\n其中政策解读 36")
    assert [d.code for d in run(text, ["T101", "T190"], profile="default")] == ["T101"]


# ------------------------------------------------------------------ the 2019 format's table 三

def _t3_2019_as_html2text(year: int = 2019) -> str:
    """The example report in the 2019 试行 format (its table 二, （六）其他处理 one row), table
    三's rows as html2text writes a page's table: cells joined by "| ", no outer pipes, so
    each value stands against the next rule ("2| 0| 0")."""
    text = example_report().replace("2024", str(year)).replace("2025", str(year + 1))
    start, end = text.index("第二十条第（一）项"), text.index("三、收到和处理政府信息公开申请情况")
    text = text[:start] + ("第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
                           "规章\t0\t0\t0\n规范性文件\t1\t1\t5\n\n") + text[end:]
    start, end = text.index("（本列数据的勾稽关系"), text.index("\n\n四、政府信息公开行政复议")
    rows = []
    for line in text[start:end].split("\n"):
        if "1.申请人无正当理由逾期不补正" in line:
            line = "\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0"
        elif "2.申请人逾期未按收费通知" in line or line.startswith("\t\t3.其他"):
            continue
        rows.append("| ".join(cell for cell in line.split("\t") if cell) + "  ")
    return text[:start] + "\n".join(rows) + text[end:]


def test_a_2019_table_three_read_whole_is_no_scan_for_its_rows_the_format_does_not_print():
    """The 2019 format prints no rows 1-3 under （六）其他处理: its table 三 read whole has
    every row of its format, and "2| 0|" (html2text's cells) is no OCR's rule beside a
    zero. Before, 22 rows read counted as rows lost, and the table one T190."""
    text = _t3_2019_as_html2text()
    assert "一、本年新收政府信息公开申请数量| 3| 1| 0| 0| 0| 0| 4" in text
    report = parse(text)
    assert report.format_version == "2019" and report.t3.value("R01", "C7") == 4
    assert run(text, ["T190", "A108"], profile="default") == []


# T110: rows of table 二 left out of the template.

def _without_lines(text: str, *starts: str) -> str:
    return "\n".join(line for line in text.split("\n") if not line.startswith(starts))


def _with_line(text: str, start: str, new: str) -> str:
    return "\n".join(new if line.startswith(start) else line for line in text.split("\n"))


@pytest.mark.parametrize(("dropped", "named", "placed_after"), [
    (("行政许可\t",), "行政许可", "行政规范性文件"),
    (("行政处罚\t", "行政强制\t"), "行政处罚、行政强制", "行政许可"),
    (("行政事业性收费\t",), "行政事业性收费", "行政强制"),
])
def test_t2_rows_left_out_are_named_once(dropped, named, placed_after):
    text = _without_lines(example_report(), *dropped)
    diags = run(text, ["T110"], profile="default")
    assert len(diags) == 1 and diags[0].message.endswith("：" + named)
    # Placed on the last row printed before the first one missing.
    assert text.split("\n")[diags[0].span.line - 1].startswith(placed_after + "\t")


def test_t2_block_left_out_with_its_heading_is_named():
    lines = example_report().split("\n")
    at = lines.index("第二十条第（五）项")
    text = "\n".join(lines[:at] + lines[at + 3:])  # heading, header, 行政许可
    diags = run(text, ["T110"], profile="default")
    assert [d.message.rsplit("：", 1)[1] for d in diags] == ["行政许可"]


def test_t2_with_every_row_is_clean():
    assert run(example_report(), ["T110"]) == []


def test_t2_cut_short_by_the_texts_end_is_not_missing_rows():
    # A page's beginning that stops inside table 二 (a stored excerpt): nothing after it
    # says the rows are not merely beyond the cut.
    text = example_report()
    cut = text[: text.index("第二十条第（六）项")]
    assert run(cut, ["T110"]) == []


def test_t2_label_printed_but_cut_into_cells_is_not_missing():
    # A PDF tool cut the label over cells (|行|政许可|): the row is printed, if not read.
    assert run(_with_line(example_report(), "行政许可\t", "|行|政许可|| 3|"), ["T110"]) == []
    assert codes(run(_with_line(example_report(), "行政许可\t", ""), ["T110"])) == ["T110"]


def test_t2_rows_missing_by_the_2019_format():
    text = Path(__file__).resolve().parents[1].joinpath("layouts/texts/families/2019-tabs.txt").read_text(encoding="utf-8")
    assert run(text, ["T110"]) == []
    diags = run(_without_lines(text, "第二十条第（九）项", "信息内容\t采购项目数量", "政府集中采购"), ["T110"])
    assert len(diags) == 1 and "2019 年试行格式" in diags[0].message and diags[0].message.endswith("：政府集中采购")


def test_t2_row_named_in_section_twos_prose_but_left_out_of_the_table_is_missing():
    text = _without_lines(example_report(), "行政许可\t").replace(
        "第二十条第（一）项", "全年公开行政许可决定3件、行政处罚决定2件。\n第二十条第（一）项", 1)
    assert codes(run(text, ["T110"])) == ["T110"]


def test_t2_row_missing_where_the_section_headings_are_not_the_formats():
    # Headings numbered 1. 2. 3. (no statutory section found): table 三 after table 二
    # still says table 二 is whole.
    from gplint.format import SECTIONS

    text = _without_lines(example_report(), "行政许可\t")
    for n, section in enumerate(SECTIONS, 1):
        text = text.replace(f"\n{section.numeral}、{section.title}\n", f"\n{n}.{section.title}\n")
    assert not parse(text).sections
    assert codes(run(text, ["T110"])) == ["T110"]


def test_t2_of_a_text_that_starts_inside_it_is_not_missing_rows():
    # A PDF's later pages: the text begins at table 二's (六) block.
    text = example_report()
    assert run(text[text.index("第二十条第（六）项"):], ["T110"]) == []


def test_t2_rows_unread_on_a_page_flattened_into_one_line_are_not_missing():
    # A saved page on one line, table 二 with a 备注 column: a row the reader does not make
    # out (行政强制 run into 行政处罚's remark) is a stretch of that line, and a "sentence" of
    # prose ends far after it (…行政复议、行政诉讼… 。): its label still stands in the
    # table's words.
    from gplint.reader.flattened import SEGMENT_MIN

    lines = [x for x in example_report().split("\n") if x.strip()]
    remarks = {"信息内容": "备注", "规章": "其中1件为网上申请", "行政处罚": "详见说明", "行政强制": "无"}
    lines = [x + "\t" + remarks[x.split("\t")[0]] if x.split("\t")[0] in remarks else x for x in lines]
    page = lines[0] + "\n" + " ".join(x.replace("\t", " ") for x in lines[1:]) + "\n"
    page = page.replace("详见说明 行政强制", "详见说明行政强制")  # (the remark run into the next label)
    assert len(page) > SEGMENT_MIN
    assert report_to_dict(parse(page))["t2"].get("coercion") is None  # (unread)
    assert run(page, ["T110"]) == []


def test_t2_last_row_in_the_line_of_section_threes_heading_is_not_missing():
    # pymupdf4llm of a LibreOffice PDF: the fee row and section 三's heading in one pipe row
    # (|行政事业性收费<br>0<br>三、收到和处理…|): the row is printed, and its value (the 0
    # before the heading, read apart from it as a value and the next label) is the row's.
    lines = example_report().split("\n")
    fee = next(k for k, x in enumerate(lines) if x.startswith("行政事业性收费\t"))
    heading = lines.index("三、收到和处理政府信息公开申请情况")
    lines[fee] = "|行政事业性收费<br>0<br>三、收到和处理政府信息公开申请情况|"
    text = "\n".join(lines[:fee + 1] + lines[heading + 1:])
    assert "S3" in parse(text).sections and report_to_dict(parse(text))["t2"].get("fees") == 0
    assert run(text, ["T110"]) == []


@pytest.mark.parametrize("row", [
    "\t".join(["/", "—", "", "/", "/"] * 3),                                   # marks, some cells empty
    "\t" + "\t".join(["N/A", "——", "/", "N/A", "N/A", "", "/", "——", "", "——", "/", "/", "", "", ""]),
])
def test_table_4_written_in_marks_with_empty_cells_between_is_read(row):
    # Table 四's zeros written as marks, some cells left empty: a tab row of fifteen cells,
    # read in place (A108's one notice), not "header found, no values" (T190).
    text = example_report(replace={"1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0": row})
    assert codes(run(text, ["T", "A"])) == ["A108"]
    cells = row.lstrip("\t").split("\t") + [""] * 15
    t4 = parse(text).t4
    assert [t4.cell(b, c).raw for b in ("review", "direct", "after_review")
            for c in ("upheld", "corrected", "other", "pending", "total")] == cells[:15]


def _with_added_rows(text: str) -> str:
    """Table 二 with the rows agencies add: 地方性法规 above 规章, 其他规范性文件 after 行政规范性
    文件, 其他行政管理事项 after 行政强制."""
    text = text.replace("规章\t0\t0\t0\n", "地方性法规\t39\t17\t28\n规章\t0\t0\t0\n", 1)
    text = text.replace("行政规范性文件\t1\t0\t5\n", "行政规范性文件\t1\t0\t5\n其他规范性文件\t10\t7\t26\n", 1)
    return text.replace("行政强制\t0\n", "行政强制\t0\n其他行政管理事项\t31\n", 1)


def test_t2_row_left_out_beside_rows_the_agency_added_is_named():
    # The added rows hold their own values, elsewhere or of another count: they are no
    # missing row's, and 其他规范性文件's three values are not 行政许可's one.
    added = _with_added_rows(example_report())
    assert run(added, ["T110"], profile="default") == []
    diags = run(_without_lines(added, "行政许可\t"), ["T110"], profile="default")
    assert [d.message.rsplit("：", 1)[1] for d in diags] == ["行政许可"]
    assert parse(_without_lines(added, "行政许可\t")).t2.cells["licensing"].span is None


def test_t2_values_in_no_row_where_a_missing_row_stands_may_be_its():
    # A label garbled past reading (行攻许可) over one value where 行政许可 stands: not missing.
    garbled = _with_line(_with_added_rows(example_report()), "行政许可\t", "行攻许口可\t3")
    assert run(garbled, ["T110"], profile="default") == []
    # Placed on 行政许可 by its place, not 其他规范性文件's three values above it.
    assert parse(garbled).t2.cells["licensing"].value == 3


def _t2_as_a_scan_reads_it(licensing: str) -> str:
    """The example report with table 二 as tesseract reads a scan of it: cells apart by
    blanks, the blocks' headings garbled (第一十条第 (入) 项: the reader finds the table from
    its (八) block up), 行政处罚's label misread, 行政许可's line ``licensing``."""
    text = example_report()
    start, end = text.index("二、主动公开"), text.index("三、收到和处理")
    headings = {"第二十条第（一）项": "| 第一十条第 (一) 项", "第二十条第（五）项": "| 第一十条第 (五) 项",
                "第二十条第（六）项": "| 第一十条第 (入) 项"}
    lines = []
    for line in text[start:end].split("\n"):
        if line.startswith("行政许可"):
            line = licensing
        elif line.startswith("行政处罚"):
            line = "行政处有 |" + line.split("\t")[-1]
        elif line.startswith("信息内容"):
            line = " " + line.split("\t", 1)[1].replace("\t", "   ")
        else:
            line = headings.get(line, line.replace("\t", "  "))
        lines.append(line)
    return text[:start] + "\n".join(lines) + text[end:]


@pytest.mark.parametrize("garbled", ["行政许 |0", "Ki可 0", "0"])
def test_t2_rows_whose_labels_a_scan_garbled_are_not_missing(garbled):
    # Their lines are there, a row's shape (a label's length of text, then counts): the
    # rows are printed, if not read. Was: T110 "缺少 2 行：行政许可、行政处罚".
    assert run(_t2_as_a_scan_reads_it(garbled), ["T110"], profile="default") == []


def test_t2_prose_wrapped_after_a_number_does_not_hide_a_row_left_out():
    text = _without_lines(example_report(), "行政许可\t").replace(
        "第二十条第（一）项", "本年度通过政府网站主动公开各类政府信息共计1200\n条。\n第二十条第（一）项", 1)
    assert codes(run(text, ["T110"])) == ["T110"]
