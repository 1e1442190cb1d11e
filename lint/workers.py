"""What makes a worker process safe to lint files in, when to replace it, and how a run
stops on a signal (issue 16; used by :mod:`gplint.runner` and :mod:`gplint.cli`).

- A worker ignores SIGINT: Ctrl-C at a terminal reaches the whole process group, and only
  the parent decides what happens (it kills the workers, prints one line and exits 130);
  workers printing their own tracebacks, or finishing their files first, is what this
  prevents. SIGTERM is back to its default in a worker (the parent's handler is inherited
  through fork), and on Linux a worker is killed when its parent dies, however it dies.
- A worker is *recycled* (the pool replaced) after :data:`RECYCLE_FILES` files or once its
  peak memory passes :data:`RECYCLE_RSS`: a plugin rule that leaks memory, or one huge
  report, does not keep a process large for the rest of a batch.
- A :class:`KeyboardInterrupt` raised while SIGINT is ignored cannot be a Ctrl-C: it is a
  rule's (or a reader's) own exception, and is reported on that file like any other crash.
"""
from __future__ import annotations

import os
import signal
import sys
from typing import Any, Callable, TypeVar

T = TypeVar("T")

#: Files a worker lints before it is replaced by a fresh process.
RECYCLE_FILES = 2_000
#: A worker whose peak resident memory passes this is replaced after its current files.
RECYCLE_RSS = 1024 * 1024 * 1024

#: Exit statuses of an interrupted run (128 + the signal's number, as shells report them).
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


class Terminated(BaseException):
    """Raised in the main process by SIGTERM, so a run stops as it does on Ctrl-C (its
    workers killed, one line printed) instead of leaving them orphaned."""


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated()


def handle_termination() -> Any:
    """In the command's main thread: SIGTERM raises :class:`Terminated` from now on. Gives
    the handler it replaced (for :func:`restore_termination`), or None."""
    try:
        return signal.signal(signal.SIGTERM, _raise_terminated)
    except (ValueError, OSError):  # not the main thread (an embedding caller): leave it
        return None


def restore_termination(previous: Any) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def prepare_worker() -> None:
    """Signal dispositions of a worker process (see the module's docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    # (Strictly, Linux kills it when the thread that forked it ends: the pools are made
    # by the thread that consumes the run, which outlives them.)
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the pool's own pipes still end the worker
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def peak_rss() -> int:
    """This process's peak resident memory in bytes (0 where unknown)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def is_crash(exc: BaseException) -> bool:
    """Whether ``exc``, raised while linting a file, is that file's crash to report (an
    E900) rather than a request to stop the whole run."""
    if isinstance(exc, (Exception, SystemExit)):
        return True
    if isinstance(exc, KeyboardInterrupt):
        try:
            return signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        except (ValueError, OSError):  # pragma: no cover
            return False
    return False


def stop_pool(pool: Any, kill: bool) -> None:
    """Shut a ``ProcessPoolExecutor`` down; with ``kill``, its workers are killed first
    (an interrupted run must not wait for the files in flight, nor leave a process)."""
    if kill:
        # (ProcessPoolExecutor.kill_workers exists from Python 3.14 only.)
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for proc in processes:
            try:
                proc.kill()
            except (OSError, ValueError, AttributeError):
                pass
        for proc in processes:
            try:
                proc.join(5)
            except (OSError, ValueError, AttributeError, AssertionError):
                pass
    pool.shutdown(wait=True, cancel_futures=True)


def can_fork_child() -> bool:
    """Whether :func:`in_forked_child` may be used here (Linux: elsewhere the pool's own
    start method decides how a worker is made)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def in_forked_child(work: Callable[[], T], failed: Callable[[str], T]) -> T:
    """``work()`` run in a forked child process, its result pickled back through a pipe.

    One file's isolation without a pool: the child is a copy of this process (the
    registry, the rules and the reader already loaded), lints and exits; a pool's
    machinery (multiprocessing's modules, its threads and queues) would cost a cold single
    file more than the linting. A child that dies before it answers (killed, ``os._exit``,
    a crash in C) gives ``failed("the worker process linting this file died")``; a result
    that cannot be pickled gives ``failed`` with the reason. Ctrl-C or SIGTERM in this
    process kills the child before the exception goes on (the child itself ignores
    Ctrl-C, as pool workers do: :func:`prepare_worker`)."""
    import pickle

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        def answer() -> bytes:
            try:
                return pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # noqa: BLE001 - the parent reports it on the file
                return pickle.dumps(("failed", f"worker failed: {type(exc).__name__}: {exc}"))

        answer_and_exit(read_end, write_end, answer)
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as answer_in:
            answer = answer_in.read()
        os.waitpid(pid, 0)
    except BaseException:
        _kill_child(pid)
        raise
    if not answer:
        return failed("the worker process linting this file died")
    kind, value = pickle.loads(answer)
    return value if kind == "ok" else failed(value)


def answer_and_exit(read_end: int, write_end: int, answer: Callable[[], bytes]) -> None:
    """The forked child's side of a pipe to its parent (:func:`in_forked_child`,
    :mod:`gplint.pdf_memory`): close the parent's end, take a worker's signal dispositions
    (:func:`prepare_worker`), write ``answer()`` and end with ``os._exit`` — status 0 once
    the answer is written, 1 if anything failed before (the parent then finds no answer).
    Never returns."""
    status = 1
    try:
        os.close(read_end)
        prepare_worker()
        reply = answer()
        with os.fdopen(write_end, "wb") as out:
            out.write(reply)
        status = 0
    finally:
        os._exit(status)


def _kill_child(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (OSError, ChildProcessError):
        pass
