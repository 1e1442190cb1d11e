"""Where a report's time goes: tokenise, build, and every rule, per report.

    python bench/rules.py [--n 40] [--top 20]

Runs on the corpus texts plus N synthetic reports (bench/synth.py), in one process, and
prints the mean ms per report of each stage, of each analysis the rules share
(:mod:`gplint.analyses`: the sentences, the tables' confidence, table 三's identities, the
counts of applications in the prose…) and of each rule (the rules' share decides how far
from the throughput target we are). The analyses are timed apart, each once a report, so
a rule's figure is its own work, not that of an analysis it happened to ask for first.
Use it before optimising a rule.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import corpus_files, machine  # noqa: E402
import synth  # noqa: E402
from gplint.analyses import ANALYSES  # noqa: E402


def _share(names: list[str], memo: dict) -> None:
    """Patch every rule module's reference to the named helpers with a per-report memo.

    An experiment only (bench never changes gplint): it measures what sharing derived
    analyses between rules would save.
    """
    import functools

    originals = {}
    for modname, mod in list(sys.modules.items()):
        if not modname.startswith("gplint.rules"):
            continue
        for name in names:
            fn = getattr(mod, name, None)
            if callable(fn) and getattr(fn, "__module__", "").startswith("gplint.rules"):
                originals.setdefault(name, fn)
    for name, fn in originals.items():
        @functools.wraps(fn)
        def shared(report, *a, _fn=fn, _name=name, **kw):
            key = (_name, id(report), a, tuple(sorted(kw.items())))
            if key not in memo:
                memo[key] = (_fn(report, *a, **kw), report)  # keep report alive: ids stay unique
            return memo[key][0]
        for modname, mod in list(sys.modules.items()):
            if modname.startswith("gplint.rules") and getattr(mod, name, None) is fn:
                setattr(mod, name, shared)
    missing = set(names) - set(originals)
    if missing:
        print(f"(no helper named {', '.join(sorted(missing))} in gplint.rules)")
    print(f"sharing per report: {', '.join(sorted(originals))}")


def _check(rule: type, report, profile: str) -> None:
    """Run one rule on the report as the engine does (its findings are not kept)."""
    opts = dict(rule.options)
    opts.setdefault("profile", profile)
    try:
        list(rule().check(report, opts))
    except Exception:  # noqa: BLE001 - a crashing rule costs what it cost
        pass


def _analyses_used(report, rules: list, profile: str) -> list:
    """The shared analyses (gplint.analyses) the rules ask for on this report: the rules
    are run once (untimed), which leaves those analyses' results kept."""
    for analysis in ANALYSES:
        analysis.cache_clear()
    for rule in rules:
        _check(rule, report, profile)
    return [analysis for analysis in ANALYSES if analysis.computed(report)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--profile", default="default")
    ap.add_argument("--share", default="",
                    help="what-if: comma-separated helper functions in gplint.rules (e.g. "
                         "sentences,analyse_t3) computed once per report and shared by the rules")
    args = ap.parse_args(argv)

    from gplint.reader import parse
    from gplint.engine import LintOptions, select_rules
    from gplint.grammar import tokenise
    from gplint.plugins import build_registry
    from gplint.sources import read_path

    registry = build_registry()
    options = LintOptions(profile=args.profile)
    rules = select_rules(registry, options)
    memo: dict = {}
    if args.share:
        _share([x.strip() for x in args.share.split(",") if x.strip()], memo)
    texts = [read_path(p).text for p in corpus_files()] + [synth.make_report(i)[0] for i in range(args.n)]
    stage = {"tokenise": 0.0, "build (incl. tokenise)": 0.0}
    per_analysis: dict = {}  # (some analyses' modules are imported only when first asked for)
    per_rule = {r.code: 0.0 for r in rules}
    for text in texts:
        memo.clear()
        t = time.perf_counter()
        tokenise(text)
        stage["tokenise"] += time.perf_counter() - t
        t = time.perf_counter()
        report = parse(text)
        stage["build (incl. tokenise)"] += time.perf_counter() - t
        chosen = [cls for cls in rules if report.format_version in cls.formats]  # as the engine runs them
        # The analyses the rules share, each timed apart once a report (computed again, the
        # analyses it asks for kept: its own work), and the rules timed with every analysis
        # kept: a rule is charged its own work, not an analysis it happened to ask for first.
        for analysis in _analyses_used(report, chosen, options.profile):
            t = time.perf_counter()
            analysis.__wrapped__(report)
            per_analysis[analysis] = per_analysis.get(analysis, 0.0) + time.perf_counter() - t
        for cls in chosen:
            t = time.perf_counter()
            _check(cls, report, options.profile)
            per_rule[cls.code] += time.perf_counter() - t
    n = len(texts)
    total_analyses = sum(per_analysis.values())
    total_rules = sum(per_rule.values())
    print(f"# rules  ({machine()}; {n} reports: corpus + {args.n} synthetic; profile {args.profile})")
    for k, v in stage.items():
        print(f"{v / n * 1000:8.2f} ms  {k}")
    print(f"{total_analyses / n * 1000:8.2f} ms  the analyses the rules share (each once a report):")
    for analysis, v in sorted(per_analysis.items(), key=lambda kv: -kv[1]):
        if v:
            print(f"{v / n * 1000:14.2f} ms  {analysis.__module__}.{analysis.__name__}")
    print(f"{total_rules / n * 1000:8.2f} ms  all {len(rules)} rules, each its own work")
    print(f"top {args.top} rules (ms per report):")
    names = {r.code: r.name for r in rules}
    for code, v in sorted(per_rule.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"{v / n * 1000:8.2f} ms  {code} {names[code]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
