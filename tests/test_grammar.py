"""The grammar describes a line's structure; Lark parses it; LineShaper makes the records.

Trees (Lark's own parse, ``line_tree``), the records the Transformer's plans give, that the
remembered plans never change a record, that the grammar is a conflict-free LALR(1) grammar,
and that ``gplint.grammar`` touches nothing private of Lark.
"""
from __future__ import annotations

import ast
import importlib
import logging
import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gplint import grammar
from gplint.grammar import (BlankLine, FooterLine, HeadingLine, LineCell, ProseLine, RowLine, Tok, line_tree,
                            read_record, read_records)

ROOT = pathlib.Path(__file__).parent


def _shape(tree) -> object:
    """A tree as nested (rule, children) with tokens as (type, value): easy to compare."""
    from lark import Tree

    if isinstance(tree, Tree):
        return (tree.data, [_shape(c) for c in tree.children])
    return (tree.type, str(tree))


# --------------------------------------------------------------------------- trees
def test_heading_tree():
    assert _shape(line_tree("**一、总体情况**")) == ("line", [("heading", [
        ("layout", [("STAR", "**")]),
        ("numbering", [("ENUM_TOP", "一、")]),
        ("words", [("TEXT", "总体情况")]),
        ("layout", [("STAR", "**")]),
    ])])


def test_pipe_row_tree():
    assert _shape(line_tree("| 1.属于国家秘密 | 0 |")) == ("pipe_row", [
        ("PIPE", "|"),
        ("heading", [("layout", [("BLANK", " ")]), ("numbering", [("ENUM_ITEM", "1.")]),
                     ("words", [("TEXT", "属于国家秘密")]), ("layout", [("BLANK", " ")])]),
        ("PIPE", "|"),
        ("text", [("layout", [("BLANK", " ")]), ("number", [("NUMBER", "0")]), ("layout", [("BLANK", " ")])]),
        ("PIPE", "|"),
    ])


def test_tab_row_tree():
    assert _shape(line_tree("行政许可\t12\t\t３")) == ("tab_row", [("tab_cells", [
        ("text", [("words", [("TEXT", "行政许可")])]),
        ("TAB", "\t"),
        ("text", [("number", [("NUMBER", "12")])]),
        ("TAB", "\t"),
        ("TAB", "\t"),
        ("text", [("number", [("NUMBER", "３")])]),
    ])])


def test_label_and_numbers_tree():
    assert _shape(line_tree("行政处罚  137  1,200")) == ("line", [("text", [
        ("words", [("TEXT", "行政处罚")]),
        ("layout", [("BLANK", "  ")]),
        ("number", [("NUMBER", "137")]),
        ("layout", [("BLANK", "  ")]),
        ("number", [("NUMBER", "1,200")]),
    ])])


def test_footer_tree():
    assert _shape(line_tree("— 3 —")) == ("line", [("text", [
        ("words", [("TEXT", "—")]),
        ("layout", [("BLANK", " ")]),
        ("number", [("NUMBER", "3")]),
        ("layout", [("BLANK", " ")]),
        ("words", [("TEXT", "—")]),
    ])])


def test_prose_tree():
    # Words with digits or Chinese numerals against them are one chunk of words.
    assert _shape(line_tree("本机关2024年收到申请十二件。")) == ("line", [("text", [
        ("words", [("TEXT", "本机关"), ("NUMBER", "2024"), ("TEXT", "年收到申请"), ("CN_NUMBER", "十二"),
                   ("TEXT", "件。")]),
    ])])


def test_blank_and_empty_trees():
    assert _shape(line_tree("")) == ("line", [])
    assert _shape(line_tree(" \u3000 ")) == ("line", [("blank", [("layout", [("BLANK", " \u3000 ")])])])


def test_whole_text_tree():
    tree = grammar.get_parser().parse("一、总体情况\n\n| 0 |", start="start")
    assert [c.data for c in tree.children] == ["line", "line", "pipe_row"]


# --------------------------------------------------------------------------- records
def test_heading_record():
    rec = read_record("（二）主动公开政府信息情况")
    assert isinstance(rec, HeadingLine)
    assert rec.numbering == Tok("ENUM_PAREN", "（二）", 1)
    assert rec.level == 2
    assert [t.value for t in rec.title] == ["主动公开政府信息情况"]
    assert read_record("第三部分：收到和处理").level == 1
    assert read_record("3. 属于四类过程性信息").level == 3
    assert read_record("一、").title == ()


def test_pipe_row_record():
    rec = read_record("| 行政许可 | 2448 |  |")
    assert isinstance(rec, RowLine) and rec.separator == "PIPE"
    assert [(c.kind, c.text) for c in rec.cells] == [
        ("empty", ""), ("label", "行政许可"), ("number", "2448"), ("blank", ""), ("empty", "")]
    assert rec.cells[2].tokens[1] == Tok("NUMBER", "2448", 10)
    # A tab inside a pipe cell is a blank of that cell, not a separator.
    assert [c.kind for c in read_record("|\t0\t| 1 2 |").cells] == ["empty", "number", "numbers", "empty"]


def test_tab_row_record():
    rec = read_record("1.属于国家秘密\t0\t\t3")
    assert isinstance(rec, RowLine) and rec.separator == "TAB"
    assert [(c.kind, c.text) for c in rec.cells] == [("label", "1.属于国家秘密"), ("number", "0"), ("empty", ""),
                                                    ("number", "3")]


def test_label_and_numbers_record():
    rec = read_record("一、本年新收政府信息公开申请数量 33 4 10")
    assert isinstance(rec, RowLine) and rec.separator == "BLANK"
    assert [(c.kind, c.text) for c in rec.cells] == [
        ("label", "一、本年新收政府信息公开申请数量"), ("number", "33"), ("number", "4"), ("number", "10")]
    # Numbers inside the label stay in it; numbers alone are a row of numbers.
    rec = read_record("本年新收 12 件 3")
    assert [(c.kind, c.text) for c in rec.cells] == [("label", "本年新收 12 件"), ("number", "3")]
    assert [c.kind for c in read_record("0 0 12").cells] == ["number"] * 3


def test_footer_record():
    for line, numbers in (("- 3 -", ["3"]), ("— 12 —", ["12"]), ("第 3 页", ["3"]), ("第3页 共5页", ["3", "5"]),
                          ("3/5", ["3", "5"]), ("3 / 5", ["3", "5"])):
        rec = read_record(line)
        assert isinstance(rec, FooterLine), line
        assert [t.value for t in rec.numbers] == numbers
    # Same shape, other words: prose, not a footer.
    assert isinstance(read_record("共 3 件"), ProseLine)
    assert isinstance(read_record("第 3 条"), ProseLine)
    assert not isinstance(read_record("1/2/3"), FooterLine)


def test_prose_record():
    rec = read_record("全年共收到申请48件，办结四十三件。")
    assert isinstance(rec, ProseLine)
    assert [(t.type, t.value) for t in rec.numbers] == [("NUMBER", "48"), ("CN_NUMBER", "四十三")]
    assert "".join(t.value for t in rec.tokens) == "全年共收到申请48件，办结四十三件。"


def test_blank_records():
    assert read_record("") == BlankLine(())
    assert isinstance(read_record("  ## "), BlankLine)


def test_read_records_of_a_text():
    recs = read_records("一、总体情况\n| 0 |\n\n- 1 -")
    assert [type(r) for r in recs] == [HeadingLine, RowLine, BlankLine, FooterLine]
    assert recs[1].cells[1] == LineCell("number", (Tok("BLANK", " ", 2), Tok("NUMBER", "0", 3), Tok("BLANK", " ", 4)))


# --------------------------------------------------------------------------- plans and memos
def _forget() -> None:
    reader = grammar._get_lexer()
    for memo in (reader.memo, reader.cells, reader.plans):
        memo.young.clear()
        memo.old = {}  # (the plans' old generation may be the shape cache's, read-only)


def test_lark_parses_each_new_shape_once(monkeypatch):
    """Lark parses a line whose token types were not seen before; a line of the same types
    takes the plan Lark made (an LALR parse sees token types only)."""
    _forget()
    reader = grammar._get_lexer()
    calls = []
    real = reader.parser.parse
    monkeypatch.setattr(reader.parser, "parse", lambda text, start=None: calls.append(text) or real(text, start=start))
    read_record("行政许可\t2448\t3")
    read_record("行政处罚\t137\t0")  # same types: TEXT TAB NUMBER TAB NUMBER
    read_record("行政处罚 137 0")  # other types
    assert calls == ["行政许可\t2448\t3", "行政处罚 137 0"]


def _corpus_lines() -> list[str]:
    from gplint.sources import read_path

    texts = [read_path(str(p)).text for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return sorted({ln for t in texts for ln in t.split("\n")})


def test_records_equal_lark_on_the_corpus():
    """Every distinct corpus line: the record from the remembered plans and the one-expression
    lexer equals the record from Lark's own lexer and a fresh parse."""
    reader = grammar._get_lexer()
    lines = _corpus_lines()
    assert len(lines) > 500
    for raw in lines:
        assert reader.read_record(raw) == reader._lark_record(raw), raw


_ALPHABET = list("0123456789０１２３４５６７８９.．,、（）()|｜#*\t \u3000\x0b\x0c\u2028"
                 "一二三四五六七八九十百千万零〇两件年元%：;abc报告总计申请第页共部分—-")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60), st.booleans())
def test_records_equal_lark_on_generated_lines(raw, cold):
    if cold:
        _forget()
    reader = grammar._get_lexer()
    assert reader.read_record(raw) == reader._lark_record(raw)
    assert reader.read_record(raw) == reader._lark_record(raw)  # now remembered


def test_long_lines_are_parsed_without_a_plan_memo():
    line = "本机关发布信息123条，" * 200  # far more tokens than SHAPE_MAX_TOKENS
    reader = grammar._get_lexer()
    before = len(reader.plans)
    rec = reader.read_record(line)
    assert isinstance(rec, ProseLine) and len(rec.numbers) == 200
    assert len(reader.plans) == before


# --------------------------------------------------------------------------- the grammar itself
def test_grammar_is_lalr1_without_conflicts(caplog):
    from lark import Lark, logger

    with open(grammar.grammar_path(), encoding="utf-8") as fh:
        text = fh.read()
    logger.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG, logger="lark"):
            Lark(text, parser="lalr", lexer="basic", start=["start", "line"], maybe_placeholders=False, debug=True)
    finally:
        logger.setLevel(logging.WARNING)
    assert not [r for r in caplog.records if "conflict" in r.getMessage().lower()]


def test_reader_is_usable():
    reader = grammar._get_lexer()
    assert reader.usable
    assert reader.separators == {"\t": "TAB", **dict.fromkeys(grammar.PIPE_CHARS, "PIPE")}
    assert {"|", "｜", "│", "┼", "├", "┤", "┌", "┘", "║", "╬"} <= set(reader.separators)


def test_pipe_chars_are_the_grammars_pipe_terminal():
    """grammar.PIPE_CHARS (what the cell-by-cell lexer and the rules take for a border) is
    exactly the box-drawing block's share of the grammar's PIPE terminal: its vertical lines
    and junctions; the horizontal lines (─ ━ ═) are text, the rule rows' cells."""
    from lark import Lark

    with open(grammar.grammar_path(), encoding="utf-8") as fh:
        parser = Lark(fh.read(), parser="lalr", lexer="basic", start=["start", "line"], maybe_placeholders=False)
    box = [chr(c) for c in range(0x2500, 0x2580)]
    pipes = {ch for ch in box + ["|", "｜"] if [t.type for t in parser.lex(ch)] == ["PIPE"]}
    assert pipes == set(grammar.PIPE_CHARS)
    for ch in "─━═┄╌":
        assert [t.type for t in parser.lex(ch * 3)] == ["TEXT"]


# --------------------------------------------------------------------------- Lark's public API only
@pytest.mark.parametrize("module", ["grammar", "lark_parser", "line_shaper", "line_records", "line_reader"])
def test_grammar_modules_use_no_private_lark_api(module):
    """gplint.grammar and the line modules it is made of import only what ``lark`` exports
    at its top level, and read no attribute whose name starts with an underscore except
    their own LineReader helpers."""
    import lark

    source = pathlib.Path(importlib.import_module(f"gplint.{module}").__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    own = {"_lex", "_by_cells", "_lark_record", "_parser", "_made_plan"}  # LineReader's own
    own.add("_replace")  # a NamedTuple's (the Lexicon)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "lark":
            assert node.module == "lark", f"line {node.lineno}: from {node.module} import …"
            for alias in node.names:
                assert alias.name in lark.__all__, f"line {node.lineno}: {alias.name} is not public"
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name == "lark" or not alias.name.startswith("lark"), f"line {node.lineno}: {alias.name}"
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            assert node.attr in own, f"line {node.lineno}: .{node.attr}"
    for name in ("BasicLexer", "LexerConf", "lexer_conf", "parser.lexer", "_mres", "scanner"):
        assert name not in source, name


def test_a_page_on_one_line_is_lexed_not_parsed_whole(monkeypatch):
    """read_line gives a flattened page's tokens without Lark parsing the whole page (the
    reader cuts it into virtual lines, each read with its record)."""
    reader = grammar._get_lexer()
    calls = []
    real = reader.parser.parse
    monkeypatch.setattr(reader.parser, "parse", lambda text, start=None: calls.append(text) or real(text, start=start))
    page = " ".join(f"行政许可 {i} 件" for i in range(200))
    toks = reader.read_line(page)
    assert "".join(t.value for t in toks) == page
    assert page not in calls
    assert tuple(toks) == reader._lark_record(page).tokens  # the same tokens Lark reads
