"""The model as the reader builds it: plain dataclasses (slotted records, frozen tables and
report), each object exactly what its own constructor gives, every field set; a parsed
report compares, prints, copies and pickles by its values, prose quantities included.
(That rules never change it: tests/test_model_unchanged.py.)"""
from __future__ import annotations

import copy
import dataclasses
import pickle
from pathlib import Path

import pytest

from gplint.engine import LintOptions, lint_source
from gplint.model import Cell, ProsePiece, Quantity, Report, Span, Table3
from gplint.plugins import build_registry
from gplint.reader import parse
from gplint.sources import Source

ROOT = Path(__file__).parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "layouts" / "texts").glob("*.txt"))
SEED = ROOT / "corpus" / "001_98c801d9a8639466.txt"
PROSE = "一、总体情况\n本年度共收到政府信息公开申请12件，办结约10件。\n"


def _objects(o, seen):
    if id(o) in seen:
        return
    seen.add(id(o))
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        yield o
        for f in dataclasses.fields(o):
            yield from _objects(getattr(o, f.name), seen)
    elif isinstance(o, (list, tuple)):
        for x in o:
            yield from _objects(x, seen)
    elif isinstance(o, dict):
        for x in o.values():
            yield from _objects(x, seen)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_model_object_is_complete_and_equal_to_its_constructor(path):
    report = parse(path.read_text(encoding="utf-8", errors="replace"))
    kinds = set()
    for obj in _objects(report, set()):
        cls = type(obj)
        if cls.__module__ != "gplint.model" or cls is Report:
            continue
        names = [f.name for f in dataclasses.fields(cls)]
        unset = [n for n in names if not hasattr(obj, n)]  # an unset slot raises AttributeError
        assert not unset, (cls.__name__, unset)
        if hasattr(cls, "__slots__"):
            assert not hasattr(obj, "__dict__"), cls.__name__
        again = cls(**{f.name: getattr(obj, f.name) for f in dataclasses.fields(cls) if f.init})
        assert again == obj and repr(again) == repr(obj)
        try:
            h = hash(obj)
        except TypeError:  # holds a dict or list (tables): not hashable either way
            continue
        assert hash(again) == h
        kinds.add(cls.__name__)
    if report.t3 is not None:
        assert {"Cell", "Span", "Row"} <= kinds


def test_span_positions_are_made_valid():
    """Positions are 1-based and a span never ends before it begins: Span corrects them."""
    assert Span(0, 0, 0, 0) == Span(1, 1, 1, 1)
    assert Span(2, 4, 1, 1) == Span(2, 4, 2, 4)
    assert Span(5, 7, 5, 3) == Span(5, 7, 5, 7)
    assert Span(3) == Span(3, 1, 3, 1)


def test_records_are_slotted_and_hashable_tables_and_report_frozen():
    span = Span(3, 5, 3, 9)
    cell = Cell(7, "7", Span(4, 2, 4, 3))
    for obj in (span, cell, cell.span):
        assert not hasattr(obj, "__dict__")  # slotted: no attribute can be added
        with pytest.raises(AttributeError):
            obj.note = "added"  # type: ignore[attr-defined]
    # Equal records hash alike, as frozen dataclasses do: usable as keys and in sets.
    assert {span: 1}[Span(3, 5, 3, 9)] == 1
    assert len({cell, Cell(7, "7", Span(4, 2, 4, 3))}) == 1
    for obj in (Table3({}), Report(path=None, text="", lines=())):
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.span = span  # type: ignore[misc]
    assert dataclasses.replace(cell, value=8) == Cell(8, "7", Span(4, 2, 4, 3))
    # Results cross process boundaries (--jobs) with their spans, in every protocol.
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(cell, protocol)) == cell


def test_a_parsed_report_compares_prints_copies_and_pickles_by_value():
    text = SEED.read_text(encoding="utf-8")
    a, b = parse(text), parse(text)
    assert a == b and repr(a) == repr(b) and a is not b
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        shipped = pickle.loads(pickle.dumps(a, protocol))
        assert shipped == a and repr(shipped) == repr(a)
    assert copy.deepcopy(a) == a
    # Nothing but what the reader read: no memo or cache rides on the report.
    assert all(not f.name.startswith("_") for f in dataclasses.fields(Report))


def test_quantities_are_a_function_of_the_sentences():
    report = parse(PROSE)
    found = report.quantities
    assert report.quantities is found  # found once
    assert [(q.value, q.unit, q.approximate, q.span.line) for q in found] == [(12, "件", False, 2), (10, "件", True, 2)]
    assert found[0].clause == "本年度共收到政府信息公开申请12件"
    assert all(type(q) is Quantity for q in found)
    sentence = next(s for s in report.sentences if "12件" in s.text)
    assert found[0].span == sentence.span(sentence.text.index("12"), sentence.text.index("12") + 2)


def test_a_number_and_its_unit_split_by_a_wrap_are_one_quantity():
    wrapped = "一、总体情况\n" + "本年度我局认真贯彻落实条例规定，共收到政府信息公开申请1\n2件，均已按期办结答复。\n"
    found = parse(wrapped).quantities
    assert [(q.value, q.unit, q.span.line, q.span.column, q.span.end_line) for q in found] == [(12, "件", 2, 28, 3)]
    assert found[0].clause == "共收到政府信息公开申请12件"


def test_a_clause_does_not_run_on_from_a_short_line():
    text = ("示例局2024年政府信息公开工作年度报告\n本报告依据条例编制，统计期限为2024年1月1日至2024年12月31日。\n"
            "一、总体情况\n本年度我局认真贯彻落实条例规定，共收到政府信息公开申请12件。\n")
    title_year = parse(text).quantities[0]
    assert (title_year.value, title_year.unit, title_year.clause) == (2024, "年", "示例局2024年政府信息公开工作年度报告")


def test_a_linted_report_carries_its_quantities():
    text = SEED.read_text(encoding="utf-8")
    result = lint_source(Source("seed.txt", text), build_registry(), LintOptions(profile="strict"))
    assert result.report is not None
    assert result.report.quantities == parse(text).quantities and len(result.report.quantities) > 10


def test_a_report_made_by_hand_has_the_quantities_of_its_prose():
    assert Report(path=None, text="", lines=()).quantities == ()
    line = "全年收到申请3件。"
    report = Report(path=None, text=line, lines=(line,), prose=(ProsePiece(1, 1, line, False, "S1"),))
    assert [(q.value, q.unit, q.span, q.section) for q in report.quantities] == [(3, "件", Span(1, 7, 1, 8), "S1")]


def test_unread_quantities_compare_copy_and_pickle_as_found():
    text = SEED.read_text(encoding="utf-8")
    read, unread = parse(text), parse(text)
    assert len(read.quantities) > 10
    assert unread == read  # unread's quantities found to compare them
    for report in (parse(text), parse(text)):
        assert pickle.loads(pickle.dumps(report)).quantities == read.quantities
        assert copy.deepcopy(parse(text)).quantities == read.quantities


def test_table_cells_from_the_readers_cells():
    """gplint.reader.cells.to_cells: a table row's cells, ABSENT for a gap, a blank mark
    kept without a value, a position that is not valid as it stands corrected by Span."""
    from gplint.reader.cells import LCell
    from gplint.reader.cells import to_cells as _cells
    from gplint.model import ABSENT

    placed = [LCell("num", "3", 4, 2, 3, 3), None, LCell("blank", "—", 4, 5, 6), LCell("num", "1", 0, 0, 0, 1)]
    cells = _cells(placed)
    assert cells == (Cell(3, "3", Span(4, 2, 4, 3)), ABSENT, Cell(None, "—", Span(4, 5, 4, 6)),
                     Cell(1, "1", Span(0, 0, 0, 0)))
    assert all(type(c) is Cell and type(c.span) is Span for c in cells if c is not ABSENT)


def test_table_of_contents_leaders():
    """gplint.reader.sections._TOC_LEADER: the dot leaders that make a heading line a contents entry."""
    from gplint.reader.sections import _TOC_LEADER

    for text in ("一、总体情况……1", "一、总体情况…3", "一、总体情况....2", "一、总体情况····2", "一、总体情况．．．2"):
        assert _TOC_LEADER(text)
    for text in ("一、总体情况", "一、总体情况...", "一、总体情况··"):
        assert not _TOC_LEADER(text)


def test_cell_with_unit_keeps_the_number_and_the_unit():
    """A number written with its unit ("705件"): the number in raw, the unit in unit."""
    from gplint.reader.cells import LCell
    from gplint.reader.cells import to_cell

    assert to_cell(LCell("num", "705", 4, 2, 6, 705, unit="件")) == Cell(705, "705", Span(4, 2, 4, 6), "件")
    assert to_cell(LCell("num", "3", 4, 2, 3, 3)).unit == ""


_COUNT_KINDS = {"t2-row-too-many-values", "t2-row-too-few-values", "t3-row-too-many-values",
                "t3-row-too-few-values", "t4-value-count"}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_reader_issues_are_data(path):
    """An issue says what the reader found and what the format expects, in fields, never
    in a sentence a rule would have to take apart; the dump describes every one."""
    from gplint.dump import describe_issue

    report = parse(path.read_text(encoding="utf-8", errors="replace"))
    for issue in report.issues:
        assert issue.table in ("t2", "t3", "t4"), issue
        if issue.kind in _COUNT_KINDS:
            assert issue.found != issue.expected and issue.expected > 0, issue
            assert (issue.found > issue.expected) == issue.kind.endswith("too-many-values") or issue.kind == "t4-value-count"
        elif issue.kind.endswith("unplaced-values") or issue.kind == "ambiguous-digit-split":
            assert issue.values and all(isinstance(v, str) for v in issue.values), issue
        assert describe_issue(issue) != issue.kind


def test_every_other_form_reason_is_worded():
    """T190 words the reader's t3-other-form issue for each reason the reader gives."""
    from gplint.model import OTHER_FORM_REASONS, Issue
    from gplint.rules.tables.t190_unreadable_table import other_form

    for form in ("kv", "transposed", "column-parts"):
        for reason in OTHER_FORM_REASONS:
            issue = Issue("t3-other-form", Span(3), "t3", form, "一、本年新收政府信息公开申请数量",
                          found=5, expected=7, values=("C2", "C5"), reason=reason)
            text = other_form(issue)
            assert text.endswith("无法读取各单元格") and ("逐行书写" in text or "行列互换" in text or "分成上下几段" in text)
