"""Parse time per corpus file (seeds + peer fixtures), and import + parser-build time.

    python bench/parse.py [--corpus tests/corpus] [--repeat 15]

For every text: size, tokens, median time to tokenise (the line reader: tokens, and plans
remembered by token types), to build the Report (tokenise included), and to run the default
rules on it, in ms. Then Lark's own lexer and LALR parse of the whole text (the reference the
reader equals), and the one-off costs of a process.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import CORPUS, bench_env, corpus_files, machine, median  # noqa: E402

_ONE_OFF = r"""
import time
t0 = time.perf_counter()
import gplint.reader
t1 = time.perf_counter()
from gplint.grammar import _get_lexer, get_parser
_get_lexer()
t2 = time.perf_counter()
get_parser()
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def _med(fn, arg, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t)
    return median(times) * 1000


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)

    from gplint.reader import parse
    from gplint.engine import LintOptions, run_rules, select_rules
    from gplint.grammar import tokenise, tokenise_lark
    from gplint.plugins import build_registry
    from gplint.sources import read_path

    registry = build_registry()
    rules = select_rules(registry, LintOptions())
    print(f"# parse  ({machine()}; {len(rules)} default rules)")
    print(f"{'file':<52} {'KB':>5} {'tokens':>6} {'tokenise':>8} {'parse':>7} {'rules':>7} {'lark LALR':>9}")
    tot = {"tok": 0.0, "parse": 0.0, "rules": 0.0, "lark": 0.0}
    for path in corpus_files(args.corpus):
        text = read_path(path).text
        report = parse(text)
        ntok = sum(len(ln.tokens) for ln in tokenise(text))
        t_tok = _med(tokenise, text, args.repeat)
        t_parse = _med(parse, text, args.repeat)
        t_rules = _med(lambda r: run_rules(r, rules, LintOptions(), path), report, args.repeat)
        t_lark = _med(tokenise_lark, text, max(3, args.repeat // 3))
        for k, v in zip(tot, (t_tok, t_parse, t_rules, t_lark)):
            tot[k] += v
        print(f"{os.path.basename(path)[:52]:<52} {len(text.encode('utf-8')) / 1000:>5.1f} {ntok:>6} "
              f"{t_tok:>8.2f} {t_parse:>7.2f} {t_rules:>7.2f} {t_lark:>9.2f}")
    n = len(corpus_files(args.corpus))
    print(f"{'mean (ms)':<52} {'':>5} {'':>6} {tot['tok'] / n:>8.2f} {tot['parse'] / n:>7.2f} "
          f"{tot['rules'] / n:>7.2f} {tot['lark'] / n:>9.2f}")
    print("(parse includes tokenise; 'lark LALR' is Lark's lexer and parser over the whole text, no memo)")
    runs = [list(map(float, subprocess.run([sys.executable, "-c", _ONE_OFF], check=True, capture_output=True,
                                           text=True, env=bench_env()).stdout.split())) for _ in range(5)]
    print(f"one-off per process (median of 5 fresh interpreters): import gplint.reader "
          f"{median([r[0] for r in runs]) * 1000:.1f} ms, line reader (Lark parser from its cache) "
          f"{median([r[1] for r in runs]) * 1000:.1f} ms, get_parser() again {median([r[2] for r in runs]) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
