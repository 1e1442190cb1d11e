"""The identities of FORMAT.md §5.4 and §6 as data, and the culprit analysis they share.

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

from gplint.confidence import table_confidence
from gplint.model import ABSENT, T3_COLS, T3_GROUPS, T3_LEAVES, T3_ROWS, Cell, Report, Span

COL_NAMES = {
    "C1": "自然人", "C2": "商业企业", "C3": "科研机构", "C4": "社会公益组织",
    "C5": "法律服务机构", "C6": "其他（法人或其他组织）", "C7": "总计",
}
ROW_NAMES = {
    "R01": "一、本年新收", "R02": "二、上年结转", "R03": "（一）予以公开", "R04": "（二）部分公开",
    "R05": "（三）1.属于国家秘密", "R06": "（三）2.其他法律行政法规禁止公开", "R07": "（三）3.危及“三安全一稳定”",
    "R08": "（三）4.保护第三方合法权益", "R09": "（三）5.属于三类内部事务信息", "R10": "（三）6.属于四类过程性信息",
    "R11": "（三）7.属于行政执法案卷", "R12": "（三）8.属于行政查询事项", "R13": "（四）1.本机关不掌握相关政府信息",
    "R14": "（四）2.没有现成信息需要另行制作", "R15": "（四）3.补正后申请内容仍不明确",
    "R16": "（五）1.信访举报投诉类申请", "R17": "（五）2.重复申请", "R18": "（五）3.要求提供公开出版物",
    "R19": "（五）4.无正当理由大量反复申请", "R20": "（五）5.要求行政机关确认或重新出具已获取信息",
    "R21": "（六）1.逾期不补正", "R22": "（六）2.逾期未缴纳费用", "R23": "（六）3.其他",
    "R24": "（七）总计", "R25": "四、结转下年度继续办理", "G3": "（三）不予公开", "G4": "（四）无法提供",
    "G5": "（五）不予处理", "G6": "（六）其他处理",
}
T4_BLOCK_NAMES = {"review": "行政复议", "direct": "行政诉讼·未经复议直接起诉", "after_review": "行政诉讼·复议后起诉"}
T4_COL_NAMES = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}

CellKey = tuple[str, str]  # (row or group, column) in T3; (block, column) in T4


@dataclass(frozen=True)
class Identity:
    """``sum(left) = sum(right)`` over cells; ``kind`` names the FORMAT identity."""

    kind: str  # "SUM-RESULTS" | "BALANCE" | "ROW-TOTAL" | "GROUP-SUBTOTAL" | "T4-BLOCK-TOTAL"
    scope: str  # the column ("C1") or row ("R03") or block it applies to
    left: tuple[CellKey, ...]
    right: tuple[CellKey, ...]
    #: The cell a finding about the whole identity is placed on (the printed total).
    anchor: CellKey
    #: ``left + right``: every operand, each once per side.
    operands: tuple[CellKey, ...] = field(init=False, repr=False, compare=False)
    #: The operands' values out of a list laid out by :data:`_T3_SLOT`, in one C call;
    #: None when an operand has no slot there (a group row, a table 四 cell).
    _get: Optional[Callable] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "operands", self.left + self.right)
        slots = [_T3_SLOT.get(k) for k in self.operands]
        fast = len(slots) > 1 and None not in slots
        object.__setattr__(self, "_get", itemgetter(*slots) if fast else None)


#: Each T3 data cell's place in a flat list of the table's values (row by row), so that an
#: identity reads its operands by list index instead of hashing (row, column) keys.
_T3_SLOT: dict[tuple[str, str], int] = {
    (r, c): i * len(T3_COLS) + j for i, r in enumerate(T3_ROWS) for j, c in enumerate(T3_COLS)}
_T3_ROW_BASE: dict[str, int] = {r: i * len(T3_COLS) for i, r in enumerate(T3_ROWS)}
_T3_WIDTH = len(T3_COLS)


@dataclass(slots=True)
class Evaluated:
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
    cell: CellKey
    expected: Decimal
    identities: list[Evaluated] = field(default_factory=list)


@dataclass
class T3Analysis:
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
        return g.cells[T3_COLS.index(col)] if g is not None else Cell()
    return t3.cell(row, col)


def t3_identities(report: Report) -> list[Identity]:
    """Every T3 identity that applies to this report's printed rows."""
    t3 = report.t3
    if t3 is None:
        return []
    # A row is printed when it has a line (a group row: when it was read); list
    # comprehensions: a generator costs more to start than these few rows to test.
    t3_groups = t3.groups
    printed = tuple([r for r, row in t3.rows.items()
                     if ((r in t3_groups) if r.startswith("G") else (row is not None and row.line > 0))])
    groups = tuple([g for g in sorted(t3_groups) if g in T3_GROUPS])
    return list(_t3_identities(printed, groups))


@lru_cache(maxsize=256)
def _t3_identities(printed: tuple[str, ...], groups: tuple[str, ...]) -> tuple[Identity, ...]:
    """The identities for a table with these printed rows and group rows (few distinct
    shapes occur, and identities are immutable: built once per shape)."""
    printed_set = set(printed)
    leaves = list(T3_LEAVES)
    ids: list[Identity] = []
    sub6 = ("R21", "R22", "R23")
    if "G6" in groups and not any(r in printed_set for r in sub6):
        # （六）其他处理 printed as one row (2019 layout): it stands for its three leaves.
        leaves = [r for r in leaves if r not in sub6] + ["G6"]
    for c in T3_COLS:
        ids.append(Identity("SUM-RESULTS", c, (("R24", c),), tuple((r, c) for r in leaves), ("R24", c)))
    for c in T3_COLS:
        ids.append(Identity("BALANCE", c, (("R01", c), ("R02", c)), (("R24", c), ("R25", c)), ("R24", c)))
    for r in printed + groups:
        ids.append(Identity("ROW-TOTAL", r, ((r, "C7"),), tuple((r, c) for c in T3_COLS[:6]), (r, "C7")))
    # A group row printed with its own subtotals ((三)不予公开 … (六)其他处理) over its leaves.
    for g in groups:
        members = T3_GROUPS[g][1]
        if all(r in printed_set for r in members):
            for c in T3_COLS:
                ids.append(Identity("GROUP-SUBTOTAL", c, ((g, c),), tuple((r, c) for r in members), (g, c)))
    return tuple(ids)


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


_object_new = object.__new__


def analyse_t3(report: Report) -> T3Analysis:
    """Evaluate every T3 identity and assign culprits, once per report (shared by rules)."""
    return report.derived(f"{__name__}.analyse_t3", _analyse_t3)


_NONE_AND_INT = {type(None), int}
_ONE_WIDTH = {_T3_WIDTH}


def t3_small_int_values(report: Report) -> Optional[list]:
    """The T3 rows' values as one flat list laid out by :data:`_T3_SLOT`, when the table is
    the builder's usual one: every row, in order, each of _T3_WIDTH cells, every value None
    or a plain int of magnitude below _SLOT_INT. None for any other table (or none).

    Once per report, shared: analyse_t3 sums identities out of it, A107 passes over rows
    it shows to hold nothing but blanks and counts. Callers must not change the list.
    """
    return report.derived(f"{__name__}.t3_small_int_values", _t3_small_int_values)


def _t3_small_int_values(report: Report) -> Optional[list]:
    t3 = report.t3
    if t3 is None:
        return None
    rows = t3.rows
    if tuple(rows) != T3_ROWS:
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
    ints: list = [None] * (len(T3_ROWS) * _T3_WIDTH)
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


def _analyse_t3(report: Report) -> T3Analysis:
    # Most operands are plain ints: identities over those are summed straight from a flat
    # list of the rows' values (exactly what evaluate gives for them); any other operand
    # (blank, absent, decimal, huge, a group row) leaves None in its slot, and sends its
    # identity through evaluate.
    ints = _t3_slot_values(report)
    # Each cell looked up once: most cells sit in several identities. Cells of rows the
    # reader misread are absent (never an operand).
    cells: dict[CellKey, Cell] = {}
    unread = table_confidence(report, "t3").unread
    if unread:
        ints = list(ints)
        for row in unread:
            base = _T3_ROW_BASE.get(row)
            if base is not None:
                ints[base:base + _T3_WIDTH] = [None] * _T3_WIDTH
            cells.update({(row, c): ABSENT for c in T3_COLS})

    def cell_of(k: CellKey) -> Cell:
        cell = cells.get(k)
        if cell is None:
            cell = cells[k] = t3_cell(report, k)
        return cell

    evaluated = []
    append = evaluated.append
    small = _SMALL_DECIMALS
    for ident in t3_identities(report):
        get = ident._get
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
                # Evaluated(ident, status, left, right) without the dataclass __init__,
                # the Decimals of small sums taken from a table (dozens a report).
                e = _object_new(Evaluated)
                e.identity = ident
                e.status = "holds" if left == right else "broken"
                e.left = small[left] if 0 <= left < 1024 else Decimal(left)
                e.right = small[right] if 0 <= right < 1024 else Decimal(right)
                e.blanks = ()
                append(e)
                continue
        append(evaluate(ident, cell_of))
    broken = [e for e in evaluated if e.status == "broken"]
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
    blank = [e for e in evaluated if e.status == "blank"]
    return T3Analysis(evaluated, culprits, remaining, blank)


def _order(k: CellKey) -> tuple:
    # Prefer totals: a printed total that disagrees with its parts is the usual slip.
    row, col = k
    return (0 if row == "R24" else 1, 0 if col == "C7" else 1, row, col)


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

    if ident.kind == "SUM-RESULTS":
        s, zeros = terms(ident.right, True)
        rest = f"（其余 {zeros} 项为 0）" if zeros else ""
        return (f"{COL_NAMES[ident.scope]}列：{s}{rest} = {fmt_num(ev.right)}，"
                f"但（七）总计为 {fmt_num(ev.left)}")
    if ident.kind == "BALANCE":
        c = ident.scope
        v = {k: fmt_num(cell_of(k).value) for k in ident.left + ident.right}
        return (f"{COL_NAMES[c]}列勾稽关系：一、本年新收 {v[('R01', c)]} + 二、上年结转 {v[('R02', c)]} = {fmt_num(ev.left)}，"
                f"但（七）总计 {v[('R24', c)]} + 四、结转下年度 {v[('R25', c)]} = {fmt_num(ev.right)}")
    if ident.kind == "ROW-TOTAL":
        s, zeros = terms(ident.right, False)
        rest = f"（其余 {zeros} 列为 0）" if zeros else ""
        return (f"“{ROW_NAMES.get(ident.scope, ident.scope)}”行：{s}{rest} = {fmt_num(ev.right)}，"
                f"但总计列为 {fmt_num(ev.left)}")
    if ident.kind == "GROUP-SUBTOTAL":
        s, _ = terms(ident.right, True)
        return f"{COL_NAMES[ident.scope]}列：{s} = {fmt_num(ev.right)}，但（六）其他处理为 {fmt_num(ev.left)}"
    if ident.kind == "T4-BLOCK-TOTAL":
        b = ident.scope
        parts = " + ".join(f"{T4_COL_NAMES[k[1]]} {fmt_num(cell_of(k).value)}" for k in ident.right)
        return f"{T4_BLOCK_NAMES[b]}：{parts} = {fmt_num(ev.right)}，但总计为 {fmt_num(ev.left)}"
    return ident.kind


def expression(ident: Identity) -> str:
    def name(k: CellKey) -> str:
        return f"{k[0]}.{k[1]}"
    return " + ".join(name(k) for k in ident.left) + " = " + " + ".join(name(k) for k in ident.right)


def evidence(ev: Evaluated) -> dict:
    return {"expression": expression(ev.identity), "left": ev.left, "right": ev.right, "delta": ev.delta}


def span_of(cell: Cell, fallback_line: int = 1) -> Span:
    return cell.span if cell.span is not None else Span(max(fallback_line, 1))


def t4_identities(report: Report) -> list[Identity]:
    """The block identities of table 四 whose blocks were read (a misread block, or every
    block of a table that is not assessable, has none: T190 says so)."""
    t4 = report.t4
    if t4 is None:
        return []
    cells = t4.cells
    conf = table_confidence(report, "t4")
    # (A 12-value table has no 总计 columns: no identity for those blocks.)
    return list(_t4_identities(tuple([b for b in _T4_BLOCKS if (b, "total") in cells and conf.readable(b)])))


_T4_BLOCKS = ("review", "direct", "after_review")


@lru_cache(maxsize=8)
def _t4_identities(blocks: tuple[str, ...]) -> tuple[Identity, ...]:
    """The identities of the blocks printed with a total (built once per shape, as
    _t3_identities: identities are immutable)."""
    out = []
    for b in blocks:
        parts = tuple((b, c) for c in ("upheld", "corrected", "other", "pending"))
        out.append(Identity("T4-BLOCK-TOTAL", b, ((b, "total"),), parts, (b, "total")))
    return tuple(out)
