"""The review report for a batch: what ``--format html`` (and ``csv``) adds to a run, and
how large the page is.

    python bench/review_page.py [--reports 300] [--repeat 3]

Builds a folder of --reports texts from the test corpus, then times ``gplint DIR`` with
the text format, with ``--format csv`` and with ``--format html`` (wall time, median of
--repeat fresh processes), and prints the page's size. The html and csv formats read each
file again and parse it for its title and sections; the difference is that cost.
"""
from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import CORPUS, bench_env, gplint_cmd, machine, median  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reports", type=int, default=300)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    texts = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
    folder = tempfile.mkdtemp(prefix="gplint-review-bench-")
    try:
        for i in range(args.reports):
            shutil.copy(texts[i % len(texts)], os.path.join(folder, f"report-{i:04d}.txt"))
        print(machine())
        print(f"{args.reports} reports from {len(texts)} corpus texts")
        sizes = {}
        for fmt in ("text", "csv", "html"):
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                proc = subprocess.run(gplint_cmd() + [folder, "-q", "--format", fmt], capture_output=True, env=bench_env())
                times.append(time.perf_counter() - t)
                sizes[fmt] = len(proc.stdout)
            print(f"--format {fmt:<5} median {median(times):6.2f} s  (best {min(times):.2f} s)  "
                  f"output {sizes[fmt] / 1048576:.1f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
