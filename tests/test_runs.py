"""The digit-run solver (gplint.reader.runs): when cells ran together, and how they are cut."""
from __future__ import annotations

import pytest

from gplint import format as F
from gplint import parse
from gplint.reader import runs, t3_runs
from gplint.reader.cells import LCell, to_number


def num(text: str, column: int = 1, fused: bool = False) -> LCell:
    return LCell("num", text, 1, column, column + len(text), to_number(text), fused)


@pytest.mark.parametrize("texts, fused, width, want", [
    (["2000002"], False, 7, "2000002"),              # one number a million or more: a run
    (["20", "0", "0", "0", "02"], False, 7, "2000002"),  # stray spaces inside the run
    (["0", "00000"], False, 7, "000000"),            # one digit short: a cell left empty
    (["121000013"], False, 7, "121000013"),
    (["000"], True, 3, "000"),                       # written against its label
    (["1", "0", "1"], False, 3, None),               # three cells for three columns
    (["12", "3", "15"], False, 7, None),             # a row with empty cells, no sign of a run
    (["120", "35", "155"], False, 7, None),          # likewise: plausible counts
    (["1.5"], True, 3, None),                        # a decimal is no run
    (["101"], False, 3, None),                       # table 二: only fused runs or leading zeros
])
def test_run_digits(texts, fused, width, want):
    cells = [num(t, fused=fused and i == 0) for i, t in enumerate(texts)]
    long_cell = None if width == 3 else runs.MAX_CELL_DIGITS
    assert runs.run_digits(cells, width, long_cell) == want


def test_splits_forced_when_every_cell_is_one_digit():
    assert runs.splits("2000002", 7) == [(2, 0, 0, 0, 0, 0, 2)]


def test_splits_one_short_puts_the_empty_cell_everywhere():
    got = runs.splits("100", 4)
    assert got == [(None, 1, 0, 0), (1, None, 0, 0), (1, 0, None, 0), (1, 0, 0, None)]


def test_t3_row_splits_keep_the_row_total():
    # Two cuts keep it; the table's column identities choose between them (resolve_t3).
    assert t3_runs.t3_row_splits("121000013") == [(1, 2, 10, 0, 0, 0, 13), (12, 1, 0, 0, 0, 0, 13)]


def test_long_runs_are_bounded_and_unreadable():
    assert runs.splits("1" * 80, 7) == []
    assert runs.splits("1" * 30, 7, limit=100) == []  # more cuts than the limit: unreadable
    assert t3_runs.t3_row_splits("1" * 43) == []  # longer than seven cells of six digits


def test_resolve_t3_uses_the_column_identities():
    # R01 = 11 (新收 11, all 自然人) is a run that splits 1|1 or 11 in several ways; the
    # other rows fix the columns: R03 予以公开 11, R24 总计 11.
    zeros = (0,) * 7
    known = {k: zeros for k in F.T3_2021.leaves}
    known.update({"R02": zeros, "R25": zeros, "R03": (11, 0, 0, 0, 0, 0, 11), "R24": (11, 0, 0, 0, 0, 0, 11)})
    chosen, ambiguous = t3_runs.resolve_t3({"R01": "110000011"}, {k: v for k, v in known.items() if k != "R01"},
                                        [f"R{i:02d}" for i in range(1, 26)])
    assert chosen == {"R01": (11, 0, 0, 0, 0, 0, 11)} and not ambiguous


def test_resolve_t3_refuses_to_guess_an_empty_cell_the_identities_cannot_place():
    zeros = (0,) * 7
    rows = [f"R{i:02d}" for i in range(1, 26)]
    known = {k: zeros for k in rows if k != "R25"}
    chosen, ambiguous = t3_runs.resolve_t3({"R25": "000000"}, known, rows)
    assert chosen == {} and ambiguous == {"R25"}


def test_run_cells_keep_true_columns_across_stray_spaces():
    cells = [num("20", 5), num("0", 8), num("02", 10)]
    got = runs.run_cells(cells, (2, 0, 0, 0, 2))
    assert [(c.text, c.column, c.end_column) for c in got] == [("2", 5, 6), ("0", 6, 7), ("0", 8, 9), ("0", 10, 11), ("2", 11, 12)]


_ROW = "一、本年新收政府信息公开申请数量"


def test_parse_reads_a_run_after_a_space_in_an_ordinary_report():
    from gplint.testing import example_report
    text = example_report()
    lines = text.split("\n")
    k = next(i for i, l in enumerate(lines) if l.startswith(_ROW) or l.split("\t")[0].endswith("本年新收政府信息公开申请数量"))
    want = parse(text).t3
    values = [want.value("R01", f"C{c}") for c in range(1, 8)]
    if max(values) > 9:
        pytest.skip("the example's R01 has a two-digit cell")
    lines[k] = _ROW + " " + "".join(str(v) for v in values)
    got = parse("\n".join(lines)).t3
    assert [got.value("R01", f"C{c}") for c in range(1, 8)] == values


# --------------------------------------------------------------------------- header order
def test_header_order_from_one_separated_line():
    from gplint.labels import normalise
    from gplint.reader.t3_header import _placement

    one_row = normalise("总计自然人商业企业社会公益组织科研机构法律服务机构其他")
    assert _placement([one_row]) == (6, 0, 1, 3, 2, 4, 5)
    # A two-row header: the legal-person columns on the second line, two swapped.
    assert _placement([normalise("自然人法人或其他组织总计"), normalise("商业企业科研机构法律服务机构社会公益组织其他")]) \
        == (0, 1, 2, 4, 3, 5, 6)
    # The format's order, or words not cut into cells (a flattened page, marked by a leading
    # NUL): as printed, unless one such line names all seven columns without the
    # 法人或其他组织 group word (a two-row header flattened onto one line always has it).
    assert _placement([normalise("自然人法人或其他组织总计"), normalise("商业企业科研机构社会公益组织法律服务机构其他")]) is None
    assert _placement(["\0", "\0"]) is None
    assert _placement(["\0" + one_row]) == (6, 0, 1, 3, 2, 4, 5)
    assert _placement(["\0" + normalise("自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")]) is None


def test_lost_boundaries_are_cut_only_when_the_row_total_confirms():
    """"2100 0 0 0 21": five numbers for seven cells, spaces lost between 21, 0 and 0."""
    from gplint.testing import example_report

    text = example_report(t3_rows={"R03": "（一）予以公开 21 1 0 0 0 0 22",
                                   "R13": "1.本机关不掌握相关政府信息 2100 0 0 0 21"})
    t3 = parse(text).t3
    assert [t3.value("R13", f"C{c}") for c in range(1, 8)] == [21, 0, 0, 0, 0, 0, 21]
    # Six plausible counts that no cut of seven explains: read as printed (a short row).
    short = parse(example_report(t3_rows={"R13": "1.本机关不掌握相关政府信息 12 3 0 0 0 15"})).t3
    assert short.rows["R13"].count == 6


def test_a_cut_never_removes_a_boundary_the_text_printed():
    """"0 0 0 12 10 22": cutting 12|10 into 1|21|0 would keep the row total but invent two
    numbers; the row keeps its six printed values instead. Which of its seven cells is the
    missing one is unknown (blanks only), so none is placed: they are values left over."""
    from gplint.testing import example_report

    report = parse(example_report(t3_rows={"R03": "（一）予以公开 0 0 0 12 10 22"}))
    row = report.t3.rows["R03"]
    assert [c.value for c in row.extra] == [0, 0, 0, 12, 10, 22] and row.count == 6
    assert all(c.value is None for c in row.cells)
    assert [i.kind for i in report.issues] == ["t3-row-gap-unknown"]
    assert runs.keeps_boundaries((0, 0, 0, 1, 21, 0, 22), frozenset({1, 2, 3, 5, 7, 9})) is False


def test_table_4_search_is_bounded_when_no_cut_fits():
    # Forty 1s: no cut makes every block add up, with or without one broken block; the
    # search gives up within its step budget and the run is unreadable.
    assert runs.t4_splits("1" * 40) == [] and runs.t4_splits("1" * 40, free_block=True) == []
    report = parse("四、政府信息公开行政复议、行政诉讼情况\n结果维持 结果纠正 其他结果 尚未审结 总计 " + "1" * 40 + "\n")
    assert [i.kind for i in report.issues] == ["ambiguous-digit-split"]


def test_a_row_cut_by_tabs_never_has_a_cell_cut_in_two():
    """Tabs lose no boundary: "…\\t0\\t3181" short of its 总计 cell is six values, the last
    3181 (before: cut into 31|81, which happens to keep the row total 7+43+31 = 81, and a
    false SUM-RESULTS error followed)."""
    from gplint.testing import example_report

    report = parse(example_report(t3_rows={"R10": "6.属于四类过程性信息\t7\t43\t0\t0\t0\t3181"}))
    row = report.t3.rows["R10"]
    assert [c.value for c in row.cells] == [7, 43, 0, 0, 0, 3181, None]
    assert not any(i.kind == "ambiguous-digit-split" for i in report.issues)


def test_one_value_a_line_short_of_its_last_cell_keeps_its_columns():
    """Table 三 one cell a line, 四、结转下年度继续办理's 总计 left empty at the end of the
    table: its six values stand in their columns (an empty cell there is an empty line, and
    the ones lost at the end are the last), not left unread as a row of blank-separated
    numbers would be (there, which cell is missing is unknown)."""
    from pathlib import Path

    text = (Path(__file__).parent / "layouts" / "texts" / "cells.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("四、结转下年度继续办理"))
    assert lines[at + 1:at + 8] == ["31", "0", "0", "0", "0", "0", "31"]
    lines[at + 7] = ""
    report = parse("\n".join(lines))
    row = report.t3.rows["R25"]
    assert [c.value for c in row.cells] == [31, 0, 0, 0, 0, 0, None]
    assert [i.kind for i in report.issues if i.row == "R25"] == ["t3-row-too-few-values"]


def _every_cut_keeping_total(digits: str, parts: int) -> list[tuple[int, ...]]:
    """The plain reference: every way to cut ``digits`` into ``parts`` numbers and a
    last one, kept when the last is their sum (no leading zeros, at most
    MAX_CELL_DIGITS digits each)."""
    import itertools

    out = []
    for ends in itertools.combinations(range(1, len(digits)), parts):
        pieces = [digits[a:b] for a, b in zip((0,) + ends, ends + (len(digits),))]
        if all(len(p) <= runs.MAX_CELL_DIGITS and (p == "0" or p[0] != "0") for p in pieces):
            values = tuple(int(p) for p in pieces)
            if sum(values[:-1]) == values[-1]:
                out.append(values)
    return out


@pytest.mark.parametrize("parts", [5, 6])
def test_the_pruned_search_finds_every_cut_the_plain_one_does(parts):
    """The search for cuts gives up branches early (sums that cannot be met): it must
    still find exactly the cuts an exhaustive search finds."""
    from hypothesis import given, settings, strategies as st

    runs_of_a_row = st.lists(st.sampled_from([0, 0, 0, 1, 2, 7, 10, 12, 99, 100, 105, 998, 1000, 12345]),
                             min_size=parts, max_size=parts).map(lambda v: "".join(map(str, v)) + str(sum(v)))
    any_digits = st.text("0123456789", min_size=parts + 1, max_size=16)

    @settings(max_examples=300, deadline=None)
    @given(st.one_of(runs_of_a_row, any_digits))
    def check(digits):
        found = t3_runs._cuts_keeping_total(digits, parts, runs.MAX_SPLITS)
        assert sorted(found) == sorted(_every_cut_keeping_total(digits, parts))

    check()
