"""gplint.reader.t3._t3_label_row: the row key table 三's reader gives a label (cached per text)."""
from __future__ import annotations

from gplint import labels as L
from gplint.reader.t3 import _t3_label_row


def test_data_rows_and_groups_with_their_own_row():
    assert _t3_label_row("（一）予以公开") == L.match_t3_row(L.normalise("（一）予以公开"))
    assert _t3_label_row("（七）总计") == "R24"
    assert _t3_label_row("1.属于国家秘密") == "R05"


def test_a_markdown_list_bullet_before_a_numbered_label_is_no_part_of_it():
    # pymupdf4llm writes a cell's line it took for a list item with a bullet.
    assert _t3_label_row("- 3.其他") == "R23"
    assert _t3_label_row("- （七）总计") == "R24"


def test_group_label_names_no_row():
    assert L.match_t3_row(L.normalise("三、本年度办理结果")) == "G0"
    assert _t3_label_row("三、本年度办理结果") is None


def test_numbered_bare_words_are_rows():
    # A leading item number makes a bare 其他 / 总计 a row, as the reader always asked.
    assert _t3_label_row("3.其他") == L.match_t3_row(L.normalise("3.其他"), numbered=True)
    assert _t3_label_row("其他") == L.match_t3_row(L.normalise("其他"))


def test_cached_label_matchers_agree_with_labels():
    from gplint.reader.t2 import _T2_LABEL_ROW, _t2_label_matcher
    from gplint.reader.t3 import _t3_row_named

    for text in ("4.申请人无正当理由逾期不补正", "（二）部分公开", "申请人情况", ""):
        assert _t3_row_named(text) == L.match_t3_row(L.normalise(text))
    for fmt in ("2021", "2019"):
        for text in ("规章", "行政规范性文件", "行政许可", "信息内容"):
            assert _T2_LABEL_ROW[fmt](text) == L.match_t2_row(L.normalise(text), fmt)
            assert _t2_label_matcher(fmt)(text) == L.match_t2_row(L.normalise(text), fmt)


def test_rows_agencies_add_after_a_t2_row_name_none():
    """其他规范性文件 is a row some agencies add under 行政规范性文件, not that row; the
    2019 format's own 其他对外管理服务事项 keeps its row."""
    from gplint.reader.t2 import _T2_LABEL_ROW

    assert L.match_t2_row(L.normalise("其他规范性文件"), "2021") == "norm"  # by its words alone
    assert _T2_LABEL_ROW["2021"]("其他规范性文件") is None
    assert _T2_LABEL_ROW["2021"]("（三）其他行政强制") is None
    assert _T2_LABEL_ROW["2019"]("其他对外管理服务事项") == "other_services"
    assert _T2_LABEL_ROW["2021"]("行政规范性文件") == "norm"
