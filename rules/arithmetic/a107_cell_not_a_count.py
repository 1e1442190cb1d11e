"""A107: a table cell that should be a count is not a non-negative integer."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from gplint.confidence import assess
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import FORMATS, T3_2021
from gplint.model import Cell, Report

from ._identities import COL_NAMES, ROW_NAMES, T4_BLOCK_NAMES, T4_COL_NAMES, fmt_num, t3_small_int_values



#: Each format's table 二 cells (kind, display name), by the format's version.
_T2_CELLS = {version: fmt.t2.cells for version, fmt in FORMATS.items()}

def _bad(cell: Cell, allow_decimal: bool, allow_negative: bool = False) -> bool:
    v = cell.value
    if v is None or cell.span is None:
        return False
    if v < 0 and not allow_negative:
        return True
    return not allow_decimal and isinstance(v, Decimal) and v != v.to_integral_value()


class CellNotACount(Rule):
    """What it checks
        Every cell of tables 二, 三 and 四 that counts documents, decisions, applications or
        cases is a non-negative integer. Only 表二 第二十条第（八）项 本年收费金额 (an amount in
        万元) may have decimals; it must not be negative either. A table 二 in the 2019 试行
        format is checked against that format: its 采购总金额 is an amount too, its 本年增/减
        columns may be negative.

    Why
        docs/format.md §4 (cell types: int ≥ 0, decimal only for the fee amount), §5.4 T3-NONNEG,
        §6 T4-NONNEG. A fraction of an application or a negative count cannot be right;
        it is usually a typing slip (“1.0”, “-1”) or a value from the wrong column.

    Bad::

        …
        行政许可 ⟦2.5⟧

    Good::

        …
        行政事业性收费 0.35
    """

    code = "A107"
    name = "cell-not-a-count"
    explanation = "表二、表三、表四中的件数、决定数、申请数和案件数应为非负整数；只有表二的收费金额（万元）可以有小数。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        # Cells of rows the reader misread are not the report's (T190 names them).
        conf = assess(report)
        if report.t2 is not None:
            # The table's own format says what each cell holds and how it is named.
            spec = _T2_CELLS.get(report.t2.format) or _T2_CELLS["2021"]
            for k, cell in report.t2.cells.items():
                v = cell.value
                if v is None or (type(v) is int and v >= 0):
                    continue  # what nearly every cell is; _bad would say the same
                row = conf["t2"].rows.get(k.split(".")[0])
                if not conf["t2"].readable(k.split(".")[0]) or (row is not None and "too-many" in row.flags):
                    # (A row of table 二 with more values than columns: which of them stands
                    # in which column is the reader's guess, T103's to report.)
                    continue
                # Amounts (万元) may have decimals; the 2019 format's 本年增/减 may be negative.
                kind = spec[k].kind if k in spec else "count"
                money = kind == "amount"
                if _bad(cell, allow_decimal=money, allow_negative=kind == "change"):
                    what = "不能为负数" if money else "应为非负整数"
                    name = spec[k].name if k in spec else k
                    yield self.diag(f"表二“{name}”为 {cell.raw or fmt_num(cell.value)}，{what}",
                                    cell.span, key=f"t2.{k}", snippet=cell.raw)
        if report.t3 is not None:
            values = t3_small_int_values(report)
            if values is not None and min(filter(None, values), default=0) >= 0:
                # Every row's cells are blank or counts (nearly every table): only the
                # group rows are left to look at.
                rows = list(report.t3.groups.items())
            else:
                rows = list(report.t3.rows.items()) + list(report.t3.groups.items())
            for rk, row in rows:
                if not conf["t3"].readable(rk):
                    continue
                for cell in row.cells:
                    v = cell.value
                    if v is not None and (type(v) is not int or v < 0):
                        break
                else:
                    continue  # what nearly every row is (None or ints >= 0): _bad would pass them
                for ck, cell in zip(T3_2021.column_keys, row.cells):
                    v = cell.value
                    if v is None or (type(v) is int and v >= 0):
                        continue
                    if _bad(cell, allow_decimal=False):
                        yield self.diag(
                            f"表三“{ROW_NAMES.get(rk, rk)}”行“{COL_NAMES[ck]}”列为 {cell.raw or fmt_num(cell.value)}，"
                            "申请件数应为非负整数",
                            cell.span, key=f"t3.{rk}.{ck}", snippet=cell.raw)
        if report.t4 is not None:
            for (b, c), cell in report.t4.cells.items():
                v = cell.value
                if v is None or (type(v) is int and v >= 0):
                    continue  # as above
                if not conf["t4"].readable(b):
                    continue
                if _bad(cell, allow_decimal=False):
                    yield self.diag(
                        f"表四“{T4_BLOCK_NAMES[b]}·{T4_COL_NAMES[c]}”为 {cell.raw or fmt_num(cell.value)}，案件数应为非负整数",
                        cell.span, key=f"t4.{b}.{c}", snippet=cell.raw)
