"""The history store at scale: what recording and the cross-report checks cost beside a
plain run.

    python bench/history.py [--n 2000] [--jobs 2]
    python bench/history.py --full          # N = 50,000 (≈400 MB of text, several minutes)

Generates N reports (bench/synth.py: many agencies, four years each, several reports an
agency-year, so the store also keeps versions), then times, each in a fresh process:

- plain: ``gplint DIR`` (the budget);
- record: ``gplint DIR --record F`` into an empty store;
- record again: the same run again (every report already recorded: idempotent);
- check: ``gplint DIR --history F`` (the X-rules read the full store);
- record+check: ``--record --history F`` into an empty store (records first, then checks).

Prints wall seconds, reports/s, CPU ms a report (of all processes), the ratio to the plain
run's CPU, and the store's size on disk.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import gplint_cmd, machine, measure  # noqa: E402
import synth  # noqa: E402


def _size_mb(path: str) -> float:
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p)) / 1048576


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--full", action="store_true", help="N = 50,000")
    ap.add_argument("--jobs", default="2")
    args = ap.parse_args(argv)
    n = 50_000 if args.full else args.n
    work = tempfile.mkdtemp(prefix="gplint-history-")
    try:
        corpus = os.path.join(work, "reports")
        synth.write_corpus(corpus, n, 0)
        db = os.path.join(work, "history.sqlite")
        base = gplint_cmd() + ["--quiet", "--format", "jsonl", "--jobs", args.jobs, corpus]
        runs = [("plain", base, False), ("record", base + ["--record", db], True),
                ("record again", base + ["--record", db], False),
                ("check", base + ["--history", db], False),
                ("record+check", base + ["--record", "--history", db], True)]
        print(f"# history  ({machine()}; N = {n}, --jobs {args.jobs})")
        print(f"{'run':<13} {'wall s':>8} {'reports/s':>9} {'cpu ms/report':>13} {'x plain cpu':>11} {'store MB':>8}")
        plain_cpu = None
        for name, cmd, fresh in runs:
            if fresh:
                for p in (db, db + "-wal", db + "-shm"):
                    if os.path.exists(p):
                        os.unlink(p)
            r = measure(cmd)
            if r.rc not in (0, 1):
                print(f"gplint failed (exit {r.rc}): {r.stderr}")
                return 2
            plain_cpu = plain_cpu or r.cpu
            size = _size_mb(db) if os.path.exists(db) else 0.0
            print(f"{name:<13} {r.wall:>8.2f} {n / r.wall:>9.0f} {r.cpu / n * 1000:>13.2f} {r.cpu / plain_cpu:>11.2f} "
                  f"{size:>8.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
