"""What an assessment says (see :mod:`gplint.confidence`): the row flags, the threshold
below which a table is not assessable, and the confidence of a row and of a table."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping, Optional

from ..model import T4_BLOCKS, Issue, Span

#: Below this score a table is not assessable: no check reads any of its cells.
THRESHOLD = 0.5
#: A count at or above this in table 三 or 四 is a misreading (no agency reports a million
#: applications or cases in a year; a run of fused cells reads as such a number).
IMPLAUSIBLE_COUNT = 10 ** 6
#: A row read as one value with this many digits or more is a whole row run together.
DIGIT_RUN = 7

MISREAD_FLAGS = frozenset({"ambiguous-split", "digit-run", "fused-digits", "implausible", "unplaced", "gaps-unknown",
                           "gathered", "spilled", "misplaced", "interleaved", "stacked", "page-lost",
                           "scan-unsure"})
UNSURE_FLAGS = frozenset({"too-few", "too-many", "no-values"})
FLAGS = MISREAD_FLAGS | UNSURE_FLAGS | {"blank"}
#: What a blank cell may be written as (FORMAT §5.4: not given, never 0).
PLACEHOLDERS = frozenset({"", "—", "——", "－", "-", "–", "/", "／", "\\", "无", "空", "/ ", "×"})


@dataclass(slots=True, unsafe_hash=True)
class RowConfidence:
    """How one row (table 四: one block) was read."""

    key: str
    #: The row's line (0 when unknown).
    line: int
    #: Values the row should carry, and how many the text gave (blank cells included).
    expected: int
    found: int
    flags: frozenset[str] = frozenset()
    #: Where the misreading is (the first suspicious value, or the reader's issue).
    span: Optional[Span] = None
    #: The suspicious value as written ("2000002", "023"), for messages.
    raw: str = ""

    @property
    def misread(self) -> bool:
        """The reader misread this row: none of its cells may feed a check."""
        return not self.flags.isdisjoint(MISREAD_FLAGS)

    @property
    def certain(self) -> bool:
        """Every value placed, none left over, none suspicious."""
        return self.flags <= {"blank"}




@dataclass(frozen=True)
class TableConfidence:
    """How sure the reading of one table ("t2", "t3" or "t4") is."""

    table: str
    #: The table's header or rows were found in the text (it is not missing).
    found: bool
    #: Every printed row (table 四: every block) by key.
    rows: Mapping[str, RowConfidence] = field(default_factory=dict)
    #: Values the reader could not place in any row.
    unplaced: int = 0
    #: No zero is written anywhere in the table and many cells are blank or "—": the
    #: table writes its zeros as placeholders.
    blank_zeros: bool = False
    #: Share of printed rows read with certainty (0 for a table found with no values).
    score: float = 1.0
    #: Where a table-level finding goes (the table's first line).
    span: Optional[Span] = None
    #: The reader's issue when it found the table printed in a form it recognised but
    #: could not read (table 三 as sentences or turned: ``t3-other-form``).
    form: Optional[Issue] = None
    #: Where the table's section holds a picture and no table text: the table was
    #: published as an image (a page's ``<img>``, a markdown image). Found, not readable.
    image: Optional[Span] = None
    #: Where the reader left two or more values of a line in no row: a row's values whose
    #: row is unknown, so no sum down a column can be checked. (A number alone is most
    #: often a wrapped label's own numbering, "1." of "1.申请人…", cut off on its own line.)
    rows_left_over: tuple[Span, ...] = ()
    #: (lines of the table's region, rows read) when the region's many lines gave few rows
    #: (an OCR's table, its labels broken and its zeros lost): the table was not read.
    sparse: Optional[tuple[int, int]] = None
    #: (lines, an example) when the table's region holds several lines of OCR's pieces
    #: of rules and zeros ("|o lo le": :mod:`gplint.reader.scan_debris`): the table was not read.
    scanned: Optional[tuple[int, str]] = None

    @property
    def assessable(self) -> bool:
        return self.score >= THRESHOLD

    # Computed once: the checks ask a table's confidence about every row they read. (Not
    # slotted, so that cached_property has somewhere to keep them.)
    @cached_property
    def misread_rows(self) -> tuple[str, ...]:
        return tuple(k for k, r in self.rows.items() if r.misread)

    @cached_property
    def unread(self) -> frozenset[str]:
        """Rows no check may read: every row when the table is not assessable."""
        if not self.assessable:
            return frozenset(self.rows) | _ALL_ROWS.get(self.table, frozenset())
        return frozenset(self.misread_rows)

    def readable(self, row: str) -> bool:
        """Whether the checks may use this row's (table 四: block's) cells."""
        if not self.found:
            return True  # nothing read: nothing misread (absent cells are absent)
        return row not in self.unread


_ALL_ROWS = {
    "t3": frozenset([f"R{i:02d}" for i in range(1, 26)] + [f"G{i}" for i in range(1, 7)]),
    "t4": frozenset(T4_BLOCKS),
    "t2": frozenset(("rules", "norm", "licensing", "penalty", "coercion", "fees", "other_services",
                     "procurement")),
}
