"""Invisible characters (zero-width spaces, joiners, a BOM in mid-text, soft hyphens,
direction marks) are read as if absent, and findings point where the file has them.

Web pages leave them at the edges of cells and paragraphs; left in, a zero-width space
after a digit run made 「2.重复申请0 0 0 0 0 0​」 a label with one value (false T103, T105)
and one inside a label hid the row.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gplint import lint_text
from gplint.invisible import INVISIBLE, InvisibleMap, without_invisible
from gplint.model import Span

CORPUS = Path(__file__).parent / "corpus"
TEXTS = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "crawled").glob("*.txt"))


def _sprinkle(text: str, seed: int, rate: float = 0.02) -> tuple[str, dict[int, list[int]]]:
    """``text`` with invisible characters inserted at random, and for each line the
    columns (1-based, in the new text) where they went."""
    rng = random.Random(seed)
    lines_out, inserted = [], {}
    for number, line in enumerate(text.split("\n"), 1):
        out: list[str] = []
        for ch in line:
            if rng.random() < rate:
                out.append(rng.choice(INVISIBLE))
                inserted.setdefault(number, []).append(len(out))
            out.append(ch)
        lines_out.append("".join(out))
    return "\n".join(lines_out), inserted


def _where_now(line: int, column: int, inserted: dict[int, list[int]]) -> int:
    """The column in the sprinkled text of the character at ``column`` before."""
    out = column
    for position in inserted.get(line, ()):
        if position <= out:
            out += 1
    return out


def _findings(text: str) -> list:
    return sorted(lint_text(text, path="r.txt"), key=lambda d: (d.code, d.key, d.message, d.span.line))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_same_findings_at_the_same_characters(path):
    text = path.read_text(encoding="utf-8")
    sprinkled, inserted = _sprinkle(text, seed=len(text))
    assert sprinkled != text
    before, after = _findings(text), _findings(sprinkled)
    assert [(d.code, d.key, d.message) for d in after] == [(d.code, d.key, d.message) for d in before]
    for b, a in zip(before, after):
        assert (a.span.line, a.span.column) == (b.span.line, _where_now(b.span.line, b.span.column, inserted))


def test_messages_never_quote_them():
    text = (CORPUS / "crawled" / "czj-2025.txt").read_text(encoding="utf-8")
    sprinkled, _ = _sprinkle(text, seed=7, rate=0.05)
    assert not any(ch in d.message for d in lint_text(sprinkled) for ch in INVISIBLE)


def test_without_invisible_keeps_every_other_character():
    assert without_invisible("予以\u200b公开\ufeff 12\u00ad3\n") == "予以公开 123\n"
    text = "no invisible character"
    assert without_invisible(text) is text
    assert InvisibleMap.of(text) is None


def test_columns_are_mapped_back_to_the_file():
    m = InvisibleMap.of("ab\n\u200bc\u200b\u200bd\n")
    assert m is not None
    # Line 2 as read is "cd": c stood at column 2 of the file, d at 5; past d, 6.
    assert [m.column(2, c) for c in (1, 2, 3)] == [2, 5, 6]
    assert m.column(1, 2) == 2  # a line without them is untouched
    assert m.span(Span(2, 2, 2, 3)) == Span(2, 5, 2, 6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["予", "公", "1", " ", "|", "\t"]), st.booleans()), max_size=40))
def test_every_character_read_maps_to_itself(pieces):
    text = "".join(ch + ("\u200b" if add else "") for ch, add in pieces)
    read = without_invisible(text)
    m = InvisibleMap.of(text)
    for k, ch in enumerate(read, 1):
        column = m.column(1, k) if m else k
        assert text[column - 1] == ch


def test_dump_places_what_it_read_in_the_file(tmp_path, capsys):
    import json

    from gplint.cli import main

    text = (CORPUS / "001_98c801d9a8639466.txt").read_text(encoding="utf-8")
    sprinkled, inserted = _sprinkle(text, seed=3)
    outs = []
    for body in (text, sprinkled):
        path = tmp_path / "r.txt"
        path.write_text(body, encoding="utf-8")
        assert main(["dump", str(path)]) == 0
        outs.append(json.loads(capsys.readouterr().out))
    plain, read = outs
    assert read["t3"] == plain["t3"] and read["t2"] == plain["t2"]
    assert [(q["line"], q["column"]) for q in read["quantities"]] == [
        (q["line"], _where_now(q["line"], q["column"], inserted)) for q in plain["quantities"]]


def test_old_mac_line_ends_are_lines_for_the_map_too():
    # lint_text takes a text as given: with lone \r line ends the map must count them as
    # the reader does, or every column after the first line lands on the wrong line.
    text = (CORPUS / "crawled" / "gaj-2021.txt").read_text(encoding="utf-8")
    sprinkled, _ = _sprinkle(text, seed=11)
    as_lf = [(d.code, d.span.line, d.span.column) for d in lint_text(sprinkled)]
    as_cr = [(d.code, d.span.line, d.span.column) for d in lint_text(sprinkled.replace("\n", "\r"))]
    assert as_cr == as_lf and as_lf


# --------------------------------------------------------------------------- inline tags

_SPAN = '<span style="font-family:仿宋_GB2312">'


def _wrapped_in_spans(text: str) -> tuple[str, dict[int, list[int]]]:
    """Every cell of ``text``'s table rows (lines cut by tabs or pipes) wrapped in a <span>
    (as pandoc writes a CMS page's cells to markdown), and for each line the new text's
    columns of the tags. Prose lines are left as they are."""
    lines_out, inserted = [], {}
    for number, line in enumerate(text.split("\n"), 1):
        sep = "\t" if "\t" in line else "|" if "|" in line else None
        if sep is None:
            lines_out.append(line)
            continue
        out = ""
        for k, piece in enumerate(line.split(sep)):
            if k:
                out += sep
            if piece.strip():
                start = len(out)
                out += _SPAN + piece + "</span>"
                tags = list(range(start + 1, start + len(_SPAN) + 1)) + list(
                    range(len(out) - len("</span>") + 1, len(out) + 1))
                inserted.setdefault(number, []).extend(tags)
            else:
                out += piece
        lines_out.append(out)
    return "\n".join(lines_out), inserted


@pytest.mark.parametrize("path", TEXTS[:3], ids=lambda p: p.name)
def test_inline_tags_read_as_absent_and_findings_at_the_same_characters(path):
    # (Were: the tables not found, T101, every cell markup.)
    text = path.read_text(encoding="utf-8")
    wrapped, inserted = _wrapped_in_spans(text)
    before, after = _findings(text), _findings(wrapped)
    assert [(d.code, d.key, d.message) for d in after] == [(d.code, d.key, d.message) for d in before]
    for b, a in zip(before, after):
        column = b.span.column
        for position in sorted(inserted.get(b.span.line, ())):
            if position <= column:
                column += 1
        assert (a.span.line, a.span.column) == (b.span.line, column)


def test_only_inline_formatting_tags_of_table_rows_go():
    assert without_invisible('| <span style="x">规章</span> | <b>0</b><o:p></o:p> |') == "| 规章 | 0 |"
    text = "收到申请<2件的答复，<table>、<p>与<br>另行处理"
    assert without_invisible(text) is text
    prose = '本机关<span style="x">依法公开。'  # residue in prose: H101's, left for it to see
    assert without_invisible(prose) == prose
