"""The result cache: a second pre-commit run over unchanged files should cost start-up only.

Prints, for the corpus texts (``tests/corpus/*.txt``) given to one ``gplint`` as a
pre-commit hook gives them:

- start-up: ``gplint --version`` (imports and argument parsing), and ``gplint`` on an
  empty folder (the rules loaded and the configuration looked up, nothing linted);
- no cache: ``gplint --no-cache FILES`` (every file linted);
- cold cache: the first run with an empty cache (linting + storing the entries);
- warm cache: the same run again (every file hashed and its entry read).

Medians of ``--repeat`` runs (wall and CPU, the process and its workers), ``--jobs 1``.
``--synthetic N`` uses N generated ≈8 KB reports (``synth.py``) instead of the corpus.
Usage: python bench/cache.py [--files N | --synthetic N] [--repeat R]
"""
from __future__ import annotations

import argparse
import glob
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import CORPUS, bench_env, gplint_cmd, machine, measure, median  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--synthetic", type=int, default=0, metavar="N")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))[:args.files]
    work = tempfile.mkdtemp(prefix="gplint-bench-reports-")
    if args.synthetic:
        from synth import make_report

        files = []
        for i in range(args.synthetic):
            files.append(os.path.join(work, f"r{i:05d}.txt"))
            with open(files[-1], "w", encoding="utf-8") as fh:
                fh.write(make_report(i)[0])
    cache_dir = tempfile.mkdtemp(prefix="gplint-bench-cache-")
    env = dict(bench_env(), GPLINT_NO_CACHE="", GPLINT_CACHE_DIR=cache_dir)
    base = gplint_cmd() + ["--quiet", "--jobs", "1"]
    print(machine())
    kind = "synthetic" if args.synthetic else "corpus"
    print(f"{len(files)} {kind} reports, one gplint process a run, median of {args.repeat}")
    empty = tempfile.mkdtemp(prefix="gplint-bench-empty-")
    rows = {"start-up (gplint --version)": [], "start-up (empty folder)": [], "no cache": [], "cold cache": [],
            "warm cache": []}
    try:
        measure(base + files, env=env)  # warm the OS caches and the bytecode
        for _ in range(args.repeat):
            rows["start-up (gplint --version)"].append(measure(gplint_cmd() + ["--version"], env=env))
            rows["start-up (empty folder)"].append(measure(base + [empty], env=env))
            rows["no cache"].append(measure(base + ["--no-cache"] + files, env=env))
            shutil.rmtree(cache_dir, ignore_errors=True)
            rows["cold cache"].append(measure(base + files, env=env))
            rows["warm cache"].append(measure(base + files, env=env))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
        shutil.rmtree(empty, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    for name, runs in rows.items():
        wall = median([r.wall for r in runs]) * 1000
        cpu = median([r.cpu for r in runs]) * 1000
        print(f"  {name:<28} wall {wall:7.0f} ms   cpu {cpu:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
