"""What E004 says of a text with no statutory section and no table: why it is no report.

Most such texts are simply something else (a notice, a news item). But in a batch of
crawled pages or extracted PDFs, many are the report after all, somewhere the text does
not hold it, and saying only "not a report" would send the reviewer looking for the wrong
thing. :func:`why_not_a_report` names the case, so a batch's E004s can be sorted:

- a page that is only the report's title over a link to the report itself
  (``附件：2023年政府信息公开工作年度报告.pdf``, ``详见附件``): lint the attachment;
- a page showing the report's pages as pictures: there is no text to read;
- a PDF's text whose characters the extractor could not map (pdfminer's ``(cid:123)`` for
  each glyph of a font without a Unicode map): extract it with another tool or OCR it.
"""
from __future__ import annotations

from .lazy_re import lazy_compile
from .model import Report
from .pictures import picture_in

NOT_A_REPORT = "不是政府信息公开工作年度报告：未找到任何法定章节或统计表 (no statutory section or table found)"

#: A file name the text links to: a document or an archive the report can be in.
_ATTACHED_FILE = lazy_compile(r"[^\s/\\：:，,（(]{1,80}\.(?i:pdf|docx?|wps|ofd|xlsx?|et|zip|rar)(?![A-Za-z])")
#: The words that send a reader to an attachment when no file is named.
_SEE_ATTACHMENT = lazy_compile(r"(?:详见|见|请见|下载|点击下载|查看)附件|附件(?:下载|[:：])")
#: pdfminer's stand-in for a glyph it has no character for.
_UNMAPPED_GLYPH = lazy_compile(r"\(cid:\d+\)")
#: Fewest stand-ins that make a text an extraction failure rather than a stray one.
_UNMAPPED_MIN = 20


def why_not_a_report(text: str, report: Report) -> str:
    """E004's message for ``text``, read as ``report`` (no section, no table)."""
    unmapped = sum(1 for _ in zip(range(_UNMAPPED_MIN), _UNMAPPED_GLYPH.finditer(text)))
    if unmapped >= _UNMAPPED_MIN:
        return ("无法读取文字：PDF 的字体没有 Unicode 映射，提取出的是字形编号“(cid:…)”，"
                "请换用其他提取工具或 OCR (the PDF's fonts have no Unicode map: its text came out as (cid:N))")
    if "报告" not in report.title:
        return NOT_A_REPORT
    attached = _ATTACHED_FILE.search(text)
    if attached is not None:
        return (f"报告正文不在文本中：标题为年度报告，正文只链接附件“{attached.group()}”，"
                "请检查附件本身 (the report is in an attachment; lint the attachment)")
    if _SEE_ATTACHMENT.search(text):
        return ("报告正文不在文本中：标题为年度报告，正文只指向附件，请检查附件本身 "
                "(the report is in an attachment; lint the attachment)")
    pictures = 0
    at = picture_in(text)
    while at is not None:
        pictures += 1
        at = picture_in(text, at.end())
    if pictures:
        return (f"报告正文不在文本中：标题为年度报告，正文只有 {pictures} 张图片，报告以图片形式发布，无法读取 "
                "(the report is published as pictures)")
    return NOT_A_REPORT
