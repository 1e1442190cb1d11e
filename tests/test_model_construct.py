"""The builder makes model objects without their dataclass __init__ (model.make_span,
make_cell_at and the other constructors model.fast_constructor generates): each must be
exactly the object the normal constructor gives, with every field set. A field added to a
model class and forgotten at a fast call site fails here."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from gplint.reader import parse
from gplint.model import (Cell, Heading, Label, Quantity, Row, Section, Span, fast_constructor, make_cell_at, make_heading,
                          make_label, make_quantity, make_row, make_section, make_span)

ROOT = Path(__file__).parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "layouts" / "texts").glob("*.txt"))


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
        if not cls.__dataclass_params__.frozen or cls.__name__ == "Report":
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


def test_fast_constructors_match_the_classes():
    for args in [(1, 1, 1, 1), (3, 5, 3, 9), (0, 0, 0, 0), (2, 4, 1, 1), (5, 7, 5, 3), (-1, 2, 7, 0)]:
        assert make_span(*args) == Span(*args)
    assert make_cell_at(3, "3", 4, 2, 3) == Cell(3, "3", Span(4, 2, 4, 3))
    assert make_cell_at(None, "", 0, 0, 0) == Cell(None, "", Span(0, 0, 0, 0))
    label = make_label("合计", "R24", Span(2), False)
    assert label == Label("合计", "R24", Span(2))
    row = make_row("R01", None, (), 3, (), 0, None)
    assert row == Row("R01", None, (), 3)
    q = make_quantity(3, "件", Span(1), "3件", Span(1), None, "3", False)
    assert q == Quantity(3, "件", Span(1), "3件", Span(1), None, "3", False)
    h = make_heading(1, "一", 1, "总体情况", "一、总体情况", Span(4, 1, 4, 7), 0)
    assert h == Heading(1, "一", 1, "总体情况", "一、总体情况", Span(4, 1, 4, 7))
    sec = make_section("S1", h, "S1", True, 9, None)
    assert sec == Section("S1", h, "S1", True, 9) and sec.line == 4
    for obj in (label, row, q, h, sec):
        assert type(obj).__init__ is not None and not hasattr(obj, "__dict__")


def test_fast_constructor_takes_only_slotted_dataclasses():
    @dataclasses.dataclass(frozen=True)
    class WithDict:
        a: int

    with pytest.raises(TypeError, match="slots=True"):
        fast_constructor(WithDict)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        a: int
        b: str = "x"

    make_pair = fast_constructor(Pair)
    made = make_pair(1, "y")
    assert type(made) is Pair and made == Pair(1, "y") and hash(made) == hash(Pair(1, "y"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.a = 2
    with pytest.raises(TypeError):
        make_pair(1)  # every field, positionally: no defaults filled in


def test_fast_objects_are_true_frozen_model_objects():
    """make_span / make_cell_at fill a plain object and then make it a Span or Cell: the
    result must be exactly that class, frozen, and interchangeable with a normal one."""
    from gplint.model import make_cell

    span = make_span(3, 5, 3, 9)
    cell = make_cell_at(7, "7", 4, 2, 3)
    other = make_cell("8", "8", span, "")  # every field, positionally (unit last)
    for obj, cls in ((span, Span), (cell, Cell), (cell.span, Span), (other, Cell)):
        assert type(obj) is cls
        field = dataclasses.fields(cls)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, "changed")
        assert not hasattr(obj, "__dict__")  # slotted: no attribute can be added either
    assert {span: 1}[Span(3, 5, 3, 9)] == 1
    assert dataclasses.replace(cell, value=8) == Cell(8, "7", Span(4, 2, 4, 3))
    assert dataclasses.asdict(span) == dataclasses.asdict(Span(3, 5, 3, 9))
    import pickle
    assert pickle.loads(pickle.dumps(cell)) == cell
    # Results cross process boundaries (--jobs) with their spans, in every protocol.
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(cell, protocol)) == cell


def test_table_cells_built_inline_match_the_classes():
    """gplint.reader.region.to_cells makes a table row's cells without their __init__: the same cells, ABSENT
    for a gap, and a position that is not valid as it stands corrected as Span() corrects it."""
    from gplint.reader.cells import LCell
    from gplint.reader.region import to_cells as _cells
    from gplint.model import ABSENT

    placed = [LCell("num", "3", 4, 2, 3, 3), None, LCell("blank", "—", 4, 5, 6), LCell("num", "1", 0, 0, 0, 1)]
    cells = _cells(placed)
    assert cells == (Cell(3, "3", Span(4, 2, 4, 3)), ABSENT, Cell(None, "—", Span(4, 5, 4, 6)),
                     Cell(1, "1", Span(0, 0, 0, 0)))
    assert all(type(c) is Cell and type(c.span) is Span for c in cells if c is not ABSENT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cells[0].span.line = 9  # type: ignore[misc]


def test_table_of_contents_leaders():
    """gplint.reader.sections._TOC_LEADER: the dot leaders that make a heading line a contents entry."""
    from gplint.reader.sections import _TOC_LEADER

    for text in ("一、总体情况……1", "一、总体情况…3", "一、总体情况....2", "一、总体情况····2", "一、总体情况．．．2"):
        assert _TOC_LEADER(text)
    for text in ("一、总体情况", "一、总体情况...", "一、总体情况··"):
        assert not _TOC_LEADER(text)


def test_cell_with_unit_is_made_alike():
    """A number written with its unit ("705件"): make_cell_at gives the same Cell as the
    dataclass, the number in raw and the unit in unit."""
    fast = make_cell_at(705, "705", 4, 2, 6, "件")
    assert fast == Cell(705, "705", Span(4, 2, 4, 6), "件")
    assert fast.unit == "件" and make_cell_at(3, "3", 4, 2, 3).unit == ""
