"""Summarise how the golden snapshot moved against a git revision (default HEAD).

    python tools/snapshot_diff.py [REV]

For each snapshot file that changed: findings removed (-) and added (+), per profile, and
how many table cells of the dump changed (with the first few). Paste it into the commit.
"""
from __future__ import annotations

import json
from collections import Counter
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = "tests/snapshots"


def _flatten(obj, prefix=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _flatten(v, f"{prefix}.{k}" if prefix else str(k))
    else:
        yield prefix, obj


def _old(rev: str, path: str):
    try:
        text = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except subprocess.CalledProcessError:
        return None
    return json.loads(text)


def main(argv: list[str]) -> int:
    rev = argv[0] if argv else "HEAD"
    for path in sorted((ROOT / SNAPSHOTS).glob("*.json")):
        rel = f"{SNAPSHOTS}/{path.name}"
        new = json.loads(path.read_text(encoding="utf-8"))
        old = _old(rev, rel) or {"dump": {}, "issues": [], "default": [], "strict": []}
        if new == old:
            continue
        print(f"== {path.stem}")
        for part in ("issues", "default", "strict"):
            gone = [x for x in old.get(part, []) if x not in new.get(part, [])]
            came = [x for x in new.get(part, []) if x not in old.get(part, [])]
            for sign, items in (("-", gone), ("+", came)):
                if len(items) > 6:  # an avalanche: counted by code, not listed
                    codes = Counter(x.split()[2] if part != "issues" else x.split()[1] for x in items)
                    print(f"  {part} {sign} " + ", ".join(f"{c} ×{n}" for c, n in codes.most_common()))
                else:
                    for x in items:
                        print(f"  {part} {sign} {x[:160]}")
        a, b = (dict(_flatten({k: v for k, v in snap.get("dump", {}).items() if k != "issues"})) for snap in (old, new))
        moved = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        if moved:
            shown = ", ".join(f"{k}: {a.get(k)!r}->{b.get(k)!r}" for k in moved[:8])
            print(f"  dump: {len(moved)} value(s) changed: {shown}{' …' if len(moved) > 8 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
