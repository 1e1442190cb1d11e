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
- a row's values may be blank marks (``—``, ``/``) as well as numbers; a row whose label
  is no label of the example (``规范性文件 1 0 5``) replaces, label and all, the row of as
  many values whose label it is most like (行政规范性文件);
- a table 二 header line (``信息内容 本年制发件数 本年废制件数 现行有效件数``) replaces the
  header line of as many cells that it is most like;
- ``~~…~~`` takes out of the example report a section (``~~四、政府信息公开行政复议、行政诉讼情况~~``:
  its heading and body), a table (``~~表四~~``) or a table row (``~~2.重复申请~~``);
- a heading much like a section's (``二、行政机关主动公开政府信息情况``) replaces it;
- before any heading, a line naming the report (``…2024年政府信息公开工作年度报告``) replaces
  the title, and a line about the report itself (``本报告…``, ``现将…``, or one giving the
  ``统计期限``) replaces the preface;
- any other line is prose: in 一、总体情况 it takes the place of the example's topic line
  with the same enumerator (（一）主动公开…), else of its （二）依申请公开 sentence; elsewhere
  it takes the place of the section's own sentence (五, 六) or opens the section.

``⟦`` and ``⟧`` are taken out of the embedded text; :func:`embed` gives the line and column
where each marked value begins, which the rule's finding must cover.
"""
from __future__ import annotations

import difflib
from typing import Optional

from . import format as _format
from .example import example_report
from .lazy_re import lazy_compile

_FMT = _format.FORMAT_2021
_OPEN, _CLOSE = "⟦", "⟧"
_HEADINGS = {sec.heading: sec.slot for sec in _FMT.sections}
#: A cell value of a row: a number, or a blank mark standing for zero.
_NUMBER = lazy_compile(r"⟦?(?:-?\d+(?:\.\d+)?|[—－/／])⟧?")
#: A line naming the report (its title), and one about the report itself (the preface).
_TITLE = lazy_compile(r"^\S{0,40}\d{4}\s*年度?政府信息公开工作年度报告$")
_PREFACE = lazy_compile(r"^(?:本报告|现将)|统计期限")
_MARKS = str.maketrans("", "", "⟦⟧")
#: The section whose body is each table (``~~表四~~`` takes the table out).
_TABLE_SECTIONS = {"表二": "S2", "表三": "S3", "表四": "S4"}
#: The example report's own prose, which a fragment's prose replaces, by section.
_SLOT_PROSE = {"S1": "（二）依申请公开。", "S5": "一是信息发布的及时性", "S6": "本机关"}
_TOPIC_MARK = lazy_compile(r"[（(][一二三四五][）)]")
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
    top = True  # no section heading yet: a title or preface line is the report's own
    prose: dict[str, list[str]] = {}
    for raw in fragment.splitlines():
        line = raw.strip()
        if not line or line == FRAGMENT_LEAD:
            continue
        plain = line.translate(_MARKS)
        if plain.startswith("~~") and plain.endswith("~~") and len(plain) > 4:
            _remove(lines, plain[2:-2].strip())
            continue
        if plain in _HEADINGS:
            section, top = _HEADINGS[plain], False
            if line != plain:  # a marked heading: the mark stands on the report's heading
                lines[lines.index(plain)] = line
            continue
        variant = _heading_variant(line)
        if variant is not None:
            lines[lines.index(_FMT.section(variant).heading)] = line
            section, top = variant, False
            continue
        if top and _TITLE.match(plain):
            lines[0] = line
            continue
        if top and _PREFACE.search(plain) and not prose:
            at = next(i for i, old in enumerate(lines) if _PREFACE.search(old))
            lines[at] = line
            continue
        if _replace_header(lines, line) or _replace_row(lines, line):
            continue
        prose.setdefault(section, []).append(line)
    for slot, body in prose.items():
        _place_prose(lines, slot, body)
    return _take_marks("\n".join(lines))


def _remove(lines: list[str], what: str) -> None:
    """Take out of the example report a section (its heading and body), a table (表二, 表三,
    表四: its section's body) or a table row (by its label)."""
    slot = _HEADINGS.get(what) or _TABLE_SECTIONS.get(what)
    if slot is not None:
        heading = _FMT.section(slot).heading
        at = next(i for i, line in enumerate(lines) if line.translate(_MARKS) == heading)
        end = next((i for i in range(at + 1, len(lines)) if lines[i].translate(_MARKS) in _HEADINGS), len(lines))
        start = at if what in _HEADINGS else at + 1
        lines[start:end] = [] if what in _HEADINGS else [""]
        return
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.split("\t")]
        k = next((j for j, c in enumerate(cells) if _NUMBER.fullmatch(c)), None)
        if k and cells[k - 1] == what:
            del lines[i]
            return
    raise ValueError(f"nothing to take out for ~~{what}~~ in the example report")


def _heading_variant(line: str) -> Optional[str]:
    """The section whose heading ``line`` is a variant of: the same numeral (二、), words
    much like the format's (二、行政机关主动公开政府信息情况)."""
    plain = line.translate(_MARKS)
    for heading, slot in _HEADINGS.items():
        numeral = heading.split("、")[0] + "、"
        if plain.startswith(numeral) and plain != heading and _likeness(plain, heading) >= 0.75:
            return slot
    return None


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
    like: list[tuple[float, int, list[str], int]] = []
    for i, old in enumerate(lines):
        cells = old.split("\t")
        k = next((j for j, c in enumerate(cells) if _NUMBER.fullmatch(c.strip())), None)
        if k is None or k == 0:
            continue
        if cells[k - 1].strip() == label:
            lines[i] = "\t".join(cells[:k] + values)
            return True
        if len(cells) - k == len(values):
            like.append((_likeness(cells[k - 1].strip(), label.translate(_MARKS)), i, cells, k))
    # A label variant (规范性文件 for 行政规范性文件) takes the place of the row it is most like.
    best = max(like, default=None)
    if best is None or best[0] < 0.6:
        return False
    _, i, cells, k = best
    lines[i] = "\t".join(cells[:k - 1] + [label] + values)
    return True


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _replace_header(lines: list[str], line: str) -> bool:
    """A table 二 header line takes the place of the header of as many cells it is most like."""
    cells = line.split()
    if cells[0] != _FMT.t2.label_header or len(cells) < 2:
        return False
    candidates = [(_likeness(old.replace("\t", ""), line.translate(_MARKS).replace(" ", "")), i)
                  for i, old in enumerate(lines) if old.split("\t")[0] == cells[0] and len(old.split("\t")) == len(cells)]
    if not candidates:
        return False
    lines[max(candidates)[1]] = "\t".join(cells)
    return True


def _place_prose(lines: list[str], slot: str, body: list[str]) -> None:
    heading = _FMT.section(slot).heading
    at = next(i for i, line in enumerate(lines) if line.translate(_MARKS) == heading)
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
