"""The memo of short lines (gplint.line_reader.LineMemo) changes speed, never results.

Short lines are remembered from one report to the next by the tokeniser and by the builder
(``split_lines``/``read_lines``, headings). Each test here would fail if a remembered reading leaked a
line number, a cell or a heading from one report into another.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from gplint import grammar
from gplint.reader import flattened
from gplint.reader import line_memo as lines
from gplint.reader import parse
from gplint.dump import report_to_dict
from gplint.grammar import LineMemo, tokenise

ROOT = Path(__file__).parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "layouts" / "texts").glob("*.txt"))

sys.path.insert(0, str(ROOT.parent / "bench"))
import synth  # noqa: E402


def _texts() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in TEXTS]
    out += [(f"synth{i}", synth.make_report(i)[0]) for i in range(8)]
    return out


def _forget() -> None:
    """Empty every memo: the next parse reads each line afresh."""
    reader = grammar._get_lexer()
    for memo in (reader.memo, reader.cells, reader.plans, lines._LINE_MEMO):
        memo.young.clear()
        memo.old = {}


def _dump(text: str) -> str:
    return json.dumps(report_to_dict(parse(text, path="x")), ensure_ascii=False, sort_keys=True, default=str)


def test_results_do_not_depend_on_what_was_read_before():
    texts = _texts()
    assert len(texts) > 20
    cold = {}
    for name, text in texts:
        _forget()
        cold[name] = _dump(text)
    _forget()
    for order in (texts, texts[::-1]):  # every line read before, in both orders
        for name, text in order:
            assert _dump(text) == cold[name], name


def test_remembered_lines_keep_their_own_line_numbers():
    _forget()
    a = parse("某局2024年政府信息公开工作年度报告\n\n一、总体情况\n行政复议\n")
    b = parse("\n\n\n\n\n某局2024年政府信息公开工作年度报告\n一、总体情况\n\n\n行政复议\n")
    assert [h.span.line for h in a.headings] == [3]
    assert [h.span.line for h in b.headings] == [7]
    lines_b = tokenise("x\n行政复议\n")
    assert lines_b[1].number == 2 and lines_b[1].tokens[0].column == 1


def test_a_remembered_reading_is_never_changed():
    """The line table shares a remembered reading between lines and reports (read-only).
    ``line_at`` gives a line at another number a view of the shared reading at its number
    (``seen_at``), whose cells, when asked for, carry it, made without changing the shared
    reading or its cells, so nothing reaches the next report."""
    _forget()
    row = "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"
    first = lines.split_lines(tokenise(row + "\n"))[0]
    memo_copy = lines._LINE_MEMO.get(row)
    assert memo_copy is first  # the table holds the remembered reading, shared
    remembered = [(c.line, c.value) for c in memo_copy.cells]
    table = lines.split_lines(tokenise("x\n" + row + "\n"))
    assert table[1] is memo_copy
    again = lines.line_at(table, 2)
    assert again is not memo_copy and again.number == 2
    assert again.shared is memo_copy and again.cells is memo_copy.cells  # nothing copied to read it
    placed = again.placed_cells  # the cells handed on with their place: made once, with its number
    assert all(a is b for a, b in zip(placed, again.placed_cells))
    assert [c.line for c in placed] == [2] * 8 and placed[1].value == 0
    assert not any(a is b for a, b in zip(placed, memo_copy.cells))
    assert again.placed_labels == [placed[0]] and again.placed_values == placed[1:]
    assert [(c.line, c.value) for c in memo_copy.cells] == remembered
    at_its_own_number = lines.line_at(lines.split_lines(tokenise(row + "\n")), 1)
    assert at_its_own_number is memo_copy and [c.line for c in at_its_own_number.placed_cells] == [1] * 8


def test_long_lines_are_not_remembered():
    _forget()
    long_line = "本机关" + "认真落实政府信息公开条例。" * 20
    tokenise(long_line + "\n短行\n")
    memo = grammar._get_lexer().memo
    assert memo.get("短行") is not None
    assert memo.get(long_line) is None


def test_memo_is_bounded_and_keeps_what_is_used():
    memo = LineMemo(size=10)
    for i in range(100):
        memo.put(f"line {i}", i)
        memo.get("label")  # a line every report has
        if i == 0:
            memo.put("label", "L")
    assert len(memo) <= 20
    assert memo.get("label") == "L"
    assert memo.get("line 0") is None  # aged out
    assert memo.get("line 99") == 99


@pytest.mark.parametrize("size", [1, 3])
def test_tiny_memos_still_give_the_same_results(monkeypatch, size):
    texts = _texts()[:6]
    want = {}
    for name, text in texts:
        _forget()
        want[name] = _dump(text)
    monkeypatch.setattr(lines, "_LINE_MEMO", LineMemo(size))
    monkeypatch.setattr(grammar._get_lexer(), "memo", LineMemo(size))
    for _ in range(2):
        for name, text in texts:
            assert _dump(text) == want[name], name


def test_a_repeated_fused_row_is_read_like_its_first_occurrence():
    """Digits run against a row label ("…出版物1010002") are one fused run, whether or not
    the same line was read earlier in the report: a copy of a reading keeps the ``fused``
    mark. (Before the copies kept it, the table's row read as a lone number.)"""
    from gplint.testing import example_report

    line = "3.要求提供公开出版物1010002"
    alone = example_report(t3_rows={"R18": line})
    twice = alone.replace("一、总体情况\n", "一、总体情况\n" + line + "\n", 1)
    assert twice.count(line) == 2
    for text in (alone, twice):
        _forget()
        report = parse(text)
        assert [c.value for c in report.t3.rows["R18"].cells] == [1, 0, 1, 0, 0, 0, 2]
        assert not report.issues


def _two_pass(text: str) -> list:
    """What the builder read before it had a one-pass reader: tokenise, then split (with
    every line's cells carrying its own number, as the table builders see them)."""
    table = lines.split_lines(tokenise(text))
    return [lines.line_at(table, n) for n in range(1, len(table) + 1)]


def test_one_pass_reading_equals_tokenise_then_split():
    """``parse`` reads lines in one pass (``_read_lines``): a line read before is copied
    without being tokenised again. Line for line it must equal tokenising every line and
    splitting the result, with the memo cold and warm, for repeated and long lines too."""
    from gplint.sources import normalise_newlines

    long_line = "本机关" + "认真落实政府信息公开条例，全年共收到申请12件。" * 15
    extra = [("repeats", "\n".join(["| 0 | 0 |", long_line, "| 0 | 0 |", long_line, "", "行政复议"] * 3))]
    texts = [(name, normalise_newlines(text)) for name, text in _texts() + extra]
    for warm in (False, True):
        for name, text in texts:
            if not warm:
                _forget()
            raws, table, long_lines = lines.read_lines(text)
            infos = [lines.line_at(table, n) for n in range(1, len(table) + 1)]
            assert all(c.line == i.number for i in infos for c in i.placed_cells), name
            if not warm:
                _forget()
            want = _two_pass(text)
            assert raws == text.split("\n"), name
            assert infos == want, name
            assert [(l.number, l.text, l.tokens) for l in long_lines] == \
                [(i.number, i.text, i.tokens) for i in want if len(i.text) >= flattened.SEGMENT_MIN], name
    assert any(len(l) >= flattened.SEGMENT_MIN for _, t in texts for l in t.split("\n"))


def test_one_pass_reading_shares_a_reading_and_hands_out_copies_with_their_own_numbers():
    _forget()
    row = "1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"
    _, table, _ = lines.read_lines(row + "\n" + row)
    assert len(table) == 2 and table[0] is table[1]  # one reading for both lines
    shared = list(table[1].cells)
    own = [lines.line_at(table, n) for n in (1, 2)]
    assert [i.number for i in own] == [1, 2]
    assert [c.line for c in own[1].placed_cells] == [2] * 8
    assert not any(a is b for a, b in zip(own[0].placed_cells, own[1].placed_cells))
    assert [c.line for c in table[1].cells] == [1] * 8  # the shared cells were not changed
    assert all(a is b for a, b in zip(shared, table[1].cells))
    if lines.MEMO_MAX_LINE >= len(row):  # (GPLINT_NO_LINE_MEMO=1 remembers nothing)
        memo_copy = lines._LINE_MEMO.get(row)
        assert memo_copy is table[0] and own[0] is memo_copy and own[1] is not memo_copy
        assert not any(a is b for a, b in zip(own[1].placed_cells, memo_copy.cells))


def test_table_cells_carry_their_own_line_numbers_when_their_lines_were_read_before():
    """A table row read before at another line number (in this report or an earlier one)
    shares that reading's cells; the table built from it must still point at its own line."""
    _forget()
    text = synth.make_report(3)[0]
    cold = parse(text)
    shifted = parse("\n\n\n" + text)  # every line remembered, three lines further down
    assert cold.t3 is not None and shifted.t3 is not None
    for key, row in cold.t3.rows.items():
        moved = shifted.t3.rows[key]
        assert [c.span.line + 3 for c in row.cells if c.span] == [c.span.line for c in moved.cells if c.span], key
        assert moved.line == row.line + 3
    assert [c.span.line + 3 for c in cold.t2.cells.values() if c.span] == \
        [c.span.line for c in shifted.t2.cells.values() if c.span]


def test_parse_falls_back_to_the_full_path_when_a_line_cannot_be_read(monkeypatch):
    """A grammar whose lexer cannot read some line alone sends the whole text through the
    two-pass path (``tokenise``, then ``_split_lines``): the report is the same, long
    flattened lines cut into virtual lines included."""
    plain = synth.make_report(3)[0]
    raw = plain.split("\n")
    k = len(raw) // 3
    flat = " ".join(raw[k:2 * k])  # a table flattened into one line, printed twice
    flat_text = "\n".join(raw[:k] + [flat, flat] + raw[2 * k:])
    cut = [l for l in tokenise(flat_text) if len(flattened.segments(l)) > 1]
    assert cut, "the flattened text must exercise the virtual-line branch"
    want = {}
    for text in (plain, flat_text):
        _forget()
        want[text] = _dump(text)

    class Refuses:
        def read_tokens_and_record(self, raw):
            return None

    monkeypatch.setattr(lines, "line_lexer", lambda: Refuses())
    for text in (plain, flat_text):
        _forget()
        assert lines.read_lines(text) is None
        assert _dump(text) == want[text]
