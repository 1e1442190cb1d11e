"""A per-file time limit for threads that cannot use SIGALRM (a Dask worker runs its tasks
in a thread pool; only a process's main thread may handle signals).

:class:`ThreadTimer` raises an exception *in the thread being timed*, from a timer thread,
through CPython's ``PyThreadState_SetAsyncExc``. The exception arrives at the next Python
instruction the timed thread runs; gplint's reader and rules are Python, so a runaway
report is stopped within moments. Time spent inside one long C call (a single regular
expression match, a C extension) is not interrupted until that call returns.
"""
from __future__ import annotations

import ctypes
import threading
from typing import Optional

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.restype = ctypes.c_int


def _raise_in(thread: int, exc_type: Optional[type[BaseException]]) -> None:
    """Make ``exc_type`` pending in ``thread``; None withdraws a pending one (a NULL)."""
    _set_async_exc(ctypes.c_ulong(thread), None if exc_type is None else ctypes.py_object(exc_type))


class ThreadTimer:
    """Arm for ``seconds`` in the thread to be timed; :meth:`disarm` in the same thread.

    If the time runs out, ``exc_type`` is raised in that thread; :meth:`disarm` raises it
    too when the limit fired but the exception had not arrived yet, so the outcome never
    depends on where exactly the thread was when the timer fired."""

    __slots__ = ("seconds", "exc_type", "_lock", "_thread", "_timer", "_armed", "_fired")

    def __init__(self, seconds: float, exc_type: type[BaseException]) -> None:
        self.seconds = seconds
        self.exc_type = exc_type
        self._lock = threading.Lock()
        self._thread: Optional[int] = None
        self._timer: Optional[threading.Timer] = None
        self._armed = False
        self._fired = False

    def arm(self) -> None:
        self._thread = threading.get_ident()
        self._armed = True
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._armed:
                self._fired = True
                _raise_in(self._thread, self.exc_type)

    def disarm(self) -> None:
        with self._lock:
            self._armed = False
            fired = self._fired
        if self._timer is not None:
            self._timer.cancel()
        if fired:
            # Withdraw an exception still pending (none if it was already raised), then
            # raise it here, at a known place.
            _raise_in(self._thread, None)
            raise self.exc_type()
