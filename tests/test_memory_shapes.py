"""Line shapes the fuzz bench (bench/fuzz.py) found costing 40-55 times their bytes at the
reader's peak, each now a small multiple (issue 16: "memory stays within a small multiple
of the input for any line shape"). Each test grows its shape to 100 KB and measures the
peak of ``parse`` with tracemalloc (tests/memory_peak.py).
"""
from __future__ import annotations

import gc
from pathlib import Path

from gplint.reader import parse
from gplint.reader.line_memo import line_at, read_lines
from gplint.reader.report import line_readings
from memory_peak import parse_peak_per_byte, peak_of

CORPUS = Path(__file__).parent / "corpus"
#: A crawled web page: the whole report flattened into one line.
CRAWLED_PAGE = CORPUS / "crawled" / "gaj-2021.txt"
REPORT = CORPUS / "001_98c801d9a8639466.txt"


def test_a_long_line_after_a_pipe_costs_a_small_multiple_of_its_bytes():
    # Markup debris after a pipe: the line is cut at the pipes, and the cut made a token
    # object for every token of the line at once (54x on main at 91f4eac).
    text = "| |" + "<a b='" * 17_000 + "\n"
    assert len(text.encode()) >= 100_000
    assert parse_peak_per_byte(text) <= 20


def test_a_flattened_page_among_repeated_lines_costs_a_small_multiple_of_its_bytes():
    # A page saved flattened and then as lines: once its long line is cut into virtual
    # lines, every other line was read again, a reading each (43x on main at 91f4eac).
    page = CRAWLED_PAGE.read_text(encoding="utf-8").strip("\n")
    report = REPORT.read_text(encoding="utf-8")
    text = page + "\n" + report * 13
    assert len(text.encode()) >= 100_000
    assert parse_peak_per_byte(text) <= 20


def test_a_flattened_page_keeps_the_shared_readings_of_the_lines_not_cut():
    page = CRAWLED_PAGE.read_text(encoding="utf-8").strip("\n")
    text = page + "\n" + REPORT.read_text(encoding="utf-8")
    raws, table, (real_of, _) = line_readings(text)
    assert len(table) > len(raws) and sorted(real_of[1:]) == list(real_of[1:])
    assert set(real_of[1:]) == set(range(1, len(raws) + 1))  # every line, in order
    cut = {n for n in real_of[1:] if real_of.count(n) > 1}
    assert len(cut) == 1  # the page's long line
    # The other lines: the line table's readings (made for their real lines), not readings
    # made again at their virtual numbers.
    _, lines, _ = read_lines(text)
    kept = [(info, real_of[v]) for v, info in enumerate(table, 1) if real_of[v] not in cut]
    assert [info for info, _ in kept] == [lines[n - 1] for _, n in kept]
    assert len(kept) == len(raws) - 1


def test_mapping_a_flattened_page_back_leaves_no_reference_cycle():
    # The walk that maps virtual lines back to real ones was a recursive closure: a cycle
    # that kept its set of every object's id alive until the next collection.
    page = CRAWLED_PAGE.read_text(encoding="utf-8")
    parse(page)
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        parse(page)
        gc.collect()
        left = [o for o in gc.garbage if getattr(o, "__module__", None) in ("gplint.reader.report", "gplint.reader.remap")]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert not left


def test_a_blank_line_of_a_table_region_is_read_at_its_own_number():
    from gplint.reader.cells import BlankLineAt, LineInfo

    from gplint.reader import line_memo

    # (The line memo emptied: each text is read afresh, for the first line that holds it.)
    line_memo._LINE_MEMO.young.clear()
    line_memo._LINE_MEMO.old = {}
    text = "| 0 | 0 |\n   \n| 0 | 0 |\n   \n\n"
    _, table, _ = read_lines(text)
    blank = line_at(table, 4)
    assert isinstance(blank, BlankLineAt) and blank.number == 4 and blank.text == "   "
    assert blank.blank and not blank.cells and not blank.labels and not blank.values and not blank.separated
    assert blank == LineInfo(4, "   ", table[3].tokens, [], False, blank=True, heading_shape=())
    assert blank != line_at(table, 5) and line_at(table, 5).number == 5
    assert line_at(table, 2) is table[1]  # read for that line: the shared reading itself
    row = line_at(table, 3)
    assert row.number == 3 and all(c.line == 3 for c in row.placed_cells) and table[2].cells[0].line == 1


def test_many_short_sentences_cost_a_small_multiple_of_their_bytes():
    # Markup debris in the prose: each "!" ends a "sentence" of a few characters, an
    # object each with its text and runs (70x on main at 91f4eac).
    text = REPORT.read_text(encoding="utf-8") + "\n" + "<!--" * 25_000 + "\n"
    assert len(text.encode()) >= 100_000
    assert peak_of(lambda: len(parse(text).sentences)) / len(text.encode()) <= 20


def _sentences_both_ways(text: str, monkeypatch) -> tuple:
    from gplint.reader import sentences

    monkeypatch.setattr(sentences, "_MANY_SENTENCES", 10**9)
    plain = parse(text).sentences
    monkeypatch.setattr(sentences, "_MANY_SENTENCES", 3)
    monkeypatch.setattr(sentences, "_CHARACTERS_A_SENTENCE", 10**9)
    monkeypatch.setattr(sentences, "_LONG_LINE", 40)
    packed = parse(text).sentences
    return plain, packed


def test_sentences_kept_packed_are_the_sentences_cut_one_by_one(monkeypatch):
    from gplint.reader.sentence_table import SentenceTable

    report = REPORT.read_text(encoding="utf-8")
    # Headings, sentences over several lines, marks other than 。, long lines of marks.
    text = report + "\n一、其他\n本机关全年收到申请\n12件！其中\n公开3件？" + "好!" * 30 + "尾部没有句号\n"
    plain, packed = _sentences_both_ways(text, monkeypatch)
    assert isinstance(plain, tuple) and isinstance(packed, SentenceTable)
    assert len(plain) > 50 and packed == plain and list(packed) == list(plain)
    assert packed[0] == plain[0] and packed[-1] == plain[-1] and packed[3:7] == plain[3:7]
    assert any(len(s.pieces) > 1 for s in packed) and any(s.heading for s in packed)
    assert [s.span() for s in packed] == [s.span() for s in plain]
    assert hash(packed) == hash(packed) and packed != plain[:-1]


def test_a_docx_whose_xml_is_large_costs_a_small_multiple_of_its_file():
    # The template's body repeated: its XML is 11x the zip. The body's pruned tree was kept
    # whole and read at the end, and the XML fed to expat 64 KB at a time (31-33x the zip).
    import io
    import zipfile

    from gplint.engine import LintOptions, lint_bytes
    from gplint.plugins import build_registry

    template = (Path(__file__).parent / "documents" / "template-2021-blank.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode()
                begin, end = xml.index("<w:body>") + len("<w:body>"), xml.rindex("<w:sectPr")
                data = (xml[:begin] + xml[begin:end] * 4 + xml[end:]).encode()
            zout.writestr(info, data)
    docx = out.getvalue()
    registry, options = build_registry(), LintOptions(profile="strict")
    assert peak_of(lambda: lint_bytes(docx, "big.docx", registry, options)) / len(docx) <= 20


def _table_rows_repeated(text: str, first_row: str, after_rows: str, size: int = 100_000, times: int = 0) -> str:
    """``text`` with the lines of its table 三 from ``first_row`` to ``after_rows`` printed
    again and again inside the table's region: to ``size`` bytes, or ``times`` times."""
    lines = text.split("\n")
    begin = next(k for k, line in enumerate(lines) if line.startswith(first_row))
    end = next(k for k, line in enumerate(lines) if k > begin and line.startswith(after_rows))
    head, rows, tail = "\n".join(lines[:end]) + "\n", "\n".join(lines[begin:end]) + "\n", "\n".join(lines[end:])
    times = times or -(-(size - len((head + tail).encode())) // len(rows.encode()))
    return head + rows * times + tail


def test_a_one_cell_a_line_table_repeated_in_its_region_costs_a_small_multiple_of_its_bytes():
    # Each line of the region was a copy of the shared reading of its text with its cells
    # copied to carry its number (67x on main at 5ef644b): the region reads the shared
    # cells with the line of each beside them.
    text = _table_rows_repeated(REPORT.read_text(encoding="utf-8"), "一、本年新收", "四、结转下年度继续办理")
    assert len(text.encode()) >= 100_000
    assert parse_peak_per_byte(text) <= 20


def test_table_rows_repeated_in_a_region_cost_a_small_multiple_of_their_bytes():
    # Rows cut by tabs, each printed many times (30x on main at 5ef644b).
    from gplint.example import example_report

    text = _table_rows_repeated(example_report(), "一、本年新收", "四、结转下年度继续办理")
    assert len(text.encode()) >= 100_000
    assert parse_peak_per_byte(text) <= 20


def test_a_repeated_table_row_reads_its_cells_at_each_of_its_lines():
    """The region reads one shared reading for every line of the same text; each row and
    its cells stand at their own line, a row printed again is found at its own line, and
    the shared cells keep the line they were read at."""
    from gplint.example import example_report
    from gplint.reader.line_memo import RegionLines

    text = _table_rows_repeated(example_report(), "一、本年新收", "三、本年度办理结果", times=3)
    lines = text.split("\n")
    at = [k for k, line in enumerate(lines, 1) if line.startswith("二、上年结转")]
    assert len(at) == 4  # printed once, then three times more
    report = parse(text)
    row = report.t3.rows["R02"]
    assert row.line == at[0] and {c.span.line for c in row.cells} == {at[0]}
    duplicates = [i.span.line for i in report.issues if i.kind == "t3-duplicate-row" and i.row == "R02"]
    assert duplicates == at[1:]
    _, table, _ = read_lines(text)
    assert all(table[n - 1] is table[at[0] - 1] for n in at)  # one shared reading
    region = RegionLines(table, range(at[0], at[-1] + 1))
    assert [i.number for i in region] == list(range(at[0], at[-1] + 1))
    assert all(c.line == i.number for i in region for c in i.placed_cells)
    assert all(c.line == at[0] for c in table[at[0] - 1].cells)  # the shared cells unchanged


def test_a_long_prose_line_with_a_full_width_comma_costs_a_small_multiple_of_its_bytes():
    # A line with a full-width comma is tried as a row of fields cut by it (csv_rows): the
    # field's expression repeated a group a character at a time, and re kept ≈ 120 bytes a
    # repetition until the match ended (66x on main at 7a87b48).
    text = REPORT.read_text(encoding="utf-8") + "\n情况，" + "数" * 40_000 + "\n"
    assert len(text.encode()) >= 100_000
    assert parse_peak_per_byte(text) <= 20


def test_a_quote_opening_a_long_field_costs_a_small_multiple_of_its_bytes():
    # An ASCII comma row whose field opens a quote that runs on (152x on main at 7a87b48).
    text = REPORT.read_text(encoding="utf-8") + '\n1,"' + "a" * 100_000 + "\n"
    assert parse_peak_per_byte(text) <= 20


def test_a_table_repeated_inside_a_flattened_line_costs_a_small_multiple_of_its_bytes():
    # A line of table labels and digits run together, cut into virtual lines at each label:
    # each virtual line was read on its own, its tokens and cells carrying the long line's
    # columns (47x on main at 7a87b48); virtual lines of the same text share one reading.
    text = "一、本年新收政府信息公开申请数量801000081第二十条规章000结果维持" * 800
    assert len(text.encode()) >= 70_000
    assert parse_peak_per_byte(text) <= 20


def test_virtual_lines_of_the_same_text_share_a_reading_and_keep_their_own_columns():
    """A page flattened into one line, printed twice on that line: a virtual line of a
    text read before is that reading seen at its own number, and every span on the second
    copy is mapped back to the second copy's columns."""
    page = CRAWLED_PAGE.read_text(encoding="utf-8").strip("\n").replace("\n", "")
    line = page + page
    once, twice = parse(page), parse(line)
    _, table, (real_of, offset_of) = line_readings(line)
    assert set(real_of[1:]) == {1}
    first: dict = {}
    for v, info in enumerate(table, 1):
        reading = first.setdefault(info.text, info)
        assert info.number == v and (info.shared is None) == (reading is info)
        assert info.shared in (None, reading) and line[offset_of[v]:].startswith(info.text)
    assert sum(info.shared is not None for info in table) >= len(table) // 3
    # The headings of the page where they stand alone, and again one page further on.
    spans = [(h.text, h.span.column, h.span.end_column) for h in once.headings]
    assert [(h.text, h.span.column, h.span.end_column) for h in twice.headings] == \
        spans + [(t, a + len(page), b + len(page)) for t, a, b in spans]
    assert all(line[h.span.column - 1:].startswith(h.text[:2]) for h in twice.headings)


def test_a_line_of_many_form_feeds_costs_a_small_multiple_of_its_bytes():
    # Page numbers and running heads split the line around each form feed whole, a list of
    # every piece, twice over (35x on main at 7a87b48).
    text = REPORT.read_text(encoding="utf-8") + "\n" + "\f 1 " * 25_000 + "\n"
    assert len(text.encode()) >= 100_000
    assert parse_peak_per_byte(text) <= 20


def _lint_peak_per_byte(text: str) -> float:
    from gplint.engine import LintOptions, lint_bytes
    from gplint.plugins import build_registry

    data, registry, options = text.encode(), build_registry(), LintOptions(profile="strict")
    return peak_of(lambda: lint_bytes(data, "report.txt", registry, options)) / len(data)


def test_a_long_last_section_of_short_words_costs_a_small_multiple_of_its_bytes():
    # S105 and S107 take a section's blanks out to search its words: split whole, each word
    # was a string object (25x on main at 7a87b48).
    text = REPORT.read_text(encoding="utf-8") + "\n" + "公 " * 30_000 + "\n"
    assert len(text.encode()) >= 100_000
    assert _lint_peak_per_byte(text) <= 20


def test_a_table_read_as_prose_after_the_report_costs_a_small_multiple_of_its_bytes():
    # A one-cell-a-line table printed again after the report is prose: sentences strung
    # over hundreds of short lines, three 8-byte numbers a line (21.8x on main at 7a87b48).
    report = (CORPUS / "kiro_hongze-2024_pdfminer.txt").read_text(encoding="utf-8")
    lines = report.split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(k for k, line in enumerate(lines) if line.startswith("四、结转下年度"))
    text = report + "\n" + ("\n".join(lines[start + 1:end]) + "\n") * 16
    assert len(text.encode()) >= 20_000
    assert _lint_peak_per_byte(text) <= 20
