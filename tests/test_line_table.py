"""What the reader keeps of a report stays a small multiple of its bytes whatever the shape
of its lines (issue 16: "memory stays within a small multiple of the input for any line
shape"). A line costs a slot in the line table (one reading shared by every line of the
same text, :mod:`gplint.reader.line_memo`) and a prose piece a few array entries
(:class:`gplint.reader.prose.ProsePieces`), not an object each.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gplint.model import ProsePiece
from gplint.reader import parse
from memory_peak import parse_peak_per_byte

CORPUS = Path(__file__).parent / "corpus"
sys.path.insert(0, str(CORPUS.parent.parent / "bench"))
import synth  # noqa: E402  (bench/synth.py: the seeded report generator)
#: A report printed one cell a line (pdfminer: a blank line after every cell).
ONE_CELL_A_LINE = CORPUS / "kiro_hongze-2023_pdfminer.txt"


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
    assert parse_peak_per_byte(text) <= 20


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
    assert [p.line for p in compact] == [103, 104, 109, 110] and [p.column for p in compact] == [1, 1, 5, 1]
    # Columns on a virtual line are its own: moved by its offset in the real line.
    compact.renumber(lambda n: n, lambda n: 40 if n == 109 else 0)
    assert [p.line for p in compact] == [103, 104, 109, 110] and [p.column for p in compact] == [1, 1, 45, 1]
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


def _table_lines(report) -> list:
    """The line numbers of what the reader found: tables, headings, sections, cells."""
    out = [report.table_lines, [h.span.line for h in report.headings], [s.line for s in report.sections.values()]]
    if report.t2 is not None:
        out.append(sorted(c.span.line for c in report.t2.cells.values() if c.span))
    if report.t3 is not None:
        out.append([(k, [c.span.line for c in row.cells if c.span]) for k, row in sorted(report.t3.rows.items())])
    return out


def _shifted(lines: list, by: int) -> list:
    if isinstance(lines, int):
        return lines + by
    if isinstance(lines, str):
        return lines
    return [_shifted(x, by) for x in lines]


def _texts() -> list[tuple[str, str]]:
    """The corpus and layout texts, and generated reports with table 二's 第二十条 block
    lines left out (its anchor is then its header or first row)."""
    paths = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS.parent / "layouts" / "texts").glob("*.txt"))
    out = [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    for k in range(3):
        text = synth.make_report(k)[0]
        out.append((f"synth{k}-no-block-lines", "\n".join(l for l in text.split("\n") if "第二十条" not in l)))
    return out


@pytest.mark.parametrize("name, text", _texts(), ids=lambda x: x if len(x) < 60 else "")
def test_a_report_read_again_further_down_finds_everything_further_down(name, text):
    """Every line of the shifted text was read before at another number (the memo holds
    those readings): anchors, headings, sections and table cells must still be found at
    the line where they stand now, never at the number a shared reading was made for."""
    before = _table_lines(parse(text))
    after = _table_lines(parse("\n" * 7 + text))
    assert _shifted(after, 0) == _shifted(before, 7), name
