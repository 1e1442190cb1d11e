"""Finding report files and linting many of them, in parallel, in a deterministic order.

Results are *streamed*: :func:`run` yields each :class:`FileResult` as soon as it and all
files before it are done, and keeps only a bounded window of work in flight, so memory
does not grow with the number of files (bench/README.md). :func:`emit` writes them through
a formatter one file at a time when the formatter allows it (``formatter.streams``).

Runs survive bad workers: an exception while linting a file becomes an E900 on that
file; a worker process that dies (a crashing C extension, the kernel's OOM killer, a
plugin calling ``os._exit``) is detected, the files that were in flight are re-run one by
one in a fresh pool, and the file that kills its worker again gets an E900 of its own.
``run(..., isolate=True)`` (the command line) lints in a worker process even with one job,
so this holds for ``--jobs 1`` too. Workers are recycled after a bounded number of files or
memory, and an interrupted run kills them (:mod:`gplint.workers`).
"""
from __future__ import annotations

import gc
import os
import signal
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from .engine import (E_INTERNAL, E_TIMEOUT, MAX_TIMEOUT, FileResult, LintOptions, RuleSelector, input_diagnostic,
                     lint_file, select_rules)
from .grammar import save_new_shapes
from .plugins import Registry, build_registry
from .workers import (RECYCLE_FILES, RECYCLE_RSS, can_fork_child, in_forked_child, is_crash, peak_rss, prepare_worker,
                      stop_pool)

#: Extensions a directory walk picks up (readers add theirs).
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text")

#: Options for every file, or a function giving each file's options (per-directory configs).
OptionsArg = Union[LintOptions, Callable[[str], LintOptions]]


def discover(paths: Iterable[str], extensions: Sequence[str] = TEXT_EXTENSIONS) -> Iterator[str]:
    """Expand directories into report files (sorted); pass other paths through unchanged.

    A path that does not exist is passed through so that linting it yields a clear E001.
    Walks skip hidden entries, a folder's README/LICENSE/…, the default excludes and what
    ``.gitignore`` ignores (:func:`gplint.walk.discover`, which the command line calls
    with its ``exclude`` settings)."""
    from .walk import discover as walk

    return walk(paths, extensions)


def _internal_error(path: str, what: str) -> FileResult:
    return FileResult(path, [input_diagnostic(E_INTERNAL, f"内部错误，未能检查此文件 ({what})", path)], error=what)


class FileTimedOut(BaseException):
    """Raised by the per-file timer. Not an Exception: the ``except Exception`` that keeps
    one crashing rule from stopping the others must not swallow it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise FileTimedOut()


def _timer_usable(seconds: Optional[float]) -> bool:
    # SIGALRM is POSIX and only the main thread may set a signal handler (a Dask worker
    # thread, say, cannot). A handler installed from C (getsignal gives None) could not be
    # put back afterwards. Where it cannot serve, guarded() uses a timer thread instead.
    return (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) is not None)


def _thread_timer(seconds: float):
    from .watchdog import ThreadTimer

    return ThreadTimer(min(seconds, MAX_TIMEOUT), FileTimedOut)


def guarded(path: str, options: LintOptions, work: Callable[[], FileResult]) -> FileResult:
    """``work()`` (linting one file or text), with whatever goes wrong made a diagnostic on
    ``path``: an exception is E900, running past ``options.timeout`` seconds is E901.

    The timer is the process's SIGALRM, set for this one call; the previous handler is
    put back after it (a caller's own running ITIMER_REAL timer is cancelled)."""
    seconds = options.timeout
    timed = _timer_usable(seconds)
    # Where SIGALRM cannot serve (a Dask worker's task thread), a timer thread raises the
    # timeout in this thread instead (gplint.watchdog).
    thread_timer = _thread_timer(seconds) if not timed and seconds and seconds > 0 else None
    previous = None
    try:
        if timed:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, min(seconds, MAX_TIMEOUT))
        elif thread_timer is not None:
            thread_timer.arm()
        try:
            res = work()
        finally:
            if timed:
                # Disarmed before anything else runs; an alarm that fires meanwhile is
                # raised here, inside the try, and reported as the timeout it is.
                signal.setitimer(signal.ITIMER_REAL, 0)
            elif thread_timer is not None:
                thread_timer.disarm()  # raises FileTimedOut if the limit fired
    except FileTimedOut:
        # (The limit is left out of the message: a baseline's fingerprint must not change
        # with --timeout. FileResult.error says it.)
        res = FileResult(path, [input_diagnostic(
            E_TIMEOUT, "检查超时，已跳过此文件 (gave up: it took longer than --timeout allows)", path)],
            error=f"timed out after {seconds:g} s")
    except BaseException as exc:  # noqa: BLE001 - one bad file never stops the others
        if not is_crash(exc):  # a real Ctrl-C, SIGTERM: the run stops
            raise
        res = _internal_error(path, f"{type(exc).__name__}: {exc}")
    finally:
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)
    return res


def lint_one(path: str, registry: Registry, options: LintOptions,
             select: RuleSelector = select_rules) -> FileResult:
    """Lint one file; whatever goes wrong becomes a diagnostic on that file (see
    :func:`guarded`: E900 for an exception, E901 past ``options.timeout``)."""
    res = guarded(path, options, lambda: lint_file(path, registry, options, select))
    res.report = None  # never keep (or ship across processes) the model: memory stays flat
    return res


# ------------------------------------------------------------------ worker processes
# Set once in each worker process by its initializer (a process-wide constant from then
# on); the parent process never reads it.
_WORKER: dict = {}


def _init_worker(registry: Optional[Registry], plugin_paths: Sequence[str]) -> None:
    prepare_worker()
    if registry is None:  # spawn/forkserver: nothing inherited, load the plugins again
        from .plugins import load_module_from_path

        registry = build_registry([load_module_from_path(p) for p in plugin_paths])
    _WORKER["registry"] = registry
    _WORKER["linted"] = 0
    # A worker only lints: the batch collector settings for its whole life (see _batch_gc;
    # a forked worker inherits them from the parent already, a spawned one does not).
    gc.freeze()
    gc.disable()


#: Files linted between two full collections while a batch runs (see :func:`_batch_gc`).
COLLECT_EVERY = 1_000


@contextmanager
def _batch_gc() -> Iterator[None]:
    """No automatic garbage collection for the length of a run, restored afterwards.

    Reference counting frees nearly all that linting a report leaves behind (a full
    collection after 3,000 synthetic reports finds nothing; reports whose digits ran
    together leave a few dozen objects in cycles, from the builder's recursive helpers).
    What the collector costs during a batch is not garbage but survivors: every reading the
    line memo keeps (≈ 240 objects a report) is walked by a young collection and walked
    again by the older ones, a cache miss an object (≈ 0.3 µs): ≈ 5 % of a run's time,
    though hardly any instructions (bench/README.md). So the collector is off, and the
    runner makes a full collection every :data:`COLLECT_EVERY` files instead, which frees
    whatever cycles a plugin's rule may leave: memory stays bounded. ``gc.freeze()``
    first moves everything alive now (imported modules, the registry, compiled regexes)
    out of those collections' way; ``unfreeze`` hands it back at the end.
    """
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()


class RuleChoice:
    """:func:`select_rules` for the files of a run, asked again only when the registry or
    the choosing options (profile, select, ignore) differ from the previous file's.

    ``select_rules`` re-checks the registry (every rule's code, name, category and
    profiles) on each call, ≈ 20 µs; a run's files share a few options, and nothing
    changes the registry during a run. Options given as lists are compared by value (one
    changed in place between two files is seen); any other iterable only by identity,
    as it can be read once."""

    __slots__ = ("registry", "key", "rules")

    def __init__(self) -> None:
        self.registry: Optional[Registry] = None
        self.key: Optional[tuple] = None
        self.rules: Sequence = ()

    def __call__(self, registry: Registry, options: LintOptions) -> Sequence:
        key = (options.profile, _choice_key(options.select), _choice_key(options.ignore))
        if registry is not self.registry or key != self.key:
            self.rules = select_rules(registry, options)  # may raise: then nothing is remembered
            self.registry, self.key = registry, key
        return self.rules


def _choice_key(values: Any) -> Any:
    return tuple(values) if isinstance(values, (list, tuple)) else values


def _lint_chunk(tasks: Sequence[tuple[str, LintOptions]]) -> tuple[list[FileResult], int]:
    """The chunk's results, and the worker's peak memory after it (for recycling)."""
    registry = _WORKER["registry"]
    choice = RuleChoice()
    out = []
    for path, options in tasks:
        out.append(lint_one(path, registry, options, choice))
        linted = _WORKER["linted"] = _WORKER["linted"] + 1
        if linted % COLLECT_EVERY == 0:
            gc.collect()
    return out, peak_rss()


def _options_for(options: OptionsArg) -> Callable[[str], LintOptions]:
    return options if callable(options) else (lambda _path: options)


def run(paths: Sequence[str], registry: Registry, options: OptionsArg, jobs: int = 1,
        plugin_paths: Sequence[str] = (), isolate: bool = False) -> Iterator[FileResult]:
    """Lint every path, yielding results in the order of ``paths`` whatever ``jobs`` is.

    ``options`` is one :class:`LintOptions` for all files or a function of the path.
    With ``jobs`` > 1, or ``isolate``, files are linted in worker processes (never more
    than there are files), so a file whose processing is killed costs only that file;
    otherwise in this process.

    Until the iterator is exhausted or closed, automatic garbage collection is off in this
    process (see :func:`_batch_gc`; a full collection runs every :data:`COLLECT_EVERY`
    results, the caller's garbage included): a caller that stops early and keeps the
    iterator should ``close()`` it (``contextlib.closing``) to have the collector back.
    """
    options_for = _options_for(options)
    with _batch_gc():
        if not paths or (jobs <= 1 and not isolate) or (len(paths) == 1 and not isolate):
            results = _run_serial(paths, registry, options_for)
        elif len(paths) == 1 and can_fork_child():
            results = _run_forked(paths[0], registry, options_for)
        else:
            jobs = max(1, min(jobs, len(paths)))
            results = _run_parallel(list(paths), registry, options_for, jobs, tuple(plugin_paths))
        try:
            for done, result in enumerate(results, 1):
                yield result
                if done % COLLECT_EVERY == 0:
                    gc.collect()  # (workers collect for their own files: _lint_chunk)
        finally:
            results.close()  # a consumer that stops early: the pool shuts down now


def _run_serial(paths: Sequence[str], registry: Registry,
                options_for: Callable[[str], LintOptions]) -> Iterator[FileResult]:
    choice = RuleChoice()
    for path in paths:
        yield lint_one(path, registry, options_for(path), choice)


def _run_forked(path: str, registry: Registry, options_for: Callable[[str], LintOptions]) -> Iterator[FileResult]:
    """One file linted in a forked child (:func:`gplint.workers.in_forked_child`): a cold
    ``gplint FILE`` isolated without a pool."""
    try:
        options = options_for(path)
    except Exception as exc:  # noqa: BLE001 - as the pool path reports it
        yield _internal_error(path, f"{type(exc).__name__}: {exc}")
        return
    def work() -> FileResult:
        result = lint_one(path, registry, options)
        save_new_shapes()  # the child ends with os._exit: no atexit save there
        return result

    yield in_forked_child(work, lambda why: _internal_error(path, why))


def _warm_up(registry: Registry, options: LintOptions) -> None:
    """Do once, before the workers fork, what the first file of every worker would do.

    The first report a process lints imports the builder, loads the tokeniser and compiles
    the regular expressions rules build on first use (≈ 60 ms, bench/README.md); forked
    workers inherit all of it, so it is paid once instead of once per worker. A built-in
    example report is parsed and checked by the *built-in* rules only: a plugin's rule
    never runs in the parent (where a crash would not be isolated) nor sees a report that
    is not one of the user's. Whatever the warm-up finds is thrown away; it never fails
    the run."""
    try:
        from .reader import parse
        from .engine import run_rules, select_rules
        from .example import example_report

        rules = [r for r in select_rules(registry, options) if r.__module__.startswith("gplint.rules.")]
        run_rules(parse(example_report(), path="-"), rules, options, None)
    except (Exception, SystemExit):  # noqa: BLE001 - a warm-up only: real files report their own errors
        pass


def _context():
    import multiprocessing as mp

    # fork: workers inherit the loaded registry and the built parser (no start-up cost).
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()


def _executor(jobs: int, registry: Registry, plugin_paths: tuple):
    from concurrent.futures import ProcessPoolExecutor

    ctx = _context()
    inherited = registry if ctx.get_start_method() == "fork" else None
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(inherited, plugin_paths))


def _warm_up_for(path: str, registry: Registry, options_for: Callable[[str], LintOptions]) -> None:
    """:func:`_warm_up` with the options of the first file (none when they cannot be made:
    that is reported when the file is linted)."""
    try:
        options = options_for(path)
    except Exception:  # noqa: BLE001 - reported when that file is linted
        return
    _warm_up(registry, options)


def _run_parallel(paths: list[str], registry: Registry, options_for: Callable[[str], LintOptions],
                  jobs: int, plugin_paths: tuple) -> Iterator[FileResult]:
    from concurrent.futures.process import BrokenProcessPool

    # Chunks amortise inter-process overhead; small enough that every worker stays busy
    # and that a window of a few chunks per worker bounds memory.
    chunk = max(1, min(32, len(paths) // (jobs * 8)))
    window = jobs * 4
    chunks = deque(paths[i:i + chunk] for i in range(0, len(paths), chunk))
    pending: deque = deque()  # (chunk, future), in input order
    if jobs > 1 and _context().get_start_method() == "fork":
        # (One worker would pay the warm-up once anyway: only worth it for several.)
        _warm_up_for(paths[0], registry, options_for)
    pool = _executor(jobs, registry, plugin_paths)
    served, worn = 0, False  # files sent to this pool; whether it is due to be replaced
    finished = False
    try:
        while chunks or pending:
            broken = False
            while chunks and len(pending) < window and not worn:
                part = chunks[0]
                try:
                    future = pool.submit(_lint_chunk, [(p, options_for(p)) for p in part])
                except BrokenProcessPool:
                    # A worker died between two submissions: this chunk never left, so it
                    # stays queued for the next pool; the chunks in flight are the suspects.
                    broken = True
                    break
                chunks.popleft()
                pending.append((part, future))
                served += len(part)
                worn = served >= RECYCLE_FILES * jobs
            if (broken or worn) and not pending:
                # The pool broke with nothing in flight (a worker died between files: no
                # file is suspect), or it is worn out and drained: a fresh pool goes on.
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _executor(jobs, registry, plugin_paths)
                served, worn = 0, False
                continue
            part, fut = pending.popleft()
            try:
                results, rss = fut.result()
            except BrokenProcessPool:
                # A worker died. Every chunk in flight is suspect: re-run those files one
                # at a time, each in a fresh single-worker pool if need be, to find the culprit.
                # (wait: no thread of the dead pool may be running when the next one forks.)
                pool.shutdown(wait=True, cancel_futures=True)
                suspects = list(part) + [p for q, _ in pending for p in q]
                pending.clear()
                yield from _isolate(suspects, registry, options_for, plugin_paths)
                pool = _executor(jobs, registry, plugin_paths)
                served, worn = 0, False
                continue
            except Exception:  # noqa: BLE001 - e.g. a result that could not be pickled
                # The worker is fine but this chunk's answer was lost: redo it file by file.
                yield from _isolate(part, registry, options_for, plugin_paths)
                continue
            worn = worn or rss > RECYCLE_RSS
            yield from results
        finished = True
    finally:
        # Also runs when the consumer stops early (a closed pipe) or on Ctrl-C / SIGTERM:
        # then the files in flight are not waited for, their workers are killed.
        stop_pool(pool, kill=not finished)


def _isolate(paths: Sequence[str], registry: Registry, options_for: Callable[[str], LintOptions],
             plugin_paths: tuple) -> Iterator[FileResult]:
    """Lint ``paths`` one at a time in a one-worker pool, to find the file that kills it.

    A dead worker is only seen when the next file is sent or its answer read, so a file
    whose worker breaks may not be the one that broke it (the worker may have died idle,
    just after answering for the previous file). Such a file gets one more try in a fresh
    worker: only a file that breaks that one too is reported as the culprit."""
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    finished = False
    try:
        for path in paths:
            res: Optional[FileResult] = None
            try:
                work = [(path, options_for(path))]
                for _attempt in range(2):
                    if pool is None:
                        pool = _executor(1, registry, plugin_paths)
                    try:
                        res = pool.submit(_lint_chunk, work).result()[0][0]
                        break
                    except BrokenProcessPool:
                        pool.shutdown(wait=True, cancel_futures=True)
                        pool = None
                if res is None:
                    res = _internal_error(path, "the worker process linting this file died")
            except Exception as exc:  # noqa: BLE001 - e.g. an answer that could not be pickled
                res = _internal_error(path, f"parallel worker failed: {type(exc).__name__}: {exc}")
            yield res
        finished = True
    finally:
        if pool is not None:
            stop_pool(pool, kill=not finished)


def _lint_data(name: str, data: bytes, options: LintOptions) -> FileResult:
    from .engine import lint_bytes

    registry = _WORKER["registry"]
    res = guarded(name, options, lambda: lint_bytes(data, name, registry, options))
    res.report = None
    save_new_shapes()  # a worker ends with os._exit: no atexit save there
    return res


def lint_data_isolated(name: str, data: bytes, registry: Registry, options: LintOptions,
                       plugin_paths: Sequence[str] = ()) -> FileResult:
    """Lint bytes read from a stream (stdin) in a worker process, as a file is on the
    command line: a worker that dies costs an E900 on ``name``, not the run."""
    if can_fork_child():
        def work() -> FileResult:
            _WORKER["registry"] = registry
            return _lint_data(name, data, options)

        return in_forked_child(work, lambda why: _internal_error(name, why))
    from concurrent.futures.process import BrokenProcessPool

    pool = _executor(1, registry, tuple(plugin_paths))
    finished = False
    try:
        try:
            res = pool.submit(_lint_data, name, data, options).result()
        except BrokenProcessPool:
            res = _internal_error(name, "the worker process linting this file died")
        finished = True
        return res
    finally:
        stop_pool(pool, kill=not finished)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# ------------------------------------------------------------------ streaming output
SEVERITY_ORDER = ("error", "warning", "info")


@dataclass
class Tally:
    """What the summary line and the exit code need, without keeping any result."""

    files: int = 0
    counts: dict = field(default_factory=lambda: {s: 0 for s in SEVERITY_ORDER})
    #: Files gplint failed on (an E900): the run's exit status says so (never "findings").
    internal: int = 0

    def add(self, result: FileResult) -> FileResult:
        self.files += 1
        for d in result.diagnostics:
            self.counts[d.severity] = self.counts.get(d.severity, 0) + 1
        self.internal += any(d.code == E_INTERNAL[0] for d in result.diagnostics)
        return result

    def at_or_above(self, threshold: str) -> int:
        from .diagnostics import SEVERITY_RANK

        rank = SEVERITY_RANK[threshold]
        return sum(n for sev, n in self.counts.items() if SEVERITY_RANK.get(sev, 2) >= rank)


def emit(results: Iterable[FileResult], formatter: Callable[[Sequence[Any], dict], str], fmt_options: dict,
         write: Callable[[str], Any], flush: Optional[Callable[[], Any]] = None) -> Tally:
    """Format ``results`` and write them; return the tally.

    A formatter whose output for several files is the concatenation of its output for each
    (it says so with ``formatter.streams = True``: text, jsonl) is called once a file and
    its output written at once, so nothing accumulates; one that writes a document (json,
    sarif) gives ``formatter.stream(options)``, an object whose ``head()``, ``add(result)``
    for each file and ``tail()`` are written in turn; any other gets the whole list. The
    bytes written are the same as the formatter's own.
    """
    tally = Tally()
    stream = getattr(formatter, "stream", None)
    if stream is not None:
        # A document format (json, sarif): its head, a piece a file, its tail.
        writer = stream(fmt_options)
        write(writer.head())
        for res in results:
            out = writer.add(tally.add(res))
            if out:
                write(out)
                if flush is not None:
                    flush()
        write(writer.tail())
        if flush is not None:
            flush()
    elif getattr(formatter, "streams", False):
        for res in results:
            out = formatter([tally.add(res)], fmt_options)
            if out:
                write(out)
                if flush is not None:
                    flush()
    else:
        everything = [tally.add(r) for r in results]
        write(formatter(everything, fmt_options))
        if flush is not None:
            flush()
    return tally
