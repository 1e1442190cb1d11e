"""Layout families found by two or three of the blind bench's changes at once
(bench/combos.py, the fourteenth session), held as properties over generated reports: read
exactly, or said once to be unreadable — never read wrong, never a finding the same
figures in plainer rows do not draw.
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

#: A row label's numbering at its start (二、, （二）, 2.).
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）"
                        r"|\d+\.)(?=\S)")


def _cells(text: str) -> dict:
    return read_cells(report_to_dict(gplint.parse(text)))


def _findings(text: str) -> Counter:
    return Counter((d.code, d.key) for d in gplint.lint_text(text) if d.code not in ("T190", "A108"))


def _tab_joined_page(lines: list[str]) -> str:
    """A saved page whose cells and rows were all joined by tabs (a crawler's text of a
    page): the title, then every other line on one line."""
    lines = [x for x in lines if x.strip()]
    return lines[0] + "\n" + "\t".join(lines[1:]) + "\n"


@PROPS
@given(data=report_data(), remarks=st.lists(st.sampled_from(["", "", "无", "含依申请转主动公开"]),
                                            min_size=26, max_size=26))
def test_remarks_on_a_tab_joined_page_with_labels_unnumbered(data, remarks):
    """Table 三 closed by a 备注 column on a page joined by tabs, its labels printed without
    numbering: nothing cuts the page into a line a row, so the header and every row share
    one line, and a row's 无 remark before the next row's label (「…\\t0\\t无\\t不予处理\\t…」)
    was read as an eighth value (T103 on the row). The remark is set aside: the cells and
    findings are those of the page without the column."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    t3_at, t4_at = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])
    plain, remarked = list(lines), list(lines)
    rows = 0
    for n in range(t3_at + 1, t4_at):
        label = _NUMBERING.sub("", lines[n], count=1)
        plain[n] = remarked[n] = label
        if lines[n].startswith("（本列"):
            remarked[n] = label + "\t备注"
        elif "\t" in label:
            remarked[n] = label + "\t" + remarks[rows % len(remarks)]
            rows += 1
    assert rows == 25
    page, without = _tab_joined_page(remarked), _tab_joined_page(plain)
    assert _cells(page) == _cells(without) == expected_cells(data)
    assert _findings(page) == _findings(without)


def _with_remarks(lines: list[str], remarks: list[str]) -> list[str]:
    """Tables 二 and 三 closed by a 备注 column: 备注 ending each header line (信息内容 …,
    （本列数据…） …), a remark ending each row with a value (drawn in turn from ``remarks``)."""
    t2_at, t4_at = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[3])
    out, k = list(lines), 0
    for n in range(t2_at + 1, t4_at):
        if lines[n].startswith(("信息内容\t", "（本列")):
            out[n] = lines[n] + "\t备注"
        elif "\t" in lines[n]:
            out[n] = lines[n] + "\t" + remarks[k % len(remarks)]
            k += 1
    return out


def _as_csv(lines: list[str], every_field: bool) -> list[str]:
    """Tab rows as a spreadsheet's CSV: quoted where a field needs it, or every field that
    is not empty."""
    def field(cell: str) -> str:
        if every_field and cell or '"' in cell or "," in cell:
            return '"' + cell.replace('"', '""') + '"'
        return cell
    return [",".join(map(field, x.split("\t"))) if "\t" in x else x for x in lines]


@pytest.mark.parametrize("every_field", [False, True], ids=["quoted-as-needed", "every-field-quoted"])
@PROPS
@given(data=report_data(),
       remarks=st.lists(st.sampled_from(["", "无", "含依申请转主动公开", "其中1件为网上申请"]), min_size=30, max_size=30))
def test_remarks_column_in_a_spreadsheets_csv(every_field, data, remarks):
    """A spreadsheet saved as CSV with a 备注 column closing tables 二 and 三: 「行政许可,0,无」,
    「（一）予以公开,0,0,0,0,0,0,0,无」. Quoted as needed, a row ending in text was no CSV row
    and table 三's header (its note's colon read as a sentence's) no header: table 二 was not
    read and 3.其他 / （七）总计 were lost (T105); every field quoted, the remark 无 was an
    eighth value (T103). The remark is set aside: the cells and findings are those of the
    CSV without the column."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    remarked = _as_csv(_with_remarks(lines, remarks), every_field)
    plain = _as_csv(lines, every_field)
    assert sum(x.endswith(",备注") or x.endswith(',"备注"') for x in remarked) == 5
    assert _cells("\n".join(remarked)) == _cells("\n".join(plain)) == expected_cells(data)
    assert _findings("\n".join(remarked)) == _findings("\n".join(plain))


def _unnumbered(lines: list[str]) -> list[str]:
    """Tables 二 and 三's row labels without their numbering (予以公开, 属于国家秘密)."""
    t2_at, t4_at = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[3])
    return [_NUMBERING.sub("", x, count=1) if t2_at < n < t4_at and x not in _HEADINGS else x
            for n, x in enumerate(lines)]


@PROPS
@given(data=report_data())
def test_rows_run_together_with_labels_unnumbered(data):
    """A saved page whose cells are tabs and whose rows ran together with nothing between
    them (crawled-tab-glued), its labels without numbering: each row's last value is glued
    to the next row's label (「…\\t0\\t0结转下年度继续办理\\t0…」). Read as the label's text,
    every 总计 cell was lost (and under a 小计 column, the 小计 read as 总计); the value is
    read as the row's, the label as the next row's."""
    text, _ = render(data, "tabs")
    lines = [x for x in _unnumbered(text.split("\n")) if x.strip()]
    glued = lines[0] + "\n" + "".join(lines[1:]) + "\n"
    assert re.search(r"\t[0-9]+结转下年度继续办理\t", glued)
    assert _cells(glued) == expected_cells(data)
    assert _findings(glued) == _findings(_tab_joined_page(lines))


def _word_row(line: str) -> str:
    """A row of table 三 as Word's plain text writes it from a table with a column of merged
    group cells: an empty cell first (the group's, written once above), a long label broken
    into two paragraphs as the cell kept them (「\t3.补正后申请内容仍」 / 「不明确\t0\t…」)."""
    label, tab, rest = line.partition("\t")
    if not tab or label.startswith("（本列"):
        return line
    if len(label) <= 12:
        return "\t" + line
    return "\t" + label[:9] + "\n" + label[9:] + tab + rest


@PROPS
@given(data=report_data(),
       remarks=st.lists(st.sampled_from(["", "无", "含依申请转主动公开", "其中1件为网上申请"]), min_size=30, max_size=30))
def test_remarks_column_under_labels_of_two_paragraphs(data, remarks):
    """Word's plain text of a table closed by a 备注 column, a column of merged group cells
    before the labels, long labels of two paragraphs: the line holding a label's second
    paragraph, its values and its remark has fewer tabs than a whole row, so counted by
    its tabs it seemed to leave the remark off, and a remark 无 was an eighth value
    (T103). Counted from its first value, it has the column."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    t3_at, t4_at = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])

    def word_text(rows: list[str]) -> str:
        return "\n".join(_word_row(x) if t3_at < n < t4_at else x for n, x in enumerate(rows))
    remarked, plain = word_text(_with_remarks(lines, remarks)), word_text(lines)
    assert remarked.count("\n") > text.count("\n")
    assert _cells(remarked) == _cells(plain) == expected_cells(data)
    assert _findings(remarked) == _findings(plain)
