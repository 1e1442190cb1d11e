"""The Report model as plain JSON-able data (``gplint dump``)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Optional

from .format import FORMAT_2021, format_for
from .model import Cell, Issue, Report, Span

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


_TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}


def describe_issue(issue: Issue) -> str:
    """What the reader could not read cleanly, in a sentence, for the dump's reader. (The
    rules that act on an issue word their findings themselves, from its data.)"""
    kind, table = issue.kind, _TABLE_NAMES.get(issue.table, issue.table)
    row = issue.label or issue.row
    values = " ".join(v or "空" for v in issue.values)
    if kind.endswith("-unplaced-values"):
        return f"{table}中有无法对应到任何行的数值：{values}"
    if kind.endswith("-row-too-many-values") or kind.endswith("-row-too-few-values"):
        has = "有" if issue.found > issue.expected else "只有"
        if issue.table == "t2":
            return f"{table}“{row}”行{has} {issue.found} 个数值，应为 {issue.expected} 个"
        if issue.found == 6 and issue.expected == 7:  # six values under a header of seven
            return "表三该行只有 6 个数值，表头有 7 列（缺少总计）"
        return f"{table}该行{has} {issue.found} 个数值，应为 {issue.expected} 个"
    if kind.endswith("-row-gap-unknown"):
        return f"{table}“{row}”行只有 {issue.found} 个数值，且没有分隔符，无法确定空缺的是哪一格"
    if kind == "t3-stream-misplaced":
        return f"表三“{row}”行的数值读自逐格的数值流，按此读法表内勾稽关系不成立，可能是相邻行的数值，未采用：{values}"
    if kind == "t3-sparse-by-order":
        return f"表三大部分行未能读出，“{row}”行没有行名、仅按数值出现的顺序对应，未采用：{values}"
    if kind == "t3-scan-unsure":
        return f"表三“{row}”行读自扫描件，数值合计对不上或不全（可能把表格线读成了数字），未采用：{values}"
    if kind == "t3-scan-rule-digit":
        return f"表三“{row}”行读自扫描件，“{values}”前的 1 是表格线，按行合计读作 {values[1:]}"
    if kind == "t4-value-count":
        return f"表四应有 {issue.expected} 个数值，读到 {issue.found} 个"
    if kind == "t4-values-interleaved":
        return f"表四的数值与表头文字交错排列，按读到的顺序有 {issue.found} 栏的总计与各项之和不符，无法确定各数值所在的栏"
    if kind == "remark-cell":
        return f"{table}该行“备注”列的内容不是格式中的数值，已略过：{values}"
    if kind == "t3-duplicate-row":
        return f"表三“{row}”行出现两次，第二次的数值未采用"
    if kind == "t3-other-form":
        # (T190 words it for the finding: gplint.rules.tables.t190_unreadable_table.other_form.)
        named = f"“{issue.label}”" if issue.label else " ".join(issue.values)
        return f"表三以另一种形式书写（{issue.row}），无法读取各单元格：{issue.reason} {named}".rstrip()
    if kind == "ambiguous-digit-split":
        if issue.table == "t2":
            return (f"表二“{row}”行的数字“{values}”连在一起，"
                    + (f"有 {issue.readings} 种拆分方式，无法确定各单元格的值" if issue.readings else "无法拆分为各单元格的值"))
        if issue.table == "t3":
            return (f"表三“{row}”行的数字“{values}”连在一起，"
                    "按行合计和列勾稽关系仍有多种拆分方式（或无一成立），无法确定各单元格的值")
        if issue.row.startswith("t4."):
            return (f"表四的数字“{values}”连在一起，其中“{issue.row[3:]}”一栏的总计与各项之和不符，"
                    "无法确定该栏各单元格的值")
        return (f"表四的数字“{values}”连在一起，"
                + (f"按各栏总计有 {issue.readings} 种拆分方式" if issue.readings else "无法按各栏总计拆分")
                + "，无法确定各单元格的值")
    return kind


def _placement(report: Report) -> dict[str, Any]:
    p = report.placement
    return {"agency": p.agency, "agency_as_written": p.agency_as_written, "agency_source": p.agency_source,
            "year": p.year, "year_source": p.year_source, "placed": p.placed, "problems": list(p.problems)}


def report_to_dict(report: Report, place: Callable[[Span], Span] = lambda span: span) -> dict[str, Any]:
    """The report as plain data (``gplint dump``). ``place`` maps a span as read to the
    file's (:func:`gplint.engine.text_as_read`)."""
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
    out["issues"] = [{"kind": i.kind, "message": describe_issue(i), "span": _span(place(i.span) if i.span else None), "table": i.table,
                      "key": i.row} for i in report.issues]
    out["quantities"] = [{"value": float(q.value) if isinstance(q.value, Decimal) else q.value, "unit": q.unit,
                          "line": at.line, "column": at.column, "clause": q.clause, "section": q.section}
                         for q in report.quantities for at in (place(q.span),)]
    return out
