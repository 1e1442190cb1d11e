"""Running heads: the report's title printed again at the top of each page of a PDF, in the
middle of its tables (gplint.reader.running_heads). Read as page furniture, they change
nothing; read as text, one in a pdfminer column stream cut it in two (13 T103, 6 A104, a T105
and an N101 on a real report).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gplint import lint_text
from gplint.reader.running_heads import running_head_lines

CORPUS = Path(__file__).parent.parent / "corpus"
REPORTS = sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("crawled/*.txt")])


def _codes(text: str) -> Counter:
    return Counter(d.code for d in lint_text(text, path="report.txt"))


def _with_heads(text: str, head: str, every: int = 17, feed: bool = True) -> str:
    """``head`` after every ``every``-th line (past the title), after a form feed when ``feed``."""
    out = []
    for k, line in enumerate(text.split("\n")):
        out.append(line)
        if k > 5 and k % every == 0:
            out.append(("\f" if feed else "") + head)
    return "\n".join(out)


def _title(text: str) -> str:
    import gplint

    return gplint.parse(text).title.strip()


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name[:28])
@pytest.mark.parametrize("form", ["title", "title-page-mark", "generic"])
def test_running_heads_change_no_finding(path, form):
    text = path.read_text(encoding="utf-8")
    title = _title(text)
    if form == "generic" or not title.endswith("年度报告"):
        head = "政府信息公开工作年度报告"
    else:
        head = title if form == "title" else f"{title}  第 3 页"
    assert _codes(_with_heads(text, head, feed=form != "generic")) == _codes(text)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name[:28])
def test_a_real_report_has_no_running_head_of_its_own(path):
    """None of the corpus's reports prints one: nothing of theirs is taken for one."""
    assert running_head_lines(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("line", [
    "附件：某市某局2024年度政府信息公开工作年度报告",
    "现将某市某局2024年度政府信息公开工作年度报告公布如下。",
    "（本报告电子版可在某市政府门户网站下载。）",
])
def test_lines_that_mention_the_report_are_no_running_heads(line):
    """A line that names the report once, or in a sentence, is the report's own text."""
    text = "某市某局2024年度政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n" + line + "\n五、存在的主要问题及改进情况\n"
    assert running_head_lines(text) == []


PDF_STREAMS = sorted(CORPUS.glob("*_pdfminer.txt"))


@pytest.mark.parametrize("path", PDF_STREAMS, ids=lambda p: p.name[:28])
@pytest.mark.parametrize("place", ["top", "foot"])
@pytest.mark.parametrize("line", ["某市数据局", "内部资料 注意保存", "某市数据局  - 2 -"])
def test_the_same_line_on_every_page_is_furniture(path, place, line):
    """Where the text marks its pages (form feeds), a short line printed at the top (or the
    foot) of every page, with no word of the tables, is the page's furniture."""
    text = path.read_text(encoding="utf-8")
    assert text.count("\f") >= 3
    # (A line of its own: the stream's blank lines are its empty cells, none is added.)
    marked = text.replace("\f", "\f" + line + "\n") if place == "top" else text.replace("\n\f", "\n" + line + "\n\f")
    assert len(running_head_lines(marked)) >= 3
    assert _codes(marked) == _codes(text)


def test_a_table_header_repeated_on_each_page_stays_a_header():
    """A table's header printed again at the top of each page it runs over holds the
    table's words: never taken for furniture."""
    header = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
    text = "某市某局2024年度政府信息公开工作年度报告\n" + "".join(f"\f{header}\n（一）予以公开 1 0 0 0 0 0 1\n" for _ in range(4))
    assert running_head_lines(text) == []


def _zeros_as_dashes(text: str) -> str:
    """A stream whose zeros are written — (a report that leaves no 0 in its tables)."""
    return "\n".join("—" if line.strip() == "0" else line for line in text.split("\n"))


@pytest.mark.parametrize("path", PDF_STREAMS, ids=lambda p: p.name[:28])
@pytest.mark.parametrize("place", ["top", "foot"])
def test_a_cell_at_three_page_breaks_is_no_furniture(path, place):
    """A table printed one cell a line runs over page breaks: where its zeros are written —
    every page that breaks in it may start (or end) with a — cell. A mark, a number: a
    value of the table, never furniture (taken for one, three cells dropped shifted the
    stream: T103, T105, A104 and N101 where the text without page marks draws none)."""
    lines = _zeros_as_dashes(path.read_text(encoding="utf-8").replace("\f", "")).split("\n")
    dashes = [k for k, line in enumerate(lines) if line == "—"]
    assert len(dashes) >= 30
    for k in (dashes[5], dashes[len(dashes) // 2], dashes[-5]):
        at = k if place == "top" else k + 1
        lines[at] = "\f" + lines[at]
    paged = "\n".join(lines)
    assert paged.count("\f") == 3
    assert running_head_lines(paged) == []
    assert _codes(paged) == _codes(paged.replace("\f", ""))


@pytest.mark.parametrize("line", ["—", "/", "0.5", "12.5", "1,234", "-", "无", "—— ——"])
def test_values_and_marks_are_never_furniture(line):
    """A line with no word (a mark, a number, one character) at the top of every page is a
    table's cell, not the page's furniture."""
    text = "某市某局2024年度政府信息公开工作年度报告\n" + "".join(f"\f{line}\n正文第{k}页。\n" for k in range(4))
    assert running_head_lines(text) == []


@pytest.mark.parametrize("head", ["2024年政府信息公开工作年度报告", "2024年政府信息公开工作年度报告 2",
                                  "3 2024年政府信息公开工作年度报告", "- 2 -2024年政府信息公开工作年度报告"])
def test_a_title_line_opening_with_its_year_is_met_again(head):
    """The title's second line opens with the year (某市某局 / 2024年…年度报告): printed again
    at the one page break of a two-page report, it is the title again — its year's digits
    are no page mark to strip (2024年… was compared as 4年…)."""
    body = "".join(f"正文第{k}段。\n" for k in range(12))
    text = (f"某市某局\n2024年政府信息公开工作年度报告\n\n一、总体情况\n{body}"
            f"\f{head}\n五、存在的主要问题及改进情况\n正文。\n")
    assert running_head_lines(text) == [17]


@pytest.mark.parametrize("place", ["top", "foot"])
@pytest.mark.parametrize("line", ["某市数据局  - {} -", "内部资料 第{}页", "某市数据局 {}/9", "{}  某市数据局"])
def test_furniture_with_the_page_number_beside_it(place, line):
    """Furniture printed with the page's number beside it: the number changes from page to
    page, the furniture does not (before, only a line ending in 年度报告 lost its number)."""
    def body(page: int) -> str:
        return "".join(f"本页正文，第{page}页第{k}段。\n" for k in range(3))
    pages = [f"{line.format(k)}\n{body(k)}" if place == "top" else f"{body(k)}{line.format(k)}\n" for k in range(1, 5)]
    text = "某市某局2024年度政府信息公开工作年度报告\n" + "\f".join(pages)
    # (Looked for next to the page breaks: the top of the first page and the foot of the
    # last, with no form feed beside them, stay text.)
    marked = [k + 1 for k, x in enumerate(text.split("\n")) if "某市数据局" in x or "内部资料" in x]
    assert running_head_lines(text) == (marked[1:] if place == "top" else marked[:-1])
