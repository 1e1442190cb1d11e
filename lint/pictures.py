"""Pictures in a report's text: where the page or the document showed an image.

Many agencies publish a statistics table as a picture (a scan, a screenshot of the
spreadsheet). Nothing of its cells is in the text, so the table is there but cannot be
read: one "could not be read" notice (T190), never "table missing" (T101). What stands
in the text where the picture was depends on the tool that made the text:

- gplint's own HTML and DOCX readers write :data:`PICTURE_MARK` (``［图片］``);
- crawlers and CMS exports write ``[图片]``, ``【图片】``, ``[image]``, ``[IMG]``;
- html2text, markdownify, mammoth, trafilatura and PDF-to-markdown tools write a markdown
  image ``![alt](src)``; a page saved with its tags keeps ``<img …>``;
- lynx and w3m write the picture's file name in brackets (``[W020240115396845.png]``,
  ``[W020240115396845]``); pandoc's plain text an empty ``[]`` on a line of its own.

The bracketed forms are narrow (an image word, an image file's name or a CMS file's long
digit stem, an empty ``[]`` alone on its line), so a footnote mark ``[1]`` never counts.
They are read where a table was expected and none was found
(:mod:`gplint.confidence.tables`, :func:`gplint.reader.sections.t3_rows_in`) and, over the
whole text, where a text titled as a report holds no report (:mod:`gplint.not_a_report`).
"""
from __future__ import annotations

import re
from typing import Optional

from .lazy_re import lazy_compile

#: What gplint's own readers write where a page or a document shows a picture.
PICTURE_MARK = "［图片］"

_PICTURE = lazy_compile(
    r"[［\[【](?:图片|图像|(?i:image|img|inline))(?:[:：\s][^］\]】\n]{0,80})?\d*[］\]】]"  # [图片] [image: x]
    r"|!\[[^\]\n]*\]\([^)\n]*\)"  # a markdown image
    r"|(?i:<img\b[^>\n]*>)"  # a tag kept from the page
    r"|\[[^\]\n]{0,80}\.(?i:png|jpe?g|gif|bmp|webp|tiff?)\]"  # lynx: [file.png]
    r"|\[[A-Za-z]{0,8}\d{6,}[A-Za-z0-9_-]*\]"  # w3m: a CMS file's stem, [W020240115396845]
    r"|(?m:^[ \t]*\[\][ \t]*$)"  # pandoc's plain text: an image without alt text
)


def picture_in(text: str, start: int = 0, end: Optional[int] = None) -> Optional[re.Match[str]]:
    """The first picture standing in ``text[start:end]``, or None."""
    return _PICTURE.search(text, start, len(text) if end is None else end)
