"""Table regions read into row vectors, whatever layout the text left them in.

The layouts, each a named function:

* a row: a label with its values on one line (pipes, tabs, blanks) — :func:`read_region`;
* a vertical stream: one value a line under the row labels (HTML and DOCX copies);
* a column stream: pdfminer's column-by-column numbers after k row labels
  (:func:`column_major_rows`, the 总计 column found by the row-total identity);
* a stream with a lost label: more rows of numbers than labels, placed in the format's
  order (:func:`stream_rows`);
* a row whose last values went on to the next line (:meth:`_RegionReader.continues_row`).

(Empty cells of a one-cell-a-line table, seen as extra blank lines, are found before a
region is read: :mod:`.empty_cells`.)

Vectors are then placed on the format's rows (:func:`align`).
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from .. import labels as L
from .cells import CELL_KIND, CELL_TEXT, LCell, LineInfo, at_line
from .cell_shapes import dash_after_label, without_bullet
from .joined_rows import rows_in_line
from .row_width import blank_separated, fit  # (kept importable from here)
from .row_numbers import drop_row_numbers
from .column_stream import column_major_rows, column_stream_in_order, labelled_stream, row_score, unlabelled_stream
from .paragraph_pieces import RowPieces, bulleted_piece, piece_under_label
from .stream_tails import completes_row
from .vectors import LabelAt, Stream, Vector


@dataclass
class RegionRead:
    """What a layout read from a table region: its vectors, the labels met, the orientation."""

    vectors: list[Vector] = field(default_factory=list)
    #: Every label met: the shared label cell with its line, and the row key it names.
    labels: list[tuple[LabelAt, Optional[str]]] = field(default_factory=list)
    column_major: bool = False


class Widths(dict):
    """Values per row by row key, 0 for any other key (a group label): its ``__getitem__``
    is the ``width_of`` :func:`read_region` asks, looked up in C for every known key."""

    def __missing__(self, key: str) -> int:
        return 0


def read_region(infos: Sequence[LineInfo], match, width_of, full_width: int, row_order: Sequence[str]) -> RegionRead:
    """Cut a table region into value vectors, anchoring each to a row label where one is.

    ``match(text)``: the row key a label's text names, or None; ``width_of(key)``: how many
    values the row holds (0 for a group label); ``full_width``: the widest row (7 for table
    三, 0 where rows differ); ``row_order``: the rows in the format's order."""
    reader = _RegionReader(match, width_of, full_width, row_order)
    for info in infos:
        if not (info.blank or info.footer or info.md_rule):
            reader.take(info)
    if reader.pieces:
        reader.release_pieces()
    reader.flush()
    drop_row_numbers(reader.out.vectors, width_of, full_width)
    return reader.out


class _RegionReader:
    """The state of :func:`read_region`: row labels waiting for their values (``pending``)
    and lone values gathered one a line (``buffer``: a vertical or column stream)."""

    def __init__(self, match, width_of, full_width: int, row_order: Sequence[str]) -> None:
        self.match, self.width_of, self.full_width, self.row_order = match, width_of, full_width, row_order
        self.out = RegionRead()
        #: Row labels waiting for their values: (key, the shared label cell and its line).
        self.pending: list[tuple[str, LabelAt]] = []
        self.buffer: list[LCell] = []  # (the line table's shared cells)
        self.buffer_lines = array("i")  # the line of each
        #: The row just read from a line without separators while it still lacks values:
        #: the next line may carry the rest (see :meth:`continues_row`).
        self.short_row: Optional[Vector] = None
        #: The short row just read from a line whose values stand before its label (the
        #: row above's tail, :meth:`ends_stream_above`), and that label.
        self.tail_then_label: Optional[tuple[Vector, tuple[str, LabelAt]]] = None
        #: The row whose label the last stream of values stood under, and the stream's last
        #: line: a label naming that row on the next line is the rest of its label.
        self.stream_under: Optional[tuple[str, int]] = None
        #: A row just read whose label names no row (a piece: 「2.申」), its line and label
        #: text: a label on the next line may be the rest of it (see :meth:`labels_alone`).
        self.unnamed_row: Optional[tuple[Vector, int, str]] = None
        #: A short row taking the lines of values after it (None; False while they are
        #: read again because they did not make it whole).
        self.pieces: "RowPieces | bool | None" = None

    def take(self, info: LineInfo) -> None:
        if self.pieces:  # (a short row taking the lines of values after it)
            if self.pieces.take(info):
                if self.pieces.whole:
                    self.pieces = None
                    if info.labels:
                        self.labels_alone(info.labels, info.number)
                return
            self.release_pieces()
        short, self.short_row = self.short_row, None
        if short is not None and self.continues_row(short, info):
            return
        if short is not None and short.layout == "row" and info.labels and completes_row(short.cells, info):
            # The row's last values before the next row's label (layout "paragraphs under a label").
            short.extend_at(without_bullet(info.values), info.number)
            self.labels_alone(info.labels, info.number)
            return
        # The cells as the line table read them, their line the region line's: a region's
        # lines repeat "0" and "| 0 | 0 |" by the hundred.
        labs, vals = info.labels, info.values
        if info.separated and labs and vals and len(info.cells) > 2 \
                and (pieces := rows_in_line(info, self.match, self.width_of)) is not None:
            for piece in pieces:  # (a piece of labels alone: the next row's, values below)
                if piece.values:
                    self.take(piece)
                else:
                    if self.buffer:
                        self.flush()
                    self.labels_alone(piece.labels, info.number)
            return
        if not labs and len(vals) == 1 and vals[0].kind in ("num", "blank") and (vals[0].text or info.empty_cell):
            self.buffer.append(vals[0])  # one value a line: part of a stream
            self.buffer_lines.append(info.number)
            return
        if not labs and len(self.pending) == 1 and (piece := piece_under_label(
                info, self.width_of(self.pending[0][0]), len(self.buffer))) is not None:
            self.buffer.extend(piece)  # layout "paragraphs under a label"
            self.buffer_lines.extend([info.number] * len(piece))
            return
        has_num = "num" in map(CELL_KIND, vals)
        if has_num and self.buffer and self.ends_stream_above(info):
            tail = without_bullet(vals)
            self.buffer.extend(tail)
            self.buffer_lines.extend([info.number] * len(tail))
            self.flush()
            self.labels_alone(labs, info.number)
            return
        # (A row of marks alone, "— 无 / －", is a row whose zeros were not written; so is a
        # one-value row's mark, 「行政处罚 无」: waiting, it took the next row's value.)
        if has_num or (vals and (info.separated or len(vals) >= 3) and len(vals) >= 2 and any(map(CELL_TEXT, vals))) \
                or (len(vals) == 1 and vals[0].text and labs and self.one_value_row(labs[-1].text)):
            wrapped = self.pending[-1] if self.pending and not self.buffer else None
            self.flush()
            self.row(info, has_num, wrapped)
        elif info.separated and len(labs) >= 2 and not self.labels_of_a_row(labs):
            self.out.labels.extend(((c, info.number), None) for c in labs)  # header row of a pipe/tab table
        else:
            if self.buffer:  # labels after a stream end it; labels after labels add up
                self.flush()
            self.labels_alone(labs, info.number)

    def labels_of_a_row(self, labs: Sequence[LCell]) -> bool:
        """Do the labels of a separated line with no value name a row and the groups it is
        in (「（三）不予公开 | 1.属于国家秘密 | | …」, its zeros left blank)? A header row's
        cells name columns, and name no row."""
        last = self.match(labs[-1].text)  # (a header row's last cell, 总计 or 其他, names no row)
        return last is not None and self.width_of(last) > 0 and all(self.match(c.text) is not None for c in labs[:-1])

    def one_value_row(self, label: str) -> bool:
        """Does ``label`` name a row of one value (table 二's 行政许可, 行政事业性收费 …)?"""
        key = self.match(label)
        return key is not None and self.width_of(key) == 1

    def row(self, info: LineInfo, has_num: bool, wrapped: Optional[tuple[str, LabelAt]] = None) -> None:
        """Layout "row": a label and its values on one line (pipes, tabs or blanks);
        ``wrapped``: the row label waiting just above (layout "wrapped label", below)."""
        labs, vals = info.labels, info.values
        key = lab_cell = None
        for c in labs:
            m = self.match(c.text)
            at = (c, info.number)
            if m is not None:
                key, lab_cell = m, at
            self.out.labels.append((at, m))
        if key is None and labs and wrapped and not info.separated and 0 < info.number - wrapped[1][1] <= 2:
            # Layout "wrapped label" (pdftotext -layout): the row's values on the label's second
            # or third line, beside a piece naming no row (「（二）部分公开（区分处」 / 「理的，…  4  0」).
            key, lab_cell = wrapped
        if key is not None and self.width_of(key) == 0 and (not has_num or lab_cell is None or labs[-1] is not lab_cell[0]):
            # A group label followed by a row label it does not know ("（三）不予公开 |
            # 1.□□□" with the item garbled) spans rows: the row itself is unlabelled. (A
            # group label with numbers beside it is a group row printed with its own
            # subtotals; it keeps its key and the table's builder sets it aside.)
            key, lab_cell = None, None
        if not has_num and key is None and not (labs and len(vals) == self.full_width):
            return  # a row of dashes with no label: header debris (a full row is a row)
        # (The shared reading's list itself: read-only, as every reading is.)
        vector = Vector.at_lines(key, vals, info.number, None, lab_cell, "row", info.separated)
        self.out.vectors.append(vector)
        if key is None and labs and not info.separated:
            self.unnamed_row = (vector, info.number, "".join(c.text for c in labs))
        if key is not None and not info.separated and len(vals) < self.width_of(key):
            self.short_row = vector
            if lab_cell is not None and vals and vals[-1].column < lab_cell[0].column:
                self.tail_then_label = (vector, (key, lab_cell))

    def release_pieces(self) -> None:
        """Read the lines held after a short row that they did not make whole as before."""
        pieces, self.pieces = self.pieces, False
        self.short_row = pieces.row
        for held in pieces.held:
            self.take(held)
        self.pieces = None

    def continues_row(self, row: Vector, info: LineInfo) -> bool:
        """Layout "wrapped values": a row printed on blank-separated lines ran out of
        width and its last values went on to the next line ("（一）予以公开 290 1 0 0" /
        "3 0 294"). That line joins the row only when it holds values alone (no label, no
        separator, at least one number) and exactly as many as the row lacks: anything
        else (a lost row, a stray number) is read as before."""
        vals = info.values
        if info.separated or info.labels or not vals or "num" not in map(CELL_KIND, vals):
            return False
        if any(c.fused for c in row.cells) or any(c.fused for c in vals):
            return False  # digits run together: how many cells they hold is unknown
        piece = bulleted_piece(info) if row.layout == "row" and row.label is not None else None
        if piece is not None:
            vals = piece
        if len(row.cells) + len(vals) != self.width_of(row.key):
            if piece is None or self.pieces is False or len(row.cells) + len(piece) > self.width_of(row.key):
                return False
            self.pieces = RowPieces(row, self.width_of(row.key), info, piece)  # layout "paragraphs under a label"
            return True
        row.extend_at(vals, info.number)
        return True

    def ends_stream_above(self, info: LineInfo) -> bool:
        """Layout "tail, then the next label" (:mod:`.stream_tails`): the line's values end
        the stream of the row above (pending, or the short row whose label's line began
        with the tail of the row before it)."""
        labs = info.labels
        if self.full_width != 7 or (labs and self.match(labs[-1].text) is None):
            return False
        above = self.tail_then_label
        if len(self.pending) == 1:
            key = self.pending[0][0]
        elif not self.pending and above is not None and self.out.vectors and self.out.vectors[-1] is above[0] \
                and self.buffer_lines[0] > above[0].line:
            key = above[1][0]
        else:
            return False
        if self.width_of(key) != 7 or not completes_row(self.buffer, info):
            return False
        if not self.pending:
            # That row's values are the ones under its label: the ones before it on its
            # line are the row above's tail, read as no row's.
            self.out.vectors.pop()
            self.pending = [above[1]]
        return True

    def labels_alone(self, labs: Sequence[LCell], line: int) -> None:
        """Row labels on lines of their own (``line``): their values follow as a stream."""
        unnamed, self.unnamed_row = self.unnamed_row, None
        for c in labs:
            m = self.match(c.text)
            self.out.labels.append(((c, line), m))
            if m is not None and unnamed is not None and unnamed[1] == line - 1 and not self.pending \
                    and L.starts_t3_label(unnamed[2], m):
                # The rest of the label of the row just above, whose piece named no row (a
                # label cut in pieces, its first piece beside the values: 「2.申 0 … 0」 /
                # 「请人 逾期 … 申请」): that row's, not a row waiting for its values.
                unnamed[0].key = m
                continue
            # A label broken over lines may name its row twice (…收费通知要 / 求缴纳费用…),
            # its values between the pieces where they stand beside the label's middle
            # (OCR's boxes in reading order: 「5.要求行政机关确认或」 / 0 … 0 / 「重新出具已获取信息」).
            if m is not None and self.width_of(m) > 0 and not (self.pending and self.pending[-1][0] == m) \
                    and not (not self.pending and self.stream_under == (m, line - 1)):
                self.pending.append((m, (c, line)))

    def flush(self) -> None:
        """Place the buffered stream of values on the pending labels, by the first layout
        that fits it."""
        if not self.buffer:  # (most calls: a row ends no stream)
            self.pending = []
            return
        stream = Stream(self.buffer, self.buffer_lines)
        self.buffer, self.buffer_lines = [], array("i")
        if len(self.pending) == 1 and len(stream.cells) == self.width_of(self.pending[0][0]) - 1 \
                and (split := dash_after_label(at_line(*self.pending[0][1]))) is not None:
            # 「数量：—」 over its values one a line, one short: the first
            stream.cells.insert(0, split[1])
            stream.lines.insert(0, split[1].line)
        n, full = len(stream.cells), self.full_width
        if (full > 1 and len(self.pending) >= 2 and n % full == 0 and n // full > len(self.pending)
                and stream_rows(stream, self.pending, full, self.row_order, self.out)):
            self.pending = []  # layout "lost label": more rows of numbers than labels
            return
        # A run after k row labels may cover only the first of them (pdfminer puts the
        # next block's label before this block's numbers): take the longest prefix of
        # the pending labels whose widths add up to the run; the rest stay pending.
        use = len(self.pending)
        while use > 1 and sum(self.width_of(k) for k, _ in self.pending[:use]) != n:
            use -= 1
        head, self.pending = self.pending[:use], self.pending[use:]
        self.stream_under = (head[-1][0], stream.lines[-1]) if head else None
        widths = [self.width_of(k) for k, _ in head]
        if len(head) >= 2 and n == sum(widths):
            self.out.vectors.extend(labelled_stream(stream, head, widths, self.out))
        elif len(head) >= 2 and full > 1 and n % full == 0 and n // full >= 2:
            self.out.vectors.extend(column_stream_in_order(stream, head[0][0], full, self.row_order))
            self.out.column_major = True
        elif head:
            key, lab = head[-1]
            if n < self.width_of(key) - 1:
                # A lone number or two under a row label is not that row's vector: it
                # competes with unlabelled rows for the slot (see align).
                self.out.vectors.append(stream.vector(None, range(n), None, "stray"))
            else:
                self.out.vectors.append(stream.vector(key, range(n), lab, "vertical"))
        else:
            self.out.vectors.extend(unlabelled_stream(stream, full))


def stream_rows(stream: Stream, pending: Sequence[tuple[str, LabelAt]], width: int,
                row_order: Sequence[str], out: "RegionRead") -> bool:
    """A run of numbers holding more rows than the labels before it: place the rows by the
    format's order. They start right after the last row already read when the labels allow
    it (a lost first label), else at the first label's row; the orientation (column by
    column or row by row) is the one the row totals confirm. False when the labels do not
    fit the format's order, so the caller falls back to its usual reading."""
    rows = len(stream.cells) // width
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
    by_row = column_major_rows(stream.cells, rows, width)
    col_major = [stream.vector(k, by_row[r], labels.get(k), "column", r) for r, k in enumerate(keys)]
    row_major = [stream.vector(k, range(r * width, (r + 1) * width), labels.get(k), "vertical")
                 for r, k in enumerate(keys)]
    chosen = col_major if row_score(col_major) >= row_score(row_major) else row_major
    out.column_major = out.column_major or chosen is col_major
    out.vectors.extend(chosen)
    return True


def holds_values(vec: Vector) -> bool:
    """A vector that is a row of the table: it holds a number, or three or more marks
    written for cells (a row whose zeros are all "—" or "无")."""
    kinds = list(map(CELL_KIND, vec.cells))
    return "num" in kinds or (len(kinds) >= 3 and all(map(CELL_TEXT, vec.cells)))


def align(vectors: Sequence[Vector], order: Sequence[str], width_of: Optional[Callable[[str], int]] = None
          ) -> tuple[dict[str, Vector], list[Vector], list[Vector]]:
    """Place vectors on the format's rows: labelled ones on their row, unlabelled ones on
    the free rows between their labelled neighbours, in order.

    When a gap holds more unlabelled vectors than free rows, the ones with the fewest
    numbers (stray values, header debris) are left out. With ``width_of`` (table 二's rows
    of one value and of three), a vector with more numbers than any free row of its gap
    has cells is no row of the format's there (a row the agency added, 其他规范性文件 10 7 26,
    where 行政许可 was left out): a stray. Returns (placed, duplicates, strays).
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
        gap = [v for v in vectors[p0 + 1:p1] if (v.key is None or v.key not in index) and holds_values(v)]
        free = [order[i] for i in range(o0 + 1, o1) if order[i] not in placed] if o1 > o0 else []
        if width_of is not None and free:
            widest = max(map(width_of, free))
            wider = [v for v in gap if sum(c.kind == "num" for c in v.cells) > widest]
            strays.extend(wider)
            gap = [v for v in gap if v not in wider]
        if len(gap) > len(free):
            keep = sorted(range(len(gap)), key=lambda i: (-sum(c.kind == "num" for c in gap[i].cells), i))[:len(free)]
            strays.extend(v for i, v in enumerate(gap) if i not in keep)
            gap = [v for i, v in enumerate(gap) if i in keep]
        for key, vec in zip(free, gap):
            placed[key] = vec
    return placed, duplicates, strays
