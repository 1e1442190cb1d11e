"""A row whose last values went on to the next line ("（一）予以公开 290 1 0 0" / "3 0 294")
is joined with that line only when the line holds values alone and exactly as many as the
row lacks (gplint.reader.region._RegionReader.continues_row)."""
from __future__ import annotations

from typing import Optional

from gplint.grammar import tokenise
from gplint.reader.lines import split_line
from gplint.reader.region import Vector, read_region

ROWS = {"予以公开": "R03", "部分公开": "R04", "属于国家秘密": "R06"}
ORDER = ["R03", "R04", "R06"]


def _match(text: str) -> Optional[str]:
    return next((key for words, key in ROWS.items() if words in text), None)


def _vectors(*lines: str) -> list[Vector]:
    infos = [split_line(line) for line in tokenise("\n".join(lines))]
    return read_region(infos, _match, lambda key: 7 if key in ORDER else 0, 7, ORDER).vectors


def _values(vector: Vector) -> list[str]:
    return [c.text for c in vector.values]


def test_values_continued_on_the_next_line_join_their_row():
    vectors = _vectors("（一）予以公开 290 1 0 0", "3 0 294", "（二）部分公开 99 0 0 0 2 0 101")
    assert [(v.key, _values(v)) for v in vectors] == [
        ("R03", ["290", "1", "0", "0", "3", "0", "294"]), ("R04", ["99", "0", "0", "0", "2", "0", "101"])]
    assert [c.line for c in vectors[0].values] == [1, 1, 1, 1, 2, 2, 2]  # each cell where it stands


def test_blank_marks_count_as_values_of_the_continuation():
    (vector,) = _vectors("1.属于国家秘密 0 — 0 0", "0 — 0")
    assert (vector.key, _values(vector)) == ("R06", ["0", "—", "0", "0", "0", "—", "0"])


def test_a_line_that_does_not_complete_the_row_exactly_stays_apart():
    for rest in ("3 0", "3 0 294 5"):
        vectors = _vectors("（一）予以公开 290 1 0 0", rest)
        assert _values(vectors[0]) == ["290", "1", "0", "0"], rest
        assert vectors[1].key is None and _values(vectors[1]) == rest.split()


def test_a_labelled_or_separated_line_is_no_continuation():
    labelled = _vectors("（一）予以公开 290 1 0 0", "（二）部分公开 3 0 294")
    assert [(v.key, len(v.values)) for v in labelled] == [("R03", 4), ("R04", 3)]
    tabs = _vectors("（一）予以公开\t290\t1\t0\t0", "3\t0\t294")
    assert _values(tabs[0]) == ["290", "1", "0", "0"]


def test_a_full_row_takes_no_continuation():
    vectors = _vectors("（一）予以公开 290 1 0 0 3 0 294", "3 0 294")
    assert len(vectors[0].values) == 7 and vectors[1].key is None
