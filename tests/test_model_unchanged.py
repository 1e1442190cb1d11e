"""Rules never change the model.

The model's small records (Span, Cell, Row, …) are plain slotted dataclasses, not frozen
ones (a frozen constructor is several times the cost, and the reader makes hundreds a
report): nothing stops an assignment to their fields. The promise that the model is
immutable once read is kept by this test instead. It runs every built-in rule, in each
built-in profile, over every text the project holds and a set of generated reports, and
checks that the report afterwards equals a deep copy taken before, object for object
(records compare field by field, tables and their dicts by value), and that the shared
blank cell is still blank.
"""
from __future__ import annotations

import copy
import dataclasses
import re
import sys
from pathlib import Path

import pytest

from gplint.engine import LintOptions, run_rules, select_rules
from gplint.model import ABSENT, Cell
from gplint.plugins import build_registry
from gplint.reader import parse
from gplint.sources import decode

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "bench"))
import synth  # noqa: E402  (bench/synth.py: the seeded report generator)

PROFILES = ("default", "strict")


def _texts() -> dict[str, str]:
    texts = {}
    for folder, pattern in ((HERE / "corpus", "*.txt"), (HERE / "corpus" / "crawled", "*.txt"),
                            (HERE / "layouts" / "texts", "*.txt"), (HERE / "formats", "*.md")):
        for path in sorted(folder.glob(pattern)):
            texts[f"{path.parent.name}/{path.name}"] = decode(path.read_bytes(), str(path)).text
    for seed in range(12):
        layout = synth.LAYOUTS[seed % len(synth.LAYOUTS)]
        text, _truth = synth.make_report(seed, layout, target_bytes=3000)
        texts[f"synth/{seed:02d}-{layout}"] = text
        # The same with a few numbers one more than written (generated reports add up),
        # so that the rules that report a broken identity run their reporting code too.
        numbers = list(re.finditer(r"(?<![\d.])\d{1,4}(?![\d.])", text))
        for m in reversed(numbers[len(numbers) // 2::max(1, len(numbers) // 5)]):
            text = text[:m.start()] + str(int(m.group()) + 1) + text[m.end():]
        texts[f"synth/{seed:02d}-{layout}-changed"] = text
    return texts


TEXTS = _texts()


def _differences(before, after, where: str = "report") -> list[str]:
    """Where two model trees differ (the first few places), for the failure message."""
    if type(before) is not type(after):
        return [f"{where}: {type(before).__name__} became {type(after).__name__}"]
    if dataclasses.is_dataclass(before):
        out = []
        for f in dataclasses.fields(before):
            out += _differences(getattr(before, f.name), getattr(after, f.name), f"{where}.{f.name}")
        return out
    if isinstance(before, dict):
        if before.keys() != after.keys():
            return [f"{where}: keys {sorted(before)} became {sorted(after)}"]
        return [d for k in before for d in _differences(before[k], after[k], f"{where}[{k!r}]")]
    if isinstance(before, (tuple, list)):
        if len(before) != len(after):
            return [f"{where}: {len(before)} items became {len(after)}"]
        return [d for i, (a, b) in enumerate(zip(before, after)) for d in _differences(a, b, f"{where}[{i}]")]
    return [] if before == after else [f"{where}: {before!r} became {after!r}"]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_no_rule_changes_the_model(name: str) -> None:
    registry = build_registry()
    report = parse(TEXTS[name], path=name)
    before = copy.deepcopy(report)  # (the quantities too: a copy finds them)
    assert before == report
    for profile in PROFILES:
        options = LintOptions(profile=profile)
        rules = select_rules(registry, options)
        assert len(rules) > 10
        run_rules(report, rules, options, name)
        changed = _differences(before, report)
        assert not changed, f"{profile} rules changed the model: " + "; ".join(changed[:5])
        assert report == before
    assert ABSENT == Cell() and ABSENT.span is None


def test_the_check_sees_a_change():
    """The comparison above finds an assignment to a record deep inside the model."""
    report = parse(TEXTS[sorted(TEXTS)[0]])
    before = copy.deepcopy(report)
    row = next(r for r in report.t3.rows.values() if r.cells[0].span is not None)
    row.cells[0].span.column += 1
    assert report != before
    assert _differences(before, report)
