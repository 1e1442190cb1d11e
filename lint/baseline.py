"""Baselines: accept today's findings so that a reviewer sees only new ones.

``gplint --write-baseline FILE PATH...`` records every current finding; ``gplint --baseline
FILE PATH...`` drops the findings recorded there. A finding is identified by the path of
its file relative to the baseline's directory, its code and its fingerprint (code +
canonical key + normalised snippet, never the line number), so it stays suppressed when
unrelated edits move it. Identical entries are counted: two recorded findings suppress at
most two current ones.

Entries of files linted in this run that no longer occur are *stale* (the defect was fixed
or changed): they are returned so the command line can name them on stderr.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from .diagnostics import Diagnostic, fingerprint
from .safe_text import json_safe

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read or is not a gplint baseline (exit 2)."""


@dataclass(frozen=True)
class Entry:
    path: str
    code: str
    fingerprint: str
    message: str = ""


def _rel(path: str, base_dir: str) -> str:
    if path == "-":
        return "-"
    return os.path.relpath(os.path.abspath(path), base_dir).replace(os.sep, "/")


def _fp(d: Diagnostic) -> str:
    return d.fingerprint or fingerprint(d.code, d.key, d.message)


def entries_for(results: Iterable, baseline_path: str) -> list[Entry]:
    base = os.path.dirname(os.path.abspath(baseline_path))
    out = [Entry(_rel(d.path or r.path, base), d.code, _fp(d), d.message)
           for r in results for d in r.diagnostics]
    return sorted(out, key=lambda e: (e.path, e.code, e.fingerprint, e.message))


def write_baseline(results: Sequence, baseline_path: str) -> int:
    """Write every finding of ``results``; return how many were written."""
    entries = entries_for(results, baseline_path)
    doc = {
        "gplint-baseline": FORMAT_VERSION,
        "comment": "Findings accepted as known; gplint --baseline FILE reports only new ones. "
                   "Paths are relative to this file.",
        "findings": [{"path": e.path, "code": e.code, "fingerprint": e.fingerprint, "message": e.message}
                     for e in entries],
    }
    # A path that is not UTF-8 is written with its lone surrogates escaped (gplint.safe_text):
    # read back, it is the same path again.
    text = json_safe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"
    tmp = baseline_path + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, baseline_path)
    except OSError as exc:
        raise BaselineError(f"{baseline_path}: cannot write baseline: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):  # never left behind, whatever failed
            try:
                os.remove(tmp)
            except OSError:
                pass
    return len(entries)


def read_baseline(baseline_path: str) -> list[Entry]:
    try:
        with open(baseline_path, "r", encoding="utf-8") as fh:
            doc = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"{baseline_path}: cannot read baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"{baseline_path}: not a gplint baseline (invalid JSON: {exc})") from None
    except RecursionError:
        raise BaselineError(f"{baseline_path}: not a gplint baseline (JSON nested too deep)") from None
    if not isinstance(doc, dict) or doc.get("gplint-baseline") != FORMAT_VERSION or not isinstance(doc.get("findings"), list):
        raise BaselineError(f"{baseline_path}: not a gplint baseline (version {FORMAT_VERSION} expected)")
    out = []
    for i, item in enumerate(doc["findings"]):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("path", "code", "fingerprint")):
            raise BaselineError(f"{baseline_path}: finding #{i + 1} needs string path, code and fingerprint")
        out.append(Entry(item["path"], item["code"], item["fingerprint"], str(item.get("message", ""))))
    return out


def apply_baseline(results: Sequence, entries: Sequence[Entry], baseline_path: str) -> tuple[list, list[Entry]]:
    """Drop baselined findings; return (new results, stale entries of the linted files)."""
    base = os.path.dirname(os.path.abspath(baseline_path))
    budget = Counter((e.path, e.code, e.fingerprint) for e in entries)
    linted: set[str] = set()
    out = []
    for r in results:
        linted.add(_rel(r.path, base))
        kept = []
        for d in r.diagnostics:
            k = (_rel(d.path or r.path, base), d.code, _fp(d))
            if budget[k] > 0:
                budget[k] -= 1
            else:
                kept.append(d)
        out.append(replace(r, diagnostics=kept))
    stale: list[Entry] = []
    remaining = dict(budget)
    for e in entries:
        k = (e.path, e.code, e.fingerprint)
        if e.path in linted and remaining.get(k, 0) > 0:
            remaining[k] -= 1
            stale.append(e)
    return out, stale
