"""Each line of a report cut into cells: pipes, tabs, a label followed by blank-separated
numbers, a lone number (one cell of a vertical stream), a page footer, a markdown rule.
What the grammar made of the line (its record, :mod:`gplint.grammar`) decides how it is cut
(:func:`split_record`). A line read before (in this report or, when short, an earlier one)
is copied, not read again (:mod:`.line_memo`).
"""
from __future__ import annotations

from operator import itemgetter
from typing import Optional, Sequence

from ..grammar import RULE_CHARS, SHAPE_MAX_TOKENS, BlankLine, FooterLine, Line, LineRecord, RowLine, Tok
from ..packed_tokens import PackedTokens
from .cells import BLANK_MARKS, LCell, LineInfo, to_number
from .cells import CELL_TEXT, MIN_MARK_ROW, RUN_MARKS, row_cells, written_non_counts
from .cell_shapes import (after_wide_gap, glued_dash, is_footer, is_row_label, joined as _joined,
                          label_and_counted_value, number_with_unit, signed_cell, signed_cell_ending, signed_run,
                          unit_cell_ending, worded_change, worded_change_ending)
from .csv_rows import csv_delimiter, csv_segments
from .joined_rows import before_next_numbering, next_row_in_cell


def _segment_cell(toks: Sequence[Tok], line: int, start: int = 1) -> list[LCell]:
    """One separated segment -> a label, a number, several numbers, a blank mark or empty.

    ``start`` is the column where the segment begins (just after its separator), the
    position an empty cell is reported at."""
    if len(toks) == 3:
        before, t, after = toks
        if t.type == "NUMBER" and before.type == "BLANK" and after.type == "BLANK":
            # "| 12 |" and "\t12\t": by far the commonest segments of pipe and tab tables,
            # read without the general filtering below (same cell as it would give).
            _, value, column = t
            return [LCell("num", value, line, column, column + len(value), to_number(value))]
    if len(toks) == 1 and toks[0].type == "NUMBER":
        t = toks[0]
        return [LCell("num", t.value, line, t.column, t.column + len(t.value), to_number(t.value))]
    if isinstance(toks, PackedTokens) and len(toks) - toks.count(_NOT_CONTENT) > _FEW_CONTENT:
        return _long_segment_cell(toks, line)
    content = [t for t in toks if t.type != "BLANK" and t.type != "STAR"]
    if not content:
        col = toks[0].column if toks else start
        return [LCell("blank", "", line, col, col)]
    if len(content) >= 2 and (split := next_row_in_cell(toks, content, line, _segment_cell)) is not None:
        return split  # (the next row's numbering or label after the value: .joined_rows)
    if all(t.type == "NUMBER" for t in content):
        return [LCell("num", t.value, line, t.column, t.end_column, to_number(t.value)) for t in content]
    with_unit = signed_cell(content, line) or number_with_unit(content, line) or worded_change(content, line)
    if with_unit is not None:
        return [with_unit]
    text = _joined(toks).strip()
    if text in BLANK_MARKS:
        return [LCell("blank", text, line, content[0].column, content[-1].end_column)]
    label_and_value = label_and_counted_value(content, line)
    if label_and_value is not None:
        return label_and_value
    if content[-1].type == "NUMBER":
        # A row label and its values in one cell ("1.属于国家秘密 0000000" after a group
        # label's tab): read as a line of its own would be.
        inner = _split_unseparated(Line(line, _joined(toks), toks))
        if inner.labels and inner.values and (is_row_label(inner.labels[0].text) or (
                len(inner.values) == 1 and after_wide_gap(toks))):
            return list(inner.cells)
    return [LCell("label", text, line, content[0].column, content[-1].end_column)]


#: Tokens that are no content of a cell; a segment with more content tokens than
#: :data:`_FEW_CONTENT` is no signed number, number with its unit or blank mark.
_NOT_CONTENT = ("BLANK", "STAR")
_FEW_CONTENT = 8


def _long_segment_cell(toks: PackedTokens, line: int) -> list[LCell]:
    """:func:`_segment_cell` of a long packed segment (a page's worth of text between two
    pipes), read without making a token for each of its tokens at once: numbers, a row
    label with its values, or a label."""
    if toks.types().difference(_NOT_CONTENT) == {"NUMBER"}:
        return [LCell("num", t.value, line, t.column, t.end_column, to_number(t.value))
                for t in toks if t.type == "NUMBER"]
    first, last = 0, len(toks) - 1
    while toks[first].type in _NOT_CONTENT:
        first += 1
    while toks[last].type in _NOT_CONTENT:
        last -= 1
    if toks[last].type == "NUMBER":
        inner = _split_unseparated(Line(line, _joined(toks), toks))
        if inner.labels and inner.values and is_row_label(inner.labels[0].text):
            return list(inner.cells)
    return [LCell("label", _joined(toks).strip(), line, toks[first].column, toks[last].end_column)]


#: Tokens that are layout, not content, on an unseparated line.
_LAYOUT_TYPES = frozenset({"BLANK", "HASH", "STAR"})
_TOK_TYPE = itemgetter(0)
_TOK_VALUE = itemgetter(1)
_ONLY_BLANK = frozenset({"BLANK"})
#: Tokens the trailing-values reading passes over at a line's end (see _split_unseparated).
_LABEL_END_SKIP = ("BLANK", "STAR", "HASH")
#: A colon ending a label stands before its first value as a blank would (「总计：33 2 0」).
_LABEL_COLONS = ("：", ":")


def _readable(toks: Sequence[Tok]) -> Sequence[Tok]:
    """Tokens to read many times: a short packed sequence (a virtual line of a flattened
    page) as a tuple while its line is cut, a long one left packed (see PackedTokens)."""
    if isinstance(toks, PackedTokens) and len(toks) <= SHAPE_MAX_TOKENS:
        return tuple(toks)
    return toks


def split_record(line: Line, record: Optional[LineRecord]) -> LineInfo:
    """A line cut into cells as its record (what the grammar made of it) says.

    Blank lines, page footers and rows cut by pipes or tabs are read from the record: its
    cells are the segments between the separators. A row of blank-separated numbers, a
    heading or prose is read from the tokens (:func:`split_line`): whether a dash is an
    empty cell, digits against a label ran together or a sign belongs to a number depends
    on token values the grammar does not look at. Without a record (a page flattened into
    one line is only lexed) the tokens decide everything."""
    if record is None:
        return split_line(line)
    kind = type(record)
    if kind is BlankLine:
        return LineInfo(line.number, line.text, line.tokens, [], False, blank=True)
    if kind is FooterLine:
        return LineInfo(line.number, line.text, line.tokens, [], False, footer=True)
    if kind is RowLine and record.separator != "BLANK":
        return _separated(line, record.separator, _record_segments(record))
    return split_line(line)


def _record_segments(record: RowLine) -> list[tuple[tuple[Tok, ...], int]]:
    """The tokens of each cell of a separated row and the column it begins at (just after
    the separator before it): the record's cells and separators alternate."""
    separators = [t for t in record.tokens if t.type == record.separator]
    out = []
    for k, cell in enumerate(record.cells):
        out.append((cell.tokens, separators[k - 1].end_column if k else 1))
    return out


def _token_segments(toks: Sequence[Tok], sep_type: str) -> list[tuple[tuple[Tok, ...], int]]:
    """:func:`_record_segments` from the tokens alone (slices at the separators)."""
    out = []
    begin, start = 0, 1
    for k, t in enumerate(toks):
        if t.type == sep_type:
            # (A long slice of a packed line stays packed: see _long_segment_cell.)
            out.append((toks[begin:k], start))
            begin, start = k + 1, t.end_column
    out.append((toks[begin:], start))
    return out


def _separated(line: Line, sep_type: str, segments: Sequence[tuple[Sequence[Tok], int]]) -> LineInfo:
    """A row cut by pipes or tabs, from its segments (each cell's tokens and start column)."""
    n = line.number
    cells: list[LCell] = []
    for toks, start in segments:
        if sep_type == "PIPE" and any(t.type == "TAB" for t in toks):  # a tab inside a pipe cell is a blank
            toks = toks.retyped("TAB", "BLANK") if isinstance(toks, PackedTokens) else \
                tuple(Tok("BLANK", t.value, t.column) if t.type == "TAB" else t for t in toks)
        cells.extend(_segment_cell(toks, n, start))
    # Edge cells left empty by a leading / trailing pipe are not cells. Other empty
    # cells at the ends stay: a row's width decides what they are (fit).
    if sep_type == "PIPE":
        if cells and cells[0].kind == "blank" and not cells[0].text and not _joined(segments[0][0]).strip():
            cells.pop(0)
        if cells and cells[-1].kind == "blank" and not cells[-1].text and not _joined(segments[-1][0]).strip():
            cells.pop()
    cells = glued_dash(cells)
    written_non_counts(cells)
    # (A cell's text is made only of rule characters when stripping them leaves nothing.)
    # A lone pipe on a line of its own is the end of the cell above, as an HTML-to-text
    # converter writes after each cell that it puts on its own line: a border, no row.
    md_rule = sep_type == "PIPE" and all(c.kind == "label" and not c.text.strip(RULE_CHARS) for c in cells)
    if "" not in map(CELL_TEXT, cells):  # no empty cell: nothing to drop below
        return LineInfo(n, line.text, line.tokens, cells, True, md_rule=md_rule)
    return LineInfo(n, line.text, line.tokens, row_cells(cells), True, md_rule=md_rule)


#: A line that would be cut into more cells than this is no table row (the widest table
#: has 15 columns; a table printed turned, 25 rows on a line): it is read as text, one
#: label. Its cells would cost ≈ 100 bytes each, 40-120 times a line of short numbers.
MAX_LINE_CELLS = 1024
_CELL_TYPES = ("NUMBER", "PIPE", "TAB")


def split_line(line: Line) -> LineInfo:
    """A line cut into cells from its tokens alone (see :func:`split_record`)."""
    toks = _readable(line.tokens)
    n = line.number
    # One pass (in C) answers the questions below.
    types = toks.types() if isinstance(toks, PackedTokens) else set(map(_TOK_TYPE, toks))
    if not toks or types == _ONLY_BLANK:
        return LineInfo(n, line.text, line.tokens, [], False, blank=True)
    if isinstance(toks, PackedTokens) and toks.count(_CELL_TYPES) > MAX_LINE_CELLS:
        return _as_text(line, toks)
    sep_type = "PIPE" if "PIPE" in types else "TAB" if "TAB" in types else None
    segments = _token_segments(toks, sep_type) if sep_type else csv_segments(line.text) if csv_delimiter(line.text) else None
    if segments is not None:  # cut by pipes or tabs, or a spreadsheet's CSV row (.csv_rows)
        return _separated(line, sep_type or "COMMA", segments)
    if types <= _LAYOUT_TYPES:
        return LineInfo(n, line.text, line.tokens, [], False, blank=True)
    end = toks[-1]
    if "NUMBER" not in types and end.type not in _LABEL_END_SKIP and end.value not in RUN_MARKS:
        # No number: no footer (it holds a page number) and no trailing values. Ending in
        # content that is no dash, the whole line is the label, as the general reading
        # (:func:`_split_unseparated`) finds (tests/test_split_line.py compares them).
        # Prose and headings: most of the lines a report reads for the first time.
        first = 0
        while toks[first].type == "BLANK":
            first += 1
        text = line.text.strip().strip("*#").strip()
        return LineInfo(n, line.text, line.tokens, [LCell("blank" if text in BLANK_MARKS else "label", text, n,
                                                   toks[first].column, end.column + len(end.value))], False)
    return _split_unseparated(line)


def _as_text(line: Line, toks: Sequence[Tok]) -> LineInfo:
    """The line as one label: its text, from its first token that is no blank."""
    first = 0
    while toks[first].type == "BLANK":
        first += 1
    end = toks[-1]
    text = line.text.strip().strip("*#").strip()
    return LineInfo(line.number, line.text, line.tokens,
                    [LCell("label", text, line.number, toks[first].column, end.column + len(end.value))], False)


def _split_unseparated(line: Line) -> LineInfo:
    """A line without pipes or tabs holding more than layout: a page footer, or a label
    followed by blank-separated values (a label, or values, alone)."""
    toks = _readable(line.tokens)
    n = line.number
    # A page footer has at most six tokens besides layout; a prose line is never looked at.
    if len(toks) <= 6 or sum(1 for t in toks if t.type not in _LAYOUT_TYPES) <= 6:
        if is_footer([t for t in toks if t.type not in _LAYOUT_TYPES]):
            return LineInfo(n, line.text, line.tokens, [], False, footer=True)
    i, nums, fused = _trailing_values(toks, n)
    signed = signed_run(toks, i) if fused is not None else None
    if signed is not None:
        i -= 2  # the number and its sign before the fused digits are cells, not label
    # Dashes with no number among them are text (a rule line, a dash in a sentence) —
    # unless there are MIN_MARK_ROW of them, standalone: a row whose zeros are all
    # written as marks ("规章 无 无 －"), or one after a row label (「行政处罚 无」).
    if nums and len(nums) < MIN_MARK_ROW and not any(map(_is_number, nums)) and not (
            len(nums) == 1 and i > 0 and is_row_label(_joined(toks[:i]))):
        nums = []
        i = len(toks)
    if not nums and fused is None:
        leading = _values_first(line)
        if leading is not None:
            return leading
    nums.reverse()
    return _label_and_values(line, toks, i, nums, fused, signed)


def _trailing_values(toks: Sequence[Tok], n: int) -> tuple[int, list, Optional[Tok]]:
    """The run of blank-separated values that ends line ``n`` (a label's, or alone), read
    from its end: (where it starts, its values last first — tokens, or cells with their
    unit or sign —, the digits written against the label before them, if any)."""
    i = len(before_next_numbering(toks) or toks)
    nums: list = []
    fused: Optional[Tok] = None
    while i > 0:
        t = toks[i - 1]
        if t.type in _LAYOUT_TYPES:  # blanks and markdown marks ("0 0 0 ####") are layout
            i -= 1
            continue
        with_unit = unit_cell_ending(toks, i, n) or worded_change_ending(toks, i, n)
        if with_unit is not None:  # "4件", "12.5万元": a number with its unit; "减少8": a change
            nums.append(with_unit[0])
            i = with_unit[1]
            continue
        signed_cell = signed_cell_ending(toks, i, n) if t.type == "NUMBER" and toks[i - 2].type == "TEXT" else None
        if signed_cell is not None:  # "-3", "+5": the 2019 format's 本年增/减 after a blank
            nums.append(signed_cell)
            i -= 2
            continue
        if (t.type == "NUMBER" or (t.type == "TEXT" and t.value in RUN_MARKS)) and (
                i - 2 < 0 or toks[i - 2].type in ("BLANK", "TAB") or toks[i - 2].value.endswith(_LABEL_COLONS)
                or not nums and all(x.type in ("BLANK", "HASH", "STAR") for x in toks[: i - 1])):
            nums.append(t)
            i -= 1
            continue
        if t.type == "NUMBER" and i >= 2 and toks[i - 2].type not in ("BLANK", "TAB") \
                and is_row_label(_joined(toks[: i - 1])):
            # Digits written against a row label with nothing between: cells run together
            # (the first piece of a run with stray spaces, "数量20 0 0 0 02", included).
            fused = t
            i -= 1
        break
    return i, nums, fused


def _label_and_values(line: Line, toks: Sequence[Tok], i: int, nums: list, fused: Optional[Tok],
                      signed: Optional[tuple[Tok, Tok]]) -> LineInfo:
    """The line's cells: its label (the tokens before ``i``, blanks around them left out),
    the digits run together against it (``fused``, after the signed cell before them), then
    its blank-separated values ``nums``."""
    n = line.number
    first = 0
    while first < i and toks[first].type == "BLANK":
        first += 1
    cells = []
    if first < i:
        last = i - 1
        while toks[last].type == "BLANK":
            last -= 1
        text = (line.text if i == len(toks) else _joined(toks[:i])).strip().strip("*#").strip()
        if text in BLANK_MARKS and not nums:
            return LineInfo(n, line.text, line.tokens, [LCell("blank", text, n, toks[first].column, toks[last].end_column)], False)
        cells.append(LCell("label", text, n, toks[first].column, toks[last].end_column))
    if signed is not None and fused is not None:
        head, sign = signed
        cells.append(LCell("num", head.value, n, head.column, head.end_column, to_number(head.value), fused=True))
        value = to_number(fused.value)
        if value is not None and sign.value in "-－−":
            value = -value
        cells.append(LCell("num", sign.value + fused.value, n, sign.column, fused.end_column, value, fused=True))
    elif fused is not None:
        cells.append(LCell("num", fused.value, n, fused.column, fused.end_column, to_number(fused.value), fused=True))
    cells.extend(t if isinstance(t, LCell) else LCell("num", t.value, n, t.column, t.end_column, to_number(t.value))
                 if t.type == "NUMBER" else LCell("blank", t.value, n, t.column, t.end_column) for t in nums)
    return LineInfo(n, line.text, line.tokens, glued_dash(cells), False)


def _is_number(t) -> bool:
    return isinstance(t, LCell) or t.type == "NUMBER"


def _values_first(line: Line) -> Optional[LineInfo]:
    """Layout "values first": a row's blank-separated values before its label, as PDF text
    gives a row whose label cell sits lower than its numbers ("290 1 0 0 3 0 294 （一）予以
    公开"), or one number (a row's last value before the next row's label, 「0 四、结转下年度
    继续办理」: a PDF-to-markdown tool's paragraph), and a table row label after them."""
    toks = _readable(line.tokens)
    k, vals = 0, []
    while k < len(toks):
        t = toks[k]
        if t.type in _LAYOUT_TYPES:
            k += 1
        elif (t.type == "NUMBER" or (t.type == "TEXT" and t.value in RUN_MARKS)) and (
                k + 1 >= len(toks) or toks[k + 1].type in ("BLANK", "TAB")):
            vals.append(t)
            k += 1
        else:
            break
    if not any(t.type == "NUMBER" for t in vals) or k >= len(toks):
        return None
    rest = toks[k:]
    text = _joined(rest).strip()
    if not is_row_label(text):
        return None
    last = len(rest) - 1
    while rest[last].type == "BLANK":
        last -= 1
    n = line.number
    cells = [LCell("label", text, n, rest[0].column, rest[last].end_column)]
    cells.extend(LCell("num", t.value, n, t.column, t.end_column, to_number(t.value)) if t.type == "NUMBER"
                 else LCell("blank", t.value, n, t.column, t.end_column) for t in vals)
    return LineInfo(n, line.text, line.tokens, cells, False)

