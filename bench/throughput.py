"""Throughput: N synthetic ≈8 KB reports in mixed layouts, gplint --jobs 1 and --jobs 2.

    python bench/throughput.py [--n 1000] [--bytes 8000] [--jobs 1,2] [--dir DIR]

Prints reports/s, MB/s, CPU time per report and peak memory (largest process, from
getrusage of the children) for each --jobs, and, in the same run, the *floor*: reading and
decoding the same files and one regular-expression pass over each text in Python. gplint's
time is printed as a multiple of the floor. Targets (2 cores): ≥ 400 reports/s with
--jobs 2, ≤ 30× the floor.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import cpu_now, gplint_cmd, machine, measure  # noqa: E402
import synth  # noqa: E402

# One pass: every number (the least a checker of these tables must look at).
_FLOOR_RE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


def floor(paths: list[str]) -> tuple[float, float, int]:
    """(wall, cpu, numbers found): read + decode + one regex pass, in this process."""
    c, t = cpu_now(), time.perf_counter()
    found = 0
    for p in paths:
        with open(p, "rb") as fh:
            text = fh.read().decode("utf-8")
        found += len(_FLOOR_RE.findall(text))
    return time.perf_counter() - t, cpu_now() - c, found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--bytes", type=int, default=8000)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dir", default=None, help="write the reports here and keep them")
    args = ap.parse_args(argv)

    work = args.dir or tempfile.mkdtemp(prefix="gplint-bench-")
    try:
        t = time.perf_counter()
        paths = synth.write_corpus(work, args.n, args.seed, args.bytes)
        size = sum(os.path.getsize(p) for p in paths)
        mb = size / 1e6
        print(f"# throughput  ({machine()})")
        print(f"corpus: {args.n} reports, {mb:.1f} MB, {size / args.n / 1000:.1f} KB each, "
              f"layouts {'/'.join(synth.LAYOUTS)} (generated in {time.perf_counter() - t:.1f} s)")
        floor(paths)  # warm the page cache so both sides read from memory
        fw, fc, _ = floor(paths)
        print(f"floor (read + decode + 1 regex pass): {fw * 1000:.1f} ms wall, "
              f"{fw / args.n * 1e6:.0f} µs/report, {mb / fw:.0f} MB/s")
        print(f"{'jobs':>4} {'wall s':>7} {'reports/s':>9} {'MB/s':>6} {'cpu ms/report':>13} "
              f"{'peak MB':>7} {'x floor (wall)':>14} {'x floor (cpu)':>13}")
        for jobs in [int(j) for j in args.jobs.split(",")]:
            r = measure(gplint_cmd() + ["--quiet", "--format", "jsonl", "--jobs", str(jobs), work])
            if r.rc not in (0, 1):
                print(f"gplint failed (exit {r.rc}): {r.stderr}")
                return 2
            print(f"{jobs:>4} {r.wall:>7.2f} {args.n / r.wall:>9.0f} {mb / r.wall:>6.2f} "
                  f"{r.cpu / args.n * 1000:>13.2f} {r.maxrss_mb:>7.0f} {r.wall / fw:>14.0f} {r.cpu / fc:>13.0f}")
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
