"""Rule examples written as fragments: the sentences or table rows that matter, embedded in
the standard example report (:func:`gplint.example.example_report`), with the offending
value marked ``⟦…⟧``.

A fragment is a block whose first line is ``…`` (the rest of the standard report). Its
other lines are placed into the example report as follows:

- a section heading of the format (三、收到和处理政府信息公开申请情况) sends the lines after it
  to that section (the first lines go to 一、总体情况);
- a table row whose label is a row label of the example report's tables (``（七）总计 3 0 0
  0 0 0 3``, ``行政规范性文件 3 1 12``) replaces that row's values; a line of fifteen
  numbers replaces table 四's values;
- any other line is prose: in 一、总体情况 it takes the place of the example's topic line
  with the same enumerator (（一）主动公开…), else of its （二）依申请公开 sentence; elsewhere
  it takes the place of the section's own sentence (五, 六) or opens the section.

``⟦`` and ``⟧`` are taken out of the embedded text; :func:`embed` gives the line and column
where each marked value begins, which the rule's finding must cover.
"""
from __future__ import annotations

import re
from typing import Optional

from . import format as _format
from .example import example_report

_FMT = _format.FORMAT_2021
_OPEN, _CLOSE = "⟦", "⟧"
_HEADINGS = {sec.heading: sec.slot for sec in _FMT.sections}
_NUMBER = re.compile(r"⟦?-?\d+(?:\.\d+)?⟧?")
#: The example report's own prose, which a fragment's prose replaces, by section.
_SLOT_PROSE = {"S1": "（二）依申请公开。", "S5": "一是信息发布的及时性", "S6": "本机关"}
_TOPIC_MARK = re.compile(r"[（(][一二三四五][）)]")
_T4_WIDTH = len(_FMT.t4.block_keys) * len(_FMT.t4.column_keys)


#: The first line of a fragment: "the rest of the standard report".
FRAGMENT_LEAD = "…"


def is_fragment(block: str) -> bool:
    first = next((ln for ln in block.splitlines() if ln.strip()), "")
    return first.strip() == FRAGMENT_LEAD


def embed(fragment: str, year: int = 2024) -> tuple[str, list[tuple[int, int]]]:
    """(the example report with the fragment in it, markers removed; the 1-based (line,
    column) where each ``⟦`` marked value begins)."""
    lines = example_report(year=year).split("\n")
    section = "S1"
    prose: dict[str, list[str]] = {}
    for raw in fragment.splitlines():
        line = raw.strip()
        if not line or line == FRAGMENT_LEAD:
            continue
        if line in _HEADINGS:
            section = _HEADINGS[line]
            continue
        if _replace_row(lines, line):
            continue
        prose.setdefault(section, []).append(line)
    for slot, body in prose.items():
        _place_prose(lines, slot, body)
    return _take_marks("\n".join(lines))


def _split_row(line: str) -> Optional[tuple[str, list[str]]]:
    """(label, values) of a table row written with blanks between its cells."""
    tokens = line.split()
    k = len(tokens)
    while k and _NUMBER.fullmatch(tokens[k - 1]):
        k -= 1
    if k == len(tokens):
        return None
    return (tokens[k - 1] if k else ""), tokens[k:]


def _replace_row(lines: list[str], line: str) -> bool:
    row = _split_row(line)
    if row is None:
        return False
    label, values = row
    if not label:
        if len(values) != _T4_WIDTH:
            return False
        for i, old in enumerate(lines):
            cells = old.split("\t")
            if len(cells) == _T4_WIDTH and all(c.strip().isdigit() for c in cells):
                lines[i] = "\t".join(values)
                return True
        return False
    for i, old in enumerate(lines):
        cells = old.split("\t")
        k = next((j for j, c in enumerate(cells) if _NUMBER.fullmatch(c.strip())), None)
        if k is None or k == 0 or cells[k - 1].strip() != label:
            continue
        lines[i] = "\t".join(cells[:k] + values)
        return True
    return False


def _place_prose(lines: list[str], slot: str, body: list[str]) -> None:
    heading = _FMT.section(slot).heading
    at = lines.index(heading)
    mark = _SLOT_PROSE.get(slot)
    if slot == "S1":
        # A line opening with a topic's enumerator (（一）主动公开…) takes that topic's place.
        for line in list(body):
            topic = _TOPIC_MARK.match(line)
            spot = next((i for i in range(at + 1, len(lines)) if topic and lines[i].startswith(topic.group())), None)
            if spot is not None:
                lines[spot] = line
                body.remove(line)
        if not body:
            return
    if mark is not None:
        for i in range(at + 1, len(lines)):
            if lines[i].startswith(mark):
                lines[i:i + 1] = body
                return
    lines[at + 2:at + 2] = body


def _take_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    marks = []
    out_lines = []
    for n, line in enumerate(text.split("\n"), start=1):
        while _OPEN in line:
            i = line.index(_OPEN)
            marks.append((n, i + 1))
            line = line[:i] + line[i + 1:].replace(_CLOSE, "", 1)
        out_lines.append(line)
    return "\n".join(out_lines), marks
