"""Table 三 printed as stacked column groups (layout "column parts", gplint.reader.t3_parts):
the parts are one table — each value under the column its own part's header names, the
rows merged by label or by order — or, where the parts cannot be matched for sure, one
"table not assessable" finding; never a false "no 总计 column".

The family: the split between any two columns (two or three parts); the later parts
repeating the full row labels, only their numbering, or no label at all; the parts
separated by nothing, a blank line, a page footer or a continuation title; cells cut by
tabs, pipes or blanks.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import (  # noqa: E402
    CAPTION, T3_COL_LABELS, _fmt, _t3_items, expected_cells, read_cells, render, report_data, report_data_2019)

PROPS = settings(max_examples=6, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HEADING = "三、收到和处理政府信息公开申请情况"
NEXT_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
#: What stands between two parts: nothing, a blank line, a page footer, a continuation title.
BETWEEN = ((), ("",), ("", "- 3 -", ""), ("续表",), ("表三（续）",), ("", "第 2 页 共 5 页", "表三（续）"))
STYLES = ("tabs", "pipe", "spaces")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


def _line(style: str, cells: Sequence[str]) -> list[str]:
    if style == "tabs":
        return ["\t".join(cells)]
    if style == "pipe":
        return ["| " + " | ".join(cells) + " |"]
    return [" ".join(c or "—" for c in cells)]


def _part_lines(data, style: str, columns: Sequence[int], labels: str) -> list[str]:
    """One stacked table: its header naming ``columns``, then every row's cells in them.
    ``labels``: "full" (row and group labels), "numbering" (（一）, 1. … only) or "none"
    (the rows of values alone, in the table's order)."""
    header = [CAPTION] + [T3_COL_LABELS[c] for c in columns]
    lines = _line(style, header)
    if style == "pipe":
        lines.append("|" + "---|" * len(header))
    printed: set[str] = set()
    for _key, g1, g2, label, values in _t3_items(data):
        cells = [_fmt(values[c]) for c in columns]
        if labels == "none":
            lines += _line(style, cells)
            continue
        for group in (g1, g2):
            if group and group not in printed:
                printed.add(group)
                shown = group if labels == "full" else _NUMBERING.match(group).group(0)
                # A pipe table prints a group label with its row's empty cells, as converters do.
                lines += _line(style, [shown] + [""] * len(cells)) if style == "pipe" else [shown]
        shown = label if labels == "full" else _NUMBERING.match(label).group(0)
        lines += _line(style, [shown] + cells)
    return lines


def _in_parts(text: str, data, style: str, cuts: Sequence[int], labels: str, between: Sequence[str]) -> str:
    """``text`` (a "tabs" report) with table 三 printed as stacked parts cut before the
    columns ``cuts``: the first part with full labels, the later ones with ``labels``."""
    bounds = [0, *cuts, 7]
    parts = [range(a, b) for a, b in zip(bounds, bounds[1:])]
    table: list[str] = []
    for i, columns in enumerate(parts):
        if i:
            table += list(between)
        table += _part_lines(data, style, columns, "full" if i == 0 else labels)
    lines = text.split("\n")
    start, end = lines.index(HEADING) + 1, lines.index(NEXT_HEADING)
    return "\n".join(lines[:start] + table + lines[end:])


_cuts = st.one_of(st.integers(1, 6).map(lambda c: (c,)),
                  st.lists(st.integers(1, 6), min_size=2, max_size=2, unique=True).map(sorted).map(tuple))


def _cells(text: str, fmt: str = "2021") -> dict:
    return read_cells(report_to_dict(gplint.parse(text)), fmt)


def _findings(text: str) -> list:
    return [d for d in gplint.lint_text(text) if d.category in ("arithmetic", "table")]


@pytest.mark.parametrize("style", STYLES)
@PROPS
@given(data=report_data(blanks=True), cuts=_cuts, between=st.sampled_from(BETWEEN))
def test_labelled_parts_are_read_as_one_table(style, data, cuts, between):
    """Every part with the full row labels, some cells left empty."""
    text, _ = render(data, "tabs")
    split = _in_parts(text, data, style, cuts, "full", between)
    assert split != text
    assert _cells(split) == expected_cells(data)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("labels", ["numbering", "none"])
@PROPS
@given(data=report_data(), cuts=_cuts, between=st.sampled_from(BETWEEN))
def test_parts_without_labels_are_read_in_row_order(style, labels, data, cuts, between):
    """Later parts repeating only the numbering, or no label: their rows are the first
    part's, in order. (Every cell written: a numbered line with no value in a part is a
    group label or an empty row, and nothing says which — see the "cannot match" cases.)"""
    text, _ = render(data, "tabs")
    assert _cells(_in_parts(text, data, style, cuts, labels, between)) == expected_cells(data)


@pytest.mark.parametrize("labels", ["full", "numbering", "none"])
@PROPS
@given(data=report_data(), cuts=_cuts, between=st.sampled_from(BETWEEN), style=st.sampled_from(STYLES))
def test_consistent_report_in_parts_draws_no_table_finding(labels, data, cuts, between, style):
    """No false T104 "no 总计 column" (a later part has it), no T103, no identity error."""
    text, _ = render(data, "tabs")
    assert _findings(_in_parts(text, data, style, cuts, labels, between)) == []


@pytest.mark.parametrize("labels", ["full", "none"])
@PROPS
@given(data=report_data(), cuts=_cuts, style=st.sampled_from(STYLES))
def test_a_wrong_cell_in_parts_is_named(labels, data, cuts, style):
    """A changed 自然人 cell of （一）予以公开 is reported on that cell, as in one table."""
    changed = data.with_t3("R03", 0, data.t3["R03"][0] + 7)
    text, _ = render(changed, "tabs")
    keys = {d.key for d in gplint.lint_text(_in_parts(text, changed, style, cuts, labels, ("",)))
            if d.category == "arithmetic"}
    assert keys == {"t3.R03.C1"}


@PROPS
@given(data=report_data(), cut=st.integers(1, 6))
def test_a_row_short_of_a_cell_in_a_part_is_counted(data, cut):
    """A tab row of a part that leaves a cell empty is short of a value (T103 on its row),
    wherever the empty cell is."""
    changed = data.with_t3("R04", 6, None)
    text, _ = render(changed, "tabs")
    split = _in_parts(text, changed, "tabs", (cut,), "full", ("",))
    assert {d.key for d in gplint.lint_text(split) if d.code == "T103"} == {"t3.R04.count"}


@PROPS
@given(data=report_data_2019(), cut=st.integers(1, 6), labels=st.sampled_from(["full", "none"]))
def test_2019_table_in_parts(data, cut, labels):
    """The 2019 format's table 三 (（六）其他处理 one row) in parts."""
    text, _ = render(data, "2019-tabs")
    assert _cells(_in_parts(text, data, "tabs", (cut,), labels, ("",)), "2019") == expected_cells(data)


@PROPS
@given(data=report_data(), cut=st.integers(2, 5), style=st.sampled_from(STYLES))
def test_parts_without_a_total_column_still_lack_it(data, cut, style):
    """Parts naming the six applicant columns and no 总计 anywhere: T104 stands."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    start, end = lines.index(HEADING) + 1, lines.index(NEXT_HEADING)
    table = _part_lines(data, style, range(cut), "full") + [""] + _part_lines(data, style, range(cut, 6), "full")
    split = "\n".join(lines[:start] + table + lines[end:])
    assert "T104" in {d.code for d in gplint.lint_text(split)}


# --------------------------------------------------------------------------- cannot match
def _t3_not_assessed(text: str) -> None:
    """One T190 on table 三, and no finding built on its cells: no T104, T103, no identity."""
    found = gplint.lint_text(text)
    codes = [d.code for d in found if d.key.startswith("t3") or d.code in ("T104", "T190")]
    assert codes.count("T190") == 1, codes
    assert not [d for d in found if d.code in ("T103", "T104") or (d.category == "arithmetic" and "t3" in d.key)]


@PROPS
@given(data=report_data(), cut=st.integers(1, 6), lost=st.integers(0, 24), style=st.sampled_from(STYLES))
def test_unlabelled_part_with_a_row_lost_is_not_assessed(data, cut, lost, style):
    """The second part has one row fewer than the first, and no labels to say which: the
    rows cannot be matched for sure."""
    text, _ = render(data, "tabs")
    split = _in_parts(text, data, style, (cut,), "none", ("",))
    lines = split.split("\n")
    second = [i for i, line in enumerate(lines) if line.startswith(_line(style, [CAPTION])[0][:8])][1]
    first_row = second + (2 if style == "pipe" else 1)
    del lines[first_row + lost]
    _t3_not_assessed("\n".join(lines))


@PROPS
@given(data=report_data(), cut=st.integers(1, 6), lost=st.sampled_from(["R03", "R09", "R24"]))
def test_labelled_parts_whose_rows_disagree_are_not_assessed(data, cut, lost):
    """A row printed in the first part and left out of the second."""
    text, _ = render(data, "tabs")
    split = _in_parts(text, data, "tabs", (cut,), "full", ("",))
    lines = split.split("\n")
    label = dict((k, lab) for k, _g1, _g2, lab, _v in _t3_items(data))[lost]
    at = [i for i, line in enumerate(lines) if line.startswith(label + "\t")][1]
    del lines[at]
    _t3_not_assessed("\n".join(lines))


@PROPS
@given(data=report_data(), cut=st.integers(2, 6))
def test_parts_naming_a_column_twice_are_not_assessed(data, cut):
    """The second part's header names a column the first part has too (so its values do
    not add up to one table's)."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    start, end = lines.index(HEADING) + 1, lines.index(NEXT_HEADING)
    table = _part_lines(data, "tabs", range(cut), "full") + [""] + _part_lines(data, "tabs", range(cut - 1, 7), "full")
    _t3_not_assessed("\n".join(lines[:start] + table + lines[end:]))


# --------------------------------------------------------------------------- more of the family
def _numbered_parts(data, cuts: Sequence[int]) -> list[str]:
    """Every part with a 序号 column and no row label (the rows numbered 1-25)."""
    bounds = [0, *cuts, 7]
    table: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        table += ([""] if table else []) + ["\t".join(["序号", CAPTION] + list(T3_COL_LABELS[a:b]))]
        for n, (_key, _g1, _g2, _label, values) in enumerate(_t3_items(data), 1):
            table.append("\t".join([str(n), ""] + [_fmt(values[c]) for c in range(a, b)]))
    return table


def _with_t3(text: str, table: list[str]) -> str:
    lines = text.split("\n")
    return "\n".join(lines[:lines.index(HEADING) + 1] + table + lines[lines.index(NEXT_HEADING):])


@PROPS
@given(data=report_data(), cuts=_cuts)
def test_numbered_parts_without_labels_are_read_in_order(data, cuts):
    """No part names its rows, each numbers them in a 序号 column: the rows are merged one
    by one and placed in the format's order, as one such table is."""
    text, _ = render(data, "tabs")
    assert _cells(_with_t3(text, _numbered_parts(data, cuts))) == expected_cells(data)


@PROPS
@given(data=report_data(blanks=True), cut=st.integers(1, 6), broken=st.integers(3, 20))
def test_a_part_whose_header_is_repeated_after_a_page_break(data, cut, broken):
    """A page break inside each part repeats that part's header (Word repeats header rows):
    still two parts, each read whole."""
    text, _ = render(data, "tabs")
    table: list[str] = []
    for columns in (range(cut), range(cut, 7)):
        lines = _part_lines(data, "tabs", columns, "full")
        table += ([""] if table else []) + lines[:broken] + ["", "- 2 -", lines[0]] + lines[broken:]
    assert _cells(_with_t3(text, table)) == expected_cells(data)


@PROPS
@given(data=report_data(), cut=st.integers(2, 5))
def test_parts_with_two_row_headers(data, cut):
    """Each part's header on two rows (申请人情况 / 自然人 法人或其他组织 / the 法人 columns), as
    Word prints a merged header; the second part's 法人或其他组织 spans its own columns."""
    text, _ = render(data, "tabs")
    first = [CAPTION + "\t申请人情况", "\t自然人\t法人或其他组织", "\t\t" + "\t".join(T3_COL_LABELS[1:cut])]
    second = ["\t法人或其他组织" + "\t" * (6 - cut) + "\t总计", "\t" + "\t".join(T3_COL_LABELS[cut:6])]
    table = (first + _part_lines(data, "tabs", range(cut), "full")[1:] + ["", "表三（续）"]
             + second + _part_lines(data, "tabs", range(cut, 7), "full")[1:])
    assert _cells(_with_t3(text, table)) == expected_cells(data)
    assert _findings(_with_t3(text, table)) == []
