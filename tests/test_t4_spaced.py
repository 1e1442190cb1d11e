"""Table 四's fifteen numbers on one line cut only by blanks, fewer numbers than cells.

A page that lost some blanks between cells prints ``1980 0 2718 15 10 17600 19013 32`` for
19|8|0|0|27 18|15|10|17|60 0|19|0|13|32: each printed number is one or several cells. The
reader cuts the digits so that every printed boundary stays and each block's 总计 is the
sum of its four cells; when no such cut is unique, or the numbers cannot fill fifteen
cells, no number is placed by its order alone (the table is there, its cells unknown).
"""
from __future__ import annotations

import gplint
from gplint.example import example_report
from gplint.model import T4_BLOCKS, T4_COLS

T4_LINE = "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10)


def _with_t4_values(line: str) -> str:
    text = example_report()
    assert T4_LINE in text
    return text.replace(T4_LINE, line)


def _cells(report) -> list:
    return [report.t4.cells.get((b, c)).value if (b, c) in report.t4.cells else None
            for b in T4_BLOCKS for c in T4_COLS]


def test_runs_cut_by_block_totals_keeping_printed_boundaries():
    report = gplint.parse(_with_t4_values("1980\u00a0 0\u00a0 2718\u00a0 15 10 17600 19013\u00a0 32"))
    assert _cells(report) == [19, 8, 0, 0, 27, 18, 15, 10, 17, 60, 0, 19, 0, 13, 32]
    assert not [i for i in report.issues if i.table == "t4"]


def test_unfillable_short_row_places_nothing_and_says_so():
    # Twelve numbers for fifteen cells: three empty cells dropped, which ones is unknown.
    report = gplint.parse(_with_t4_values("1 0 0 1 2 0 0 2 1 1 3 5"))
    assert report.t4 is not None  # the table is found ...
    assert all(v is None for v in _cells(report))  # ... but no cell is guessed
    assert [i.kind for i in report.issues if i.table == "t4"] == ["t4-value-count"]
    codes = [d.code for d in gplint.lint_text(_with_t4_values("1 0 0 1 2 0 0 2 1 1 3 5"))
             if d.category in ("arithmetic", "table")]
    assert "A105" not in codes and "T190" in codes, codes


def test_ambiguous_cut_is_not_guessed():
    # Four cuts keep these boundaries and every block total (11|0|1|0|12 or 1|10|1|0|12 …):
    # the table is unread.
    report = gplint.parse(_with_t4_values("11010 123311012 02311 12010 42"))
    assert all(v is None for v in _cells(report))
    assert any(i.kind == "ambiguous-digit-split" and i.table == "t4" for i in report.issues)


def test_fifteen_numbers_cut_by_blanks_are_read_as_printed():
    report = gplint.parse(_with_t4_values("1 0 0 0 1 0 0 0 0 0 0 2 0 0 2"))
    assert _cells(report) == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2]


def test_values_on_the_header_line_with_lost_blanks_are_read():
    """A crawled page puts the header words and the values on one line, and lost the
    blanks between some cells: seven numbers for fifteen cells."""
    header = "结果维持 结果纠正 其他结果 尚未审结 总计 " * 3
    text = example_report().replace("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n" + T4_LINE,
                                    header + "10030 0 400 21 12033 214 29045")
    report = gplint.parse(text)
    assert _cells(report) == [10, 0, 30, 0, 40, 0, 21, 12, 0, 33, 2, 14, 29, 0, 45]
