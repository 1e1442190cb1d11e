"""Shared helpers for the bench scripts: running a command and measuring it.

Every figure is printed, never asserted. On a shared machine wall-clock times move with the
load; the CPU times (user + system, of the process and all its workers) move much less, so
both are printed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Sequence

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "corpus")


def bench_env() -> dict:
    """The environment for measured runs: with a bytecode cache, as an installed gplint has.

    (``PYTHONDONTWRITEBYTECODE=1`` would make every cold start compile all of gplint from
    source; the cache goes to a private prefix so the checkout stays clean.) Set
    ``GPLINT_BENCH_NO_PYC=1`` to measure without it.
    """
    env = dict(os.environ)
    # Linting is what is measured: never answers from the result cache (bench/cache.py
    # measures the cache and sets its own).
    env.setdefault("GPLINT_NO_CACHE", "1")
    if env.get("GPLINT_BENCH_NO_PYC"):
        return env
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", os.path.join(tempfile.gettempdir(), "gplint-bench-pyc"))
    return env


def gplint_cmd() -> list[str]:
    """``gplint`` as installed next to this Python (the project's virtualenv)."""
    exe = os.path.join(os.path.dirname(sys.executable), "gplint")
    return [exe] if os.path.exists(exe) else [sys.executable, "-m", "gplint"]


# Runs the command in a fresh process and reports its children's resource usage: that
# isolates one run's peak RSS (ru_maxrss is a high-water mark per waiting process).
_WRAPPER = r"""
import json, resource, subprocess, sys, time
out, stdout = sys.argv[1], sys.argv[2]
t = time.perf_counter()
sink = open(stdout, "wb") if stdout else subprocess.DEVNULL
p = subprocess.run(sys.argv[3:], stdout=sink, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"wall": wall, "user": ru.ru_utime, "sys": ru.ru_stime, "maxrss_kb": ru.ru_maxrss,
           "rc": p.returncode, "stderr": p.stderr.decode("utf-8", "replace")[-2000:]}, open(out, "w"))
"""


@dataclass
class Run:
    wall: float
    cpu: float
    maxrss_mb: float
    rc: int
    stderr: str


def measure(cmd: Sequence[str], stdout: str = "", env: dict | None = None) -> Run:
    """One run's wall and CPU time and peak RSS; its output goes to the file ``stdout``
    (nowhere if not given)."""
    fd, out = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        subprocess.run([sys.executable, "-c", _WRAPPER, out, stdout, *cmd], check=True, env=env or bench_env())
        with open(out, encoding="utf-8") as fh:
            d = json.load(fh)
    finally:
        os.unlink(out)
    return Run(d["wall"], d["user"] + d["sys"], d["maxrss_kb"] / 1024, d["rc"], d["stderr"])


def cpu_now() -> float:
    """CPU seconds of this process (user + system), to the nanosecond clock's resolution
    (``os.times`` counts 10 ms ticks: too coarse for a floor of ~0.1 s)."""
    return time.process_time()


def timed(fn, *args):
    """(wall seconds, cpu seconds of this process, result)."""
    c, t = cpu_now(), time.perf_counter()
    res = fn(*args)
    return time.perf_counter() - t, cpu_now() - c, res


def median(xs: Sequence[float]) -> float:
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def corpus_files(corpus: str = CORPUS) -> list[str]:
    return sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))


def machine() -> str:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"python {sys.version.split()[0]}, {cores} core(s), load average {load:.2f}"
