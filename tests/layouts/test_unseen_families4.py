"""Layout families found by the blind bench's fourth round (bench/unseen.py, issue 14 item 6),
held as properties over generated reports: read exactly, or said once to be unreadable —
never read wrong, never a finding the same figures in tab rows do not draw.
"""
from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import _HEADINGS, expected_cells, read_cells, render, report_data, report_data_2019  # noqa: E402

PROPS = settings(max_examples=5, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _cells(text: str, fmt: str = "2021") -> dict:
    return read_cells(report_to_dict(gplint.parse(text)), fmt)


def _findings(text: str) -> Counter:
    return Counter((d.code, d.key) for d in gplint.lint_text(text))


def _tables_blank_separated(text: str) -> str:
    """The table lines of a "tabs" text (sections 二 to 四) with their cells cut by blanks."""
    lines = text.split("\n")
    start, stop = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[4])
    lines[start:stop] = [line.replace("\t", " ") for line in lines[start:stop]]
    return "\n".join(lines)


@PROPS
@given(data=report_data_2019(), down=st.integers(1, 30), up=st.integers(1, 30))
def test_a_signed_change_on_blank_separated_rows_is_a_cell(data, down, up):
    """The 2019 format's 本年增/减 written -3 or +5 after a blank is one signed cell (a
    sign against its number), not the end of the row's label: 「行政许可 57 -11 0」 reads
    57 | -11 | 0 as 「行政许可\t57\t-11\t0」 does, and the row after it keeps its own."""
    data = replace(data, t2={**data.t2, "licensing.change": -down, "penalty.change": up})
    text, _ = render(data, "2019-tabs")
    spaced = _tables_blank_separated(text)
    assert any(c in spaced for c in (" -", " +"))
    assert _cells(spaced, "2019") == expected_cells(data)
    assert _findings(spaced) == _findings(text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrapped(line: str, wrap: int) -> list[str]:
    """A table row whose label is longer than ``wrap`` as two lines: the label's first
    piece alone, then the rest with the row's cells (tab-separated, as in the tabs text)."""
    label, tab, cells = line.partition("\t")
    if not tab or len(label) <= wrap or label.startswith("（本列"):
        return [line]
    return [label[:wrap], label[wrap:] + tab + cells]


def _aligned(text: str, centred: bool, wrap: int = 0) -> str:
    """Each table of a "tabs" text as ``pdftotext -layout`` prints it: the cells of a row at
    their column's place, padded with blanks by display width (a CJK character is two),
    values centred or right-aligned; an empty cell leaves blanks only. ``wrap``: a row
    label longer than that wraps, the row's values beside its second piece."""
    lines = text.split("\n")
    start, stop = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[4])
    table = lines[start + 1:stop]
    if wrap:
        table = [x for line in table for x in _wrapped(line, wrap)]
        lines = lines[:start + 1] + table + lines[stop:]
        stop = start + 1 + len(table)
    region = [line.split("\t") for line in lines[start + 1:stop]]
    n = max(len(r) for r in region)
    widths = [max(_width(r[i]) for r in region if len(r) > i) + 3 for i in range(n)]

    def cell(i: int, c: str) -> str:
        pad = widths[i] - _width(c)
        if i == 0:
            return c + " " * pad
        return " " * (pad // 2) + c + " " * (pad - pad // 2) if centred else " " * pad + c

    out = [line if line in _HEADINGS or "\t" not in line else "  " + "".join(cell(i, c) for i, c in enumerate(r)).rstrip()
           for line, r in zip(lines[start + 1:stop], region)]
    return "\n".join(lines[:start + 1] + out + lines[stop:])


@pytest.mark.parametrize("centred", [True, False], ids=["centred", "right-aligned"])
@PROPS
@given(data=report_data(blanks=True))
def test_a_row_short_of_a_cell_in_aligned_columns_is_read_where_it_stands(centred, data):
    """pdftotext -layout: a row printed with an empty cell shows which one by where its
    values stand under the columns of the full rows: read as the tab row reads, with its
    findings (T103 for an empty 总计 included)."""
    text, _ = render(data, "tabs")
    aligned = _aligned(text, centred)
    assert "\t" not in aligned.split(_HEADINGS[2])[1].split(_HEADINGS[3])[0]
    assert _cells(aligned) == expected_cells(data)
    assert _findings(aligned) == _findings(text)


@PROPS
@given(data=report_data())
def test_values_standing_off_the_columns_are_not_placed(data):
    """A short row whose values do not stand under the full rows' columns (written right
    after its label) is left unread (T190), never put in a column by guess."""
    text, _ = render(data.with_t3("R03", 6, None), "tabs")
    lines = _aligned(text, True).split("\n")
    k = next(i for i, line in enumerate(lines) if line.lstrip().startswith("（一）予以公开"))
    label_end = lines[k].index("（一）予以公开") + len("（一）予以公开")
    lines[k] = lines[k][:label_end] + "    " + "   ".join(lines[k][label_end:].split())
    shifted = "\n".join(lines)
    cells = _cells(shifted)
    assert all(cells[f"t3.R03.C{c}"] is None for c in range(1, 8))
    assert "T190" in {code for code, _key in _findings(shifted)}


@pytest.mark.parametrize("centred", [True, False], ids=["centred", "right-aligned"])
@PROPS
@given(data=report_data(), blank=st.sets(st.sampled_from(["rules.issued", "rules.repealed", "rules.in_force",
                                                          "norm.issued", "norm.repealed", "norm.in_force"]),
                                         min_size=1, max_size=3))
def test_a_table_two_row_short_of_a_cell_in_aligned_columns_is_read_under_its_header(centred, data, blank):
    """Table 二's three-value rows in aligned columns with a cell left empty (both rows
    of the block may be short, so no full row shows the columns): the block's header line
    does, its words standing over their values."""
    data = replace(data, t2={**data.t2, **{k: None for k in blank}})
    text, _ = render(data, "tabs")
    aligned = _aligned(text, centred)
    assert _cells(aligned) == expected_cells(data)
    assert _findings(aligned) == _findings(text)


@pytest.mark.parametrize("centred", [True, False], ids=["centred", "right-aligned"])
@PROPS
@given(data=report_data(sparse=True))
def test_tables_whose_zeros_are_left_blank_are_read_under_their_headers_in_aligned_columns(centred, data):
    """Most cells of tables 三 and 四 left empty (zeros not written), in aligned columns:
    no row of table 三 is full, so its header line's column words show the columns; table
    四's fifteen column words show its cells (a lone value is never read as the first)."""
    text, _ = render(data, "tabs")
    aligned = _aligned(text, centred)
    assert _cells(aligned) == expected_cells(data)
    assert _findings(aligned) == _findings(text)


@PROPS
@given(data=report_data(sparse=True))
def test_values_beside_a_wrapped_labels_second_line_belong_to_that_label(data):
    """Long row labels wrapped over two lines, the values beside the second piece (a PDF
    cell centred vertically), in a table whose zeros are left blank: rows printed with no
    value stand between them. The values belong to the label just above, never to an
    empty row before it; an empty row is printed, not missing (T105)."""
    text, _ = render(data, "tabs")
    aligned = _aligned(text, True, wrap=11)
    assert "部分公开（区分处理的" not in aligned
    assert _cells(aligned) == expected_cells(data)
    assert _findings(aligned) == _findings(text)
