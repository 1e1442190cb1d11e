"""Table 三's runs: the cuts of a row's digits that keep its total (of all seven cells, or
with one applicant cell left empty), and the choice between them for the whole table at
once by the column identities (:func:`resolve_t3`). See :mod:`.runs` for when a row is a
run and for the bounds that keep every enumeration small.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

from .. import format as F
from .runs import MAX_CELL_DIGITS, MAX_COMBINATIONS, MAX_SPLITS, Values, keeps_boundaries, splits

_T3 = F.T3_2021
_COLUMNS = _T3.column_keys
_TOTAL = _COLUMNS.index(_T3.total_column)
#: The column identities a table 三's runs are cut by (the row totals are the candidates').
_COLUMN_IDENTITIES = ("SUM-RESULTS", "BALANCE")

Share = tuple[Optional[int], ...]
#: The most cuts of one run :func:`_one_row_at_fault` weighs.
REPAIR_CUTS = 1000


def _row_total_holds(values: Values) -> bool:
    return None not in values and sum(v for i, v in enumerate(values) if i != _TOTAL) == values[_TOTAL]


def t3_row_splits(digits: str, limit: int = MAX_SPLITS) -> list[Values]:
    """The cuts of a table 三 row's run into its 7 cells whose 总计 is the sum of the
    others (an empty list when none is, or when there are more than ``limit``)."""
    return _cuts_keeping_total(digits, len(_COLUMNS) - 1, limit)


def t3_row_splits_with_blank(digits: str, limit: int = MAX_SPLITS) -> list[Values]:
    """The cuts of a run that lost one applicant cell (the page left it empty): six
    numbers whose last is the sum of the others, the empty cell (None) in each applicant
    column it could be in."""
    parts = len(_COLUMNS) - 1
    out: list[Values] = []
    for cut in _cuts_keeping_total(digits, parts - 1, limit):
        for at in range(parts):
            out.append(cut[:at] + (None,) + cut[at:])
    return out if len(out) <= limit else []


def _combinations(cut_lists: Iterable[Sequence[Values]]) -> int:
    out = 1
    for cuts in cut_lists:
        out *= len(cuts)
    return out


def _row_candidates(digits: str) -> list[Values]:
    """The cuts of a table 三 row's run that keep its total: of all seven cells, and with
    one applicant cell left empty (a page that prints nothing for a zero loses that cell
    from the run). An empty cell where a full cut has a 0 is that cut (the same numbers);
    any other is a reading of its own, so a run that adds up both ways is not taken for
    the full one unseen (217|0|798|0|—|0|1015 and 21|7|0|7|980|0|1015 print alike)."""
    full = t3_row_splits(digits)
    if not digits or len(digits) > (len(_COLUMNS) - 1) * MAX_CELL_DIGITS + MAX_CELL_DIGITS:
        return full
    same = {tuple(0 if v is None else v for v in cut) for cut in full}
    with_blank = [cut for cut in t3_row_splits_with_blank(digits)
                  if tuple(0 if v is None else v for v in cut) not in same]
    if not full:
        return with_blank
    cuts = full + with_blank
    return cuts if len(cuts) <= MAX_SPLITS else []


def _cuts_keeping_total(digits: str, parts: int, limit: int) -> list[Values]:
    """Cuts of ``digits`` into ``parts`` numbers and a last one equal to their sum.

    The total is the run's tail. The head is cut from its end, one number at a time, and
    a branch is left as soon as what is left of the total is out of reach of the digits
    before it (:func:`_sum_bounds`), so only branches that lead to a cut are walked,
    however long the run. Numbers have no leading zero and at most
    :data:`MAX_CELL_DIGITS` digits; more than ``limit`` cuts give an empty list. The cuts
    come by the total's length, then by the lengths of the numbers from the left."""
    n = len(digits)
    if not parts + 1 <= n <= (parts + 1) * MAX_CELL_DIGITS:
        return []
    ending = _numbers_ending(digits)
    bounds = _sum_bounds(ending, parts)
    out: list[Values] = []
    # (end, numbers left to cut from digits[:end], the numbers after them, what they must
    # add up to): a stack, not a recursive closure, whose reference cycle would keep the
    # tables alive until a collection the runner makes only every thousand files.
    stack = [(start, parts, (total,), total) for start, total in ending[n]
             if (reach := bounds[parts][start]) is not None and reach[0] <= total <= reach[1]]
    while stack:
        end, left, after, needed = stack.pop()
        if left == 1:  # the bounds of digits[:end] as one number: it is ``needed``
            out.append((needed,) + after)
            if len(out) > limit:
                return []
            continue
        before = bounds[left - 1]
        for start, value in ending[end]:
            if value > needed:
                break
            reach = before[start]
            if reach is not None and reach[0] <= needed - value <= reach[1]:
                stack.append((start, left - 1, (value,) + after, needed - value))
    out.sort(key=lambda values: (len(str(values[-1])), [len(str(v)) for v in values]))
    return out


def _numbers_ending(digits: str) -> list[list[tuple[int, int]]]:
    """``ending[end]``: (start, value) of each number ``digits[start:end]`` may be (1 to
    :data:`MAX_CELL_DIGITS` digits, no leading zero), shortest first (so smallest first)."""
    ending: list[list[tuple[int, int]]] = [[]]
    for end in range(1, len(digits) + 1):
        ending.append([(start, int(digits[start:end])) for start in range(end - 1, max(0, end - MAX_CELL_DIGITS) - 1, -1)
                       if digits[start] != "0" or start == end - 1])
    return ending


def _sum_bounds(ending: list[list[tuple[int, int]]], parts: int) -> list[list[Optional[tuple[int, int]]]]:
    """``bounds[j][end]``: the least and the greatest sum of the run's first ``end`` digits
    cut into ``j`` numbers (:func:`_numbers_ending`), where the rest of the run can hold
    the other ``parts - j`` numbers and the total; None where it cannot be cut so. Not
    every sum in between is reached, but none outside is."""
    n, most = len(ending) - 1, MAX_CELL_DIGITS
    bounds: list[list[Optional[tuple[int, int]]]] = [[(0, 0)] + [None] * n]
    for j in range(1, parts + 1):
        before, row = bounds[-1], [None] * (n + 1)
        rest = parts - j + 1  # numbers after the j-th, the total included
        for end in range(max(j, n - rest * most), min(j * most, n - rest) + 1):
            sums = [(reach[0] + value, reach[1] + value)
                    for start, value in ending[end] if (reach := before[start]) is not None]
            if sums:
                row[end] = (min(s[0] for s in sums), max(s[1] for s in sums))
        bounds.append(row)
    return bounds


class _Residuals:
    """The column identities of one table 三 as coefficients: how much a row's cells add
    to each identity's left side minus its right (0 when the identity holds), so that a
    candidate cut is scored by adding its share, not by evaluating every identity again."""

    def __init__(self, rows: Sequence[str]) -> None:
        printed = tuple(k for k in rows if k.startswith("R"))
        groups = tuple(k for k in rows if k.startswith("G"))
        self.identities = [i for i in F.t3_identities(printed, groups) if i.kind in _COLUMN_IDENTITIES]
        self.terms: dict[str, list[tuple[int, int, int]]] = {}  # row -> (identity, column, sign)
        for j, identity in enumerate(self.identities):
            for sign, side in ((1, identity.left), (-1, identity.right)):
                for row, column in side:
                    self.terms.setdefault(row, []).append((j, _COLUMNS.index(column), sign))

    def share(self, row: str, values: Sequence[Optional[int]]) -> Share:
        """``row``'s share of every residual; None where it enters with an unknown cell."""
        out: list[Optional[int]] = [0] * len(self.identities)
        for j, column, sign in self.terms.get(row, ()):
            v, acc = values[column], out[j]
            out[j] = None if v is None or acc is None else acc + sign * v
        return tuple(out)


def _add(a: Sequence[Optional[int]], b: Sequence[Optional[int]]) -> list[Optional[int]]:
    return [None if x is None or y is None else x + y for x, y in zip(a, b)]


def resolve_t3(runs: dict[str, str], known: dict[str, Sequence[Optional[int]]],
               rows: Sequence[str], boundaries: Optional[dict[str, frozenset[int]]] = None
               ) -> tuple[dict[str, Values], set[str]]:
    """Choose how each row's run is cut, for the whole table at once.

    ``runs``: row key -> its digits; ``known``: rows read as they stand (7 values, None
    for a cell not read); ``rows``: every row key of the table, in order (G6 in place of
    R21-R23 when the table prints （六）其他处理 as one row). Candidates for a
    row are the cuts that satisfy its row total, of all seven cells or with one applicant
    cell left empty (a run no such cut explains stays unread); an assignment scores one
    for each column identity it satisfies. ``boundaries``:
    for a row whose printed cells may have lost boundaries, where they ended (a cut must
    keep them: :func:`keeps_boundaries`). Returns (the cuts
    chosen, the rows left ambiguous): a row is cut only when every best-scoring assignment
    cuts it the same way: where the identities cannot tell a cut of all seven cells from
    one with an empty cell that reads other numbers, the row is left unread
    (:func:`_row_candidates`)."""
    residuals = _Residuals(rows)
    candidates, ambiguous = _row_cuts(runs, boundaries)
    if _combinations(candidates.values()) > MAX_COMBINATIONS:
        _leave_blank_readings(candidates, ambiguous)
    residual = _residual_of_rows_not_cut(rows, known, candidates, ambiguous, residuals)
    chosen: dict[str, Values] = {}
    variable: list[str] = []
    for key, cands in candidates.items():
        if len(cands) == 1:
            chosen[key] = cands[0]
            residual = _add(residual, residuals.share(key, cands[0]))
        else:
            variable.append(key)
    if _combinations(candidates[key] for key in variable) > MAX_COMBINATIONS:
        return chosen, ambiguous | set(variable)
    options = [[(v, residuals.share(key, v)) for v in candidates[key]] for key in variable]
    best_picks = _best_picks(residual, [[share for _, share in o] for o in options])
    for row, key in enumerate(variable):
        picked = {pick[row] for pick in best_picks}
        if len(picked) == 1:
            chosen[key] = options[row][picked.pop()][0]
        else:
            ambiguous.add(key)
    _one_row_at_fault(runs, chosen, known, rows, residuals, ambiguous)
    return chosen, ambiguous


def _row_cuts(runs: dict[str, str], boundaries: Optional[dict[str, frozenset[int]]]
              ) -> tuple[dict[str, list[Values]], set[str]]:
    """Each run's candidate cuts (row key -> cuts), and the runs no cut explains."""
    candidates: dict[str, list[Values]] = {}
    ambiguous: set[str] = set()
    for key, digits in runs.items():
        # Only cuts that keep the row total: a cut that breaks it would be the reader's
        # guess turned into the report's error.
        if boundaries and key in boundaries:
            # Printed numbers that may have lost boundaries: a cut adds boundaries, never
            # a cell the row does not show (six numbers for seven cells stay six).
            cuts = t3_row_splits(digits) or t3_row_splits_with_blank(digits)
            cuts = [v for v in cuts if keeps_boundaries(v, boundaries[key])]
        else:
            cuts = _row_candidates(digits)
        if cuts:
            candidates[key] = cuts
        else:
            ambiguous.add(key)
    return candidates, ambiguous


def _leave_blank_readings(candidates: dict[str, list[Values]], ambiguous: set[str]) -> None:
    """Too many readings to weigh together: fewer, in place. In a table where some run adds
    up only with an empty cell (the table leaves cells empty), a row whose reading depends
    on whether a cell was left empty is left unread; in one where none does, such a row
    keeps its cuts of all seven (an empty cell nothing shows is the less likely reading,
    and leaving every such row unread would leave 3 % of all rows unread)."""
    blanks_seen = any(all(None in v for v in cuts) for cuts in candidates.values())
    for key, cuts in list(candidates.items()):
        full = [v for v in cuts if None not in v]
        if full and len(full) < len(cuts):
            if blanks_seen:
                del candidates[key]
                ambiguous.add(key)
            else:
                candidates[key] = full


def _residual_of_rows_not_cut(rows: Sequence[str], known: dict[str, Sequence[Optional[int]]],
                              candidates: dict[str, list[Values]], ambiguous: set[str],
                              residuals: _Residuals) -> list[Optional[int]]:
    """The identities' residuals from the rows read as they stand and the rows left
    unread (their cells unknown): what every candidate cut is weighed against."""
    residual: list[Optional[int]] = [0] * len(residuals.identities)
    unknown_row = (None,) * len(_COLUMNS)
    for key in rows:
        if key in known:
            residual = _add(residual, residuals.share(key, known[key]))
        elif key in ambiguous or key not in candidates:
            residual = _add(residual, residuals.share(key, unknown_row))
    return residual


def _best_picks(residual: Sequence[Optional[int]], shares: Sequence[Sequence[Share]]) -> list[tuple[int, ...]]:
    """The picks (one index into ``shares[row]`` for each row) whose residuals, added to
    ``residual``, score best (:func:`_score`), in the order of ``itertools.product``.
    Every combination is scored; the residuals of a pick's first rows are added once for
    all the picks that share them."""
    best: Optional[int] = None
    best_picks: list[tuple[int, ...]] = []
    # (rows picked, their residuals added, the pick so far), depth first; each row's
    # choices pushed last first, so picks come in itertools.product's order.
    stack: list[tuple[int, Sequence[Optional[int]], tuple[int, ...]]] = [(0, residual, ())]
    while stack:
        row, total, pick = stack.pop()
        if row == len(shares):
            score = _score(total)
            if best is None or score > best:
                best, best_picks = score, [pick]
            elif score == best:
                best_picks.append(pick)
            continue
        for index in range(len(shares[row]) - 1, -1, -1):
            stack.append((row + 1, _add(total, shares[row][index]), pick + (index,)))
    return best_picks


def _score(total: Sequence[Optional[int]]) -> int:
    """Identities kept count for a reading, broken against it; unknown ones (a cell empty
    or unread) for neither, so an empty cell neither wins nor loses by being empty."""
    return sum(1 if x == 0 else -1 for x in total if x is not None)


def _one_row_at_fault(runs: dict[str, str], chosen: dict[str, Values], known: dict[str, Sequence[Optional[int]]],
                      rows: Sequence[str], residuals: _Residuals, ambiguous: set[str]) -> None:
    """When the cuts chosen break column identities and exactly one other cut of one run
    breaks fewer, take that cut: the report is then wrong where one cell is (its row total
    and the column sum through it) rather than in every column the first cut moved a value
    into (119|38|5|40|7|0|209 keeps the row total and breaks three column sums where
    119|38|54|0|7|0|209 breaks the row total and one). Changes ``chosen`` in place."""
    def broken(total: Sequence[Optional[int]]) -> int:
        return sum(1 for x in total if x not in (0, None))

    unknown = (None,) * len(_COLUMNS)
    shares = {}
    for key in rows:
        row = chosen.get(key, known.get(key))
        shares[key] = residuals.share(key, row if row is not None and key not in ambiguous else unknown)
    total: list[Optional[int]] = [0] * len(residuals.identities)
    for share in shares.values():
        total = _add(total, share)
    now = broken(total)
    if not now:
        return  # nothing broken: what nearly every table is
    best, fixes = now, []
    for key in chosen:
        if key not in runs:
            continue
        # The residuals without this row's share (a row's share is never unknown here).
        rest = [None if t is None else t - (x or 0) for t, x in zip(total, shares[key])]
        # (A run of more cuts than REPAIR_CUTS is not weighed: too many readings to single
        # one out, and the search stays small whatever the table.)
        for values in splits(runs[key], len(_COLUMNS), REPAIR_CUTS):
            n = broken(_add(rest, residuals.share(key, values))) if values != chosen[key] else now
            if n < best:
                best, fixes = n, [(key, values)]
            elif n == best and fixes:
                fixes.append((key, values))
    if len(fixes) == 1:  # more than one way to break fewer: the reading stands
        key, values = fixes[0]
        chosen[key] = values
