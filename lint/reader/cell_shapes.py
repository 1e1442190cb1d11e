"""Small questions about a few tokens of a line, asked while it is cut into cells
(:mod:`.lines`): is it a page footer, a number written with its unit, a signed number (alone
or run against a row label), a row label and its counted value in one cell, does a text
end in a table row label, a dash written against its label after a colon; a list item's
bullet before a row's values.
"""
from __future__ import annotations

from operator import itemgetter
from typing import Optional, Sequence

from .. import labels as L
from ..grammar import Tok, footer_words
from ..lazy_re import lazy_compile
from ..packed_tokens import PackedTokens
from .cells import CELL_UNITS, DASH_MARKS, SIGNS, LCell, to_number

_TOK_VALUE = itemgetter(1)


def joined(toks: Sequence[Tok]) -> str:
    """The text of consecutive tokens (of a packed run: a slice of its line, not a join)."""
    return toks.joined() if isinstance(toks, PackedTokens) else "".join(map(_TOK_VALUE, toks))


#: A footnote mark written against a cell's number ("12①", "5注", "2¹", "3（注1）", "4※"):
#: circled and superscript digits, 注 with its number, and the typographic marks (an
#: asterisk is markdown layout to the grammar, read as such already). The note belongs
#: to the figure; the cell is still the number.
NOTE_MARK = lazy_compile(r"(?:[①-⑳※△▲☆★†‡]|[⁰¹²³⁴-⁹]+|注[0-9①-⑳]?|[（(]注?[0-9①-⑳]{0,2}[）)])")


def number_with_unit(content: Sequence[Tok], line: int) -> Optional[LCell]:
    """A cell holding a number with its unit written against it ("705件", "12.5万元"), a
    footnote mark (:data:`NOTE_MARK`: "12①", "5注1") or both ("12件①"), or None. What
    follows the number must stand against it with nothing between, the unit one of
    :data:`CELL_UNITS`: anything else ("3月", "2024年") stays a label."""
    if len(content) < 2 or content[0].type != "NUMBER":
        return None
    number = content[0]
    end = number.end_column
    for t in content[1:]:
        if t.column != end or t.type not in ("TEXT", "CN_NUMBER", "NUMBER"):
            return None
        end = t.end_column
    after = "".join(t.value for t in content[1:])
    for unit in (after, after[: len(after) - _mark_length(after)]):
        if unit in CELL_UNITS or (not unit and after):
            return LCell("num", number.value, line, number.column, end, to_number(number.value), unit=unit)
    return None


def _mark_length(text: str) -> int:
    """The length of the footnote mark ending ``text`` (0: none)."""
    for start in range(max(0, len(text) - 5), len(text)):
        if NOTE_MARK.fullmatch(text, start):
            return len(text) - start
    return 0


def unit_cell_ending(toks: Sequence[Tok], i: int, n: int) -> Optional[tuple[LCell, int]]:
    """The number-with-unit cell ending at ``toks[i - 1]`` ("4件", "12.5万元", "3（注1）": a
    unit or a footnote mark, :func:`number_with_unit`) when it stands alone after a blank,
    with the index of its number; else None."""
    if i < 2 or toks[i - 1].type not in ("TEXT", "CN_NUMBER"):
        return None
    for j in range(i - 2, max(-1, i - 5), -1):
        if toks[j].type == "NUMBER" and (j == 0 or toks[j - 1].type in ("BLANK", "TAB")):
            cell = number_with_unit(toks[j:i], n)
            if cell is not None:
                return cell, j
        if toks[j].type not in ("TEXT", "CN_NUMBER", "NUMBER"):
            return None
    return None


def signed_cell_ending(toks: Sequence[Tok], i: int, n: int) -> Optional[LCell]:
    """The signed cell ending at ``toks[i - 1]`` ("-3", "+5", "－1": the 2019 format's 本年增/减)
    when its sign is written against the number and stands after a blank or a tab, or opens
    the line (one cell a line); else None. (A dash standing alone is a blank mark, one
    against a label or a number is no sign.)"""
    if i < 2:
        return None
    sign, t = toks[i - 2], toks[i - 1]
    if not (t.type == "NUMBER" and sign.type == "TEXT" and sign.value in SIGNS and sign.end_column == t.column
            and (i == 2 or toks[i - 3].type in ("BLANK", "TAB"))):
        return None
    value = to_number(t.value)
    if value is not None and sign.value in "-－−":
        value = -value
    return LCell("num", sign.value + t.value, n, sign.column, t.end_column, value)


def signed_cell(content: Sequence[Tok], line: int) -> Optional[LCell]:
    """A cell holding a signed number (the 2019 format's 本年增/减 column: "-3", "+2", "－1"),
    with its unit written against it or none ("-11件"); else None. The sign must stand
    against the number."""
    if not (2 <= len(content) <= 3 and content[0].type == "TEXT" and content[0].value in SIGNS
            and content[1].type == "NUMBER" and content[0].end_column == content[1].column):
        return None
    sign, number = content[0], content[1]
    unit = number_with_unit(content[1:], line) if len(content) == 3 else None
    if len(content) == 3 and unit is None:
        return None
    value = to_number(number.value)
    if value is not None and sign.value in "-－−":
        value = -value
    return LCell("num", sign.value + number.value, line, sign.column, content[-1].end_column, value,
                 unit=unit.unit if unit is not None else "")


def label_and_counted_value(content: Sequence[Tok], line: int) -> Optional[list[LCell]]:
    """A row label and its value with a unit in one cell ("总计0件", "总计 27件": a page whose
    rows ran together) as the label's cell and the value's; else None."""
    if len(content) < 3 or content[-1].type != "TEXT" or content[-2].type != "NUMBER":
        return None
    value = number_with_unit(content[-2:], line)
    label = joined(content[:-2]).strip()
    if value is None or not is_row_label(label):
        return None
    return [LCell("label", label, line, content[0].column, content[-3].end_column), value]


#: A change written in words before its number (the 2019 format's 本年增/减 as some
#: agencies fill it: 减少8, 增加3): the sign each word gives.
WORD_SIGNS = {"增加": 1, "新增": 1, "增": 1, "减少": -1, "减": -1}


def worded_change(content: Sequence[Tok], line: int) -> Optional[LCell]:
    """A cell holding a change written in words against its number ("减少8", "增加3个":
    :data:`WORD_SIGNS`, a unit of :data:`CELL_UNITS` after it or none), read as the signed
    number; else None. The word must be the cell's whole first token: 同比减少8 is prose."""
    if not 2 <= len(content) <= 3:
        return None
    word, number = content[0], content[1]
    if not (word.type == "TEXT" and word.value in WORD_SIGNS and number.type == "NUMBER"
            and word.end_column == number.column):
        return None
    end = number.end_column
    if len(content) == 3:
        unit = content[2]
        if unit.type != "TEXT" or unit.value not in CELL_UNITS or unit.column != end:
            return None
        end = unit.end_column
    value = to_number(number.value)
    if value is not None:
        value = WORD_SIGNS[word.value] * value
    return LCell("num", joined(content), line, word.column, end, value)


def worded_change_ending(toks: Sequence[Tok], i: int, n: int) -> Optional[tuple[LCell, int]]:
    """The worded change (:func:`worded_change`) ending at ``toks[i - 1]`` when it stands
    alone, after a blank, a tab or at the line's start, with the index of its word."""
    for j in (i - 2, i - 3):
        if j >= 0 and toks[j].value in WORD_SIGNS and (j == 0 or toks[j - 1].type in ("BLANK", "TAB")):
            cell = worded_change(toks[j:i], n)
            if cell is not None:
                return cell, j
    return None


def signed_run(toks: Sequence[Tok], i: int) -> Optional[tuple[Tok, Tok]]:
    """The number and sign written against fused digits ``toks[i]`` when a row label comes
    before them, nothing between (``行政处罚264-8430``: the 2019 table 二's 上一年项目数量
    and signed 本年增/减 run together): the sign is where one cell ends."""
    if i < 3:
        return None
    head, sign = toks[i - 2], toks[i - 1]
    if not (sign.type == "TEXT" and sign.value in SIGNS and head.type == "NUMBER"
            and toks[i - 3].type not in ("BLANK", "TAB") and toks[i - 3].end_column == head.column):
        return None
    return (head, sign) if is_row_label(joined(toks[: i - 2])) else None


def is_row_label(text: str) -> bool:
    """Whether text ends in a table row label (or a T4 header ending in 总计)."""
    if len(text) > 400:
        return False
    n = L.normalise(text)
    if not n or len(n) > 120:
        return False
    if n.endswith("总计") or n.endswith("合计"):
        return True
    return (L.match_t3_row(n, numbered=True) is not None or L.match_t2_row(n) is not None
            or L.match_t2_row(n, "2019") is not None)


def is_footer(content: Sequence[Tok]) -> bool:
    """Page footers: "- 3 -", "— 3 —", "第 3 页", "第3页 共5页", "3/5" (as the line's record
    reads them: :func:`gplint.grammar.footer_words`)."""
    if len(content) > 6:
        return False
    nums = [t for t in content if t.type == "NUMBER"]
    if not 1 <= len(nums) <= 2 or len(nums) == len(content):
        return False
    rest = set("".join(t.value for t in content if t.type != "NUMBER"))
    return footer_words(rest, content[0].type == "NUMBER" or content[-1].type == "NUMBER", len(nums))


_COLONS = ("：", ":")


def glued_dash(cells: list[LCell]) -> list[LCell]:
    """A dash written against its label after a colon, values after it (「申请数量：— 0 0 …」):
    cut from the label into a cell of its own. Whether it is an empty cell or part of the
    label only the row's width can tell (:func:`gplint.reader.row_width.fit` drops it from a
    row that has its full width without it)."""
    if len(cells) < 2 or cells[0].kind != "label" or cells[1].kind != "num":
        return cells
    split = dash_after_label(cells[0])
    return cells if split is None else [*split, *cells[1:]]


def dash_after_label(label: LCell) -> Optional[tuple[LCell, LCell]]:
    """``label`` (「申请数量：—」) as the label without its dash and the dash as a blank
    cell, when it ends in a colon and a dash; else None."""
    text = label.text
    dash = text[-2:] if text.endswith(("——", "--")) else text[-1:]
    if dash not in DASH_MARKS or not text[:-len(dash)].endswith(_COLONS):
        return None
    at = label.end_column - len(dash)
    if at <= label.column:
        return None
    return (LCell("label", text[:-len(dash)], label.line, label.column, at),
            LCell("blank", dash, label.line, at, label.end_column))


def written_against(cell: LCell, label: Optional[LCell]) -> bool:
    """Whether ``cell`` is written against the end of ``label``, nothing between them."""
    return label is not None and cell.line == label.line and cell.column == label.end_column


def after_wide_gap(toks: Sequence[Tok]) -> bool:
    """Does the segment end with a number set off by a wide gap (two blanks or more: a
    ``<br>`` read as blanks)? A PDF-to-markdown tool that cut a narrow label column into
    pieces puts the value whose box fell in the label's column after its piece of label,
    on the cell's next line ("| 2.申<br>0 |"): the value, not a piece of the label."""
    k = len(toks) - 1
    while toks[k].type in ("BLANK", "STAR") and toks[k].value.strip() == "":
        k -= 1
    return k >= 1 and toks[k - 1].type == "BLANK" and len(toks[k - 1].value) >= 2


def without_bullet(vals: Sequence[LCell]) -> Sequence[LCell]:
    """``vals`` with a list item's bullet before a number set aside (「- 0」: the dash at
    the line's start is no cell)."""
    if len(vals) >= 2 and vals[0].kind == "blank" and vals[0].text == "-" and vals[0].column == 1 \
            and vals[1].kind == "num":
        return vals[1:]
    return vals
