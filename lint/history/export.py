"""Exports of the history store for researchers: CSV (standard library) and Parquet (with
the optional ``pyarrow``: ``pip install 'gplint[parquet]'``).

Two tables:

- ``reports``: one row a recorded version: agency, year, where it was read, whether it is
  the current version, finding counts, then every cell of the three tables as a column
  (``t2.norm.in_force``, ``t3.R25.C7``, ``t4.review.pending``; empty when not printed);
- ``findings``: one row a finding of a recorded version (agency, year, path, code,
  severity, line, message).
"""
from __future__ import annotations

import csv
import os
from typing import Any, Iterable, Iterator, Optional

from ..format import FORMAT_2019, FORMAT_2021
from .store import HistoryError, HistoryStore

KINDS = ("reports", "findings")

_BASE = ("agency", "year", "agency_as_written", "title", "path", "content_hash", "format_version", "current",
         "first_recorded", "last_recorded", "errors", "warnings", "infos")
_T2 = tuple(dict.fromkeys(FORMAT_2021.t2.keys + FORMAT_2019.t2.keys))
_CELLS = (tuple(f"t2.{k}" for k in _T2)
          + tuple(f"t3.{r}.{c}" for r in FORMAT_2021.t3.row_keys for c in FORMAT_2021.t3.column_keys)
          + tuple(f"t4.{b}.{c}" for b in FORMAT_2021.t4.block_keys for c in FORMAT_2021.t4.column_keys))
REPORT_COLUMNS = _BASE + ("t2_format",) + _CELLS
FINDING_COLUMNS = ("agency", "year", "path", "content_hash", "current", "code", "severity", "line", "message")


def _report_row(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: row.get(k) for k in _BASE if k != "current"}
    out["current"] = row["superseded_by"] is None
    tables = row["tables"]
    out["t2_format"] = tables.get("t2_format") or ""
    for k, v in (tables.get("t2") or {}).items():
        out[f"t2.{k}"] = v
    for r, cols in (tables.get("t3") or {}).items():
        for c, v in cols.items():
            out[f"t3.{r}.{c}"] = v
    for b, cols in (tables.get("t4") or {}).items():
        for c, v in cols.items():
            out[f"t4.{b}.{c}"] = v
    return out


def rows(store: HistoryStore, kind: str, **where: Any) -> Iterator[dict[str, Any]]:
    """The rows of an export (``kind``: "reports" or "findings")."""
    for row in store.rows(**where):
        if kind == "reports":
            yield _report_row(row)
        else:
            for f in row["findings"]:
                yield {"agency": row["agency"], "year": row["year"], "path": row["path"],
                       "content_hash": row["content_hash"], "current": row["superseded_by"] is None, **f}


def columns(kind: str) -> tuple[str, ...]:
    return REPORT_COLUMNS if kind == "reports" else FINDING_COLUMNS


def write_csv(records: Iterable[dict[str, Any]], kind: str, out: str) -> int:
    """Write ``records`` as CSV (UTF-8 with a byte-order mark, which spreadsheet programs
    need to read Chinese text); returns the number of rows."""
    n = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns(kind), extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
            n += 1
    return n


def write_parquet(records: Iterable[dict[str, Any]], kind: str, out: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise HistoryError("Parquet export needs pyarrow: pip install 'gplint[parquet]' (or export to .csv)") from None
    data = list(records)
    cols = columns(kind)
    table = pa.table({c: _column(pa, c, [r.get(c) for r in data]) for c in cols})
    pq.write_table(table, out)
    return len(data)


def _column(pa: Any, name: str, values: list) -> Any:
    if name in ("year", "errors", "warnings", "infos", "line"):
        return pa.array(values, type=pa.int64())
    if name == "current":
        return pa.array(values, type=pa.bool_())
    if name.startswith(("t2.", "t3.", "t4.")):
        # Counts are whole numbers; an amount (table 二's fees, 万元) makes its column float.
        if all(v is None or isinstance(v, int) for v in values):
            return pa.array(values, type=pa.int64())
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def export(store: HistoryStore, out: str, kind: str = "reports", fmt: Optional[str] = None, **where: Any) -> int:
    """Export ``kind`` to ``out`` as ``fmt`` ("csv" or "parquet"; default from the file's
    extension, CSV when it says nothing). Returns the number of rows written."""
    if kind not in KINDS:
        raise HistoryError(f"unknown export {kind!r} (known: {', '.join(KINDS)})")
    fmt = fmt or ("parquet" if os.path.splitext(out)[1].lower() in (".parquet", ".pq") else "csv")
    writer = {"csv": write_csv, "parquet": write_parquet}.get(fmt)
    if writer is None:
        raise HistoryError(f"unknown export format {fmt!r} (csv or parquet)")
    try:
        return writer(rows(store, kind, **where), kind, out)
    except OSError as exc:
        raise HistoryError(f"{out}: cannot write ({exc.strerror or exc})") from None
