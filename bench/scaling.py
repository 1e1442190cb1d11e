"""Scaling: time and peak memory for growing N, to show cost per report stays flat.

    python bench/scaling.py [--ns 200,1000,2000] [--jobs 2]
    python bench/scaling.py --full          # N = 1,000, 10,000 and 50,000 (≈400 MB of text)
    python bench/scaling.py --full --formats json,sarif,jsonl --pool findings

``--pool findings`` lints copies of the real reports of tests/corpus and examples/ (≈ 2
findings a file) instead of consistent synthetic ones (none), so that an output format
that kept its findings would show it in the peak memory.

The reports are generated once for the largest N (bench/synth.py) and hard-linked into one
directory per N. Prints wall time, reports/s, CPU ms per report and the peak RSS of the
largest gplint process for each N: with results streamed, neither the per-report cost nor
the memory may grow with N.
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ns", default="200,1000,2000")
    ap.add_argument("--full", action="store_true", help="N = 1000,10000,50000")
    ap.add_argument("--jobs", default="2")
    ap.add_argument("--bytes", type=int, default=8000)
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--formats", default=None, help="several formats, comma-separated (default: --format)")
    ap.add_argument("--pool", choices=("synth", "findings"), default="synth")
    args = ap.parse_args(argv)
    ns = [1000, 10000, 50000] if args.full else [int(n) for n in args.ns.split(",")]
    formats = (args.formats or args.format).split(",")
    work = tempfile.mkdtemp(prefix="gplint-scaling-")
    try:
        if args.pool == "synth":
            pool = synth.write_corpus(os.path.join(work, "pool"), max(ns), 0, args.bytes)
        else:
            pool = _findings_pool(os.path.join(work, "pool"), max(ns))
        print(f"# scaling  ({machine()}; --format {','.join(formats)}; pool {args.pool})")
        print(f"{'N':>7} {'format':>6} {'jobs':>4} {'wall s':>8} {'reports/s':>9} {'cpu ms/report':>13} "
              f"{'wall ms/report':>14} {'output MB':>9} {'peak MB':>7}")
        for n in ns:
            d = os.path.join(work, f"n{n}")
            os.makedirs(d)
            for p in pool[:n]:
                os.link(p, os.path.join(d, os.path.basename(p)))
            for fmt in formats:
                for jobs in args.jobs.split(","):
                    out = os.path.join(work, "out")
                    r = measure(gplint_cmd() + ["--quiet", "--format", fmt, "--jobs", jobs, d], stdout=out)
                    if r.rc not in (0, 1):
                        print(f"gplint failed (exit {r.rc}): {r.stderr}")
                        return 2
                    print(f"{n:>7} {fmt:>6} {jobs:>4} {r.wall:>8.2f} {n / r.wall:>9.0f} {r.cpu / n * 1000:>13.2f} "
                          f"{r.wall / n * 1000:>14.2f} {os.path.getsize(out) / 1048576:>9.1f} {r.maxrss_mb:>7.0f}",
                          flush=True)
            shutil.rmtree(d)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _findings_pool(directory: str, n: int) -> list[str]:
    """``n`` hard links to the real reports of tests/corpus and examples/, in turn."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sources = sorted(os.path.join(root, "tests", "corpus", f) for f in os.listdir(os.path.join(root, "tests", "corpus"))
                     if f.endswith(".txt"))
    sources += sorted(os.path.join(root, "examples", f) for f in os.listdir(os.path.join(root, "examples"))
                      if f.endswith((".txt", ".md")) and f != "README.md")
    os.makedirs(directory)
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        dst = os.path.join(directory, f"r{i:06d}{os.path.splitext(src)[1]}")
        os.link(src, dst)
        out.append(dst)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
