"""The phrasing bench: every case of tests/rules/phrasing_cases.py written into a clean
report twice (contradicting its tables, agreeing with them). Prints, per family and in all,
how many contradicting versions yield the expected code at the bad value (recognised) and how
many agreeing versions yield any narrative or dates finding (false alarms).

    .venv/bin/python bench/phrasing.py [-v]
"""
from __future__ import annotations

import importlib.util
import os
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _cases_module():
    path = os.path.join(ROOT, "tests", "rules", "phrasing_cases.py")
    spec = importlib.util.spec_from_file_location("phrasing_cases", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main() -> None:
    verbose = "-v" in sys.argv
    pc = _cases_module()
    for title, cases in (("cases", pc.CASES), ("held-out", pc.HELD_OUT), ("held-out 2", pc.HELD_OUT_2),
                          ("held-out 3", pc.HELD_OUT_3), ("held-out 4", pc.HELD_OUT_4),
                          ("held-out 5", pc.HELD_OUT_5), ("held-out 6", pc.HELD_OUT_6),
                          ("held-out 7", pc.HELD_OUT_7), ("held-out 8", pc.HELD_OUT_8),
                          ("held-out 9", pc.HELD_OUT_9), ("held-out 10", pc.HELD_OUT_10)):
        print(f"== {title}")
        _run(cases, pc, verbose)
    print("== held-out 9, a report with no applications")
    _run(pc.HELD_OUT_9_NONE, pc, verbose, none=True)
    print("== held-out 10, a report with no applications")
    _run(pc.HELD_OUT_10_NONE, pc, verbose, none=True)
    for title, sentences, none in (("quiet sentences 1-4 (agreeing or about other matters)",
                                    pc.QUIET + pc.QUIET_2 + pc.QUIET_3 + pc.QUIET_4, False),
                                   ("quiet sentences 5", pc.QUIET_5, False),
                                   ("quiet sentences 6", pc.QUIET_6, False),
                                   ("quiet sentences 6, a report with no applications", pc.QUIET_6_NONE, True),
                                   ("quiet sentences 7", pc.QUIET_7, False),
                                   ("quiet sentences 7, a report with no applications", pc.QUIET_7_NONE, True)):
        quiet = [(x, pc.findings(pc.phrasing_report(x, none))) for x in sentences]
        alarms = [(x, f) for x, f in quiet if f]
        print(f"== {title}: {len(quiet)}, false alarms {len(alarms)}")
        for x, found in alarms if verbose else []:
            print("   ", x)
            for d in found:
                print(f"        {d.span.line}:{d.span.column} {d.code} {d.message}")


def _run(cases, pc, verbose: bool, none: bool = False) -> None:
    per = defaultdict(lambda: [0, 0, 0])  # cases, recognised, false alarms
    for family, code, sentence in cases:
        ok, got_bad, got_good = pc.run_case(sentence, code, none)
        row = per[family]
        row[0] += 1
        row[1] += ok
        row[2] += bool(got_good)
        if verbose and (not ok or got_good):
            print(f"{'MISS' if not ok else '    '}{' FP' if got_good else '   '} {code} {sentence}")
            for d in got_bad if not ok else []:
                print(f"        bad: {d.span.line}:{d.span.column} {d.code} {d.message}")
            for d in got_good:
                print(f"        good: {d.span.line}:{d.span.column} {d.code} {d.message}")
    total = [sum(r[i] for r in per.values()) for i in range(3)]
    print(f"{'family':14} cases recognised false-alarms")
    for family, (n, ok, fp) in per.items():
        print(f"{family:14} {n:5} {ok:10} {fp:12}")
    n, ok, fp = total
    print(f"{'all':14} {n:5} {ok:10} {fp:12}   recognised {100 * ok / n:.0f} %, false alarms {fp}")


if __name__ == "__main__":
    main()
