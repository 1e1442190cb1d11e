"""The HTML reader's tokenizer and text collector (:func:`gplint.readers.read_html`).

The tokenizer is linear in the page's length: every construct is found with one forward
search (``str.find``, or a regular expression whose quantifiers are possessive, so a
failed match is never tried again from inside itself). html.parser, used before, retried
an unterminated construct from each following ``<``: 256 KB of ``</`` took 18 s, 60 KB of
``<a b='`` 18 s. As in an HTML5 browser, a tag, comment or ``<script>`` that never ends
takes the rest of the page with it (:attr:`HTMLText.unclosed` says which).
Otherwise it reads what html.parser read: tag names and attribute names lower-cased,
character references decoded in text and attribute values, ``<script>`` and ``<style>``
content taken as raw text up to their end tag.
"""
from __future__ import annotations

import re
from html import unescape
from typing import Optional

# (?:...)*+ and *+ are possessive (Python 3.11+): no backtracking into a failed tag.
_START_TAG = re.compile(r"""<([a-zA-Z][^\t\n\r\f />\x00]*+)((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""")
_END_TAG = re.compile(r"</([a-zA-Z][^\t\n\r\f />\x00]*+)[^>]*+>")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_RAW_TEXT = ("script", "style")


def _attrs(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _ATTR.finditer(text):
        value = m.group(2) or ""
        if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) >= 2:
            value = value[1:-1]
        out.append((m.group(1).lower(), unescape(value)))
    return out


_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr",
          "table", "ul", "ol", "header", "footer", "title", "blockquote", "pre", "hr"}
_SKIP = {"script", "style", "noscript", "template", "head"}


class HTMLText:
    """Collects a page's text as lines: block elements end lines, table rows become tab
    separated lines, scripts and styles are dropped (see :func:`gplint.readers.read_html`)."""

    def __init__(self) -> None:
        #: What never ended and took the rest of the page ("<script>", "a comment"...), or None.
        self.unclosed: Optional[str] = None
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

    def feed_all(self, text: str) -> None:
        """Read a whole page (linear in its length), then end the last line."""
        pos, n = 0, len(text)
        while pos < n:
            lt = text.find("<", pos)
            if lt < 0:
                self._data(text[pos:])
                break
            if lt > pos:
                self._data(text[pos:lt])
            pos = self._construct(text, lt)
        self._end_line()

    def _data(self, raw: str) -> None:
        self.handle_data(unescape(raw) if "&" in raw else raw)

    def _construct(self, text: str, lt: int) -> int:
        """Read what starts at ``text[lt] == '<'``; the position after it."""
        nxt = text[lt + 1:lt + 2]
        if nxt.isascii() and nxt.isalpha():
            m = _START_TAG.match(text, lt)
            if m is None:
                name = re.match(r"[a-zA-Z][\w-]*", text[lt + 1:lt + 40])
                return self._unclosed(f"a <{name.group() if name else ''}> tag", len(text))
            tag = m.group(1).lower()
            self.handle_starttag(tag, _attrs(m.group(2)))
            if m.group(2).rstrip().endswith("/"):
                self.handle_endtag(tag)
            elif tag in _RAW_TEXT:
                return self._raw_text(text, m.end(), tag)
            return m.end()
        if nxt == "/":
            m = _END_TAG.match(text, lt)
            if m is not None:
                self.handle_endtag(m.group(1).lower())
                return m.end()
            return self._skip_to(text, lt, ">", "an end tag")
        if nxt == "!":
            if text.startswith("<!--", lt):
                return self._skip_to(text, lt + 4, "-->", "a comment")
            return self._skip_to(text, lt, ">", "a declaration")
        if nxt == "?":
            return self._skip_to(text, lt, ">", "a processing instruction")
        self._data("<")  # "a < b": text
        return lt + 1

    def _skip_to(self, text: str, start: int, end: str, what: str) -> int:
        at = text.find(end, start)
        return self._unclosed(what, len(text)) if at < 0 else at + len(end)

    def _raw_text(self, text: str, start: int, tag: str) -> int:
        m = re.compile(rf"</{tag}(?=[\t\n\r\f />])", re.IGNORECASE).search(text, start)
        if m is None:
            self.handle_data(text[start:])
            return self._unclosed(f"<{tag}>", len(text))
        self.handle_data(text[start:m.start()])
        return self._construct(text, m.start())

    def _unclosed(self, what: str, end: int) -> int:
        self.unclosed = self.unclosed or what
        return end
