"""The builder's shortcuts in cutting a line into cells give the cells of the general reading.

``_split_line`` reads a line without pipes, tabs or numbers (prose, headings: most of the
lines a report reads for the first time) without the footer and trailing-values analysis
of :func:`gplint.reader.lines._split_unseparated`, and a separated line by slicing its tokens at
the separators. Each test here compares a shortcut with the general reading on the corpus
texts, the layout texts, synthetic reports and generated lines.
"""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gplint.reader import lines
from gplint.reader.cells import LCell, LineInfo
from gplint.reader.lines import _split_unseparated, split_line as _split_line
from gplint.grammar import Line, Tok, tokenise

ROOT = Path(__file__).parent
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "layouts" / "texts").glob("*.txt"))

sys.path.insert(0, str(ROOT.parent / "bench"))
import synth  # noqa: E402

from gplint.reader.csv_rows import csv_fields  # noqa: E402


def _lines() -> list[Line]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in TEXTS]
    texts += [synth.make_report(i)[0] for i in range(8)]
    return [line for text in texts for line in tokenise(text.replace("\r\n", "\n"))]


def _types(line: Line) -> set[str]:
    return {t.type for t in line.tokens}


def _no_number(line: Line) -> bool:
    """Lines the no-number shortcut reads: content, no separator, no number."""
    types = _types(line)
    return bool(types - {"BLANK", "HASH", "STAR"}) and not types & {"PIPE", "TAB", "NUMBER"}


def test_lines_without_numbers_read_as_the_general_reading():
    lines = [line for line in _lines() if _no_number(line)]
    assert len(lines) > 1000
    for line in lines:
        assert _split_line(line) == _split_unseparated(line), line


def _separated_reference(line: Line) -> LineInfo:
    """The separated reading written directly: segments token by token, every filter run."""
    toks, n = line.tokens, line.number
    sep_type = "PIPE" if any(t.type == "PIPE" for t in toks) else "TAB"
    segments: list[list[Tok]] = [[]]
    starts = [1]
    for t in toks:
        if t.type == sep_type:
            segments.append([])
            starts.append(t.end_column)
        elif t.type == "TAB":
            segments[-1].append(Tok("BLANK", t.value, t.column))
        else:
            segments[-1].append(t)
    cells: list[LCell] = []
    for seg, start in zip(segments, starts):
        cells.extend(lines._segment_cell(seg, n, start))
    if sep_type == "PIPE":
        if cells and cells[0].kind == "blank" and not cells[0].text and not "".join(t.value for t in segments[0]).strip():
            cells.pop(0)
        if cells and cells[-1].kind == "blank" and not cells[-1].text and not "".join(t.value for t in segments[-1]).strip():
            cells.pop()
    # (The cell filters the reader runs on every cut row: a dash glued to a label, marks and
    # OCR look-alikes standing in a value's place.)
    cells = lines.glued_dash(cells)
    lines.written_non_counts(cells)
    # (A lone pipe, no cell at all, is a border too: a converter's cell end.)
    md_rule = sep_type == "PIPE" and all(c.kind == "label" and set(c.text) <= set("-:— ") for c in cells)
    last_label = max((k for k, c in enumerate(cells) if c.kind == "label"), default=-1)
    first_value = next((k for k, c in enumerate(cells) if c.kind != "label" and c.text), len(cells))
    # A row of values with no label (table 四's values) keeps its leading
    # empty cells: they are its first cells, left empty. (Before one value, "\t0",
    # an empty cell is indentation.)
    row_of_values = len(cells) > 2 and any(c.kind == "num" for c in cells)
    cut = last_label if last_label >= 0 else (0 if row_of_values else first_value)
    out = [c for k, c in enumerate(cells) if k >= cut or c.kind != "blank" or c.text]
    return LineInfo(n, line.text, toks, out, True, md_rule=md_rule)


def test_separated_lines_read_as_the_direct_reading():
    lines = [line for line in _lines() if _types(line) & {"PIPE", "TAB"}]
    assert len(lines) > 500
    for line in lines:
        assert _split_line(line) == _separated_reference(line), line


_ALPHABET = list("0123456789０.,、（）()|｜#*\t \u3000-—:一二三十百零件年元：申请总计\"")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60))
def test_generated_lines(text):
    line = tokenise(text)[0]
    if _types(line) & {"PIPE", "TAB"}:
        assert _split_line(line) == _separated_reference(line)
    elif csv_fields(text) is not None:  # a CSV row (gplint.reader.csv_rows): a cell a field
        fields = csv_fields(text)
        info = _split_line(line)
        assert info.separated
        # (A field of emphasis marks alone, "*", is an empty cell: markdown's, not text.)
        assert len([c for c in info.cells if c.text]) >= len([f for f, _ in fields if f.strip().strip("*")])
    elif _no_number(line):
        assert _split_line(line) == _split_unseparated(line)


def test_lines_read_from_their_records_as_from_their_tokens():
    """The reader cuts a line as its record says (gplint.grammar: blank, footer, row cut by
    pipes or tabs); the token-level reading, used for a page flattened into one line, must
    give the same cells for every line."""
    from gplint.grammar import line_lexer
    from gplint.reader.lines import split_record

    reader = line_lexer()
    kinds = set()
    for line in _lines():
        record = reader.read_record(line.text)
        assert record is not None and record.tokens == line.tokens, line
        kinds.add(type(record).__name__ + getattr(record, "separator", ""))
        assert split_record(line, record) == _split_line(line), line
    assert {"BlankLine", "FooterLine", "RowLinePIPE", "RowLineTAB", "RowLineBLANK", "HeadingLine", "ProseLine"} <= kinds


def test_a_page_of_pages_footer_in_a_column_stream_is_no_cell():
    # pdfminer's one-cell-a-line stream of a table running over a page: the footer 「7/9」
    # (page 7 of 9) between two cells was read as two more values of the row (false T103,
    # A104, N101).
    from gplint import lint_text

    path = Path(__file__).parent / "corpus" / "kiro_hongze-2024_pdfminer.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = max(k for k, line in enumerate(lines) if "本年新收" in line)
    plain = {(d.code, d.message) for d in lint_text("\n".join(lines))}
    for at in range(start, start + 300, 23):
        with_footer = "\n".join(lines[:at] + ["7/9"] + lines[at:])
        assert {(d.code, d.message) for d in lint_text(with_footer)} == plain, at
