"""Table 三 rows with one value more or fewer than the header's columns: which reading
the row's own identities allow (a row total; a 小计 column's sum of the five legal-person
columns). Used by :func:`gplint.reader.t3.build_t3` for a row of eight values under seven
columns (an intruder to drop) and for seven values under eight columns (a 小计 column), and
to place a 小计 column the header names."""
from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Optional, Sequence

from .. import format as F
from .. import labels as L
from .cells import LCell

#: The header's words for its columns, and for the group over the five legal-person ones.
_HEADER_WORDS = (*((c.key, w) for c in F.T3_2021.columns for w in c.words), ("group", L.T3_COLUMN_GROUP))
_LEGAL_PERSON_COLUMNS = frozenset(c.key for c in F.T3_2021.columns[1:6])


def subtotal_column(header_text: str) -> Optional[int]:
    """Where a 法人或其他组织 小计 column stands among the eight values, when table 三's
    header adds one (FORMAT §5.1: a derived column, read and set aside, never part of the
    总计 sum); None when it adds none."""
    # (Headed 小计, or 合计 in a header that heads the last column 总计.)
    word = "小计" if "小计" in header_text else "合计" if "合计" in header_text and "总计" in header_text else None
    return subtotal_position(header_text, word) if word is not None else None


def subtotal_position(text: str, word: str) -> int:
    """Where the header's 小计 column sits among the eight values: closing the group (after
    其他, before 总计) when the header word just before it is one of the five legal-person
    columns'; else right after 自然人 when the next header word after it is 商业企业 or the
    group's 法人或其他组织, and closing the group otherwise. The next word, not the 小计's
    place before or after 商业企业: a 小计 cell merged over a two-row header is read with the
    top row (自然人 法人或其他组织 小计 总计), before the 商业企业 of the row below it. The word
    before first: a header wrapped beside its caption (text laid out in columns) runs the
    next line's pieces of words (企业, 机构) after a closing 小计."""
    at = text.find(word)
    before = text[:at]
    # (The group's word ends where the 其他组织 inside it does: the longer word wins.)
    ends = [(before.rfind(w) + len(w), len(w), key) for key, w in _HEADER_WORDS if w in before]
    if ends and max(ends)[2] in _LEGAL_PERSON_COLUMNS:
        return 6
    after = text[at + len(word):]
    # (The group's word is found before the 其他 inside it: the nearest word wins.)
    found = [(after.find(w), key) for key, w in _HEADER_WORDS if w in after]
    return 1 if found and min(found)[1] in ("C2", "group") else 6


#: Where a 小计 column may stand among a row's eight values: right after 自然人, or closing
#: the 法人或其他组织 group before 总计.
SUBTOTAL_PLACES = (1, 6)


def subtotal_the_rows_show(rows: Sequence[Sequence[LCell]], guess: int) -> int:
    """Where the 小计 column stands as the rows of eight values show it: the place whose
    subtotal is the five legal-person columns' sum and whose 总计 is 自然人 plus it. The
    header's ``guess`` stands unless some row fits only the other place and none fits only
    the guess: a header wrapped beside its caption (text laid out in columns) mixes its rows'
    words, and a row of zeros fits both places."""
    only = dict.fromkeys(SUBTOTAL_PLACES, 0)
    for vals in rows:
        if len(vals) != 8 or not all(isinstance(c.value, (int, Decimal)) for c in vals):
            continue
        fitting = [p for p in SUBTOTAL_PLACES if subtotal_fits(vals, p)]
        if len(fitting) == 1:
            only[fitting[0]] += 1
    other = SUBTOTAL_PLACES[1] if guess == SUBTOTAL_PLACES[0] else SUBTOTAL_PLACES[0]
    return other if only[other] and not only.get(guess, 0) else guess


def subtotal_fits(vals: Sequence[LCell], place: int) -> bool:
    """Eight values with the 小计 at ``place``: it is the five legal-person columns' sum
    and the 总计 is 自然人 plus it."""
    nums = [c.value for c in vals]
    sub = nums[place]
    legal = [v for k, v in enumerate(nums[1:7], 1) if k != place]
    return sum(legal) == sub and nums[0] + sub == nums[7]


def short_of_subtotal(vals: Sequence[LCell], subtotal: int
                       ) -> Optional[tuple[list[Optional[LCell]], Optional[LCell]]]:
    """Seven values under a header of eight columns, a 小计 at ``subtotal``: the one place
    of the cell left out where the row total and the subtotal (the five legal-person
    columns' sum) both hold, as (the seven columns, the subtotal cell); None when the
    identities allow several places (a row of zeros allows all eight)."""
    fits = []
    for gap in range(8):
        cells: list[Optional[LCell]] = [*vals[:gap], None, *vals[gap:]]
        sub = cells.pop(subtotal)
        nums = [c.value if c is not None else None for c in cells]
        if sub is not None and None not in nums[1:6] and sum(nums[1:6]) != sub.value:
            continue
        if nums[6] is not None and None not in nums[:6] and sum(nums[:6]) != nums[6]:
            continue
        fits.append((cells, sub))
    return fits[0] if len(fits) == 1 else None


def choose_drop(vals: Sequence[LCell]) -> int:
    """Which of 8 values under seven columns is the intruder: the one whose removal makes
    the row add up (the first such; the first value when none does). Only for a header
    that gives no reason for an eighth value: under a 小计 header the header says which
    value is the subtotal, and a row that does not add up then is a defect to report, not
    a reason to set another value aside."""
    fits = _drop_that_fits(vals)
    return 0 if fits is None else fits


def chosen_from_a_stream(vals: Sequence[LCell], chosen: Sequence[LCell]) -> bool:
    """Whether a row's seven cells were ``chosen`` from more values than a row holds, on
    several lines, without the row total vouching for them: a PDF's stream (pdfminer's
    text boxes, one value a line) puts other rows' values after a row's label, so which
    seven are the row's is unknown, and the cells are left unread rather than misread.
    (Values on the row's one line are its own, however many: a report's error, T103's.)"""
    if len({c.line for c in vals}) < 2:
        return False
    nums = [c.value for c in chosen]
    return not (len(nums) == 7 and all(isinstance(x, (int, Decimal)) for x in nums) and sum(nums[:6]) == nums[6])


def _drop_that_fits(vals: Sequence[LCell]) -> Optional[int]:
    """The first of eight values whose leaving out makes the row add up, or None."""
    for i in range(8):
        rest = [c.value for j, c in enumerate(vals) if j != i]
        if all(isinstance(x, (int, Decimal)) for x in rest) and sum(rest[:6]) == rest[6]:
            return i
    return None


def choose_join(vals: Sequence[LCell]) -> Optional[list[LCell]]:
    """Eight or nine values under seven columns read as seven, one or two numbers each cut
    in two by a cell boundary ("| 9 | 5 |" for 95, as PDF-to-markdown tools cut a cell):
    the one way of joining neighbouring values that makes the row add up; None when
    eight values add up leaving one out (:func:`choose_drop`'s case) or when no way or
    several fit (then the row is the report's own: T103). Empty cells among them (the
    sliver columns a converter makes of an office grid's) are left out first when the
    written values alone are eight or nine."""
    if len(vals) > 9 or any(c.kind == "blank" and not c.text for c in vals):
        written = [c for c in vals if c.kind != "blank" or c.text]
        if len(written) == len(vals) or len(written) not in (8, 9):
            return None
        vals = written
    cuts = len(vals) - 7
    if cuts not in (1, 2) or (cuts == 1 and _drop_that_fits(vals) is not None):
        return None
    found = None
    for joins in itertools.combinations(range(len(vals) - 1), cuts):
        if any(b - a < 2 for a, b in zip(joins, joins[1:])):
            continue  # (a number cut in three is not read)
        joined = _joined_at(vals, joins)
        if joined is not None and sum(c.value for c in joined[:6]) == joined[6].value:
            if found is not None:
                return None
            found = joined
    return found


def _joined_at(vals: Sequence[LCell], joins: Sequence[int]) -> Optional[list[LCell]]:
    """``vals`` with each value at ``joins`` written together with the next one; None when
    a join is no number as written (its first part a 0, a part not a whole number, the
    parts on two lines) or a value is not a number."""
    out: list[LCell] = []
    i = 0
    while i < len(vals):
        first = vals[i]
        if i in joins:
            then = vals[i + 1]
            if not (isinstance(first.value, int) and isinstance(then.value, int)) or first.text.startswith("0") \
                    or then.line != first.line:
                return None
            text = first.text + then.text
            out.append(LCell("num", text, first.line, first.column, then.end_column, int(text)))
            i += 2
        else:
            if not isinstance(first.value, int):
                return None
            out.append(first)
            i += 1
    return out

