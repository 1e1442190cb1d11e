"""Arithmetic rules: identities of tables 三 and 四, the culprit cell, blanks, counts."""
from __future__ import annotations

import pytest

from gplint.testing import EXAMPLE_T3, example_report

from gplint.testing import lint_with


def run(text, select=None, profile="strict", year=None):
    return lint_with(text, select or (), profile=profile, year=year)

T3_ONLY = dict(tables=("t3",))


def codes(diags):
    return sorted(d.code for d in diags)


def test_consistent_table_is_clean():
    assert run(example_report(), select=["A"]) == []


@pytest.mark.parametrize("cell", ["R03.C1", "R24.C1", "R01.C7", "R25.C2", "R13.C2", "R02.C1", "R24.C7", "R10.C5"])
def test_one_wrong_cell_is_reported_once_as_the_culprit(cell):
    row, col = cell.split(".")
    good = EXAMPLE_T3.get(row, (0,) * 7)[int(col[1:]) - 1]
    diags = run(example_report(t3={cell: good + 2}, **T3_ONLY), select=["A"])
    assert codes(diags) == ["A101"], [d.message for d in diags]
    d = diags[0]
    assert d.key == f"t3.{row}.{col}"
    assert d.evidence["expected"] == good and d.evidence["value"] == good + 2
    assert str(good) in d.message and str(good + 2) in d.message
    assert len(d.related) >= 1  # the other identities it breaks


def test_culprit_lands_on_the_cell_line():
    text = example_report(t3={"R24.C1": 5}, **T3_ONLY)
    d = run(text, select=["A101"])[0]
    assert "（七）总计" in text.splitlines()[d.span.line - 1]
    assert text.splitlines()[d.span.line - 1][d.span.column - 1:d.span.end_column - 1] == "5"


def test_two_wrong_cells_in_one_column_are_not_blamed_on_either():
    diags = run(example_report(t3={"R03.C1": 3, "R04.C1": 2}, **T3_ONLY), select=["A"])
    assert codes(diags) == ["A102", "A103", "A104", "A104"] or codes(diags) == ["A102", "A104", "A104"], \
        [d.message for d in diags]
    assert "A101" not in codes(diags)


def test_sum_results_message_names_parts_and_total():
    diags = run(example_report(t3={"R03.C1": 3, "R03.C7": 3}, **T3_ONLY), select=["A102"])
    msgs = [d.message for d in diags]
    assert any("自然人列：（一）予以公开 3 + （二）部分公开 1" in m and "但（七）总计为 3" in m for m in msgs), msgs
    assert all(d.evidence["delta"] == -1 for d in diags)  # left (总计) - right (sum)


def test_balance_broken_without_a_shared_cell():
    diags = run(example_report(t3={"R01.C1": 4, "R01.C7": 5}, **T3_ONLY), select=["A"])
    assert codes(diags) == ["A103", "A103"]
    assert "一、本年新收 4 + 二、上年结转 1 = 5" in diags[0].message


def test_no_total_column_pins_the_total_cell():
    # Seed 002's shape: no 总计 column in R01..R04, （七）总计 自然人 wrong.
    rows = {r: EXAMPLE_T3[r][:6] for r in ("R01", "R02", "R03", "R04")}
    rows["R24"] = (2, 1, 0, 0, 0, 0, 3)
    rows["R24"] = (2, 1, 0, 0, 0, 0, 3)
    diags = run(example_report(t3=rows, t3_total_column=False, **T3_ONLY), select=["A"])
    assert codes(diags) == ["A101"], [d.message for d in diags]
    assert diags[0].key == "t3.R24.C1" and diags[0].evidence["expected"] == 3


def test_blank_placeholder_is_not_read_as_zero():
    # R03.C1 printed as "—": with it as 0 the column would be consistent only if R24 said 1.
    diags = run(example_report(t3={"R03.C1": "—"}, **T3_ONLY), select=["A"])
    assert codes(diags) == ["A108"]
    assert diags[0].severity == "info" and "不能按 0 计算" in diags[0].message


def test_empty_cells_are_left_to_the_table_rules():
    text = example_report(t3_rows={"R03": "三、本年度办理结果\t（一）予以公开\t2\t0\t0\t0\t0\t0\t"}, **T3_ONLY)
    assert run(text, select=["A"]) == []


def test_lone_other_handling_row_stands_for_its_leaves():
    text = example_report(other_handling_alone=True, t3={"R23": (1, 0, 0, 0, 0, 0, 1), "R24": (4, 1, 0, 0, 0, 0, 5),
                                                          "R01": (4, 1, 0, 0, 0, 0, 5)}, **T3_ONLY)
    assert run(text, select=["A"]) == []
    bad = example_report(other_handling_alone=True, t3={"R23": (1, 0, 0, 0, 0, 0, 1)}, **T3_ONLY)
    assert "A101" in codes(run(bad, select=["A"])) or "A102" in codes(run(bad, select=["A"]))


def test_t4_block_total():
    diags = run(example_report(t4={"after_review.upheld": "5"}, tables=("t4",)), select=["A"])
    assert codes(diags) == ["A106"]
    assert "复议后起诉：结果维持 5" in diags[0].message and "但总计为 0" in diags[0].message
    assert diags[0].evidence["right"] == 5 and diags[0].key == "t4.after_review.total"


def test_t4_blank_is_info_not_error():
    diags = run(example_report(t4={"review.other": "/"}, tables=("t4",)), select=["A"])
    assert codes(diags) == ["A108"]


@pytest.mark.parametrize("override, expect", [
    ({"t2": {"licensing": "2.5"}}, True),
    ({"t2": {"fees": "2.5"}}, False),
    ({"t3": {"R05.C1": "1.5", "R05.C7": "1.5"}}, True),
    ({"t4": {"direct.pending": "0.5"}}, True),
])
def test_cell_not_a_count(override, expect):
    diags = run(example_report(**override), select=["A107"])
    assert bool(diags) is expect


def test_cell_not_a_count_in_a_2019_table():
    # A 2019 试行 table 二 is checked against its own format: cells named as it names them,
    # 采购总金额 an amount, 本年增/减 signed, the (八) columns counts of fee items.
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "formats" / "report_2019_format.md").read_text(encoding="utf-8")
    assert not run(text, select=["A107"])  # -2 and +1 under 本年增/减, 36.5 under 采购总金额
    text = text.replace("| 规范性文件 | 2 |", "| 规范性文件 | -2 |").replace("| 行政事业性收费 | 1 |", "| 行政事业性收费 | 1.5 |")
    assert [d.message for d in run(text, select=["A107"])] == [
        "表二“规范性文件·本年新制作数量”为 -2，应为非负整数",
        "表二“行政事业性收费·上一年项目数量”为 1.5，应为非负整数",
    ]


def test_a_2019_table_two_row_with_values_too_many_is_not_read_cell_by_cell():
    # A PDF's column stream gave a row the next row's signed 本年增/减 (| 3 | +6 | -3 | 0 |):
    # which value stands in which column is the reader's guess; T103's, not A107's.
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "formats" / "report_2019_format.md").read_text(encoding="utf-8")
    text = text.replace("| 其他对外管理服务事项 | 3 | 0 | 8 |", "| 其他对外管理服务事项 | 3 | +6 | -3 | 0 |")
    assert not run(text, select=["A107"])
    assert run(text.replace("| 3 | +6 | -3 | 0 |", "| 3 | +6 | -3 |"), select=["A107"])


def test_cells_of_many_rows_not_written_as_numbers_are_one_notice():
    # Four rows with a cell OCR wrote as a letter (O for 0): one notice for the table, the
    # rows and cells listed in it, not one a row; three rows still get one each.
    four = {"R03.C1": "O", "R05.C2": "O", "R06.C2": "l", "R13.C4": "O"}
    diags = run(example_report(t3=four, **T3_ONLY), select=["A"])
    assert codes(diags) == ["A108"]
    assert diags[0].key == "t3.blank-cells" and "4 行的 4 个单元格" in diags[0].message
    assert len(diags[0].related) == 3 and diags[0].evidence["rows"] == ["R03", "R05", "R06", "R13"]
    three = {k: v for k, v in four.items() if k != "R13.C4"}
    assert codes(run(example_report(t3=three, **T3_ONLY), select=["A"])) == ["A108"] * 3


def test_a108_default_profile_reports_placeholder():
    assert codes(run(example_report(t3={"R03.C1": "—"}), select=None, profile="default")).count("A108") == 1


# --------------------------------------------------------------------------- property
from hypothesis import given, settings, strategies as st  # noqa: E402

from gplint.model import T3_LEAVES  # noqa: E402


@st.composite
def consistent_t3(draw):
    """A random consistent table 三: leaves and carry-over drawn, everything else derived."""
    grid = {}
    for r in T3_LEAVES:
        grid[r] = [draw(st.integers(0, 3)) if draw(st.booleans()) else 0 for _ in range(6)]
    grid["R24"] = [sum(grid[r][c] for r in T3_LEAVES) for c in range(6)]
    grid["R25"] = [draw(st.integers(0, 5)) for _ in range(6)]
    grid["R02"] = [draw(st.integers(0, grid["R24"][c] + grid["R25"][c])) for c in range(6)]
    grid["R01"] = [grid["R24"][c] + grid["R25"][c] - grid["R02"][c] for c in range(6)]
    return {r: tuple(v) + (sum(v),) for r, v in grid.items()}


ROWS = ("R01", "R02") + T3_LEAVES + ("R24", "R25")


@settings(max_examples=40, deadline=None)
@given(consistent_t3(), st.sampled_from(ROWS), st.integers(0, 6), st.integers(1, 9))
def test_any_single_broken_cell_is_the_one_reported(t3, row, col, delta):
    assert run(example_report(t3=t3, **T3_ONLY), select=["A"]) == []
    broken = dict(t3)
    cells = list(broken[row])
    cells[col] += delta
    broken[row] = tuple(cells)
    diags = run(example_report(t3=broken, **T3_ONLY), select=["A"])
    assert [d.code for d in diags] == ["A101"], [d.message for d in diags]
    assert diags[0].key == f"t3.{row}.C{col + 1}"
    assert diags[0].evidence["expected"] == t3[row][col]


def test_in_force_below_issued_is_strict_info():
    text = example_report(t2={"rules.issued": "3", "rules.in_force": "2"})
    diags = run(text, select=["A109"])
    assert [(d.code, d.severity) for d in diags] == [("A109", "info")] and "规章" in diags[0].message
    assert "A109" not in [d.code for d in run(text, profile="default")]


# ------------------------------------------------------------------ reading confidence

def test_zeros_written_as_placeholders_get_one_table_notice():
    from gplint.testing import T3_ROW_LABELS

    for mark in ("—", "/", "无", ""):
        grid = {k: tuple(mark if v == 0 else v for v in EXAMPLE_T3.get(k, (0,) * 7)) for k, _ in T3_ROW_LABELS}
        diags = lint_with(example_report(t3=grid), ["A", "T101", "T103", "T190"], profile="default")
        assert [d.code for d in diags] == ["A108"], (mark, [(d.code, d.message[:50]) for d in diags])
        assert "表三没有填写 0" in diags[0].message and diags[0].key == "t3.blank-zeros"


def test_zeros_left_blank_but_the_totals_get_one_table_notice():
    # A clerk who leaves a row's zeros empty still writes its 总计, 0 where the row is empty.
    from gplint.testing import T3_ROW_LABELS

    for mark in ("—", ""):
        grid = {k: tuple(mark if v == 0 and c < 6 else v for c, v in enumerate(EXAMPLE_T3.get(k, (0,) * 7)))
                for k, _ in T3_ROW_LABELS}
        diags = lint_with(example_report(t3=grid), ["A", "T101", "T103", "T190"], profile="default")
        assert [d.code for d in diags] == ["A108"], (mark, [(d.code, d.message[:50]) for d in diags])


def test_sporadic_placeholders_are_still_reported_by_row():
    diags = run(example_report(t3={"R05.C1": "—", "R10.C2": "—"}), select=["A108"])
    assert len(diags) == 2 and all("行的" in d.message for d in diags)


def test_misread_row_never_feeds_an_identity():
    # 一、本年新收 written "3 1 0 0 0 04": its 总计 cell ran into the cell before it. Read as
    # printed, T3-BALANCE and T3-ROW-TOTAL would break on numbers the report never wrote.
    text = example_report(t3_rows={"R01": "一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t04"})
    assert run(text, select=["A101", "A102", "A103", "A104", "A105", "A106", "A107"]) == []
    # The same row printed with a real slip is still caught.
    assert codes(run(example_report(t3={"R01.C7": 5}), select=["A"])) == ["A101"]


def test_misread_t4_block_is_not_totalled():
    row = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    text = example_report(replace={row: "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t00\t0\t0\t0\t3"})
    assert run(text, select=["A106"]) == []
    assert codes(run(example_report(replace={row: row[:-1] + "3"}), select=["A106"])) == ["A106"]
