"""gplint.format: the formats as data, and the identities evaluated through it.

- every identity holds on consistent reports (hypothesis-drawn figures, the seeded
  generator's truth, and the same reports parsed back from their text), and every one of
  them breaks when any one of its cells changes;
- the 2019 shape (（六）其他处理 as one row) sums the 2019 leaves;
- both formats' table 二 keys, widths and cell kinds;
- display names, and that the matcher finds every standard label's own key.
"""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from gplint import format as F
from gplint import labels as L
from gplint import parse

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "layouts"))
sys.path.insert(0, str(HERE.parent / "bench"))
import strategies  # noqa: E402  (tests/layouts/strategies.py)
import synth  # noqa: E402  (bench/synth.py)

T3 = F.T3_2021
ALL_IDENTITIES = F.t3_identities() + F.t4_identities()


def _values(data: strategies.ReportData) -> dict[F.CellRef, object]:
    """A ReportData's T3 and T4 cells as one mapping of cell references."""
    values: dict[F.CellRef, object] = {}
    for r in T3.row_keys:
        values.update({(r, c): v for c, v in zip(T3.column_keys, data.t3[r])})
    values.update(data.t4)
    return values


def _assert_all_hold_and_each_cell_breaks(values: dict) -> None:
    for ident in ALL_IDENTITIES:
        sums = F.evaluate(ident, values)
        assert sums is not None and sums.holds, (ident.id, ident.scope, str(ident))
        for cell in set(ident.operands):
            changed = dict(values)
            changed[cell] += 1
            broken = F.evaluate(ident, changed)
            assert broken is not None and not broken.holds and broken.delta in (1, -1), (str(ident), cell)


# --------------------------------------------------------------------------- identities

def test_identities_cover_the_format():
    kinds = [i.kind for i in F.t3_identities()]
    cols = len(T3.columns)
    # FORMAT §5.4: 7 + 7 + 25 equations on a full table; §6: 3 block totals.
    assert kinds.count("SUM-RESULTS") == cols and kinds.count("BALANCE") == cols
    assert kinds.count("ROW-TOTAL") == len(T3.rows) and "GROUP-SUBTOTAL" not in kinds
    assert [i.scope for i in F.t4_identities()] == list(F.T4.block_keys)
    assert {i.id for i in ALL_IDENTITIES} == {"T3-SUM-RESULTS", "T3-BALANCE", "T3-ROW-TOTAL", "T4-BLOCK-TOTAL"}


def test_identities_read_as_the_format_writes_them():
    by = {(i.kind, i.scope): i for i in ALL_IDENTITIES}
    assert str(by["BALANCE", "C1"]) == "R01.C1 + R02.C1 = R24.C1 + R25.C1"
    assert str(by["ROW-TOTAL", "R03"]) == "R03.C7 = R03.C1 + R03.C2 + R03.C3 + R03.C4 + R03.C5 + R03.C6"
    assert by["SUM-RESULTS", "C7"].right == tuple((r, "C7") for r in T3.leaves)
    assert T3.leaves == tuple(f"R{i:02d}" for i in range(3, 24))
    assert str(by["T4-BLOCK-TOTAL", "direct"]) == (
        "direct.total = direct.upheld + direct.corrected + direct.other + direct.pending")
    assert by["BALANCE", "C3"].anchor == ("R24", "C3")


@settings(max_examples=40, deadline=None)
@given(strategies.report_data())
def test_every_identity_holds_and_breaks_on_one_changed_cell(data):
    _assert_all_hold_and_each_cell_breaks(_values(data))


@pytest.mark.parametrize("seed", range(4))
def test_identities_hold_on_generated_reports_and_on_what_gplint_reads_of_them(seed):
    text, truth = synth.make_report(seed, synth.LAYOUTS[seed % len(synth.LAYOUTS)], target_bytes=2000)
    values = {(r, c): v for r, row in truth["t3"].items() for c, v in row.items()}
    values.update({(b, c): v for b, row in truth["t4"].items() for c, v in row.items()})
    _assert_all_hold_and_each_cell_breaks(values)
    report = parse(text)
    read = {(r, c): report.t3.value(r, c) for r in T3.row_keys for c in T3.column_keys}
    read.update({(b, c): report.t4.value(b, c) for b in F.T4.block_keys for c in F.T4.column_keys})
    assert all(F.evaluate(i, read).holds for i in ALL_IDENTITIES)


def test_a_missing_cell_makes_an_identity_not_assessable():
    ident = F.t3_identities()[0]
    values = {k: 0 for k in ident.operands}
    assert F.evaluate(ident, values).holds
    del values[ident.right[3]]
    assert F.evaluate(ident, values) is None
    values[ident.right[3]] = None
    assert F.evaluate(ident, values) is None
    # A function works as well as a mapping; decimals are summed exactly.
    assert F.evaluate(ident, lambda k: Decimal("0.5") if k == ident.anchor else 0).delta == Decimal("0.5")


def test_other_handling_printed_alone_is_a_2019_leaf():
    rows = tuple(r for r in T3.row_keys if r not in T3.group("G6").members)
    ids = F.t3_identities(rows, ("G6",))
    total = next(i for i in ids if i.kind == "SUM-RESULTS" and i.scope == "C1")
    assert [r for r, _ in total.right] == list(F.T3_2019.leaves)
    assert "G6" in F.T3_2019.leaves and "R21" not in F.T3_2019.leaves
    assert ("ROW-TOTAL", "G6") in {(i.kind, i.scope) for i in ids}
    # With its sub-rows printed too, （六）其他处理 is their subtotal, column by column.
    full = F.t3_identities(T3.row_keys, ("G6",))
    subtotals = [i for i in full if i.kind == "GROUP-SUBTOTAL"]
    assert len(subtotals) == len(T3.columns)
    assert subtotals[0].right == (("R21", "C1"), ("R22", "C1"), ("R23", "C1"))
    assert [r for r, _ in next(i for i in full if i.kind == "SUM-RESULTS").right] == list(T3.leaves)


def test_leaves_are_the_members_of_the_result_groups():
    members = [r for g in T3.groups if g.key != "G0" for r in g.members]
    assert tuple(members) == T3.leaves
    assert T3.group("G0").members == T3.leaves + (T3.total_row,)


# --------------------------------------------------------------------------- table 二

def test_t2_keys_of_both_formats():
    assert F.T2_2021.keys == (
        "rules.issued", "rules.repealed", "rules.in_force", "norm.issued", "norm.repealed", "norm.in_force",
        "licensing", "penalty", "coercion", "fees")
    assert F.T2_2019.keys == (
        "rules.made", "rules.published", "rules.total", "norm.made", "norm.published", "norm.total",
        "licensing.previous", "licensing.change", "licensing.decisions",
        "other_services.previous", "other_services.change", "other_services.decisions",
        "penalty.previous", "penalty.change", "penalty.decisions",
        "coercion.previous", "coercion.change", "coercion.decisions",
        "fees.previous", "fees.change", "procurement.items", "procurement.amount")
    assert F.T2_2021.row_width == {"rules": 3, "norm": 3, "licensing": 1, "penalty": 1, "coercion": 1, "fees": 1}
    assert F.T2_2019.row_width["fees"] == 2 and F.T2_2019.row_width["procurement"] == 2
    assert [b.heading for b in F.T2_2019.blocks][-1] == "第二十条第（九）项"


def test_t2_cell_kinds():
    # 2021: one amount, the fee, in 万元.
    assert [k for k, c in F.T2_2021.cells.items() if c.kind != "count"] == ["fees"]
    assert F.T2_2021.fee_cell == "fees" and F.T2_2021.cells["fees"].column.unit == "万元"
    # 2019: the signed 本年增/减 columns; (八) counts fee items; (九) 采购总金额 is money
    # but not a fee, so the table has no fee header to check.
    kinds = {k: c.kind for k, c in F.T2_2019.cells.items()}
    assert {k for k, v in kinds.items() if v == "change"} == {
        "licensing.change", "other_services.change", "penalty.change", "coercion.change", "fees.change"}
    assert kinds["fees.previous"] == "count" and kinds["procurement.amount"] == "amount"
    assert F.T2_2019.fee_cell is None


def test_old_format_signatures_are_2019_labels():
    labels_2019 = {c.label for b in F.T2_2019.blocks for c in b.columns} | {r.label for r in F.T2_2019.rows.values()}
    labels_2021 = {c.label for b in F.T2_2021.blocks for c in b.columns} | {r.label for r in F.T2_2021.rows.values()}
    for sig in F.OLD_FORMAT_SIGNATURES:
        sig = F.OLD_FORMAT_VARIANTS.get(sig, sig)
        assert sig in labels_2019 and sig not in labels_2021, sig


# --------------------------------------------------------------------------- names

def test_display_names():
    assert F.T2_2021.cells["rules.issued"].name == "规章·本年制发件数"
    assert F.T2_2021.cells["fees"].name == "行政事业性收费·本年收费金额"
    assert F.T2_2019.cells["other_services.change"].name == "其他对外管理服务事项·本年增/减"
    assert T3.column("C6").name == "其他（法人或其他组织）" and T3.column("C6").label == "其他"
    assert T3.row("R04").standard == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert T3.row("R04").name == "（二）部分公开"
    assert T3.row("R21").name == "（六）1.逾期不补正"
    assert T3.row("R25").brief == "四、结转下年度" and T3.row("R01").brief == "一、本年新收"
    assert [b.name for b in F.T4.blocks] == ["行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"]
    assert F.IDENTITY_KINDS["BALANCE"].title == "T3-BALANCE（第一项 + 第二项 = 第三项 + 第四项）"
    assert F.FORMAT_2019.title == "2019 年试行格式（国办公开办函〔2019〕60号）"
    assert [s.heading for s in F.SECTIONS][3] == "四、政府信息公开行政复议、行政诉讼情况"


def test_a_leafs_name_carries_its_groups_number():
    for g in T3.groups:
        if g.heading and g.key != "G0":
            number = g.label[:g.label.index("）") + 1]
            for r in g.members:
                assert T3.row(r).name.startswith(number + T3.row(r).label[:2]), r


def test_the_matcher_finds_every_standard_label():
    for r in T3.rows:
        assert L.match_t3_row(L.normalise(r.standard), after_leaves=True) == r.key, r.key
    for g in T3.groups:
        if g.heading:
            assert L.match_t3_row(L.normalise(g.label)) == g.key
    assert L.t3_columns_in(L.normalise("".join(c.label for c in T3.columns))) == T3.column_keys
    for fmt in (F.FORMAT_2021, F.FORMAT_2019):
        for key, row in fmt.t2.rows.items():
            assert L.match_t2_row(L.normalise(row.label), fmt.version) == key
    for sec in F.SECTIONS:
        assert L.section_slot(L.normalise(sec.title)) == sec.slot
        assert L.is_standard_title(sec.slot, L.normalise(sec.title))


def test_the_reader_names_are_the_formats():
    # build.py reads these through labels.py and model.py until it reads gplint.format.
    from gplint import model as M
    assert M.T3_ROWS == T3.row_keys and M.T3_COLS == T3.column_keys and M.T2_KEYS == F.T2_2021.keys
    assert M.T4_BLOCKS == F.T4.block_keys and M.T4_COLS == F.T4.column_keys
    assert L.T2_ROW_KEYS_2019 == F.T2_2019.row_keys and L.T3_STANDARD_LABELS["R24"] == "（七）总计"
