"""Lint a large collection of reports on Dask (``pip install 'gplint[dask]'``).

    python examples/dask_batch.py REPORTS_DIR [MORE ...] [--scheduler processes] [--partitions 64]

prints the same JSON array as ``gplint --format json REPORTS_DIR ...`` (same files, same
order, same findings), computed by ``dask.bag``: each partition is linted by
:func:`gplint.batch.lint_partition`, which reuses one rule registry per worker process.
``--scheduler distributed`` runs on the Dask cluster at ``--address`` (a ``LocalCluster``
when none is given); paths are made absolute first, so workers in another working directory
read the same files.

This example gathers every result on the client: right for thousands of reports. For a
national year use ``gplint cluster`` (gplint.cluster): it reads fsspec URLs, writes one JSONL
part per partition on the workers, records a manifest and resumes an interrupted run.

``--record FILE`` also records every report in the history store FILE (docs/history.md):
the workers return each report's record with its result, and the driver writes them all
(one writer: the workers never touch the store). ``--history FILE`` checks each report
against a store recorded before (the workers open it read-only: a shared disk, or a copy).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, Optional, Sequence


def lint_bag(paths: Sequence[str], options: Optional[dict] = None, partitions: Optional[int] = None):
    """A ``dask.bag`` of result dicts (``gplint.batch`` shape), one per report file, in order."""
    import dask.bag as db

    from gplint.batch import discover_files, lint_partition

    found = discover_files(paths)  # the files (texts and documents) the CLI would lint
    files = [os.path.abspath(f) for f in found]  # absolute: workers may run elsewhere
    names = dict(zip(files, found))
    if not files:
        return db.from_sequence([], npartitions=1)
    n = partitions or max(1, min(len(files), len(files) // 200 or 1))
    bag = db.from_sequence(files, npartitions=min(n, len(files)))
    return bag.map_partitions(lint_partition, options).map(_renamed, names)


def _renamed(result: dict, names: dict) -> dict:
    """The result under the name the file was given by (as ``gplint`` prints it)."""
    name = names.get(result["path"], result["path"])
    return {**result, "path": name, "diagnostics": [{**d, "path": name} for d in result["diagnostics"]]}


def run(paths: Sequence[str], options: Optional[dict] = None, scheduler: str = "processes",
        partitions: Optional[int] = None, address: Optional[str] = None) -> list[dict[str, Any]]:
    """Compute every result with the given Dask scheduler ("synchronous", "threads",
    "processes", or "distributed": the cluster at ``address``, else a LocalCluster)."""
    bag = lint_bag(paths, options, partitions)
    if scheduler != "distributed":
        return list(bag.compute(scheduler=scheduler))
    from distributed import Client, LocalCluster

    with (Client(address) if address else Client(LocalCluster(dashboard_address=":0"))) as client:
        return list(client.compute(bag).result())


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(description="Lint reports on Dask; prints gplint's JSON findings.")
    p.add_argument("paths", nargs="+")
    p.add_argument("--scheduler", default="processes", help="synchronous, threads, processes or distributed")
    p.add_argument("--address", default=None, help="scheduler address for --scheduler distributed")
    p.add_argument("--partitions", type=int, default=None)
    p.add_argument("--rules", dest="profile", default="default", help="rule profile (default, strict)")
    p.add_argument("--select", action="append", default=[])
    p.add_argument("--ignore", action="append", default=[])
    p.add_argument("--record", default=None, metavar="FILE", help="record every report in this history store")
    p.add_argument("--history", default=None, metavar="FILE", help="check against this history store")
    args = p.parse_args(argv)
    from gplint.batch import findings

    options = {"profile": args.profile, "select": args.select, "ignore": args.ignore,
               "record": bool(args.record), "history": args.history}
    results = run(args.paths, options, args.scheduler, args.partitions, args.address)
    if args.record:
        from gplint.history import record_results

        n = record_results(results, args.record)
        sys.stderr.write(f"dask_batch: recorded {n} report(s) in {args.record}\n")
    sys.stdout.write(json.dumps(findings(results), ensure_ascii=False, indent=2) + "\n")
    bad = [r for r in results if r["diagnostics"]]
    sys.stderr.write(f"dask_batch: {len(results)} file(s), {len(bad)} with findings\n")
    return 1 if any(d["severity"] == "error" for r in results for d in r["diagnostics"]) else 0


if __name__ == "__main__":
    raise SystemExit(main())
