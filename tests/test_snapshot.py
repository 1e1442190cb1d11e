"""Golden snapshot: what gplint reads and finds over every text the project holds.

One JSON file a text under ``tests/snapshots/``: the ``gplint dump`` model, the reader's
issues, and the default and strict findings (line:column, code, message). A change to the
reader or a rule that moves any of it fails here until the snapshot is written again:

    GPLINT_UPDATE_SNAPSHOT=1 python -m pytest tests/test_snapshot.py

and the ``git diff tests/snapshots`` of that update goes into the commit, so every change
that moves what gplint reads or says shows it, and each difference can be named.

Inputs: the corpus (seeds, peer fixtures, crawled pages), the layout texts, the 2019-format
text, and a fixed set of generated reports (``bench/synth.py``, seeds 0-11, every layout).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from gplint import parse
from gplint.dump import describe_issue, report_to_dict
from gplint.engine import LintOptions, lint_text
from gplint.sources import decode

HERE = Path(__file__).parent
SNAPSHOTS = HERE / "snapshots"
UPDATE = os.environ.get("GPLINT_UPDATE_SNAPSHOT") == "1"

sys.path.insert(0, str(HERE.parent / "bench"))
import synth  # noqa: E402  (bench/synth.py: the seeded report generator)


def _inputs() -> dict[str, str]:
    texts: dict[str, str] = {}
    for folder, pattern in ((HERE / "corpus", "*.txt"), (HERE / "corpus" / "crawled", "*.txt"),
                            (HERE / "layouts" / "texts", "*.txt"), (HERE / "formats", "*.md")):
        for path in sorted(folder.glob(pattern)):
            name = f"{path.parent.name}__{path.stem}"
            texts[name] = decode(path.read_bytes(), str(path)).text  # GB18030 and UTF-16 too
    for seed in range(12):
        layout = synth.LAYOUTS[seed % len(synth.LAYOUTS)]
        text, _truth = synth.make_report(seed, layout, target_bytes=3000)
        texts[f"synth__{seed:02d}-{layout}"] = text
    return texts


INPUTS = _inputs()


def _finding(d) -> str:
    return f"{d.span.line}:{d.span.column} {d.severity} {d.code} {d.message}"


def snapshot_of(name: str, text: str) -> dict:
    report = parse(text, path=name)
    return {
        "dump": report_to_dict(report),
        "issues": [f"{i.span.line if i.span else 0}:{i.span.column if i.span else 0} {i.kind} {i.table or ''} {i.row or ''} {describe_issue(i)}".rstrip()
                   for i in report.issues],
        "default": [_finding(d) for d in lint_text(text, path=name)],
        "strict": [_finding(d) for d in lint_text(text, path=name, config=LintOptions(profile="strict"))],
    }


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_snapshot(name: str) -> None:
    got = json.loads(json.dumps(snapshot_of(name, INPUTS[name]), ensure_ascii=False, default=str))
    path = SNAPSHOTS / f"{name}.json"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    assert path.exists(), f"no snapshot for {name}: run with GPLINT_UPDATE_SNAPSHOT=1"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want, f"{name}: reading or findings moved; update the snapshot and show its diff"


def test_no_stale_snapshots() -> None:
    """Every snapshot file belongs to an input (a removed input takes its snapshot with it)."""
    stale = {p.stem for p in SNAPSHOTS.glob("*.json")} - set(INPUTS)
    assert not stale, f"snapshots without an input: {sorted(stale)}"
