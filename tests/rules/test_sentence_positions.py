"""Prose sentences know where each of their characters stands in the source.

``Sentence`` keeps one (offset, line, column) per run of characters rather than a position
per character; these tests check every character of every sentence of real and generated
reports against the source text, so a finding's span always covers the words it quotes.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gplint.reader import parse
from gplint.rules.narrative._prose import sentences

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT.parent / "bench"))
import synth  # noqa: E402

TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "layouts" / "texts").glob("*.txt"))


def _check(text: str) -> int:
    report = parse(text)
    checked = 0
    for s in sentences(report):
        for i, ch in enumerate(s.text):
            line, column = s.position(i)
            src = report.lines[line - 1][column - 1]
            # Tabs and a BOM read as spaces inside a sentence.
            assert src == ch or (ch == " " and src in "\t\ufeff"), (s.text, i, line, column)
            checked += 1
        span = s.span()
        assert (span.line, span.column) == s.position(0)
        assert (span.end_line, span.end_column - 1) == s.position(len(s.text) - 1)
    return checked


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_character_of_every_sentence_is_where_the_source_has_it(path):
    # (A page flattened into one table line has no prose at all: nothing to check there.)
    _check(path.read_text(encoding="utf-8", errors="replace"))


def test_the_corpus_has_prose_to_check():
    assert sum(_check(p.read_text(encoding="utf-8", errors="replace")) for p in TEXTS) > 20000


def test_generated_reports():
    assert sum(_check(synth.make_report(i)[0]) for i in range(5)) > 1000


_PIECE = st.sampled_from(["全年共收到申请", "12", "件", "。", "，", " ", "\t", "（一）", "其中", "！", "？", "  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_PIECE, max_size=12).map("".join), min_size=1, max_size=8))
def test_sentences_broken_over_lines_and_blanks(lines):
    # Prose wrapped anywhere, with blank lines and leading blanks: PDF text.
    text = "某局2024年政府信息公开工作年度报告\n一、总体情况\n" + "\n".join(lines) + "\n"
    _check(text)


def test_a_sentence_over_three_lines_spans_them():
    report = parse("某局2024年政府信息公开工作年度报告\n一、总体情况\n  全年共收到\n\n申请 12\n 件。其后\n")
    s = next(s for s in sentences(report) if s.text.startswith("全年"))
    assert s.text.replace(" ", "") == "全年共收到申请12件。"
    span = s.span()
    assert (span.line, span.column, span.end_line, span.end_column) == (3, 3, 6, 4)
    k = s.text.index("12")
    assert s.span(k, k + 2).line == 5


@pytest.mark.parametrize("spans", [(), ((2, 3),), ((5, 9), (1, 2)), ((2, 6), (4, 5), (5, 8)), ((4, 3), (7, 7)), ((9, 40),)])
def test_lines_outside_tables_are_the_lines_not_in_a_table(spans):
    # Unsorted, nested, overlapping, empty and overlong spans: the same lines as in_table.
    import dataclasses

    from gplint.reader.sentences import _lines_outside_tables

    report = dataclasses.replace(parse("\n".join(f"第{i}行" for i in range(1, 11)) + "\n"), table_lines=spans)
    expected = [(n, t) for n, t in enumerate(report.lines, 1) if not report.in_table(n)]
    assert list(_lines_outside_tables(report)) == expected


def test_flattened_page_prose_is_read_with_true_positions_and_sections():
    """A crawled page with the body on one line: its prose is cut into sentences with their
    true line:column and section, and a contradiction in it is found where it is written."""
    from pathlib import Path

    from gplint import lint_text
    from gplint.rules.narrative._prose import sentences

    text = (Path(__file__).parent.parent / "corpus" / "crawled" / "czj-2025.txt").read_text(encoding="utf-8")
    report = parse(text)
    line10 = text.split("\n")[9]
    by_section = {}
    for s in sentences(report):
        span = s.span()
        assert text.split("\n")[span.line - 1][span.column - 1:].startswith(s.text[:10])
        by_section.setdefault(s.section, []).append(s)
    assert set(by_section) >= {"S1", "S2", "S5", "S6"}
    assert any("信息处理费" in s.text for s in by_section["S6"])
    wrong = text.replace("政府信息公开申请件2件", "政府信息公开申请件3件")
    found = [d for d in lint_text(wrong) if d.code == "N101"]
    start = line10.index("2025年我局共收到政府网站上") + 1   # the sentence saying it
    number = line10.index("政府信息公开申请件2件") + len("政府信息公开申请件") + 1
    assert [(d.span.line, start <= d.span.column <= number) for d in found] == [(10, True)]


@pytest.mark.parametrize("heading_line, title", [
    ("（二）依申请公开情况。2024年，我局共收到政府信息公开", "（二）依申请公开情况。"),
    ("（二）依申请公开情况：2024年，我局共收到政府信息公开", "（二）依申请公开情况："),
])
def test_a_sentence_begun_on_a_sub_heading_line_runs_on_across_the_wrap(heading_line, title):
    """The text after a sub-heading's own 。 or colon is prose: it runs on to the next line,
    and a count split from its unit by the wrap (2 / 7件) is read whole."""
    from gplint.testing import example_report

    slot = "（二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。"
    text = example_report(replace={slot: heading_line + "\n申请2\n7件，办结4件。"})
    report = parse(text)
    line = text.split("\n").index(heading_line) + 1
    got = [s for s in report.sentences if s.line == line]
    assert [s.text for s in got] == [title, "2024年，我局共收到政府信息公开申请27件，办结4件。"]
    s = got[1]
    assert s.position(0) == (line, len(title) + 1)
    k = s.text.index("27件")
    assert (s.position(k), s.position(k + 1)) == ((line + 1, 3), (line + 2, 1))
    from gplint import lint_text
    found = [(d.code, d.span.line, d.span.column) for d in lint_text(text) if d.code == "N101"]
    assert found == [("N101", line + 1, 3)]  # 27 against table 三's 4


@pytest.mark.parametrize("after, before", [("  ", ""), ("\t", ""), (" ", "    "), ("", "\u3000\u3000"), ("\u3000", " ")])
def test_a_wrapped_sentence_has_no_blank_where_the_line_broke(after, before):
    # Blanks a line carries after its last character, and the indent of the line a sentence
    # runs on to, are layout: 转下一 / 年度办理答复的有 1 件 is one phrase, read as carried
    # over (not as 1 application answered).
    text = f"三、收到和处理政府信息公开申请情况{after}\n{before}本年度共收到申请 5 件，转下一{after}\n{before}年度办理答复的有 1 件。{after}\n"
    report = parse(text)
    (sentence,) = [s for s in sentences(report) if "转下一" in s.text]
    assert sentence.text == "本年度共收到申请 5 件，转下一年度办理答复的有 1 件。"
    _check(text)


def test_a_blank_between_latin_words_survives_the_wrap():
    report = parse("三、收到和处理政府信息公开申请情况\n通过门户网站 \n  PDF 文件公开。\n")
    assert any("通过门户网站PDF 文件公开。" == s.text for s in sentences(report))
    report = parse("三、收到和处理政府信息公开申请情况\n网站版本为 V2 \nbeta 版。\n")
    assert any("网站版本为 V2 beta 版。" == s.text for s in sentences(report))


def test_an_indent_between_two_numbers_stays_a_blank():
    # 申请2 / 　7件: a wrap with an indent between two digits is not one number (27).
    for text in ("三、收到和处理政府信息公开申请情况\n全年收到申请2\n  7件。\n", "三、收到和处理政府信息公开申请情况\n版本为 V2\n  beta 版。\n"):
        report = parse(text)
        joined = [s.text for s in sentences(report) if "全年" in s.text or "版本" in s.text]
        assert joined in (["全年收到申请2 7件。"], ["版本为 V2 beta 版。"]), joined
        _check(text)


def test_a_blank_between_chinese_characters_is_no_part_of_the_sentence():
    """A tool that joins a paragraph's wrapped lines with a blank (pymupdf4llm) leaves one
    inside words (结转下 年度): the sentence reads without it, each character where the
    source has it; blanks beside digits stay."""
    text = "某局2024年政府信息公开工作年度报告\n一、总体情况\n全年办结4件，结转下 年度继续办理 1 件，其 中网上申请3件。\n"
    _check(text)
    s = next(s for s in sentences(parse(text)) if s.text.startswith("全年"))
    assert s.text == "全年办结4件，结转下年度继续办理 1 件，其中网上申请3件。"
    k = s.text.index("年度继续")
    assert s.position(k) == (3, text.split("\n")[2].index("年度继续") + 1)


def test_a_count_after_words_a_blank_cut_is_read_as_the_words_say():
    from gplint import lint_text
    from gplint.testing import example_report

    slot = "（二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。"
    said = "（二）依申请公开。本机关共收到政府信息公开申请4件，上年结转1件，办结4件，结转下 年度继续办理{}件。"
    assert [d.code for d in lint_text(example_report(replace={slot: said.format(1)})) if d.code[0] == "N"] == []
    found = [d for d in lint_text(example_report(replace={slot: said.format(2)})) if d.code == "N101"]
    assert [d.key for d in found] == ["t3.R25.C7"]
