"""The HTML reader's parser (:func:`gplint.readers.read_html`), a module of its own so that
html.parser is imported only when a page is read."""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Optional

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr",
          "table", "ul", "ol", "header", "footer", "title", "blockquote", "pre", "hr"}
_SKIP = {"script", "style", "noscript", "template", "head"}


class HTMLText(HTMLParser):
    """Collects a page's text as lines: block elements end lines, table rows become tab
    separated lines, scripts and styles are dropped (see :func:`gplint.readers.read_html`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.row: Optional[list[str]] = None
        self.cell: Optional[list[str]] = None

    def _end_line(self) -> None:
        text = "".join(self.current).strip()
        self.current = []
        if text:
            self.lines.append(" ".join(text.split()))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "tr":
            self._end_line()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            colspan = dict(attrs).get("colspan") or "1"
            self._colspan = max(1, min(64, int(colspan))) if colspan.isdigit() else 1
        elif tag in _BLOCK and self.cell is None:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.row.extend([""] * (getattr(self, "_colspan", 1) - 1))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(c for c in self.row):
                self.lines.append("\t".join(self.row))
            self.row = None
        elif tag in _BLOCK and self.cell is None:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        else:
            self.current.append(data)
