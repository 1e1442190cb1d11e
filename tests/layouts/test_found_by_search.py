"""Reports a random search of the layout properties found misread, kept as fixed cases.

Each was a failure of tests/layouts/test_layout_properties.py under
``GPLINT_LAYOUT_EXAMPLES=30`` (the fixed examples did not reach it); each test says what
went wrong before the fix.
"""
from __future__ import annotations

import sys
from pathlib import Path

import gplint

sys.path.insert(0, str(Path(__file__).parent))
from strategies import ReportData, render  # noqa: E402

_T2 = {"rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0, "norm.issued": 289, "norm.repealed": 334,
       "norm.in_force": 157, "licensing": 0, "penalty": 332, "coercion": 0, "fees": 0}
_T4 = {("review", "upheld"): 0, ("review", "corrected"): 24, ("review", "other"): 0, ("review", "pending"): 11,
       ("review", "total"): 35, ("direct", "upheld"): 8, ("direct", "corrected"): 0, ("direct", "other"): 0,
       ("direct", "pending"): 11, ("direct", "total"): 19, ("after_review", "upheld"): 22,
       ("after_review", "corrected"): 3, ("after_review", "other"): 19, ("after_review", "pending"): 0,
       ("after_review", "total"): 44}
_T3 = {"R01": (12421, 26, 4754, 11023, 5801, 12961, 46986), "R02": (963, 621, 0, 0, 4772, 0, 6356),
       "R03": (4749, 0, 0, 78, 0, 0, 4827), "R04": (5, 0, 0, 0, 1305, 118, 1428),
       "R05": (0, 81, 0, 0, 3746, 2, 3829), "R06": (3708, 2, 0, 0, 0, 0, 3710),
       "R07": (2581, 0, 46, 5, 12, 1, 2645), "R08": (0, 0, 0, 15, 0, 94, 109), "R09": (1374, 0, 0, 67, 0, 0, 1441),
       "R10": (61, 0, 6, 23, 36, 0, 126), "R11": (119, 38, 54, 0, 7, 0, 218), "R12": (0, 0, 0, 20, 0, 4, 24),
       "R13": (0, 91, 0, 4999, 113, 0, 5203), "R14": (0, 2, 209, 1, 56, 113, 381),
       "R15": (2, 0, 0, 0, 4556, 2, 4560), "R16": (294, 0, 3700, 8, 564, 9, 4575),
       "R17": (0, 0, 0, 495, 47, 9, 551), "R18": (1, 93, 0, 197, 0, 4960, 5251),
       "R19": (357, 118, 0, 0, 0, 2542, 3017), "R20": (0, 97, 0, 0, 62, 0, 159),
       "R21": (119, 0, 209, 103, 6, 1, 438), "R22": (5, 0, 0, 0, 48, 106, 159),
       "R23": (0, 117, 162, 12, 9, 5000, 5300), "R24": (13375, 639, 4386, 6023, 10567, 12961, 47951),
       "R25": (9, 8, 368, 5000, 6, 0, 5391)}
CONSISTENT = ReportData(year=2023, org="某市某某局", t2=_T2, t3=_T3, t4=_T4)


def test_one_wrong_total_is_named_where_it_is_not_in_three_columns():
    """Cells run together after each label (nosep), 七.属于行政执法案卷's 总计 written 209 for
    218: '1193854070209' also cuts 119|38|5|40|7|0|209, which keeps the row total. Before:
    that cut was taken and three column sums (C3, C4, C7) were reported broken; the cut
    that breaks the row total and one column sum is the one error the report has."""
    bad = CONSISTENT.with_t3("R11", 6, 209)
    text, lines = render(bad, "nosep")
    assert gplint.parse(render(CONSISTENT, "nosep")[0]).t3.rows["R11"].cells[2].value == 54
    report = gplint.parse(text)
    assert [c.value for c in report.t3.rows["R11"].cells] == [119, 38, 54, 0, 7, 0, 209]
    found = [(d.code, d.key) for d in gplint.lint_text(text) if d.category == "arithmetic"]
    assert found == [("A101", "t3.R11.C7")], found
