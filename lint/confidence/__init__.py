"""How sure the reading of each table is: per row, what the reader placed with certainty,
what it guessed or could not read, and one score a table.

``assess(report)`` is a pure function of the :class:`~gplint.model.Report` (its tables and
the reader's ``report.issues``), computed once per report (:func:`gplint.analyses.per_report`) and
shared by every rule that asks. Rules use it so that a misreading never turns into findings:

- a row the reader **misread** (:attr:`RowConfidence.misread`: its digits ran together, a
  split it could not make, a count no agency reports) never feeds an identity (A101-A106),
  a narrative comparison (N1xx) or a row-length error (T103);
- a table whose score is below :data:`THRESHOLD` is **not assessable** as a whole: none of
  its rows feeds any check, and rule T190 says so once, naming the checks not made;
- a table whose header or rows were found is :attr:`TableConfidence.found`, never "missing";
- a table that writes its zeros as "—", "/", "无" or blank cells
  (:attr:`TableConfidence.blank_zeros`) gets one table-level notice instead of one a row.

Row flags (:data:`FLAGS`):

=================  ========================================================  =========
flag               meaning                                                   misread?
=================  ========================================================  =========
ambiguous-split    a digit run the reader could not cut one way (its issue)  yes
digit-run          the row read as one number of 7 or more digits            yes
fused-digits       a value written with a leading zero ("00", "023"): cells  yes
                   run together
implausible        a count of a million or more in table 三 or 四            yes
unplaced           values whose columns cannot be known: a short row in a    yes
                   table that leaves its zeros out; table 四 with more or
                   fewer values than cells
gaps-unknown       a short row with no empty cell written, among three or    yes
                   more short by different counts: cells lost here and
                   there (OCR dropping lone zeros), which columns its
                   values are in is unknown
gathered           twice as many values as the table has columns, or more:  yes
                   several rows' values read as one (a column stream)
misplaced          a row read from a stream of values one a line (a PDF's text   yes
                   boxes) where the column identities, or its own total,
                   show the stream's rows misplaced (left unread)
interleaved        table 四's values read between lines of its header words     yes
                   (a PDF's reading order) and two or more blocks' totals
                   broken by that order
stacked            too many values, two of them in one cell of a pipe row:     yes
                   several rows' cells stacked in one (PDF-to-markdown)
spilled            values one a line, more than the columns, beside a row    yes
                   with fewer (or none): a PDF's reading order put one
                   row's values after the next row's label (both rows)
page-lost          a row missing where the table runs over a page break:     yes
                   the page was not read (an OCR that read nothing of it)
scan-unsure        a row of a table read from a scan (OCR's pieces of rules    yes
                   in its region) whose seven values do not add up, or that
                   is short of a value and has one other than 0: a rule may
                   have been read as a digit (left unread)
too-few            fewer values than the table has columns                   no
too-many           more values than the table has columns                    no
blank              a cell written as a placeholder or left empty             no
no-values          the row's label is there, none of its values              no
=================  ========================================================  =========

A row with a flag that is not a misreading is *unsure*: its cells still feed the checks
(a short row is often the report's own defect, which T103 reports), but it counts half
against the table's score. The score is the mean over the table's printed rows of 1 for a
row read with certainty (no flag but ``blank``: a written blank is read with certainty),
0.5 for an unsure row, 0 for a misread one; a table found with no row of values scores 0.
So a table is assessable unless more than half its reading is in doubt. Where most rows
(and at least three) have values too many or too few, the layout was not understood and the
table scores 0 — unless every such row is one value short with all its values written: one
column lost to the layout (every row's 总计), the rest placed by the header and checked.

The reader may attach this itself later; the interface is the two dataclasses and
:func:`assess`. Where each part is: :mod:`.results` (the flags, the threshold and the two
dataclasses), :mod:`.rows` (a row's flags from its cells and the reader's issues, a
table's score from its rows), :mod:`.tables` (:func:`assess`: each table's confidence).
"""
from __future__ import annotations

from .results import (
    DIGIT_RUN,
    FLAGS,
    IMPLAUSIBLE_COUNT,
    MISREAD_FLAGS,
    PLACEHOLDERS,
    THRESHOLD,
    UNSURE_FLAGS,
    RowConfidence,
    TableConfidence,
)
from .tables import assess, table_confidence

__all__ = ["DIGIT_RUN", "FLAGS", "IMPLAUSIBLE_COUNT", "MISREAD_FLAGS", "PLACEHOLDERS", "THRESHOLD",
           "UNSURE_FLAGS", "RowConfidence", "TableConfidence", "assess", "table_confidence"]
