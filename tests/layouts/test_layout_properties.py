"""Properties over generated reports in every layout.

1. ``gplint.parse`` reads every cell back exactly (in the flattened layout, a row whose
   digits can be cut more than one way may instead be flagged ``ambiguous-digit-split``
   and left unread — never read wrong).
2. A consistent report draws no arithmetic or table finding.
3. After one T3 cell is changed, the arithmetic findings name exactly that cell, on its
   line, and nothing else in those categories is reported. After one T4 cell is changed,
   the finding is on that cell's block (T4 has one identity per block, so no rule can tell
   which of its five cells is wrong).

``GPLINT_LAYOUT_EXAMPLES`` raises the number of examples per layout (default 5).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gplint
from gplint.dump import report_to_dict
from gplint.model import T3_COLS, T3_ROWS, T4_BLOCKS, T4_COLS

sys.path.insert(0, str(Path(__file__).parent))
from strategies import LAYOUTS, expected_cells, read_cells, render, report_data  # noqa: E402

N = int(os.environ.get("GPLINT_LAYOUT_EXAMPLES", "5"))
PROPS = settings(max_examples=N, deadline=None, derandomize=not os.environ.get("GPLINT_LAYOUT_EXAMPLES"),
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CATEGORIES = ("arithmetic", "table")
#: Layouts that cannot show an empty cell at all (blank-separated numbers lose it).
BLANK_LAYOUTS = tuple(x for x in LAYOUTS if x not in ("nosep",))


def _unsure(report) -> set[str]:
    return {i.key for i in report.issues if i.kind == "ambiguous-digit-split"}


def _findings(text: str) -> list:
    return [d for d in gplint.lint_text(text) if d.category in CATEGORIES and d.severity in ("error", "warning")]


@pytest.mark.parametrize("layout", LAYOUTS)
@PROPS
@given(data=report_data())
def test_parse_reads_every_cell(layout, data):
    text, _ = render(data, layout)
    report = gplint.parse(text)
    got = read_cells(report_to_dict(report))
    unsure = _unsure(report)
    assert layout == "nosep" or not unsure, unsure
    for key, want in expected_cells(data).items():
        table, row = key.split(".")[:2]
        if row in unsure or f"t4.{row}" in unsure or (table == "t4" and "t4" in unsure):
            assert got[key] is None, key
            continue
        assert got[key] == want, f"{layout} {key}: got {got[key]!r}, written {want!r}"


@pytest.mark.parametrize("layout", BLANK_LAYOUTS)
@PROPS
@given(data=report_data(blanks=True))
def test_parse_reads_blank_cells(layout, data):
    text, _ = render(data, layout)
    got = read_cells(report_to_dict(gplint.parse(text)))
    for key, want in expected_cells(data).items():
        assert got[key] == want, f"{layout} {key}: got {got[key]!r}, written {want!r}"


@pytest.mark.parametrize("layout", LAYOUTS)
@PROPS
@given(data=report_data())
def test_consistent_report_has_no_table_finding(layout, data):
    text, _ = render(data, layout)
    report = gplint.parse(text)
    findings = _findings(text)
    assert not findings, [(d.code, d.span.line, d.key, d.message) for d in findings]
    if layout != "nosep":
        assert not _unsure(report)


@pytest.mark.parametrize("layout", LAYOUTS)
@PROPS
@given(data=report_data(), row=st.sampled_from(T3_ROWS), col=st.integers(0, 6), delta=st.integers(-50, 50))
def test_one_wrong_t3_cell_is_named(layout, data, row, col, delta):
    old = data.t3[row][col]
    assume(delta != 0 and old + delta >= 0)
    bad = data.with_t3(row, col, old + delta)
    text, lines = render(bad, layout)
    key = f"t3.{row}.{T3_COLS[col]}"
    report = gplint.parse(text)
    findings = _findings(text)
    if layout == "nosep" and row in _unsure(report):
        # The changed digits no longer split one way: said so (T190), not guessed.
        notes = [d for d in gplint.lint_text(text) if d.code == "T190"]
        assert any(row in d.key for d in notes), notes
        return
    assert findings, f"{layout}: {key} changed by {delta}, nothing reported"
    for d in findings:
        assert d.key == key and d.span.line == lines[key], \
            (layout, key, lines[key], [(f.code, f.span.line, f.key) for f in findings])


@pytest.mark.parametrize("layout", LAYOUTS)
@PROPS
@given(data=report_data(), block=st.sampled_from(T4_BLOCKS), col=st.sampled_from(T4_COLS), delta=st.integers(-9, 9))
def test_one_wrong_t4_cell_is_named_by_block(layout, data, block, col, delta):
    old = data.t4[(block, col)]
    assume(delta != 0 and old + delta >= 0)
    bad = data.with_t4((block, col), old + delta)
    text, lines = render(bad, layout)
    report = gplint.parse(text)
    block_lines = {lines[f"t4.{block}.{c}"] for c in T4_COLS}
    unsure = _unsure(report)
    if layout == "nosep" and (f"t4.{block}" in unsure or "t4" in unsure):
        notes = [d for d in gplint.lint_text(text) if d.code == "T190"]
        assert any(d.key in (f"t4.{block}", "t4") for d in notes), notes
        return
    findings = _findings(text)
    assert findings, f"{layout}: t4.{block}.{col} changed by {delta}, nothing reported"
    for d in findings:
        assert d.key.startswith(f"t4.{block}.") and d.span.line in block_lines, \
            (layout, block, col, [(f.code, f.span.line, f.key) for f in findings])
