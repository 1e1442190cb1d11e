"""A page cut at every 。 into lines (a crawled page copied sentence by sentence, paragraphs
that swallowed their headings): a section heading then runs on with its body
(「一、总体情况2022年，…」) or stands mid-line after the sentence before it
(「…特编制此报告：一、总体情况2021年…」, 「…报告如下（…）一、总体情况…」), and a table
flattened into a line of its own is shorter than a page. The reader must find the same
sections and cells as on the page's one line — never a false "heading missing" (S101) or
"table missing" (T101) — and must not make headings of lists in prose.

Before: S101 on every such page (five of five crawled reports), T101 where table 二 or 四
stood on a line under 300 characters.
"""
from __future__ import annotations

import pathlib
from collections import Counter

import pytest

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.reader.run_on import heading_cuts

from test_flattened_pages import LAYOUT_TEXTS, SEEDS, STYLES, flatten

CORPUS = pathlib.Path(__file__).parent.parent / "corpus"
CRAWLED = sorted((CORPUS / "crawled").glob("*.txt"))
NOTICES = {"T190", "A108"}


def _read(path: pathlib.Path) -> str:
    from gplint.sources import read_path

    return read_path(str(path)).text


def sentences_a_line(text: str) -> str:
    return text.replace("。", "。\n")


def _findings(text: str) -> Counter:
    return Counter(d.code for d in lint_text(text, path="page.txt") if d.code not in NOTICES)


def _reading(text: str) -> dict:
    """What the reader found: each section's heading as printed, every table cell."""
    d = report_to_dict(parse(text))
    return {"sections": {k: v and v["title"] for k, v in d["sections"].items()},
            "t2": d["t2"], "t3": d["t3"], "t4": d["t4"]}


def _flattened_cases() -> list:
    cases = [pytest.param(p, style, id=f"{p.name}-{style}") for p in SEEDS + LAYOUT_TEXTS for style in sorted(STYLES)]
    return cases + [pytest.param(p, None, id=f"crawled-{p.name}") for p in CRAWLED]


@pytest.mark.parametrize(("path", "style"), _flattened_cases())
def test_a_page_cut_at_every_full_stop_reads_as_its_one_line(path, style):
    page = _read(path) if style is None else flatten(_read(path), *STYLES[style])
    cut = sentences_a_line(page)
    assert cut.count("\n") > page.count("\n") + 5
    assert _reading(cut) == _reading(page)
    assert _findings(cut) == _findings(page)


@pytest.mark.parametrize("path", SEEDS + CRAWLED, ids=lambda p: p.name)
def test_a_report_cut_at_every_full_stop_keeps_its_findings(path):
    text = _read(path)
    assert _findings(sentences_a_line(text)) == _findings(text)


# Lists in prose, put into section 一's body of a clean report: none is a heading.
PROSE_LISTS = (
    "主要做法包括：一是加强组织领导；二是完善工作制度。",
    "具体如下：1.主动公开情况良好；2.依申请公开情况平稳。",
    "工作情况如下：一、主动公开情况良好，运行平稳。",
    "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。",
    "本报告由一、总体情况，二、主动公开政府信息情况等六部分组成。",
    "在全省考核中位列第一、总体情况良好。",
    "坚持统一、总体情况通报制度。",
)


@pytest.mark.parametrize("sentence", PROSE_LISTS)
def test_lists_in_prose_are_not_headings(sentence):
    text = _read(pathlib.Path(__file__).parent / "texts" / "tabs.txt")
    body = "2025年，本机关坚持以公开为常态"
    assert body in text
    changed = text.replace(body, sentence + body, 1)
    headings = [(h.level, h.title) for h in parse(text).headings]
    assert [(h.level, h.title) for h in parse(changed).headings] == headings
    assert _findings(changed) == _findings(text)


@pytest.mark.parametrize(("line", "pieces"), [
    ("一、总体情况2022年，本局坚持以公开为常态。", ["一、总体情况", "2022年，本局坚持以公开为常态。"]),
    ("特编制此报告：一、总体情况2021年，我局…", ["特编制此报告：", "一、总体情况", "2021年，我局…"]),
    ("现将有关情况报告如下：二、主动公开政府信息情况", ["现将有关情况报告如下：", "二、主动公开政府信息情况"]),
    ("2024年度政府信息公开工作年度报告一、总体情况2024年", ["2024年度政府信息公开工作年度报告", "一、总体情况", "2024年"]),
    ("五、存在的主要问题及改进措施（一）存在问题", ["五、存在的主要问题及改进措施", "（一）存在问题"]),
    ("六、其他需要報告的事項本機關未收取信息處理費。", ["六、其他需要報告的事項", "本機關未收取信息處理費。"]),
    ("一、总体情况", ["一、总体情况"]),
    ("如下：一、主动公开情况良好", ["如下：一、主动公开情况良好"]),  # 一 is not 主动公开's numeral
    ("本报告包括：一、总体情况；二、主动公开政府信息情况", ["本报告包括：一、总体情况；二、主动公开政府信息情况"]),
    ("一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2", ["一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2"]),
    # entries of a table of contents: leader dots and a page number, or the number alone
    ("一、总体情况............1", ["一、总体情况............1"]),
    ("四、政府信息公开行政复议、行政诉讼情况……………… 4", ["四、政府信息公开行政复议、行政诉讼情况……………… 4"]),
    ("二、主动公开政府信息情况 2", ["二、主动公开政府信息情况 2"]),
    # a sentence naming a section in quotes
    ("具体见“三、收到和处理政府信息公开申请情况”：本年新收28件。", ["具体见“三、收到和处理政府信息公开申请情况”：本年新收28件。"]),
    ("详见《二、主动公开政府信息情况》部分", ["详见《二、主动公开政府信息情况》部分"]),
])
def test_heading_cuts(line, pieces):
    bounds = [0, *heading_cuts(line), len(line)]
    assert [line[a:b] for a, b in zip(bounds, bounds[1:])] == pieces


def test_a_table_flattened_into_a_short_line_is_read():
    """Table 二 (about 250 characters) or table 四 (about 150) on a line of its own, with
    the next sentence after it: read as on a page's one long line."""
    text = _read(pathlib.Path(__file__).parent / "texts" / "tabs.txt")
    lines = text.split("\n")
    t2 = [k for k, l in enumerate(lines) if l.startswith("第二十条")]
    first, last = t2[0], next(k for k in range(t2[-1] + 1, len(lines)) if lines[k].startswith("行政事业性收费"))
    # (Cells a blank apart: run together, 6132 may be 6|1|32 or 61|3|2, and the solver
    # rightly refuses to guess.)
    joined = " ".join(c for l in lines[first:last + 1] for c in l.split("\t")) + " （二）主动公开政府信息的主要类别：本年主动公开信息53条。"
    assert len(joined) < 300
    short = "\n".join(lines[:first] + [joined] + lines[last + 1:])
    assert _reading(short)["t2"] == _reading(text)["t2"]
    assert _findings(short) == _findings(text)


@pytest.mark.parametrize("path", sorted((pathlib.Path(__file__).parent / "texts").glob("*.txt")), ids=lambda p: p.name)
def test_a_table_on_lines_of_its_own_is_not_cut(path):
    """Table 四's header holds 结果维持 three times by itself (blank-separated layouts too):
    a line is cut as a flattened table only when more than the table stands on it."""
    from gplint.reader.flattened import lines_with_flattened_tables

    text = _read(path)
    if text.count("\n") < 20:
        pytest.skip("a page on one line: its tables are flattened")
    assert lines_with_flattened_tables(text) == []


def test_a_text_numbered_otherwise_is_not_cut():
    """More run-on headings than twice the six sections: numbered otherwise, none is cut
    (and a text repeating one thousands of times costs no more than before)."""
    from gplint.reader.run_on import MOST

    assert heading_cuts("特此报告：一、总体情况良好。" * MOST) != []
    assert heading_cuts("特此报告：一、总体情况良好。" * (MOST + 1)) == []
    many = parse("一、总体情况2021年，工作。\n" * (MOST + 1)).headings
    assert len(many) == MOST + 1 and all(h.title == "总体情况2021年，工作" for h in many)
    few = parse("一、总体情况2021年，工作。\n" * MOST).headings
    assert len(few) == MOST and all(h.title == "总体情况" for h in few)


def test_a_table_of_contents_lends_no_heading():
    """A report with a table of contents and section 四's heading left out: the contents'
    entry is no heading, so the heading is missing (S101), not out of order (S102)."""
    lines = ["某市某局2024年政府信息公开工作年度报告", "", "目录"]
    titles = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
              "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    lines += [f"{t}{'.' * 12}{n}" for n, t in enumerate(titles, 1)] + [""]
    for t in titles:
        if not t.startswith("四"):
            lines += [t, "正文。"]
    report = parse("\n".join(lines))
    assert "S4" not in report.sections
    assert all(s.line > 10 for s in report.sections.values())
