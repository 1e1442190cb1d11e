"""Layout "numbered rows": a 序号 column before the row labels (spreadsheet exports, some
offices' Word tables), "1 | 一、本年新收… | 0 | …" — or the number alone where the label cell
was left empty or lost. The numbers are no cells of the table: they go before any row is
placed, else every row reads one value too many and its values one column off.

A leading number is a row number only where a whole run of rows says so: at least
:data:`MIN_RUN` rows in a row whose first values count up from 1 (a step of 1 to
:data:`MAX_STEP`, rows such as group labels may go unnumbered or be numbered apart), each
holding a value more than its row has cells, the number printed before the row's label;
then also the rows between two of them whose first value is the number missing there.
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence


MIN_RUN = 5
MAX_STEP = 3
#: Tables have a few dozen rows: a longer "row number" is a count.
MAX_ROW_NUMBER_DIGITS = 3


def _leading_number(vec, width_of: Callable[[str], int], full_width: int) -> Optional[int]:
    """The row's first value as a row number, when it can be one (else None)."""
    vals = vec.cells  # (kinds, texts and numbers: the line table's cells, lines beside them)
    # (The value the cell reader parsed, not the text again: "²" is a digit to str.isdigit
    # and no number to int, and a row number never has thousands of digits.)
    if not vals or vals[0].kind != "num" or type(vals[0].value) is not int or len(vals[0].text) > MAX_ROW_NUMBER_DIGITS:
        return None
    number = vals[0].value
    need = width_of(vec.key) if vec.key is not None else full_width
    if len(vals) == 1 and (vec.key is None or need == 0):
        return number  # a group label's line: its number alone
    if len(vals) <= need or (vec.key is None and need == 0):
        return None
    if vec.label is not None and (vec.label.line, vec.label.column) < (vec.line_of(0), vals[0].column):
        return None  # printed after its label: a cell of the row
    return number


def _numbered_run(numbers: Sequence[Optional[int]]) -> list[int]:
    """Positions of the longest run of row numbers counting up from 1 or 2 (empty when
    shorter than MIN_RUN)."""
    best: list[int] = []
    run: list[int] = []
    for pos, n in enumerate(numbers):
        if n is None:
            continue  # a row that cannot hold a number (a group label's line): skipped
        if run and 1 <= n - numbers[run[-1]] <= MAX_STEP:
            run.append(pos)
        else:
            run = [pos] if n <= 2 else []
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= MIN_RUN else []


def _numbered_inside(vectors: Sequence, positions: Sequence[int]) -> list[int]:
    """Rows between two rows of the run whose first value is the number missing between
    theirs (3 and 4 between 2 and 5), and rows after its last that go on counting: numbered
    too, though they hold no value more than their cells (a cell left empty where nothing
    marks it, 「3　0　0　0　0　0　0」)."""
    if not positions:
        return []
    numbers = [vectors[pos].cells[0].value for pos in positions]
    bounds = list(zip(positions, numbers, positions[1:] + [len(vectors)], numbers[1:] + [None]))
    inside = []
    for a, n, b, m in bounds:
        expect = n + 1
        for pos in range(a + 1, b):
            if m is not None and expect >= m:
                break
            vec = vectors[pos]
            vals = vec.cells
            if vals and vals[0].kind == "num" and vals[0].value == expect and not (
                    vec.label is not None and (vec.label.line, vec.label.column) < (vec.line_of(0), vals[0].column)):
                inside.append(pos)  # (a number printed after its label is a cell of the row)
                expect += 1
            elif m is None and vals:
                break  # after the run, the count stops at the first row that does not go on
    return inside


def _empty_label_cell(vec) -> bool:
    vals = vec.cells
    return vec.separated and vec.label is None and len(vals) > 1 and vals[1].kind == "blank" and not vals[1].text


def drop_row_numbers(vectors: list, width_of: Callable[[str], int], full_width: int) -> None:
    """Take the row numbers out of the vectors of a numbered table, in place; on rows cut
    into cells whose label cells are all empty, the empty label cell after each number too
    (an empty cell there is the label column, not a blank value). A group label's line,
    left with no value, is no row of values."""
    positions = _numbered_run([_leading_number(v, width_of, full_width) for v in vectors])
    run = [vectors[pos] for pos in sorted(positions + _numbered_inside(vectors, positions))]
    unlabelled = [v for v in run if v.label is None]
    label_column = bool(unlabelled) and all(map(_empty_label_cell, unlabelled))
    for vec in run:
        vec.values = vec.values[2:] if label_column and vec.label is None else vec.values[1:]
    if run:
        vectors[:] = [v for v in vectors if v.values]
