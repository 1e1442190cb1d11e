"""The identities of docs/format.md §5.4 and §6 evaluated on a report, and the culprit analysis
they share.

The identities themselves are data in :mod:`gplint.format` (:func:`~gplint.format.t3_identities`,
:func:`~gplint.format.t4_identities`); this module evaluates them on a report's cells, where
a cell can also be blank as written or absent from the text, and words them for messages.

One wrong cell usually breaks one row identity and one or two column identities of table
三 (FORMAT §5.4). ``analyse_t3`` evaluates every identity once, then looks for cells that
take part in two or more broken identities and for which every one of those identities
asks for the same corrected value: such a cell is the likely culprit and is reported once
(rule A101) with the identities as related places. Broken identities that no culprit
explains are reported by their own rules (A102 SUM-RESULTS, A103 BALANCE, A104 ROW-TOTAL,
A105 group subtotal).

An operand that is blank as written ("—", "/", "无", an empty cell) makes its identity
*not assessable*: never read as 0 (A108 says so). An operand that is absent from the text
altogether (the row or value is missing) makes the identity silently not assessable: the
table rules already report the missing row or value.

A row the reader misread, and every row of a table that is not assessable
(``gplint.confidence``), counts as absent: its cells feed no identity (T190 says which
checks were not made).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import Callable, Optional

from gplint import format as F
from gplint.format import CellRef as CellKey, Identity
from gplint.analyses import per_report
from gplint.confidence import table_confidence
from gplint.model import ABSENT, Cell, Report, Span

_T3 = F.T3_2021
_T4 = F.T4
_T3_ROWS = _T3.row_keys
_T3_COLS = _T3.column_keys

#: How messages name a T3 column, a T3 row or group row, a T4 block, a T4 column.
COL_NAMES: dict[str, str] = {c.key: c.name for c in _T3.columns}
ROW_NAMES: dict[str, str] = {**{r.key: r.name for r in _T3.rows},
                             **{g.key: g.label for g in _T3.groups if g.heading and g.key != "G0"}}
T4_BLOCK_NAMES: dict[str, str] = {b.key: b.name for b in _T4.blocks}
T4_COL_NAMES: dict[str, str] = {c.key: c.label for c in _T4.columns}


#: Each T3 data cell's place in a flat list of the table's values (row by row), so that an
#: identity reads its operands by list index instead of hashing (row, column) keys.
_T3_SLOT: dict[tuple[str, str], int] = {
    (r, c): i * len(_T3_COLS) + j for i, r in enumerate(_T3_ROWS) for j, c in enumerate(_T3_COLS)}
_T3_ROW_BASE: dict[str, int] = {r: i * len(_T3_COLS) for i, r in enumerate(_T3_ROWS)}
_T3_WIDTH = len(_T3_COLS)


def _getter(ident: Identity) -> Optional[Callable]:
    """The identity's operands' values out of a list laid out by :data:`_T3_SLOT`, in one C
    call; None when an operand has no slot there (a group row, a table 四 cell)."""
    slots = [_T3_SLOT.get(k) for k in ident.operands]
    return itemgetter(*slots) if len(slots) > 1 and None not in slots else None


@dataclass(slots=True)
class Evaluated:
    """One identity checked on a report: whether it holds, and both sides' sums."""

    identity: Identity
    status: str  # "holds" | "broken" | "blank" | "absent"
    left: Optional[Decimal] = None
    right: Optional[Decimal] = None
    blanks: tuple[CellKey, ...] = ()

    @property
    def delta(self) -> Optional[Decimal]:
        if self.left is None or self.right is None:
            return None
        return self.left - self.right


@dataclass
class Culprit:
    """A cell whose one change would mend every broken identity it takes part in."""

    cell: CellKey
    expected: Decimal
    identities: list[Evaluated] = field(default_factory=list)


@dataclass
class T3Analysis:
    """Table 三's identities evaluated once a report, shared by the arithmetic rules."""

    evaluated: list[Evaluated]
    culprits: list[Culprit]
    #: Broken identities no culprit explains, each reported by its own rule.
    unexplained: list[Evaluated]
    #: Identities that could not be assessed because an operand is blank as written.
    blank: list[Evaluated]


def t3_cell(report: Report, key: CellKey) -> Cell:
    t3 = report.t3
    if t3 is None:
        return Cell()
    row, col = key
    if row.startswith("G"):
        g = t3.groups.get(row)
        return g.cells[_T3_COLS.index(col)] if g is not None else Cell()
    return t3.cell(row, col)


def _t3_shape(report: Report) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rows the report's table 三 prints and its group rows with numbers of their own."""
    t3 = report.t3
    if t3 is None:
        return (), ()
    # A row is printed when it has a line (a group row: when it was read); list
    # comprehensions: a generator costs more to start than these few rows to test.
    t3_groups = t3.groups
    printed = tuple([r for r, row in t3.rows.items()
                     if ((r in t3_groups) if r.startswith("G") else (row is not None and row.line > 0))])
    groups = tuple([g for g in sorted(t3_groups) if g != "G0" and g in _GROUP_KEYS])
    return printed, groups


_GROUP_KEYS = frozenset(g.key for g in _T3.groups)


#: The identities of table 三 that sum its result rows down a column: a row's values left
#: over in the table (read, but placed in no row) are most often a result row's (the long
#: labels of （三）…（六） are the ones that wrap out of recognition), so these sums are
#: unknown. (T3-BALANCE reads 一、二、（七）总计 and 四、, each read whole or absent.)
RESULT_SUM_KINDS = frozenset({"SUM-RESULTS", "GROUP-SUBTOTAL"})


def t3_identities(report: Report) -> list[Identity]:
    """Every T3 identity that applies to this report's printed rows (the format's, for
    the table's shape: :func:`gplint.format.t3_identities`)."""
    if report.t3 is None:
        return []
    return list(F.t3_identities(*_t3_shape(report)))


@lru_cache(maxsize=256)
def _compiled_t3(printed: tuple[str, ...], groups: tuple[str, ...]) -> tuple[tuple[Identity, Optional[Callable]], ...]:
    """The identities of a table shape, each with its fast operand getter (built once per
    shape, as the identities are)."""
    return tuple((ident, _getter(ident)) for ident in F.t3_identities(printed, groups))


def _is_number(v: object) -> bool:
    return isinstance(v, (int, Decimal))


#: Below this size int operands are summed as ints (exact) and converted once: the same
#: Decimal results as summing them as Decimals, far fewer Decimal operations.
_INT_FAST = 10 ** 18
#: The ints _analyse_t3 puts in its flat list: below 2 ** 30 (well under _INT_FAST).
_SLOT_INT = 2 ** 30 - 1


def evaluate(ident: Identity, cell_of) -> Evaluated:
    blanks = []
    absent = False
    values = []  # the operands' values, left then right, each cell read once
    ints = True
    for k in ident.operands:
        cell = cell_of(k)
        v = cell.value
        if type(v) is int:
            if not -_INT_FAST < v < _INT_FAST:
                ints = False
            values.append(v)
        elif v is None or not _is_number(v):
            if cell.span is None:
                absent = True
            else:
                blanks.append(k)
        else:
            ints = False
            values.append(v)
    if blanks:
        return Evaluated(ident, "blank", blanks=tuple(blanks))
    if absent:
        return Evaluated(ident, "absent")
    n = len(ident.left)
    if ints:
        left = Decimal(sum(values[:n]))
        right = Decimal(sum(values[n:]))
    else:
        left = sum(map(Decimal, values[:n]), Decimal(0))
        right = sum(map(Decimal, values[n:]), Decimal(0))
    return Evaluated(ident, "holds" if left == right else "broken", left, right)


def solve_for(ev: Evaluated, key: CellKey, cell_of) -> Optional[Decimal]:
    """The value ``key`` would need for the identity to hold (None if not an operand)."""
    ident = ev.identity
    own = Decimal(cell_of(key).value)
    if key in ident.left:
        return ev.right - (ev.left - own)
    if key in ident.right:
        return ev.left - (ev.right - own)
    return None


#: Decimal(n) of the small sums nearly every identity has (a Decimal is immutable).
_SMALL_DECIMALS = tuple(Decimal(i) for i in range(1024))


_NONE_AND_INT = {type(None), int}
_ONE_WIDTH = {_T3_WIDTH}


@per_report
def t3_small_int_values(report: Report) -> Optional[list]:
    """The T3 rows' values as one flat list laid out by :data:`_T3_SLOT`, when the table is
    the builder's usual one: every row, in order, each of _T3_WIDTH cells, every value None
    or a plain int of magnitude below _SLOT_INT. None for any other table (or none).

    Once per report, shared: analyse_t3 sums identities out of it, A107 passes over rows
    it shows to hold nothing but blanks and counts. Callers must not change the list.
    """
    t3 = report.t3
    if t3 is None:
        return None
    rows = t3.rows
    if tuple(rows) != _T3_ROWS:
        return None
    # One comprehension reads them all, and C checks them: a Python test a cell costs
    # several times as much, and nearly every value is a small int or None.
    cells = [r.cells for r in rows.values()]
    flat = [c.value for row_cells in cells for c in row_cells]
    if set(map(len, cells)) == _ONE_WIDTH and set(map(type, flat)) <= _NONE_AND_INT:
        present = list(filter(None, flat))  # (0 is within bounds as well)
        if not present or (-_SLOT_INT < min(present) and max(present) < _SLOT_INT):
            return flat
    return None


def _t3_slot_values(report: Report) -> list:
    """The T3 rows' values laid out by :data:`_T3_SLOT`: each plain int of magnitude below
    _SLOT_INT in its slot, None in every other slot (blank, absent, decimal, huge)."""
    flat = t3_small_int_values(report)
    if flat is not None:
        return flat
    ints: list = [None] * (len(_T3_ROWS) * _T3_WIDTH)
    t3 = report.t3
    if t3 is None:
        return ints
    bases = _T3_ROW_BASE
    for row, r in t3.rows.items():
        slot = bases.get(row)
        if slot is None:
            continue
        for c in r.cells[:_T3_WIDTH]:
            v = c.value
            # Bounds that are one-digit ints themselves: the interpreter's fast int
            # comparison (10 ** 18 is not); a larger count goes through evaluate,
            # which gives the same result.
            if type(v) is int and -_SLOT_INT < v < _SLOT_INT:
                ints[slot] = v
            slot += 1
    return ints


@per_report
def analyse_t3(report: Report) -> T3Analysis:
    """Evaluate every T3 identity and assign culprits, once per report (shared by rules)."""
    evaluated, cell_of = _evaluate_t3(report)
    culprits, remaining = _culprits([e for e in evaluated if e.status == "broken"], cell_of)
    blank = [e for e in evaluated if e.status == "blank"]
    return T3Analysis(evaluated, culprits, remaining, blank)


def _evaluate_t3(report: Report) -> tuple[list[Evaluated], Callable[[CellKey], Cell]]:
    """Every T3 identity evaluated, and the cell lookup they were evaluated with."""
    # Most operands are plain ints: identities over those are summed straight from a flat
    # list of the rows' values (exactly what evaluate gives for them); any other operand
    # (blank, absent, decimal, huge, a group row) leaves None in its slot, and sends its
    # identity through evaluate.
    ints = _t3_slot_values(report)
    # Each cell looked up once: most cells sit in several identities. Cells of rows the
    # reader misread are absent (never an operand).
    cells: dict[CellKey, Cell] = {}
    confidence = table_confidence(report, "t3")
    unread = confidence.unread
    if unread:
        ints = list(ints)
        for row in unread:
            base = _T3_ROW_BASE.get(row)
            if base is not None:
                ints[base:base + _T3_WIDTH] = [None] * _T3_WIDTH
            cells.update({(row, c): ABSENT for c in _T3_COLS})

    def cell_of(k: CellKey) -> Cell:
        cell = cells.get(k)
        if cell is None:
            cell = cells[k] = t3_cell(report, k)
        return cell

    evaluated = []
    append = evaluated.append
    small = _SMALL_DECIMALS
    compiled = _compiled_t3(*_t3_shape(report)) if report.t3 is not None else ()
    if confidence.rows_left_over:
        # (T190 says which checks were not made; each row's own total still holds.)
        compiled = tuple((ident, get) for ident, get in compiled if ident.kind not in RESULT_SUM_KINDS)
    for ident, get in compiled:
        if get is not None:
            vals = get(ints)
            try:
                total = sum(vals)
            except TypeError:
                pass  # a None among them (int + None): not all plain ints, evaluate below
            else:
                # The left side is one cell for all but T3-BALANCE: no slices then, and
                # the right side is the rest of the (exact, int) total.
                n = len(ident.left)
                left = vals[0] if n == 1 else sum(vals[:n])
                right = total - left
                # The Decimals of small sums come from a table (dozens a report).
                append(Evaluated(ident, "holds" if left == right else "broken",
                                 small[left] if 0 <= left < 1024 else Decimal(left),
                                 small[right] if 0 <= right < 1024 else Decimal(right)))
                continue
        append(evaluate(ident, cell_of))
    return evaluated, cell_of


def _culprits(broken: list[Evaluated], cell_of: Callable[[CellKey], Cell]
              ) -> tuple[list[Culprit], list[Evaluated]]:
    """The cells that explain broken identities (each: one value that would mend two or
    more of them, the most first, totals preferred), and the broken identities no culprit
    explains."""
    culprits: list[Culprit] = []
    remaining = list(broken)
    while True:
        best: Optional[Culprit] = None
        counts: dict[CellKey, list[Evaluated]] = {}
        for e in remaining:
            for k in e.identity.left + e.identity.right:
                counts.setdefault(k, []).append(e)
        for k, evs in counts.items():
            if len(evs) < 2:
                continue
            wanted = {solve_for(e, k, cell_of) for e in evs}
            if len(wanted) != 1:
                continue
            expected = wanted.pop()
            if expected is None or expected < 0:
                continue
            if best is None or len(evs) > len(best.identities) or (
                    len(evs) == len(best.identities) and _order(k) < _order(best.cell)):
                best = Culprit(k, expected, evs)
        if best is None:
            break
        culprits.append(best)
        remaining = [e for e in remaining if e not in best.identities]
    return culprits, remaining


def _order(k: CellKey) -> tuple:
    # Prefer totals: a printed total that disagrees with its parts is the usual slip.
    row, col = k
    return (0 if row == _T3.total_row else 1, 0 if col == _T3.total_column else 1, row, col)


def fmt_num(v: object) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    return str(v)


def describe(ev: Evaluated, cell_of) -> str:
    """A clerk-readable statement of an identity with its numbers, in Chinese."""
    ident = ev.identity

    def terms(keys, by_row: bool) -> tuple[str, int]:
        parts = []
        zeros = 0
        for k in keys:
            v = cell_of(k).value
            name = ROW_NAMES.get(k[0], k[0]) if by_row else COL_NAMES.get(k[1], k[1])
            if v == 0 and len(keys) > 3:
                zeros += 1
                continue
            parts.append(f"{name} {fmt_num(v)}")
        if not parts:
            parts.append("各项均为 0")
            zeros = 0
        return " + ".join(parts), zeros

    def brief(keys) -> str:
        # Each cell by its row's shortest name: "一、本年新收 3 + 二、上年结转 1".
        return " + ".join(f"{_T3.row(k[0]).brief} {fmt_num(cell_of(k).value)}" for k in keys)

    # The sentence says which cell is the printed total (the anchor) and what its parts add
    # up to; the operands and every name come from the identity and the format.
    anchor_row, anchor_col = ident.anchor
    if ident.kind == "SUM-RESULTS":
        s, zeros = terms(ident.right, True)
        rest = f"（其余 {zeros} 项为 0）" if zeros else ""
        return (f"{COL_NAMES[ident.scope]}列：{s}{rest} = {fmt_num(ev.right)}，"
                f"但{ROW_NAMES[anchor_row]}为 {fmt_num(ev.left)}")
    if ident.kind == "BALANCE":
        return (f"{COL_NAMES[ident.scope]}列勾稽关系：{brief(ident.left)} = {fmt_num(ev.left)}，"
                f"但{brief(ident.right)} = {fmt_num(ev.right)}")
    if ident.kind == "ROW-TOTAL":
        s, zeros = terms(ident.right, False)
        rest = f"（其余 {zeros} 列为 0）" if zeros else ""
        return (f"“{ROW_NAMES.get(ident.scope, ident.scope)}”行：{s}{rest} = {fmt_num(ev.right)}，"
                f"但{COL_NAMES[anchor_col]}列为 {fmt_num(ev.left)}")
    if ident.kind == "GROUP-SUBTOTAL":
        s, _ = terms(ident.right, True)
        return f"{COL_NAMES[ident.scope]}列：{s} = {fmt_num(ev.right)}，但{ROW_NAMES[anchor_row]}为 {fmt_num(ev.left)}"
    if ident.kind == "T4-BLOCK-TOTAL":
        parts = " + ".join(f"{T4_COL_NAMES[k[1]]} {fmt_num(cell_of(k).value)}" for k in ident.right)
        return f"{T4_BLOCK_NAMES[ident.scope]}：{parts} = {fmt_num(ev.right)}，但{T4_COL_NAMES[anchor_col]}为 {fmt_num(ev.left)}"
    return ident.kind


def expression(ident: Identity) -> str:
    """"R01.C1 + R02.C1 = R24.C1 + R25.C1": the identity by its cells."""
    return str(ident)


def evidence(ev: Evaluated) -> dict:
    return {"expression": expression(ev.identity), "left": ev.left, "right": ev.right, "delta": ev.delta}


def span_of(cell: Cell, fallback_line: int = 1) -> Span:
    return cell.span if cell.span is not None else Span(max(fallback_line, 1))


def t4_identities(report: Report) -> list[Identity]:
    """The T4 identities of the report's table 四 (the format's, for its printed blocks)
    whose blocks were read (a misread block, or every block of a table that is not
    assessable, has none: T190 says so)."""
    t4 = report.t4
    if t4 is None:
        return []
    cells = t4.cells
    total = _T4.total_column
    conf = table_confidence(report, "t4")
    # (A 12-value table has no 总计 columns: no identity for those blocks.)
    return list(F.t4_identities(tuple([b for b in _T4.block_keys if (b, total) in cells and conf.readable(b)])))
