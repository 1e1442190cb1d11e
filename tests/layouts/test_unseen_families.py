"""Layout families found by the blind bench (bench/unseen.py), held as properties over
generated reports: each one is read exactly, or said once to be unreadable — never read wrong.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import gplint
from gplint.dump import report_to_dict

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
