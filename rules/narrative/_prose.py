"""Shared helpers for rules that read report prose and compare it with the tables.

Not a rule module (the leading underscore keeps it out of rule discovery). Everything here
is a pure function of the :class:`~gplint.model.Report`.

Prose is read sentence by sentence: PDF text breaks a sentence over several lines (often
with blank lines between them), so the non-table, non-heading lines of a section are joined
and cut at sentence-final punctuation. Each character keeps its source position so a
finding can point at the exact words.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from decimal import Decimal
from typing import Iterator, Optional

from gplint.confidence import table_confidence
from gplint.format import T3_2021 as _T3
from gplint.model import Number, Report, Span, fast_constructor

#: Table 三's applicant columns (C1…C6) and its total column (C7), from the format.
_PART_COLS = _T3.part_columns
_TOTAL_COL = _T3.total_column
_TOTAL_INDEX = _T3.column_keys.index(_TOTAL_COL)

#: Sentence-final marks.
_SENTENCE_END_CHARS = "。！？!?"
#: The sentence-final marks other than 。 (most reports use none of them).
_OTHER_SENTENCE_END_CHARS = _SENTENCE_END_CHARS.replace("。", "")
_MARK = "[" + re.escape(_SENTENCE_END_CHARS) + "]"
_NOT_MARK = "[^" + re.escape(_SENTENCE_END_CHARS) + "]"
#: A sentence piece of a line: up to and with the next sentence-final mark, or the rest of
#: the line when no mark follows (one findall gives them all, no match object each).
_SENTENCE_PIECES = re.compile(f"{_NOT_MARK}*{_MARK}|{_NOT_MARK}+")
#: Tabs and a stray BOM read as spaces in a sentence.
_AS_SPACE = {ord("\t"): " ", ord("\ufeff"): " "}
_FOOTER = re.compile(r"^\s*(?:[-—–－]+\s*\d+\s*[-—–－]+|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of prose, with the source position of every character.

    A sentence is made of runs of characters that stand side by side on one source line
    (PDF text breaks sentences over lines); ``pieces`` holds one ``(offset, line, column)``
    per run: character ``offset`` of :attr:`text` is at ``line``:``column``, and the run's
    next characters follow it on that line. Most sentences are one run.
    """

    text: str
    section: Optional[str]
    pieces: tuple[tuple[int, int, int], ...]
    heading: bool = False

    def position(self, i: int) -> tuple[int, int]:
        """(line, column) of character ``i`` of the text (clamped to the text)."""
        i = max(0, min(i, len(self.text) - 1))
        pieces = self.pieces
        k = bisect_right(pieces, (i, _BIG, _BIG)) - 1 if len(pieces) > 1 else 0
        offset, line, column = pieces[max(k, 0)]
        return line, column + i - offset

    def span(self, start: int = 0, end: Optional[int] = None) -> Span:
        """The source span of ``text[start:end]`` (whole sentence by default)."""
        if not self.pieces or not self.text:
            return Span(1)
        n = len(self.text)
        end = n if end is None else end
        start = max(0, min(start, n - 1))
        last = max(start, min(end, n) - 1)
        a = self.position(start)
        b = self.position(last)
        return Span(a[0], a[1], b[0], b[1] + 1)

    @property
    def line(self) -> int:
        return self.pieces[0][1] if self.pieces else 1


_BIG = 1 << 62
#: ``Sentence(text, section, pieces, heading)`` without the frozen dataclass's ``__init__``
#: (dozens a report).
_sentence = fast_constructor(Sentence)


#: First characters (after blanks) of a page footer or a markdown rule line.
_FOOTER_OR_RULE_FIRST = frozenset("-—–－第|:")


def _is_prose_line(report: Report, n: int, text: str) -> bool:
    if report.in_table(n):
        return False
    return _is_prose_text(text)


def _is_prose_text(text: str) -> bool:
    stripped = text.strip()
    if not stripped:
        return False
    first = stripped[0]
    if (first in _FOOTER_OR_RULE_FIRST or first.isdecimal()) and (_FOOTER.match(text) or _MD_RULE.match(text)):
        return False
    # A markdown pipe row outside the recognised tables is table debris, not prose.
    if first == "|" and stripped[-1] == "|":
        return False
    return True


def sentences(report: Report) -> tuple[Sentence, ...]:
    """Every prose sentence of the report, in order (headings are sentences of their own).

    Computed once per report and shared by the narrative and date rules."""
    return report.derived(f"{__name__}.sentences", _sentences)


def application_sentences(report: Report) -> tuple[Sentence, ...]:
    """The sentences (headings not) that mention 申请, in order: the only ones N101, N102
    and N104 read. Found once per report instead of each rule testing every sentence."""
    return report.derived(f"{__name__}.application_sentences", _application_sentences)


def _application_sentences(report: Report) -> tuple[Sentence, ...]:
    return tuple([s for s in sentences(report) if "申请" in s.text and not s.heading])


def _sentences(report: Report) -> tuple[Sentence, ...]:
    heading_lines = {h.span.line for h in report.headings}
    heading_lines.update(s.line for s in report.sections.values())
    out: list[Sentence] = []
    # The sentence being gathered over several lines: its text pieces and, for each, its
    # offset in the joined text and its source line and column.
    buf: list[str] = []
    runs: list[tuple[int, int, int]] = []
    size = 0
    cur_section: Optional[str] = None
    # Report.section_of_line(n), with the sections sorted once rather than for every line;
    # a last start no line reaches ends the walk below.
    section_starts = [(sec.line, slot) for slot, sec in sorted(report.sections.items(), key=lambda kv: kv[1].line)]
    section_starts.append((_BIG, None))

    def flush() -> None:
        nonlocal size
        text = "".join(buf)
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            stop = lead + len(stripped)
            # The runs that hold the stripped text, offsets counted from its start.
            pieces = []
            last = len(runs) - 1
            for k, (offset, line, column) in enumerate(runs):
                if offset >= stop:
                    break
                if k < last and runs[k + 1][0] <= lead:
                    continue
                if offset < lead:
                    column += lead - offset
                    offset = lead
                pieces.append((offset - lead, line, column))
            out.append(_sentence(stripped, cur_section, tuple(pieces), False))
        buf.clear()
        runs.clear()
        size = 0

    # Most reports end every sentence with 。: then str.split cuts the lines, several
    # times cheaper than the regex, which tests each character against every mark.
    everything = "\n".join(report.lines)
    only_full_stops = not any(mark in everything for mark in _OTHER_SENTENCE_END_CHARS)

    for n, base, line, is_heading, section in _prose_pieces(report, heading_lines, section_starts):
        # _is_prose_text(line), inlined (kept in step with it): it runs for every line
        # outside the tables, most of them blank.
        stripped = line.strip()
        if not stripped:
            continue
        first = stripped[0]
        if (first in _FOOTER_OR_RULE_FIRST or first.isdecimal()) and (_FOOTER.match(line) or _MD_RULE.match(line)):
            continue
        if first == "|" and stripped[-1] == "|":
            continue
        if section != cur_section:
            if buf:
                flush()
            cur_section = section
        if is_heading and buf:
            flush()
        if "\t" in line or "\ufeff" in line:
            line = line.translate(_AS_SPACE)
        # The line cut after each sentence-final mark: the pieces and their marks tile it,
        # the last piece running on to the next line unless the line ends with a mark.
        if only_full_stops:
            # The line split at its marks: each piece but the last lacks its 。 (added
            # back below), as the findall would give them.
            pieces = line.split("。")
            rest = pieces.pop()
            mark = "。"
        else:
            # Each piece with its mark (whichever it is).
            pieces = _SENTENCE_PIECES.findall(line)
            rest = pieces.pop() if line[-1] not in _SENTENCE_END_CHARS else ""
            mark = ""
        start = 0
        for piece in pieces:
            if buf:  # the end of a sentence begun on an earlier line
                buf.append(piece + mark)
                runs.append((size, n, base + start))
                flush()
            else:  # a sentence within this line: one run
                # It ends at the mark: only its start may need stripping, and it is
                # never empty.
                stripped = piece.lstrip()
                out.append(_sentence(stripped + mark, cur_section,
                                     ((0, n, base + start + len(piece) - len(stripped)),), False))
            start += len(piece) + len(mark)
        if rest:
            if is_heading:
                # A heading is a sentence of its own, and nothing is pending here (flushed
                # above, or by a mark in this line): its one run is made here rather than
                # gathered and flushed (a dozen headings a report).
                stripped = rest.strip()
                if stripped:
                    lead = len(rest) - len(rest.lstrip())
                    out.append(_sentence(stripped, cur_section, ((0, n, base + start + lead),), True))
            else:
                buf.append(rest)
                runs.append((size, n, base + start))
                size += len(rest)
    flush()
    return tuple(out)


def _prose_pieces(report: Report, heading_lines: set[int],
                  section_starts: list[tuple[int, Optional[str]]]) -> Iterator[tuple[int, int, str, bool, Optional[str]]]:
    """(line, column, text, is heading, section) of each stretch of prose, in order: the
    reader's :attr:`Report.prose` (pieces of a flattened line included); for a report made
    without it, the lines outside the tables, their section found from the headings."""
    if report.prose:
        for p in report.prose:
            yield p.line, p.column, p.text, p.heading, p.section
        return
    section = None
    next_start = 0
    next_line = section_starts[0][0]
    for n, line in _lines_outside_tables(report):
        while next_line <= n:
            section = section_starts[next_start][1]
            next_start += 1
            next_line = section_starts[next_start][0]
        yield n, 1, line, n in heading_lines, section


def _lines_outside_tables(report: Report) -> Iterator[tuple[int, str]]:
    """(number, text) of every line not in a table (Report.in_table), in order.

    Most lines of a report are table lines: the spans between tables are sliced out
    rather than every line being looked up."""
    lines = report.lines
    runs = []
    nxt = 1  # the first line not yet covered
    for a, b in sorted(report.table_lines):
        if a > b:
            continue
        if a > nxt:
            runs.append(enumerate(lines[nxt - 1:a - 1], nxt))
        nxt = max(nxt, b + 1)
    runs.append(enumerate(lines[nxt - 1:], nxt))
    return chain.from_iterable(runs)


@lru_cache(maxsize=16)
def _clause_marks(stops: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("（()）" + stops) + "]")


def clauses(sentence: Sentence, stops: str = "，,；;") -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each comma-level clause of a sentence, parentheses kept whole."""
    depth = 0
    start = 0
    text = sentence.text
    # Only parentheses and stops matter: the regex engine finds them, the loop sees no
    # other character.
    for m in _clause_marks(stops).finditer(text):
        i = m.start()
        ch = m.group()
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in stops and depth == 0:
            yield start, i, text[start:i]
            start = i + 1
    if start < len(text):
        yield start, len(text), text[start:]


_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")


def other_year(text: str, year: Optional[int]) -> bool:
    """True when ``text`` names a year other than the report year (a count about another year)."""
    # _YEAR opens with a look-behind, so the regex engine tries it at every character: a
    # text without 年 (most clauses) is answered by a substring test.
    if year is None or "年" not in text:
        return False
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if 1990 <= y <= 2100 and y != year:
            return True
    return False


#: The most digits a count in prose may have. A longer string of digits is no count (an
#: ID, a phone number run together, garbage): never compared, and never given to int(),
#: which refuses more than 4,300 digits and costs the square of the length below that.
MAX_COUNT_DIGITS = 15
#: The most decimals a percentage in prose may have (Decimal's quantize needs the result
#: to fit its 28 digits of precision).
MAX_PERCENT_DECIMALS = 6


def count(digits: str) -> Optional[int]:
    """The count a prose number's digits give, or None when it is too long to be one."""
    return int(digits) if len(digits) <= MAX_COUNT_DIGITS else None


def fmt(v: Number) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return str(v)


# --------------------------------------------------------------------------- table values

# A row the reader misread (or any row of a table that is not assessable, see
# gplint.confidence) gives no value: prose is never compared with a misreading.

def t3_total(report: Report, row: str) -> Optional[Number]:
    """A T3 row's total as the table gives it: C7, or C1..C6 summed when C7 is absent and
    all six are present; None when the table does not give it (or it was misread)."""
    t3 = report.t3
    if t3 is None or row not in t3.rows or not table_confidence(report, "t3").readable(row):
        return None
    v = t3.value(row, _TOTAL_COL)
    if v is not None:
        return v
    parts = [t3.value(row, c) for c in _PART_COLS]
    if any(p is None for p in parts):
        return None
    return sum(parts)  # type: ignore[arg-type]


def t3_group_total(report: Report, group: str) -> Optional[Number]:
    """Total (C7) of a result group (G1..G6): its leaves summed, or its own printed row."""
    t3 = report.t3
    if t3 is None:
        return None
    leaves = _T3.group(group).members
    vals = [t3_total(report, r) for r in leaves]
    if all(v is not None for v in vals):
        return sum(vals)  # type: ignore[arg-type]
    g = t3.groups.get(group)
    if g is not None and table_confidence(report, "t3").readable(group):
        v = g.cells[_TOTAL_INDEX].value
        parts = g.cells[:_TOTAL_INDEX]
        if v is None and all(c.value is not None for c in parts):
            v = sum(c.value for c in parts)  # type: ignore[misc]
        return v
    return None


def t3_row_line(report: Report, row: str) -> Optional[int]:
    t3 = report.t3
    if t3 is None or row not in t3.rows:
        return None
    return t3.rows[row].line or None


def t4_total(report: Report, kind: str) -> Optional[Number]:
    """行政复议 total ("review") or 行政诉讼 total ("suit" = direct + after_review)."""
    t4 = report.t4
    if t4 is None:
        return None
    conf = table_confidence(report, "t4")
    if kind == "review":
        return t4.value("review", "total") if conf.readable("review") else None
    if not (conf.readable("direct") and conf.readable("after_review")):
        return None
    a = t4.value("direct", "total")
    b = t4.value("after_review", "total")
    if a is None or b is None:
        return None
    return a + b


def t4_includes_carried(report: Report) -> bool:
    """The report notes that its table 四 counts include cases carried over (FORMAT §3.5)."""
    if "含上" not in report.text:  # both phrases start so: most reports are settled at once
        return False
    return any(("含上年" in l or "含上一年" in l) and ("复议" in l or "诉讼" in l) for l in report.lines)
