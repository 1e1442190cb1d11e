"""Real reports flattened as crawlers flatten a page: every line and cell run into one line,
with nothing, or one blank, between them. The flattening must add no error: what the reader
cannot place becomes T190 ("could not read this table"), never a false error.

Flattened: the layout family texts (tests/layouts/texts) and the four seeds in tests/corpus,
which come in four layouts (cells a line, tabs with merged label
cells, markdown with heading marks, one cell a line with wrapped labels). Seed 000 is left
out: its tables are damaged in the source (rows with eight values, vertical header text), so
a flattening of it cannot be compared cell for cell.
"""
from __future__ import annotations

import pathlib
import re
from collections import Counter

import pytest

from gplint import lint_text

CORPUS = pathlib.Path(__file__).parent.parent / "corpus"
TEXTS = pathlib.Path(__file__).parent / "texts"
SEEDS = [CORPUS / name for name in ("001_98c801d9a8639466.txt", "002_bcc8f195f7d4f0d8.txt",
                                    "003_40d59da40b55d807.txt", "004_f66dd8460545a76a.txt")]
#: The layout family texts (tests/layouts/texts), each a clean report in one layout.
LAYOUT_TEXTS = sorted(TEXTS.glob("*.txt"))
#: (text, style) -> what the reader does not do yet on that flattening (strict xfail).
_TAB_JOINED_BLANKS = ("a page joined by tabs: an empty cell at a row's end cannot be told from the tab that "
                      "joined the rows, and a row's values shift")
XFAIL = {
    **{("pdfminer.txt", style): "pdfminer column streams flattened with blanks: rows misplaced"
       for style in ("blank-separated", "tab-cells-lines-blank", "tabs-only")},
    **{("pdfminer-blanks.txt", style): "pdfminer column streams flattened with blanks: rows misplaced"
       for style in ("blank-separated", "tab-cells-lines-blank", "tabs-only")},
    **{(name, "tabs-only"): _TAB_JOINED_BLANKS
       for name in ("browser-blanks.txt", "cells-blanks.txt", "cells-spaced-blanks.txt", "pipe-blanks.txt",
                    "tabs-blanks.txt")},
}
#: (between cells, between lines): a page's text run together, or with one blank; or its
#: cells kept as tabs (a <td> written as a tab, empty ones too) while its rows and
#: paragraphs were joined by a blank, by nothing or by a tab.
STYLES = {"run-together": ("", ""), "blank-separated": (" ", " "), "cells-blank-lines-run": (" ", ""),
          "tab-cells-lines-blank": ("\t", " "), "tab-cells-lines-run": ("\t", ""), "tabs-only": ("\t", "\t")}


def flatten(text: str, between_cells: str, between_lines: str) -> str:
    """The page as a crawler saves it: markup gone, cells and lines joined on one line."""
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if not s or re.fullmatch(r"[|｜\s:\-—]+", s):
            continue  # blank lines and markdown rules leave nothing on a page
        cells = [c.strip() for c in re.split(r"[|｜\t]", s.strip("|｜").strip())]
        # (Tabs keep a row's empty cells, as an empty <td> between two tabs does.)
        out.append(between_cells.join(c for c in cells if c or between_cells == "\t"))
    return between_lines.join(out) + "\n"


def _errors(text: str) -> Counter:
    return Counter(d.code for d in lint_text(text, path="page.txt") if d.severity == "error")


def _cases() -> list:
    out = []
    for path in SEEDS + LAYOUT_TEXTS:
        for style in sorted(STYLES):
            why = XFAIL.get((path.name, style))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            out.append(pytest.param(path, style, marks=marks, id=f"{path.name}-{style}"))
    return out


@pytest.mark.parametrize(("path", "style"), _cases())
def test_flattening_adds_no_error(path, style):
    from gplint.sources import read_path

    text = read_path(str(path)).text
    flat = flatten(text, *STYLES[style])
    assert flat.count("\n") == 1
    added = _errors(flat) - _errors(text)
    assert not added, f"{path.name} flattened ({style}) adds {dict(added)}"


def test_vertical_group_label_pieces_are_not_part_of_a_row():
    """本年 / 度办 / 理结果, printed down a merged cell, land after the values of the rows
    beside it; the rows are still read."""
    from gplint import parse

    rows = ["一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2", "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
            "三、 (一) 予以公开 1 0 0 0 0 0 1 本年", "(二) 部分公开 1 0 0 0 0 0 1 度办 理结果",
            "(七) 总计 2 0 0 0 0 0 2", "四、结转下年度继续办理 0 0 0 0 0 0 0"]
    page = ("三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            " 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 "
            + " ".join(rows) + " 四、政府信息公开行政复议、行政诉讼情况 " + "说明文字" * 80 + "\n")
    t3 = parse(page).t3
    assert [c.value for c in t3.rows["R03"].cells] == [1, 0, 0, 0, 0, 0, 1]
    assert [c.value for c in t3.rows["R04"].cells] == [1, 0, 0, 0, 0, 0, 1]


@pytest.mark.parametrize("row", ["（一）予以公开 290 1 0 0 3 0 294", "1.属于国家秘密 0 0 0 0 0 0 0"])
def test_a_short_row_without_separators_feeds_no_identity(row):
    """A row of blank-separated values one short: which cell is missing is unknown, so its
    values are placed nowhere (T190 names the row), and no identity is built on them."""
    text = (TEXTS / "spaces.txt").read_text(encoding="utf-8")
    assert row in text
    short = row.rsplit(" ", 2)[0] + " " + row.rsplit(" ", 1)[1]  # one value before the last dropped
    found = lint_text(text.replace(row, short), path="spaces.txt")
    assert not [d for d in found if d.code.startswith("A") and d.severity == "error"], found
    t190 = [d for d in found if d.code == "T190"]
    assert t190 and row.split(" ")[0][-6:] in t190[0].message


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize(("standard", "reworded"), [
    ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施"),
    ("二、主动公开政府信息情况", "二、行政机关主动公开政府信息情况"),
])
def test_a_reworded_section_title_ends_where_the_body_begins(style, standard, reworded):
    """On a page run into one line, a section title in other words ends as titles do (…措施,
    …情况): the body after it is the section's body, not part of its title (the section was
    taken for an empty one: a false S106 "problems section empty")."""
    from gplint.sources import read_path

    text = read_path(str(SEEDS[0])).text
    assert standard in text
    flat = flatten(text.replace(standard, reworded), *STYLES[style])
    plain = flatten(text, *STYLES[style])
    from gplint.engine import LintOptions

    strict = LintOptions(profile="strict")
    found = Counter(d.code for d in lint_text(flat, path="page.txt", config=strict))
    before = Counter(d.code for d in lint_text(plain, path="page.txt", config=strict))
    assert found - before == Counter({"S104": 1}), found - before


@pytest.mark.parametrize("style", sorted(STYLES))
def test_sub_headings_cut_from_the_body_still_count_up(style):
    """A sub-heading ending as titles end (（一）主动公开情况) is cut from its body on a page
    run into one line, and so read as a heading: a skipped number among such sub-headings
    (（一） … （四）) is still an enumeration slip (N111), as on the page not flattened."""
    from gplint.engine import LintOptions
    from gplint.sources import read_path

    text = read_path(str(SEEDS[0])).text
    first, body = "一、总体情况\n", "（四）监督保障情况\n本机关加强监督考核。\n"
    assert first in text and "（一）主动公开情况" not in text
    numbered = text.replace(first, first + "（一）主动公开情况\n本机关坚持以公开为常态。\n" + body, 1)
    strict = LintOptions(profile="strict")
    for page in (numbered, flatten(numbered, *STYLES[style])):
        assert [d.code for d in lint_text(page, path="page.txt", config=strict) if d.code == "N111"] == ["N111"]


@pytest.mark.parametrize("style", ["tab-cells-lines-run", "tab-cells-lines-blank", "tabs-only"])
def test_a_page_of_cells_with_units_run_together_reads_as_its_lines(style):
    """Cells written with their unit (「0件」) on a page whose rows ran together: table 四's
    header word and its first value become one cell, 「总计0件」; it is read as the label
    and its value (before, the value was lost and the other fourteen shifted one column)."""
    from gplint import parse

    path = TEXTS / "families" / "units.txt"
    text = path.read_text(encoding="utf-8")
    flat = flatten(text, *STYLES[style])
    want, got = parse(text).t4, parse(flat).t4
    assert [c.value for c in got.cells.values()] == [c.value for c in want.cells.values()]
    assert not _errors(flat) - _errors(text)
