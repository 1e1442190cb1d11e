"""From tokenised lines to the Report model.

The builder works on the family of layouts real reports arrive in, not on one file:

* every line is cut into cells (pipes, tabs, or a label followed by blank-separated
  numbers; a line holding one number is part of a vertical stream);
* table regions are found from anchors (第二十条, the 勾稽关系 caption / 申请人情况, the
  行政复议 header), and section headings are chosen around them, so a second numbering
  system in 总体情况 does not fool it;
* inside a table, rows are *vectors* of values. A vector is anchored by a row label on its
  own line; one without a label takes the next row in the format's order. A run of single
  numbers after k row labels is a pdfminer column-by-column stream when it holds k × width
  values (checked against the row-total identity);
* values that cannot be placed, rows with too many or too few values, and missing header
  columns become :class:`~gplint.model.Issue` records for rules to report.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from collections import Counter
from operator import attrgetter, itemgetter, sub
from decimal import Decimal
from typing import Optional, Sequence

from . import labels as L
from .grammar import MEMO_MAX_LINE, MEMO_SIZE, Line, LineMemo, Tok, line_lexer, tokenise
from .model import (
    ABSENT,
    T3_COLS,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLS,
    Cell,
    Heading,
    Issue,
    Label,
    Number,
    ProsePiece,
    Quantity,
    Report,
    Row,
    Section,
    Span,
    Table2,
    deferred,
    make_cell_at,
    make_heading,
    make_label,
    make_quantity,
    make_row,
    make_section,
    make_span,
    Table3,
    Table4,
)
from .sources import normalise_newlines
from .reader import runs
from .reader.cells import BLANK_MARKS, DASHES, DASH_MARKS, SIGNS, LCell, LineInfo, to_number

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
    content = [t for t in toks if t.type != "BLANK" and t.type != "STAR"]
    if not content:
        col = toks[0].column if toks else start
        return [LCell("blank", "", line, col, col)]
    if all(t.type == "NUMBER" for t in content):
        return [LCell("num", t.value, line, t.column, t.end_column, to_number(t.value)) for t in content]
    if (len(content) == 2 and content[0].type == "TEXT" and content[0].value in SIGNS
            and content[1].type == "NUMBER" and content[0].end_column == content[1].column):
        # A signed cell (the 2019 format's 本年增/减 column): -3, +2, －1.
        value = to_number(content[1].value)
        if value is not None and content[0].value in "-－−":
            value = -value
        return [LCell("num", content[0].value + content[1].value, line, content[0].column, content[1].end_column, value)]
    text = "".join(t.value for t in toks).strip()
    if text in BLANK_MARKS:
        return [LCell("blank", text, line, content[0].column, content[-1].end_column)]
    return [LCell("label", text, line, content[0].column, content[-1].end_column)]


#: Tokens that are layout, not content, on an unseparated line.
_LAYOUT_TYPES = frozenset({"BLANK", "HASH", "STAR"})
_TOK_TYPE = itemgetter(0)
_TOK_VALUE = itemgetter(1)
_ONLY_BLANK = frozenset({"BLANK"})
#: Tokens the trailing-values reading passes over at a line's end (see _split_unseparated).
_LABEL_END_SKIP = ("BLANK", "STAR")

#: What the cells of a markdown rule row (|---|:--:|) are made of.
_MD_RULE_CHARS = "-:— "
# Cell fields for C-level scans of a line's cells ("num" in map(_CELL_KIND, cells)): the
# tables ask such questions of every line, and a generator per question costs more than
# the scan itself.
_CELL_KIND = attrgetter("kind")
_CELL_TEXT = attrgetter("text")
_CELL_FUSED = attrgetter("fused")


def _split_line(line: Line) -> LineInfo:
    toks = line.tokens
    n = line.number
    types = set(map(_TOK_TYPE, toks))  # one pass (in C) answers the questions below
    if not toks or types == _ONLY_BLANK:
        return LineInfo(n, line.text, toks, [], False, blank=True)
    sep_type = "PIPE" if "PIPE" in types else "TAB" if "TAB" in types else None
    if sep_type:
        # The segments between the separators are slices (no list built token by token).
        cuts = [k for k, t in enumerate(toks) if t.type == sep_type]
        parts = toks
        if sep_type == "PIPE" and "TAB" in types:  # a tab inside a pipe cell is a blank
            parts = tuple(Tok("BLANK", t.value, t.column) if t.type == "TAB" else t for t in toks)
        cells: list[LCell] = []
        begin, start = 0, 1
        for cut in cuts:
            cells.extend(_segment_cell(parts[begin:cut], n, start))
            begin, start = cut + 1, parts[cut].end_column
        cells.extend(_segment_cell(parts[begin:], n, start))
        # Edge cells left empty by a leading / trailing pipe are not cells. Other empty
        # cells at the ends stay: a row's width decides what they are (_fit).
        if sep_type == "PIPE":
            if cells and cells[0].kind == "blank" and not cells[0].text and not "".join(map(_TOK_VALUE, parts[:cuts[0]])).strip():
                cells.pop(0)
            if cells and cells[-1].kind == "blank" and not cells[-1].text and not "".join(map(_TOK_VALUE, parts[cuts[-1] + 1:])).strip():
                cells.pop()
        # (A cell's text is made only of rule characters when stripping them leaves nothing.)
        md_rule = sep_type == "PIPE" and all(
            c.kind == "label" and not c.text.strip(_MD_RULE_CHARS) for c in cells) and bool(cells)
        if "" not in map(_CELL_TEXT, cells):  # no empty cell: nothing to drop below
            return LineInfo(n, line.text, toks, cells, True, md_rule=md_rule)
        # Empty cells before the row label are row-spanning labels printed once (browser
        # copy of an HTML table); they are layout. Empty cells after the label are kept:
        # they may be merged label columns or a blank C1, which only the row's width can
        # tell (see _fit).
        last_label = max((k for k, c in enumerate(cells) if c.kind == "label"), default=-1)
        first_value = next((k for k, c in enumerate(cells) if c.kind != "label" and c.text), len(cells))
        cut = last_label if last_label >= 0 else first_value
        out = [c for k, c in enumerate(cells) if k >= cut or c.kind != "blank" or c.text]
        return LineInfo(n, line.text, toks, out, True, md_rule=md_rule)
    if types <= _LAYOUT_TYPES:
        return LineInfo(n, line.text, toks, [], False, blank=True)
    end = toks[-1]
    if "NUMBER" not in types and end.type not in _LABEL_END_SKIP and end.value not in DASH_MARKS:
        # No number: no footer (it holds a page number) and no trailing values. Ending in
        # content that is no dash, the whole line is the label, as the general reading
        # (:func:`_split_unseparated`) finds (tests/test_split_line.py compares them).
        # Prose and headings: most of the lines a report reads for the first time.
        first = 0
        while toks[first].type == "BLANK":
            first += 1
        text = line.text.strip().strip("*#").strip()
        return LineInfo(n, line.text, toks, [LCell("blank" if text in BLANK_MARKS else "label", text, n,
                                                   toks[first].column, end.column + len(end.value))], False)
    return _split_unseparated(line)


def _split_unseparated(line: Line) -> LineInfo:
    """A line without pipes or tabs holding more than layout: a page footer, or a label
    followed by blank-separated values (a label, or values, alone)."""
    toks = line.tokens
    n = line.number
    # A page footer has at most six tokens besides layout; a prose line is never looked at.
    if len(toks) <= 6 or sum(1 for t in toks if t.type not in _LAYOUT_TYPES) <= 6:
        if _is_footer([t for t in toks if t.type not in _LAYOUT_TYPES]):
            return LineInfo(n, line.text, toks, [], False, footer=True)
    # Trailing run of blank-separated numbers after a label (or alone).
    i = len(toks)
    nums: list[Tok] = []
    fused: Optional[Tok] = None
    while i > 0:
        t = toks[i - 1]
        if t.type in ("BLANK", "STAR"):
            i -= 1
            continue
        if (t.type == "NUMBER" or (t.type == "TEXT" and t.value in DASH_MARKS)) and (
                i - 2 < 0 or toks[i - 2].type in ("BLANK", "TAB")
                or not nums and all(x.type in ("BLANK", "HASH", "STAR") for x in toks[: i - 1])):
            nums.append(t)
            i -= 1
            continue
        if t.type == "NUMBER" and i >= 2 and toks[i - 2].type not in ("BLANK", "TAB") \
                and _is_row_label("".join(x.value for x in toks[: i - 1])):
            # Digits written against a row label with nothing between: cells run together
            # (the first piece of a run with stray spaces, "数量20 0 0 0 02", included).
            fused = t
            i -= 1
            break
        break
    # Dashes with no number among them are text (a rule line, a dash in a sentence).
    if nums and not any(t.type == "NUMBER" for t in nums):
        nums = []
        i = len(toks)
    nums.reverse()
    # The label: tokens before the numbers, from the first to the last that is not blank.
    first = 0
    while first < i and toks[first].type == "BLANK":
        first += 1
    cells = []
    if first < i:
        last = i - 1
        while toks[last].type == "BLANK":
            last -= 1
        text = (line.text if i == len(toks) else "".join(map(_TOK_VALUE, toks[:i]))).strip().strip("*#").strip()
        if text in BLANK_MARKS and not nums:
            return LineInfo(n, line.text, toks, [LCell("blank", text, n, toks[first].column, toks[last].end_column)], False)
        cells.append(LCell("label", text, n, toks[first].column, toks[last].end_column))
    if fused is not None:
        cells.append(LCell("num", fused.value, n, fused.column, fused.end_column, to_number(fused.value), fused=True))
    cells.extend(LCell("num", t.value, n, t.column, t.end_column, to_number(t.value)) if t.type == "NUMBER"
                 else LCell("blank", t.value, n, t.column, t.end_column) for t in nums)
    return LineInfo(n, line.text, toks, cells, False)


def _is_row_label(text: str) -> bool:
    """Whether text ends in a table row label (or a T4 header ending in 总计)."""
    if len(text) > 400:
        return False
    n = L.normalise(text)
    if not n or len(n) > 120:
        return False
    if n.endswith("总计") or n.endswith("合计"):
        return True
    return L.match_t3_row(n, numbered=True) is not None or L.match_t2_row(n) is not None


def _split_lines(lines: Sequence[Line]) -> list[LineInfo]:
    """:func:`_split_line` for every line; a line whose text was read before (tables repeat
    "0", "| 0 | 0 |" …; every report prints the same labels) reuses that reading with its
    own line number. Short lines are remembered from report to report (as the tokeniser
    does, :data:`gplint.grammar.MEMO_MAX_LINE`); a remembered reading is never handed out
    itself, only copies, so nothing done to a report's lines can reach the next report."""
    seen: dict[str, LineInfo] = {}
    memo = _LINE_MEMO
    out: list[LineInfo] = []
    for line in lines:
        text = line.text
        first = seen.get(text)
        if first is None:
            if len(text) > MEMO_MAX_LINE:
                info = seen[text] = _split_line(line)
                out.append(info)
                continue
            first = memo.young.get(text) or memo.get(text)
            if first is None:
                first = _split_line(line)
                first.heading_shape = _heading_shape(first)
                memo.put(text, first)
            seen[text] = first
        out.append(_copy_info(first, line.number, text))
    return out


#: Readings of short lines, kept from report to report: line text -> LineInfo template.
#: Twice the tokeniser's size: table rows with their counts ("| 3 | 0 | 1 |") recur across
#: a batch less often than labels, and keeping them paid (18.20 -> 17.75 M instructions a
#: report over 1,000 synthetic reports; 4096 gained nothing more) for ≈ 4.5 MB a process.
_LINE_MEMO = LineMemo(2 * MEMO_SIZE)


def _read_lines(text: str) -> Optional[tuple[list[str], list[LineInfo], list[Line]]]:
    """:func:`tokenise` and :func:`_split_lines` in one pass: (the raw lines, their
    readings, the lines of :data:`SEGMENT_MIN` characters or more).

    A line read before (in this report, or remembered from an earlier one) is copied from
    that reading without being tokenised again or made into a :class:`Line`; only new text
    goes through the lexer. None when the grammar cannot be read line by line or some
    character matches no terminal: the caller then takes the full path (same results)."""
    lexer = line_lexer()
    if lexer is None:
        return None
    read_line = lexer.read_line
    raws = text.split("\n")
    seen: dict[str, LineInfo] = {}
    memo = _LINE_MEMO
    new = tuple.__new__
    out: list[LineInfo] = []
    append = out.append
    long_lines: list[Line] = []
    young = memo.young
    for number, raw in enumerate(raws, 1):
        # Most lines were read before: in this report or an earlier one, they are in the
        # memo's young generation (the memo is this report's record of what it read too).
        first = young.get(raw)
        if first is None:
            if len(raw) <= MEMO_MAX_LINE:
                first = memo.get(raw)  # the old generation (then moved to the young one)
                if first is None:
                    toks = read_line(raw)
                    if toks is None:
                        return None
                    first = _split_line(new(Line, (number, raw, toks)))
                    first.heading_shape = _heading_shape(first)
                    memo.put(raw, first)
                young = memo.young  # a put may have begun a new generation
            else:  # long lines (prose) are remembered within this report only
                first = seen.get(raw)
                if first is None:
                    toks = read_line(raw)
                    if toks is None:
                        return None
                    line = new(Line, (number, raw, toks))
                    if len(raw) >= SEGMENT_MIN:
                        long_lines.append(line)
                    info = seen[raw] = _split_line(line)
                    append(info)
                    continue
                if len(raw) >= SEGMENT_MIN:
                    long_lines.append(new(Line, (number, raw, first.tokens)))
        append(_copy_info(first, number, raw))
    return raws, out, long_lines


def _copy_info(first: LineInfo, n: int, text: str) -> LineInfo:
    """``first``'s reading of the same text, for line ``n``: its own number, ``first``'s
    cells. Those carry ``first``'s line number until :func:`_own_cells` gives the copy
    cells of its own; only table regions need that (every line is read for anchors and
    headings, but only a table's cells become spans), so most lines never pay for it."""
    info = _object_new(LineInfo)  # every field set below; __post_init__'s split is shared too
    info.number = n
    info.text = text
    info.tokens = first.tokens  # the same text has the same tokens
    info.separated = first.separated
    info.footer = first.footer
    info.md_rule = first.md_rule
    info.blank = first.blank
    info.empty_cell = first.empty_cell
    info.offset = first.offset
    info.heading_shape = first.heading_shape
    info.cells = first.cells
    info.labels = first.labels
    info.values = first.values
    return info


def _own_cells(info: LineInfo) -> LineInfo:
    """``info`` with cells that carry its own line number (see :func:`_copy_info`).

    Copies the shared cells when they carry another line's number; never changes a shared
    cell or list, only which ones ``info`` holds."""
    cells = info.cells
    if not cells:
        return info
    n = info.number
    if cells[0].line == n:  # a line's cells all carry one number: these are its own
        return info
    info.cells = own = []
    append = own.append
    for c in cells:
        # Slot stores on a bare object: half the cost of LCell(...) (its __init__ is a
        # Python call).
        d = _object_new(LCell)
        d.kind = c.kind
        d.text = c.text
        d.line = n
        d.column = c.column
        d.end_column = c.end_column
        d.value = c.value
        d.fused = c.fused
        append(d)
    labels = info.labels
    if not labels:  # a row of values: the same list (nothing changes a line's cells)
        info.values = own
    elif len(labels) == 1 and cells[0] is labels[0]:  # a label, then its values
        info.labels, info.values = [own[0]], own[1:]
    else:
        info.labels = [c for c in own if c.kind == "label"]
        info.values = [c for c in own if c.kind != "label"]
    return info


_object_new = object.__new__


def _is_footer(content: Sequence[Tok]) -> bool:
    """Page footers: "- 3 -", "— 3 —", "第 3 页", "第3页 共5页", "3/5"."""
    if len(content) > 6:
        return False
    nums = [t for t in content if t.type == "NUMBER"]
    if not 1 <= len(nums) <= 2:
        return False
    rest = "".join(t.value for t in content if t.type != "NUMBER")
    if not rest:
        return False
    if set(rest) <= DASHES:
        return content[0].type != "NUMBER" and content[-1].type != "NUMBER"
    return set(rest) <= set("第页共/") and "页" in rest


# --------------------------------------------------------------------------- flattened text
# A crawled page flattened into one long line runs headings, prose and table cells
# together. Such a line is cut into virtual lines at what starts a heading or a table row
# (numbering, known row labels), keeping every token's true column; the builder then works
# on virtual lines and the spans are mapped back to the real line at the end (_remap).
_SEG_ANCHORS = ("第二十条", "勾稽", "钩稽", "申请人情况", "本年新收", "结果维持")
# Source only, compiled by _segment_cuts (re's cache keeps it): few reports have a flattened
# line, and this is the costliest pattern of the module to compile.
_SEG_ENUM = (
    r"(?<!第)(?:[一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十]{1,3}[）)])"
    r"|(?P<item>[0-9０-９]+)[ \u3000]*[.．、](?=[ \u3000]*[\u4e00-\u9fff])"
    r"|(?P<word>第二十条|信息内容|（本列数据|\(本列数据|未经复议直接起诉|结果维持)"
    r"|(?<=[0-9０-９数量额容）)元 \u3000\u00a0])(?P<t2>行政规范性文件|规范性文件|规章|行政许可|行政处罚|行政强制|行政事业性收费)"
)
_SECTION_TITLES = tuple(L.SECTION_STANDARD_TITLES.values())
_ITEM_NO = {k: v.split(".", 1)[0] for k, v in L.T3_STANDARD_LABELS.items() if v[:1].isdigit()}
#: Lines at least this long that carry a table anchor are cut into virtual lines.
SEGMENT_MIN = 300
# _read_lines never looks for a line found in the line memo among the long ones (_segments).
assert MEMO_MAX_LINE < SEGMENT_MIN


def _segment_cuts(text: str) -> list[int]:
    """0-based offsets where a virtual line starts (besides 0), in order."""
    cuts: list[int] = []
    for m in re.finditer(_SEG_ENUM, text):
        at = m.start()
        if m.group("item") is not None:
            run = m.group("item")
            after = text[m.end():m.end() + 16]
            key = L.match_t3_row(L.normalise("1." + after.split("0")[0]), numbered=True)
            no = _ITEM_NO.get(key or "", "")
            if len(run) > 2 or (at > 0 and text[at - 1].isdigit()):
                # The item number is the tail of a digit run (cells with no separator).
                k = len(no) if no and run.endswith(no) else 1
                at = m.start("item") + len(run) - k
            elif len(run) > (len(no) or 2):
                continue
        elif m.group("word") is None and m.group("t2") is None:
            # After a section heading's standard title the body begins.
            end = m.end()
            for title in _SECTION_TITLES:
                if text.startswith(title, end):
                    cuts.append(at)
                    at = end + len(title)
                    break
        if at > 0:
            cuts.append(at)
    first = text.find("年度报告")
    if 0 < first < 200:
        cuts.append(first + 4)
    return sorted(set(c for c in cuts if 0 < c < len(text)))


def _segments(line: Line) -> list[tuple[Line, int]]:
    """A long flattened line as virtual lines (each with its column offset)."""
    text = line.text
    if len(text) < SEGMENT_MIN or not any(a in text for a in _SEG_ANCHORS):
        return [(line, 0)]
    cuts = _segment_cuts(text)
    if not cuts:
        return [(line, 0)]
    out: list[tuple[Line, int]] = []
    bounds = [0] + cuts + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        # Each virtual line is tokenised on its own: the long line's tokens run across
        # the cuts ("。（一）主动…" lexed as one text token hides the heading's numbering).
        piece = text[a:b]
        toks = tuple(Tok(t.type, t.value, t.column + a) for t in tokenise(piece)[0].tokens)
        out.append((Line(line.number, piece, toks), a))
    return out


# --------------------------------------------------------------------------- headings
def _heading(info: LineInfo) -> Optional[Heading]:
    """The heading a line is, if any. The reading is kept on the line (and shared by every
    copy of a remembered line, see :func:`_split_lines`): only the line number changes."""
    shape = info.heading_shape
    if shape is None:
        shape = info.heading_shape = _heading_shape(info)
    if not shape:
        return None
    level, numeral, number, title, text, column, end, md = shape
    return make_heading(level, numeral, number, title, text, make_span(info.number, column, info.number, end), md)


def _heading_shape(info: LineInfo) -> tuple:
    h = _read_heading(info)
    if h is None:
        return ()
    return (h.level, h.numeral, h.number, h.title, h.text, h.span.column, h.span.end_column, h.markdown_level)


def _read_heading(info: LineInfo) -> Optional[Heading]:
    toks = info.tokens
    i = 0
    md = 0
    while i < len(toks) and toks[i].type in ("BLANK", "HASH", "STAR", "TAB"):
        if toks[i].type == "HASH":
            md = len(toks[i].value)
        i += 1
    if i >= len(toks):
        return None
    first = toks[i]
    if first.type == "ENUM_TOP":
        level = 1
        numeral = first.value.strip(" \u3000、．.：:")
        if numeral.startswith("第") and numeral.endswith("部分"):
            numeral = numeral[1:-2]  # 第三部分 is part 三
    elif first.type == "ENUM_PAREN":
        level = 2
        numeral = first.value.strip(" \u3000()（）")
    elif first.type == "ENUM_ITEM" and not info.separated:
        level = 3
        numeral = first.value.strip(" \u3000.．、()（）")
    else:
        return None
    number = L.cn_to_int(numeral) if level < 3 else to_number(numeral)
    if number is None:
        return None
    rest = "".join(t.value for t in toks[i + 1:])
    rest_clean = rest.replace("*", "").strip()
    title = rest_clean
    for stop in ("。", "：", ":"):
        k = title.find(stop)
        if k >= 0:
            title = title[:k]
    title = title.strip()
    end = toks[-1].end_column
    while end > first.column and info.text[end - 2 - info.offset:end - 1 - info.offset] in ("*", " ", "\u3000"):
        end -= 1
    text = (first.value + rest).replace("*", "").strip()
    return Heading(level, numeral, int(number), title, text, make_span(info.number, first.column, info.number, end), md)


# --------------------------------------------------------------------------- vectors
# Slotted: a report makes a few dozen vectors and reads their fields over and over.
@dataclass(slots=True)
class Vector:
    key: Optional[str]
    values: list[LCell]
    line: int
    label: Optional[LCell] = None
    layout: str = "row"


@dataclass
class RegionRead:
    vectors: list[Vector] = field(default_factory=list)
    labels: list[tuple[LCell, Optional[str]]] = field(default_factory=list)
    column_major: bool = False


class _Widths(dict):
    """Values per row by row key, 0 for any other key (a group label): its ``__getitem__``
    is the ``width_of`` :func:`_read_region` asks, looked up in C for every known key."""

    def __missing__(self, key: str) -> int:
        return 0


def _read_region(infos: Sequence[LineInfo], match, width_of, full_width: int, row_order: Sequence[str]) -> RegionRead:
    """Cut a table region into value vectors, anchoring each to a row label where one is.

    ``match(text)``: the row key a label's text names, or None."""
    out = RegionRead()
    pending: list[tuple[str, LCell]] = []
    buffer: list[LCell] = []

    def flush() -> None:
        nonlocal buffer, pending
        if not buffer:
            pending = []
            return
        vals = buffer
        buffer = []
        n = len(vals)
        if (full_width > 1 and len(pending) >= 2 and n % full_width == 0
                and n // full_width > len(pending) and _stream_rows(vals, pending, full_width, row_order, out)):
            # More rows of numbers than labels: a label was lost (garbled by the PDF text);
            # the rows were placed by the format's order instead (see _stream_rows).
            pending = []
            return
        # A run after k row labels may cover only the first of them (pdfminer puts the
        # next block's label before this block's numbers): take the longest prefix of
        # the pending labels whose widths add up to the run; the rest stay pending.
        use = len(pending)
        while use > 1 and sum(width_of(k) for k, _ in pending[:use]) != n:
            use -= 1
        head, rest = pending[:use], pending[use:]
        keys = [k for k, _ in head]
        widths = [width_of(k) for k in keys]
        k = len(keys)
        if k >= 2 and n == sum(widths):
            w = widths[0]
            if all(x == w for x in widths) and w > 1:
                by_row = _column_major_rows(vals, k, w)
                col_major = [Vector(key, by_row[r], vals[r].line, lab, "column")
                             for r, (key, lab) in enumerate(head)]
                row_major = []
                pos = 0
                for key, lab in head:
                    row_major.append(Vector(key, vals[pos:pos + w], vals[pos].line, lab, "vertical"))
                    pos += w
                chosen = col_major if _row_score(col_major) >= _row_score(row_major) else row_major
                out.column_major = out.column_major or chosen is col_major
                out.vectors.extend(chosen)
            else:
                pos = 0
                for (key, lab), w in zip(head, widths):
                    out.vectors.append(Vector(key, vals[pos:pos + w], vals[pos].line, lab, "vertical"))
                    pos += w
        elif k >= 2 and full_width > 1 and n % full_width == 0 and n // full_width >= 2:
            rows = n // full_width
            # Column by column, rows taken in format order from the first pending label.
            start_key = keys[0]
            seq = list(row_order)
            start = seq.index(start_key) if start_key in seq else 0
            by_row = _column_major_rows(vals, rows, full_width)
            for r in range(rows):
                key = seq[start + r] if start + r < len(seq) else None
                out.vectors.append(Vector(key, by_row[r], vals[r].line, None, "column"))
            out.column_major = True
        elif k >= 1:
            key, lab = head[-1]
            if n < width_of(key) - 1:
                # A lone number or two under a row label is not that row's vector: it
                # competes with unlabelled rows for the slot (see _align).
                out.vectors.append(Vector(None, vals, vals[0].line, None, "stray"))
            else:
                out.vectors.append(Vector(key, vals, vals[0].line, lab, "vertical"))
        else:
            if full_width > 1 and n > full_width + 1 and n % full_width == 0:
                for r in range(n // full_width):
                    out.vectors.append(Vector(None, vals[r * full_width:(r + 1) * full_width], vals[r * full_width].line, None, "vertical"))
            else:
                out.vectors.append(Vector(None, vals, vals[0].line, None, "vertical"))
        pending = rest
        return

    add_label = out.labels.append
    add_vector = out.vectors.append  # (out.vectors stays the same list throughout)
    for info in infos:
        if info.blank or info.footer or info.md_rule:
            continue
        labs = info.labels
        vals = info.values
        if not labs and len(vals) == 1 and vals[0].kind in ("num", "blank") and (vals[0].text or info.empty_cell):
            buffer.append(vals[0])
            continue
        has_num = "num" in map(_CELL_KIND, vals)
        if has_num or (vals and info.separated and len(vals) >= 2 and any(map(_CELL_TEXT, vals))):
            if buffer:
                flush()
            else:
                pending = []  # what flush() does with no buffered values, without the call
            key = None
            lab_cell = None
            for c in labs:
                m = match(c.text)
                if m is not None:
                    key, lab_cell = m, c
                add_label((c, m))
            if key is not None and width_of(key) == 0 and (not has_num or labs[-1] is not lab_cell):
                # A group label followed by a row label it does not know ("（三）不予公开 |
                # 1.□□□" with the item garbled) spans rows: the row itself is unlabelled.
                key, lab_cell = None, None
            # (A label of zero width with numbers beside it is a group row printed with its
            # own subtotals; it keeps its key and is set aside by the table's builder.)
            if not has_num and key is None:
                continue  # a row of dashes with no label: header debris
            add_vector(Vector(key, list(vals), info.number, lab_cell, "row"))
            continue
        # A line of labels only.
        if info.separated and len(labs) >= 2:
            for c in labs:
                add_label((c, None))
            continue  # header row of a pipe/tab table
        if buffer:
            flush()
        for c in labs:
            m = match(c.text)
            add_label((c, m))
            # A label broken over lines may name its row twice (…收费通知要 / 求缴纳费用…).
            if m is not None and width_of(m) > 0 and not (pending and pending[-1][0] == m):
                pending.append((m, c))
    flush()
    return out


def _empty_cells(infos: Sequence[LineInfo]) -> list[LineInfo]:
    """In a table printed one cell a line, an empty cell is an extra blank line.

    The file's rhythm says how many blank lines separate two cells (0 for HTML converted
    with one newline per cell, 1 for converters that leave a blank line after every cell,
    as seeds 001/004 do); a longer run next to a value holds empty cells, ceil((run -
    rhythm) / (rhythm + 1)) of them. Applied only when the region is regular (most lines
    one cell, most gaps the rhythm), so a pdfminer stream's page layout is left alone.
    """
    # One pass finds the content lines and counts those of one cell (no generator, no
    # second lookup of each line: every table region of every report comes here).
    content: list[int] = []
    single = 0
    k = 0
    for i in infos:
        if not i.blank:
            content.append(k)
            if len(i.cells) == 1 and not i.separated:
                single += 1
        k += 1
    if len(content) < 8 or single < 0.8 * len(content):
        return list(infos)
    # How often each step from one content line to the next (its gap of blank lines + 1)
    # occurs, counted by C code rather than a loop here.
    counts = Counter(map(sub, content[1:], content))
    step = max(counts, key=lambda d: (counts[d], -d))
    rhythm = step - 1
    if rhythm > 1 or counts[step] < 0.8 * (len(content) - 1):
        return list(infos)
    if max(counts) <= step:
        return [infos[k] for k in content]  # no gap longer than the rhythm: no empty cell

    def is_value(info: LineInfo) -> bool:
        return len(info.cells) == 1 and info.cells[0].kind in ("num", "blank") and not info.footer

    prev = content[0]
    out: list[LineInfo] = [infos[prev]]
    append = out.append
    for k in content[1:]:
        run = k - prev - 1
        if run > rhythm and (is_value(infos[prev]) or is_value(infos[k])):
            n_empty = -(-(run - rhythm) // (rhythm + 1))
            for e in range(n_empty):
                at = infos[min(prev + 1 + e * (rhythm + 1) + rhythm, k - 1)]
                append(LineInfo(at.number, at.text, at.tokens,
                                [LCell("blank", "", at.number, 1, 1)], False, empty_cell=True))
        append(infos[k])
        prev = k
    return out


def _stream_rows(vals: Sequence[LCell], pending: Sequence[tuple[str, LCell]], width: int,
                 row_order: Sequence[str], out: "RegionRead") -> bool:
    """A run of numbers holding more rows than the labels before it: place the rows by the
    format's order. They start right after the last row already read when the labels allow
    it (a lost first label), else at the first label's row; the orientation (column by
    column or row by row) is the one the row totals confirm. False when the labels do not
    fit the format's order, so the caller falls back to its usual reading."""
    rows = len(vals) // width
    index = {k: i for i, k in enumerate(row_order)}
    positions = [index[k] for k, _ in pending if k in index]
    if len(positions) != len(pending) or positions != sorted(positions):
        return False
    last = max((index[v.key] for v in out.vectors if v.key in index), default=-1)
    start = positions[0]
    if last + 1 <= start and start - (last + 1) <= rows - len(pending):
        start = last + 1
    if start + rows > len(row_order) or positions[-1] >= start + rows:
        return False
    keys = list(row_order[start:start + rows])
    labels = {k: lab for k, lab in pending}
    by_row = _column_major_rows(vals, rows, width)
    col_major = [Vector(k, by_row[r], vals[r].line, labels.get(k), "column") for r, k in enumerate(keys)]
    row_major = [Vector(k, list(vals[r * width:(r + 1) * width]), vals[r * width].line, labels.get(k), "vertical")
                 for r, k in enumerate(keys)]
    chosen = col_major if _row_score(col_major) >= _row_score(row_major) else row_major
    out.column_major = out.column_major or chosen is col_major
    out.vectors.extend(chosen)
    return True


def _column_major_rows(vals: Sequence[LCell], rows: int, width: int) -> list[list[LCell]]:
    """The rows of a column-by-column stream. pdfminer may emit the 总计 column out of place
    (seen: before 其他); the column that is the row-wise sum of the others is the total."""
    cols = [list(vals[c * rows:(c + 1) * rows]) for c in range(width)]
    if width == 7:
        t = _total_column(cols)
        if t is not None and t != 6:
            cols = cols[:t] + cols[t + 1:] + [cols[t]]
    return [[cols[c][r] for c in range(width)] for r in range(rows)]


def _total_column(cols: Sequence[Sequence[LCell]]) -> Optional[int]:
    def is_total(t: int) -> bool:
        for r in range(len(cols[t])):
            vals = [cols[c][r].value for c in range(len(cols))]
            if not all(isinstance(v, (int, Decimal)) for v in vals):
                return False
            if vals[t] != sum(v for c, v in enumerate(vals) if c != t):
                return False
        return True

    if is_total(len(cols) - 1):
        return len(cols) - 1
    hits = [t for t in range(len(cols)) if is_total(t)]
    # When C1 equals the total (all other columns zero) both fit; the total sits last.
    return hits[-1] if hits else None


def _row_score(vectors: Sequence[Vector]) -> int:
    """How many 7-wide vectors satisfy C7 = C1 + … + C6 (picks a stream's orientation)."""
    score = 0
    for v in vectors:
        nums = [c.value for c in v.values]
        if len(nums) == 7 and all(isinstance(x, (int, Decimal)) for x in nums):
            if sum(nums[:6]) == nums[6]:
                score += 1
    return score


def _align(vectors: Sequence[Vector], order: Sequence[str]) -> tuple[dict[str, Vector], list[Vector], list[Vector]]:
    """Place vectors on the format's rows: labelled ones on their row, unlabelled ones on
    the free rows between their labelled neighbours, in order.

    When a gap holds more unlabelled vectors than free rows, the ones with the fewest
    numbers (stray values, header debris) are left out. Returns (placed, duplicates, strays).
    """
    placed: dict[str, Vector] = {}
    duplicates: list[Vector] = []
    strays: list[Vector] = []
    index = {k: i for i, k in enumerate(order)}
    anchors: list[tuple[int, int]] = []  # (vector position, order index)
    for pos, vec in enumerate(vectors):
        if vec.key is not None and vec.key in index:
            if vec.key in placed:
                duplicates.append(vec)
                continue
            placed[vec.key] = vec
            anchors.append((pos, index[vec.key]))
    bounds = [(-1, -1)] + anchors + [(len(vectors), len(order))]
    for (p0, o0), (p1, o1) in zip(bounds, bounds[1:]):
        if p1 == p0 + 1:
            continue  # two labelled vectors in a row (most): no unlabelled one to place
        gap = [v for v in vectors[p0 + 1:p1]
               if (v.key is None or v.key not in index) and "num" in map(_CELL_KIND, v.values)]
        free = [order[i] for i in range(o0 + 1, o1) if order[i] not in placed] if o1 > o0 else []
        if len(gap) > len(free):
            keep = sorted(range(len(gap)), key=lambda i: (-sum(c.kind == "num" for c in gap[i].values), i))[:len(free)]
            strays.extend(v for i, v in enumerate(gap) if i not in keep)
            gap = [v for i, v in enumerate(gap) if i in keep]
        for key, vec in zip(free, gap):
            placed[key] = vec
    return placed, duplicates, strays


# --------------------------------------------------------------------------- tables
#: The matching form of a label (:func:`labels.normalise`, itself: the builder asks for
#: it thousands of times a report, and a wrapper would add a call each time).
_norm = L.normalise


def _has_sub6_rows(infos: Sequence[LineInfo]) -> bool:
    """Does the region name R21 or R22 (the 2021 format's (六) sub-rows)? The first such
    label settles it (no list of every label's normal form, no generator). (A prefilter
    on 补/费/申 in the line's text did not pay: most T3 lines hold 申.)"""
    for info in infos:
        for c in info.labels:
            if _t3_row_named(c.text) in ("R21", "R22"):
                return True
    return False


def _build_t3(infos: Sequence[LineInfo], issues: list[Issue]) -> Optional[Table3]:
    if not infos:
        return None
    has_sub6 = _has_sub6_rows(infos)
    # Header: text before the first data row label or value.
    header_parts = []
    header_labels: list[Label] = []
    caption = None
    for info in infos:
        if info.blank or info.footer or info.md_rule:
            continue
        hit = None
        for c in info.labels:
            m = _t3_row_named(c.text)
            if m and m.startswith("R"):
                hit = m
        if hit or "num" in map(_CELL_KIND, info.values):
            break
        for c in info.labels:
            n = _norm(c.text)
            if "勾稽" in n or "钩稽" in n or "第一项加第二项" in n:
                caption = caption or Label(c.text, "caption", c.span, "钩稽" in n)
                # The caption may share its line with header words (PDF text).
                n = n.split(")")[-1] if ")" in n else ""
            header_parts.append(n)
            for key in L.t3_columns_in(n):
                header_labels.append(make_label(c.text, key, c.span, False))
    header_text = "".join(header_parts)
    header_cols = L.t3_columns_in(header_text)
    width = 7 if ("C7" in header_cols or not header_cols) else 6
    # Some reports add a 法人或其他组织 小计 column (FORMAT §5.1): a derived column, read
    # and set aside, never part of the 总计 sum.
    subtotal: Optional[int] = None
    if width == 7 and "小计" in header_text:
        # Its position: right after 自然人 (before 商业企业) or after 其他 (before 总计).
        at, business = header_text.find("小计"), header_text.find("商业")
        subtotal = 1 if 0 <= at < business else 6

    order = [r for r in T3_ROWS if has_sub6 or r not in ("R21", "R22", "R23")]
    if not has_sub6:
        order.insert(order.index("R24"), "G6")

    widths = _Widths.fromkeys(order, 7)  # its keys: the rows of the order
    read = _read_region(infos, _t3_label_row, widths.__getitem__, 7, order)
    rows: dict[str, Row] = {}
    groups: dict[str, Row] = {}
    # Group rows printed with their own subtotals (a G key that is no row of the order)
    # are set aside; the rest are aligned. One pass splits them.
    group_rows: list[Vector] = []
    rest: list[Vector] = []
    for v in read.vectors:
        k = v.key
        if k is not None and k.startswith("G") and k not in widths:
            group_rows.append(v)
        else:
            rest.append(v)
    for vec in group_rows:
        if vec.key not in groups:
            groups[vec.key] = _t3_row(vec.key, vec, width, issues, subtotal)
    placed, duplicates, strays = _align(rest, order)
    for vec in duplicates:
        issues.append(Issue("t3-duplicate-row", f"表三“{vec.label.text if vec.label else vec.key}”行出现两次，第二次的数值未采用",
                            Span(vec.line), "t3", vec.key or ""))
    for vec in strays:
        issues.append(Issue("t3-unplaced-values", "表三中有无法对应到任何行的数值：" + " ".join(c.text or "空" for c in vec.values),
                            vec.values[0].span if vec.values else Span(vec.line), "t3"))
    unsure = _split_fused_t3(placed, width, issues, order)
    for key, vec in placed.items():
        target = groups if key.startswith("G") else rows
        if key in unsure:
            target[key] = Row(key, Label(vec.label.text, key, vec.label.span) if vec.label else None,
                              _ABSENT_ROW, vec.line, (), 0)
            continue
        target[key] = _t3_row(key, vec, width, issues, subtotal)
    for key in T3_ROWS:
        if key not in rows:
            rows[key] = Row(key, None, _ABSENT_ROW, 0, (), 0)
    layout = "column-major" if read.column_major else ("separated" if any(i.separated for i in infos) else "lines")
    first = infos[0].number
    last = infos[-1].number
    return Table3(rows, tuple(header_labels), header_cols or tuple(T3_COLS), groups, caption, layout,
                  Span(first, 1, last, 1))


@lru_cache(maxsize=8192)
def _t3_row_named(text: str) -> Optional[str]:
    """``match_t3_row(normalise(text))``: one cache lookup a label instead of two (the
    table's header and sub-row scans ask it of every label of table 三)."""
    return L.match_t3_row(_norm(text))


# One cached call a label (the same few dozen texts in every report) instead of a
# closure calling normalise() and match_t3_row() with keywords, two cache lookups more.
@lru_cache(maxsize=8192)
def _t3_label_row(text: str) -> Optional[str]:
    """The T3 row a label in table 三 names (a group row's G key too), as _read_region asks."""
    n = _norm(text)
    m = L.match_t3_row(n, after_leaves=False, numbered=n[:1].isdigit())
    # Group labels (三、本年度办理结果, （三）不予公开 …) name no data row of their own;
    # a group printed with subtotals is kept as a group row (T3-GROUP-SUBTOTAL).
    if m == "G0":
        return None
    return m


def _split_fused_t3(placed: dict[str, Vector], width: int, issues: list[Issue], order: Sequence[str]) -> set[str]:
    """Cut rows whose cells ran together (:func:`runs.run_digits`); returns the rows that
    could not be cut with certainty (an ``ambiguous-digit-split`` issue names each)."""
    if width != 7:
        return set()
    run_rows: dict[str, str] = {}
    rows = [k for k in order if k.startswith("R") or k == "G6"]
    for key, vec in placed.items():
        if key in rows:
            digits = runs.run_digits(vec.values, 7)
            if digits is not None:
                run_rows[key] = digits
    if not run_rows:
        return set()  # what nearly every table is: nothing to cut
    known: dict[str, list[Optional[int]]] = {}
    for key, vec in placed.items():
        if key not in rows or key in run_rows:
            continue
        fitted = _fit(vec.values, width)
        if len(fitted) == 7:
            known[key] = [c.value if isinstance(c.value, int) else None for c in fitted]
    chosen, unsure = runs.resolve_t3(run_rows, known, rows)
    for key, values in chosen.items():
        vec = placed[key]
        placed[key] = Vector(key, runs.run_cells(vec.values, values), vec.line, vec.label, vec.layout)
    for key in sorted(unsure):
        vec = placed[key]
        text = " ".join(c.text for c in vec.values)
        issues.append(Issue(
            "ambiguous-digit-split",
            f"表三“{vec.label.text if vec.label else key}”行的数字“{text}”连在一起，"
            "按行合计和列勾稽关系仍有多种拆分方式（或无一成立），无法确定各单元格的值",
            _cells_span(vec.values), "t3", key))
    return unsure


def _cells_span(cells: Sequence[LCell]) -> Span:
    """The span from the first of ``cells`` to the end of the last (one line's cells)."""
    first, last = cells[0], cells[-1]
    return make_span(first.line, first.column, last.line, last.end_column)


def _t3_row(key: str, vec: Vector, width: int, issues: list[Issue], subtotal: Optional[int] = None) -> Row:
    vals = vec.values
    w = width + 1 if subtotal is not None else width
    if len(vals) > w:  # (_fit drops nothing from a row no wider than w: most rows)
        vals = _fit(vals, w)
    n = len(vals)
    lab = vec.label
    label = make_label(lab.text, key, make_span(lab.line, lab.column, lab.line, lab.end_column), False) if lab else None
    extra: tuple[Cell, ...] = ()
    if n == 7:
        placed = vals  # only read below
    elif n == 8 and subtotal is not None:
        drop = _choose_drop(vals, subtotal)
        placed = vals[:drop] + vals[drop + 1:]
        cells = tuple(_cell(c) for c in placed)
        return Row(key, label, cells, vec.line, (), 7, _cell(vals[drop]))
    elif n == 8:
        drop = _choose_drop(vals)
        placed = vals[:drop] + vals[drop + 1:]
        extra = (_cell(vals[drop]),)
        issues.append(Issue("t3-row-too-many-values", "表三该行有 8 个数值，应为 7 个", Span(vec.line), "t3", key))
    elif n == 6:
        placed = list(vals) + [None]
        if width == 7:
            issues.append(Issue("t3-row-too-few-values", "表三该行只有 6 个数值，表头有 7 列（缺少总计）", Span(vec.line), "t3", key))
    elif n < 6:
        placed = list(vals) + [None] * (7 - n)
        issues.append(Issue("t3-row-too-few-values", f"表三该行只有 {n} 个数值，应为 7 个", Span(vec.line), "t3", key))
    else:
        placed = vals[:7]
        extra = tuple(_cell(c) for c in vals[7:])
        issues.append(Issue("t3-row-too-many-values", f"表三该行有 {n} 个数值，应为 7 个", Span(vec.line), "t3", key))
    return make_row(key, label, _cells(placed), vec.line, extra, n, None)


def _fit(vals: Sequence[LCell], width: int) -> list[LCell]:
    """Drop empty cells beyond the row's width: leading ones first (merged label columns
    between the label and the values), then trailing ones (a row's closing separator)."""
    vals = list(vals)
    lead = 0
    while len(vals) - lead > width and lead < len(vals) and vals[lead].kind == "blank" and not vals[lead].text:
        lead += 1
    vals = vals[lead:]
    while len(vals) > width and vals[-1].kind == "blank" and not vals[-1].text:
        vals.pop()
    return vals


def _choose_drop(vals: Sequence[LCell], prefer: Optional[int] = None) -> int:
    """Which of 8 values is the intruder: the one whose removal makes the row add up
    (``prefer``: the position the header gives a subtotal column, when that fits too)."""
    fits = []
    for i in range(8):
        rest = [c.value for j, c in enumerate(vals) if j != i]
        if all(isinstance(x, (int, Decimal)) for x in rest) and sum(rest[:6]) == rest[6]:
            fits.append(i)
    if prefer is not None and (prefer in fits or not fits):
        return prefer
    return fits[0] if fits else 0


def _cell(c: LCell) -> Cell:
    # make_cell_at: one call for the Cell and its Span, not c.span's three and make_cell.
    return make_cell_at(c.value if c.kind == "num" else None, c.text, c.line, c.column, c.end_column)


def _cells(placed: Sequence[Optional[LCell]]) -> tuple[Cell, ...]:
    """:func:`_cell` of each (ABSENT for None), in one loop: a report has hundreds."""
    out = []
    for c in placed:
        if c is None:
            out.append(ABSENT)
        else:
            out.append(make_cell_at(c.value if c.kind == "num" else None, c.text, c.line, c.column, c.end_column))
    return tuple(out)


#: A row absent from the text: seven absent cells (cells are immutable, so one tuple serves).
_ABSENT_ROW = (ABSENT,) * len(T3_COLS)


#: Words of T2's column headers (one search for them all, not a generator a label).
_T2_HEADER_WORDS = re.compile("件数|数量|金额|制发|废止|废制|现行有效|增/减|增减")


def _t2_label_matcher(fmt: str):
    """``match(text)``: the T2 row a label names in format ``fmt``, cached per text (one
    lookup a label instead of a closure calling normalise() and match_t2_row())."""
    @lru_cache(maxsize=4096)
    def match(text: str) -> Optional[str]:
        return L.match_t2_row(_norm(text), fmt)

    return match


_T2_LABEL_ROW = {fmt: _t2_label_matcher(fmt) for fmt in ("2021", "2019")}


def _build_t2(infos: Sequence[LineInfo], issues: list[Issue], fmt: str = "2021") -> Optional[Table2]:
    """Table 二 as the text prints it: the 2021 layout, or the 2019 试行 one (``fmt``)."""
    if not infos:
        return None
    if fmt == "2019":
        order = ["rules", "norm", "licensing", "other_services", "penalty", "coercion", "fees", "procurement"]
        widths, row_keys = L.T2_ROW_WIDTH_2019, L.T2_ROW_KEYS_2019
    else:
        order = ["rules", "norm", "licensing", "penalty", "coercion", "fees"]
        widths, row_keys = L.T2_ROW_WIDTH, L.T2_ROW_KEYS
    row_labels: list[Label] = []
    col_labels: list[Label] = []
    fee_header = None

    match = _T2_LABEL_ROW[fmt]
    read = _read_region(infos, match, _Widths(widths).__getitem__, 0, order)
    for c, key in read.labels:
        n = _norm(c.text)
        if key:
            row_labels.append(make_label(c.text, key, c.span, key == "norm" and not n.endswith("行政规范性文件") and "行政规范性文件" not in n))
        elif _T2_HEADER_WORDS.search(n):
            col_labels.append(make_label(c.text, None, c.span, False))
            if "金额" in n or "收费" in n:
                fee_header = fee_header or Label(c.text, "fees", c.span)
    # Header words in pipe/tab header rows are recorded as labels without keys too.
    cells: dict[str, Cell] = {}
    placed, duplicates, strays = _align(read.vectors, order)
    for vec in strays:
        issues.append(Issue("t2-unplaced-values", "表二中有无法对应到任何行的数值：" + " ".join(c.text or "空" for c in vec.values),
                            vec.values[0].span if vec.values else Span(vec.line), "t2"))
    for key in order:
        vec = placed.get(key)
        if vec is None:
            continue
        keys = row_keys[key]
        vals = _fit(vec.values, len(keys))
        digits = runs.run_digits(vals, len(keys), long_cell=None) if len(keys) > 1 else None
        if digits is not None:
            cuts = runs.splits(digits, len(keys), 50)
            if len(cuts) == 1:
                vals = runs.run_cells(vals, cuts[0])
            else:
                issues.append(Issue(
                    "ambiguous-digit-split",
                    f"表二“{vec.label.text if vec.label else key}”行的数字“{' '.join(c.text for c in vals)}”连在一起，"
                    + (f"有 {len(cuts)} 种拆分方式，无法确定各单元格的值" if cuts else "无法拆分为各单元格的值"),
                    _cells_span(vals), "t2", key))
                continue
        if len(vals) > len(keys):
            issues.append(Issue("t2-row-too-many-values", f"表二“{vec.label.text if vec.label else key}”行有 {len(vals)} 个数值，应为 {len(keys)} 个",
                                Span(vec.line), "t2", key))
        elif len(vals) < len(keys):
            issues.append(Issue("t2-row-too-few-values", f"表二“{vec.label.text if vec.label else key}”行只有 {len(vals)} 个数值，应为 {len(keys)} 个",
                                Span(vec.line), "t2", key))
        for k, c in zip(keys, vals):
            cells[k] = _cell(c)
    for k in (x for ks in row_keys.values() for x in ks):
        cells.setdefault(k, ABSENT)
    return Table2(cells, tuple(row_labels), tuple(col_labels), fee_header,
                  Span(infos[0].number, 1, infos[-1].number, 1), fmt)


def _build_t4(infos: Sequence[LineInfo], issues: list[Issue]) -> Optional[Table4]:
    if not infos:
        return None
    values: list[LCell] = []
    col_labels: list[Label] = []
    has_total = False
    last_line = infos[0].number
    for info in infos:
        if info.blank or info.footer or info.md_rule:
            continue
        labs = info.labels
        vals = info.values
        for c in labs:
            n = _norm(c.text)
            if "总计" in n or n in ("总", "计") or "合计" in n:
                has_total = True
            if len(n) <= 12:
                col_labels.append(make_label(c.text, None, c.span, False))
        if "num" not in map(_CELL_KIND, vals) and not (values and not labs and vals):
            continue  # header debris; a blank cell counts once the values have begun
        if labs and not info.separated and not any(map(_CELL_FUSED, vals)) and runs.run_digits(vals, 15) is None:
            continue  # prose with a trailing number
        values.extend(vals)
        last_line = info.number
        if len(values) >= 15:
            break
    values = _fit(values, 15)
    digits = runs.run_digits(values, 15)
    if digits is not None:
        return _t4_from_run(values, digits, col_labels, issues)
    if not values:
        return Table4({}, tuple(col_labels), infos[0].number, Span(infos[0].number))
    cells: dict[tuple[str, str], Cell] = {}
    cols = T4_COLS if (has_total or len(values) != 12) else T4_COLS[:4]
    positions = [(b, c) for b in T4_BLOCKS for c in cols]
    if len(values) != len(positions):
        issues.append(Issue("t4-value-count", f"表四应有 {len(positions)} 个数值，读到 {len(values)} 个",
                            values[0].span, "t4"))
    for (b, c), v in zip(positions, values):
        cells[(b, c)] = _cell(v)
    return Table4(cells, tuple(col_labels), values[0].line, Span(values[0].line, 1, last_line, 1))


def _t4_from_run(run: Sequence[LCell], digits: str, col_labels: list[Label], issues: list[Issue]) -> Table4:
    """Table 四 printed as one run of digits: cut by the block totals (:func:`runs.t4_splits`).

    When no cut makes every block add up, one block breaks its total (a wrong cell): the
    other blocks are read where every cut agrees on them; the broken one is left unread
    and named. When the cuts disagree, the table is there but its cells are unknown."""
    line = run[0].line
    span = _cells_span(run)
    text = " ".join(c.text for c in run)
    cuts = runs.t4_splits(digits)
    if len(cuts) == 1:
        values = runs.run_cells(run, cuts[0])
        cells = {(b, c): _cell(v) for (b, c), v in zip(((b, c) for b in T4_BLOCKS for c in T4_COLS), values)}
        return Table4(cells, tuple(col_labels), line, Span(line, 1, values[-1].line, 1))
    loose = runs.t4_splits(digits, free_block=True) if not cuts else []
    if not loose:
        issues.append(Issue(
            "ambiguous-digit-split",
            f"表四的数字“{text}”连在一起，" + (f"按各栏总计有 {len(cuts)} 种拆分方式" if cuts else "无法按各栏总计拆分")
            + "，无法确定各单元格的值", span, "t4", "t4"))
        unknown = {(b, c): Cell(None, "", span) for b in T4_BLOCKS for c in T4_COLS}
        return Table4(unknown, tuple(col_labels), line, Span(line))
    cells4: dict[tuple[str, str], Cell] = {}
    for bi, b in enumerate(T4_BLOCKS):
        seen = {(cut[bi * 5:bi * 5 + 5], cut[:bi * 5]) for cut in loose}
        if len(seen) == 1:
            block, before = seen.pop()
            if sum(block[:4]) == block[4]:
                placed = runs.run_cells(run, before + block)[len(before):]
                for c, cell in zip(T4_COLS, placed):
                    cells4[(b, c)] = _cell(cell)
                continue
        issues.append(Issue("ambiguous-digit-split",
                            f"表四的数字“{text}”连在一起，其中“{b}”一栏的总计与各项之和不符，无法确定该栏各单元格的值",
                            span, "t4", f"t4.{b}"))
    return Table4(cells4, tuple(col_labels), line, Span(line))


# --------------------------------------------------------------------------- anchors
def _anchor_t2(infos: Sequence[LineInfo]) -> Optional[int]:
    """First line of T2: its first 第二十条 block heading, moved up over T2 rows and
    headers printed before it (a text that starts inside the table)."""
    anchor = None
    for info in infos:
        # Normalising never creates a 第 (no NFKC or Traditional->Simplified mapping gives
        # one; checked over all of Unicode), so labels without one need not be normalised.
        if "第" in info.text and any(
                "第" in c.text and "第二十条" in (n := _norm(c.text)) and len(n) <= 30 for c in info.labels):
            anchor = info.number
            break
    if anchor is None:
        return None
    k = anchor - 1
    while k >= 1:
        info = infos[k - 1]
        if info.blank or info.footer or info.md_rule or _is_t2_line(info):
            k -= 1
            continue
        break
    while k + 1 < anchor and (infos[k].blank or infos[k].footer):
        k += 1
    return k + 1


def _is_t2_line(info: LineInfo) -> bool:
    labs = info.labels
    if not labs:
        return False
    for c in labs:
        n = _norm(c.text)
        if L.match_t2_row(n) is None and not (n.startswith("信息内容") and len(n) <= 20):
            return False
    return True


#: A character whose normalised form holds 稽, 申, 第 or 新 (found over all of Unicode):
#: a label naming T3's anchor (勾稽/钩稽, 申请人情况…, 第一项加第二项, R01's 本年新收 or
#: 新收政府信息公开申请) holds one, and a label's characters all come from its line's text,
#: so a line without any is passed over without normalising its labels.
_T3_ANCHOR_HINT = re.compile("[稽申\U0001F238第新\U0001F21F]")
#: The same for T4's anchor (行政复议…, 未经复议直接起诉, 结果维持): 复 or 维.
_T4_ANCHOR_HINT = re.compile("[复複覆\uFAB7维維]")


def _anchor_t3(infos: Sequence[LineInfo], start: int) -> Optional[int]:
    hint = _T3_ANCHOR_HINT.search
    for info in infos[start:]:
        if hint(info.text) is None:
            continue
        for c in info.labels:
            n = _norm(c.text)
            if ("勾稽" in n or "钩稽" in n or n.startswith("申请人情况") or "第一项加第二项" in n
                    or (L.match_t3_row(n) == "R01" and len(n) < 40)):
                return info.number
    return None


def _anchor_t4(infos: Sequence[LineInfo], start: int) -> Optional[int]:
    hint = _T4_ANCHOR_HINT.search
    for info in infos[start:]:
        if hint(info.text) is None:
            continue
        for c in info.labels:
            n = _norm(c.text)
            if (n.startswith("行政复议") and len(n) <= 20) or n.startswith("未经复议直接起诉") or n in ("结果维持",):
                return info.number
    return None


# --------------------------------------------------------------------------- sections
#: Dot leaders of a table-of-contents entry (……, …, ...., ····, ．．．; …… holds …).
_TOC_LEADER = re.compile(r"…|\.\.\.\.|····|．．．").search


def _choose_sections(headings: Sequence[Heading], anchors: dict[str, Optional[int]], nlines: int,
                     t3_row_lines: set[int], last_column: int) -> dict[str, Section]:
    """The statutory sections S1-S6 among the level-1 headings; ``last_column`` is one past
    the text's last character (on line ``nlines``), where the last section's body ends."""
    cands: list[tuple[Heading, str]] = []
    for h in headings:
        if h.level != 1 or h.span.line in t3_row_lines:
            continue
        nt = L.normalise(h.title)
        if len(nt) > 40:
            continue
        if _TOC_LEADER(h.text):
            continue  # a table-of-contents entry, not the heading itself
        if L.match_t3_row(nt) in ("R01", "R02", "R25", "G0"):
            continue
        slot = L.section_slot(nt)
        if slot:
            cands.append((h, slot))
    chosen: dict[str, Heading] = {}
    table_of = {"S2": "t2", "S3": "t3", "S4": "t4"}
    for slot in ("S2", "S3", "S4"):
        anchor = anchors.get(table_of[slot])
        opts = [h for h, s in cands if s == slot]
        if not opts:
            continue
        if anchor is not None:
            before = [h for h in opts if h.span.line <= anchor]
            if before:
                chosen[slot] = before[-1]
                continue
            # The heading may follow the table's anchor only if nothing else does.
            chosen[slot] = opts[0]
        else:
            chosen[slot] = opts[0]
    s1 = [h for h, s in cands if s == "S1"]
    if s1:
        limit = min([h.span.line for h in chosen.values()] or [nlines + 1])
        before = [h for h in s1 if h.span.line < limit]
        # The last before S2: a table of contents or a preface may name 总体情况 first.
        chosen["S1"] = (before or s1)[-1] if before else s1[0]
    after = max([h.span.line for h in chosen.values()] + [a for a in anchors.values() if a] or [0])
    for slot in ("S5", "S6"):
        opts = [h for h, s in cands if s == slot]
        later = [h for h in opts if h.span.line > after]
        pick = (later or opts or [None])[0]
        if pick is not None:
            chosen[slot] = pick
    # Order sanity: a slot whose heading breaks the order of its neighbours is dropped
    # only when it sits before S1 (a preface mention), never silently reordered.
    out: dict[str, Section] = {}
    ordered = sorted(chosen.items(), key=lambda kv: kv[1].span.line)
    for i, (slot, h) in enumerate(ordered):
        if i + 1 < len(ordered):
            following = ordered[i + 1][1].span
            end = following.line - 1
            body = Span(h.span.end_line, h.span.end_column, following.line, following.column)
        else:
            end = nlines
            body = Span(h.span.end_line, h.span.end_column, nlines, last_column)
        numeral_slot = f"S{h.number}" if 1 <= h.number <= 6 else ""
        std = L.is_standard_title(slot, L.normalise(h.title))
        out[slot] = make_section(slot, h, numeral_slot, std, end, body)
    return out


# --------------------------------------------------------------------------- prose
_UNITS = ("万元", "元", "件次", "人次", "件", "条", "次", "个", "项", "篇", "家", "名", "人", "年度", "年", "月", "日", "%", "％",
          "期", "场", "份", "页", "天", "号")
#: The first of _UNITS a text starts with (alternatives are tried in order, like the list).
_UNIT_RE = re.compile("|".join(re.escape(u) for u in _UNITS))
_CLAUSE_MAX = 400
_NUMBER_TYPES = frozenset({"NUMBER", "CN_NUMBER"})
_CLAUSE_STOPS = frozenset("。；;！？!?，,：:\n")
#: The same characters as one class: the stream is scanned by the regex engine, not a loop.
_CLAUSE_STOP_RE = re.compile("[" + re.escape("".join(sorted(_CLAUSE_STOPS))) + "]")


def _quantities(infos: Sequence[LineInfo], skip: set[int], sections: dict[str, Section]) -> tuple[Quantity, ...]:
    """Numbers in prose with their unit and clause. Prose lines are joined (PDF text
    breaks sentences across lines) and cut into clauses at punctuation."""
    # One pass over the lines (most are table lines) keeps the prose lines, each with its
    # stripped text, and a break (None) where a table or section heading interrupts them.
    lengths = []
    rows: list[tuple[LineInfo, Optional[str]]] = []
    prose_open = False  # a prose row since the last break: a new break matters
    for info in infos:
        if info.number in skip:
            if prose_open and not (info.blank or info.footer or info.md_rule):
                rows.append((info, None))
                prose_open = False
            continue
        if info.blank:
            continue
        stripped = info.text.strip()
        lengths.append(len(stripped))
        if info.footer or info.md_rule or not info.tokens:
            continue
        rows.append((info, stripped))
        prose_open = True
    # A line continues into the next one only when it was wrapped by the page width: it
    # does not end a sentence and is nearly as long as the longest prose lines. Headings,
    # tables and short lines (titles, dates, signatures) end the clause.
    lengths.sort()
    wrap_width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrap_min = min(0.75 * wrap_width, 24)

    # The stream is built a line at a time (pieces); a stream offset maps back to (line,
    # column) through the piece it falls in, so no per-character bookkeeping is needed.
    pieces: list[str] = []
    piece_starts: list[int] = []
    # (line, column of the piece's first character less its stream offset)
    piece_where: list[tuple[int, int]] = []
    numbers: list[tuple[int, Tok, int]] = []  # (offset in stream, token, line)
    size = 0
    ends_with_break = True
    for info, stripped in rows:
        if stripped is None:
            if not ends_with_break:
                pieces.append("\n")
                piece_starts.append(size)
                piece_where.append((info.number, 1 - size))
                size += 1
                ends_with_break = True
            continue
        toks = info.tokens
        first = toks[0].column
        text = info.text  # the tokens cover it exactly (no gaps: see tokenise)
        base = size - first
        n = info.number
        numbers.extend([(base + t.column, t, n) for t in toks if t.type in _NUMBER_TYPES])
        if info.separated or len(stripped) < wrap_min or not stripped or stripped[-1] in _LINE_END_CHARS:
            text += "\n"
            ends_with_break = True
        else:
            ends_with_break = False
        pieces.append(text)
        piece_starts.append(size)
        piece_where.append((n, first - size))
        size += len(text)
    stream = "".join(pieces)

    # Clause bounds: the nearest stop each side of a number, looked for within
    # _CLAUSE_MAX characters (backwards in the reversed stream), so that a text without
    # punctuation stays linear and a report with few numbers looks at little of it.
    size = len(stream)
    reversed_stream = stream[::-1]
    search_stop = _CLAUSE_STOP_RE.search
    bisect_right = bisect.bisect_right
    out = []
    sec_lines = sorted((s.line, slot) for slot, s in sections.items())
    sec_starts = [sl for sl, _ in sec_lines]
    for off, tok, line in numbers:
        value_text = tok.value
        b0 = off + len(value_text)  # just after the number
        after = stream[b0: b0 + 5].lstrip(" \u3000")
        approximate = after[:1] in ("余", "多")
        if approximate:
            after = after[1:].lstrip(" \u3000")
        m = _UNIT_RE.match(after)
        unit = m.group() if m else ""
        approximate = approximate or not _APPROX_BEFORE.isdisjoint(stream[max(0, off - 2): off])
        if tok.type == "CN_NUMBER":
            before = stream[off - 1: off] if off else ""
            if unit not in ("件", "条", "次", "个", "项", "篇", "家", "人") or before in ("第", "每", "之"):
                continue
            value: Optional[Number] = L.cn_to_int(value_text)
        else:
            value = to_number(value_text)
        if value is None:
            continue
        column = tok.column
        end_column = column + len(value_text)
        # The clause: after the last stop before the number, up to the first stop after it;
        # at most _CLAUSE_MAX characters each side.
        m = search_stop(reversed_stream, size - off, size - off + _CLAUSE_MAX)
        a = size - m.start() if m else max(0, off - _CLAUSE_MAX)
        m = search_stop(stream, b0, b0 + _CLAUSE_MAX)
        b = m.start() if m else min(size, b0 + _CLAUSE_MAX)
        clause = stream[a:b].strip()
        # (line, column) of stream offsets a and b - 1, through the pieces they fall in.
        if a < size:
            a_line, a_col = piece_where[bisect_right(piece_starts, a) - 1]
            a_col += a
        else:
            a_line, a_col = line, column
        if 0 < b <= size:
            b_line, b_col = piece_where[bisect_right(piece_starts, b - 1) - 1]
            b_col += b - 1
        else:
            b_line, b_col = line, end_column
        k = bisect_right(sec_starts, line)
        section = sec_lines[k - 1][1] if k else None
        out.append(make_quantity(value, unit, make_span(line, column, line, end_column), clause,
                            make_span(a_line, a_col, b_line, b_col + 1), section, value_text, approximate))
    return tuple(out)


#: Last characters of a line that ends a sentence or clause: the line does not run on.
_LINE_END_CHARS = frozenset("。；;！？!?：:")
#: Characters just before a number that make it approximate (约, 近, 超, 逾).
_APPROX_BEFORE = frozenset("约近超逾")


# --------------------------------------------------------------------------- report
def parse(text: str, path: Optional[str] = None, year: Optional[int] = None) -> Report:
    """Parse report text into the :class:`Report` model."""
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # keep every column where the editor shows it
    fast = _read_lines(text)
    if fast is not None:
        raws, infos, long_lines = fast
        lines: Sequence[Line] = ()  # made below only when a long line is cut
    else:
        lines = tokenise(text)
        raws = [l.text for l in lines]
        long_lines = [l for l in lines if len(l.text) >= SEGMENT_MIN]
    raw_lines = tuple(raws)
    nlines = len(raws)
    # Long flattened lines become virtual lines; everything below works on virtual line
    # numbers, mapped back to real ones at the end (_remap).
    real_of: Optional[list[int]] = None
    # Only a long line holding a table anchor is cut (_segments): most reports have none.
    cut = {l.number: _segments(l) for l in long_lines}
    if any(len(segs) > 1 for segs in cut.values()):
        if not lines:
            lines = [Line(i.number, i.text, i.tokens) for i in infos]
        virtual = [seg for l in lines for seg in cut.get(l.number, ((l, 0),))]
        if len(virtual) != len(lines):
            real_of = [0] + [l.number for l, _ in virtual]
            lines = [Line(k + 1, l.text, tuple(l.tokens)) for k, (l, _) in enumerate(virtual)]
            nlines = len(lines)
            infos = []
            for (l, off), vl in zip(virtual, lines):
                info = _split_line(vl)  # its cells carry the virtual line's number
                info.offset = off
                infos.append(info)
    if real_of is None and fast is None:
        infos = _split_lines(lines)
    issues: list[Issue] = []
    # (A line already known to be no heading, () , is passed over without a call.)
    # (A loop, not a generator: this looks at every line of the report.)
    found: list[Heading] = []
    for i in infos:
        if i.heading_shape != ():
            h = _heading(i)
            if h is not None:
                found.append(h)
    headings = tuple(found)

    a2 = _anchor_t2(infos)
    a3 = _anchor_t3(infos, (a2 or 1) - 1)
    a4 = _anchor_t4(infos, (a3 or a2 or 1) - 1) if (a3 or a2) else None

    # T3 row labels that look like top-level headings (一、本年新收…) are not sections.
    t3_row_lines = set()
    if a3:
        for h in headings:
            if h.level == 1 and h.span.line >= a3 and L.match_t3_row(L.normalise(h.title)) in ("R01", "R02", "R25", "G0"):
                t3_row_lines.add(h.span.line)
    last_column = infos[-1].offset + len(infos[-1].text) + 1 if infos else 1
    sections = _choose_sections(headings, {"t2": a2, "t3": a3, "t4": a4}, nlines, t3_row_lines, last_column)

    def region(start: Optional[int], stops: Sequence[Optional[int]]) -> list[LineInfo]:
        if start is None:
            return []
        ends = [s for s in stops if s is not None and s > start]
        # Never run past the next statutory heading.
        ends += [s.line for s in sections.values() if s.line > start]
        end = min(ends) if ends else len(infos) + 1
        # A table's cells become spans: each line's cells must carry its own number.
        # (_own_cells' first test made here: most lines' cells are their own already.)
        return [i if not i.cells or i.cells[0].line == i.number else _own_cells(i)
                for i in infos[start - 1:end - 1]]

    s3 = sections.get("S3")
    s4 = sections.get("S4")
    t2_infos = region(a2, [a3, s3.line if s3 else None])
    t3_infos = region(a3, [a4, s4.line if s4 else None])
    t4_start = a4 or (s4.line if s4 else None)
    t4_infos = region(t4_start, [])
    signatures = L.old_format_signatures([_norm(c.text) for i in t2_infos for c in i.labels])
    t2_format = "2019" if len(signatures) >= 2 else "2021"
    t2 = _build_t2(_empty_cells(t2_infos), issues, t2_format)
    t3 = _build_t3(_empty_cells(t3_infos), issues)
    t4 = _build_t4(_empty_cells(t4_infos), issues)
    if t2 is not None and not any(c.span for c in t2.cells.values()):
        t2 = None if not t2_infos else t2
    table_lines = []
    for infos_, tbl in ((t2_infos, t2), (t3_infos, t3), (t4_infos, t4)):
        if infos_:
            end = infos_[-1].number
            if tbl is t4 and t4 is not None and t4.span is not None:
                end = max(t4.span.end_line, infos_[0].number)
            table_lines.append((infos_[0].number, end))
    skip = set()
    for a, b in table_lines:
        skip.update(range(a, b + 1))
    skip.update(s.line for s in sections.values())
    prose = _prose_pieces(infos, table_lines, headings, sections)
    title, title_span, report_year = _title_and_year(infos, sections)
    # Read by no built-in rule: found when something asks (gplint dump, a plugin).
    quantities = deferred(partial(_quantities, infos, skip, sections))
    report = Report(
        path=path,
        text=text,
        lines=raw_lines,
        title=title,
        title_span=title_span,
        year=year or report_year,
        reporter_kind=_reporter_kind(title, infos),
        format_version=_format_version(t2_format, signatures, year or report_year),
        sections=sections,
        headings=headings,
        t2=t2,
        t3=t3,
        t4=t4,
        quantities=quantities,
        issues=tuple(issues),
        table_lines=tuple(table_lines),
        prose=prose,
    )
    return report if real_of is None else _remap(report, real_of)


def _prose_pieces(infos: Sequence[LineInfo], table_lines: Sequence[tuple[int, int]],
                  headings: Sequence[Heading], sections: dict[str, Section]) -> tuple[ProsePiece, ...]:
    """The lines (virtual lines of a flattened page) outside the tables that hold text,
    each with its section: what the narrative rules cut into sentences."""
    in_table = set()
    for a, b in table_lines:
        in_table.update(range(a, b + 1))
    heading_lines = {h.span.line for h in headings}
    starts = sorted((sec.line, slot) for slot, sec in sections.items())
    out = []
    k, section = 0, None
    for info in infos:
        n = info.number
        while k < len(starts) and starts[k][0] <= n:
            section = starts[k][1]
            k += 1
        if n in in_table or info.blank or not info.text.strip():
            continue
        out.append(ProsePiece(n, info.offset + 1, info.text, n in heading_lines, section))
    return tuple(out)


def _remap(obj, real_of: Sequence[int]):
    """Map virtual line numbers back to real ones everywhere in the model."""
    import dataclasses

    def line(v: int) -> int:
        return real_of[v] if 0 < v < len(real_of) else v

    def walk(o):
        if isinstance(o, Span):
            return Span(line(o.line), o.column, line(o.end_line), o.end_column, o.page)
        if isinstance(o, (str, int, Decimal, type(None), bool)):
            return o
        if isinstance(o, tuple):
            return tuple(walk(x) for x in o)
        if isinstance(o, list):
            return [walk(x) for x in o]
        if isinstance(o, dict):
            return {k: walk(v) for k, v in o.items()}
        if dataclasses.is_dataclass(o):
            changes = {}
            for f in dataclasses.fields(o):
                v = getattr(o, f.name)
                if f.name in ("line", "end_line") and isinstance(v, int):
                    changes[f.name] = line(v)
                elif f.name in ("text", "lines", "path"):
                    continue
                else:
                    changes[f.name] = walk(v)
            return dataclasses.replace(o, **changes)
        return o

    out = walk(obj)
    if isinstance(out, Report):
        out = dataclasses.replace(out, table_lines=tuple((line(a), line(b)) for a, b in obj.table_lines))
    return out


_ORG_SUFFIX = tuple("局委办府会心院厅室所处馆站队部署行镇乡区县市司")


def _title_and_year(infos: Sequence[LineInfo], sections: dict[str, Section]) -> tuple[str, Optional[Span], Optional[int]]:
    """The report's title as printed at its top, and the report year.

    The title is the first short line naming the report (…政府信息公开…/…报告), joined with
    the agency's name when that stands on the line above ("洪泽区人民政府" / "2023 年政府信息
    公开工作年度报告") and with a short continuation line ("…政府信息公开工作" / "年度报告").
    Page footers, web-page chrome and the preface are never part of it."""
    first_section = min([s.line for s in sections.values()] or [min(len(infos), 30) + 1])
    top = [i for i in infos[: max(0, first_section - 1)] if not i.blank and not i.footer][:8]

    def clean(info: LineInfo) -> str:
        return info.text.strip().strip("#*").strip()

    def sentence_like(t: str) -> bool:
        return len(t) > 60 or t.endswith(("。", "；", ";", "：", ":")) or t.startswith(("本报告", "根据", "依据", "按照", "为"))

    title_lines: list[LineInfo] = []
    for k, info in enumerate(top):
        t = clean(info)
        if ("政府信息公开" in t or "年度报告" in t) and not sentence_like(t):
            title_lines = [info]
            if k > 0 and t[:1].isdigit():
                above = clean(top[k - 1])
                if len(above) <= 30 and above.endswith(_ORG_SUFFIX) and not sentence_like(above):
                    title_lines.insert(0, top[k - 1])
            if "报告" not in t:
                for nxt in top[k + 1:k + 3]:
                    n = clean(nxt)
                    if "报告" in n and len(n) <= 12:
                        title_lines.append(nxt)
                        break
            break
    title = "".join(clean(i) for i in title_lines)
    span = None
    if title_lines:
        span = Span(title_lines[0].number, 1, title_lines[-1].number, len(title_lines[-1].text) + 1)
    year = None
    for i in title_lines + top + list(infos[: min(len(infos), 40)]):
        y = _year_in(i)
        if y:
            year = y
            break
    return title, span, year


def _year_in(info: LineInfo) -> Optional[int]:
    toks = [t for t in info.tokens if t.type != "BLANK"]
    for a, b in zip(toks, toks[1:]):
        if a.type == "NUMBER" and b.type == "TEXT" and b.value.startswith("年") and len(a.value) == 4:
            y = to_number(a.value)
            if isinstance(y, int) and 2000 <= y <= 2100:
                return y
    return None


def _reporter_kind(title: str, infos: Sequence[LineInfo]) -> str:
    t = L.normalise(title)
    if "人民政府" in t and not any(w in t for w in ("办公厅", "办公室")):
        return "government"
    if any(t.split("2")[0].endswith(w) for w in ("街道办事处",)):
        return "government"
    return "department"


def _format_version(t2_format: str, signatures: Sequence[str], year: Optional[int]) -> str:
    """The format the report follows: what its table 二 prints when that is decisive,
    else the one in force for its year (2019 试行 for reports on 2019 and 2020)."""
    if t2_format == "2019":
        return "2019"
    if year is not None and year <= 2020 and not signatures:
        return "2019"
    return "2021"
