"""Layout families found by two of the blind bench's changes at once (bench/combos.py, the
thirteenth session), held as properties over generated reports: read exactly, or said
once to be unreadable — never read wrong, never a finding the same figures in plainer
rows do not draw.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gplint
from gplint.dump import report_to_dict

sys.path.insert(0, str(Path(__file__).parent))
from strategies import _HEADINGS, expected_cells, read_cells, render, report_data  # noqa: E402

PROPS = settings(max_examples=5, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Table 三's group labels as the tab rows print them, on lines of their own.
_GROUP = re.compile(r"^(?:三、本年度办理结果|（[三四五六]）[^\t]+)$")


def _cells(text: str) -> dict:
    return read_cells(report_to_dict(gplint.parse(text)))


def _findings(text: str) -> Counter:
    return Counter((d.code, d.key) for d in gplint.lint_text(text) if d.code not in ("T190", "A108"))


def _t3_groups_repeated(text: str) -> str:
    """Table 三 with its group labels written before each of their rows (a spreadsheet's
    merged cells unmerged, every copy kept), not on lines of their own."""
    lines = text.split("\n")
    t3_at, t4_at = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])
    out, top, sub = [], "", ""
    for n, line in enumerate(lines):
        if t3_at < n < t4_at and _GROUP.match(line):
            if line.startswith("三、"):
                top, sub = line, ""
            else:
                sub = line
            continue
        if t3_at < n < t4_at and top and "\t" in line and not line.startswith(("（本列", "四、")):
            if line.startswith(("（一）", "（二）", "（七）")):
                sub = ""
            line = "\t".join(x for x in (top, sub) if x) + "\t" + line
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("sep", ["\t", " "], ids=["tabs", "blanks"])
@PROPS
@given(data=report_data())
def test_group_labels_repeated_before_each_row(sep, data):
    """「三、本年度办理结果 （六）其他处理 3.其他 0 0 …」 and 「三、本年度办理结果 （七）总计 …」:
    the rows 3.其他 and （七）总计 named after their groups, cells cut by tabs or by blanks
    (a PDF's text of the table). Cut by blanks, the groups' words ran into the row's label
    and the two rows were read as a group (T105 on （七）总计, its values given to 3.其他,
    A102 on （六）其他处理's sub-rows)."""
    text, _ = render(data, "tabs")
    repeated = _t3_groups_repeated(text)
    assert "三、本年度办理结果\t（六）其他处理\t3.其他\t" in repeated
    assert "三、本年度办理结果\t（七）总计\t" in repeated
    assert _cells(repeated.replace("\t", sep)) == _cells(text.replace("\t", sep))
    assert _findings(repeated.replace("\t", sep)) == _findings(text.replace("\t", sep))


#: A row label's numbering at its start (二、, （二）, 2.).
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)(?=\S)")


def _saved_page(text: str, numbering_break: bool, sep: str) -> str:
    """A saved page: the title, then the body's lines joined by a blank on one line, cells
    cut by ``sep``; ``numbering_break``: each table label's numbering on a line of its own
    (a ``<br>`` after it the crawler kept, 「一、」 / 「本年新收…」)."""
    lines = [x for x in text.split("\n") if x.strip()]
    t2_at, t4_at = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[3])
    body = []
    for n, line in enumerate(lines[1:], 1):
        if numbering_break and t2_at < n < t4_at and line not in _HEADINGS:
            line = _NUMBERING.sub(lambda m: m.group() + "\n", line, count=1)
        body.append(line.replace("\t", sep))
    return lines[0] + "\n" + " ".join(body) + "\n"


@pytest.mark.parametrize("sep", ["\t", " "], ids=["tab-cells", "blank-cells"])
@PROPS
@given(data=report_data())
def test_a_labels_numbering_broken_off_on_a_saved_page(sep, data):
    """Each row's line ends with the next row's numbering (「…数量\\t2\\t0\\t2 二、」, then
    「上年结转…」): that numbering is no part of the row's last value (a T103 on every row
    of table 三, its total cell lost) nor the end of its label (the values read as label
    text: T105 on the rows after)."""
    text, _ = render(data, "tabs")
    broken = _saved_page(text, True, sep)
    assert " 二、\n上年结转" in broken
    assert _cells(broken) == _cells(_saved_page(text, False, sep))
    assert _findings(broken) == _findings(_saved_page(text, False, sep))


#: Rows some agencies add to table 二's blocks: after 行政规范性文件 and after 行政强制.
_ADDED_ROWS = (("行政规范性文件", "其他规范性文件 10 7 26"), ("行政强制", "其他行政管理事项 31"))


@PROPS
@given(data=report_data(), mark=st.sampled_from(["无", "—", "/", "－"]),
       row=st.sampled_from(["行政许可", "行政处罚", "行政强制", "行政事业性收费"]))
def test_a_one_value_rows_zero_mark_keeps_its_row(data, mark, row):
    """Table 二 cut by blanks with the rows agencies add (其他行政管理事项 31 under 行政强制)
    and a one-value row's zero written as a mark (「行政强制 无」): the mark is that row's
    cell, so the added row's value is no one's — not read as 行政强制's 31."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    t3_at = lines.index(_HEADINGS[2])
    for n, line in enumerate(lines[:t3_at]):
        if line.startswith(row + "\t"):
            lines[n] = row + "\t" + mark
    plain = "\n".join(lines).replace("\t", " ")
    added = plain
    for after, extra in _ADDED_ROWS:
        added = re.sub(rf"(?m)^({after} .*)$", lambda m: m.group(1) + "\n" + extra, added, count=1)
    assert added.count("\n") == plain.count("\n") + 2

    def table_two(cells: dict) -> dict:
        return {k: v for k, v in cells.items() if k.startswith("t2")}
    assert table_two(_cells(added)) == table_two(_cells(plain))
    assert _findings(added) == _findings(plain)


def _as_parts(text: str) -> str:
    """The six section headings numbered as parts (第四部分　政府信息公开行政复议、行政诉讼情况)."""
    for heading in _HEADINGS:
        text = text.replace(heading + "\n", "第" + heading[0] + "部分\u3000" + heading[2:] + "\n")
    return text


@PROPS
@given(data=report_data())
def test_part_headings_on_a_saved_page(data):
    """A page saved on one line (cells as tabs, lines joined by a blank) whose sections are
    numbered 第一部分 … 第六部分: the heading after table 三's last row starts a line of its
    own, as 四、 does — not a text ending that row's last cell (T103 on 结转下年度继续办理,
    table 四's header lost with it)."""
    text, _ = render(data, "tabs")
    parts = _as_parts(text)
    assert "第四部分\u3000政府信息公开行政复议" in parts
    lines = [x for x in parts.split("\n") if x.strip()]
    page = lines[0] + "\n" + " ".join(lines[1:]) + "\n"
    assert _cells(page) == expected_cells(data)
    assert _findings(page) == _findings(parts)


def _label_paragraphs(line: str) -> str:
    """A long table label broken into two paragraphs, as Word keeps a cell's line break
    (「2.其他法律行政法规」 / 「禁止公开\t0\t…」)."""
    label, tab, rest = line.partition("\t")
    if not tab or len(label) <= 12:
        return line
    return label[:9] + "\n" + label[9:] + tab + rest


@PROPS
@given(data=report_data())
def test_label_paragraphs_on_a_saved_page_with_tab_cells(data):
    """A page saved with its cells as tabs and its rows joined by a blank, whose long labels
    kept a line break: each physical line holds the end of one row's label, its values, and
    the start of the next row's label (「…\t0\t0 2.其他法律行政法规」). Read as one row, a
    line gave it both rows' values (T103, A104 and values moved to the wrong row); each row
    is read as its own."""
    text, _ = render(data, "tabs")
    lines = [x for x in text.split("\n") if x.strip()]
    t3_at, t4_at = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])
    broken = [(_label_paragraphs(x) if t3_at < n < t4_at else x) for n, x in enumerate(lines)]
    assert broken != lines
    page = lines[0] + "\n" + " ".join(broken[1:]) + "\n"
    assert _cells(page) == expected_cells(data)
    assert _findings(page) == _findings(lines[0] + "\n" + " ".join(lines[1:]) + "\n")


#: Table 三's header as narrow columns shorten it, 合计 first and two columns swapped;
#: where each printed column's values go (format position of each printed one).
_SHORT_REORDERED = ("合计", "自然人", "商业", "公益", "科研", "法律", "其他")
_PRINTED_AT = (6, 0, 1, 3, 2, 4, 5)


@PROPS
@given(data=report_data())
def test_a_short_header_in_another_order_places_each_column(data):
    """「合计 自然人 商业 公益 科研 法律 其他」 over blank-separated rows: each of the seven
    words names its column (法律 is 法律服务机构, as 科研 and 公益 are theirs), so the values
    go where the header puts them — not in the format's order (合计's values read as 自然人's,
    A104 on every row)."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    t3_at, t4_at = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])
    for n in range(t3_at + 1, t4_at):
        cells = lines[n].split("\t")
        if cells[0].startswith("（本列"):
            cells = cells[:1] + list(_SHORT_REORDERED)
        elif len(cells) == 8:
            cells = cells[:1] + [cells[1 + k] for k in _PRINTED_AT]
        lines[n] = " ".join(cells)
    shuffled = "\n".join(lines)
    assert " 合计 自然人 商业 公益 科研 法律 其他\n" in shuffled
    assert _cells(shuffled) == expected_cells(data)
    assert _findings(shuffled) == _findings(text)


_T4_WORDS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@PROPS
@given(data=report_data())
def test_table_four_in_two_blocks_on_a_saved_page(data):
    """Table 四 as two blocks (行政复议 and its five values, then 行政诉讼 and its ten) on a
    page whose cells are tabs and whose lines were joined by a blank: the first block's
    last value and the next block's words share a cell (「1 行政诉讼 未经复议直接起诉」). The
    value is read (table 四 was 14 values, T190, and 行政复议's 总计 misread)."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    t4_at, t5_at = lines.index(_HEADINGS[3]), lines.index(_HEADINGS[4])
    values = next(x for x in lines[t4_at + 1:t5_at] if x[:1].isdigit()).split("\t")
    lines[t4_at + 1:t5_at] = ["行政复议", "\t".join(_T4_WORDS), "\t".join(values[:5]), "行政诉讼",
                              "\t".join(["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"]),
                              "\t".join(_T4_WORDS * 2), "\t".join(values[5:]), ""]
    blocks = [x for x in lines if x.strip()]
    page = blocks[0] + "\n" + " ".join(blocks[1:]) + "\n"
    assert " 行政诉讼 未经复议直接起诉\t" in page
    assert _cells(page) == expected_cells(data)
    assert _findings(page) == _findings(text)



@PROPS
@given(data=report_data(), before=st.integers(0, 99))
def test_a_two_year_header_cut_over_lines(data, before):
    """Table 二's fee block with the year before beside this year (上年收费金额 | 本年收费金额),
    each header cell of two paragraphs as Word's plain text writes them: the lines above
    the row together are its header, so this year's amount is the second value (the first
    was read, with T103, and T102 took 上年收费金额 for a misspelling)."""
    text, _ = render(data, "tabs")
    fee = f"行政事业性收费\t{data.t2['fees']}"
    assert text.count("\n" + fee + "\n") == 1
    two_years = text.replace("信息内容\t本年收费金额（单位：万元）\n" + fee + "\n",
                             "信息内容\t上年收费金额\n（单位：万元）\t本年收费金额\n（单位：万元）\n"
                             f"行政事业性收费\t{before}\t{data.t2['fees']}\n")
    assert two_years != text
    assert _cells(two_years) == expected_cells(data)
    assert _findings(two_years) == _findings(text)
