"""Layout "csv": a table row as a spreadsheet saved as CSV writes it, pasted into a report —
fields cut by ASCII commas, a field holding a comma or a quote (or, as some exporters
write every text, any label) between double quotes, empty cells as empty fields — or by
full-width commas (，), as a word processor's "table to text" with commas writes a row in
Chinese text (「规章，0，0，0」):

    "（一）予以公开",12,0,0,0,0,0,12
    1.属于国家秘密,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0

A line is taken for such a row only when nothing else reads it so: no tab or pipe cuts it,
it has three fields or more (two when one is quoted: 「"行政许可","12"」), its first field is
quoted, a number, empty or a label that does not end in a digit (so 「行政事业性收费
1,234,567」 and a lone 1,234,567 stay thousands separators), and either every later field
is quoted, a number or empty, one field being a number or quoted (the last may be text: a
remarks column's, 「规章,0,0,3,其中1件为网上申请」), or it is a header row: labels alone,
two of them column headers of the format and none after the first a sentence
(「信息内容,本年制发件数,本年废止件数,现行有效件数」; table 三's first header cell is its
note, 「（本列数据的勾稽关系为：…）」). Each field is read by the grammar on
its own, at its column: a cell's span is where it stands.

A quoted field holding a line break (a spreadsheet cell wrapped with Alt+Enter) runs over
two lines: the first line's last field is left open (「,,"2.其他法律行政法规」), the next
line's first field closes it (「禁止公开",0,0,0,0,0,0,0」). Each line is read with that field
as one of its own, so the rows read as a label wrapped over two lines in tab rows does.
"""
from __future__ import annotations

from typing import Optional, Sequence

from .. import format as _format
from ..grammar import Tok, read_record
from ..lazy_re import lazy_compile

#: One field and the comma after it (or the line's end): quoted ("" inside is a quote) or
#: bare; by the delimiter, ASCII or full-width.
# (Repeats written as runs of single characters between the pairs or brackets, not a
# group repeated a character at a time: re keeps ≈ 120 bytes for each repetition of a
# group until the match ends, 190 times the line for a long prose line.)
_FIELD = {",": lazy_compile(r'[ \t]*(?:"([^"]*(?:""[^"]*)*)"|([^",]*?))[ \t]*(,|$)'),
          # (A label's own commas stand inside its brackets: （区分处理的，只计这一情形，…）.)
          # (Greedy, its blanks cut after: a long prose line is read to its first comma at
          # once.)
          "，": lazy_compile(r'[ \t\u3000]*(?:"([^"]*(?:""[^"]*)*)"'
                            r'|([^"，（(]*(?:[（(][^）)]*[）)][^"，（(]*)*))[ \t\u3000]*(，|$)')}
#: The end of a quoted field begun on the line above, at a line's start, and its comma.
_QUOTE_CLOSED = lazy_compile(r'[ \t]*([^",]*)"[ \t]*(,|$)')
#: A quoted field left open at the line's end (it goes on on the next line).
_QUOTE_OPENED = lazy_compile(r'[ \t]*"([^"]*)$')
_NUMBER = lazy_compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
#: A run of digit groups a thousands separator would make (1,234 and 12,345,678).
_THOUSANDS = lazy_compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")


def csv_fields(text: str) -> Optional[list[tuple[str, int]]]:
    """The fields of a CSV row (each its text without quotes and the 1-based column it
    starts at), or None when ``text`` is not read as one (see the module's docstring)."""
    delimiter = csv_delimiter(text)
    if delimiter is None or _THOUSANDS.fullmatch(text.strip()):
        return None
    # Full-width commas run through Chinese prose: a sentence's full stop, or a later field
    # that is neither a number, empty nor a column header, rules the line out at once.
    prose_guard = delimiter == "，"
    if prose_guard and "。" in text:
        return None
    fields: list[tuple[str, int]] = []
    bare_labels = 0  # unquoted text after the first field
    pos = 0
    field_re = _FIELD[delimiter]
    # A quoted field that holds a line break (a spreadsheet cell wrapped with Alt+Enter)
    # runs over two lines: the first ends inside it, the next begins inside it.
    split_quote = delimiter == "," and text.count('"') % 2 == 1
    carried = 0
    if split_quote:
        m = _QUOTE_CLOSED.match(text)
        if m is not None:
            fields.append((m.group(1), m.start(1) + 1))
            carried, pos = 1, m.end()
            if not m.group(2):
                return None  # (a line's text and a quote: no row)
    while True:
        m = field_re.match(text, pos)
        if m is None:
            opened = _QUOTE_OPENED.match(text, pos) if split_quote and not carried else None
            if opened is None:
                return None
            fields.append((opened.group(1), opened.start(1) + 1))
            carried = 1
            break
        quoted, bare = m.group(1), m.group(2)
        if bare and prose_guard:
            bare = bare.rstrip(" \t\u3000")
        if quoted is not None:
            fields.append((quoted, m.start(1) + 1))
        else:
            if bare and not _NUMBER.fullmatch(bare):
                if not fields and bare[-1].isdigit():
                    return None  # a first field ending in a digit: 行政事业性收费 1,234
                if prose_guard and fields and bare not in _HEADER_WORDS:
                    return None
                bare_labels += bool(fields)
            fields.append((bare, m.start(2) + 1))
        if not m.group(3):
            break
        pos = m.end()
    quoted = sum(1 for _f, c in fields if text[c - 2:c - 1] == '"') + carried
    if len(fields) < (2 if quoted else 3):
        return None  # (commas alone)
    if _header_row(fields):
        return fields
    if bare_labels and not (bare_labels == 1 and _remark_last(fields)) \
            or not (quoted or any(_NUMBER.fullmatch(f) for f, _c in fields)):
        return None  # (text after the first field, or labels alone: no table's cells)
    return fields


def _remark_last(fields: Sequence[tuple[str, int]]) -> bool:
    """A row closed by a remarks column (.remarks_column): a label, numbers or empty fields,
    one number at least, then text (「规章,0,0,3,其中1件为网上申请」, 「行政许可,0,无」)."""
    middle = [f for f, _c in fields[1:-1]]
    # (A row whose first field is a value, its label last, is no row with a remark: a
    # table printed values first.)
    first = fields[0][0]
    return (bool(first) and not _NUMBER.fullmatch(first) and bool(fields[-1][0])
            and any(_NUMBER.fullmatch(f) for f in middle)
            and all(not f or _NUMBER.fullmatch(f) for f in middle))


def csv_delimiter(text: str) -> Optional[str]:
    """The comma a CSV row of ``text`` would be cut by: ASCII where it has one, else the
    full-width one, else None."""
    return "," if "," in text else "，" if "，" in text else None


def _header_row(fields: Sequence[tuple[str, int]]) -> bool:
    """Labels alone are a table's header row when two of them are column headers of the
    format (信息内容, 本年制发件数, 自然人, 结果维持, …) and none after the first is a
    sentence: then its other labels are cells too, and a misspelt one among them is seen as
    a header (T102)."""
    # (The first field may be table 三's note over its label column, 「（本列数据的勾稽关系
    # 为：…）」: a header cell, its colon no sentence's.)
    return (sum(f in _HEADER_WORDS for f, _c in fields) >= 2
            and not any(mark in f for f, _c in fields[1:] for mark in "。；;：:"))


_HEADER_WORDS = frozenset((
    _format.T2_2021.label_header, *_format.T2_2021.column_names,
    *(c.label for c in _format.T3_2021.columns),
    *(c.label for c in _format.T4.columns), *(b.label for b in _format.T4.blocks)))


def csv_segments(text: str) -> Optional[list[tuple[tuple[Tok, ...], int]]]:
    """The tokens of each field of a CSV row at their columns in the line, and the column
    each field starts at (what ``lines._separated`` cuts cells from), or None."""
    fields = csv_fields(text)
    if fields is None:
        return None
    out: list[tuple[tuple[Tok, ...], int]] = []
    for field, column in fields:
        toks: Sequence[Tok] = ()
        if field:
            record = read_record(field)
            if record is None:
                return None
            toks = tuple(Tok(t.type, t.value, t.column + column - 1) for t in record.tokens)
        out.append((tuple(toks), column))
    return out
