"""Reports per second on one machine: the command line, ``gplint cluster`` on a LocalCluster
with local paths, and the same through fsspec (``file://`` URLs), on the same files.

    python bench/cluster.py [--n 2000] [--workers 2] [--repeat 3] [--partition-size 250]

The corpus is bench/mixed.py's (every layout the reader knows). The command line runs as
``gplint --format jsonl --jobs WORKERS`` in a fresh process; the cluster runs use one
LocalCluster (started once, its start-up printed apart) and write their parts to a
temporary folder. Each figure is the median of ``--repeat`` runs with the range after it;
a floor (read + decode + one regex pass, bench/throughput.py) is measured before each.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import gplint_cmd, machine, measure, median  # noqa: E402
from mixed import write_mixed_corpus  # noqa: E402
from throughput import floor  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--partition-size", type=int, default=250)
    args = ap.parse_args(argv)
    import logging

    from distributed import Client, LocalCluster

    from gplint import cluster

    work = tempfile.mkdtemp(prefix="gplint-cluster-bench-")
    try:
        reports = os.path.join(work, "reports")
        paths = write_mixed_corpus(reports, args.n)
        floor(paths)  # the page cache
        t = time.perf_counter()
        local = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                             dashboard_address=":0", silence_logs=logging.ERROR)
        client = Client(local)
        started = time.perf_counter() - t
        print(f"# cluster  ({machine()}; {args.n} mixed-layout reports; {args.workers} workers; "
              f"partitions of {args.partition_size}; LocalCluster start-up {started:.1f} s, not counted)")
        rows: dict[str, list[tuple[float, float]]] = {"cli": [], "cluster": [], "fsspec": []}
        for i in range(args.repeat):
            fw, _, _ = floor(paths)
            r = measure(gplint_cmd() + ["--quiet", "--format", "jsonl", "--jobs", str(args.workers), reports])
            rows["cli"].append((r.wall, fw))
            for name, source in (("cluster", reports), ("fsspec", "file://" + reports)):
                fw, _, _ = floor(paths)
                t = time.perf_counter()
                summary = cluster.run([source], os.path.join(work, f"out-{name}-{i}"), client=client,
                                      partition_size=args.partition_size)
                rows[name].append((time.perf_counter() - t, fw))
                assert summary.files == args.n
        print(f"{'path':>8} {'reports/s':>17} {'x floor (wall)':>16}")
        for name, runs in rows.items():
            rates = [args.n / w for w, _ in runs]
            multiples = [w / f for w, f in runs]
            print(f"{name:>8} {median(rates):>6.0f} [{min(rates):.0f}-{max(rates):.0f}] "
                  f"{median(multiples):>6.0f} [{min(multiples):.0f}-{max(multiples):.0f}]")
        client.close()
        local.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
