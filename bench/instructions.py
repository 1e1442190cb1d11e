"""Instructions per report: a figure that does not move with the machine's load.

    python bench/instructions.py [--n 100] [--corpus synth|mixed]

Runs ``gplint`` under ``valgrind --tool=callgrind`` over N synthetic reports and over the
first of them alone, and prints (instructions of the first − instructions of the second) /
(N − 1), in millions, plus the start-up's own count (an empty folder); then the same for
throughput.py's floor (read + decode + one regex pass) and gplint's count as a multiple of
the floor's. Seconds on a shared host move by tens of percent from one minute to the next; instruction counts (hash seed fixed) repeat exactly, so a change
that makes gplint do less shows up here even when timings cannot tell. (Instructions are
not time: memory traffic and allocation count too. Read this beside throughput.py.)
Needs valgrind (Debian's package); about a minute for N = 100.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import bench_env, gplint_cmd, machine  # noqa: E402
import synth  # noqa: E402


def _instructions(cmd: list[str], env: dict) -> int:
    """Instructions callgrind counted for a command (its own process; --jobs 1)."""
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    found = re.findall(r"Collected\s*:\s*(\d+)", p.stderr)
    if not found:
        raise SystemExit(f"callgrind printed no count (exit {p.returncode}):\n{p.stderr[-2000:]}")
    return sum(int(x) for x in found)


# throughput.py's floor over every file of a folder (the same code, imported).
_FLOOR = (
    "import os, sys; sys.path.insert(0, %r); from throughput import floor; "
    "d = sys.argv[1]; floor(sorted(os.path.join(d, f) for f in os.listdir(d)))"
    % os.path.dirname(os.path.abspath(__file__)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bytes", type=int, default=8000)
    ap.add_argument("--corpus", choices=("synth", "mixed"), default="synth",
                    help="synth.py's four layouts (default), or mixed.py's every layout the reader knows")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)")
        return 2
    env = bench_env()
    # String hashing is randomised per process; with it, set and dict orders (and so a few
    # percent of the count) change from run to run. A fixed seed makes runs repeat exactly.
    env["PYTHONHASHSEED"] = "0"
    work = tempfile.mkdtemp(prefix="gplint-instr-")
    # A cache directory of this run's own (the shape cache, gplint.shape_cache), filled by
    # the first run below: another gplint on the machine writing its own cannot move the
    # count.
    env["XDG_CACHE_HOME"] = os.path.join(work, "cache")
    try:
        reports = os.path.join(work, "reports")
        empty = os.path.join(work, "empty")
        one = os.path.join(work, "one")
        os.makedirs(empty)
        os.makedirs(one)
        if args.corpus == "mixed":
            from mixed import write_mixed_corpus

            write_mixed_corpus(reports, args.n, args.seed)
            what = f"{args.n} mixed-layout reports"
        else:
            synth.write_corpus(reports, args.n, args.seed, args.bytes)
            what = f"{args.n} synthetic ≈ {args.bytes // 1000} KB reports"
        first = sorted(os.listdir(reports))[0]
        shutil.copy(os.path.join(reports, first), os.path.join(one, first))
        base = gplint_cmd() + ["--quiet", "--format", "jsonl", "--jobs", "1"]
        subprocess.run(base + [reports], stdout=subprocess.DEVNULL, env=env)  # bytecode and shape caches
        full = _instructions(base + [reports], env)
        start = _instructions(base + [empty], env)
        single = _instructions(base + [one], env)
        print(f"# instructions  ({machine()})")
        print(f"start-up (empty folder): {start / 1e6:.0f} M instructions; one report: {single / 1e6:.0f} M")
        # Files are linted in a worker process, and callgrind counts a forked child's
        # instructions from the start of its parent: N reports less one report cancels
        # that (and the start-up) whatever the worker inherited.
        per_report = (full - single) / (args.n - 1)
        print(f"per report ({what}): {per_report / 1e6:.2f} M instructions")
        floor_cmd = [sys.executable, "-c", _FLOOR]
        subprocess.run(floor_cmd + [empty], env=env)  # bytecode cache, as for gplint above
        floor = (_instructions(floor_cmd + [reports], env) - _instructions(floor_cmd + [empty], env)) / args.n
        print(f"floor (read + decode + 1 regex pass, as throughput.py): {floor / 1e6:.2f} M instructions "
              f"a report; gplint = {per_report / floor:.1f}x the floor in instructions "
              "(in CPU time the multiple is larger: the floor's regex loop does more per cycle)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
