"""Time gplint on long lines and big files (prints figures; no assertions).

    .venv/bin/python bench/long_line.py            # 1 MB lines, 50 MB file
    .venv/bin/python bench/long_line.py --quick    # smaller sizes

For each input shape the time is printed at three sizes, so a super-linear pass shows as
a ratio well above 2 between consecutive sizes, then the peak of Python allocations while
``parse`` reads it, per byte of input (tracemalloc, at the middle size; issue 16: a small
multiple of the input for any line shape).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "layouts"))

import gplint  # noqa: E402
from strategies import LEAVES, T4_BLOCKS, make_data, render  # noqa: E402


def _data():
    leaves = {r: ((i * 7) % 13, i % 2, 0, 0, i % 3, 0) for i, r in enumerate(LEAVES)}
    return make_data(leaves, [3, 0, 0, 0, 0, 0], [5, 1, 0, 0, 0, 0], {b: (2, 1, 0, 3) for b in T4_BLOCKS},
                     {k: 3 for k in ("rules.issued", "rules.repealed", "rules.in_force", "norm.issued",
                                     "norm.repealed", "norm.in_force", "licensing", "penalty", "coercion", "fees")})


def shapes(size: int) -> dict[str, str]:
    data = _data()
    flat = render(data, "nosep")[0].rstrip("\n")
    prose = "本机关全年主动公开政府信息123条，其中政策文件45件，回应关切6次。"
    return {
        "prose line (no newline)": (prose * (size // len(prose.encode()) + 1))[: size // 3],
        "digits line": ("0123456789" * (size // 10 + 1))[:size],
        "flattened report repeated": (flat * (size // len(flat.encode()) + 1))[: size // 3],
        "table labels and digits": (("一、本年新收政府信息公开申请数量801000081第二十条规章000结果维持")
                                    * (size // 100 + 1))[: size // 3],
        "control chars": ("\f\v\x1c\u2028 1 | \t" * (size // 12 + 1))[: size // 3],
        "blank-separated numbers": ("1 22 " * (size // 5 + 1))[:size],
        "pipes and numbers": ("| 1 " * (size // 4 + 1))[:size],
        "words and blanks": ("公开 申请 " * (size // 14 + 1))[: size // 3],
        "zero-width spaces and inline tags": (("\u200b本年新收申请<span style=\"font-size:12pt\">5</span>")
                                              * (size // 60 + 1))[: size // 3],
        "one cell a line": ("0\n1.属于国家秘密\n12\n" * (size // 30 + 1))[: size // 2],
    }


def peak_per_byte(text: str) -> float:
    """Peak Python allocations of ``parse(text)`` (memos warm) per UTF-8 byte of ``text``."""
    import tracemalloc

    gplint.parse(text)
    tracemalloc.start()
    try:
        gplint.parse(text)
        return tracemalloc.get_traced_memory()[1] / len(text.encode())
    finally:
        tracemalloc.stop()


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = [64_000, 128_000, 256_000] if quick else [256_000, 512_000, 1_048_576]
    print(f"{'input':32} " + " ".join(f"{s // 1024:>7} KB" for s in sizes) + "   (parse seconds)  peak bytes a byte")
    for name in shapes(1000):
        row = []
        for size in sizes:
            text = shapes(size)[name]
            row.append(timed(lambda: gplint.parse(text)))
        print(f"{name:32} " + " ".join(f"{t:10.3f}" for t in row) + f"   {peak_per_byte(shapes(sizes[1])[name]):8.1f}x")
    report = render(_data(), "tabs")[0]
    print()
    print(f"one report ({len(report.encode()) // 1024} KB): parse {timed(lambda: gplint.parse(report)) * 1000:.1f} ms, "
          f"lint {timed(lambda: gplint.lint_text(report)) * 1000:.1f} ms")
    flat = render(_data(), "nosep")[0]
    print(f"one flattened report ({len(flat.encode()) // 1024} KB, one line): parse "
          f"{timed(lambda: gplint.parse(flat)) * 1000:.1f} ms")
    mb = 5 if quick else 50
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "big.txt"
        with open(path, "w", encoding="utf-8") as fh:
            written = 0
            while written < mb * 1024 * 1024:
                fh.write(report)
                written += len(report.encode())
        # By default gplint refuses it at once (E001, over the 16 MB --max-size limit);
        # with the limit raised it is linted, and this times that.
        for extra in ([], ["--max-size", str(mb + 1)]):
            t = time.perf_counter()
            res = subprocess.run([sys.executable, "-m", "gplint", "-q", "--format", "jsonl", "--jobs", "1", *extra,
                                  str(path)], capture_output=True, text=True)
            dt = time.perf_counter() - t
            print(f"{mb} MB file via the CLI {' '.join(extra) or '(default limit)'}: {dt:.1f} s, exit {res.returncode}, "
                  f"{len(res.stdout.splitlines())} findings, stderr {res.stderr.strip()[:120]!r}")


if __name__ == "__main__":
    main()
