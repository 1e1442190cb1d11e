"""``parse``: report text in, the :class:`~gplint.model.Report` out, with the title, year,
reporter kind and format version.
"""
from __future__ import annotations

import re
from array import array
from typing import Mapping, Optional, Sequence

from .. import labels as L
from ..format import BEFORE_FORMATS, FORMAT_2019, FORMAT_2021
from ..grammar import Line, tokenise
from ..model import (
    Heading,
    Issue,
    Report,
    Section,
    Table2,
    Table3,
    Table4,
)
from ..sources import normalise_newlines
from .cells import LineInfo, seen_at
from .line_memo import RegionLines, read_lines, split_lines
from .lines import split_line
from .flattened import (SEGMENT_MIN, lines_with_flattened_tables, lines_with_rows_run_on, piece_tokens, row_cuts,
                        rows_run_on, segment_cuts)
from .run_on import MOST as RUN_ON_MOST, heading_cuts, run_on_lines
from .page_numbers import page_number_lines
from .headings import heading_of, heading_shape_of
from .empty_cells import empty_cells
from .t3 import build_t3
from . import t3_past_heading
from .t2 import build_t2
from .t4 import build_t4
from .sections import anchor_t2, anchor_t3, anchor_t4, choose_sections, t3_rows_in
from .prose import prose_pieces
from .remap import VirtualLines, remap
from .title import report_named_in_preface, reporter_kind, title_and_year
from ..embedded_html import tables_as_rows
from .running_heads import running_head_lines
from ..invisible import without_invisible
from ..lazy_re import lazy_compile
from ..literal_entities import as_written, without_white_entities
from ..trailing_tabs import without_tool_tabs


def parse(text: str, path: Optional[str] = None, year: Optional[int] = None) -> Report:
    """Parse report text into the :class:`Report` model."""
    # (Read without the characters that take no place on screen, a tool's tab ending every
    # line among them, and with a text's HTML tables a row a line; the engine maps the
    # findings back to the file: gplint.invisible, gplint.trailing_tabs, gplint.embedded_html.)
    return parse_read(tables_as_rows(without_tool_tabs(without_invisible(normalise_newlines(text))))[0], path, year)


def parse_read(text: str, path: Optional[str] = None, year: Optional[int] = None) -> Report:
    """:func:`parse` of a text already as the reader reads it — line ends folded, invisible
    characters left out, HTML tables a row a line: what :func:`gplint.engine.text_as_read`
    returns, so that a caller who made it does not have it made twice."""
    # (In two steps: the lines' readings, no part of the model, are let go before a model
    # read on virtual lines is walked to map them to real ones.)
    report, virtual = _read_report(text, path, year)
    return report if virtual is None else remap(report, virtual)


def _read_report(text: str, path: Optional[str], year: Optional[int]) -> tuple[Report, Optional[VirtualLines]]:
    """The report, its spans on virtual lines when a long line was cut (then also where
    each virtual line stands in the text). ``text`` is as read (:func:`parse_read`)."""
    # ``infos`` is the line table (see .line_memo): line n's reading is ``infos[n - 1]``,
    # shared with the other lines of its text (its own ``number`` is not n).
    # (Cells are cut with a page's &nbsp; and <br> left as text read as blanks; the lines the
    # rules read keep them: gplint.literal_entities.)
    read = without_white_entities(text)
    raws, infos, virtual = line_readings(read, line_breaks(text) if read is not text else None)
    raw_lines = tuple(raws) if read is text else as_written(text, raws)
    del raws
    headings = _headings(infos)
    anchors = _table_anchors(infos)
    last_column = len(infos[-1].text) + 1 if infos else 1
    sections = choose_sections(headings, anchors, len(infos), _t3_rows_read_as_headings(headings, anchors["t3"]),
                               last_column)
    t2_lines, t3_lines, t4_lines = _table_regions(infos, anchors, sections)
    # A table's cells become spans: each line read at its own number (RegionLines: made
    # when a table reads it, let go unless the table keeps it).
    issues: list[Issue] = []
    t2, t2_format, signatures = _read_t2(infos, t2_lines, issues)
    t3 = build_t3(empty_cells(RegionLines(infos, t3_lines), width=7), issues)
    s4 = sections.get("S4")
    past = t3_past_heading.value_lines(infos, t3_lines, s4.line if s4 else None, anchors["t4"])
    if past is not None and not t3_past_heading.confirmed(t3):
        past_issues: list[Issue] = []
        wider = build_t3(empty_cells(RegionLines(infos, past), width=7), past_issues)
        if t3_past_heading.confirmed(wider):  # (layout "values past the heading")
            t3, issues = wider, [i for i in issues if i.table != "t3"] + past_issues
    t4 = build_t4(empty_cells(RegionLines(infos, t4_lines), width=15), issues)
    table_lines = _table_line_ranges(t2_lines, t3_lines, t4_lines, t4)
    prose = prose_pieces(infos, table_lines, headings, sections)
    title, title_span, report_year = title_and_year(infos, sections)
    report = Report(
        path=path,
        text=text,
        lines=raw_lines,
        title=title,
        title_span=title_span,
        year=year or report_year,
        reporter_kind=reporter_kind(title or report_named_in_preface(text)),
        format_version=_format_version(t2_format, signatures, year or report_year,
                                       _prints_format_tables(t2, t3, t4)),
        sections=sections,
        headings=headings,
        t2=t2,
        t3=t3,
        t4=t4,
        issues=tuple(issues),
        table_lines=tuple(table_lines),
        prose=prose,
    )
    return report, virtual


def _headings(infos: Sequence[LineInfo]) -> tuple[Heading, ...]:
    """Every line read as a heading."""
    # (A line already known to be no heading, () , is passed over without a call.)
    # (A loop, not a generator: this looks at every line of the report.)
    found: list[Heading] = []
    for number, i in enumerate(infos, 1):
        if i.heading_shape != ():
            h = heading_of(i, number)
            if h is not None:
                found.append(h)
    return tuple(found)


def _table_anchors(infos: Sequence[LineInfo]) -> dict[str, Optional[int]]:
    """The line where each table starts (its caption, header or first row), by table, each
    looked for after the one before; None where none is found."""
    a2 = anchor_t2(infos)
    a3 = anchor_t3(infos, (a2 or 1) - 1)
    a4 = anchor_t4(infos, (a3 or a2 or 1) - 1) if (a3 or a2) else None
    return {"t2": a2, "t3": a3, "t4": a4}


def _t3_rows_read_as_headings(headings: Sequence[Heading], a3: Optional[int]) -> set[int]:
    """Lines of table 三's row labels that look like top-level headings (一、本年新收…): they
    are no sections."""
    if not a3:
        return set()
    return {h.span.line for h in headings
            if h.level == 1 and h.span.line >= a3
            and L.match_t3_row(L.normalise(h.title)) in ("R01", "R02", "R25", "G0")}


def _table_regions(infos: Sequence[LineInfo], anchors: dict[str, Optional[int]],
                   sections: dict[str, Section]) -> tuple[range, range, range]:
    """The lines of tables 二, 三 and 四: each from its anchor to the next table's or the
    next section's heading."""
    a2, a3, a4 = anchors["t2"], anchors["t3"], anchors["t4"]

    def region(start: Optional[int], stops: Sequence[Optional[int]]) -> range:
        if start is None:
            return range(0)
        ends = [s for s in stops if s is not None and s > start]
        # Never run past the next statutory heading.
        ends += [s.line for s in sections.values() if s.line > start]
        end = min(ends) if ends else len(infos) + 1
        return range(start, end)

    s3 = sections.get("S3")
    s4 = sections.get("S4")
    if a3 is None and s3 is not None:
        # Neither caption, header nor first row: a row further down is table 三's start.
        a3 = t3_rows_in(infos, s3.line + 1, s4.line if s4 else len(infos) + 1)
    t2_lines = region(a2, [a3, s3.line if s3 else None])
    t3_lines = region(a3, [a4, s4.line if s4 else None])
    t4_lines = region(a4 or (s4.line if s4 else None), [])
    return t2_lines, t3_lines, t4_lines


def _read_t2(infos: Sequence[LineInfo], lines: range, issues: list[Issue]
             ) -> tuple[Optional[Table2], str, Sequence[str]]:
    """Table 二, the format its labels follow and the 2019 format's signatures among them.
    The labels follow the 2019 format when they carry two or more of its signatures and
    fewer of the 2021 format's own headers (a clerk who kept two old headers of block (一)
    over the 2021 format's blocks still fills the 2021 table)."""
    t2_infos = RegionLines(infos, lines)
    texts = [L.normalise(c.text) for i in t2_infos for c in i.labels]
    signatures = L.old_format_signatures(texts)
    t2_format = "2019" if len(signatures) >= 2 and len(signatures) > len(L.new_format_signatures(texts)) else "2021"
    t2 = build_t2(empty_cells(t2_infos), issues, t2_format)
    if t2 is not None and not any(c.span for c in t2.cells.values()):
        t2 = None if not lines else t2
    return t2, t2_format, signatures


def _table_line_ranges(t2_lines: range, t3_lines: range, t4_lines: range,
                       t4: Optional[Table4]) -> list[tuple[int, int]]:
    """(first, last) line of each table region found; table 四's runs on to the end of its
    values when they stand past its region."""
    ranges = [(lines[0], lines[-1]) for lines in (t2_lines, t3_lines) if lines]
    if t4_lines:
        end = t4_lines[-1]
        if t4 is not None and t4.span is not None:
            end = max(t4.span.end_line, t4_lines[0])
        ranges.append((t4_lines[0], end))
    return ranges


def line_readings(text: str, breaks: Optional[Mapping[int, list[int]]] = None,
                  ) -> tuple[list[str], list[LineInfo], Optional[VirtualLines]]:
    """The raw lines of normalised ``text``, the line table (see .line_memo; virtual
    lines of a long flattened line cut at its anchors, and at ``breaks``: line number ->
    offsets where a ``<br>`` tag broke it, see :func:`line_breaks`), and where each
    virtual line stands (None when no line was cut)."""
    fast = read_lines(text)
    if fast is not None:
        raws, infos, long_lines = fast
    else:
        lines = tokenise(text)
        raws = [l.text for l in lines]
        long_lines = [l for l in lines if len(l.text) >= SEGMENT_MIN]
        infos = split_lines(lines)
        del lines
    # Page furniture, read as footers: a bare page number at a page boundary in step with
    # the pages, and the report's running heads and feet (its title again at a page's top).
    for n in sorted(set(page_number_lines(text)) | set(running_head_lines(text))):
        first = infos[n - 1]
        infos[n - 1] = LineInfo(n, first.text, first.tokens, [], False, footer=True)
    cut = _lines_to_cut(text, raws, infos, long_lines)
    for n, offsets in (breaks or {}).items():
        cut[n] = sorted(set(cut.get(n, ())) | set(offsets))
    if not cut:
        return raws, infos, None
    # Long flattened lines become virtual lines; everything below works on virtual line
    # numbers and their own columns, mapped back to real ones at the end (.remap). A line
    # not cut keeps its shared reading (the line table's, at its new position).
    table: list[LineInfo] = []
    real_of, offset_of = array("i", [0]), array("i", [0])
    # A virtual line's text -> its reading (made for the first virtual line of that text;
    # the others see it at their number and offset): a table repeated inside a flattened
    # page, or a page flattened twice, is read once.
    readings: dict[str, LineInfo] = {}
    for n, info in enumerate(infos, 1):
        cuts = cut.get(n)
        if cuts:
            raw = raws[n - 1]
            bounds = [0, *cuts, len(raw)]
            for offset, end in zip(bounds, bounds[1:]):
                # (Each piece lexed and read only when its text is new: the pieces of a
                # whole line at once, each with its tokens, were the peak of such a page.)
                piece = raw[offset:end]
                number = len(table) + 1
                shared = readings.get(piece)
                if shared is None:
                    virtual = readings[piece] = split_line(Line(number, piece, piece_tokens(piece)))
                    virtual.heading_shape = heading_shape_of(virtual)
                else:
                    virtual = seen_at(number, shared)
                virtual.offset = offset
                table.append(virtual)
                real_of.append(n)
                offset_of.append(offset)
        else:
            table.append(info)
            real_of.append(n)
            offset_of.append(0)
    return raws, table, VirtualLines(real_of, offset_of)


def line_breaks(text: str) -> dict[int, list[int]]:
    """Line number -> the offsets just after each ``<br>`` tag in it, for the lines that
    are a page's lines joined by the tags (PDF-to-markdown tools put a whole region of a
    page on one line so): three tags or more, and no cell cut by pipes or tabs. Each piece
    is a line of its own to the reader. (In a table row, or once in a line, a tag is where
    a cell's text wrapped: read as blanks, gplint.literal_entities.)"""
    breaks: dict[int, list[int]] = {}
    for n, line in enumerate(text.split("\n"), 1):
        if "<" in line and "|" not in line and "\t" not in line:
            offsets = [m.end() for m in _BR.finditer(line) if m.end() < len(line)]
            if len(offsets) >= _JOINED_LINES_MIN:
                breaks[n] = offsets
    return breaks


#: The fewest <br> tags of a line that joins a page's lines (one or two: a label wrapped).
_JOINED_LINES_MIN = 3


_BR = lazy_compile(r"<br\s*/?>", re.I)


def _lines_to_cut(text: str, raws: Sequence[str], infos: Sequence[LineInfo],
                  long_lines: Sequence[Line]) -> dict[int, list[int]]:
    """Line number -> where it is cut into virtual lines (offsets, in order, inside it),
    for the lines of ``text`` to cut: most reports have none."""
    # A long line holding a table anchor (segments).
    cut = {l.number: cuts for l in long_lines for cuts in (segment_cuts(l.text),) if cuts}
    # A table flattened into a line of its own, shorter than a page (not a row of cells
    # that repeats a merged header: | 第二十条第（一）项 | 第二十条第（一）项 |, unless its
    # cells show rows run on: flattened.rows_run_on).
    for n in lines_with_flattened_tables(text):
        if n not in cut and (not infos[n - 1].separated or rows_run_on(raws[n - 1])):
            cuts = segment_cuts(raws[n - 1], min_length=0)
            if cuts:
                cut[n] = cuts
    for n in lines_with_rows_run_on(text):
        if n not in cut and not infos[n - 1].separated and (cuts := row_cuts(raws[n - 1])):
            cut[n] = cuts
    # A section heading run into its line (.run_on), when there are no more of them than
    # a report's sections can have.
    run_on: dict[int, list[int]] = {}
    for n in run_on_lines(text):
        if n not in cut and (cuts := heading_cuts(raws[n - 1])):
            run_on[n] = cuts
            if len(run_on) > RUN_ON_MOST:
                return cut
    cut.update(run_on)
    return cut


def _prints_format_tables(t2: Optional[Table2], t3: Optional[Table3], t4: Optional[Table4]) -> bool:
    """Whether the report prints a national format's tables: a header the format names, or
    table 三's rows. (A table of a report before the formats — 指标 / 单位 / 数量 — can lend
    the reader a stray value, never the format's own headers.)"""
    labels = [*(t2.column_labels + t2.row_labels if t2 else ()), *(t3.column_labels if t3 else ()),
              *(t4.column_labels if t4 else ())]
    return any(lab.key for lab in labels) or (t3 is not None and len(t3.rows) >= 5)


def _format_version(t2_format: str, signatures: Sequence[str], year: Optional[int], has_tables: bool) -> str:
    """The format the report follows: what its table 二 prints when that is decisive,
    else the one in force for its year (2019 试行 for reports on 2019 and 2020, none for
    reports on 2018 and before: ``BEFORE_FORMATS``). A report with the formats' tables
    follows a format whatever year its title says (a title copied from an old report)."""
    if t2_format == FORMAT_2019.version:
        return FORMAT_2019.version
    if year is not None and year < FORMAT_2019.first_year and not has_tables:
        return BEFORE_FORMATS
    if year is not None and year < FORMAT_2021.first_year and not signatures:
        return FORMAT_2019.version
    return FORMAT_2021.version
