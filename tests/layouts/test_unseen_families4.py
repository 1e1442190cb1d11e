"""Layout families found by the blind bench's fourth round (bench/unseen.py, issue 14 item 6),
held as properties over generated reports: read exactly, or said once to be unreadable —
never read wrong, never a finding the same figures in tab rows do not draw.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import _HEADINGS, expected_cells, read_cells, render, report_data_2019  # noqa: E402

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
