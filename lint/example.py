"""The built-in example report: a minimal valid report (all six sections, the three tables,
consistent numbers) that tests, rule examples and the runner's warm-up start from."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence

from . import format as _format

_FMT = _format.FORMAT_2021


def _t3_row_labels() -> tuple[tuple[str, str], ...]:
    """Each T3 row with the label cells printed before its numbers: a group's label only on
    its first row, the other rows an empty cell in its place ("\t\t2.重复申请")."""
    seen: set[str] = set()
    out = []
    for key, top, sub, label in _FMT.t3.paths():
        cells = []
        for group in (top, sub):
            if group:
                cells.append("" if group in seen else group)
                seen.add(group)
        out.append((key, "\t".join(cells + [label])))
    return tuple(out)


#: (row key, its label cells, tab-separated), in table order.
T3_ROW_LABELS: tuple[tuple[str, str], ...] = _t3_row_labels()

#: The consistent T3 numbers of the example report (C1…C7); every identity holds.
EXAMPLE_T3: dict[str, tuple[int, ...]] = {
    "R01": (3, 1, 0, 0, 0, 0, 4),
    "R02": (1, 0, 0, 0, 0, 0, 1),
    "R03": (2, 0, 0, 0, 0, 0, 2),
    "R04": (1, 0, 0, 0, 0, 0, 1),
    "R13": (0, 1, 0, 0, 0, 0, 1),
    "R24": (3, 1, 0, 0, 0, 0, 4),
    "R25": (1, 0, 0, 0, 0, 0, 1),
}
EXAMPLE_T2: dict[str, str] = {
    "rules.issued": "0", "rules.repealed": "0", "rules.in_force": "0",
    "norm.issued": "1", "norm.repealed": "0", "norm.in_force": "5",
    "licensing": "3", "penalty": "2", "coercion": "0", "fees": "0",
}
T4_ORDER = tuple(f"{b}.{c}" for b in _FMT.t4.block_keys for c in _FMT.t4.column_keys)
EXAMPLE_T4: dict[str, str] = {k: "0" for k in T4_ORDER} | {"review.upheld": "1", "review.total": "1"}


def _heading(slot: str) -> str:
    return _FMT.section(slot).heading


def example_report(
    *,
    year: int = 2024,
    agency: str = "示例市交通运输局",
    t2: Optional[Mapping[str, str]] = None,
    t3: Optional[Mapping[str, Any]] = None,
    t4: Optional[Mapping[str, str]] = None,
    t2_headers: Sequence[str] = tuple(c.label for c in _FMT.t2.blocks[0].columns),
    norm_label: str = _FMT.t2.rows["norm"].label,
    fee_header: str = _FMT.t2.cells[_FMT.t2.fee_cell or "fees"].column.label,
    t3_total_column: bool = True,
    t3_rows: Optional[Mapping[str, str]] = None,
    drop_t3_rows: Iterable[str] = (),
    other_handling_alone: bool = False,
    tables: Iterable[str] = ("t2", "t3", "t4"),
    replace: Optional[Mapping[str, str]] = None,
) -> str:
    """A minimal valid report text (tab-separated tables), with overrides.

    - ``t2``: cell key ("fees", "norm.issued"…) -> text to print; ``t4``: "review.total"… -> text.
    - ``t3``: "R24.C1" -> value to print in that cell (str or int), or "R03" -> a whole row
      (sequence of values; fewer or more than 7 prints that many).
    - ``t3_rows``: row key -> full line text, printed as is instead of the generated row.
    - ``t3_total_column=False`` leaves 总计 out of the T3 header (rows keep their values).
    - ``other_handling_alone=True`` prints （六）其他处理 as one row (the 2019 layout) with
      the sum of R21…R23 instead of the three sub-rows.
    - ``tables``: which of t2/t3/t4 to print.
    - ``replace``: plain text replacements applied last (old -> new).
    """
    tables = set(tables)
    cells2 = dict(EXAMPLE_T2)
    cells2.update(t2 or {})
    cells4 = dict(EXAMPLE_T4)
    cells4.update(t4 or {})
    grid = _t3_grid(t3 or {})
    out = _opening_lines(agency, year)
    if "t2" in tables:
        out += _t2_lines(cells2, t2_headers, fee_header, norm_label)
    out += [_heading("S3"), ""]
    if "t3" in tables:
        out += _t3_lines(grid, set(drop_t3_rows), t3_total_column, t3_rows, other_handling_alone)
    out += [_heading("S4"), ""]
    if "t4" in tables:
        out += _t4_lines(cells4)
    out += _closing_lines(agency, year)
    text = "\n".join(out) + "\n"
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    return text


def _t3_grid(t3: Mapping[str, Any]) -> dict[str, list[str]]:
    """Table 三's cells as printed, row by row: the example's with ``t3``'s overrides (see
    :func:`example_report`)."""
    grid: dict[str, list[str]] = {r: [str(v) for v in EXAMPLE_T3.get(r, (0,) * len(_FMT.t3.columns))] for r, _ in T3_ROW_LABELS}
    for k, v in t3.items():
        if "." in k:
            r, c = k.split(".")
            grid[r][int(c[1:]) - 1] = str(v)
        else:
            grid[k] = [str(x) for x in v]
    return grid


def _opening_lines(agency: str, year: int) -> list[str]:
    """The title, the preface, section 一 and section 二's heading."""
    return [
        f"{agency}{year}年政府信息公开工作年度报告",
        "",
        f"本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为{year}年1月1日至{year}年12月31日。",
        "",
        _heading("S1"),
        "",
        f"（一）主动公开。{year}年本机关通过门户网站主动公开政府信息。",
        "（二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。",
        "（三）政府信息管理。本机关健全政府信息公开审查机制。",
        "（四）政府信息公开平台建设。本机关持续优化政府网站信息公开专栏。",
        "（五）监督保障。本机关将政务公开纳入年度考核。",
        "",
        _heading("S2"),
        "",
    ]


def _closing_lines(agency: str, year: int) -> list[str]:
    """Sections 五 and 六, the agency's name and the date."""
    return [
        _heading("S5"),
        "",
        "一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。",
        "",
        _heading("S6"),
        "",
        f"本机关{year}年未收取信息处理费。",
        "",
        agency,
        f"{year + 1}年1月20日",
    ]


def _t2_lines(cells: Mapping[str, str], t2_headers: Sequence[str], fee_header: str, norm_label: str) -> list[str]:
    """Table 二, a block heading, header and rows at a time, cells cut by tabs."""
    out = []
    for n, block in enumerate(_FMT.t2.blocks):
        headers = [c.label for c in block.columns]
        if n == 0:
            headers = list(t2_headers)
        elif any(r.key == _FMT.t2.fee_cell for r in block.rows):
            headers = [fee_header]
        out += [block.heading, "\t".join([_FMT.t2.label_header, *headers])]
        for row in block.rows:
            label = norm_label if row.key == "norm" else row.label
            out.append("\t".join([label, *(cells[k] for k in _FMT.t2.row_keys[row.key])]))
    out.append("")
    return out


def _t3_lines(grid: Mapping[str, list[str]], drop: set[str], total_column: bool,
              t3_rows: Optional[Mapping[str, str]], other_handling_alone: bool) -> list[str]:
    """Table 三: its caption and two header rows, then a row a line (see example_report's
    ``t3`` options), cells cut by tabs."""
    t3 = _FMT.t3
    cols = t3.columns
    parts = [c.label for c in cols if c.group]  # 商业企业 … 其他, under 法人或其他组织
    # Caption and 申请人情况; then 自然人, 法人或其他组织 spanning the five columns under
    # it, 总计; then those five columns.
    out = [
        f"{t3.caption}\t{t3.header}",
        "\t".join(["", cols[0].label, cols[1].group or "", *[""] * (len(parts) - 1)])
        + "\t" + (cols[-1].label if total_column else ""),
        "\t".join(["", "", *parts]),
    ]
    other = t3.group("G6")
    for key, label in T3_ROW_LABELS:
        if key in drop:
            continue
        if other_handling_alone and key in other.members:
            if key == other.members[0]:
                sums = [sum(int(grid[r][i]) for r in other.members) for i in range(len(cols))]
                out.append(f"\t{other.label}\t" + "\t".join(str(s) for s in sums))
            continue
        if t3_rows and key in t3_rows:
            out.append(t3_rows[key])
            continue
        out.append(label + "\t" + "\t".join(grid[key]))
    out.append("")
    return out


def _t4_lines(cells: Mapping[str, str]) -> list[str]:
    """Table 四: its three header rows and its row of fifteen values, cut by tabs."""
    t4 = _FMT.t4
    width = len(t4.columns)
    review, direct, after = t4.blocks
    t4_cols = "\t".join(c.label for c in t4.columns)
    # 行政复议 spans its five columns, 行政诉讼 the ten of its two blocks.
    return [
        review.label + "\t" * width + direct.parent,
        "\t" * width + direct.label + "\t" * width + after.label,
        "\t".join([t4_cols] * len(t4.blocks)),
        "\t".join(cells[k] for k in T4_ORDER),
        "",
    ]
