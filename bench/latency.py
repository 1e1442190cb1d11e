"""Latency: what one cold ``gplint FILE`` costs (a pre-commit hook pays it on every commit).

    python bench/latency.py [FILE] [--repeat 7] [--top 15] [--installed]

Prints: the cold single-file run (median and best of --repeat fresh processes), the import
time by module (``python -X importtime``: the largest cumulative and self entries), the
rule registry build, and the parser build with Lark's cache and without it. Target: cold
single-file run ≤ 150 ms.

``--installed`` also times the cold run as a pre-commit hook gets it: gplint installed
with ``pip install .`` (not editable) in a fresh virtual environment. The checkout's own
``pip install -e .`` adds setuptools' editable finder to every start (it imports pathlib
and maps ``gplint`` to ``lint/``), which a hook's environment does not have.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import CORPUS, ROOT, bench_env, gplint_cmd, machine, measure, median  # noqa: E402

# Timed in a fresh interpreter each, so nothing is warm but the OS page cache.
_PARSER_BUILD = r"""
import sys, time
import lark  # imported first: its import time is reported separately
from gplint import grammar
t = time.perf_counter()
grammar.build_parser(cache=sys.argv[1] if sys.argv[1] != "off" else False)
print(time.perf_counter() - t)
"""
_REGISTRY = r"""
import time
t = time.perf_counter()
from gplint.plugins import build_registry
r = build_registry()
print(time.perf_counter() - t, len(r.rules))
"""
_STAGES = r"""
import sys, time
t0 = time.perf_counter()
import gplint.cli
t1 = time.perf_counter()
from gplint.plugins import build_registry
reg = build_registry()
t2 = time.perf_counter()
from gplint.grammar import _get_lexer
_get_lexer()
t3 = time.perf_counter()
from gplint.engine import lint_file, LintOptions
from gplint import reader as build
t4 = time.perf_counter()
lint_file(sys.argv[1], reg, LintOptions())
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)
"""


def _py(code: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True,
                          env=bench_env()).stdout


def importtime(path: str, top: int) -> None:
    p = subprocess.run([sys.executable, "-X", "importtime", "-c",
                        "import sys; from gplint.cli import main; main(['--quiet', sys.argv[1]])", path],
                       capture_output=True, text=True, env=bench_env())
    rows = []
    for line in p.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|")
        rows.append((int(self_us), int(cum_us), name.strip()))
    total = sum(r[0] for r in rows)
    print(f"imports: {len(rows)} modules, {total / 1000:.0f} ms in total (self times summed)")
    print(f"  top {top} by cumulative time (ms):")
    for s, c, n in sorted(rows, key=lambda r: -r[1])[:top]:
        print(f"    {c / 1000:7.1f}  {n}")
    print(f"  top {top} by self time (ms):")
    for s, c, n in sorted(rows, key=lambda r: -r[0])[:top]:
        print(f"    {s / 1000:7.1f}  {n}")
    groups: dict[str, int] = {}
    for s, _, n in rows:
        head = n.split(".")[0]
        if head == "gplint" and "." in n:
            head = ".".join(n.split(".")[:3 if n.startswith("gplint.rules.") else 2])
        groups[head] = groups.get(head, 0) + s
    print("  self time by package (ms):")
    for n, s in sorted(groups.items(), key=lambda kv: -kv[1])[:top]:
        print(f"    {s / 1000:7.1f}  {n}")


def cold_runs(cmd: list[str], path: str, repeat: int) -> list:
    measure(cmd + ["--quiet", path])  # warm the OS caches, bytecode and the lexer cache
    return [measure(cmd + ["--quiet", path]) for _ in range(repeat)]


def print_cold(what: str, runs: list) -> None:
    walls = [r.wall * 1000 for r in runs]
    print(f"cold `gplint FILE`{what}: median {median(walls):.0f} ms, best {min(walls):.0f} ms wall "
          f"(cpu median {median([r.cpu * 1000 for r in runs]):.0f} ms, peak {max(r.maxrss_mb for r in runs):.0f} MB)")


def installed_runs(path: str, repeat: int) -> list:
    """Cold runs of gplint installed as pre-commit installs a hook (``pip install .``)."""
    venv = tempfile.mkdtemp(prefix="gplint-installed-")
    try:
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        build = tempfile.mkdtemp(prefix="gplint-src-")  # a copy: pip builds in the tree it is given
        src = os.path.join(build, "src")
        shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv*", ".ci-venv", "build", "*.egg-info",
                                                                 "__pycache__", ".pytest_cache", ".hypothesis"))
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", src], check=True)
        shutil.rmtree(build, ignore_errors=True)
        return cold_runs([os.path.join(venv, "bin", "gplint")], path, repeat)
    finally:
        shutil.rmtree(venv, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", default=os.path.join(CORPUS, "001_98c801d9a8639466.txt"))
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--installed", action="store_true",
                    help="also time gplint installed with `pip install .` in a fresh venv (as pre-commit does)")
    args = ap.parse_args(argv)
    print(f"# latency  ({machine()})")
    print(f"file: {os.path.relpath(args.file)} ({os.path.getsize(args.file)} bytes)")

    print_cold("", cold_runs(gplint_cmd(), args.file, args.repeat))
    if args.installed:
        print_cold(" (pip install ., as a pre-commit hook)", installed_runs(args.file, args.repeat))
    empty = [measure([sys.executable, "-c", "pass"]).wall * 1000 for _ in range(args.repeat)]
    print(f"  of which the bare interpreter start: median {median(empty):.0f} ms")

    stages = [list(map(float, _py(_STAGES, args.file).split())) for _ in range(args.repeat)]
    names = ("import gplint.cli", "build_registry (rules, plugins)", "line reader (Lark parser from its cache)",
             "import gplint.reader", "lint the file (read, parse, rules)")
    print("  stages in one process (median ms):")
    for i, n in enumerate(names):
        print(f"    {median([s[i] for s in stages]) * 1000:7.1f}  {n}")

    reg = [float(_py(_REGISTRY).split()[0]) for _ in range(args.repeat)]
    print(f"rule registry build incl. imports: median {median(reg) * 1000:.0f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "report.lark.cache")
        first = float(_py(_PARSER_BUILD, cache))  # writes the cache
        warm = [float(_py(_PARSER_BUILD, cache)) for _ in range(args.repeat)]
        off = [float(_py(_PARSER_BUILD, "off")) for _ in range(args.repeat)]
    print(f"parser build: without cache median {median(off) * 1000:.1f} ms; with cache (loading it) "
          f"median {median(warm) * 1000:.1f} ms; first run writing the cache {first * 1000:.1f} ms")
    importtime(args.file, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
