"""Every cell of the pinned layout texts (tests/layouts/texts/, written by make_texts.py
from corpus figures) reads back exactly, on the line it is written on."""
from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

import pytest

from gplint import parse
from gplint.dump import report_to_dict
from gplint.sources import decode

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from strategies import read_cells  # noqa: E402

TEXTS = HERE / "texts"
EXPECTED = json.loads((TEXTS / "cells.json").read_text(encoding="utf-8"))


def _splits(digits: str, parts: int) -> list[tuple[int, ...]]:
    """Every way to cut a digit run into ``parts`` numbers without leading zeros (brute force)."""
    out = []
    for cuts in combinations(range(1, len(digits)), parts - 1):
        bounds = (0,) + cuts + (len(digits),)
        pieces = [digits[a:b] for a, b in zip(bounds, bounds[1:])]
        if all(p == "0" or not p.startswith("0") for p in pieces):
            out.append(tuple(int(p) for p in pieces))
    return out


def _read(name: str):
    src = decode((TEXTS / name).read_bytes(), name)
    return src, parse(src.text, path=name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cells(name):
    exp = EXPECTED[name]
    src, report = _read(name)
    got = read_cells(report_to_dict(report))
    unsure = {i.key for i in report.issues if i.kind == "ambiguous-digit-split"}
    for key, want in exp["cells"].items():
        row = key.split(".")[1]
        if row in unsure:
            # Said so instead of guessing: the cell is left unread.
            assert got[key] is None, key
            continue
        assert got[key] == want, f"{name} {key}: got {got[key]!r}, written {want!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cell_lines(name):
    """Each cell's span is on the line the cell was written on."""
    exp = EXPECTED[name]
    src, report = _read(name)
    spans = {}
    for key, cell in (report.t2.cells.items() if report.t2 else ()):
        spans[f"t2.{key}"] = cell.span
    if report.t3:
        for r, row in report.t3.rows.items():
            for c, cell in zip(("C1", "C2", "C3", "C4", "C5", "C6", "C7"), row.cells):
                spans[f"t3.{r}.{c}"] = cell.span
    if report.t4:
        for (b, c), cell in report.t4.cells.items():
            spans[f"t4.{b}.{c}"] = cell.span
    for key, line in exp["lines"].items():
        if exp["cells"][key] is None and spans.get(key) is None:
            continue  # an empty cell that left no trace (a blank in a blank-separated row)
        span = spans.get(key)
        if span is None and key.split(".")[1] in {i.key for i in report.issues if i.kind == "ambiguous-digit-split"}:
            continue
        assert span is not None and span.line == line, f"{name} {key}: span {span}, written on line {line}"


def test_nosep_ambiguity_is_genuine():
    """In the flattened text a T2 row is flagged ambiguous exactly when its digit run can be
    cut into its cells in more than one way (T2 has no identity to decide)."""
    src, report = _read("nosep.txt")
    cells = EXPECTED["nosep.txt"]["cells"]
    flagged = {i.key for i in report.issues if i.kind == "ambiguous-digit-split" and i.table == "t2"}
    for row, keys in (("rules", ("rules.issued", "rules.repealed", "rules.in_force")),
                      ("norm", ("norm.issued", "norm.repealed", "norm.in_force"))):
        digits = "".join(str(cells[f"t2.{k}"]) for k in keys)
        assert (row in flagged) == (len(_splits(digits, 3)) > 1), (row, digits)


def test_same_report_every_encoding_and_line_end():
    base = report_to_dict(_read("tabs.txt")[1])
    for name in ("tabs-gb18030.txt", "tabs-utf16le-bom.txt", "tabs-utf16be-bom.txt", "tabs-utf8-bom-crlf.txt",
                 "tabs-cr.txt"):
        got = report_to_dict(_read(name)[1])
        for key in ("t2", "t3", "t4", "sections", "year", "issues"):
            assert got[key] == base[key], (name, key)
