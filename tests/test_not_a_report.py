"""E004's message says why a text is no report: the report is in an attachment, published
as pictures, or its PDF text came out as glyph numbers (gplint.not_a_report)."""
from __future__ import annotations

import pytest

import gplint

_TITLE = "某某县教育局2023年政府信息公开工作年度报告\n"


def _only_e004(text: str) -> str:
    diags = gplint.lint_text(text)
    assert [d.code for d in diags] == ["E004"], [(d.code, d.message) for d in diags]
    return diags[0].message


@pytest.mark.parametrize("body", [
    "附件：某某县教育局2023年政府信息公开工作年度报告.pdf",
    "相关附件\n2023年度年报.DOCX\n",
    "附件下载：年报(定稿).wps",
])
def test_a_page_that_only_links_the_report_names_the_attachment(body):
    message = _only_e004(_TITLE + body)
    assert "附件" in message and "attachment" in message
    assert ".pdf" in message or ".DOCX" in message or ".wps" in message


def test_a_page_that_only_points_to_an_attachment_says_so():
    assert "attachment" in _only_e004(_TITLE + "\n详见附件。\n")


@pytest.mark.parametrize("picture", ["［图片］", "![](/upload/W020240115396845.png)", "[图片]"])
def test_a_page_of_pictures_counts_them(picture):
    assert "3 张图片" in _only_e004(_TITLE + f"{picture}\n" * 3)


def test_unmapped_pdf_glyphs_ask_for_another_extractor_whatever_the_title():
    glyphs = "".join(f"(cid:{n})" for n in range(100, 160))
    assert "(cid:" in _only_e004(glyphs + "\n" + glyphs)


@pytest.mark.parametrize("text", [
    "关于做好防汛准备工作的通知\n各单位：请做好汛期值班。附件：值班表.xlsx\n",  # no report in its title
    _TITLE + "本局今年工作顺利。\n",  # titled as a report, but nothing points elsewhere
    _TITLE + "见第(cid:12)页\n",  # one stray stand-in is no extraction failure
])
def test_other_texts_are_simply_not_a_report(text):
    assert _only_e004(text).startswith("不是政府信息公开工作年度报告")
