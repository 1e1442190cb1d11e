"""Bounded work: inputs built to make a reader or the run splitter explode finish, in
every entry point (issue 16, item 1). Nothing here asserts a time: a pathological input
is made large enough that the quadratic (or worse) code it guards against would run for
minutes past the subprocess's limit, while the bounded code answers in milliseconds
(``bench/fuzz.py`` prints the figures)."""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gplint import lint_text
from gplint.reader import runs, t3_runs

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
#: Far above what the bounded code needs (well under a second), far below what the
#: unbounded code took (minutes to hours): a hang, not a slow machine, fails the test.
LIMIT_SECONDS = 120


def _digits(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("0123") for _ in range(n))


def _small(run: str) -> str:
    return ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量" + run
            + "\n（一）予以公开" + run[::-1] + "\n")


def _real_sized(run: str) -> str:
    base = (CORPUS / "000_dcefddf45f2ae57e.txt").read_text(encoding="utf-8")
    text = re.sub(r"\| 三、（一）予以公开 .*", "三、（一）予以公开" + run, base)
    return re.sub(r"\| 一、本年新收政府信息公开申请数量 .*", "一、本年新收政府信息公开申请数量" + run[::-1], text)


def _run_script(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=LIMIT_SECONDS)


@pytest.mark.parametrize("length", [30, 50, 70, 80, 200])
def test_digit_runs_in_a_t3_row_are_read_or_refused(length):
    for text in (_small(_digits(length, length)), _real_sized(_digits(length, length))):
        codes = {d.code for d in lint_text(text)}
        assert "E900" not in codes and "E901" not in codes


def test_a_long_run_is_refused_before_any_enumeration(monkeypatch):
    """A run longer than seven cells can hold is no cut at all: the search never starts."""
    calls = []
    real = t3_runs._cuts_keeping_total

    def counting(digits, parts, limit):
        out = real(digits, parts, limit)
        calls.append((len(digits), len(out)))
        return out

    monkeypatch.setattr(t3_runs, "_cuts_keeping_total", counting)
    assert t3_runs.t3_row_splits("1" * 10_000) == []
    assert t3_runs.t3_row_splits("1" * 43) == []
    assert runs.splits("1" * 10_000, 7) == []
    # A cut that fits is still found (the bound refuses only what cannot be cut).
    assert (1, 2, 0, 0, 0, 0, 3) in t3_runs.t3_row_splits("1200003")


@pytest.mark.parametrize("entry", ["lint", "dump"])
def test_ten_thousand_digit_runs_finish(tmp_path, entry):
    """Before: the flattened-line segmenter matched an item number from every position of
    a run (quadratic: 10,000 digits 2 s, 100,000 digits minutes)."""
    path = tmp_path / "run.txt"
    path.write_text(_real_sized(_digits(100_000, 7)) + _small(_digits(100_000, 8)), encoding="utf-8")
    if entry == "lint":
        code = f"from gplint import lint_text; lint_text(open({str(path)!r}, encoding='utf-8').read())"
    else:
        code = f"from gplint.cli import main; import sys; sys.stdout = open('/dev/null', 'w'); main(['dump', {str(path)!r}])"
    proc = _run_script(code)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_long_digit_runs_in_prose_counts_finish(tmp_path):
    """Before: N101's and N103's patterns that start with the count were tried from every
    position of a run of digits (fuzzing: a 15 KB report in 1.6 s; 200,000 digits:
    minutes)."""
    base = (CORPUS / "001_98c801d9a8639466.txt").read_text(encoding="utf-8")
    run = "1" * 200_000
    inserts = [f"{run}件行政复议", f"{run}件结转下年度", f"新收{run}件", f"予以公开{run}件", f"行政诉讼{run}件"]
    path = tmp_path / "prose.txt"
    path.write_text(base.replace("。", "。" + "，".join(inserts) + "。", 1), encoding="utf-8")
    code = ("from gplint import lint_text\nfrom gplint.engine import LintOptions\n"
            f"found = lint_text(open({str(path)!r}, encoding='utf-8').read(), config=LintOptions(profile='strict'))\n"
            "assert not [d for d in found if d.code.startswith('E9')], found")
    proc = _run_script(code)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_a_file_of_more_lines_than_a_report_has_is_refused(monkeypatch):
    """Before: the reader keeps ≈ 200-300 bytes a line whatever the line holds; 16 MB of
    "0\\n" (8 million lines, under --max-size) took 4.1 GB and 105 s. More than
    MAX_LINES lines is an E001 that says so, before anything is read."""
    from gplint import engine
    from gplint.plugins import shared_registry

    options = engine.LintOptions()
    text = "三、收到和处理政府信息公开申请情况\n" + "0\n" * 8_000_000
    result = engine.lint_bytes(text.encode(), "zeros.txt", shared_registry(), options)
    assert [d.code for d in result.diagnostics] == ["E001"]
    assert "too many lines" in result.diagnostics[0].message and "8,000,002" in result.diagnostics[0].message
    # The bound itself: MAX_LINES lines are read, one more is refused.
    monkeypatch.setattr(engine, "MAX_LINES", 50)
    at_bound = "一、总体情况\n" + "0\n" * 48 + "0"
    assert at_bound.count("\n") + 1 == 50
    codes = [d.code for d in engine.lint_bytes(at_bound.encode(), "a.txt", shared_registry(), options).diagnostics]
    assert "E001" not in codes and codes
    over = [d.code for d in engine.lint_bytes((at_bound + "\n").encode(), "a.txt", shared_registry(), options).diagnostics]
    assert over == ["E001"]
