"""Throughput: N synthetic ≈8 KB reports in mixed layouts, gplint --jobs 1 and --jobs 2.

    python bench/throughput.py [--n 1000] [--bytes 8000] [--jobs 1,2] [--repeat 3] [--dir DIR]
    python bench/throughput.py --corpus mixed     # every layout the reader knows (bench/mixed.py)

Prints reports/s, MB/s, CPU time per report and peak memory (largest process, from
getrusage of the children) for each --jobs, and, in the same run, the *floor*: reading and
decoding the same files and one regular-expression pass over each text in Python. gplint's
time is printed as a multiple of the floor. Targets (2 cores): ≥ 400 reports/s with
--jobs 2, ≤ 30× the floor.

On a shared host the speed of the machine moves from one minute to the next, so each
gplint run is paired with a floor measured just before it, and the multiple is taken per
pair. Every figure is the median of ``--repeat`` pairs; the range follows in brackets.
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
from _common import cpu_now, gplint_cmd, machine, measure, median  # noqa: E402
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
    ap.add_argument("--repeat", type=int, default=3, help="runs per --jobs value (median printed)")
    ap.add_argument("--dir", default=None, help="write the reports here and keep them")
    ap.add_argument("--corpus", choices=("synth", "mixed"), default="synth",
                    help="synth: bench/synth.py's four layouts; mixed: every layout the reader knows")
    args = ap.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        ap.error("--n and --repeat must be at least 1")

    work = args.dir or tempfile.mkdtemp(prefix="gplint-bench-")
    try:
        t = time.perf_counter()
        if args.corpus == "mixed":
            from mixed import MIXED_LAYOUTS, write_mixed_corpus

            paths = write_mixed_corpus(work, args.n, args.seed)
            layouts = [layout for _, layout in MIXED_LAYOUTS]
        else:
            paths = synth.write_corpus(work, args.n, args.seed, args.bytes)
            layouts = list(synth.LAYOUTS)
        size = sum(os.path.getsize(p) for p in paths)
        mb = size / 1e6
        print(f"# throughput  ({machine()})")
        print(f"corpus {args.corpus}: {args.n} reports, {mb:.1f} MB, {size / args.n / 1000:.1f} KB each, "
              f"{len(layouts)} layouts {'/'.join(layouts)} (generated in {time.perf_counter() - t:.1f} s)")
        floor(paths)  # warm the page cache so both sides read from memory
        floors = []
        table = []
        for jobs in [int(j) for j in args.jobs.split(",")]:
            runs = []
            for _ in range(args.repeat):
                fw, fc, _ = floor(paths)
                r = measure(gplint_cmd() + ["--quiet", "--format", "jsonl", "--jobs", str(jobs), work])
                if r.rc not in (0, 1):
                    print(f"gplint failed (exit {r.rc}): {r.stderr}")
                    return 2
                floors.append(fw)
                runs.append((r, fw, fc))
            table.append((jobs, runs))
        fw = median(floors)
        print(f"floor (read + decode + 1 regex pass): {fw * 1000:.1f} ms wall, "
              f"{fw / args.n * 1e6:.0f} µs/report, {mb / fw:.0f} MB/s  (median of {len(floors)})")
        print(f"median of {args.repeat} runs each, [min-max] after it; "
              "each run's multiple is against the floor measured just before it")
        print(f"{'jobs':>4} {'wall s':>7} {'reports/s':>15} {'MB/s':>6} {'cpu ms/report':>17} "
              f"{'peak MB (max)':>13} {'x floor (wall)':>15} {'x floor (cpu)':>15}")

        def col(values, fmt):
            return f"{format(median(values), fmt)} [{format(min(values), fmt)}-{format(max(values), fmt)}]"

        for jobs, runs in table:
            walls = [r.wall for r, _, _ in runs]
            print(f"{jobs:>4} {median(walls):>7.2f} {col([args.n / w for w in walls], '.0f'):>15} "
                  f"{median([mb / w for w in walls]):>6.2f} "
                  f"{col([r.cpu / args.n * 1000 for r, _, _ in runs], '.2f'):>17} "
                  f"{max(r.maxrss_mb for r, _, _ in runs):>13.0f} "
                  f"{col([r.wall / max(w, 1e-9) for r, w, _ in runs], '.0f'):>15} "
                  f"{col([r.cpu / max(c, 1e-9) for r, _, c in runs], '.0f'):>15}")
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
