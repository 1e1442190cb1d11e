"""Table 三 as an OCR engine that reads text in boxes (PP-OCR) gives it.

PP-OCR finds one box a run of text — in a ruled table, one a cell, one a line of a label
its narrow cell wraps — and pipelines turn the boxes into text either one box a line in
the engine's order (top to bottom, then left to right) or grouped into lines by their
height and joined by tabs. Two things set its text apart from a typist's: a wrapped
label's values stand beside its middle, so in box order they come between the label's
first lines and its last ones (「5.要求行政机关确认或」 / 0 … 0 / 「重新出具已获取信息」); and
the engine drops many a lone "0" (a box too small to be found), so rows come short by
one, two or four values, with nothing to show which cells were lost.
"""
from __future__ import annotations

from gplint.testing import T3_ROW_LABELS, example_report, lint_with

from sample_t3 import SAMPLE_T3 as _T3, ZERO_ROW as _ZERO, report_with as _report, t3_read as _t3, wanted as _want

#: Zeros the engine did not find, by row: how many of the row's values it lost (not the
#: same number in each row), the last ones of its zeros.
_LOST = {"R06": 2, "R10": 4, "R14": 1, "R17": 3}

_HEADER = ["申请人情况", "法人或其他组织", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）",
           "自然人", "社会", "法律", "总计", "商业企业", "科研机构", "公益", "服务", "其他", "组织", "机构"]


def _values(key: str, lost: bool) -> list[str]:
    values = [str(v) for v in _T3.get(key, _ZERO)]
    for _ in range(_LOST.get(key, 0) if lost else 0):
        values.remove("0")
    return values


def _pieces(label: str, size: int = 10) -> list[str]:
    return [label[k:k + size] for k in range(0, len(label), size)]


def _boxes_table(lost: bool) -> list[str]:
    """One box a line: a group's label before its first row, a row's label in the pieces
    its cell wraps it to, its values after the first half of them."""
    lines = list(_HEADER)
    for key, label in T3_ROW_LABELS:
        *groups, item = label.split("\t")
        lines += [g for g in groups if g]
        pieces = _pieces(item)
        half = (len(pieces) + 1) // 2
        lines += pieces[:half] + _values(key, lost) + pieces[half:]
    return lines


def _tab_table(lost: bool) -> list[str]:
    """The boxes of each line joined by tabs (labels on one line: a wide label column)."""
    lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
             "自然人\t法人或其他组织\t总计", "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    for key, label in T3_ROW_LABELS:
        lines.append("\t".join([p for p in label.split("\t") if p] + _values(key, lost)))
    return lines


def test_boxes_a_label_wrapped_around_its_values_names_its_row_once():
    # 「5.要求行政机关确认或」 / values / 「重新出具已获取信息」: the second piece ends R20's
    # label; read as R20 again it took R21's values, and every row after it the next one's.
    got = _t3(_report(_boxes_table(lost=False)))
    for key, _ in T3_ROW_LABELS:
        assert got[key] == _want(key), key


def test_boxes_rows_read_by_their_labels_when_zeros_were_lost():
    # Rows short of values break the page's reading order: the rows' own labels still
    # place every row the engine read whole (the order alone confirmed the first four).
    got = _t3(_report(_boxes_table(lost=True)))
    for key, _ in T3_ROW_LABELS:
        if key not in _LOST:
            assert got[key] == _want(key), key


def test_rows_short_by_different_counts_are_unread_not_short():
    # Which cells of a short row the engine lost is unknown: no row is a T103 error and
    # no column sum is checked on values placed by guess; one notice names the rows.
    for table in (_boxes_table(lost=True), _tab_table(lost=True)):
        text = _report(table)
        for profile in ("default", "strict"):
            found = lint_with(text, ["T", "A", "N"], profile=profile)
            assert [d.code for d in found] == ["T190"], [(d.code, d.message) for d in found]
            assert all(f"t3.{key}" in found[0].key or key in found[0].key for key in _LOST), found[0].key


def test_rows_short_by_one_value_each_stay_the_reports_short_rows():
    # A clerk's rows that each leave the 总计 cell empty (a tab before nothing) are short
    # rows of the report, as before: T103 a row, not a notice.
    rows = ("R06", "R10", "R14")
    text = example_report(t3=_T3)
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if any(line.rstrip().endswith(dict(T3_ROW_LABELS)[r].split("\t")[-1] + "\t0\t0\t0\t0\t0\t0\t0") for r in rows):
            lines[k] = line[:-1]
    found = lint_with("\n".join(lines), ["T", "A"], profile="default")
    assert sorted(d.key for d in found if d.code == "T103") == [f"t3.{r}.count" for r in rows]
    assert "T190" not in {d.code for d in found}


def test_a_header_read_in_part_does_not_say_the_rows_lack_their_total():
    # The engine lost 总计 and half the other column words of the header: rows of six
    # values are rows that lost a value (R24 a zero of 其他), not rows of a table printed
    # without its 总计 column whose sixth value is 其他 — read so, the total 5 stood under
    # 其他 and the column's sum (A103) and the prose's count (N101) were "wrong".
    table = _tab_table(lost=True)
    table[1:3] = ["自然人\t社会\t法律", "商业企研机松益\t服务\t其他"]
    text = _report(table).replace("（七）总计\t4\t1\t0\t0\t0\t0\t5", "（七）总计\t4\t1\t0\t0\t0\t5")
    assert "（七）总计\t4\t1\t0\t0\t0\t5\n" in text
    found = lint_with(text, ["T", "A", "N"], profile="default")
    assert [d.code for d in found] == ["T190"], [(d.code, d.message) for d in found]


def test_a_header_repeated_over_a_page_break_read_in_part_is_one_table():
    # Each copy of the header lost some of its words (the first its 总计, both the words
    # of three columns run together: 「商业企研机松益」): the copies share columns, so they
    # are the one header printed again, not a table cut into column groups (which name
    # each column once). With zeros lost, the rows read as one table are not all whole,
    # so nothing else told the two readings apart.
    table = _boxes_table(lost=True)
    header = ["申请人情况", "法人或其他组织", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）",
              "自然人", "社会", "法律", "总计", "商业企研机松益", "服务", "其他", "组织", "机构"]
    table[:table.index("一、本年新收政府信息")] = [w for w in header if w != "总计"]
    page_break = table.index("（一）予以公开")
    table[page_break:page_break] = ["-1—", "\f" + header[0], *header[1:]]  # (a page's text ends in a form feed)
    got = _t3(_report(table))
    for key, _ in T3_ROW_LABELS:
        if key not in _LOST:
            assert got[key] == _want(key), key


def _with_row(table: list[str], key: str, values: list[str]) -> list[str]:
    """``table`` (tab rows) with row ``key``'s values replaced by ``values``."""
    label = [p for p in dict(T3_ROW_LABELS)[key].split("\t") if p]
    return ["\t".join(label + values) if line.split("\t")[:len(label)] == label else line for line in table]


def test_a_row_that_lost_its_first_value_is_placed_where_the_column_sums_say():
    # PP-OCR lost R04's lone "1" (自然人): 「（二）部分公开…\t0\t0\t0\t0\t0\t1」. Placed first, the
    # six values put 1 under 其他 and no 总计: 自然人's and 其他's column sums "wrong" (A102,
    # A103) in a table the report prints right. Only the lost cell's place after 自然人 makes
    # every column add up: the values go there, the lost cell stays unread.
    assert _T3["R04"] == (1, 0, 0, 0, 0, 0, 1)
    text = _report(_with_row(_tab_table(lost=False), "R04", ["0", "0", "0", "0", "0", "1"]))
    got = _t3(text)["R04"]
    assert got == {"C1": None, "C2": 0, "C3": 0, "C4": 0, "C5": 0, "C6": 0, "C7": 1}
    found = lint_with(text, ["A"], profile="default")
    assert found == [], [(d.code, d.message) for d in found]


def test_a_row_that_left_out_its_total_stays_so_when_the_columns_add_up():
    # A clerk's R13 without its 总计: the column sums hold with the gap last, as read.
    text = _report(_with_row(_tab_table(lost=False), "R13", ["0", "1", "0", "0", "0", "0"]))
    assert _t3(text)["R13"] == {"C1": 0, "C2": 1, "C3": 0, "C4": 0, "C5": 0, "C6": 0, "C7": None}


def test_a_clerks_slip_beside_a_short_row_keeps_its_finding():
    # R24's 自然人 written 3 for 4: no place of R04's lost cell makes the columns add up.
    table = _with_row(_tab_table(lost=False), "R04", ["0", "0", "0", "0", "0", "1"])
    text = _report(_with_row(table, "R24", ["3", "1", "0", "0", "0", "0", "5"]))
    assert {d.code for d in lint_with(text, ["A"], profile="default")} & {"A101", "A102", "A103", "A104"}



def test_a_short_rows_total_goes_to_total_where_zeros_were_lost_here_and_there():
    # The engine lost zeros in several rows by different counts, and one of R03's
    # (予以公开 2 0 0 0 0 0 2 → 「2 0 0 0 0 2」): its last value is the sum of the others,
    # its 总计. Placed first, the six put 2 under 其他 (was: C6 = 2 in the dump). Which zero
    # was lost is unknown, so 其他 stays unread; 自然人 and the total are read.
    assert _T3["R03"] == (2, 0, 0, 0, 0, 0, 2)
    text = _report(_with_row(_tab_table(lost=True), "R03", ["2", "0", "0", "0", "0", "2"]))
    assert _t3(text)["R03"] == {"C1": 2, "C2": 0, "C3": 0, "C4": 0, "C5": 0, "C6": None, "C7": 2}


def test_a_short_row_of_a_table_with_no_whole_row_is_read_as_before():
    # No row carries seven values: the table may print no 总计 at all, and its rows of
    # six are whole (其他 last), whatever they sum to.
    table = [line if "\t" not in line or line.count("\t") < 6 else line.rsplit("\t", 1)[0]
             for line in _tab_table(lost=True)]
    text = _report(_with_row(table, "R03", ["2", "0", "0", "0", "0", "2"]))
    assert _t3(text)["R03"]["C6"] == 2
