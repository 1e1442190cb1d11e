"""The per-file time limit holds off the main thread (a Dask worker's task threads)."""
from __future__ import annotations

import pathlib
import sys
import threading
import time

import pytest

from gplint.engine import LintOptions
from gplint.plugins import build_registry, load_module_from_path
from gplint.runner import FileTimedOut, lint_one
from gplint.watchdog import ThreadTimer

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from saboteur_plugin import PLUGIN  # noqa: E402

EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "mudanjiang-devzone-2024.txt"


def _in_thread(fn):
    out = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join(30)
    assert not t.is_alive(), "the timed thread never came back"
    return out[0]


@pytest.fixture()
def saboteur(tmp_path):
    path = tmp_path / "saboteur.py"
    path.write_text(PLUGIN, encoding="utf-8")
    return build_registry([load_module_from_path(str(path))])


def test_a_hanging_file_is_given_up_in_a_worker_thread(saboteur, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "hang.txt").write_text(text + "\nHANGNOW\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text(text, encoding="utf-8")
    options = LintOptions(select=["Z999", "A"], timeout=0.5)
    started = time.monotonic()
    hung = _in_thread(lambda: lint_one(str(tmp_path / "hang.txt"), saboteur, options))
    assert time.monotonic() - started < 10
    assert [d.code for d in hung.diagnostics] == ["E901"]
    fine = _in_thread(lambda: lint_one(str(tmp_path / "fine.txt"), saboteur, options))
    assert fine.diagnostics and all(d.code.startswith("A") for d in fine.diagnostics)


def test_a_timer_that_did_not_fire_changes_nothing():
    def work():
        timer = ThreadTimer(5, FileTimedOut)
        timer.arm()
        total = sum(range(1000))
        timer.disarm()
        time.sleep(0.1)  # nothing arrives later either
        return total

    assert _in_thread(work) == sum(range(1000))


def test_a_fired_timer_raises_at_disarm_at_the_latest():
    def work():
        timer = ThreadTimer(0.05, FileTimedOut)
        timer.arm()
        try:
            time.sleep(0.3)  # one C call: the exception waits until it returns
            timer.disarm()
        except FileTimedOut:
            return "timed out"
        return "not timed out"

    assert _in_thread(work) == "timed out"
