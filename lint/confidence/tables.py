"""Each table's confidence from the report: :func:`assess` (see :mod:`gplint.confidence`)."""
from __future__ import annotations

import dataclasses
import unicodedata
from typing import Optional

from ..analyses import per_report
from ..format import FORMAT_2021, FORMATS
from ..labels import T2_ROW_KEYS, T2_ROW_KEYS_2019
from ..lazy_re import lazy_compile
from ..model import T3_ROWS, T4_BLOCKS, T4_COLS, Cell, Issue, Label, Report, Span, Table2, Table3
from ..pictures import picture_in
from ..reader.t3_sparse import sparse
from .results import RowConfidence, TableConfidence
from .rows import (all_certain, cells_lost_at_random, first_unsure_span, row_confidence, spilled_rows, stacked_rows,
                   table_score, unplace_short_rows, zeros_written_blank)
from ..reader.scan_debris import debris_piece, scanned_debris

_NO_FLAGS: frozenset[str] = frozenset()
_MISSING = {t: TableConfidence(t, False, {}, 0, False, 0.0, None) for t in ("t2", "t3", "t4")}


@per_report
def assess(report: Report) -> dict[str, TableConfidence]:
    """Confidence of each table, keyed "t2", "t3", "t4"; computed once per report and
    shared by every rule that asks (:func:`~gplint.analyses.per_report`)."""
    by_table: dict[str, list[Issue]] = {"t2": [], "t3": [], "t4": []}
    for issue in report.issues:
        if issue.table in by_table:
            by_table[issue.table].append(issue)
    out = {"t2": _t2(report, by_table["t2"]), "t3": _t3(report, by_table["t3"]),
           "t4": _t4(report, by_table["t4"])}
    for table, conf in out.items():
        if not conf.found:
            image = _image_in_section(report, _SECTION_OF[table])
            if image is not None:
                out[table] = TableConfidence(table, True, {}, 0, False, 0.0, image, image=image)
                continue
            rows = _unread_rows_in_section(report, _SECTION_OF[table])
            if rows:
                out[table] = TableConfidence(table, True, {}, 0, False, 0.0, rows[0], sparse=(len(rows), 0))
    return out


#: The section each table stands in.
_SECTION_OF = {"t2": "S2", "t3": "S3", "t4": "S4"}


def _image_in_section(report: Report, slot: str) -> Optional[Span]:
    """Where a picture stands in the body of section ``slot``, or None."""
    section = report.sections.get(slot)
    body = section.body if section is not None else None
    if body is None:
        return None
    for number in range(body.line, min(body.end_line, len(report.lines)) + 1):
        text = report.lines[number - 1]
        start = body.column - 1 if number == body.line else 0
        end = body.end_column - 1 if number == body.end_line else len(text)
        found = picture_in(text, start, max(start, end))
        if found:
            return Span(number, found.start() + 1, number, found.end() + 1)
    return None


_OTHER_HANDLING = frozenset(FORMAT_2021.t3.group("G6").members)
#: The position of table 三's 总计 in a row's cells (a zero there is written even where
#: the clerk leaves the row's other zeros blank).
_T3_TOTAL = frozenset({[c.key for c in FORMAT_2021.t3.columns].index(FORMAT_2021.t3.total_column)})
#: Fewest lines of cells in a table's section, with no table read there, for the table to
#: be there unread.
_UNREAD_ROWS_MIN = 2
#: The longest such line, in characters: a prose line wrapped on a page is longer.
_UNREAD_ROW_MAX = 30
#: A line's end that is a cell's value: a number or OCR's pieces of one after a label.
_ENDS_IN_VALUE = lazy_compile(r"[0-9０-９|][0-9０-９OoIl|iea]{0,2}$")


def _unread_rows_in_section(report: Report, slot: str) -> list[Span]:
    """Where a table's section holds, in place of the table no reader found, short lines
    that end in a value or carry table rules ("刘划0", "行政事Vrlt收费 | 0": a scanned
    table whose labels OCR broke past recognition) or lines of OCR's pieces of rules and
    zeros ("0 li lo lo"), when there are :data:`_UNREAD_ROWS_MIN` or more and a rule or
    a piece among them: the table is there, unread, not missing."""
    section = report.sections.get(slot)
    body = section.body if section is not None else None
    if body is None:
        return []
    rows, ruled = [], False
    for number in range(body.line + 1, min(body.end_line, len(report.lines) + 1)):
        text = report.lines[number - 1].strip()
        if not text or any(mark in text for mark in "。，；："):
            continue
        scanned = "|" in text or debris_piece(text) is not None
        if scanned or (len(text) <= _UNREAD_ROW_MAX and _ENDS_IN_VALUE.search(text)):
            rows.append(Span(number))
            ruled = ruled or scanned
    # (Counts on lines of their own with no rule nor OCR's piece among them, "行政复议 0",
    # are a report's words in the table's place: T101's.)
    return rows if len(rows) >= _UNREAD_ROWS_MIN and ruled else []


def table_confidence(report: Report, table: str) -> TableConfidence:
    """:func:`assess`'s confidence of one table ("t2", "t3" or "t4")."""
    return assess(report)[table]


def _t3(report: Report, issues: list[Issue]) -> TableConfidence:
    t3 = report.t3
    if t3 is None:
        return _MISSING["t3"]
    form = next((i for i in issues if i.kind == "t3-other-form"), None)
    if form is not None:
        # Printed in a form the reader found but could not read: found, nothing assessable.
        return TableConfidence("t3", True, {}, 0, False, 0.0, form.span, form)
    # A header without 总计 (T104) lets rows carry 6 values as well as 7.
    also = 6 if FORMAT_2021.t3.without_total(t3.header_columns) else 0
    row_issues: dict[str, list[Issue]] = {}
    unplaced = 0
    left_over: list[tuple[Span, int]] = []  # (where, how many values)
    for i in issues:
        if i.kind == "t3-unplaced-values":
            unplaced += len(i.values)
            if len(i.values) >= 2 and i.span is not None:
                left_over.append((i.span, len(i.values)))
        elif i.row:
            row_issues.setdefault(i.row, []).append(i)
    rows: dict[str, RowConfidence] = {}
    printed = [(k, r) for k, r in t3.rows.items() if r.line > 0] + list(t3.groups.items())
    # (A table read whole lost no row to a scan or a page: only one with rows of its
    # format missing — the 2019 format prints no R21-R23 — is looked at for OCR's pieces
    # and page breaks.)
    lost: dict[str, RowConfidence] = {}
    scanned = None
    rows_of_format = FORMATS.get(report.format_version, FORMAT_2021).t3.rows
    if any(r.key not in t3.rows or t3.rows[r.key].line <= 0 for r in rows_of_format):
        lost = _lost_at_page_breaks(report, t3)
        scanned = scanned_debris(report.lines, t3.span)
    if not issues and printed and not lost and scanned is None and all(len(r.cells) == 7 and not r.extra for _, r in printed) \
            and all_certain([c for _, r in printed for c in r.cells]):
        rows = {k: RowConfidence(k, r.line, 7, 7, _NO_FLAGS, None, "") for k, r in printed}
        return TableConfidence("t3", True, rows, 0, False, 1.0, None)
    for key, row in printed:
        own = row_issues.get(key, [])
        found = row.count if row.count > 7 else None
        rows[key] = row_confidence(key, row.line, row.cells[:7], 7, found, own, True, len(row.extra), also, row.extra)
    rows.update(lost)
    rows = stacked_rows(printed, spilled_rows(printed, rows), report.lines)
    # Rows the reader could not split leave no cells, only their issue.
    for key, own in row_issues.items():
        if key not in rows and any(i.kind == "ambiguous-digit-split" for i in own):
            line = own[0].span.line if own[0].span else 0
            rows[key] = RowConfidence(key, line, 7, 0, frozenset({"ambiguous-split"}), own[0].span)
    # (As table 二's: made only where its anchor or one of its rows was found.)
    found = bool(rows) or bool(t3.column_labels) or t3.caption is not None or t3.span is not None
    blank_zeros = zeros_written_blank([r.cells for _, r in printed], rows, _T3_TOTAL)
    if blank_zeros:
        rows = unplace_short_rows(rows)
    elif cells_lost_at_random(rows):
        rows = unplace_short_rows(rows, "gaps-unknown")
    if _every_row_whole(t3, rows):
        # No row lacks a value: only a row's worth of values (a row the format has not, or
        # whose label was lost) may be summed in a total; fewer are no row's (a footer's
        # "12  3", a note's figures).
        left_over = [(span, n) for span, n in left_over if n >= _A_ROWS_VALUES]
    score = table_score(rows)
    if any(r.flags & _OTHER_ROWS_VALUES for r in rows.values()):
        # Rows holding other rows' values: the values were read in an order that is not
        # the table's (a PDF's column stream), so no row's place in it is sure.
        score = 0.0
    sparse = _sparse(t3, len(printed))
    if sparse is not None or scanned is not None:
        score = 0.0
    return TableConfidence("t3", found, rows, unplaced, blank_zeros, score, first_unsure_span(rows, t3.span),
                           rows_left_over=tuple(span for span, _ in left_over), sparse=sparse, scanned=scanned)


#: Flags of a row that holds values of other rows.
_OTHER_ROWS_VALUES = frozenset({"gathered", "spilled", "misplaced", "stacked"})


#: The fewest values a line left in no row carries when it is a row of table 三 (its six
#: applicant columns; the total column may be left out).
_A_ROWS_VALUES = 6


def _lost_at_page_breaks(report: Report, t3: Table3) -> dict[str, RowConfidence]:
    """Rows missing from table 三 where its text runs over a page break between the rows
    printed before and after them (or the table's end): a page the conversion did not read
    (OCR that found nothing on it, a page missing from the copy), not rows the report
    left out."""
    if t3.span is None or not any("\f" in report.lines[n - 1]
                                  for n in range(t3.span.line, min(t3.span.end_line, len(report.lines)) + 1)):
        return {}
    at = {k: r.line for k, r in t3.rows.items() if r.line > 0}
    out: dict[str, RowConfidence] = {}
    before = t3.span.line
    keys = list(T3_ROWS)
    for i, key in enumerate(keys):
        if key in at:
            before = at[key]
            continue
        if key in _OTHER_HANDLING and "G6" in t3.groups:
            continue  # printed as one row
        after = next((at[k] for k in keys[i + 1:] if k in at), t3.span.end_line)
        if after >= before and any("\f" in report.lines[n - 1] for n in range(before, min(after, len(report.lines)) + 1)):
            out[key] = RowConfidence(key, before, 7, 0, frozenset({"page-lost"}), Span(before))
    return out


def _every_row_whole(t3: Table3, rows: dict[str, RowConfidence]) -> bool:
    """Every row of the format printed and read with no value missing."""
    return all(r.line > 0 for r in t3.rows.values()) and not any(
        r.flags & {"too-few", "no-values", "unplaced", "ambiguous-split"} for r in rows.values())




def _sparse(t3: Table3, rows_read: int) -> Optional[tuple[int, int]]:
    """(lines, rows) when table 三's region is long and few of its rows were read. (A table
    that prints only its rows with values is short: a line or a few a row.)"""
    if t3.span is None or not rows_read:
        return None
    lines = t3.span.end_line - t3.span.line + 1
    return (lines, rows_read) if sparse(lines, rows_read) else None


def _t4(report: Report, issues: list[Issue]) -> TableConfidence:
    t4 = report.t4
    if t4 is None:
        return _MISSING["t4"]
    cells = t4.cells
    if not issues and len(cells) == 15 and all_certain(list(cells.values())):
        rows = {b: RowConfidence(b, t4.line, 5, 5, _NO_FLAGS, None, "") for b in T4_BLOCKS}
        return TableConfidence("t4", True, rows, 0, False, 1.0, None)
    if not any(c.span is not None for c in cells.values()):
        if not issues and not _t4_header(t4.column_labels):
            return _MISSING["t4"]
        # The header is there, its values are not (or could not be read): the finding goes
        # on the header.
        at = next((lab.span for lab in t4.column_labels if any(w in lab.text for w in _T4_WORDS)), None)
        at = at or (Span(t4.line) if t4.line else None)
        rows = {b: RowConfidence(b, t4.line, 5, 0, frozenset({"no-values"}), at) for b in T4_BLOCKS}
        for i in issues:
            if i.kind == "ambiguous-digit-split":
                rows = {b: RowConfidence(b, t4.line, 5, 0, frozenset({"ambiguous-split"}), i.span) for b in T4_BLOCKS}
            elif i.kind == "t4-value-count":
                # Values read, too few to fill the cells and placed nowhere (which cell
                # each belongs to is unknown): as many short of 5 a block as of 15 in all.
                found = 5 + (i.found or 0) - (i.expected or 15)
                rows = {b: RowConfidence(b, t4.line, 5, found, frozenset({"unplaced"}), i.span) for b in T4_BLOCKS}
        for i in issues:
            if i.kind == "t4-values-interleaved":
                # Values read between the header's words, placed in no cell (the reader
                # leaves them: the page's order is not the table's).
                rows = {b: RowConfidence(b, t4.line, 5, 5, frozenset({"interleaved"}), i.span) for b in T4_BLOCKS}
        return TableConfidence("t4", True, rows, 0, False, 0.0, first_unsure_span(rows, t4.span))
    # The reader's count issue: its values do not fill the 15 cells (it expects 12 only
    # when the text has exactly 12 values and no 总计 columns, and then raises none).
    count_issues = [i for i in issues if i.kind == "t4-value-count"][:1]
    order_issues = [i for i in issues if i.kind == "t4-values-interleaved"]
    # (Values beyond the fifteenth are placed in no cell: the issue counts them.)
    off = ((count_issues[0].found or 0) - (count_issues[0].expected or 15) if count_issues
           else sum(1 for c in cells.values() if c.span is not None) - 15)
    rows = {}
    for b in T4_BLOCKS:
        own = [i for i in issues if i.kind == "ambiguous-digit-split" and (i.row in ("t4", f"t4.{b}"))]
        block = tuple(cells.get((b, c), Cell()) for c in T4_COLS)
        present = [c for c in block if c.span is not None]
        if count_issues:
            rows[b] = row_confidence(b, t4.line, block, 5, 5 + off, own + count_issues, True)
        elif present or own:
            rows[b] = row_confidence(b, t4.line, block, 5 if (b, "total") in cells else 4, None,
                                     own + order_issues, True)
    blank_zeros = zeros_written_blank([tuple(cells.values())], {})
    return TableConfidence("t4", True, rows, 0, blank_zeros, table_score(rows) if rows else 0.0,
                           first_unsure_span(rows, t4.span))


def _read_off_their_lines(rows: dict[str, RowConfidence], t2: Table2,
                          labelled: dict[str, Label]) -> dict[str, RowConfidence]:
    """Beside values the reader placed in no row, the rows whose values it took from other
    lines than their label's are "spilled": in a PDF's column stream (labels, then values
    in the page's order) one value out of place shifts every row after it. Rows whose
    values stand on their label's line are the table's own."""
    row_keys = T2_ROW_KEYS_2019 if t2.format == "2019" else T2_ROW_KEYS
    out = dict(rows)
    for row, conf in rows.items():
        label = labelled.get(row)
        lines = {c.span.line for k in row_keys[row] if (c := t2.cells.get(k)) is not None and c.span is not None}
        if label is not None and lines and lines != {label.span.line}:
            out[row] = dataclasses.replace(conf, flags=conf.flags | {"spilled"})
    return out


_T4_WORDS = ("维持", "纠正", "审结", "直接起诉", "复议后起诉", "行政复议", "行政诉讼")


def _t4_header(labels) -> bool:
    seen = set()
    for lab in labels:
        text = "".join(unicodedata.normalize("NFKC", lab.text).split())
        seen.update(w for w in _T4_WORDS if w in text)
    return len(seen) >= 2


def _t2(report: Report, issues: list[Issue]) -> TableConfidence:
    t2 = report.t2
    if t2 is None:
        return _MISSING["t2"]
    row_keys = T2_ROW_KEYS_2019 if t2.format == "2019" else T2_ROW_KEYS
    if not issues and len(t2.cells) == sum(map(len, row_keys.values())) and all_certain(list(t2.cells.values())):
        lines = {lab.key: lab.span.line for lab in t2.row_labels if lab.key}
        rows = {row: RowConfidence(row, lines.get(row) or t2.cells[keys[0]].span.line, len(keys), len(keys),
                               _NO_FLAGS, None, "") for row, keys in row_keys.items()}
        return TableConfidence("t2", True, rows, 0, False, 1.0, None)
    row_issues: dict[str, list[Issue]] = {}
    unplaced = 0
    for i in issues:
        if i.kind == "t2-unplaced-values":
            unplaced += len(i.values)
        elif i.row:
            row_issues.setdefault(i.row, []).append(i)
    labelled = {lab.key: lab for lab in t2.row_labels if lab.key}
    rows: dict[str, RowConfidence] = {}
    for row, keys in row_keys.items():
        cells = tuple(t2.cells.get(k, Cell()) for k in keys)
        own = row_issues.get(row, [])
        if row not in labelled and not own and all(c.span is None for c in cells):
            continue  # a row the table does not print
        line = labelled[row].span.line if row in labelled else next(
            (c.span.line for c in cells if c.span is not None), own[0].span.line if own and own[0].span else 0)
        rows[row] = row_confidence(row, line, cells, len(keys), None, own, False)
    if unplaced >= 2:
        rows = _read_off_their_lines(rows, t2, labelled)
    # (A table 二 is made only where its anchor was found — a block heading, its header or
    # a row — so a block heading left alone is the table found, unread.)
    found = bool(rows) or bool(t2.column_labels) or t2.span is not None
    return TableConfidence("t2", found, rows, unplaced, False, table_score(rows) if rows else 0.0,
                           first_unsure_span(rows, t2.span))
