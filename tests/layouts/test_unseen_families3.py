"""Layout families found by the blind bench's third round (bench/unseen.py, issue 14 item 6),
held as properties over generated reports: read exactly, or said once to be unreadable —
never read wrong, never a finding the same figures in tab rows do not draw.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gplint
from gplint.dump import report_to_dict
from gplint.model import T3_ROWS

sys.path.insert(0, str(Path(__file__).parent))
from strategies import _HEADINGS, expected_cells, read_cells, render, report_data  # noqa: E402

PROPS = settings(max_examples=5, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _cells(text: str) -> dict:
    return read_cells(report_to_dict(gplint.parse(text)))


def _findings(text: str) -> Counter:
    return Counter((d.code, d.key) for d in gplint.lint_text(text))


def _table_runs(text: str) -> list[tuple[int, int]]:
    """(first, end) line indexes of each run of table lines in a "tabs" text: the non-blank
    lines under sections 二-四 that are no section heading."""
    lines = text.split("\n")
    start, stop = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[4])
    runs, first = [], None
    for k in range(start + 1, stop + 1):
        inside = k < stop and lines[k].strip() and lines[k] not in _HEADINGS
        if inside and first is None:
            first = k
        elif not inside and first is not None:
            runs.append((first, k))
            first = None
    return runs


def _framed(text: str, frame) -> str:
    """Every run of table lines of a "tabs" text replaced by ``frame(rows)`` (rows: the
    lines' cells)."""
    lines = text.split("\n")
    for first, end in reversed(_table_runs(text)):
        lines[first:end] = frame([line.split("\t") for line in lines[first:end]])
    return "\n".join(lines)


def _box(rows: list[list[str]], heavy: bool = False) -> list[str]:
    """Rows drawn as a text export draws a table: ┌─┬─┐ over it, │ between cells padded to
    their column, ├─┼─┤ between rows, └─┴─┘ under it (``heavy``: ┏━┳━┓ ┃ ┣━╋━┫ ┗━┻━┛)."""
    v, h, marks = ("┃", "━", "┏┳┓┣╋┫┗┻┛") if heavy else ("│", "─", "┌┬┐├┼┤└┴┘")
    widths = [max(len(r[i]) for r in rows if len(r) > i) + 1 for i in range(max(map(len, rows)))]

    def rule(n: int, left: str, mid: str, right: str) -> str:
        return left + mid.join(h * w for w in widths[:n]) + right

    out = [rule(len(rows[0]), *marks[0:3])]
    for k, row in enumerate(rows):
        out.append(v + v.join(c.ljust(widths[i]) for i, c in enumerate(row)) + v)
        if k + 1 < len(rows):
            out.append(rule(max(len(row), len(rows[k + 1])), *marks[3:6]))
    return out + [rule(len(rows[-1]), *marks[6:9])]


@pytest.mark.parametrize("heavy", [False, True], ids=["light", "heavy"])
@PROPS
@given(data=report_data(blanks=True))
def test_box_drawing_tables_are_read_cell_for_cell(heavy, data):
    """│ and ┃ cut a row into cells as | does (empty cells kept); the rule rows between
    the rows (├───┼───┤) are no rows."""
    text, _ = render(data, "tabs")
    boxed = _framed(text, lambda rows: _box(rows, heavy))
    assert "┼" in boxed or "╋" in boxed
    assert _cells(boxed) == expected_cells(data)


@PROPS
@given(data=report_data(blanks=True))
def test_box_drawing_draws_the_findings_of_tab_rows(data):
    text, _ = render(data, "tabs")
    assert _findings(_framed(text, _box)) == _findings(text)


@PROPS
@given(data=report_data(blanks=True))
def test_fullwidth_bars_draw_the_findings_of_ascii_pipes(data):
    """A row cut by the full-width bar ｜ (no outer bars) is the row cut by |: an empty
    cell between two bars is an empty cell, and a row whose values run to its last cell
    lost no 总计 (T103 stays quiet for both)."""
    text, _ = render(data, "tabs")
    ascii_bars = _framed(text, lambda rows: ["|".join(r) for r in rows])
    full_width = _framed(text, lambda rows: ["｜".join(r) for r in rows])
    assert _cells(full_width) == expected_cells(data)
    assert _findings(full_width) == _findings(ascii_bars)


def _markdown(rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(rows[0]) + " |", "|:---|" + "---:|" * (max(map(len, rows)) - 1)] + \
        ["| " + " | ".join(r) + " |" for r in rows[1:]]


@PROPS
@given(data=report_data(blanks=True))
def test_markdown_rows_inside_one_crawled_line_draw_the_findings_of_their_lines(data):
    """A saved page whose body is one line holding the tables as markdown rows: a row's
    cells end where the next row's text begins (its trailing bars are not the rest of the
    page), so a row with an empty cell draws what it draws on a line of its own."""
    text, _ = render(data, "tabs")
    lines = _framed(text, _markdown).split("\n")
    one_line = "\n".join(lines[:1] + [" ".join(x.strip() for x in lines[1:] if x.strip()), ""])
    got = {k for k in _findings(one_line) if k[0] not in ("T190", "A108")}
    assert got <= set(_findings("\n".join(lines)))


@PROPS
@given(data=report_data())
def test_markdown_rows_inside_one_crawled_line_without_section_four_heading(data):
    """The same page with section 四's heading left out (a real slip): table 四's header
    (| 行政复议 | | … | 行政诉讼 |) still begins a row of its own, so 四、结转下年度继续办理
    stays table 三's last row (a false "row missing", T105) and table 四 is read, not
    called unreadable (T190): only the missing heading is reported."""
    text, _ = render(data, "tabs")
    heading = _HEADINGS[3]
    lines = [x for x in _framed(text, _markdown).split("\n") if x.strip() != heading]
    one_line = "\n".join(lines[:1] + [" ".join(x.strip() for x in lines[1:] if x.strip()), ""])
    assert heading not in one_line and "四、结转下年度继续办理" in one_line
    assert _cells(one_line) == expected_cells(data)
    assert _findings(one_line) == _findings("\n".join(lines))


def _csv(rows: list[list[str]], quote_all: bool) -> list[str]:
    """Rows as a spreadsheet saved as CSV writes them: every row as wide as the widest,
    text quoted (``quote_all``) or only where a comma or a quote needs it."""
    n = max(map(len, rows))

    def field(c: str) -> str:
        if quote_all == "numbers too" and c:
            return '"' + c.replace('"', '""') + '"'
        if c.replace(".", "").isdigit() or not c or not (quote_all or any(ch in c for ch in '",')):
            return c
        return '"' + c.replace('"', '""') + '"'
    return [",".join(field(c) for c in row + [""] * (n - len(row))) for row in rows]


@pytest.mark.parametrize("quote_all", [True, False, "numbers too"], ids=["quoted", "minimal", "every-field"])
@PROPS
@given(data=report_data(blanks=True))
def test_csv_rows_are_read_cell_for_cell_with_the_findings_of_tab_rows(quote_all, data):
    """A table pasted from a spreadsheet's CSV: the commas cut the cells (empty fields are
    empty cells), the quotes are no part of a label; an exporter quoting every field
    (「"行政许可","12"」: two fields) too."""
    text, _ = render(data, "tabs")
    csv_text = _framed(text, lambda rows: _csv(rows, quote_all))
    assert ",0," in csv_text or ",," in csv_text
    assert _cells(csv_text) == expected_cells(data)
    assert _findings(csv_text) == _findings(text)


def _wrapped_in_cells(rows: list[list[str]]) -> list[list[str]]:
    """Long labels broken by a line break inside their cell (Alt+Enter in a spreadsheet):
    saved as CSV, the quoted field runs over two lines."""
    return [[c[: len(c) // 2] + "\n" + c[len(c) // 2:] if len(c) > 8 and not c[0].isdigit() else c for c in row]
            for row in rows]


@PROPS
@given(data=report_data(blanks=True))
def test_csv_fields_holding_a_line_break_are_read_as_one_cell(data):
    """A spreadsheet's CSV whose wrapped cells hold a line break: the quoted label runs onto
    the next line, where the row's values follow its closing quote. The row is read whole,
    with the findings of tab rows."""
    text, _ = render(data, "tabs")
    csv_text = _framed(text, lambda rows: _csv(_wrapped_in_cells(rows), True))
    assert '",0,' in csv_text or '",,' in csv_text
    assert _cells(csv_text) == expected_cells(data)
    assert _findings(csv_text) == _findings(text)


@pytest.mark.parametrize("change", [("本年废止件数", "本年废纸件数"), ("四、政府信息公开行政复议、行政诉讼情况\n", "")],
                         ids=["misspelt-header", "section-heading-missing"])
@PROPS
@given(data=report_data())
def test_a_csv_header_row_of_labels_alone_is_a_row_of_cells(change, data):
    """A CSV header row has no number (信息内容,本年制发件数,本年废止件数,现行有效件数): it is
    still a row of cells, so a misspelt header is found (T102) and table 四's header is
    found without its section heading (no false "table 四 missing", T101) — as in tab rows."""
    text, _ = render(data, "tabs")
    old, new = change
    assert old in text
    tabs = text.replace(old, new, 1)
    csv_text = _framed(tabs, lambda rows: _csv(rows, False))
    assert _findings(csv_text) == _findings(tabs)
    assert _cells(csv_text) == expected_cells(data)


@pytest.mark.parametrize("line", ["1,234,567", "行政事业性收费 1,234,567", "共收到申请1,234件，办结1,200件，其中公开1,000件",
                                  "This year, we received 3, and 2, of them", "12,345,678.5", "1,234", "规章,3",
                                  '他说"你好",然后走了', "a,b", "自然人,商业企业：均已答复。", "我们,你们,他们"])
def test_commas_that_are_no_csv_row_stay_as_they_were(line):
    """Thousands separators and prose with ASCII commas are not CSV fields."""
    from gplint.reader.csv_rows import csv_fields

    assert csv_fields(line) is None


@PROPS
@given(data=report_data(blanks=True))
def test_rows_cut_by_full_width_commas_are_read_as_tab_rows(data):
    """A word processor's "table to text" with commas writes 「规章，0，0，0」, empty cells as
    empty fields and a label's own commas inside its brackets (（区分处理的，只计这一情形，…）):
    read cell for cell, with the findings of tab rows (before: 20-30 false T103 a report,
    and "table 四 missing")."""
    text, _ = render(data, "tabs")
    commas = _framed(text, lambda rows: ["，".join(row) for row in rows])
    assert "规章，" in commas and "（区分处理的，只计这一情形，不计其他情形）" in commas
    assert _cells(commas) == expected_cells(data)
    assert _findings(commas) == _findings(text)


@pytest.mark.parametrize("line", ["全年共收到政府信息公开申请4件，办结4件，结转1件", "2024年，本机关主动公开信息120条",
                                  "申请人包括自然人，法人或其他组织", "一是发布不及时，二是解读单一，三是平台滞后",
                                  "共计3，其中公开2，不予公开1"])
def test_prose_with_full_width_commas_is_no_row_of_cells(line):
    from gplint.reader.csv_rows import csv_fields

    assert csv_fields(line) is None


def _with_subtotal(text: str, three_row_header: bool, word: str = "小计", merged_top: bool = False,
                   first: bool = False) -> str:
    """Table 三 of a "tabs" text with a 小计 column after the five legal-person columns (8
    value columns): the five's sum where all five are written, else an empty cell.
    ``merged_top``: a two-row header whose 小计 cell spans both rows; ``first``: the 小计
    column opening the group (right after 自然人) instead."""
    lines = text.split("\n")
    start = lines.index(_HEADINGS[2]) + 1
    end = lines.index(_HEADINGS[3])
    header = lines[start].split("\t")
    assert header[-1] == "总计"
    if merged_top and first:
        # 自然人 小计 法人或其他组织 总计 over the five legal-person columns.
        head = [header[0] + "\t自然人\t" + word + "\t法人或其他组织" + "\t" * 5 + "总计",
                "\t\t\t" + "\t".join(header[2:7]) + "\t"]
    elif merged_top:
        # 小计 merged over both header rows, so read with the top one: 自然人 法人或其他组织
        # 小计 总计, then the five legal-person columns.
        head = [header[0] + "\t自然人\t法人或其他组织" + "\t" * 5 + word + "\t总计",
                "\t\t" + "\t".join(header[2:7]) + "\t\t"]
    elif three_row_header:
        legal = [word] + header[2:7] if first else header[2:7] + [word]
        head = [header[0] + "\t申请人情况", "\t自然人\t法人或其他组织\t总计", "\t" + "\t".join(legal)]
    else:
        head = ["\t".join(header[:2] + [word] + header[2:] if first else header[:-1] + [word, "总计"])]
    rows = []
    for line in lines[start + 1:end]:
        cells = line.split("\t")
        if len(cells) == 8:
            legal = cells[2:7]
            cells.insert(2 if first else 7, str(sum(map(int, legal))) if all(legal) else "")
        rows.append("\t".join(cells))
    return "\n".join(lines[:start] + head + rows + lines[end:])


@pytest.mark.parametrize("word", ["小计", "合计"])
@pytest.mark.parametrize("three_rows", [False, True], ids=["one-header-row", "three-header-rows"])
@PROPS
@given(data=report_data(blanks=True))
def test_a_subtotal_column_is_set_aside_even_beside_a_blank_total(three_rows, word, data):
    """A 小计 column after 其他 (or one headed 合计 in a header whose last column is 总计):
    never read as 总计, also in a row that leaves 总计 blank (the row's empty last cell is
    no subtotal to drop)."""
    text, _ = render(data, "tabs")
    with_subtotal = _with_subtotal(text, three_rows, word)
    assert word in with_subtotal
    assert _cells(with_subtotal) == expected_cells(data)
    assert _findings(with_subtotal) == _findings(text)


@pytest.mark.parametrize("three_rows", [False, True], ids=["one-header-row", "three-header-rows"])
@PROPS
@given(data=report_data(), row=st.sampled_from(T3_ROWS), col=st.integers(0, 6), delta=st.integers(1, 20))
def test_a_wrong_cell_under_a_subtotal_header_is_found(three_rows, data, row, col, delta):
    """Under a 小计 header the header says which value is the subtotal: a row that does not
    add up is reported as the same row without the 小计 column is, never "fixed" by setting
    the wrong value aside as if it were the subtotal (a row 10 0 0 0 0 0 0 0 was read as
    all zeros)."""
    bad = data.with_t3(row, col, data.t3[row][col] + delta)
    text, _ = render(bad, "tabs")
    with_subtotal = _with_subtotal(text, three_rows)
    assert _cells(with_subtotal) == expected_cells(bad)
    findings = _findings(text)
    assert any(k[1] and k[1].startswith(("t3.", "t4.")) for k in findings)  # the defect is seen in tab rows
    assert _findings(with_subtotal) == findings


@pytest.mark.parametrize("three_rows", [False, True], ids=["one-header-row", "three-header-rows"])
@PROPS
@given(data=report_data(blanks=True))
def test_a_subtotal_column_opening_the_legal_person_group_is_set_aside(three_rows, data):
    """A 小计 column right after 自然人, before 商业企业 (the group's first column): set aside
    there, in a one-row header and under a three-row one."""
    text, _ = render(data, "tabs")
    with_subtotal = _with_subtotal(text, three_rows, first=True)
    assert _cells(with_subtotal) == expected_cells(data)
    assert _findings(with_subtotal) == _findings(text)


@pytest.mark.parametrize("word", ["小计", "合计"])
@PROPS
@given(data=report_data(blanks=True))
@pytest.mark.parametrize("first", [False, True], ids=["closing-the-group", "opening-the-group"])
def test_a_subtotal_header_cell_spanning_two_rows_is_placed_by_its_neighbours(word, first, data):
    """A 小计 cell merged over the header's two rows is printed with the top row (自然人 法人
    或其他组织 小计 总计), before the 商业企业 of the row below: the column closing the group,
    as the words around it say, not the one after 自然人 (every row's 小计 was read as a
    科研机构 … value, its 其他 as the subtotal: a false A104 in every row with a legal person).
    Printed before the group (自然人 小计 法人或其他组织 总计), it opens it."""
    text, _ = render(data, "tabs")
    with_subtotal = _with_subtotal(text, False, word, merged_top=True, first=first)
    assert _cells(with_subtotal) == expected_cells(data)
    assert _findings(with_subtotal) == _findings(text)


@PROPS
@given(data=report_data(blanks=True))
def test_a_subtotal_column_on_blank_separated_rows_is_never_misread(data):
    """Blank-separated rows under a 小计 header lose their empty cells: a row of seven
    values is placed only where the row total and the subtotal allow one place for the
    cell left out; else it is left unread (T190), never read with its 小计 as 总计."""
    text, _ = render(data, "tabs")
    with_subtotal = _with_subtotal(text, False)
    lines = with_subtotal.split("\n")
    start, end = lines.index(_HEADINGS[2]), lines.index(_HEADINGS[3])
    lines[start:end] = [" ".join(c for c in line.split("\t") if c) for line in lines[start:end]]
    spaced = "\n".join(lines)
    got, want = _cells(spaced), expected_cells(data)
    assert {k: v for k, v in got.items() if k.startswith("t3.") and v is not None and v != want.get(k)} == {}
    tab_findings = _findings(text)
    assert {k for k in _findings(spaced) if k[0] not in ("T190", "A108")} <= set(tab_findings)


@PROPS
@given(data=report_data(blanks=True))
def test_bold_labels_in_markdown_rows_draw_the_findings_of_plain_ones(data):
    """| **（一）予以公开** | 3 |  |: the emphasis is no cell, and the row's empty last
    cell is told from its closing pipe as without it."""
    text, _ = render(data, "tabs")

    def bold(rows: list[list[str]]) -> list[list[str]]:
        return [[f"**{r[0]}**" if r[0] and len(r) > 1 else r[0]] + r[1:] for r in rows]
    plain = _framed(text, _markdown)
    emphasised = _framed(text, lambda rows: _markdown(bold(rows)))
    assert "| **" in emphasised
    assert _cells(emphasised) == expected_cells(data)
    assert _findings(emphasised) == _findings(plain)


_CAPTIONED = (("主动公开政府信息情况表", "单位：件、万元", "注：本表数据统计期限为2024年1月1日至2024年12月31日。"),
              ("收到和处理政府信息公开申请情况表", "单位：件", "注：“总计”列为前六列之和。"),
              ("政府信息公开行政复议、行政诉讼情况表", "单位：件", "注：行政复议、行政诉讼数量含上年度结转数量。"))


@PROPS
@given(data=report_data())
def test_captions_units_and_notes_inside_a_crawled_line_stand_apart_from_the_rows(data):
    """A saved page on one line whose tables carry a caption, a 单位：件 line and a note
    (注：…) under them: the row before a note keeps its values, table 四 its values row."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    captioned = list(lines)
    for n, (first, end) in reversed(list(enumerate(_table_runs(text)))):
        caption, unit, note = _CAPTIONED[n]
        captioned[first:end] = [caption, unit] + captioned[first:end] + [note]

    def one_line(page: list[str]) -> str:
        body = " ".join(" ".join(c for c in x.split("\t") if c) for x in page[1:] if x.strip())
        return "\n".join([page[0], body, ""])
    assert _cells(one_line(captioned)) == expected_cells(data)
    assert _findings(one_line(captioned)) == _findings(one_line(lines))


@pytest.mark.parametrize("same_line", [False, True], ids=["own-lines", "sharing-a-line"])
@PROPS
@given(data=report_data(), extra=st.lists(st.integers(0, 999), min_size=4, max_size=4))
def test_rows_agencies_add_to_table_two_are_nobodys_values(same_line, data, extra):
    """其他规范性文件 under 行政规范性文件, 其他行政管理事项 under 行政强制: rows the format
    does not have. On lines of their own or after the row they follow on its line (a page
    flattened, a PDF's text), their values are no cell of table 二 (其他… names no row)."""
    text, _ = render(data, "tabs")
    lines = text.split("\n")
    added = {"行政规范性文件": "其他规范性文件 " + " ".join(map(str, extra[:3])),
             "行政强制": f"其他行政管理事项 {extra[3]}"}
    out = []
    for line in lines:
        label = line.split("\t")[0]
        if label in added and line.count("\t") in (1, 3):
            row = line.replace("\t", " ")
            out += [row + " " + added[label]] if same_line else [row, added[label]]
        else:
            out.append(line)
    with_rows = "\n".join(out)
    assert "其他行政管理事项" in with_rows
    got, want = _cells(with_rows), expected_cells(data)
    assert {k: v for k, v in got.items() if k.startswith("t2.")} == {k: v for k, v in want.items() if k.startswith("t2.")}
    assert set(_findings(with_rows)) <= set(_findings(text))


def _zeros_as(text: str, mark: str, sep: str = "\t") -> str:
    """The table cells of a "tabs" text that hold 0 written as ``mark`` (cells cut by ``sep``)."""
    lines = text.split("\n")
    start, stop = lines.index(_HEADINGS[1]), lines.index(_HEADINGS[4])
    for k in range(start, stop):
        if "\t" in lines[k]:
            lines[k] = sep.join(mark if c == "0" else c for c in lines[k].split("\t"))
    return "\n".join(lines)


@pytest.mark.parametrize("zero", ["〇", "○"])
@pytest.mark.parametrize("sep", ["\t", " | "], ids=["tabs", "bars"])
@PROPS
@given(data=report_data())
def test_zeros_written_as_circles_are_marks_not_missing_rows(zero, sep, data):
    """〇 (and the ○ Chinese typing puts for 0) in a count's place is written but no count,
    as a dash is: a row whose zeros are all written so is a row of the table (not "rows
    missing", T105; not "table 四 unreadable", T190), and the report draws what the same
    report with its zeros written — draws."""
    text, _ = render(data, "tabs")
    circles, dashes = _zeros_as(text, zero, sep), _zeros_as(text, "—", sep)
    assert zero in circles
    assert _findings(circles) == _findings(dashes)
