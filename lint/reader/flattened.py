"""A page flattened into one long line (a crawled web page: headings, prose and table cells
run together) cut into virtual lines at what starts a heading or a table row, each read as
a line of its own text; the report's spans are mapped back to the real line and column at
the end.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional, Sequence

from .. import labels as L
from ..format import T2_ROW_LABELS
from ..grammar import MEMO_MAX_LINE, Line, Tok, line_lexer, tokenise
from ..packed_tokens import PackedTokens
from ..lazy_re import lazy_compile


# A crawled page flattened into one long line runs headings, prose and table cells
# together. Such a line is cut into virtual lines at what starts a heading or a table row
# (numbering, known row labels), each with its column offset; the builder then works on
# virtual lines and the spans are mapped back to the real line and column at the end (.remap).
_SEG_ANCHORS = ("第二十条", "勾稽", "钩稽", "申请人情况", "本年新收", "结果维持")
# An item number is matched only from the start of its digits ((?<![0-9０-９])): matched
# from every position of a long run of digits, the pattern cost the square of its length
# (a 10,000-digit run took 2 s); every later start in the run fails as the first does.
# Source only, compiled by _segment_cuts (re's cache keeps it): few reports have a flattened
# line, and this is the costliest pattern of the module to compile.
_T2_LABELS = "|".join(T2_ROW_LABELS)
_SEG_ENUM = (
    r"(?<!第)(?:[一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十]{1,3}[）)])"
    # A section numbered as a part (第四部分　政府信息公开行政复议…), after a value, a blank or
    # a sentence's end (not 详见第三部分 inside a sentence).
    r"|(?:(?<=[0-9０-９ \t\u3000\u00a0。；])|^)第[一二三四五六七八九十]{1,3}部分[、．.：:]?"
    r"|(?<![0-9０-９])(?P<item>[0-9０-９]+)[ \u3000]*[.．、](?=[ \u3000]*[\u4e00-\u9fff])"
    r"|(?P<word>第二十条|信息内容|（本列数据|\(本列数据|未经复议直接起诉|结果维持"
    # Table 四's header opens with 行政复议 and 行政诉讼 or 结果 (a cut even where the
    # section heading before it is missing).
    r"|行政复议(?=[ \t\u3000|｜]*(?:行政诉讼|结[ \u3000]*果)))"
    r"|(?<=[0-9０-９数量额容减）)元件 \t\u3000\u00a0])(?P<t2>" + _T2_LABELS + ")"
    # The same after a blank the search took out between two words (「备注 规章」, 「详见说明
    # 行政强制」: a remark or a header word no list can hold): kept only there (_segment_cuts).
    r"|(?P<t2_after_blank>" + _T2_LABELS + ")"
    # Table 三's group label printed down a merged cell (本年 / 度办 / 理结果) lands, piece
    # by piece, after the values of the rows beside it: each piece is a line of its own.
    # A table's unit line and the note under it (单位：件, 注：…) stand apart from its rows.
    r"|(?<=[0-9０-９ \u3000。）)—])(?:单位|注)(?=[ \u3000]*[：:])"
    r"|(?<=[0-9０-９])[ \t\u3000]*(?P<frag>[本年度办理结果]{2}[本年度办理结果 \u3000]*)"
    r"(?=[ \t\u3000]*(?:$|[（(]|[0-9０-９]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、))"
)
_UP_TO_DIGIT = lazy_compile(r"[^0-9０-９]*")
# A heading's title in other words: a few characters with no mark of a sentence, ending
# in a word titles end with (情况, 措施, 事项, 概况, 概述), at most 22 characters in all.
_REWORDED_TITLE = lazy_compile(r"[^。，,；;：:！？0-9０-９\s]{2,20}?(?:情况|措施|事项|概况|概述)")
_SECTION_TITLES = tuple(L.SECTION_STANDARD_TITLES.values())
_SECTION_HEADINGS = frozenset(f"{numeral}、{title}" for numeral, title in zip("一二三四五六", _SECTION_TITLES))
_ITEM_NO = {k: v.split(".", 1)[0] for k, v in L.T3_STANDARD_LABELS.items() if v[:1].isdigit()}
#: A line with this many tabs is a row of cells, not cut into virtual lines unless its
#: cells show a page run into one line (rows_run_on).
TABLE_ROW_TABS = 8
#: Lines at least this long that carry a table anchor are cut into virtual lines.
SEGMENT_MIN = 300
# read_lines never looks for a line found in the line memo among the long ones (segments).
assert MEMO_MAX_LINE < SEGMENT_MIN


def _segment_cuts(text: str) -> list[int]:
    """0-based offsets where a virtual line starts (besides 0), in order."""
    # Looked for in Simplified characters (a repost in Traditional ones cuts the same), and
    # without the blanks a page puts inside words ("一、 总体情况", "第二 十条"); ``where``
    # maps each offset back to the page's.
    text, where = _without_word_blanks(L.simplified(text))
    cuts: list[int] = []
    for m in re.finditer(_SEG_ENUM, text):
        at = m.start()
        if m.group("item") is not None:
            run = L.ascii_digits(m.group("item"))
            # The item's label: what follows, up to its first value.
            after = _UP_TO_DIGIT.match(text, m.end(), m.end() + 16).group()
            # (Numbered with the run's last digit: a bare 其他 is （六）3.其他 only as 3.)
            key = L.match_t3_row(L.normalise(run[-1:] + "." + after), numbered=True)
            no = _ITEM_NO.get(key or "", "")
            if no and len(run) > len(no) and run.endswith(no):
                # The item number is the tail of a digit run: the last value of the row
                # before ran into it ("0 02.其他法律…", "00000002.其他…").
                at = m.start("item") + len(run) - len(no)
            elif len(run) > 2:  # a run of values ending in a one-digit item number
                at = m.start("item") + len(run) - 1
            elif len(run) > (len(no) or 2):
                continue
        elif m.group("frag") is not None:
            at = m.start("frag")
        elif m.group("t2_after_blank") is not None:
            if not where.removed_before(at):
                continue
        elif m.group("word") is None and m.group("t2") is None:
            # After a section heading's title the body begins: its standard title, or a
            # reworded one ending as titles do (五、存在的主要问题及改进措施, 二、行政机关主动
            # 公开政府信息情况), which would otherwise run on into the body.
            end = m.end()
            title_end = next((end + len(t) for t in _SECTION_TITLES if text.startswith(t, end)), None)
            if title_end is None:
                reworded = _REWORDED_TITLE.match(text, end)
                title_end = reworded.end() if reworded is not None else None
            if title_end is not None:
                cuts.append(at)
                at = title_end
        if at > 0:
            cuts.append(at)
    first = text.find("年度报告")
    if 0 < first < 200:
        cuts.append(first + 4)
    return sorted(set(where[c] for c in cuts if 0 < c < len(text)))


# Blanks between two Chinese characters or full-width marks (not full-width digits: the
# blank between two values, ０ ２.其他…, is a boundary).
_WORD_BLANKS = lazy_compile("(?<=[\u3001-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uffef])[ \u3000\u00a0]+"
                          "(?=[\u3001-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uffef])")


def _without_word_blanks(text: str) -> tuple[str, "_Shifts"]:
    """``text`` without blanks inside words, and where each of its offsets was in ``text``."""
    starts: list[int] = []  # where, in the text without them, each run of blanks was
    removed: list[int] = [0]  # blanks removed before each of those places, running total
    def drop(m: re.Match) -> str:
        starts.append(m.start() - removed[-1])
        removed.append(removed[-1] + m.end() - m.start())
        return ""
    return _WORD_BLANKS.sub(drop, text), _Shifts(starts, removed)


class _Shifts:
    """Offsets of a text with some runs of characters removed, mapped back to the text they
    were removed from: ``shifts[k]`` is offset k's place in the original. Kept as the
    places of the removals (two numbers a run), not a number a character: a flattened page
    is tens of thousands of characters and a list of every offset was 9 bytes a byte."""

    __slots__ = ("starts", "removed")

    def __init__(self, starts: list[int], removed: list[int]) -> None:
        self.starts = starts
        self.removed = removed

    def __getitem__(self, k: int) -> int:
        # Every run removed at or before k shifts it by its length.
        return k + self.removed[bisect_right(self.starts, k)]

    def removed_before(self, k: int) -> bool:
        """Whether a run was removed just before offset k."""
        i = bisect_left(self.starts, k)
        return i < len(self.starts) and self.starts[i] == k


def segments(line: Line, min_length: int = SEGMENT_MIN) -> list[tuple[Line, int]]:
    """A long flattened line as virtual lines (each with its column offset); a line
    shorter than ``min_length`` is left whole."""
    cuts = segment_cuts(line.text, min_length)
    return virtual_lines(line, cuts) if cuts else [(line, 0)]


def segment_cuts(text: str, min_length: int = SEGMENT_MIN) -> list[int]:
    """Where a long flattened line ``text`` is cut into virtual lines (0-based offsets, in
    order, inside it: see :func:`segments`); empty for a line left whole."""
    if len(text) < min_length or not any(a in text for a in _SEG_ANCHORS):
        return []
    if text.count("\t") >= TABLE_ROW_TABS and not rows_run_on(text):
        # Many tabs: a long row of a table's cells (a header of 25 row labels in a table
        # printed turned), not a page flattened into one line; its tabs cut it.
        return []
    return _segment_cuts(text)


# A cell holding a row's last value and the next row's label ("0 规章", "5行政许可"): the
# rows of a tab table run on into one line (a page whose cells kept their tabs but whose
# rows and paragraphs were joined).
_VALUE_THEN_LABEL = lazy_compile(r"(?:^|\t)[ \u3000]*[0-9０-９]+(?:[.．][0-9０-９]+)?[ \u3000]*[\u4e00-\u9fff（(]")


def rows_run_on(text: str) -> bool:
    """Whether a line of many tabs is a page run into one line, not one row of a table (a
    turned table's header of row labels): rows run on (at least two cells holding a value
    and the next row's label), paragraphs (three sentences) or a section's heading in a
    cell of its own (a page whose lines were joined by tabs)."""
    run_on = 0
    for _ in _VALUE_THEN_LABEL.finditer(text):
        run_on += 1
        if run_on >= 2:
            return True
    if text.count("。") >= 3:
        return True
    # (A heading's field as printed: markdown marks, blanks inside words: ## 二、 主动公开…)
    return any(re.sub(r"[#*\s]", "", field) in _SECTION_HEADINGS for field in text.split("\t"))


#: Header words a table prints more than once: table 二's block headings, table 四's
#: 结果维持 (once a block). A line that holds 第二十条 twice is table 二 flattened, however
#: short (four blocks and ten values fill about 250 characters); table 四's header line
#: holds 结果维持 three times by itself, so a line is table 四 flattened (its header and
#: fifteen values fill about 150) only when a section heading runs on after it.
REPEATED_HEADER_WORDS = ("第二十条", "结果维持")
_SECTION_NUMERAL = lazy_compile("[一二三四五六][、．]")


def lines_with_flattened_tables(text: str) -> list[int]:
    """The (1-based) numbers of the lines of ``text`` that hold a table flattened (see
    :data:`REPEATED_HEADER_WORDS`), in order (string searches: most reports print each word
    on lines of their own)."""
    numbers: set[int] = set()
    for word in REPEATED_HEADER_WORDS:
        line, at, last = 1, 0, -1
        i = text.find(word)
        while i >= 0:
            line += text.count("\n", at, i)
            at = i
            if line == last and line not in numbers and (word == "第二十条" or _heading_after(text, i)):
                numbers.add(line)
            last = line
            i = text.find(word, i + len(word))
    return sorted(numbers)


#: A table 三 row run on after a piece of label: a word's last character, a blank, then
#: seven values cut by single blanks, or six (a report's blank cell, which a paragraph
#: does not show). (It opens with the blank, a literal: the search stops only at blanks,
#: not at every Chinese character of the text.)
_RUN_ON_ROW = lazy_compile(" (?<=[\u4e00-\u9fff）)] )(?:[0-9０-９]+[ \u3000]){5,6}[0-9０-９]+(?![0-9０-９.．])")
#: How many rows run on make a line a table's rows joined by blanks.
_RUN_ON_ROWS_MIN = 2


def lines_with_rows_run_on(text: str) -> list[int]:
    """The (1-based) numbers of the lines of ``text`` that hold two or more of table 三's
    rows run on, each a piece of label and its seven (or six) values (a PDF-to-markdown tool writes
    the last rows of a page it did not take for a table as one paragraph, its lines joined
    by blanks: 「2.申 0 0 0 0 0 0 0 请人 逾期 … 3.其 0 0 0 0 0 0 0 他 （七）总计 0 … 四、政府…」)."""
    counts: dict[int, int] = {}
    first_at: dict[int, int] = {}  # (where each line's first match is)
    line, at = 1, 0
    for m in _RUN_ON_ROW.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        counts[line] = counts.get(line, 0) + 1
        first_at.setdefault(line, at)
    # (Also with the header's words run on before them, 「自然人 法人或其他组织 总计 … 一、本年新收
    # … 2 0 0 0 0 0 2 二、…」: pymupdf4llm's paragraph of a table's first rows. The header's
    # words are a virtual line of their own; each row's values follow its label.)
    lines = [n for n, k in counts.items() if k >= _RUN_ON_ROWS_MIN]
    # A line opening with a row's seven values counts them too: the values of a row whose
    # label stands alone on the line above, run on with the next rows (「- 4.无正当理由…」 /
    # 「0 0 0 0 0 0 0 5.要求行政机关确认… 1 0 0 0 0 0 1 （六）其他处理」).
    for n, k in counts.items():
        start = text.rfind("\n", 0, first_at[n]) + 1 if k == 1 else -1
        # (Most lines open with their label: the pattern is not asked of them.)
        if start >= 0 and text[start:start + 1].isdigit() and _VALUES_FIRST.match(text, start) is not None:
            lines.append(n)
    return sorted(lines)


#: A line opening with seven values cut by single blanks, then a label.
_VALUES_FIRST = lazy_compile("(?:[0-9０-９]+[ \u3000]){7}(?=[\u4e00-\u9fff（(0-9０-９]+[.．、）)]?[\u4e00-\u9fff])")


def row_cuts(text: str) -> list[int]:
    """Where a line of rows run on is cut into virtual lines: as a flattened page is (with
    no anchor asked for), and after each row's values (the rest of a label cut in
    pieces, 「2.申 0 0 0 0 0 0 0 请人 逾期 …」, is a line of its own, as its cell printed it)."""
    ends = [m.end() for m in _RUN_ON_ROW.finditer(text) if text[m.end():].strip()]
    return sorted(set(_segment_cuts(text)) | set(ends))


def _heading_after(text: str, at: int) -> bool:
    """Whether a section's numeral stands after offset ``at`` on its line."""
    end = text.find("\n", at)
    return _SECTION_NUMERAL.search(text, at, len(text) if end < 0 else end) is not None


def virtual_lines(line: Line, cuts: Sequence[int]) -> list[tuple[Line, int]]:
    """``line`` cut at the offsets ``cuts`` (in order, inside the line) into virtual lines,
    each with its column offset in ``line``. A virtual line is read as a line of its own
    text, its columns its own (1 at its start): virtual lines of the same text share one
    reading, and the report adds the offset when it maps them back to the real line."""
    text = line.text
    bounds = [0, *cuts, len(text)]
    return [(Line(line.number, text[a:b], piece_tokens(text[a:b])), a) for a, b in zip(bounds, bounds[1:])]


def piece_tokens(piece: str) -> Sequence[Tok]:
    """The tokens of a virtual line's text, read on its own (the long line's tokens run
    across the cuts: "。（一）主动…" lexed as one text token hides the heading's numbering),
    its columns its own. Packed, 5 bytes a token: the virtual lines together hold every
    token of the page."""
    lexer = line_lexer()
    toks: Optional[Sequence[Tok]] = None
    if lexer is not None and lexer.usable:
        toks = PackedTokens.lex(lexer.regex, piece)
    return toks if toks is not None else tokenise(piece)[0].tokens
