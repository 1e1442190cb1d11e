"""The Report model as plain JSON-able data (``gplint dump``)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Optional

from .format import FORMAT_2021, format_for
from .model import Cell, Report, Span

# Table 三 and 四 are the same in both formats; table 二 is keyed by the format it prints.
_SLOTS = FORMAT_2021.slots
_T3_ROWS = FORMAT_2021.t3.row_keys
_T3_COLS = FORMAT_2021.t3.column_keys
_T4_BLOCKS = FORMAT_2021.t4.block_keys
_T4_COLS = FORMAT_2021.t4.column_keys


def _v(cell: Cell) -> Any:
    v = cell.value
    if isinstance(v, Decimal):
        return float(v)
    return v


def _span(span: Optional[Span]) -> Optional[dict]:
    if span is None:
        return None
    return {"line": span.line, "column": span.column, "end_line": span.end_line, "end_column": span.end_column}


def _placement(report: Report) -> dict[str, Any]:
    p = report.placement
    return {"agency": p.agency, "agency_as_written": p.agency_as_written, "agency_source": p.agency_source,
            "year": p.year, "year_source": p.year_source, "placed": p.placed, "problems": list(p.problems)}


def report_to_dict(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": report.path,
        "year": report.year,
        "title": report.title,
        "agency": report.agency,
        "placement": _placement(report),
        "reporter_kind": report.reporter_kind,
        "format_version": report.format_version,
        "sections": {
            slot: ({"line": s.line, "title": s.title, "numeral": s.heading.numeral, "standard": s.standard}
                   if (s := report.sections.get(slot)) else None)
            for slot in _SLOTS
        },
        "t2": None,
        "t3": None,
        "t4": None,
    }
    if report.t2 is not None:
        keys = format_for(report.t2.format).t2.keys
        out["t2"] = {k: _v(report.t2.cells[k]) for k in keys}
        out["t2_format"] = report.t2.format
    if report.t3 is not None:
        out["t3"] = {r: {c: _v(report.t3.cell(r, c)) for c in _T3_COLS} for r in _T3_ROWS}
        out["t3_groups"] = {g: {c: _v(cell) for c, cell in zip(_T3_COLS, row.cells)} for g, row in report.t3.groups.items()}
        out["t3_rows"] = {r: {"line": row.line, "label": row.label.text if row.label else None, "count": row.count}
                          for r, row in report.t3.rows.items() if row.line}
        out["t3_header_columns"] = list(report.t3.header_columns)
        out["t3_layout"] = report.t3.layout
    if report.t4 is not None:
        out["t4"] = {b: {c: _v(report.t4.cell(b, c)) for c in _T4_COLS} for b in _T4_BLOCKS}
    out["issues"] = [{"kind": i.kind, "message": i.message, "span": _span(i.span), "table": i.table, "key": i.key}
                     for i in report.issues]
    out["quantities"] = [{"value": float(q.value) if isinstance(q.value, Decimal) else q.value, "unit": q.unit,
                          "line": q.span.line, "column": q.span.column, "clause": q.clause, "section": q.section}
                         for q in report.quantities]
    return out
