"""Hygiene rules H101-H103 (strict): conversion residue, template placeholders, page chrome."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint.engine import LintOptions, lint_text
from gplint.testing import example_report, lint_with

CORPUS = Path(__file__).parent.parent / "corpus"


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def run(text, select, profile="strict"):
    return [d for d in lint_with(text, select, profile=profile) if not d.code.startswith("E")]


def add(sentence: str) -> str:
    return example_report().replace("（三）政府信息管理。", sentence + "\n（三）政府信息管理。")


def test_example_report_is_clean_for_hygiene_rules():
    assert run(example_report(), ["H"]) == []


def test_hygiene_is_strict_only():
    text = corpus("004_f66dd8460545a76a.txt")
    default = lint_text(text, config=LintOptions(profile="default"))
    assert not [d for d in default if d.category == "hygiene"]


def test_seed_004_bookmarks_in_text_and_in_a_table_cell():
    diags = run(corpus("004_f66dd8460545a76a.txt"), ["H101"])
    assert [(d.span.line, d.span.column) for d in diags] == [(8, 1), (367, 2)]
    assert "[bookmark: _GoBack]" in diags[0].message


@pytest.mark.parametrize("residue", ["[bookmark: _Hlk1]", "<br>", "<span style=\"x\">", "&nbsp;", "{{单位名称}}", "\ufffd"])
def test_residue_kinds(residue):
    assert len(run(add("本机关" + residue + "依法公开。"), ["H101"])) == 1


def test_a_line_break_inside_a_markdown_table_cell_is_no_residue():
    """pymupdf4llm and marker write a cell's wrapped line as <br> in a pipe row: the
    markdown's own line break, not the report's residue; in prose, or with other tags in
    the row, it is residue still."""
    rows = "| 规章 | 0 | 0 | 0 |\n| 行政规范性<br>文件 | 1 | 0<br/> | 5 |\n"
    text = example_report().replace("二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n" + rows, 1)
    assert rows in text
    assert run(text, ["H101"]) == []
    assert len(run(text.replace("| 1 | 0<br/>", "| 1 | 0&nbsp;"), ["H101"])) == 1
    assert len(run(add("本机关<br>依法公开。"), ["H101"])) == 1


def test_a_line_break_in_a_markdown_document_is_no_residue():
    """pymupdf4llm joins a page's lines with <br> on one line outside its tables: in a
    text that is markdown (a pipe table's delimiter row), that is its line break too."""
    joined = "2.申<br>请人<br>逾期 0 0 0 0 0 0 0<br>3.其他 0 0 0 0 0 0 0"
    text = add(joined)
    assert len(run(text, ["H101"])) == 3  # a plain text: residue
    markdown = text.replace("二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n| 信息内容 | 件数 |\n|---|---|\n", 1)
    assert run(markdown, ["H101"]) == []
    assert len(run(markdown.replace("2.申<br>", "2.申&nbsp;"), ["H101"])) == 1  # other residue still


@pytest.mark.parametrize("sentence, fires", [
    ("XX局持续推进政务公开。", True),
    ("20XX年持续推进政务公开。", True),
    ("××科负责信息发布。", True),
    ("某某同志负责信息发布。", True),
    ("依托OA系统和XML接口发布信息。", False),
    # A template's typesetting note left after a heading.
    ("（一）主动公开情况（宋体加粗小四号字）", True),
    ("（一）主动公开情况(黑体三号)", True),
    ("（一）主动公开情况（仿宋_GB2312，三号字）", True),
    ("开展“宋体字”书法进社区活动（三号展厅）。", False),
    ("在《人民日报》（海外版）刊登政策解读。", False),
])
def test_template_placeholders(sentence, fires):
    assert bool(run(add(sentence), ["H102"])) is fires


def test_seed_001_web_page_chrome():
    diags = run(corpus("001_98c801d9a8639466.txt"), ["H103"])
    assert [d.span.line for d in diags] == [3, 629]


def test_seeds_other_than_001_and_004_are_clean():
    for name in ("000_dcefddf45f2ae57e.txt", "002_bcc8f195f7d4f0d8.txt", "003_40d59da40b55d807.txt"):
        assert run(corpus(name), ["H"]) == [], name
