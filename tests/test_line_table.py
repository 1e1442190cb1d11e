"""What the reader keeps of a report stays a small multiple of its bytes whatever the shape
of its lines (issue 16: "memory stays within a small multiple of the input for any line
shape"). A line costs a slot in the line table (one reading shared by every line of the
same text, :mod:`gplint.reader.line_memo`) and a prose piece a few array entries
(:class:`gplint.reader.prose.ProsePieces`), not an object each.
"""
from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from gplint.model import ProsePiece
from gplint.reader import parse

CORPUS = Path(__file__).parent / "corpus"
#: A report printed one cell a line (pdfminer: a blank line after every cell).
ONE_CELL_A_LINE = CORPUS / "kiro_hongze-2023_pdfminer.txt"


def _peak_per_byte(text: str) -> float:
    parse(text)  # first-use costs (memos, imports) paid before measuring
    tracemalloc.start()
    try:
        parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(text.encode())


def _grown(text: str, extra: str, size: int) -> str:
    """``text`` followed by ``extra`` as many times as makes it ``size`` bytes or more."""
    times = -(-(size - len(text.encode())) // len(extra.encode()))
    return text + extra * max(1, times)


def _short_lines(text: str) -> str:
    """The report's short lines (its table cells, its blank lines), in order."""
    return "\n" + "\n".join(line for line in text.split("\n") if len(line) < 12)


@pytest.mark.parametrize("shape", ["table duplicated one cell a line", "one number a line"])
def test_a_report_of_short_lines_costs_a_small_multiple_of_its_bytes(shape):
    # Before the line table: 58x and 60x (a LineInfo, its line number and a ProsePiece for
    # every line of a few bytes).
    report = ONE_CELL_A_LINE.read_text(encoding="utf-8")
    extra = _short_lines(report) if shape.startswith("table") else "".join(f"\n{k % 97}" for k in range(1000))
    text = _grown(report, extra, 100_000)
    assert len(text.encode()) >= 100_000
    assert _peak_per_byte(text) <= 20


def test_lines_of_the_same_text_share_one_reading_and_keep_their_own_numbers():
    text = ONE_CELL_A_LINE.read_text(encoding="utf-8")
    once, twice = parse(text), parse(text + "\n" + text)
    shift = len(text.split("\n"))
    assert [h.span.line + shift for h in once.headings] == [h.span.line for h in twice.headings][len(once.headings):]
    assert [h.text for h in once.headings] == [h.text for h in twice.headings][len(once.headings):]


def test_prose_pieces_read_like_a_tuple_of_pieces():
    from gplint.reader.prose import ProsePieces

    pieces = [ProsePiece(3, 1, "一、总体情况", True, "S1"), ProsePiece(4, 1, "本机关全年公开信息。", False, "S1"),
              ProsePiece(9, 5, "二、主动公开", True, "S2"), ProsePiece(10, 1, "无。", False, None)]
    compact = ProsePieces()
    for p in pieces:
        compact.append(p.line, p.column, p.text, p.heading, p.section)
    assert len(compact) == 4 and list(compact) == pieces and compact == tuple(pieces)
    assert compact[1] == pieces[1] and compact[-1] == pieces[-1] and compact[1:3] == tuple(pieces[1:3])
    assert list(compact.fields()) == [(p.line, p.column, p.text, p.heading, p.section) for p in pieces]
    assert compact != tuple(pieces[:3]) and hash(compact) == hash(compact)
    compact.renumber(lambda n: n + 100)
    assert [p.line for p in compact] == [103, 104, 109, 110]
    assert not ProsePieces() and ProsePieces() == ()


def test_the_runs_of_a_long_sentence_read_like_a_tuple_of_triples():
    from array import array

    from gplint.model import Sentence
    from gplint.reader.sentences import Runs, runs_of

    triples = [(k * 2, 10 + k, 1) for k in range(20)]
    flat = array("q", [x for t in triples for x in t])
    runs = runs_of(flat)
    assert isinstance(runs, Runs) and runs == tuple(triples) and list(runs) == triples
    assert len(runs) == 20 and runs[0] == triples[0] and runs[-1] == triples[-1] and runs[3:5] == tuple(triples[3:5])
    assert hash(runs) == hash(tuple(triples))
    text = "0" * 40
    compact, plain = Sentence(text, "S2", runs), Sentence(text, "S2", tuple(triples))
    assert compact == plain and hash(compact) == hash(plain)
    assert [compact.position(i) for i in range(40)] == [plain.position(i) for i in range(40)]
    assert compact.span(5, 31) == plain.span(5, 31) and compact.line == 10
    assert runs_of(array("q", [0, 3, 1])) == ((0, 3, 1),)  # a sentence of few runs keeps a tuple
