"""S101: one of the six statutory sections has no heading."""
from __future__ import annotations

import re
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.labels import NUMERAL_LOOKALIKES, normalise
from gplint.lazy_re import lazy_compile
from gplint.model import Report, Span

from ._common import MIN_SECTIONS, SLOTS, STANDARD, table_region, title_garbled_heading


def _where(report: Report, slot: str) -> int:
    """The line where the missing section should start."""
    idx = SLOTS.index(slot)
    prev = [report.sections[s] for s in SLOTS[:idx] if s in report.sections]
    nxt = [report.sections[s] for s in SLOTS[idx + 1:] if s in report.sections]
    lo = prev[-1].line if prev else 0
    hi = nxt[0].line if nxt else len(report.lines) + 1
    # A section that carries a table starts, at the latest, where its table starts.
    own = table_region(report, slot)
    if own is not None and lo < own[0] < hi:
        return own[0]
    # Otherwise: the first heading after the previous section's content (its table).
    if prev:
        region = table_region(report, prev[-1].slot)
        if region is not None and region[1] > lo:
            lo = region[1]
    for h in report.headings:
        if lo < h.span.line < hi and not report.in_table(h.span.line):
            return h.span.line
    return hi if hi <= len(report.lines) else max(1, len(report.lines))


def _lines_between_neighbours(report: Report, slot: str) -> range:
    """The line numbers between the headings of the sections found before and after
    ``slot`` (the report's start and end where there are none)."""
    idx = SLOTS.index(slot)
    prev = [report.sections[s].line for s in SLOTS[:idx] if s in report.sections]
    nxt = [report.sections[s].line for s in SLOTS[idx + 1:] if s in report.sections]
    lo, hi = (prev[-1] if prev else 0), (nxt[0] if nxt else len(report.lines) + 1)
    return range(lo + 1, min(hi, len(report.lines) + 1))


def _unnumbered_title(report: Report, slot: str) -> int:
    """The line where the section's title stands alone without its numbering, or with it
    mistyped ("四，…", "四 …", stray quote marks), between the sections around it; 0 when
    there is none. Such a line is no heading to the reader, but it is where the section
    starts: the finding goes there and says so."""
    longest = len(STANDARD[slot]) + _SLIP
    title = normalise(STANDARD[slot].split("、", 1)[1])  # the standard title's words, whole
    for number in _lines_between_neighbours(report, slot):
        text = report.lines[number - 1].strip()
        # (Inside a table region too: without its heading, table 三's region runs on over
        # the title to table 四.)
        if not text or len(text) > longest or "。" in text or any(ch.isdigit() for ch in text):
            continue
        if title in normalise(text):
            return number
    return 0


def _numbered_as_scanned(text: str, slot: str) -> bool:
    """The title's numbering as OCR leaves a printed one: the numeral read as a character
    of its shape (「入、」 for 六、, 「叫、」 for 四、), its 、 lost (「五存在…」), or the numeral
    lost and its mark kept (「、总体情况」, 「，收到和处理…」: 一 is a single stroke). A typist
    leaves a blank or types another mark ("四 …", "四，…"); a scan loses a glyph."""
    title = STANDARD[slot].split("、", 1)[1]
    text = text.strip()
    start = text.find(title[0])
    if start <= 0:
        return False
    numeral, prefix = STANDARD[slot][0], text[:start].rstrip(" \u3000")
    if prefix == numeral:
        return text[start - 1] == numeral  # the 、 lost, no blank in its place
    head, mark = (prefix[:-1], prefix[-1]) if prefix[-1] in _MARKS else (prefix, "")
    if not head:
        return bool(mark)
    return len(head) == 1 and head in NUMERAL_LOOKALIKES.get(numeral, "")


#: Marks OCR reads a section numeral's 、 as.
_MARKS = "、，,."


def _title_end_garbled(report: Report, slot: str) -> bool:
    """Whether the section's heading stands between its neighbours as OCR leaves a long
    title: its numbering as a scan reads it, the title's start read right (at least
    :data:`_TITLE_START` characters) and its end garbled or wrapped onto the next line
    (「、政府信息公开行政复议、」 / 「行下iR人情况」): no more characters after the start,
    on that line or the next one, than the title's rest and a slip, and no sentence."""
    title = STANDARD[slot].split("、", 1)[1]
    lines = report.lines
    numbers = list(_lines_between_neighbours(report, slot))
    for k, number in enumerate(numbers):
        text = lines[number - 1].strip()
        if len(text) > len(STANDARD[slot]) + _SLIP or title[:_TITLE_START] not in "".join(text.split()):
            continue
        if not _numbered_as_scanned(text, slot):
            continue
        read = "".join(text[text.find(title[0]):].split())
        same = next((i for i, (a, b) in enumerate(zip(read, title)) if a != b), min(len(read), len(title)))
        rest = read[same:]
        if not rest:  # the title wrapped: its end is the next line that is not blank
            rest = next(("".join(lines[n - 1].split()) for n in numbers[k + 1:] if lines[n - 1].strip()), "")
        if same >= _TITLE_START and len(rest) <= len(title) - same + _SLIP and "。" not in rest \
                and not any(ch.isdigit() for ch in rest):
            return True
    return False


def _title_in_table_cells(report: Report, slot: str) -> bool:
    """Whether the section's numbered title stands inside a pipe table's row, cut into its
    cells or among a cell's lines ("|行政事业性收费<br>0<br>三、收到和处理政府信息<br>…|公开申|请情况|"), or
    in the last lines of cells whose first lines are a row's values ("|40<br>五、|0<br>存在|…|"):
    PDF-to-markdown tools take a heading between two tables into a table. The heading is
    there to the eye; the reader cannot take it for one."""
    start = normalise(STANDARD[slot])[:_TITLE_START]
    for number in _lines_between_neighbours(report, slot):
        text = report.lines[number - 1]
        if "|" not in text:
            continue
        # (Or in the cells' last lines, under a row's values: 「|40<br>五、|0<br>存在|…|」.)
        last_lines = "".join(_BR.split(cell)[-1] for cell in text.split("|"))
        if start in normalise(_BR.sub("", text.replace("|", ""))) or start in normalise(last_lines):
            return True
    return False


#: How much of a numbered title (三、收到和处理政府) identifies it inside table cells.
_TITLE_START = 10
_BR = lazy_compile(r"<br\s*/?>", re.I)


#: How many characters a title line may carry beyond the standard title (a mistyped
#: numbering, quote marks, blanks): more is a sentence about the section's matter.
_SLIP = 3


class SectionMissing(Rule):
    """One of the six statutory sections has no heading.

    What it checks
        A report has six numbered sections, 一、总体情况 … 六、其他需要报告的事项. When the
        report shows most of them (at least four, so fragments are left alone) and one is
        missing, the finding is placed where that section should start: the first line of
        its table (table 二/三/四) when the table is there, else the first heading after the
        previous section's content, else the next section's heading. A section whose
        standard title stands on a line of its own with its numbering mistyped or lost
        ("四，…", "四 …", stray marks) is no heading to the reader: the finding goes on that
        line and says so. Not reported when the numbering is as a scan reads a printed one
        (the numeral read as a character of its shape, 「入、」 for 六、; its 、 lost; the
        numeral lost and its mark kept, 「、总体情况」), nor when such a title's start is read
        right and its end garbled or wrapped onto the next line, no longer than the title's
        rest (「、政府信息公开行政复议、」 / 「行下iR人情况」), nor for a heading numbered with the
        section's numeral, in its place, whose title a scan garbled (of the title's length,
        a third of its characters in order: 「五、入在网主要肯闻及攻测庙」): the section is there. A numbered
        title inside a pipe table's row (cut into its cells by a PDF-to-markdown tool) is
        there to the eye: no finding.

    Why
        docs/format.md §2 and §3.1 (exactly six sections in a fixed order, following 条例
        第五十条); a section whose heading was dropped hides its content under the previous
        one (e.g. table 四 read as part of section 三).

    Bad::

        …
        ~~四、政府信息公开行政复议、行政诉讼情况~~
        ⟦五、存在的主要问题及改进情况⟧

    Good::

        …
    """

    code = "S101"
    name = "section-missing"
    explanation = "报告缺少六个法定章节之一的标题（一、总体情况 …… 六、其他需要报告的事项）。"
    category = "structure"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if len(report.sections) < MIN_SECTIONS:
            return
        for slot in SLOTS:
            if slot in report.sections:
                continue
            titled = _unnumbered_title(report, slot)
            if titled:
                text = report.lines[titled - 1]
                if _numbered_as_scanned(text, slot):
                    continue  # the section is there, its numbering as a scan reads it
                yield self.diag(
                    f"第{SLOTS.index(slot) + 1}部分的标题“{text.strip()}”没有按格式编号，未被识别为章节标题"
                    f"（应为“{STANDARD[slot]}”）",
                    Span(titled, 1, titled, len(text) + 1), key=slot, snippet=STANDARD[slot])
                continue
            if _title_in_table_cells(report, slot) or _title_end_garbled(report, slot) \
                    or title_garbled_heading(report, slot):
                continue
            line = _where(report, slot)
            text = report.lines[line - 1] if 0 < line <= len(report.lines) else ""
            yield self.diag(
                f"缺少第{SLOTS.index(slot) + 1}部分“{STANDARD[slot]}”的标题（应在此处开始）",
                Span(line, 1, line, len(text) + 1), key=slot, snippet=STANDARD[slot])
