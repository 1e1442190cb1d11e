"""``gplint cluster``: the command line of :mod:`gplint.cluster`."""
from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from .engine import MAX_TIMEOUT


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gplint cluster",
        description="Lint reports on a Dask cluster; each partition's findings go to OUT/part-NNNNN.jsonl "
                    "(cat them for what 'gplint --format jsonl' prints). Options are taken from the command "
                    "line only (no configuration files), so every worker gives the same answer.")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL",
                   help="report files or folders: local or shared paths, or fsspec URLs (s3://…, file:///…)")
    p.add_argument("--out", required=True, help="folder (or fsspec URL) for the parts and the manifest")
    p.add_argument("--address", default=None,
                   help="scheduler of an existing Dask cluster (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--workers", type=int, default=None, help="LocalCluster worker processes (default: cores)")
    p.add_argument("--partition-size", type=int, default=None, metavar="N", help="files a task (default 250)")
    p.add_argument("--resume", action="store_true", help="finish the run recorded in OUT/manifest.json")
    p.add_argument("--rules", dest="profile", default="default", help="rule profile: default or strict")
    p.add_argument("--select", action="append", default=[], help="only these codes, prefixes, names or categories")
    p.add_argument("--ignore", action="append", default=[], help="leave these out")
    p.add_argument("--year", type=int, default=None, help="report year to assume when the text does not say")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="give up a file that takes longer, with E901 (default 60; 0: no limit)")
    p.add_argument("--max-size", type=float, default=None, metavar="MB", help="largest input file (default 16)")
    p.add_argument("--plugin", action="append", default=[], metavar="FILE", help="a local rule module to load")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default="error")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary line on stderr")
    return p


def _csv(values: Sequence[str]) -> list[str]:
    return [x.strip() for v in values for x in v.split(",") if x.strip()]


def main(argv: Sequence[str]) -> int:
    from .cli import UsageError
    from .cluster import DEFAULT_PARTITION_SIZE, ClusterError, run
    from .diagnostics import SEVERITY_RANK

    args = _parser().parse_args(argv)
    if not 0 <= args.timeout <= MAX_TIMEOUT:
        raise UsageError(f"--timeout must be a number of seconds up to {MAX_TIMEOUT:g}, 0 for no limit")
    for flag, value in (("--workers", args.workers), ("--partition-size", args.partition_size)):
        if value is not None and value < 1:
            raise UsageError(f"{flag} must be at least 1")
    options = {"profile": args.profile, "select": _csv(args.select), "ignore": _csv(args.ignore),
               "year": args.year, "timeout": args.timeout or None}
    if args.max_size is not None:
        if not args.max_size > 0:
            raise UsageError("--max-size must be a positive number of MB")
        options["max_bytes"] = int(args.max_size * 1024 * 1024)
    try:
        import distributed  # noqa: F401
        import fsspec  # noqa: F401
    except ImportError:
        raise UsageError("gplint cluster needs the cluster extra: pip install 'gplint[cluster]'") from None
    try:
        summary = run(args.inputs, args.out, options=options, address=args.address, workers=args.workers,
                      plugin_paths=args.plugin, resume=args.resume,
                      partition_size=args.partition_size or DEFAULT_PARTITION_SIZE)
    except (ClusterError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    if not args.quiet:
        c = summary.counts
        sys.stderr.write(f"gplint: {summary.files} file(s), {c['error']} error(s), {c['warning']} warning(s), "
                         f"{c['info']} info; {summary.partitions} part(s) in {args.out}"
                         f" ({summary.skipped} from an earlier run, {summary.isolated} re-run file by file)\n")
    rank = SEVERITY_RANK[args.fail_on]
    return 1 if any(n for sev, n in summary.counts.items() if SEVERITY_RANK.get(sev, 2) >= rank) else 0
