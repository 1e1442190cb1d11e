"""Table 三 read by tesseract from a scan of a ruled table: rows a rule read into.

Tesseract reads a vertical rule touching a digit as a 1 before it (``12`` for 2, ``10``
for 0) or as ``|`` between cells (``| | 0 19 19 1 9``); the lines of the table carry its
pieces of rules and zeros (``|o lo le``), which make the table "read from a scan" (one
T190). The reader takes a rule's 1 off where the row's total says so, and leaves unread
the other rows that do not vouch for their values, so that ``gplint dump`` exports no
figure the report does not print.
"""
from __future__ import annotations

from gplint.testing import T3_ROW_LABELS, example_report, lint_with, table_read, with_table

from sample_t3 import SAMPLE_T3, ZERO_ROW, wanted

_LABELS = dict(T3_ROW_LABELS)
#: Three rows as tesseract reads them where the rules run through their zeros: labels
#: broken, zeros read with the rules beside them.
_DEBRIS = {"R06": "2其他法律政法M禁 |o |o lo |。 lo le", "R09": "开 5属于三类内部事%信 |o |o | lo le le",
           "R15": "3条下后中请内容人不 ll li |"}


def _scanned(rows: dict[str, str], debris: bool = True) -> str:
    """The example report with :data:`SAMPLE_T3`'s table 三 as tesseract reads it: cells
    apart by blanks, the rows of ``rows`` as given (label, then the text OCR made of its
    values), three rows in pieces of rules (``debris``)."""
    text = example_report(t3=SAMPLE_T3)
    for key, label in T3_ROW_LABELS:
        cells = [c for c in label.split("\t") if c]
        values = [str(v) for v in SAMPLE_T3.get(key, ZERO_ROW)]
        old = "\t".join([*label.split("\t"), *values])
        assert old in text, key
        if debris and key in _DEBRIS:
            new = _DEBRIS[key]
        else:
            new = "  ".join([*cells, rows.get(key, "  ".join(values))])
        text = text.replace(old, new, 1)
    return text


def test_a_rule_read_as_a_1_is_taken_off_where_the_row_total_says_so():
    # 「12  0  0  0  0  0  2」: only 2 for 12 makes the row add up (R03 予以公开 2 … 2).
    got = table_read(_scanned({"R03": "12  0  0  0  0  0  2"}), "t3")
    assert got["R03"] == wanted("R03")
    assert got["R24"] == wanted("R24")


def test_rows_a_rule_read_into_are_unread_not_misread():
    # 「19 0 … 0」 adds up no way (9 is no 0); 「| | 0 19 19 1 9」 is short, its values
    # placed by guess. Was: R19 C1 = 19, R20 C3-C6 = 19 19 1 9 in the dump.
    got = table_read(_scanned({"R19": "19  0  0  0  0  0  0", "R20": "| | 0 19 19 1 9"}), "t3")
    for key in ("R19", "R20"):
        assert got[key] == {f"C{k}": None for k in range(1, 8)}, key
    assert got["R18"] == wanted("R18") and got["R21"] == wanted("R21")


def test_a_short_row_of_zeros_whose_line_hides_other_values_is_unread():
    # 「| |0 |0， |0 lo 5 5」: one 0 read, the rest pieces of rules and digits the reader
    # took for no value. Was: R01 C1 = 0 (the report prints 4).
    got = table_read(_scanned({"R01": "|        |0      |0，    |0       lo      5       5"}), "t3")
    assert got["R01"] == {f"C{k}": None for k in range(1, 8)}


def test_the_table_stays_one_notice():
    text = _scanned({"R03": "12  0  0  0  0  0  2", "R19": "19  0  0  0  0  0  0", "R20": "| | 0 19 19 1 9"})
    codes = [d.code for d in lint_with(text, ["T", "A"], profile="default")]
    assert codes == ["T190"]


def test_a_typed_table_keeps_its_own_error():
    # No pieces of rules in the table: 12 … 2 is the report's own slip, read as printed
    # (A101 names it), never mended.
    text = _scanned({"R03": "12  0  0  0  0  0  2"}, debris=False)
    assert table_read(text, "t3")["R03"]["C1"] == 12
    assert "A101" in [d.code for d in lint_with(text, ["A"], profile="default")]


def _read_past_recognition(values: list[str]) -> str:
    """The example report with table 三 as tesseract's one-block mode reads LibreOffice's
    narrow table from a scan: the header, then the labels in pieces of two characters a
    line, a few lines of values with no label among them (``values``), 予以公开 read
    whole with its values."""
    pieces = [label.split("\t")[-1][k:k + 2] for _key, label in T3_ROW_LABELS for k in range(0, 6, 2)]
    body = pieces[:10] + [values[0]] + pieces[10:30] + values[1:] + pieces[30:]
    table = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）  申请人情况",
             "自然人  法人或其他组织  总计", "商业企业  科研机构  社会公益组织  法律服务机构  其他",
             "三、本年度办理结果  （一）予以公开  2  0  0  0  0  0  2", *body]
    return with_table(example_report(t3=SAMPLE_T3), "S3", "\n".join(table))


def test_rows_placed_by_order_alone_in_a_table_not_read_are_unread():
    # Of 80 lines, a few rows read: "| 1 1" and "| 0 10" have no label, and stood for the
    # rows after 予以公开 only by coming after it. Was: R04 = 1 1, R05 = 0 10 in the dump.
    got = table_read(_read_past_recognition(["| 1  1", "| 0  10"]), "t3")
    assert got["R04"] == {f"C{k}": None for k in range(1, 8)}
    assert got["R05"] == {f"C{k}": None for k in range(1, 8)}
    assert got["R03"] == wanted("R03")  # (read by its own label)


def test_a_rule_glued_to_a_value_is_taken_off_in_a_table_with_fewer_pieces():
    # Only this row's line shows OCR's rule (「|12」, the reader reads 12), and OCR lost a
    # row: its total still says which value the rule's 1 belongs to.
    text = _scanned({"R03": "|12  0  0  0  0  0  2"}, debris=False)
    text = "\n".join(line for line in text.split("\n") if "补正后申请内容仍不明确" not in line)
    got = table_read(text, "t3")
    assert got["R15"]["C1"] is None and got["R03"] == wanted("R03")


def test_a_table_read_whole_keeps_its_rows_as_read():
    # Every row there: OCR's letters for digits (「lO」, several lines) are written
    # non-counts, A108's; no row is left unread for them, and no value is mended.
    text = _scanned({"R03": "|12  0  0  0  0  0  2", "R16": "lO  0  0  0  0  0  lO",
                     "R17": "0  lO  0  0  0  0  lO", "R18": "0  0  lO  0  0  0  lO"}, debris=False)
    assert table_read(text, "t3")["R03"]["C1"] == 12
