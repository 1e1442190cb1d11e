"""A page flattened into one long line (a crawled web page: headings, prose and table cells
run together) cut into virtual lines at what starts a heading or a table row, each token
keeping its true column; the report's spans are mapped back to the real line at the end.
"""
from __future__ import annotations

import re

from .. import labels as L
from ..grammar import MEMO_MAX_LINE, Line, Tok, tokenise


# A crawled page flattened into one long line runs headings, prose and table cells
# together. Such a line is cut into virtual lines at what starts a heading or a table row
# (numbering, known row labels), keeping every token's true column; the builder then works
# on virtual lines and the spans are mapped back to the real line at the end (_remap).
_SEG_ANCHORS = ("第二十条", "勾稽", "钩稽", "申请人情况", "本年新收", "结果维持")
# An item number is matched only from the start of its digits ((?<![0-9０-９])): matched
# from every position of a long run of digits, the pattern cost the square of its length
# (a 10,000-digit run took 2 s); every later start in the run fails as the first does.
# Source only, compiled by _segment_cuts (re's cache keeps it): few reports have a flattened
# line, and this is the costliest pattern of the module to compile.
_SEG_ENUM = (
    r"(?<!第)(?:[一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十]{1,3}[）)])"
    r"|(?<![0-9０-９])(?P<item>[0-9０-９]+)[ \u3000]*[.．、](?=[ \u3000]*[\u4e00-\u9fff])"
    r"|(?P<word>第二十条|信息内容|（本列数据|\(本列数据|未经复议直接起诉|结果维持)"
    r"|(?<=[0-9０-９数量额容减）)元 \u3000\u00a0])"
    r"(?P<t2>行政规范性文件|规范性文件|规章|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购)"
)
_SECTION_TITLES = tuple(L.SECTION_STANDARD_TITLES.values())
_ITEM_NO = {k: v.split(".", 1)[0] for k, v in L.T3_STANDARD_LABELS.items() if v[:1].isdigit()}
#: A line with this many tabs is a row of cells, never cut into virtual lines.
TABLE_ROW_TABS = 8
#: Lines at least this long that carry a table anchor are cut into virtual lines.
SEGMENT_MIN = 300
# read_lines never looks for a line found in the line memo among the long ones (segments).
assert MEMO_MAX_LINE < SEGMENT_MIN


def _segment_cuts(text: str) -> list[int]:
    """0-based offsets where a virtual line starts (besides 0), in order."""
    cuts: list[int] = []
    for m in re.finditer(_SEG_ENUM, text):
        at = m.start()
        if m.group("item") is not None:
            run = m.group("item")
            after = text[m.end():m.end() + 16]
            key = L.match_t3_row(L.normalise("1." + after.split("0")[0]), numbered=True)
            no = _ITEM_NO.get(key or "", "")
            if len(run) > 2 or (at > 0 and text[at - 1].isdigit()):
                # The item number is the tail of a digit run (cells with no separator).
                k = len(no) if no and run.endswith(no) else 1
                at = m.start("item") + len(run) - k
            elif len(run) > (len(no) or 2):
                continue
        elif m.group("word") is None and m.group("t2") is None:
            # After a section heading's standard title the body begins.
            end = m.end()
            for title in _SECTION_TITLES:
                if text.startswith(title, end):
                    cuts.append(at)
                    at = end + len(title)
                    break
        if at > 0:
            cuts.append(at)
    first = text.find("年度报告")
    if 0 < first < 200:
        cuts.append(first + 4)
    return sorted(set(c for c in cuts if 0 < c < len(text)))


def segments(line: Line) -> list[tuple[Line, int]]:
    """A long flattened line as virtual lines (each with its column offset)."""
    text = line.text
    if len(text) < SEGMENT_MIN or not any(a in text for a in _SEG_ANCHORS):
        return [(line, 0)]
    if text.count("\t") >= TABLE_ROW_TABS:
        # Many tabs: a long row of a table's cells (a header of 25 row labels in a table
        # printed turned), not a page flattened into one line; its tabs cut it.
        return [(line, 0)]
    cuts = _segment_cuts(text)
    if not cuts:
        return [(line, 0)]
    out: list[tuple[Line, int]] = []
    bounds = [0] + cuts + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        # Each virtual line is tokenised on its own: the long line's tokens run across
        # the cuts ("。（一）主动…" lexed as one text token hides the heading's numbering).
        piece = text[a:b]
        toks = tuple(Tok(t.type, t.value, t.column + a) for t in tokenise(piece)[0].tokens)
        out.append((Line(line.number, piece, toks), a))
    return out
