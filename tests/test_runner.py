"""Parallel runs: same output as --jobs 1, in order, and bad files or workers never stop a run."""
from __future__ import annotations

import json
import os
import pathlib
import sys

import pytest

from gplint.cli import main
from gplint.engine import LintOptions
from gplint.plugins import build_registry, load_module_from_path
from gplint.runner import discover, emit, run

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))
import synth  # noqa: E402

CORPUS = pathlib.Path(__file__).parent / "corpus"

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from saboteur_plugin import PLUGIN  # noqa: E402


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[str]:
    d = tmp_path_factory.mktemp("synth")
    return synth.write_corpus(str(d), 24, seed=7, target_bytes=4000)


@pytest.fixture(scope="module")
def registry():
    return build_registry()


def _dicts(results):
    return [(r.path, r.error, [d.to_dict() for d in r.diagnostics]) for r in results]


def _mixed(reports):
    return reports + sorted(str(p) for p in CORPUS.glob("*.txt"))


def test_jobs_2_same_as_jobs_1(reports, registry):
    paths = _mixed(reports)
    one = _dicts(run(paths, registry, LintOptions(), jobs=1))
    two = _dicts(run(paths, registry, LintOptions(), jobs=2))
    assert [p for p, _, _ in one] == paths
    assert two == one
    # The corpus holds real damage: the comparison covers findings, not only empty lists.
    assert any(diags for _, _, diags in one)


def test_per_file_options_function(reports, registry):
    """Options may differ per file (per-directory configuration) in parallel runs too."""
    strict = {reports[3]}

    def options_for(path):
        return LintOptions(select=["E"]) if path in strict else LintOptions()

    got = dict((p, d) for p, _, d in _dicts(run(_mixed(reports), registry, options_for, jobs=2)))
    want = dict((p, d) for p, _, d in _dicts(run(_mixed(reports), registry, options_for, jobs=1)))
    assert got == want


@pytest.mark.parametrize("jobs", [1, 2])
def test_missing_unreadable_and_deleted_files(reports, registry, tmp_path, jobs):
    doomed = tmp_path / "deleted.txt"
    doomed.write_text("一、总体情况\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    paths = [reports[0], str(tmp_path / "never-existed.txt"), str(doomed), str(tmp_path), str(binary), reports[1]]
    doomed.unlink()  # deleted between listing and reading
    results = list(run(paths, registry, LintOptions(), jobs=jobs))
    assert [r.path for r in results] == paths
    codes = [[d.code for d in r.diagnostics] for r in results]
    assert codes[1] == ["E001"] and codes[2] == ["E001"] and codes[3] == ["E001"]
    assert codes[4] == ["E002"]
    assert results[0].error is None and results[5].error is None
    assert "no such file" in results[2].diagnostics[0].message


@pytest.fixture
def saboteur(tmp_path):
    path = tmp_path / "saboteur.py"
    path.write_text(PLUGIN, encoding="utf-8")
    return str(path), build_registry([load_module_from_path(str(path))])


@pytest.mark.parametrize("marker", ["KILLWORKER", "EXITNOW", "RAISENOW"])
def test_bad_worker_reports_that_file_and_goes_on(reports, saboteur, tmp_path, marker):
    plugin, registry = saboteur
    bad = tmp_path / "bad.txt"
    text, _ = synth.make_report(99, "pipe", 2000)
    bad.write_text(text + "\n" + marker + "\n", encoding="utf-8")
    paths = reports[:10] + [str(bad)] + reports[10:20]
    options = LintOptions(select=["Z999", "E"])
    results = list(run(paths, registry, options, jobs=2, plugin_paths=[plugin]))
    assert [r.path for r in results] == paths
    for r in results:
        if r.path == str(bad):
            assert [d.code for d in r.diagnostics] == ["E900"]
        else:
            assert r.diagnostics == [] and r.error is None, r.path


@pytest.mark.parametrize("jobs", [1, 2])
def test_file_that_hangs_is_given_up_and_the_run_goes_on(reports, saboteur, tmp_path, jobs):
    """A file whose rule never returns gets E901 after --timeout; the others are linted."""
    plugin, registry = saboteur
    bad = tmp_path / "hang.txt"
    text, _ = synth.make_report(98, "tab", 2000)
    bad.write_text(text + "\nHANGNOW\n", encoding="utf-8")
    paths = reports[:6] + [str(bad)] + reports[6:12]
    options = LintOptions(select=["Z999", "E"], timeout=0.5)
    results = list(run(paths, registry, options, jobs=jobs, plugin_paths=[plugin]))
    assert [r.path for r in results] == paths
    for r in results:
        if r.path == str(bad):
            assert [d.code for d in r.diagnostics] == ["E901"]
            assert "0.5 s" in r.error
        else:
            assert r.diagnostics == [] and r.error is None, r.path


def test_timeout_puts_back_the_previous_alarm_handler_and_spares_quick_files(reports, registry):
    import signal

    from gplint.runner import lint_one

    def mine(signum, frame):  # pragma: no cover - never called
        raise AssertionError("the caller's handler ran")

    before = signal.signal(signal.SIGALRM, mine)
    try:
        res = lint_one(reports[0], registry, LintOptions(timeout=30))
        assert res.error is None and not any(d.code == "E901" for d in res.diagnostics)
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left running
    finally:
        signal.signal(signal.SIGALRM, before)


def test_timeout_off_the_main_thread_is_not_applied(reports, registry):
    """Only the main thread may set a signal handler: elsewhere (a Dask worker thread) the
    file is linted without a limit instead of failing."""
    import threading

    from gplint.runner import lint_one

    out = []
    t = threading.Thread(target=lambda: out.append(lint_one(reports[0], registry, LintOptions(timeout=30))))
    t.start()
    t.join()
    assert out and out[0].error is None and out[0].diagnostics == lint_one(reports[0], registry, LintOptions()).diagnostics


class _BreakingPool:
    """An in-process stand-in for ProcessPoolExecutor whose pool "breaks" on cue.

    ``plan`` is shared by every pool the runner makes. Submissions are counted over all
    pools of one size (``jobs``): "submits" for the parallel pools, "isolate_submits" for
    the one-worker pools that re-run suspects. The submission numbered "break_at" (or
    "isolate_break_at") finds its pool broken: ``submit`` raises BrokenProcessPool (a worker
    died between two submissions, a race the real pool has). "in_flight" says what happens
    to the chunks already submitted and not yet read: "none" are lost (the worker died
    idle), "all" fail, "some": the first finished before the death, the others fail."""

    def __init__(self, plan, registry, jobs):
        self.plan, self.registry, self.futures, self.broken = plan, registry, [], False
        self.key = "submits" if jobs > 1 else "isolate_submits"
        self.shutdowns = 0

    def submit(self, fn, tasks):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool
        from gplint.runner import lint_one

        registry = self.registry

        def compute(fut):
            if not fut.done():
                # (What _lint_chunk answers: the results and the worker's peak memory.)
                fut.set_result(([lint_one(path, registry, options) for path, options in fut.tasks], 0))

        self.plan[self.key] += 1
        break_at = self.plan["break_at" if self.key == "submits" else "isolate_break_at"]
        if self.broken or self.plan[self.key] == break_at:
            self.broken = True
            unread = [f for f in self.futures if not f.done()]
            if self.plan["in_flight"] == "some" and unread:
                compute(unread.pop(0))
            if self.plan["in_flight"] != "none":
                for fut in unread:
                    fut.set_exception(BrokenProcessPool("a worker died"))
            raise BrokenProcessPool("a worker died")
        if self.key == "isolate_submits" and self.plan[self.key] == self.plan.get("isolate_read_break_at"):
            # The worker was found dead only when this answer was read: a real pool does
            # that when its worker died idle just before (its manager had not noticed yet).
            self.broken = True
            dead = Future()
            dead.set_exception(BrokenProcessPool("a worker died"))
            return dead

        class Lazy(Future):
            # Computed when first read, so that it is still "in flight" until then.
            def result(self, timeout=None):
                compute(self)
                return super().result(timeout)

        fut = Lazy()
        fut.tasks = tasks
        self.futures.append(fut)
        return fut

    def shutdown(self, wait=True, cancel_futures=False):
        self.shutdowns += 1


def _run_with_breaking_pools(reports, registry, monkeypatch, **plan):
    """Lint the mixed reports with --jobs 1 (the answer wanted), then with --jobs 2 through
    :class:`_BreakingPool` pools following ``plan``: (wanted, got, plan, pools made)."""
    import gplint.runner as runner

    plan = {"submits": 0, "isolate_submits": 0, "isolate_break_at": 0, **plan}
    pools: list = []

    def executor(jobs, registry_, plugin_paths):
        pool = _BreakingPool(plan, registry_, jobs)
        pools.append(pool)
        return pool

    paths = _mixed(reports)
    want = _dicts(run(paths, registry, LintOptions(), jobs=1))
    monkeypatch.setattr(runner, "_executor", executor)
    got = _dicts(run(paths, registry, LintOptions(), jobs=2))
    assert [p for p, _, _ in got] == paths
    # Every pool made is shut down exactly once (no worker process left behind).
    assert [pool.shutdowns for pool in pools] == [1] * len(pools)
    return want, got, plan, pools


@pytest.mark.parametrize("in_flight", ["none", "all", "some"])
def test_pool_that_breaks_between_submissions_loses_no_file(reports, registry, monkeypatch, in_flight):
    """A worker may die while the runner is still submitting: ``submit`` itself then raises
    BrokenProcessPool. Every file must still come back once, in order, with its findings."""
    want, got, plan, pools = _run_with_breaking_pools(reports, registry, monkeypatch, break_at=5, in_flight=in_flight)
    # The same findings, and no internal error invented for a file that did nothing wrong.
    assert got == want
    assert plan["submits"] > 5 and any(pool.broken for pool in pools)
    if in_flight == "none":
        # Nothing was in flight: a fresh pool takes the queued chunks, nothing is suspect.
        assert len(pools) == 2 and plan["isolate_submits"] == 0
    else:
        # The chunks that failed in flight were re-run file by file in a one-worker pool.
        assert len(pools) >= 3 and plan["isolate_submits"] > 0


def test_isolating_worker_found_dead_on_reading_blames_no_file(reports, registry, monkeypatch):
    """The lone worker may be found dead only when a file's answer is read, though it died
    idle before that file was sent. The file gets one more try in a fresh worker and its
    own findings; only a file that kills that worker too is reported (see the real
    KILLWORKER case above)."""
    want, got, plan, pools = _run_with_breaking_pools(reports, registry, monkeypatch, break_at=5, in_flight="all",
                                                      isolate_read_break_at=2)
    assert got == want
    assert any(pool.broken and pool.key == "isolate_submits" for pool in pools)


def test_isolating_worker_that_died_idle_blames_no_file(reports, registry, monkeypatch):
    """While suspects are re-run one by one, the lone worker may die after answering for
    one file and before the next is sent. The next file did nothing: it gets a fresh
    worker, not an internal error."""
    want, got, plan, pools = _run_with_breaking_pools(reports, registry, monkeypatch, break_at=5, in_flight="all",
                                                      isolate_break_at=2)
    assert got == want
    assert plan["isolate_submits"] > 2
    assert any(pool.broken and pool.key == "isolate_submits" for pool in pools)


def test_emit_streams_line_formats(reports, registry):
    """text and jsonl are written once a file with findings, json and sarif too between their
    head and tail: byte for byte as a whole run."""
    results = list(run(_mixed(reports), registry, LintOptions(), jobs=1))
    for fmt in ("text", "jsonl", "json", "sarif"):
        formatter = registry.formatters[fmt]
        writes: list[str] = []
        tally = emit(iter(results), formatter, {"registry": registry}, writes.append)
        assert "".join(writes) == formatter(results, {"registry": registry})
        assert tally.files == len(results)
        assert sum(tally.counts.values()) == sum(len(r.diagnostics) for r in results)
        with_findings = sum(1 for r in results if r.diagnostics)
        assert len(writes) == with_findings + (2 if fmt in ("json", "sarif") else 0)


def test_emit_consumes_lazily(registry):
    """A streaming formatter sees file 1 before file 2 is even produced."""
    seen: list[str] = []

    def produce():
        for name in ("a", "b"):
            seen.append("made " + name)
            from gplint.engine import E_EMPTY, FileResult, input_diagnostic
            yield FileResult(name, [input_diagnostic(E_EMPTY, "empty", name)])

    emit(produce(), registry.formatters["jsonl"], {}, lambda s: seen.append("wrote " + json.loads(s)["path"]))
    assert seen == ["made a", "wrote a", "made b", "wrote b"]


@pytest.mark.parametrize("fmt", ["text", "jsonl", "json"])
def test_cli_jobs_output_identical(reports, capsys, fmt):
    args = ["--format", fmt, "--quiet", str(CORPUS), os.path.dirname(reports[0])]
    rc1 = main(args + ["--jobs", "1"])
    out1 = capsys.readouterr().out
    rc2 = main(args + ["--jobs", "2"])
    out2 = capsys.readouterr().out
    assert (rc2, out2) == (rc1, out1)
    assert out1.strip()


def test_discover_is_sorted_and_deterministic(reports):
    d = os.path.dirname(reports[0])
    assert list(discover([d])) == sorted(reports)


def test_warm_up_runs_only_built_in_rules_and_never_fails():
    """Before forking, the parent lints a built-in example with the built-in rules only: a
    plugin's rule must not run in the parent (a crash there is not isolated) nor see a
    report that is not the user's; a built-in rule that blows up changes nothing."""
    from gplint.diagnostics import Rule
    from gplint.runner import _warm_up

    seen = []

    class PluginRule(Rule):
        code, name, category, severity = "X991", "plugin-probe", "hygiene", "info"
        __module__ = "someone_elses_plugin"

        def check(self, report, options):
            seen.append(report.path)
            raise SystemExit(3)

    reg = build_registry()
    reg.rules["X991"] = PluginRule
    _warm_up(reg, LintOptions(select=["ALL"]))
    assert seen == []

    class Boom(Rule):
        code, name, category, severity = "X992", "boom", "hygiene", "info"
        __module__ = "gplint.rules.hygiene.boom"

        def check(self, report, options):
            raise SystemExit(4)

    reg.rules["X992"] = Boom
    _warm_up(reg, LintOptions(select=["ALL"]))  # does not raise


def test_rule_selection_memo_sees_what_selection_depends_on():
    from gplint.engine import select_rules

    reg = build_registry()
    want = [r.code for r in select_rules(reg, LintOptions(select=["N1"]))]
    assert want and all(c.startswith("N1") for c in want)
    # One-shot iterators are read once, and the memo is not poisoned by them.
    assert [r.code for r in select_rules(reg, LintOptions(select=iter(["N1"])))] == want
    assert [r.code for r in select_rules(reg, LintOptions(select=["N1"]))] == want
    ignored = [r.code for r in select_rules(reg, LintOptions(ignore=iter(["N1"])))]
    assert not any(c.startswith("N1") for c in ignored)
    assert [r.code for r in select_rules(reg, LintOptions(ignore=["N1"]))] == ignored
    # A rule whose profiles change is chosen anew.
    n101 = reg.rules["N101"]
    assert "N101" in [r.code for r in select_rules(reg, LintOptions())]
    original = n101.profiles
    try:
        n101.profiles = ("strict",)
        assert "N101" not in [r.code for r in select_rules(reg, LintOptions())]
        n101.profiles = ["default"]  # a list: not hashable, chosen without the memo
        assert "N101" in [r.code for r in select_rules(reg, LintOptions())]
    finally:
        n101.profiles = original


def test_rule_choice_asks_again_for_other_options_or_registry():
    from gplint.engine import select_rules
    from gplint.runner import RuleChoice

    reg = build_registry()
    choice = RuleChoice()
    default, only_n1 = LintOptions(), LintOptions(select=["N1"])
    first = choice(reg, default)
    assert [r.code for r in first] == [r.code for r in select_rules(reg, default)]
    assert choice(reg, default) is first  # the same options object: remembered
    n1 = [r.code for r in choice(reg, only_n1)]
    assert n1 == [r.code for r in select_rules(reg, only_n1)] and n1 != [r.code for r in first]
    other = build_registry()
    other.rules = {code: rule for code, rule in other.rules.items() if not code.startswith("N")}
    assert not any(r.code.startswith("N") for r in choice(other, only_n1))
    with pytest.raises(ValueError):
        choice(reg, LintOptions(profile="no-such-profile"))
    assert [r.code for r in choice(reg, only_n1)] == n1  # a failed choice is not remembered


def test_an_unknown_profile_is_one_files_error_in_a_run(reports):
    paths = reports[:2]
    bad = LintOptions(profile="no-such-profile")
    results = list(run(paths, build_registry(), lambda p: bad if p == paths[0] else LintOptions()))
    assert [d.code for d in results[0].diagnostics] == ["E900"]
    assert "E900" not in [d.code for d in results[1].diagnostics]


class _Cyclic:
    """An object in a reference cycle with itself: only the collector frees it."""

    alive = 0

    def __init__(self) -> None:
        self.me = self
        _Cyclic.alive += 1

    def __del__(self) -> None:
        _Cyclic.alive -= 1


def _cycle_leaking_registry():
    from gplint.diagnostics import Rule

    class LeavesACycle(Rule):
        code, name, category, severity, profiles = "X990", "leaves-a-cycle", "structure", "info", ("default",)
        options: dict = {}

        def check(self, report, options):
            _Cyclic()
            return iter(())

    reg = build_registry()
    reg.rules["X990"] = LeavesACycle
    return reg


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers inherit the rule by fork")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_collects_the_cycles_rules_leave_every_few_files(reports, monkeypatch, jobs):
    import gc

    import gplint.runner as runner

    monkeypatch.setattr(runner, "COLLECT_EVERY", 3)
    gc.collect()
    _Cyclic.alive = 0
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    seen = []
    for result in run(reports[:12], _cycle_leaking_registry(), LintOptions(), jobs=jobs):
        assert gc.isenabled() is False  # the collector is off while the run goes on
        seen.append(result.path)
        if jobs == 1:
            # Serial: at most the cycles of the files since the last full collection.
            assert _Cyclic.alive <= 3
    assert seen == reports[:12]
    assert gc.isenabled() is enabled and gc.get_freeze_count() == frozen  # put back after the run
    gc.collect()
    assert _Cyclic.alive == 0


def test_a_worker_collects_the_cycles_rules_leave_every_few_files(reports, monkeypatch):
    import gc

    import gplint.runner as runner

    monkeypatch.setattr(runner, "COLLECT_EVERY", 3)
    monkeypatch.setattr(runner, "_WORKER", {"registry": _cycle_leaking_registry(), "linted": 0})
    gc.collect()
    _Cyclic.alive = 0
    gc.disable()  # as in a worker (_init_worker)
    try:
        results, peak = runner._lint_chunk([(p, LintOptions()) for p in reports[:7]])
        assert peak > 0
        assert [r.path for r in results] == reports[:7]
        assert 1 <= _Cyclic.alive <= 3 and runner._WORKER["linted"] == 7
    finally:
        gc.enable()
        gc.collect()


def test_rule_choice_sees_options_changed_between_two_files(reports, registry):
    # Three files with findings to lose.
    paths = [r.path for r in run(_mixed(reports), registry, LintOptions()) if r.diagnostics][:3]
    assert len(paths) == 3
    options = LintOptions()
    found = []
    for result in run(paths, registry, options):
        found.append(len(result.diagnostics))
        options.ignore = ["ALL"]  # the caller changes the options while the run goes on
    assert found[1:] == [0, 0]
    options = LintOptions(ignore=[])
    found = []
    for result in run(paths, registry, options):
        found.append([d.code for d in result.diagnostics])
        options.ignore.append("ALL")  # in place, too
    assert found[1:] == [[], []]
