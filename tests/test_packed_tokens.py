"""Packed tokens (issue 16 item 8): a very long line, and each virtual line of a flattened
page, hold their tokens as a byte and a machine integer a token. They must read exactly as
the tuple of ``Tok`` the lexer gives (indexing, slices, iteration, equality), the reader
must cut a line the same from either, and what parse keeps of a long line must stay a
small multiple of the line."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gplint.grammar import SHAPE_MAX_TOKENS, Line, line_lexer, tokenise
from gplint.packed_tokens import PackedTokens
from gplint.reader import parse
from memory_peak import parse_peak_per_byte
from gplint.reader.lines import MAX_LINE_CELLS, _joined, split_line

ROOT = Path(__file__).parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt"))
sys.path.insert(0, str(ROOT / "robustness"))
from test_fuzz import PIECES  # noqa: E402


def _packed(text: str, start: int = 0, end=None) -> PackedTokens:
    packed = PackedTokens.lex(line_lexer().regex, text, start, end)
    assert packed is not None
    return packed


def _corpus_lines() -> list[Line]:
    return [line for p in TEXTS for line in tokenise(p.read_text(encoding="utf-8").replace("\r\n", "\n"))]


def test_packed_tokens_read_as_the_lexers_tuple_on_the_corpus():
    lines = _corpus_lines()
    assert len(lines) > 2000
    for line in lines:
        packed = _packed(line.text)
        toks = line.tokens
        assert packed == toks and tuple(packed) == toks and len(packed) == len(toks)
        if toks:
            assert packed[0] == toks[0] and packed[-1] == toks[-1] and packed[len(toks) // 2] == toks[len(toks) // 2]
            assert packed.joined() == line.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES[:-12]), min_size=1, max_size=300).map("".join), st.data())
def test_slices_offsets_and_retyping_agree_with_the_tuple(text, data):
    line = text.split("\n")[0]
    if not line:
        return
    toks = tokenise(line)[0].tokens
    packed = _packed(line)
    a = data.draw(st.integers(0, len(toks)))
    b = data.draw(st.integers(a, len(toks)))
    assert tuple(packed[a:b]) == toks[a:b] and packed[a:b] == toks[a:b]
    if b > a:
        assert _joined(packed[a:b]) == "".join(t.value for t in toks[a:b])
    with pytest.raises(IndexError):
        packed[len(toks)]  # noqa: B018 - the access is the test
    # A piece read alone keeps the columns of the whole line (a flattened page's virtual line).
    cut = data.draw(st.integers(0, len(line)))
    piece = line[cut:]
    if piece:
        alone = tokenise(piece)[0].tokens
        assert tuple(_packed(line, cut)) == tuple(t._replace(column=t.column + cut) for t in alone)
    retyped = packed.retyped("TAB", "BLANK")
    assert tuple(retyped) == tuple(t._replace(type="BLANK") if t.type == "TAB" else t for t in toks)
    assert packed.count(["NUMBER", "TAB"]) == sum(t.type in ("NUMBER", "TAB") for t in toks)


def test_a_gap_gives_none():
    """No terminal matches a line end: a text holding one has a gap."""
    assert PackedTokens.lex(line_lexer().regex, "一、总体\n情况") is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([p for p in PIECES if "\n" not in p and "\r" not in p and p not in
                                 ("\f", "\v", "\x1c", "\x85", "\u2028", "\u2029")]),
                min_size=1, max_size=700).map("".join))
def test_a_line_is_cut_the_same_from_packed_tokens(text):
    toks = tokenise(text)[0].tokens
    as_tuple = split_line(Line(3, text, toks))
    as_packed = split_line(Line(3, text, _packed(text)))
    assert as_packed == as_tuple


@pytest.mark.parametrize("name, text, bound", [
    # Before: 12.4x (every token an object), 165x (a cell object for each number), 158x, 48x.
    ("prose", "本机关全年主动公开政府信息123条，其中政策文件45件，回应关切6次。" * 2000, 4),
    ("blank-separated numbers", "1 22 " * 40_000, 15),
    ("pipes", "| 1 " * 50_000, 15),
    ("words and blanks", "公开 申请 " * 10_000, 10),
])
def test_what_parse_keeps_of_a_long_line_is_a_small_multiple_of_it(name, text, bound):
    assert len(text) > SHAPE_MAX_TOKENS
    assert parse_peak_per_byte(text) <= bound


def test_a_line_of_too_many_cells_is_read_as_text():
    text = "1 " * (MAX_LINE_CELLS + 1)
    info = split_line(Line(1, text, _packed(text)))
    assert [(c.kind, c.text) for c in info.cells] == [("label", text.strip())]
    shorter = "1 " * 300
    assert len(split_line(Line(1, shorter, _packed(shorter))).values) == 300


def test_a_flattened_page_reads_the_same_every_time_on_its_real_line():
    """Its model is read on virtual lines and mapped back in place (no copy of the model):
    nothing it shares with the memos or another report may move."""
    from gplint.dump import report_to_dict

    page = (ROOT / "corpus" / "crawled" / "czj-2025.txt").read_text(encoding="utf-8")
    other = (ROOT / "corpus" / "000_dcefddf45f2ae57e.txt").read_text(encoding="utf-8")
    first = report_to_dict(parse(page))
    report_to_dict(parse(other))
    again = parse(page)
    assert report_to_dict(again) == first
    lines = len(page.split("\n"))
    assert again.t3 is not None
    spans = [c.span for r in again.t3.rows.values() for c in r.cells if c.span]
    assert spans and all(1 <= s.line <= lines for s in spans)
