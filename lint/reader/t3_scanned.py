"""Table 三 read from a scan whose rules OCR read into its cells: a rule read as a 1 taken
off where the row's total says so, the other rows that do not add up left unread.

Tesseract reads a ruled table's vertical rules as ``|`` (or ``l``) and a rule touching a
digit as a 1 before it: ``447 17 0 0 0 0 454`` for 447 7 … 454, ``10 0 0 0 0 0 0`` for a
row of zeros, ``| | 0 19 19 1 9``. Where the table's region carries several lines of
OCR's pieces of rules and zeros (:mod:`.scan_debris`: the table is not
assessable, T190 says so), a value beside a rule is as likely part rule as digit, and
which cell a value stands in is a guess wherever one was lost. So, in such a table only:

- a row of seven values that does not add up (the six applicants' counts against its
  总计) and adds up in exactly one way once one value loses a leading 1 is read that way
  (the identity decides; an issue names the value) — so too in a table with fewer such
  lines, on a row whose own line carries a rule glued to a value (``|447 17 0 0 0 0 454``);
- every other row of seven that does not add up, and every short row with a value other
  than 0 (its values placed in its first columns by guess, a rule's 1 among them or
  not), is left unread: its values kept as left over, an issue for each. Cells left
  unread, never misread in what ``gplint dump`` exports. A short row of zeros stays as
  placed (its zeros are right wherever the lost cells were), unless its line holds other
  digits the reader took for no value (``|0 |0， |0 lo 5 5``: OCR's pieces hid values).
"""
from __future__ import annotations

from typing import Optional, Sequence

from .. import format as F
from .scan_debris import SCANNED_MIN, debris_piece
from ..model import Cell, Issue, Row, Span
from .cells import LineInfo, to_cells

_WIDTH = len(F.T3_2021.column_keys)


def from_a_scan(infos: Sequence[LineInfo]) -> bool:
    """Whether the table's lines carry OCR's pieces of rules and zeros (several lines)."""
    return sum(1 for info in infos if debris_piece(info.text) is not None) >= SCANNED_MIN


def adds_up(values: Sequence[object]) -> bool:
    """Seven counts whose last (总计) is the sum of the six others."""
    return len(values) == _WIDTH and all(isinstance(v, int) for v in values) \
        and sum(values[:-1]) == values[-1]  # type: ignore[arg-type]


def _without_a_rule(value: object) -> Optional[int]:
    """``value`` less a leading 1 (a rule read into its cell), or None when it has none."""
    digits = str(value) if isinstance(value, int) else ""
    rest = digits[1:]
    if len(digits) < 2 or digits[0] != "1" or (rest[0] == "0" and rest != "0"):
        return None
    return int(rest)


def _rule_taken_off(row: Row) -> Optional[int]:
    """The one column whose value, less a leading 1, makes the row add up; None when no
    value or several do."""
    values = [c.value for c in row.cells]
    if len(values) != _WIDTH or not all(isinstance(v, int) for v in values):
        return None
    fits = [i for i, v in enumerate(values)
            if (less := _without_a_rule(v)) is not None and adds_up([*values[:i], less, *values[i + 1:]])]
    return fits[0] if len(fits) == 1 else None


def zeros_of_a_short_row(row: Row) -> bool:
    """A row short of values all of which are 0: right wherever its lost cells were."""
    values = [c.value for c in row.cells if c.value is not None]
    return len(values) < _WIDTH and all(v == 0 for v in values)


def _other_digits(row: Row, text: str) -> bool:
    """Whether the row's line holds a digit other than 0 from its first value on, which
    the reader read as no value (「|0 |0， |0 lo 5 5」: OCR's pieces hid some of its values)."""
    first = min((c.span.column for c in row.cells if c.span is not None and c.span.line == row.line), default=None)
    return first is not None and any(ch in "123456789" for ch in text[first - 1:])


def scanned_rows_checked(rows: dict[str, Row], infos: Sequence[LineInfo], issues: list[Issue],
                         order: Sequence[str]) -> dict[str, Row]:
    """``rows``, in a table read from a scan, with a rule's 1 taken off where the row's total
    says so and the other rows that do not vouch for their reading left unread. (As the
    confidence: a table read whole, every row of ``order`` there, lost no row to a scan;
    OCR's letters for digits in its cells, ``lO``, are written non-counts, A108's.)"""
    if all(key in rows and rows[key].line > 0 for key in order if not key.startswith("G")):
        return rows
    scan = from_a_scan(infos)
    with_pieces = {info.number for info in infos if debris_piece(info.text) is not None}
    if not scan and not with_pieces:
        return rows  # (every table but a scan's)
    texts = {info.number: info.text for info in infos}
    out = dict(rows)
    for key, row in rows.items():
        written = tuple(c for c in (*row.cells, *row.extra) if c.span is not None)
        label = row.label.text if row.label else ""
        if not written or adds_up([c.value for c in row.cells]) \
                or (zeros_of_a_short_row(row) and not _other_digits(row, texts.get(row.line, ""))):
            continue
        column = _rule_taken_off(row) if scan or row.line in with_pieces else None
        if column is not None:
            cell = row.cells[column]
            cells = list(row.cells)
            cells[column] = Cell(_without_a_rule(cell.value), cell.raw, cell.span, cell.unit)
            out[key] = Row(key, row.label, tuple(cells), row.line, row.extra, row.count, row.subtotal)
            issues.append(Issue("t3-scan-rule-digit", cell.span, "t3", key, label, values=(cell.raw,)))
            continue
        if not scan:
            continue  # (a row with a piece of a rule in a table read well: as read)
        out[key] = Row(key, row.label, to_cells([None] * len(row.cells)), row.line, written, row.count, None)
        issues.append(Issue("t3-scan-unsure", Span(row.line), "t3", key, label,
                            found=len(written), values=tuple(c.raw for c in written)))
    return out
