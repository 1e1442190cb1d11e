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


def _with_subtotal_column(position: str) -> tuple[str, dict]:
    """example_report() with a 法人或其他组织 小计 column added after 自然人 or after 其他."""
    base = parse(example_report())
    lines = example_report().split("\n")
    out = []
    for line in lines:
        cells = line.split("\t")
        nums = [c for c in cells if c.isdigit()]
        if len(nums) == 7 and cells[-7:] == nums:
            org = sum(int(x) for x in nums[1:6])
            head = cells[:-7]
            vals = [nums[0], str(org)] + nums[1:] if position == "first" else nums[:6] + [str(org), nums[6]]
            line = "\t".join(head + vals)
        elif line.startswith("\t自然人\t法人或其他组织"):
            line = "\t自然人\t法人或其他组织\t\t\t\t\t\t总计"
        elif line.startswith("\t\t商业企业"):
            line = ("\t\t小计\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他" if position == "first"
                    else "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计")
        out.append(line)
    expected = {k: [c.value for c in r.cells] for k, r in base.t3.rows.items()}
    return "\n".join(out), expected


def test_subtotal_column_is_read_and_set_aside():
    for position in ("first", "last"):
        text, expected = _with_subtotal_column(position)
        assert "小计" in text
        report = parse(text)
        got = {k: [c.value for c in r.cells] for k, r in report.t3.rows.items()}
        assert got == expected, position
        assert not [i for i in report.issues if i.kind == "t3-row-too-many-values"]
        assert [d.code for d in lint_text(text) if d.category in ("table", "arithmetic")] == []
