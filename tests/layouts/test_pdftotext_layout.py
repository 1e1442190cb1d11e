"""Table 三 as poppler's ``pdftotext -layout`` writes it: every glyph one place of its grid
(so columns line up by code point, not by display width), a caption wrapped in a column of
its own beside the header's words, and a row printed with its 总计 cell left empty."""
from __future__ import annotations

from gplint import parse
from gplint.dump import report_to_dict
from gplint.testing import EXAMPLE_T3, T3_ROW_LABELS, example_report, lint_with

_HEADER = ["（本列数据的勾稽关系      申请人情况",
           "为：第一项加第二项之      自然人    法人或其他组织                    总计",
           "和，等于第三项加第四                商业企业 科研机构 社会公益组织 法律服务机构 其他",
           "项之和）"]


def _row(label: str, values, at: int = 30, step: int = 6) -> str:
    """A row whose values start at code points ``at``, ``at + step``…: the place a label
    of Chinese characters takes in display columns varies with its length, in code points
    it does not."""
    line = label + " " * max(2, at - len(label))
    for k, v in enumerate(values):
        if v is not None:  # (an empty cell: nothing printed at its place)
            line = line.ljust(at + k * step) + str(v)
    return line


def _report(short_row: str = "R04") -> str:
    """The example report, table 三 laid out so; ``short_row`` prints its 商业企业 cell empty."""
    rows = []
    for key, label in T3_ROW_LABELS:
        values = list(EXAMPLE_T3.get(key, (0,) * 7))
        if key == short_row:
            values[1] = None
        rows.append(_row(label.split("\t")[-1], values))
    text = example_report()
    start, end = text.index("（本列数据的勾稽关系"), text.index("四、政府信息公开行政复议")
    return text[:start] + "\n".join(_HEADER + rows) + "\n\n" + text[end:]


def test_header_words_beside_a_wrapped_caption_are_read():
    got = report_to_dict(parse(_report()))
    assert got["t3_header_columns"] == ["C1", "C2", "C3", "C4", "C5", "C6", "C7"]


def test_columns_in_code_points_place_a_short_rows_values():
    got = report_to_dict(parse(_report()))
    want = {f"C{k + 1}": v for k, v in enumerate(EXAMPLE_T3["R04"])}
    assert got["t3"]["R04"] == {**want, "C2": None}
    for key, values in EXAMPLE_T3.items():
        if key != "R04":
            assert got["t3"][key] == {f"C{k + 1}": v for k, v in enumerate(values)}, key


def test_findings_are_those_of_the_same_table_in_tab_rows():
    # Were: T104 "no 总计 column" (the caption's line dropped with its header words) and
    # two rows of long labels unread (T190).
    values = list(EXAMPLE_T3["R04"])
    values[1] = ""
    tab_rows = example_report(t3={"R04": tuple(values)})
    for profile in ("default", "strict"):
        got = lint_with(_report(), ["T", "A", "N"], profile=profile)
        want = lint_with(tab_rows, ["T", "A", "N"], profile=profile)
        assert [(d.code, d.key) for d in got] == [(d.code, d.key) for d in want]
