"""The HTML reader's parser (:func:`gplint.readers.read_html`), a module of its own so that
html.parser is imported only when a page is read.

The page is tokenised by :mod:`html.parser` and built into a tree with the HTML rules a
government CMS page leans on (a ``<p>`` ends where a block begins, ``<td>``/``<tr>``/``<li>``
end at the next one, end tags never close across a table), then written out as lines:

- block elements end lines; ``<br>`` ends a line outside table cells;
- a *data* table's rows become tab separated lines, a cell's text joined as it reads
  (``本年新<br>制作数量`` is 本年新制作数量), a ``colspan`` repeated as empty cells;
- a *layout* table (a cell holding another table, or holding several paragraphs of
  text: the usual CMS page, whose title and article sit in the cells of one big table) is
  not a table of figures: each cell's content is written out as the page it lays out, and
  the tables inside it are read in their turn.
"""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Optional, Union

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr",
          "table", "ul", "ol", "header", "footer", "title", "blockquote", "pre", "hr", "dl", "dt", "dd",
          "main", "nav", "aside", "figure", "figcaption", "caption", "center", "form", "fieldset", "address"}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "select", "button", "iframe", "object"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "embed", "source", "track",
         "param", "keygen"}
#: Start tags that close an open <p> (HTML's "close a p element").
_CLOSES_P = _BLOCK - {"br", "tr", "title", "li", "dt", "dd"} | {"table"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: A cell whose text is longer than this and holds several blocks is page layout.
_LAYOUT_TEXT = 100


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict, parent: Optional["Node"]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Union["Node", str]] = []
        self.parent = parent


class TreeBuilder(HTMLParser):
    """A lenient tree of the page's body (scripts, styles and the head left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack = [self.root]
        self.skip = 0

    def _close_to(self, tags: set, stop: set) -> None:
        """Close the innermost open element in ``tags`` unless one of ``stop`` is nearer."""
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in stop:
                return

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip or tag in _SKIP:
            if tag in _SKIP and tag not in _VOID:
                self.skip += 1
            return
        if tag in _CLOSES_P:
            self._close_to({"p"}, {"td", "th", "table", "li", "div"})
        if tag in ("td", "th"):
            self._close_to({"td", "th"}, {"tr", "table"})
        elif tag == "tr":
            self._close_to({"tr"}, {"table"})
        elif tag in ("thead", "tbody", "tfoot"):
            self._close_to({"thead", "tbody", "tfoot"}, {"table"})
        elif tag == "li":
            self._close_to({"li"}, {"ul", "ol", "table"})
        elif tag in ("dt", "dd"):
            self._close_to({"dt", "dd"}, {"dl", "table"})
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.skip and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        # End tags never close across a table boundary (a stray </td> or </div> inside a
        # nested table must not end the outer cell).
        stop = set() if tag == "table" else {"table"}
        self._close_to({tag}, stop)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.stack[-1].children.append(data)


# --------------------------------------------------------------------------- writing
def _text(node: Node) -> str:
    """All the text under ``node``, as it reads (blocks and <br> add nothing between)."""
    parts: list[str] = []

    def walk(n: Node) -> None:
        for c in n.children:
            if isinstance(c, str):
                parts.append(c)
            else:
                walk(c)

    walk(node)
    return "".join(parts)


def _rows(table: Node) -> list[Node]:
    out: list[Node] = []
    for c in table.children:
        if isinstance(c, Node):
            if c.tag == "tr":
                out.append(c)
            elif c.tag in ("thead", "tbody", "tfoot"):
                out.extend(r for r in c.children if isinstance(r, Node) and r.tag == "tr")
    return out


def _cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]


def _has(node: Node, tags: set) -> bool:
    for c in node.children:
        if isinstance(c, Node) and (c.tag in tags or _has(c, tags)):
            return True
    return False


def _blocks(node: Node) -> int:
    n = 0
    for c in node.children:
        if isinstance(c, Node):
            n += (c.tag in _BLOCK) + _blocks(c)
    return n


def is_layout(table: Node) -> bool:
    """Whether a table lays out a page rather than holding figures."""
    for row in _rows(table):
        for cell in _cells(row):
            if _has(cell, {"table"} | _HEADINGS):
                return True
            if _blocks(cell) >= 2 and len("".join(_text(cell).split())) > _LAYOUT_TEXT:
                return True
    return False


class LineWriter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def end_line(self) -> None:
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.lines.append(text)

    def flow(self, node: Node) -> None:
        for c in node.children:
            if isinstance(c, str):
                self.current.append(c)
            elif c.tag == "table":
                self.end_line()
                self.table(c)
            elif c.tag == "tr":  # a row with no table around it: still a row of cells
                self.end_line()
                self.data_rows([c])
            elif c.tag in _BLOCK:
                self.end_line()
                self.flow(c)
                self.end_line()
            else:
                self.flow(c)

    def table(self, table: Node) -> None:
        if is_layout(table):
            for row in _rows(table):
                for cell in _cells(row):
                    self.flow(cell)
                    self.end_line()
            return
        self.data_rows(_rows(table))

    def data_rows(self, rows: list[Node]) -> None:
        for row in rows:
            cells: list[str] = []
            for cell in _cells(row):
                cells.append(" ".join(_text(cell).split()))
                span = cell.attrs.get("colspan", "1").strip()
                cells.extend([""] * ((max(1, min(64, int(span))) if span.isdigit() else 1) - 1))
            if any(cells):
                self.lines.append("\t".join(cells))


def html_lines(text: str) -> list[str]:
    """The lines of a page's text (see the module's docstring)."""
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    writer = LineWriter()
    writer.flow(builder.root)
    writer.end_line()
    return writer.lines
