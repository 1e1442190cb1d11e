"""Group rows of table 三 printed with their own subtotals are kept as group rows."""
from __future__ import annotations

from gplint import lint_text, parse
from gplint.testing import example_report

SUBTOTAL = "\t（三）不予公开\t\t{}\n\t\t1.属于国家秘密"


def with_group_row(values: str) -> str:
    return example_report(replace={"\t（三）不予公开\t1.属于国家秘密": SUBTOTAL.format(values)})


def test_group_subtotal_row_is_a_group_not_a_data_row():
    text = with_group_row("\t".join(["0"] * 7))
    base = parse(example_report())
    report = parse(text)
    assert "G3" in report.t3.groups
    assert [c.value for c in report.t3.groups["G3"].cells] == [0] * 7
    # Every data row reads as in the report without the subtotal row.
    for key, row in base.t3.rows.items():
        assert [c.value for c in report.t3.rows[key].cells] == [c.value for c in row.cells], key
    assert not [i for i in report.issues if i.kind == "t3-unplaced-values"]


def test_wrong_group_subtotal_is_reported_and_right_one_is_not():
    good = [d for d in lint_text(with_group_row("\t".join(["0"] * 7))) if d.category == "arithmetic"]
    assert good == []
    text = with_group_row("\t".join(["5", "0", "0", "0", "0", "0", "5"]))
    bad = [d for d in lint_text(text) if d.category == "arithmetic"]
    line = next(i + 1 for i, l in enumerate(text.split("\n")) if l.startswith("\t（三）不予公开\t\t5"))
    assert bad and all(d.span.line == line for d in bad), [(d.code, d.span.line, d.message) for d in bad]
