"""gplint.confidence: how sure each table's reading is (rows, flags, score), from the model."""
from __future__ import annotations

import gplint
from gplint.confidence import THRESHOLD, assess
from gplint.testing import EXAMPLE_T3, T3_ROW_LABELS, example_report

T4_ROW = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"


def fused_t3(overrides=None, short: bool = False) -> str:
    """The example report with every T3 row's digits run together after its label
    (``short``: one digit short, so that no row can be cut with certainty)."""
    grid = {k: EXAMPLE_T3.get(k, (0,) * 7) for k, _ in T3_ROW_LABELS}
    grid.update(overrides or {})
    rows = {k: label.split("\t")[-1] + " " + "".join(map(str, grid[k]))[: 6 if short else None]
            for k, label in T3_ROW_LABELS}
    return example_report(t3_rows=rows)


def test_clean_report_is_certain_everywhere():
    conf = assess(gplint.parse(example_report()))
    for table in ("t2", "t3", "t4"):
        c = conf[table]
        assert c.found and c.assessable and c.score == 1.0 and not c.unread, table
        assert all(r.certain for r in c.rows.values()), table
    assert len(conf["t3"].rows) == 25 and set(conf["t4"].rows) == {"review", "direct", "after_review"}


def test_computed_once_per_report():
    report = gplint.parse(example_report())
    assert assess(report) is assess(report)


def test_runs_the_reader_cuts_leave_the_table_certain():
    c = assess(gplint.parse(fused_t3()))["t3"]
    assert c.assessable and not c.misread_rows


def test_rows_run_together_make_the_table_unassessable():
    c = assess(gplint.parse(fused_t3(short=True)))["t3"]
    assert c.found and not c.assessable and c.score < THRESHOLD
    assert all(r.misread and "ambiguous-split" in r.flags for r in c.rows.values())
    assert c.unread >= set(c.rows) and not c.readable("R01")


def test_a_run_the_reader_cannot_cut_is_a_misread_row_the_rest_stays_checked():
    # "3 10 0 04": six digits for seven cells, the empty one could be in several places.
    text = example_report(t3_rows={"R01": "一、本年新收政府信息公开申请数量\t3\t10\t0\t04"})
    c = assess(gplint.parse(text))["t3"]
    assert c.assessable and c.misread_rows == ("R01",)
    assert "ambiguous-split" in c.rows["R01"].flags
    assert c.readable("R02") and not c.readable("R01")


def test_a_seven_digit_count_in_a_table_without_runs_is_a_digit_run():
    # A header without 总计 (six columns): runs are not cut, a 7-digit number stays one.
    text = example_report(t3_total_column=False, t3_rows={"R03": "（一）予以公开\t2000002"})
    c = assess(gplint.parse(text))["t3"]
    assert "R03" in c.misread_rows and c.rows["R03"].raw == "2000002"


def test_count_of_millions_is_implausible():
    c = assess(gplint.parse(example_report(t3={"R03.C1": 2000000})))["t3"]
    assert c.rows["R03"].flags == {"implausible"} and c.misread_rows == ("R03",)
    assert assess(gplint.parse(example_report(t3={"R03.C1": 999999})))["t3"].rows["R03"].certain


def test_short_row_is_unsure_not_misread():
    text = example_report(t3={"R17": (0, 0, 0, 0, 0, 0)})
    c = assess(gplint.parse(text))["t3"]
    row = c.rows["R17"]
    assert row.flags == {"too-few"} and not row.misread and c.readable("R17")
    assert c.assessable and c.score == (24 + 0.5) / 25


def test_zeros_written_as_dashes_are_blank_zeros():
    grid = {k: tuple("—" if v == 0 else v for v in EXAMPLE_T3.get(k, (0,) * 7)) for k, _ in T3_ROW_LABELS}
    c = assess(gplint.parse(example_report(t3=grid)))["t3"]
    assert c.blank_zeros and c.assessable
    assert all(r.flags <= {"blank"} for r in c.rows.values())
    # A table with a written zero does not leave its zeros blank.
    assert not assess(gplint.parse(example_report(t3={"R05.C1": "—", "R06.C2": "—", "R07.C3": "—",
                                                      "R08.C4": "—", "R09.C5": "—"})))["t3"].blank_zeros


def test_header_without_values_is_found_not_assessable():
    text = example_report(replace={T4_ROW: "本表数据另见附件"})
    c = assess(gplint.parse(text))["t4"]
    assert c.found and not c.assessable
    assert all(r.flags == {"no-values"} for r in c.rows.values())


def test_rows_labelled_without_a_value_anywhere_are_found_not_assessable():
    # Table 二 whose rows print their labels and no number (values lost or garbled): one
    # T190 says it could not be checked; before, half marks for "unsure" rows made it
    # assessable and nothing was said at all.
    text = example_report(replace={"规章\t0\t0\t0": "规章 abc xyz", "行政规范性文件\t1\t0\t5": "行政规范性文件 ？ ？ ？",
                                   "行政许可\t3": "行政许可 见附件", "行政处罚\t2": "行政处罚 见附件",
                                   "行政强制\t0": "行政强制 见附件", "行政事业性收费\t0": "行政事业性收费 见附件"})
    c = assess(gplint.parse(text))["t2"]
    assert c.found and c.rows and not c.assessable
    assert all(r.flags == {"no-values"} for r in c.rows.values())
    found = [d for d in gplint.lint_text(text) if d.code.startswith("T1") or d.code == "T190"]
    assert [d.code for d in found] == ["T190"]


def test_missing_table_is_not_found():
    conf = assess(gplint.parse(example_report(tables=("t2", "t3"))))
    assert not conf["t4"].found and conf["t4"].readable("review")


def test_t4_values_that_do_not_fill_its_cells_are_unplaced():
    text = example_report(replace={T4_ROW: T4_ROW[:-2]})
    c = assess(gplint.parse(text))["t4"]
    assert not c.assessable and all("unplaced" in r.flags for r in c.rows.values())


def test_reader_ambiguity_is_a_misread_row():
    # A T2 row whose digits split more than one way (the reader says so, leaves it unread).
    text = example_report(replace={"行政规范性文件\t1\t0\t5": "行政规范性文件6132"})
    report = gplint.parse(text)
    assert any(i.kind == "ambiguous-digit-split" for i in report.issues)
    c = assess(report)["t2"]
    assert c.misread_rows == ("norm",) and "ambiguous-split" in c.rows["norm"].flags and c.assessable


def _every_cell_between(text: str, mark: str) -> str:
    """Tables 二 and 三 with ``mark`` between every two cells of a row holding values (a
    separator the conversion wrote, "规章 / 0 / 0 / 0", which reads as a value written "/")."""
    out = []
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) > 1 and any(c.strip().isdigit() for c in cells):
            line = f"\t{mark}\t".join(cells)
        out.append(line)
    return "\n".join(out)


def test_most_rows_off_by_a_value_is_the_table_misread_not_an_error_a_row():
    from gplint.testing import lint_with

    text = _every_cell_between(example_report(), "/")
    assert "规章\t/\t0\t/\t0\t/\t0" in text
    conf = assess(gplint.parse(text))
    assert not conf["t2"].assessable and not conf["t3"].assessable
    codes = [d.code for d in lint_with(text, ["T", "A", "N"], profile="default")]
    assert "T103" not in codes and codes.count("T190") >= 2


def test_a_few_rows_off_by_a_value_are_the_reports_own_and_reported():
    from gplint.testing import lint_with

    text = example_report(t3_rows={"R03": "（一）予以公开\t1\t0\t0\t0\t0\t0\t1\t9"})
    assert assess(gplint.parse(text))["t3"].assessable
    assert "T103" in [d.code for d in lint_with(text, ["T"], profile="default")]


def test_every_row_a_value_short_is_still_checked():
    """Every row of table 三 without its 总计 cell (a column the layout lost): the other
    values are placed by the header and the identities still checked (A102 on a result
    group that does not add up), not one 'could not read' (T190)."""
    import re

    from gplint.testing import lint_with

    text = example_report().replace("（一）予以公开\t2\t0", "（一）予以公开\t3\t0")
    t3 = text[text.index("一、本年新收"):text.index("四、政府信息公开行政复议")]
    short = re.sub(r"\t[0-9]+\n", "\n", t3)
    assert short.count("\n") == t3.count("\n") and short != t3
    codes = [d.code for d in lint_with(text.replace(t3, short), ["T", "A"], profile="default")]
    assert "T190" not in codes and "A102" in codes


def test_a_row_read_down_a_column_stream_is_gathered_across_its_line_it_is_not():
    # pdftotext without -layout writes a table column by column: a row read so holds the
    # values of several rows, one a line. On the row's one line the cells are its own.
    from gplint.confidence.rows import row_confidence
    from gplint.model import Cell, Span

    def cells(lines):
        return tuple(Cell(0, "0", Span(line, 1 + 2 * k, line, 2 + 2 * k)) for k, line in enumerate(lines))

    down = row_confidence("R04", 90, cells(range(90, 104, 2)), 7, 14, [], True)
    across = row_confidence("R04", 90, cells([90] * 7), 7, 14, [], True)
    assert "gathered" in down.flags and down.misread
    assert "gathered" not in across.flags and "too-many" in across.flags and not across.misread
