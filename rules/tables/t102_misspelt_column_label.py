"""T102: a table 二 column header is misspelt."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import OLD_FORMAT_SIGNATURES, T2_2019, T2_2021, T2_COLUMN_WORDING
from gplint.labels import normalise
from gplint.model import Report, Span

#: The 2021 format's table 二 column headers, without units (U101/U102 judge the units).
STANDARD_2021 = T2_2021.column_names
#: Header words of the 2019 format (T107 reports them in 2021+ reports) and wordings of the
#: 2021 headers that say the same (本年度废止件数: T109, strict): not misspellings.
OTHER_KNOWN = tuple(normalise(w) for w in OLD_FORMAT_SIGNATURES) + (
    normalise(T2_2019.block_of("licensing").columns[-1].label), normalise(T2_2021.label_header)) + tuple(
    normalise(w) for w in T2_COLUMN_WORDING)
#: Every known header word, the longest first (本年度新制发件数 before 本年新制发件数).
_KNOWN = tuple(sorted(dict.fromkeys(STANDARD_2021 + OTHER_KNOWN), key=len, reverse=True))


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (labels are short)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def near_miss(piece: str) -> Optional[str]:
    """The standard header ``piece`` is a misspelling of (one character off), or None. The
    wording 本年度 for 本年 is T109's, not a character off (本年度制发数: 件 left out)."""
    worded = "本年" + piece[3:] if piece.startswith("本年度") else piece
    for w in STANDARD_2021:
        if worded != w and abs(len(worded) - len(w)) <= 1 and _distance(worded, w) == 1:
            return w
    return None


def _pieces(norm: str) -> list[str]:
    """What is left of a normalised header after cutting out known words and units."""
    t = norm
    for w in _KNOWN:
        t = t.replace(w, "|")
    # Units in parentheses belong to the fee header; U101/U102 judge them.
    out = []
    for p in t.split("|"):
        if "(" in p:
            p = p.split("(")[0]
        if len(p) >= 5:
            out.append(p)
    return out


_OTHER_YEAR = ("上一年", "上年", "去年")


def _year_before(piece: str, line_words: set[str]) -> bool:
    """``上年收费金额`` printed beside ``本年收费金额`` in the header (``line_words``): the
    column of the year before in a two-year table, not a misspelling of this year's."""
    for prefix in _OTHER_YEAR:
        if piece.startswith(prefix):
            this_year = "本年" + piece[len(prefix):]
            return any(this_year in w for w in line_words)
    return False


def _repeated_first_header(t2) -> Optional[tuple[Any, str]]:
    """The second of two identical headers of 第二十条第（一）项 and the header its column
    should have, when exactly one of the block's three headers is printed nowhere; else None.
    The block's headers are the column labels before its first row's label."""
    block = (T2_2019 if t2.format == "2019" else T2_2021).blocks[0]
    names = [normalise(c.label) for c in block.columns]
    keys = {r.key for r in block.rows}
    rows = [(lab.span.line, lab.span.column) for lab in t2.row_labels if lab.key in keys]
    if not rows:
        return None
    first_row = min(rows)
    header = [c for c in t2.column_labels if (c.span.line, c.span.column) < first_row]
    found = [(c, normalise(c.text)) for c in header if normalise(c.text) in names]
    printed = [n for _, n in found]
    missing = [n for n in names if n not in printed]
    if len(missing) != 1 or len(found) != len(names):
        return None
    seen: set[str] = set()
    for c, n in found:
        if n in seen:
            return c, block.columns[names.index(missing[0])].label
        seen.add(n)
    return None


class MisspeltColumnLabel(Rule):
    """What it checks
        The column headers of 表二: 本年制发件数, 本年废止件数, 现行有效件数, 本年处理决定数量,
        本年收费金额（单位：万元）. A header that is one character away from a standard one
        (本年废制件数) is a misspelling. Headers are compared after the FORMAT §10
        normalisation (width, blanks, Traditional characters), so layout variants pass;
        2019-format headers are T107's business, and wordings that say the same as the
        format's (本年度废止件数, 本年新制发件数: docs/format.md §10) T109's (strict); a
        header worded so and a character off besides (本年度制发数: 件 left out) is a
        misspelling.

    Why
        docs/format.md §4 (the 2021 headers, carried over exactly) and §10 ("misspellings such as
        本年废制件数 are errors, not variants"). A misspelt header in a statutory table is a
        visible defect of the published report. 本年度 for 本年 is not a misspelling: the
        format itself writes 本年度办理结果; a reviewer would not call it an error.

        A column of the year before printed beside this year's (上年收费金额 next to
        本年收费金额 on one header line) is another column, not a misspelling.

        A header of 第二十条第（一）项 printed twice where another of its three is printed
        nowhere (本年新制作数量 twice, 本年新公开数量 missing: a cell pasted over) names the
        missing column wrongly, in either format's headers.

    Bad::

        …
        信息内容 本年制发件数 ⟦本年废制件数⟧ 现行有效件数

    Good::

        …
        信息内容 本年制发件数 本年废止件数 现行有效件数
    """

    code = "T102"
    name = "misspelt-column-label"
    explanation = "表二的列名有错别字，例如“本年废制件数”应为“本年废止件数”。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None:
            return
        repeated = _repeated_first_header(t2)
        if repeated is not None:
            label, want = repeated
            yield self.diag(f"表二第（一）项列名“{label.text}”重复出现，此列应为“{want}”", label.span,
                            key=f"t2.header.{want}", snippet=label.text)
        seen = set()
        words_on: dict[int, set[str]] = {}
        for label in t2.column_labels:
            words_on.setdefault(label.span.line, set()).add(normalise(label.text))
        for label in t2.column_labels:
            for piece in _pieces(normalise(label.text)):
                want = near_miss(piece)
                # (This year's column may stand on the next line: header cells of two
                # paragraphs in Word's plain text, 「上年收费金额」 / 「（单位：万元）\t本年收费金额」.)
                beside = words_on[label.span.line] | words_on.get(label.span.line + 1, set())
                if want is None or (label.span.line, piece) in seen or _year_before(piece, beside):
                    continue
                seen.add((label.span.line, piece))
                yield self.diag(f"表二列名“{piece}”有误，应为“{want}”", self._span(report, label.span, piece),
                                key=f"t2.header.{want}", snippet=piece)

    @staticmethod
    def _span(report: Report, span: Span, piece: str) -> Span:
        text = report.lines[span.line - 1] if 0 < span.line <= len(report.lines) else ""
        at = text.find(piece, span.column - 1)  # (a page flattened into one line prints it earlier too)
        if at < 0:
            return span
        return Span(span.line, at + 1, span.line, at + 1 + len(piece))
