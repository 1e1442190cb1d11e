"""Layout "column parts": table 三 printed as two or more stacked tables, each with its own
header naming some of the columns (the six applicant columns, then 总计 alone; 自然人 …
社会公益组织, then 法律服务机构, 其他, 总计), as a page too narrow for seven columns prints it.

:func:`cut_parts` finds the parts: a line of header words alone (column words, the
法人或其他组织 group word, 申请人情况, the caption) after rows of values starts a new part.
Consecutive parts naming the same columns are one part whose header was printed again (a
page break): that is the ordinary table. :func:`merge_parts` reads each part on the
format's rows and merges the parts row by row — by row label, or by the order of the rows
when a part repeats only the numbering or no label at all — each value under the column
its own part's header names.

What it cannot match for sure (parts naming a column twice or leaving one out, parts whose
rows do not agree) is not guessed at: :func:`merge_parts` returns a ``t3-other-form``
issue (form ``column-parts``), which :mod:`gplint.confidence` turns into one T190.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional, Sequence

from .. import format as F
from .. import labels as L
from ..model import Issue, Span
from .cells import CELL_KIND, RUN_MARKS, LCell, LineInfo, region_span
from .line_memo import pick
from .region import RegionRead, Vector, Widths, fit, holds_values, read_region

FORM = "column-parts"
_T3 = F.T3_2021
#: The heading of a row-number column before the labels (:mod:`.row_numbers`).
ROW_NUMBER_HEADS = ("序号", "编号")
#: Words a line of table 三's header is made of, longest first (so that 社会公益组织 goes
#: before 公益 and 法人或其他组织 before 其他). A line of these alone is a header line.
_HEADER_WORDS = tuple(sorted(
    {L.normalise(w) for c in _T3.columns for w in (c.label, c.name, *c.words)}
    | {L.normalise(c.group) for c in _T3.columns if c.group} | {L.normalise(_T3.header), "申请人"}
    | set(ROW_NUMBER_HEADS),
    key=len, reverse=True))
#: What may be left of a header line once its words are taken out: separators.
_SEPARATORS = "()、,:;|/"


def _is_caption(norm: str) -> bool:
    return "勾稽" in norm or "钩稽" in norm or "第一项加第二项" in norm


def _after_caption(norm: str) -> str:
    """A header cell without the caption it may begin with (PDF text joins them)."""
    if not _is_caption(norm):
        return norm
    return norm.rsplit(")", 1)[-1] if ")" in norm else ""


@lru_cache(maxsize=1024)
def _header_words_only(norm: str) -> bool:
    """Whether a normalised cell holds header words and nothing else (a sentence that
    happens to say 其他 is no header)."""
    rest = _after_caption(norm)
    for word in _HEADER_WORDS:
        rest = rest.replace(word, "")
    return not rest.strip(_SEPARATORS)


@dataclass
class Part:
    """One stacked table: its header lines, the columns they name, and all its lines."""

    header: list[LineInfo] = field(default_factory=list)
    lines: Sequence[LineInfo] = field(default_factory=list)
    #: The columns the header names, in the format's order, and in the order printed.
    columns: tuple[str, ...] = ()
    printed: tuple[str, ...] = ()
    has_values: bool = False


def _header_line(info: LineInfo, row_named: Callable[[str], Optional[str]]) -> Optional[str]:
    """The normalised text of a line of header words alone that names at least one
    column; None for any other line (a row, a group label such as （六）其他处理, prose)."""
    if not info.labels or "num" in map(CELL_KIND, info.values):
        return None
    texts = []
    for c in info.labels:
        norm = L.normalise(c.text)
        if row_named(c.text) is not None or not _header_words_only(norm):
            return None
        texts.append(_after_caption(norm))
    text = "".join(texts)
    return text if L.t3_columns_in(text) else None


def cut_parts(infos: Sequence[LineInfo], row_named: Callable[[str], Optional[str]]) -> list[Part]:
    """Table 三's region cut where a header follows rows of values; parts naming the same
    columns one after another are one part (its header printed again after a page break).
    Empty for the region of nearly every report: no header line after its first row."""
    if not _header_after_values(infos, row_named):
        return []
    parts = [Part()]
    texts: list[list[str]] = [[]]
    # Each part's lines, by position in ``infos`` (arrays: no int object a line).
    at: list[array] = [array("i")]
    for k, info in enumerate(infos):
        if info.blank or info.footer or info.md_rule:
            continue
        part = parts[-1]
        header = _header_line(info, row_named)
        if header is not None and part.has_values:
            part = Part()
            parts.append(part)
            texts.append([])
            at.append(array("i"))
        if header is not None:
            part.header.append(info)
            texts[-1].append(header)
        elif "num" in map(CELL_KIND, info.values):
            part.has_values = True
        at[-1].append(k)
    for part, lines in zip(parts, texts):
        part.columns = L.t3_columns_in("".join(lines))
        part.printed = _printed_order(lines, part.columns)
    merged: list[Part] = []
    merged_at: list[array] = []
    for part, positions in zip(parts, at):
        if merged and (part.columns == merged[-1].columns or not part.has_values):
            merged_at[-1] += positions  # a header printed again, or one with no rows under it
            merged[-1].has_values |= part.has_values
        else:
            merged.append(part)
            merged_at.append(positions)
    for part, positions in zip(merged, merged_at):
        part.lines = pick(infos, positions)  # (a region's lines made when read, not kept)
    return merged


def _header_after_values(infos: Sequence[LineInfo], row_named: Callable[[str], Optional[str]]) -> bool:
    """Whether a line of header words follows a row of values (one pass, no parts made)."""
    values = False
    for info in infos:
        if info.blank or info.footer or info.md_rule:
            continue
        if "num" in map(CELL_KIND, info.values):
            values = True
        elif values and info.labels and _header_line(info, row_named) is not None:
            return True
    return False


def _printed_order(lines: Sequence[str], columns: tuple[str, ...]) -> tuple[str, ...]:
    """The part's columns in the order one header line prints them all; the format's order
    when no single line names them all (a two-row header says nothing of the order)."""
    for text in lines:
        order = L.t3_column_order(text, columns) if columns else None
        if order is not None:
            return order
    return columns


@dataclass
class PartsRead:
    """Table 三 read from its stacked parts."""

    #: One vector a row, its values in the format's column order (``columns``).
    vectors: list[Vector]
    #: The columns the parts' headers name together, in the format's order.
    columns: tuple[str, ...]
    #: The parts, in the order printed.
    parts: Sequence[Part] = ()
    #: Rows a part printed with more or fewer values than its header has columns: where
    #: the missing or extra value stands is unknown (their vectors hold the values as read).
    unplaced: dict[str, Vector] = field(default_factory=dict)
    issue: Optional[Issue] = None


def merge_parts(parts: Sequence[Part], match: Callable[[str], Optional[str]],
                order: Sequence[str]) -> Optional[PartsRead]:
    """The parts merged into one table's rows (``match``: the row a label names, as
    :func:`.region.read_region` asks; ``order``: the table's rows); None when the region is
    one table (fewer than two parts with values, or later parts only repeating columns
    named before)."""
    parts = [p for p in parts if p.has_values]
    if len(parts) < 2 or not all(p.columns for p in parts):
        return None
    seen: set[str] = set(parts[0].columns)
    if all(set(p.columns) <= seen for p in parts[1:]):
        return None  # the header repeated, in part: not a table cut into column groups
    if any(seen & set(p.columns) for p in parts[1:]):
        # The header repeated after a page break, each copy read in part (OCR that lost
        # some of its words: 「自然人 … 其他」, then 「自然人 … 其他 总计」): column groups
        # name each column once.
        return None
    named = [k for p in parts for k in p.columns]
    columns = tuple(k for k in _T3.column_keys if k in named)
    span = region_span(parts[0].lines)
    if len(named) != len(set(named)) or not set(_T3.part_columns) <= set(columns):
        return _unmatched("columns", span, named, parts)
    placed = [_read_part(p, match, order) for p in parts]
    rows = _match_rows(placed, order)
    if rows is None:
        return _unmatched("rows", span, named, parts)
    return _merged(rows, parts, columns)


def _unmatched(reason: str, span: Span, named: Sequence[str], parts: Sequence[Part]) -> PartsRead:
    """Parts that cannot be merged for sure: no vectors, and the issue saying why
    (``named``: the columns the parts' headers name, in the order printed)."""
    columns = tuple(k for k in _T3.column_keys if k in named)
    issue = Issue("t3-other-form", span, "t3", FORM, "", values=tuple(named), reason=f"parts-{reason}")
    return PartsRead([], columns, parts, {}, issue)


def _read_part(part: Part, match, order: Sequence[str]) -> list[Vector]:
    """The part's rows of values, in the order printed; labelled ones carry their row."""
    width = len(part.columns)
    read: RegionRead = read_region(part.lines, match, Widths.fromkeys(order, width).__getitem__, width, order)
    rows: list[Vector] = []
    for vec in read.vectors:
        if width == 1 and vec.key is None and len(vec.values) > 1 and vec.layout == "vertical":
            # One column, no labels: its values, one a line, were read as one stream.
            rows += [Vector(None, [c], c.line, None, "vertical") for c in vec.values]
        elif vec.key is not None or holds_values(vec):
            rows.append(vec)
    return sorted(rows + _empty_rows(part, match, {v.key for v in rows}, width, order), key=lambda v: v.line)


def _empty_rows(part: Part, match, read: set, width: int, order: Sequence[str]) -> list[Vector]:
    """Rows of a narrow part whose cells are all left empty or written as marks
    ("1.属于国家秘密\t", "（一）予以公开 —" under a 总计-only header): a row, not a label
    alone. (A row of one or two such cells is too short to pass as a row of marks in
    :func:`.region.read_region`.) Cut by separators, a row may leave its last cells out;
    cut by blanks, it must show one mark a column."""
    out = []
    for info in part.lines:
        label, values = (info.placed_labels[-1] if info.labels else None), list(info.placed_values)
        if label is not None and not values and not info.separated:
            label, values = _trailing_marks(label)
        if label is None or not (0 < len(values) <= width) or any(c.kind != "blank" for c in values):
            continue
        if not info.separated and len(values) != width:
            continue
        key = match(label.text)
        if key in order and key not in read:  # (a group label with empty cells is no row)
            out.append(Vector(key, values, info.number, label, "row", info.separated))
    return out


def _trailing_marks(label: LCell) -> tuple[LCell, list[LCell]]:
    """A label cell that kept the marks written after it on a line cut by blanks
    ("（一）予以公开 —": one or two marks are too few to be cut off as cells): the label,
    and the marks as blank cells."""
    words = label.text.split(" ")
    marks: list[LCell] = []
    end = label.end_column
    while len(words) > 1 and words[-1] in RUN_MARKS:
        mark = words.pop()
        marks.insert(0, LCell("blank", mark, label.line, end - len(mark), end))
        end -= len(mark) + 1
        while len(words) > 1 and not words[-1]:
            words.pop()
            end -= 1
    if not marks:
        return label, []
    text = " ".join(words)
    return LCell("label", text, label.line, label.column, label.column + len(text)), marks


def _match_rows(placed: Sequence[list[Vector]], order: Sequence[str]) -> Optional[list[tuple[Optional[str], list[Vector]]]]:
    """Each row's key and its vector in every part: a labelled part's rows on their labels,
    an unlabelled part's rows in the order of the first labelled part's. None when they do
    not agree (a row in one part and not in another, more rows than labels, …)."""
    labelled = [any(v.key is not None for v in rows) for rows in placed]
    if not any(labelled):
        # No part names its rows (a 序号 column in place of the labels): row by row, when
        # every part has as many; the table's builder places them in the format's order.
        if len({len(rows) for rows in placed}) != 1:
            return None
        return [(None, list(vecs)) for vecs in zip(*placed)]
    keyed = [_keyed(rows, order) if yes else None for rows, yes in zip(placed, labelled)]
    reference = next(k for k, yes in zip(keyed, labelled) if yes)
    if reference is None:
        return None
    keys = sorted(reference, key=lambda k: reference[k].line)
    out: dict[Optional[str], list[Vector]] = {k: [] for k in keys}
    for rows, by_key, yes in zip(placed, keyed, labelled):
        if not yes:
            if len(rows) != len(keys):
                return None
            by_key = dict(zip(keys, rows))
        if by_key is None or set(by_key) != set(keys):
            return None
        for k in keys:
            out[k].append(by_key[k])
    return list(out.items())


def _keyed(rows: Sequence[Vector], order: Sequence[str]) -> Optional[dict[str, Vector]]:
    """A labelled part's rows by key. An unlabelled row (a garbled label) takes the row the
    format has free where it stands only when the free rows there are exactly as many as
    the unlabelled rows; anything else, or a row named twice, is None."""
    index = {k: i for i, k in enumerate(order)}
    by_key: dict[str, Vector] = {}
    for vec in rows:
        if vec.key is not None:
            if vec.key in by_key:
                return None
            by_key[vec.key] = vec
    run: list[Vector] = []
    before = -1
    for vec in list(rows) + [None]:
        if vec is not None and vec.key is None:
            run.append(vec)
            continue
        if vec is not None and vec.key not in index:
            continue  # a group printed with its subtotals: no row of the order
        after = index[vec.key] if vec is not None else len(order)
        if run:
            free = [order[i] for i in range(before + 1, after) if order[i] not in by_key]
            if len(free) != len(run):
                return None
            by_key.update(zip(free, run))
            run = []
        before = after
    return by_key


def _merged(rows: Sequence[tuple[Optional[str], list[Vector]]], parts: Sequence[Part],
            columns: tuple[str, ...]) -> PartsRead:
    """One vector a row, each part's values under its own columns; a row a part printed
    with more or fewer values than its columns is left unplaced (an unlabelled one, whose
    row is not known either, leaves the parts unmatched)."""
    vectors: list[Vector] = []
    unplaced: dict[str, Vector] = {}
    for key, vecs in rows:
        first = next((v for v in vecs if v.label is not None), vecs[0])
        cells: dict[str, object] = {}
        found = []
        exact = True
        for part, vec in zip(parts, vecs):
            values = fit(vec.values, len(part.columns), vec.label)
            found += values
            exact = exact and len(values) == len(part.columns)
            cells.update(zip(part.printed, values))
        separated = all(v.separated for v in vecs)
        if not exact and key is None:
            return _unmatched("rows", region_span(parts[0].lines), [k for p in parts for k in p.columns], parts)
        if not exact:
            unplaced[key] = Vector(key, found, first.line, first.label, FORM, separated)
            continue
        vectors.append(Vector(key, [cells[k] for k in columns], first.line, first.label, FORM, separated))
    return PartsRead(vectors, columns, parts, unplaced)
