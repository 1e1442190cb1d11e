"""Layout families found by the blind bench's fifth round (bench/unseen.py, issue 14 item 6),
held as properties over generated reports: read exactly, or said once to be unreadable —
never read wrong, never a finding the same figures in tab rows do not draw.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace
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

#: Footnote marks real tables write against a figure.
MARKS = ("①", "③", "注", "注1", "¹", "²", "（注1）", "※", "*")


def _cells(text: str) -> dict:
    return read_cells(report_to_dict(gplint.parse(text)))


def _findings(text: str) -> Counter:
    return Counter((d.code, d.key) for d in gplint.lint_text(text))


def _table_lines(text: str, change) -> str:
    """``text`` with each line of sections 二 to 四 (the tables) passed through ``change``."""
    lines = text.split("\n")
    start, stop = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[4])
    lines[start:stop] = [change(n, line) for n, line in enumerate(lines[start:stop])]
    return "\n".join(lines)


def _marked(text: str, mark: str, every: int, sep: str = "\t") -> str:
    """Every ``every``-th value cell of the tables with ``mark`` written against it."""
    count = iter(range(10 ** 6))

    def cell(m: re.Match) -> str:
        return m.group() + (mark if next(count) % every == 0 else "")
    return _table_lines(text, lambda _n, line: re.sub(r"(?<=\t)[0-9]+(?:\.[0-9]+)?(?=\t|$)", cell, line)
                        .replace("\t", sep))


@PROPS
@given(data=report_data(), mark=st.sampled_from(MARKS), every=st.integers(1, 4))
def test_a_footnote_mark_against_a_value_is_no_label(data, mark, every):
    """「12①」, 「5注」, 「2¹」, 「3（注1）」 in a cell: the figure, its note aside. Read as a
    label, the mark cost the row a value and moved the rest one column (a silent misread
    and a T103 a row)."""
    text, _ = render(data, "tabs")
    marked = _marked(text, mark, every)
    assert marked != text
    assert _cells(marked) == expected_cells(data)
    assert _findings(marked) == _findings(text)


@PROPS
@given(data=report_data(), mark=st.sampled_from(MARKS), every=st.integers(1, 4))
def test_a_footnote_mark_on_blank_separated_rows(data, mark, every):
    """The same marks on rows cut only by blanks: the mark stays with its number, never
    ends the row's label (which had moved every value before it into the label)."""
    text, _ = render(data, "tabs")
    marked = _marked(text, mark, every, sep=" ")
    assert _cells(marked) == _cells(_marked(text, "", every, sep=" "))


def _repeated_merges(text: str) -> str:
    """Table 二 as docling writes it: pipe rows, a cell merged over the three columns (the
    one-value blocks' header word and value) written in each of them."""
    def change(_n: int, line: str) -> str:
        cells = line.split("\t")
        if len(cells) == 2 and cells[0] and not cells[0].startswith(("（", "第")):
            cells += [cells[1]] * 2
        return "| " + " | ".join(cells) + " |" if len(cells) > 1 else line
    lines = text.split("\n")
    start, stop = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[2])
    lines[start + 1:stop] = [change(0, x) for x in lines[start + 1:stop]]
    return "\n".join(lines)


@PROPS
@given(data=report_data())
def test_a_merged_cell_repeated_in_each_column_is_one_value(data):
    """「| 行政许可 | 39 | 39 | 39 |」 under 「| 信息内容 | 本年处理决定数量 | 本年处理决定数量 |
    本年处理决定数量 |」: one value, not three (T103 on every one-value row)."""
    text, _ = render(data, "tabs")
    docling = _repeated_merges(text)
    assert "| 本年处理决定数量 | 本年处理决定数量 |" in docling
    assert _cells(docling) == expected_cells(data)
    assert _findings(docling) == _findings(text)


@PROPS
@given(data=report_data(), other=st.integers(1, 9))
def test_values_differing_under_a_repeated_header_are_not_merged(data, other):
    """Under a repeated header word, cells that differ are no merged cell: the row keeps
    its three values (and T103 says one row has too many), never the first alone."""
    text, _ = render(data, "tabs")
    docling = _repeated_merges(text)
    value = data.t2["licensing"]
    docling = docling.replace(f"| 行政许可 | {value} | {value} | {value} |",
                              f"| 行政许可 | {value} | {value + other} | {value} |")
    assert ("T103", "t2.licensing.count") in _findings(docling)


REMARKS = ("无", "", "含依申请转主动公开", "详见说明", "", "其中1件为网上申请")


def _with_remarks(text: str, pick: int, pipes: bool, numbered: bool = False) -> str:
    """A 备注 column closing tables 二 and 三: the header's last cell, and in each row a
    remark (often empty, 无 in some, a phrase in others); ``pipes``: markdown rows;
    ``numbered``: table 三's lines numbered in a 序号 column first."""
    lines = text.split("\n")
    t3_at, t4_at = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])

    def change(n: int, line: str) -> str:
        cells = line.split("\t")
        if numbered and t3_at < n < t4_at and line:
            cells = ["序号" if cells[0].startswith("（本列") else str(n - t3_at)] + cells
        if n >= t4_at or len(cells) < 2:
            return line
        if cells[0] == "信息内容" or cells[-1] == "总计":
            cells.append("备注")
        elif len(cells) > 2 or n < t3_at:  # (a group label's line, its cells merged, has none)
            cells.append(REMARKS[(n + pick) % len(REMARKS)])
        return "| " + " | ".join(cells) + " |" if pipes else "\t".join(cells)
    return "\n".join(change(n, x) for n, x in enumerate(lines))


def _plain_pipes(text: str) -> str:
    lines = text.split("\n")
    t4_at = lines.index(_HEADINGS[3])
    return "\n".join("| " + " | ".join(x.split("\t")) + " |" if "\t" in x and n < t4_at else x
                     for n, x in enumerate(lines))


@PROPS
@given(data=report_data(), pick=st.integers(0, 5), pipes=st.booleans(), numbered=st.booleans(),
       row=st.sampled_from(("R03", "R06", "R14", "R24")), blank=st.sampled_from((None, 5, 6)))
def test_a_remarks_column_is_set_aside(data, pick, pipes, numbered, row, blank):
    """A 备注 column: its 无 is no value too many, its phrase no label among the values, and
    a row's empty 总计 before it is still an empty cell (T103 as without the column), also
    after a 序号 column (an empty cell before a phrase leaves no cell when a line is cut:
    with the remark set aside, the row's number was read as its first value)."""
    if blank is not None:
        values = list(data.t3[row])
        values[blank] = None
        data = replace(data, t3={**data.t3, row: tuple(values)})
    text, _ = render(data, "tabs")
    remarked = _with_remarks(text, pick, pipes, numbered)
    assert "备注" in remarked
    assert _cells(remarked) == expected_cells(data)
    plain = _with_remarks(text, pick, pipes, numbered).replace("\t备注", "").replace(" | 备注 |", " |")
    plain = "\n".join(_strip_remark(x, pipes) for x in plain.split("\n"))
    assert _findings(remarked) == _findings(plain)


def _strip_remark(line: str, pipes: bool) -> str:
    """A line of :func:`_with_remarks` without its remark (the same table, no 备注 column)."""
    for remark in sorted(set(REMARKS), key=len, reverse=True):
        end = (" | " + remark + " |") if pipes else ("\t" + remark)
        if (line.count("\t") >= 2 or line.count("|") >= 3) and line.endswith(end) and "备注" not in line:
            return line[: len(line) - len(end)] + (" |" if pipes else "")
    return line


def _entities(text: str) -> str:
    """Empty cells written &nbsp;, long labels cut by a literal <br>, prose indented by &ensp;."""
    def change(_n: int, line: str) -> str:
        cells = line.split("\t")
        cells = ["&nbsp;" if not c else c for c in cells]
        if len(cells[0]) > 12:
            cells[0] = cells[0][:8] + "<br>" + cells[0][8:]
        return "\t".join(cells)
    return _table_lines(text, change)


@PROPS
@given(data=report_data(), row=st.sampled_from(("R03", "R04", "R13", "R24")), column=st.integers(0, 5))
def test_white_space_entities_left_as_text_are_blanks(data, row, column):
    """&nbsp; in an empty cell is that empty cell (it was a label: the values after it moved
    left); <br> inside a label is the place it wrapped."""
    values = list(data.t3[row])
    values[column] = None
    data = replace(data, t3={**data.t3, row: tuple(values)})
    text, _ = render(data, "tabs")
    written = _entities(text)
    assert "<br>" in written and "\t&nbsp;\t" in written
    assert _cells(written) == expected_cells(data)
    assert _findings(written) == _findings(text)


def _joined_by_tabs(text: str) -> str:
    """A saved page: the title, then the whole body on one line, cells, rows and paragraphs
    joined by tabs (a tab after every cell)."""
    lines = [x for x in text.split("\n") if x.strip()]
    return lines[0] + "\n" + "".join(x + "\t" for x in lines[1:]) + "\n"


@PROPS
@given(data=report_data(), pick=st.integers(0, 5))
def test_a_remarks_column_on_a_page_joined_by_tabs_is_set_aside(data, pick):
    """The 备注 column of a page saved with every cell and row joined by tabs: each row (a
    virtual line of the one line) ends in the tab that joined it to the next, as its
    header does; the remark before that tab is set aside (its 无 is no second value of
    行政许可, T103), as on lines of their own."""
    text, _ = render(data, "tabs")
    remarked = _joined_by_tabs(_with_remarks(text, pick, pipes=False))
    plain = _joined_by_tabs(text)
    assert "备注" in remarked and remarked.count("\n") == 2
    assert _cells(remarked) == _cells(plain)
    assert _findings(remarked) == _findings(plain)


def _with_units_in_table_three(text: str) -> str:
    """Table 三's counts written with their unit (「3件」)."""
    lines = text.split("\n")
    t3_at, t4_at = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])
    return "\n".join(re.sub(r"(?<=\t)([0-9]+)(?=\t|$)", r"\1件", x) if t3_at < n < t4_at else x
                     for n, x in enumerate(lines))


@pytest.mark.parametrize("units", [False, True], ids=["counts", "counts-with-units"])
@PROPS
@given(data=report_data(), pick=st.integers(0, 5))
def test_a_remarks_column_of_rows_cut_by_blanks_is_set_aside(units, data, pick):
    """A PDF's text of tables closed by a 备注 column, every cell cut by a blank: after a
    row's values as many as its header's columns (counts with their unit too, 「3件」), the
    remark (无, a phrase, a phrase with a figure in it: 其中1件为网上申请) is no value too
    many and does not make the whole row one label (a row "missing", T105)."""
    text, _ = render(data, "tabs")
    if units:
        text = _with_units_in_table_three(text)
    remarked = _with_remarks(text, pick, pipes=False).replace("\t", " ")
    plain = text.replace("\t", " ")
    assert "备注" in remarked and "其中1件为网上申请" in remarked
    assert _cells(remarked) == _cells(plain)
    assert _findings(remarked) == _findings(plain)


@PROPS
@given(data=report_data(), pick=st.integers(0, 5))
def test_a_remarks_column_on_a_page_joined_by_blanks_is_set_aside(data, pick):
    """The same tables on a page saved on one line with every cell and row joined by a
    blank: a row label after a remark or after 备注 (「备注 规章 0 0 0」, 「详见说明 行政强制
    0」) still starts a row, and each remark is set aside; the rows are not read one off."""
    text, _ = render(data, "tabs")
    lines = [x for x in _with_remarks(text, pick, pipes=False).split("\n") if x.strip()]
    remarked = lines[0] + "\n" + " ".join(x.replace("\t", " ") for x in lines[1:]) + "\n"
    plain_lines = [x for x in text.split("\n") if x.strip()]
    plain = plain_lines[0] + "\n" + " ".join(x.replace("\t", " ") for x in plain_lines[1:]) + "\n"
    assert "备注" in remarked and remarked.count("\n") == 2
    assert _cells(remarked) == _cells(plain)
    assert _findings(remarked) == _findings(plain)


@PROPS
@given(data=report_data(), pick=st.integers(0, 5))
def test_a_remarks_column_of_markdown_rows_on_one_line_is_set_aside_in_table_two(data, pick):
    """Markdown rows of a page saved on one line (「| 信息内容 | 本年处理决定数量 | 备注 | |
    行政许可 | 0 | 无 | |」): each row ends in its closing pipe and the next row's opening
    one, its header too; table 二's remarks are set aside (no 无 as a second value)."""
    text, _ = render(data, "tabs")
    lines = [x for x in _with_remarks(text, pick, pipes=True).split("\n") if x.strip()]
    remarked = lines[0] + "\n" + " ".join(lines[1:]) + "\n"
    plain_lines = [x for x in _plain_pipes(text).split("\n") if x.strip()]
    plain = plain_lines[0] + "\n" + " ".join(plain_lines[1:]) + "\n"
    assert "备注" in remarked and remarked.count("\n") == 2

    def table_two(counter):
        return Counter({k: n for k, n in counter.items() if (k[1] or "").startswith("t2")})
    assert {k: v for k, v in _cells(remarked).items() if k.startswith("t2")} == \
        {k: v for k, v in _cells(plain).items() if k.startswith("t2")}
    assert table_two(_findings(remarked)) == table_two(_findings(plain))
