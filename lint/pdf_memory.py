"""A PDF backend reads one document in a child process whose address space is bounded.

What a PDF's streams inflate to is measured before a backend sees them
(:mod:`gplint.pdf_bounds`, :mod:`gplint.pdf_text`), but what the backend builds from the
inflated bytes is not: a 60 KB PDF whose 30 MB content stream draws 2.2 million paths made
PDFium allocate 610 MB and pdfminer 2.6 GB. Neither lets a caller bound its allocations
(PDFium ends the process when one fails), so on Linux :func:`within_memory` forks, limits
the child's address space (``RLIMIT_AS``) to what it had plus :func:`memory_for` the file,
runs the backend there and takes its text back through a pipe. A child that runs out
(pdfminer's ``MemoryError``, or PDFium ending the process near the limit) is an
:class:`~gplint.sources.InputError` naming the bound; a child that dies for another reason
(a crash in C on a damaged file) is one saying so. The fork costs ≈ 10 ms a PDF.

Elsewhere (no ``fork``, no ``RLIMIT_AS``) the backend runs in this process, bounded by the
stream, page and object limits only.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
from typing import Callable

from .sources import InputError

MIN_MEMORY = 256 * 1024 * 1024
MAX_MEMORY = 1024 * 1024 * 1024
#: Memory allowed per byte of the file, beyond the process's own (PDFium reads a 400 KB
#: report in ≈ 10 MB more than it had).
MEMORY_PER_BYTE = 32


def memory_for(size: int) -> int:
    return max(MIN_MEMORY, min(MAX_MEMORY, size * MEMORY_PER_BYTE))


def _available() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        import resource

        return hasattr(resource, "RLIMIT_AS")
    except ImportError:
        return False


def _out_of_memory(limit: int) -> InputError:
    return InputError(f"reading this PDF needs more than {limit // 1048576} MB of memory "
                      "(a limit of gplint's: not a report)")


def within_memory(work: Callable[[], str], limit: int) -> str:
    """``work()`` (a backend's text of one document) with at most ``limit`` more bytes of
    address space: in a forked child on Linux, else here. InputError raised by ``work``
    is raised here too."""
    if not _available():
        return work()
    resident = _resident()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        _child(work, limit, read_end, write_end)  # never returns
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as answer_in:
            answer = answer_in.read()
        _, status, usage = os.wait4(pid, 0)
    except BaseException:  # Ctrl-C, SIGTERM, the per-file timer: the child goes too
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        raise
    if answer:
        kind, value = pickle.loads(answer)
        if kind == "ok":
            return value
        raise _out_of_memory(limit) if kind == "memory" else InputError(value)
    if usage.ru_maxrss * 1024 - resident >= limit // 4:  # it died growing towards the limit
        raise _out_of_memory(limit)
    how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit status {os.WEXITSTATUS(status)}"
    raise InputError(f"the PDF backend crashed on this PDF ({how}): a damaged file?")


def _child(work: Callable[[], str], limit: int, read_end: int, write_end: int) -> None:
    from .workers import answer_and_exit

    def answer() -> bytes:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = _address_space() + limit
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        try:
            return pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            return pickle.dumps(("memory", ""))
        except InputError as exc:
            return pickle.dumps(("input", str(exc)))
        except Exception as exc:  # noqa: BLE001 - reported on the file, as the backends do
            return pickle.dumps(("input", f"cannot read PDF ({type(exc).__name__}: {str(exc)[:200]})"))

    answer_and_exit(read_end, write_end, answer)


def _address_space() -> int:
    """This process's address space in bytes (the first field of /proc/self/statm)."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _resident() -> int:
    """This process's resident memory in bytes, which a forked child starts its peak from."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
