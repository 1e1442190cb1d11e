"""A table read from a scan whose rules and zeros OCR turned into characters.

Tesseract and its kin read a ruled table's vertical rules as ``|`` (or ``l``, ``I``) and a
0 beside a rule as ``o``, ``e`` or ``9``: a row of zeros comes out as ``|o |o lo |。 lo le``
and a row's cells as ``| | 0 |9 19 1 9``. Such a row's values are lost or invented, and its
label is often broken past recognition: rows go "missing", sums fail on numbers the report
never printed. A table whose region holds several lines with such pieces is not read well
enough to check (one T190, never an avalanche of T103/T105/A101…).

A piece is a blank-separated token of digits and the letters OCR puts for them with a
rule glued to it (``|o``, ``|9``, ``0|``, ``|201``: a rule read beside a cell, the cell's
value as likely a misreading), or two or three such letters and digits holding two letters
(``lo``, ``le``, ``Io``, ``ll``). Digits alone are a value; one letter alone (``O`` for 0,
``l`` for 1) is a slip the reader already takes for a written non-count
(:mod:`gplint.reader.cells`). A token between two rules (``|0|``) is a pipe table's cell,
and in a pipe table's row (a line from ``|`` to ``|``) a value after a rule with no blank
(``| 规章 |0 |0 |``) is one of its cells too: there only OCR's letters count.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..lazy_re import lazy_compile
from ..model import Span

#: Digits and OCR's letters for them with a rule glued before or after (a count's digits at
#: most), or two or three of them, standing alone.
_PIECE = lazy_compile(r"(?<!\S)(?:\|[0-9OoIliea]{1,6}|[0-9OoIliea]{1,6}\||[0-9OoIliea]{2,3})(?!\S)")
_LETTERS = frozenset("OoIliea")
#: Lines with such pieces from which a table is taken as read from a scan.
SCANNED_MIN = 3


def _is_debris(token: str, pipe_row: bool) -> bool:
    letters = sum(ch in _LETTERS for ch in token)
    if "|" not in token:
        return letters >= 2
    if token[0] == "|" and token[-1] == "|":
        return False  # a pipe table's cell
    return letters > 0 or not pipe_row


def debris_piece(text: str) -> Optional[str]:
    """The first of OCR's pieces of rules and zeros on a line, or None."""
    stripped = text.strip()
    pipe_row = len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|"
    return next((m.group() for m in _PIECE.finditer(text) if _is_debris(m.group(), pipe_row)), None)


def scanned_debris(lines: Sequence[str], span: Optional[Span]) -> Optional[tuple[int, str]]:
    """(how many lines, the first piece) of the table region ``span`` of ``lines`` that
    carry OCR's pieces of rules and zeros, when there are :data:`SCANNED_MIN` or more."""
    if span is None:
        return None
    count, first = 0, ""
    for text in lines[span.line - 1:span.end_line]:
        piece = debris_piece(text)
        if piece is not None:
            count += 1
            first = first or piece
    return (count, first) if count >= SCANNED_MIN else None
