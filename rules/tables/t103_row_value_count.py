"""T103: a table row carries more or fewer values than its table has columns."""
from __future__ import annotations

from typing import Any, Iterable, Optional, Union

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import FORMAT_2021, format_for
from gplint.model import Report, Row, Span

from gplint.grammar import PIPE_CHARS
from gplint.literal_entities import without_white_entities

from ._common import line_text, trailing_empty_cell

_T3 = FORMAT_2021.t3
#: Rows named by their label when the text shows none. Only these: the other rows keep
#: their key in the message ("R23"), as the golden snapshot pins; naming them too is a
#: change of wording for another commit.
T3_NAMES = {**{k: _T3.row(k).label for k in ("R01", "R02", "R03", "R04", "R24", "R25")}, "G6": _T3.group("G6").label}
T2_NAMES = {k: row.label for k, row in FORMAT_2021.t2.rows.items()}
#: "自然人、商业企业、…、总计": the columns a table 三 row has.
_T3_COLUMNS = "、".join(c.label for c in _T3.columns)
_T3_WIDTH = len(_T3.columns)


def _row_name(row: Row) -> str:
    if row.label is not None and row.label.text.strip():
        return row.label.text.strip().split("\t")[-1][:30]
    return T3_NAMES.get(row.key, row.key)


class RowValueCount(Rule):
    """What it checks
        That every row of tables 二 and 三 carries as many values as its table has
        columns: 表二 (一) rows 3, the other 表二 rows 1; 表三 rows 7 (自然人, five 法人或其他组织
        columns, 总计). A row with too many values is
        reported with the values that do not fit; a row with too few is reported when the
        text shows the row with its values (a separated row that leaves the 总计 cell
        empty — in a 表三 printed as stacked column groups, the row's line in the last
        group —, or a cell empty between two of its values, or a row in a layout without
        separators) and no values of that table were left unplaced by the layout (then the
        short row is extraction damage). A 表三 row printed as its label and then only empty
        cells, one a column, in a table whose other rows are read whole or named short, was
        left blank whole: reported too (a label alone on its line is not: its values may stand
        elsewhere). More than three rows of 表三 that leave cells empty between their values
        or leave the whole row blank (a table that writes 0 in some rows and leaves the
        zeros of others blank) get one finding for the table. When 表三's header itself has no
        总计 column, T104 reports that instead of every row.

        A row gplint misread (its digits ran together, a value of millions, a split it could
        not make), and every row of a table it could not assess, is left to T190, which
        says once that the table could not be checked; a table that leaves its zeros blank
        ("—", "/", empty cells) gets one notice from A108, not one short row each. 表四's
        values that do not fill its 15 cells cannot be put in their blocks: T190 says so.

    Why
        docs/format.md §4–§6 fix the columns of each table; a row with a value missing or extra
        leaves a cell unknown (and its identities unassessable). FORMAT §5.4 also notes that
        an extra value is often a number split in two ("20" → "2" "0").

    Bad::

        …
        （一）予以公开 2 0 0 0 0 0 2 ⟦0⟧

    Good::

        …
        （一）予以公开 2 0 0 0 0 0 2
    """

    code = "T103"
    name = "row-value-count-mismatch"
    explanation = "表格某一行的数值个数与列数不符：表三每行应有 7 个数值，表二各行应有 3 个或 1 个。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        yield from self._t2(report)
        yield from self._t3(report)

    def _t2(self, report: Report) -> Iterable[Diagnostic]:
        t2 = report.t2
        conf = table_confidence(report, "t2")
        if t2 is None or not conf.assessable:
            return
        if any(i.kind == "t2-unplaced-values" for i in report.issues):
            return  # values the layout scattered: a short row is extraction, not the report
        for issue in report.issues:
            if not issue.kind.startswith("t2-row-too-") or issue.span is None or not conf.readable(issue.row):
                continue
            # Only rows printed as rows (label and values on one line) can be counted; in
            # column-by-column text the builder's count says more about the layout.
            if not any(lb.key == issue.row and lb.span.line == issue.span.line for lb in t2.row_labels):
                continue
            has = "有" if issue.found > issue.expected else "只有"
            yield self.diag(f"表二“{issue.label or issue.row}”行{has} {issue.found} 个数值，应为 {issue.expected} 个"
                            f"（表二“{T2_NAMES.get(issue.row, issue.row)}”行）",
                            issue.span, key=f"t2.{issue.row}.count")
        yield from self._t2_empty_between(report, conf)

    def _t2_empty_between(self, report: Report, conf) -> Iterable[Diagnostic]:
        """Rows of table 二 printed on their label's line that leave a cell empty between two
        values (「规章\t0\t\t5」): as in table 三, a merged label never stands there. A cell
        left empty before or after the values (「规章\t0\t0\t」) counts too where another
        row of three cells writes all of its: the table's grid has a value in that column,
        not a merged cell."""
        t2 = report.t2
        if conf.blank_zeros or all(c.span is None or c.raw.strip() for c in t2.cells.values()):
            return  # no cell written empty (most tables), or zeros left blank throughout (A108)
        spec = format_for(t2.format).t2
        counted = {i.row for i in report.issues if i.kind.startswith("t2-row-")}
        printed = {}  # row -> (its cells, its label) for rows printed whole on their label's line
        for row, keys in spec.row_keys.items():
            cells = [t2.cells.get(k) for k in keys]
            if len(cells) < 3 or row in counted or not conf.readable(row) or any(
                    c is None or c.span is None for c in cells):
                continue
            line = cells[0].span.line
            label = next((lb for lb in t2.row_labels if lb.key == row and lb.span.line == line), None)
            if label is not None and all(c.span.line == line for c in cells):
                printed[row] = (cells, label)
        whole_row_beside = any(all(c.raw.strip() for c in cells) for cells, _ in printed.values())
        for row, (cells, label) in printed.items():
            written = [bool(c.raw.strip()) for c in cells]
            if not (_gap_between_values(written) or (whole_row_beside and any(written) and not all(written))):
                continue
            empty = [spec.cells[k].column.name for k, c in zip(spec.row_keys[row], cells) if not c.raw.strip()]
            yield self.diag(f"表二“{label.text.strip()}”行只有 {written.count(True)} 个数值，应为 {len(cells)} 个"
                            f"；空白的是{'、'.join(f'“{e}”' for e in empty)}列",
                            label.span, key=f"t2.{row}.count")

    def _t3(self, report: Report) -> Iterable[Diagnostic]:
        t3 = report.t3
        conf = table_confidence(report, "t3")
        if t3 is None or not conf.assessable:
            return  # T190: the table could not be read well enough to count its rows
        scattered = any(i.kind == "t3-unplaced-values" for i in report.issues)
        no_total_header = bool(t3.header_columns) and _T3.total_column not in t3.header_columns
        rows = [r for r in t3.rows.values() if r.line > 0] + list(t3.groups.values())
        gapped: list[Row] = []  # rows whose one evidence is a cell empty between two values
        left_blank: list[Row] = []  # rows printed as their label and empty cells only
        # A row left blank whole is the clerk's slip only where every other row is read whole
        # or named short: among rows short of cells no one can place, it is one more such.
        unexplained = False
        for row in rows:
            if not conf.readable(row.key):
                unexplained = unexplained or _written_count(row) > 0
                continue  # misread (T190), not the report's
            # Cells the text leaves empty ("" between separators) are values the row lacks;
            # placeholders such as "—" or "/" are written values (A108 judges them).
            written = [c for c in row.cells if c.span is not None and c.raw.strip()]
            n = row.count if row.count > 7 else len(written)
            if n == 0:
                if _cells_written_empty(report, row):
                    left_blank.append(row)
                continue
            if n > 7:
                extra = " ".join(c.raw for c in row.extra)
                yield self.diag(
                    f"表三“{_row_name(row)}”行有 {n} 个数值，表头只有 {_T3_WIDTH} 列；多出的数值：{extra}"
                    "（可能是一个数字被拆开，或多填了一格）",
                    _over([c.span for c in row.extra], row.line), key=f"t3.{row.key}.count")
            elif 0 < n < 7:
                if scattered or conf.blank_zeros:
                    # Values elsewhere in the text, or zeros left blank throughout (A108's
                    # one notice): not this row's defect.
                    continue
                if no_total_header and n == 6:
                    continue  # T104: the header has no 总计 column either.
                # A separated row whose values run to the row's last cell lost one to a
                # label standing in a value column (merged cells): extraction, not report.
                # (A table printed in column groups has a row's cells on several lines: an
                # empty cell left on any of them is evidence.)
                evidence = _evidence(report, row)
                if evidence is False:
                    unexplained = True
                    continue
                if evidence == _GAP:
                    gapped.append(row)
                    continue
                yield self._short_row(row)
        if left_blank and not (unexplained or scattered or conf.blank_zeros):
            gapped += left_blank  # every cell left blank, in a table that writes its zeros
        if len(gapped) <= MAX_GAPPED_ROWS:
            yield from map(self._short_row, gapped)
        else:
            yield self._gapped_rows_at_once(gapped)

    def _short_row(self, row: Row) -> Diagnostic:
        written = [c for c in row.cells if c.span is not None and c.raw.strip()]
        if not written:
            return self.diag(
                f"表三“{_row_name(row)}”行的单元格都是空白，没有数值，应为 {_T3_WIDTH} 个（{_T3_COLUMNS}）"
                "；没有发生的单元格请填写 0",
                row.label.span if row.label is not None else Span(row.line), key=f"t3.{row.key}.count")
        empty = [col.label for col, c in zip(_T3.columns, row.cells) if c.span is not None and not c.raw.strip()]
        where = f"；空白的是{'、'.join(f'“{e}”' for e in empty)}列" if empty else ""
        return self.diag(
            f"表三“{_row_name(row)}”行只有 {len(written)} 个数值，应为 {_T3_WIDTH} 个（{_T3_COLUMNS}）{where}",
            _over([c.span for c in written], row.line), key=f"t3.{row.key}.count")

    def _gapped_rows_at_once(self, rows: list[Row]) -> Diagnostic:
        """One finding for many rows that leave cells empty between their values: the
        table's way of writing zeros in those rows (0 written in others), not a row's slip."""
        first = rows[0]
        names = "、".join(f"“{_row_name(r)}”" for r in rows[:3])
        return self.diag(
            f"表三有 {len(rows)} 行留有空白单元格（{names}等），每行应有 {_T3_WIDTH} 个数值"
            f"（{_T3_COLUMNS}）；没有发生的单元格请填写 0",
            Span(first.line), key="t3.gapped-rows",
            related=[Related(Span(r.line), _row_name(r)) for r in rows[1:]],
            evidence={"rows": [r.key for r in rows]})


#: :func:`_evidence`'s answer for a row whose one empty cell stands between two values.
_GAP = "gap"
#: More rows than this leaving cells empty between their values get one finding for the
#: table (a table that writes 0 in some rows and leaves zeros blank in the others).
MAX_GAPPED_ROWS = 3


def _evidence(report: Report, row: Row) -> Union[bool, str, None]:
    """Whether the row leaves an empty cell after its last value (:func:`trailing_empty_cell`),
    asked of the line that holds the row's last cell: the row's own line, or — in a table
    printed in column groups, a row's cells on several lines — the last group's line (an
    empty cell alone on it is one left empty); :data:`_GAP` when its one empty cell stands
    between two values. None when the layout cannot tell."""
    spans = [c.span for c in row.cells if c.span is not None]
    if not spans:
        return None
    line = spans[-1].line if len({s.line for s in spans}) > 1 else row.line
    ends = [c.span.end_column for c in row.cells if c.span is not None and c.span.line == line and c.raw.strip()]
    if not ends:
        return True if line != row.line else None
    # Where the row begins on that line (its label): a row inside a longer line (a page
    # flattened into one line) ends where the next row's text begins.
    first = row.label.span.column if row.label is not None and row.label.span.line == line else 1
    evidence = trailing_empty_cell(report, line, max(ends), first)
    if evidence is False and _empty_between_values(row, line):
        # A separated row whose values run to its end but leave a cell empty between two
        # of them (「0\t\t0」): a merged label never stands there, the clerk left it blank.
        return _GAP
    if evidence is None and len({s.line for s in spans}) == 1 and any(
            c.span is not None and not c.raw.strip() for c in row.cells):
        # Values placed under aligned columns (pdftotext -layout): the reader saw which
        # cells are empty; as on a tab row, one after the last value or between two is
        # evidence.
        if row.cells[-1].span is not None and not row.cells[-1].raw.strip():
            return True
        return _GAP if _empty_between_values(row, line) else False
    return evidence


def _written_count(row: Row) -> int:
    """How many of the row's cells hold something (a value or a mark)."""
    return sum(1 for c in row.cells if c.span is not None and c.raw.strip())


#: Cell separators that can stand alone on a row's line, each closing an empty cell: tabs,
#: pipes and a box-drawing table's borders.
_SEPARATORS = frozenset("\t" + PIPE_CHARS)


def _cells_written_empty(report: Report, row: Row) -> bool:
    """Whether the row's line prints its label and then only empty cells, one a column
    (「2.重复申请\t\t\t\t\t\t\t」, 「| 2.重复申请 | | | | | | | |」): the clerk left the
    whole row blank. A label alone on its line (values below it, or lost) is not."""
    label = row.label
    if label is None or label.span.line != row.line:
        return False
    rest = without_white_entities(line_text(report, row.line))[label.span.end_column - 1:]
    if rest.strip(" \t\u3000\xa0" + PIPE_CHARS):
        return False  # something else on the line: another row's text, a note
    return sum(ch in _SEPARATORS for ch in rest) >= _T3_WIDTH - 1


def _empty_between_values(row: Row, line: int) -> bool:
    """Whether the row leaves a cell empty between two written values on ``line``."""
    return _gap_between_values([bool(c.raw.strip()) for c in row.cells if c.span is not None and c.span.line == line])


def _gap_between_values(written: list[bool]) -> bool:
    """Whether a cell not written (False) stands between two written ones."""
    if True not in written:
        return False
    first, last = written.index(True), len(written) - 1 - written[::-1].index(True)
    return False in written[first:last]


def _over(spans: list[Optional[Span]], line: int) -> Span:
    """From the first to the last of the values' spans on the row's line (the values at
    fault), or the row's line when the text gives none there."""
    on_line = [s for s in spans if s is not None and s.line == line]
    if not on_line:
        return Span(line)
    first = min(on_line, key=lambda s: s.column)
    last = max(on_line, key=lambda s: s.end_column)
    return Span(line, first.column, line, last.end_column)
