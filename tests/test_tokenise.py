"""The line reader must give exactly the tokens of Lark's own lexer and LALR parse."""
from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gplint.grammar import PIPE_CHARS, Line, Tok, _get_lexer, tokenise, tokenise_lark

CORPUS = pathlib.Path(__file__).parent / "corpus"


def _texts():
    from gplint.sources import read_path

    return [read_path(str(p)).text for p in sorted(CORPUS.glob("*.txt"))]


def test_grammar_path_is_the_packaged_grammar():
    from importlib import resources

    from gplint.grammar import grammar_path

    packaged = resources.files("gplint.grammar_files").joinpath("report.lark")
    assert pathlib.Path(grammar_path()).samefile(str(packaged))


def test_fast_path_is_in_use():
    # If a grammar change disables the shortcut, performance silently drops tenfold.
    assert _get_lexer().usable


@pytest.mark.parametrize("index", range(len(list(CORPUS.glob("*.txt")))))
def test_corpus_same_as_lark(index):
    text = _texts()[index]
    assert tokenise(text) == tokenise_lark(text)


# Characters that exercise every terminal and the boundaries between them.
_ALPHABET = list("0123456789０１２３４５６７８９.．,、（）()|｜#*\t \u3000\x0b\x0c\u2028\n"
                  "一二三四五六七八九十百千万零〇两件年元%：;abc报告总计申请")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=200))
def test_generated_text_same_as_lark(text):
    assert tokenise(text) == tokenise_lark(text)


def test_line_model():
    lines = tokenise("一、总体情况\n| 0 | 12 |\n\n| 0 | 12 |")
    assert [ln.number for ln in lines] == [1, 2, 3, 4]
    assert lines[0].tokens[0] == Tok("ENUM_TOP", "一、", 1)
    assert lines[1].tokens == lines[3].tokens
    assert lines[2] == Line(3, "", ())
    nums = [t for t in lines[1].tokens if t.type == "NUMBER"]
    assert [(t.value, t.column, t.end_column) for t in nums] == [("0", 3, 4), ("12", 7, 9)]


def test_lines_with_separators_are_read_cell_by_cell():
    # Tabs and pipes are tokens of their own that no other terminal spans: a table row is
    # read cell by cell (cells from the memo). A grammar change that breaks this turns it off.
    # (PIPE covers the bars and a box-drawing table's borders: grammar.PIPE_CHARS.)
    assert _get_lexer().separators == {"\t": "TAB", **dict.fromkeys(PIPE_CHARS, "PIPE")}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=12), min_size=1, max_size=8),
       st.sampled_from(["\t", "|", "｜", " | ", "│", "┼", " ┃ "]), st.booleans())
def test_rows_read_cell_by_cell_same_as_lark(cells, sep, cold):
    text = sep.join(cells)
    reader = _get_lexer()
    if cold:  # nothing remembered: every cell read afresh; else cells may come from the memo
        for memo in (reader.memo, reader.cells, reader.plans):
            memo.young.clear()
            memo.old = {}
    assert tokenise(text) == tokenise_lark(text)
    assert tokenise(text) == tokenise_lark(text)  # now every cell is remembered
