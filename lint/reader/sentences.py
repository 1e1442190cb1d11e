"""The report's prose cut into sentences (:attr:`gplint.model.Report.sentences`).

PDF text breaks a sentence over several lines (often with blank lines between them), so the
prose pieces the reader found (:attr:`Report.prose`: lines outside the tables, and the pieces
of a flattened page's long line) are joined and cut at sentence-final punctuation; each
character keeps its source position so a finding can point at the exact words. A sentence
that starts on a sub-heading line (（二）依申请公开情况。2024年，我局共收到…) runs on across
the line wrap like any other, and a number split from its unit by a wrap is joined.
"""
from __future__ import annotations

import re
from array import array
from itertools import chain
from operator import methodcaller
from typing import Iterable, Iterator, Optional, Sequence

from ..analyses import per_report
from ..grammar import PIPE_CHARS
from ..model import Report, Sentence
from ..lazy_re import lazy_compile
from .wrap_blanks import BLANK_IN_WORDS, closed_up, latin_or_digit, without_wrap_blanks
from .prose import ProsePieces
from .sentence_table import SentenceTable, SequenceValue

#: Sentence-final marks.
_SENTENCE_END_CHARS = "。！？!?"
#: The sentence-final marks other than 。 (most reports use none of them).
_OTHER_SENTENCE_END_CHARS = _SENTENCE_END_CHARS.replace("。", "")
_MARK = "[" + re.escape(_SENTENCE_END_CHARS) + "]"
_NOT_MARK = "[^" + re.escape(_SENTENCE_END_CHARS) + "]"
#: A sentence piece of a line: up to and with the next sentence-final mark, or the rest of
#: the line when no mark follows (one findall gives them all, no match object each).
_SENTENCE_PIECES = lazy_compile(f"{_NOT_MARK}*{_MARK}|{_NOT_MARK}+")
#: Tabs and a stray BOM read as spaces in a sentence.
_AS_SPACE = {ord("\t"): " ", ord("\ufeff"): " "}
_FOOTER = lazy_compile(r"^\s*(?:[-—–－]+\s*\d+\s*[-—–－]+|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
_MD_RULE = lazy_compile(r"^\s*\|?\s*:?-{2,}")

_BIG = 1 << 62
_GROUP = methodcaller("group")
#: A run-in heading's title up to its colon: a short title, then the text of its paragraph.
_RUN_IN_COLON = lazy_compile(r"\s*[^：:，,。]{2,24}[：:](?=\s*\S)")

#: A full stop read as "." (OCR reads a 。 so, and a typist in a Latin input mode types
#: it): after a Chinese word, before another or at the line's end. Not after a numeral
#: (四.政府信息… numbers a heading) nor between digits (9.5) or letters (www.gov.cn). Read
#: as 。, one character for one: positions stay.
_OCR_FULL_STOP = lazy_compile("(?<=[\u4e00-\u9fff）”])(?<![一二三四五六七八九十])\\.(?=[\u4e00-\u9fff“（]|\\s*$)")

#: Cell borders (| ｜ │ ┃ ├ ┼ …): a line between two of them is a table's row.
_PIPES = frozenset(PIPE_CHARS)
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
    if first in _PIPES and stripped[-1] in _PIPES:
        return False
    return True


class Runs(SequenceValue, Sequence[tuple[int, int, int]]):
    """The runs of a sentence strung over many lines, ``(offset, line, column)`` each (see
    :class:`Sentence`), in one flat array; read like a tuple of such triples. A sentence
    can run over thousands of lines of a few characters (a one-cell-a-line table outside
    the recognised tables), where a tuple and its numbers a run cost thirty times the
    text. Sentences of a few runs keep a plain tuple (:func:`runs_of`)."""

    __slots__ = ("_flat",)

    def __init__(self, flat: array) -> None:
        self._flat = flat  # offset, line, column, offset, line, column, …

    def __len__(self) -> int:
        return len(self._flat) // 3

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return tuple(self)[k]
        n = len(self)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError(k)
        f, i = self._flat, 3 * k
        return f[i], f[i + 1], f[i + 2]

    def __iter__(self) -> Iterator[tuple[int, int, int]]:
        f = self._flat
        return zip(f[0::3], f[1::3], f[2::3])

    def __repr__(self) -> str:
        return f"Runs({tuple(self)!r})"


#: Up to this many runs a sentence keeps a tuple of triples (most sentences are one run).
_TUPLE_RUNS = 8


def runs_of(flat: array) -> "tuple[tuple[int, int, int], ...] | Runs":
    """A sentence's :attr:`Sentence.pieces` from its runs' numbers laid end to end."""
    if len(flat) > 3 * _TUPLE_RUNS:
        return Runs(flat)
    return tuple(zip(flat[0::3], flat[1::3], flat[2::3]))


#: A report's sentences are kept as a :class:`SentenceTable` when there are more than
#: this many and more than one every :data:`_CHARACTERS_A_SENTENCE` characters of the
#: report (a report's prose averages several times that; markup debris cut at each "!"
#: is a sentence every few characters).
_MANY_SENTENCES = 128
_CHARACTERS_A_SENTENCE = 32


@per_report
def sentences_of(report: Report) -> Sequence[Sentence]:
    heading_lines = {h.span.line for h in report.headings}
    heading_lines.update(s.line for s in report.sections.values())
    # Report.section_of_line(n), with the sections sorted once rather than for every line;
    # a last start no line reaches ends the walk below.
    section_starts = [(sec.line, slot) for slot, sec in sorted(report.sections.items(), key=lambda kv: kv[1].line)]
    section_starts.append((_BIG, None))
    cutter = _SentenceCutter(report)
    add = cutter.add
    for n, base, line, is_heading, section in _prose_pieces(report, heading_lines, section_starts):
        add(n, base, line, is_heading, section)
    return cutter.finish()


class _SentenceCutter:
    """The prose pieces of a report, given line by line (:meth:`add`), cut into sentences
    (:meth:`finish`): a sentence within a line is made at once; one that runs on is
    gathered over the lines it spans (:meth:`_gather`) and made when it ends (:meth:`_flush`)."""

    __slots__ = ("out", "buf", "runs", "size", "section", "only_full_stops", "many")

    def __init__(self, report: Report) -> None:
        self.out: list[Sentence] | SentenceTable = []
        # The sentence being gathered over several lines: its text pieces and, for each, its
        # offset in the joined text and its source line and column (three numbers a run,
        # laid end to end: a sentence may run over thousands of short lines).
        self.buf: list[str] = []
        self.runs = array("i")  # (4-byte numbers: a report is at most tens of megabytes)
        self.size = 0
        self.section: Optional[str] = None
        # Most reports end every sentence with 。: then str.split cuts the lines, several
        # times cheaper than the regex, which tests each character against every mark.
        everything = "\n".join(report.lines)
        self.only_full_stops = not any(mark in everything for mark in _OTHER_SENTENCE_END_CHARS)
        # More sentences than one every _CHARACTERS_A_SENTENCE characters: packed from there on.
        self.many = max(_MANY_SENTENCES, len(everything) // _CHARACTERS_A_SENTENCE)

    def add(self, n: int, base: int, line: str, is_heading: bool, section: Optional[str]) -> None:
        """One stretch of prose: line ``n`` from column ``base``."""
        if len(self.out) > self.many and type(self.out) is list:
            self.out = _packed(self.out)
        # _is_prose_text(line), inlined (kept in step with it): it runs for every line
        # outside the tables, most of them blank.
        stripped = line.strip()
        if not stripped:
            return
        first = stripped[0]
        if (first in _FOOTER_OR_RULE_FIRST or first.isdecimal()) and (_FOOTER.match(line) or _MD_RULE.match(line)):
            return
        if first in _PIPES and stripped[-1] in _PIPES:
            return
        if section != self.section:
            if self.buf:
                self._flush()
            self.section = section
        if is_heading and self.buf:
            self._flush()
        if "\t" in line or "\ufeff" in line:
            line = line.translate(_AS_SPACE)
        if "." in line:
            line = _OCR_FULL_STOP.sub("。", line)
        if self.buf and line[0].isspace():
            # A sentence wrapped onto this line goes on at its first character: the indent
            # of a continuation line is layout, not a blank in the sentence (转下一 /
            # 　　年度办理答复的有 1 件 is one phrase). Between two Latin letters or digits one
            # blank is kept, as at the end of a line (wrap_blanks.without_wrap_blanks).
            indent = len(line) - len(line.lstrip())
            if latin_or_digit(self.buf[-1][-1:]) and latin_or_digit(line[indent:indent + 1]):
                indent -= 1
            line = line[indent:]
            base += indent
        pieces, rest, mark = self._pieces(line)
        start, cut = self._ended(n, base, pieces, mark)
        if rest and is_heading and not cut:
            start, rest = self._heading(n, base, start, rest)
        if rest:
            self._gather(n, base + start, rest)

    def _pieces(self, line: str) -> tuple[Iterable[str], str, str]:
        """The line cut after each sentence-final mark: the pieces that end a sentence, the
        rest (running on to the next line unless the line ends with a mark), and the mark
        to add back to each piece ("" when each piece keeps its own)."""
        if len(line) > _LONG_LINE:
            return _long_line_pieces(line)
        if self.only_full_stops:
            # The line split at its marks: each piece but the last lacks its 。 (added back
            # by _ended), as the findall would give them.
            pieces = line.split("。")
            return pieces, pieces.pop(), "。"
        # Each piece with its mark (whichever it is).
        pieces = _SENTENCE_PIECES.findall(line)
        return pieces, pieces.pop() if line[-1] not in _SENTENCE_END_CHARS else "", ""

    def _ended(self, n: int, base: int, pieces: Iterable[str], mark: str) -> tuple[int, bool]:
        """Make the sentences the pieces of line ``n`` end; (the column after them, relative
        to ``base``, and whether there were any)."""
        start = 0
        cut = False
        for piece in pieces:
            cut = True
            if len(self.out) > self.many and type(self.out) is list:
                self.out = _packed(self.out)
            if self.buf:  # the end of a sentence begun on an earlier line
                self.buf.append(piece + mark)
                self.runs.extend((self.size, n, base + start))
                self._flush()
            else:  # a sentence within this line: one run
                # It ends at the mark: only its start may need stripping, and it is never
                # empty.
                stripped = piece.lstrip()
                self._append(stripped + mark, ((0, n, base + start + len(piece) - len(stripped)),))
            start += len(piece) + len(mark)
        return start, cut

    def _heading(self, n: int, base: int, start: int, rest: str) -> tuple[int, str]:
        """A heading is a sentence of its own, and nothing is pending here (flushed in
        :meth:`add`): its one run is made here rather than gathered and flushed (a dozen
        headings a report). A run-in heading ends at its colon (（二）依申请公开情况：2024年，
        我局共收到…): the text after it is prose, running on to the next line. Returns the
        column and the text after the heading."""
        colon = _RUN_IN_COLON.match(rest)
        title = rest[:colon.end()] if colon else rest
        stripped = title.strip()
        if stripped:
            lead = len(title) - len(title.lstrip())
            self.out.append(Sentence(stripped, self.section, ((0, n, base + start + lead),), True))
        return start + len(title), rest[len(title):]

    def _gather(self, n: int, column: int, rest: str) -> None:
        """Prose, or the text after a heading's own 。 (（二）依申请公开情况。2024年，我局共收到
        政府信息公开 / 申请15件，…): it runs on to the next line like any sentence, without the
        blanks a line may carry after its last character (kept between two Latin letters or
        digits, which a wrap may separate as words)."""
        rest = without_wrap_blanks(rest)
        self.buf.append(rest)
        self.runs.extend((self.size, n, column))
        self.size += len(rest)

    def _append(self, text: str, pieces: Sequence[tuple[int, int, int]]) -> None:
        if " " in text and BLANK_IN_WORDS.search(text) and (closed := closed_up(text, pieces)) is not None:
            text, pieces = closed[0], runs_of(closed[1])
        self.out.append(Sentence(text, self.section, pieces, False))

    def _flush(self) -> None:
        """Make the sentence gathered so far, its runs counted from its stripped start."""
        text = "".join(self.buf)
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            stop = lead + len(stripped)
            runs = self.runs
            # The runs that hold the stripped text, offsets counted from its start.
            pieces = array("i")
            last = len(runs) - 3
            for k in range(0, len(runs), 3):
                offset, line, column = runs[k], runs[k + 1], runs[k + 2]
                if offset >= stop:
                    break
                if k < last and runs[k + 3] <= lead:
                    continue
                if offset < lead:
                    column += lead - offset
                    offset = lead
                pieces.extend((offset - lead, line, column))
            self._append(stripped, runs_of(pieces))
        self.buf.clear()
        del self.runs[:]
        self.size = 0

    def finish(self) -> Sequence[Sentence]:
        """Every sentence, the last one gathered included."""
        self._flush()
        out = self.out
        return out.finish() if isinstance(out, SentenceTable) else tuple(out)


#: A line longer than this is cut into sentences one at a time, not all at once.
_LONG_LINE = 4096


def _long_line_pieces(line: str) -> tuple[Iterable[str], str, str]:
    """A long line's pieces that end a sentence (each with its mark), one at a time (a
    page of markup debris is thousands of them), the rest after its last mark, and "" (the
    mark to add to each piece), as sentences_of cuts a shorter line."""
    end = max(map(line.rfind, _SENTENCE_END_CHARS)) + 1
    return map(_GROUP, _SENTENCE_PIECES.finditer(line, 0, end)), line[end:], ""


def _packed(sentences: list[Sentence]) -> SentenceTable:
    """The sentences so far in a :class:`SentenceTable`, to which the rest are added."""
    table = SentenceTable()
    for s in sentences:
        table.append(s)
    return table


def _prose_pieces(report: Report, heading_lines: set[int],
                  section_starts: list[tuple[int, Optional[str]]]) -> Iterator[tuple[int, int, str, bool, Optional[str]]]:
    """(line, column, text, is heading, section) of each stretch of prose, in order: the
    reader's :attr:`Report.prose` (pieces of a flattened line included); for a report made
    without it, the lines outside the tables, their section found from the headings."""
    prose = report.prose
    if prose:
        if isinstance(prose, ProsePieces):
            yield from prose.fields()
        else:  # a report made by hand, with a tuple of pieces
            for p in prose:
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
