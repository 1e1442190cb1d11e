"""Table 三 of a PDF whose label column is narrow, as poppler's ``pdftotext`` gives it.

With ``-layout`` each row's values stand on its first line beside the first pieces of its
labels (「（六   1.申   67  3 …」), the rest of the labels wrapped every two characters
below: no piece names its row, so the rows are placed by order, the (六) sub-rows known
by the count of rows. Without ``-layout`` the values come in the page's reading order,
one a line, row after row, the label pieces in runs between them: the rows are read by
order only where each run of values ends a row and each row adds up."""
from __future__ import annotations

from gplint.testing import T3_ROW_LABELS, example_report, lint_with

from sample_t3 import SAMPLE_T3 as _T3, ZERO_ROW as _ZERO, report_with as _report, t3_read as _t3, wanted as _want


_HEADER = ["（本列数据的勾稽关系    申请人情况",
           "为：第一项加第二项之    自然  法人或其他组织                 总计",
           "和，等于第三项加第四    人   商业  科研  社会    法律   其他",
           "项之和）              企业  机构  公益    服务",
           "                          组织    机构"]


def _pieces(text: str, size: int) -> list[str]:
    """The label as a narrow cell wraps it; a sub-label's number stays with its first
    character (「1.属」)."""
    head = text[:text.index(".") + 2] if text[:1].isdigit() else text[:size]
    rest = text[len(head):]
    return [head] + [rest[k:k + size] for k in range(0, len(rest), size)]


def _label_columns(label: str) -> list[list[str]]:
    """The label's columns (a blank one where a row leaves its group's column empty), each
    broken into the pieces it wraps to: every two characters, or a long label alone in
    a row every ten (「一、本年新收政府信息」 / 「公开申请数量」)."""
    parts = label.split("\t")
    if len(parts) == 1:
        return [_pieces(label, 10)]
    size = 2 if parts[-1][:1].isdigit() or parts[0] else 6
    return [_pieces(p, size) if p else [""] for p in parts]


def _layout_table() -> list[str]:
    """``pdftotext -layout``: a row's values on its first line, its label pieces below."""
    lines = list(_HEADER)
    for key, label in T3_ROW_LABELS:
        columns = _label_columns(label)
        for k in range(max(map(len, columns))):
            cells = [col[k] if k < len(col) else "" for col in columns]
            line = "  ".join(c.ljust(4) for c in cells).rstrip()
            if k == 0:
                line = line.ljust(18) + "   ".join(str(v) for v in _T3.get(key, _ZERO))
            lines.append(line)
    return lines


def test_layout_rows_of_label_pieces_are_read_with_the_sub_rows_of_six():
    got = _t3(_report(_layout_table()))
    for key, _ in T3_ROW_LABELS:
        assert got[key] == _want(key), key


def test_layout_findings_are_those_of_the_same_table_in_tab_rows():
    for profile in ("default", "strict"):
        got = lint_with(_report(_layout_table()), ["T", "A", "N"], profile=profile)
        want = lint_with(example_report(t3=_T3), ["T", "A", "N"], profile=profile)
        assert [(d.code, d.key) for d in got] == [(d.code, d.key) for d in want]


def _reading_order_table(whole_rows: int, left_out: str = "") -> list[str]:
    """pdftotext without ``-layout``: the first rows' label pieces, the header's words with
    the first row's values among them, then the values one a line (a blank line after each), runs of label pieces
    between every few rows; after ``whole_rows`` rows only the first three values of each
    row (its other columns went elsewhere on the page). ``left_out``: a row printed with
    its 总计 cell empty (nothing in the text)."""
    keys = [key for key, _ in T3_ROW_LABELS]
    labels = dict(T3_ROW_LABELS)
    first = _T3["R01"]
    lines = ["（本列数据的勾稽关系", "为：第一项加第二项之", "和，等于第三项加第四", "项之和）"]
    lines += [p for key in keys[:6] for col in _label_columns(labels[key]) for p in col]
    lines += ["申请人情况", "自然", "法人或其他组织", "人",
             "商业", "科研", "社会", "企业", "机构", "公益", "组织",
             *map(str, first[:4]), "", "法律", "服务", "机构", str(first[4]), "", "其他", str(first[5]), ""]
    for n, key in enumerate(keys[:whole_rows]):
        values = list(_T3.get(key, _ZERO)) if n else [first[6]]
        if key == left_out:
            values.pop()
        for v in values:
            lines += [str(v), ""]
        if n % 6 == 5:  # the label pieces of the next rows (the header's 总计 before the first)
            lines += ["总计"] * (n == 5) + [p for col in _label_columns(labels[keys[n + 1]]) for p in col]
    for key in keys[whole_rows:]:
        lines += [p for col in _label_columns(labels[key]) for p in col]
        lines += [str(v) for v in _T3.get(key, _ZERO)[:3]]
    return lines


def test_reading_order_rows_are_read_where_each_run_of_values_ends_a_row():
    text = _report(_reading_order_table(18))
    got = _t3(text)
    for key, _ in T3_ROW_LABELS[:18]:
        assert got[key] == _want(key), key
    for key, _ in T3_ROW_LABELS[18:]:
        assert set(got[key].values()) == {None}, key  # the columns sent elsewhere: unread
    # The rows left unread are a notice ("could not assess"), not a finding.
    assert {d.code for d in lint_with(text, ["T", "A"], profile="default")} == {"T190"}


def test_reading_order_stops_at_a_run_that_ends_inside_a_row():
    # R10 printed with its 总计 empty: the run of values holding it (R07-R12) is one
    # short, so the order is unconfirmed from there on; the rows before it are read, and
    # no row is given a value it does not print.
    got = _t3(_report(_reading_order_table(18, left_out="R10")))
    for key, _ in T3_ROW_LABELS[:6]:
        assert got[key] == _want(key), key
    for key, _ in T3_ROW_LABELS[6:]:
        assert all(v is None or v == _want(key)[c] for c, v in got[key].items()), key
