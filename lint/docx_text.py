"""The DOCX reader's text extraction (:func:`gplint.readers.read_docx`), streaming and bounded.

``word/document.xml`` is decompressed in chunks and fed to expat as it comes, with no tree
built: what is kept is the text read so far and one element's context a level of nesting,
so memory grows with the document's text, not with its markup (a 190 KB zip of 64 MB of
empty paragraphs took 805 MB as an ElementTree). Every bound hit is an :class:`InputError`
that says which: more than :data:`MAX_UNCOMPRESSED` bytes of XML, more than ``max_text``
characters of text, more than :data:`MAX_DEPTH` levels of nesting, more than :data:`MAX_ENTRIES` parts in the
zip; a DTD (Word never
writes one: no entity of any kind is expanded), an encrypted entry, damaged deflate data.
"""
from __future__ import annotations

import io
from typing import Optional

from .sources import MAX_BYTES, InputError

#: Refuse to decompress more than this from one document (zip bombs).
MAX_UNCOMPRESSED = 64 * 1024 * 1024
#: Deeper nesting than any word processor writes (content controls in content controls).
MAX_DEPTH = 1000
#: Parts of a DOCX (a report has a few dozen; images add one each): zipfile keeps an object
#: per entry of the central directory, ≈ 700 bytes for ≈ 90 bytes of the file.
MAX_ENTRIES = 10_000
_CHUNK = 1 << 13

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _BODY = (
    _W + n for n in ("p", "t", "tbl", "tr", "tc", "sdt", "sdtContent", "body"))
_SPACES = {_W + "tab", _W + "br", _W + "cr"}
_GRID_SPAN, _VAL = _W + "gridSpan", _W + "val"
_BODY_NAME = "{" + _BODY
#: Nor one nested deeper (:mod:`gplint.docx_body` walks a block recursively; Word nests a
#: few dozen levels).
MAX_TREE_DEPTH = 200


class _Limit(Exception):
    pass


#: Elements the body's tree keeps even when empty: an empty paragraph is an empty line, an
#: empty cell an empty cell; text, tabs and breaks are what a paragraph reads; and what
#: shows a picture (gplint.docx_body.PICTURES): a table pasted as an image is a picture.
_KEEP_EMPTY = frozenset(["{" + _W + n for n in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr", "gridSpan", "object")]
                        + ["{http://schemas.openxmlformats.org/drawingml/2006/picture}pic",
                           "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart",
                           "{urn:schemas-microsoft-com:vml}imagedata"])
_FALLBACK = "http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class _BodyTree:
    """The body read block by block for :mod:`gplint.docx_body`, from the same expat events
    as the streaming lines. Each top-level block of the body (a paragraph, a table, a
    content control) is built as an ElementTree pruned as it is built — what
    :func:`body_lines` never reads (run and paragraph properties, bookmarks, the VML
    fallback of a text box, the text outside ``w:t``) is dropped when its element ends —
    then read into :attr:`lines` as soon as it ends and let go: the tree held is one
    block's, never the document's. More than ``max_elements`` kept in all, or an element
    nested deeper than :data:`MAX_TREE_DEPTH`: given up (:attr:`lines` None), the
    streaming lines are read instead."""

    def __init__(self, max_elements: int) -> None:
        from xml.etree.ElementTree import TreeBuilder

        self.builder: Optional[TreeBuilder] = TreeBuilder()
        self.stack: list = []
        self.kept = 0
        self.max_elements = max_elements
        self.lines: Optional[list[str]] = []
        self.in_t = False
        self.body = None  # the body's element (the first: a second is not read, as find does)
        #: expat's tag ("namespace}name") -> ElementTree's ("{namespace}name"), made once
        #: a tag: a string a element was half of what the tree kept.
        self.names: dict[str, str] = {}

    def _name(self, tag: str) -> str:
        name = self.names.get(tag)
        if name is None:
            name = self.names[tag] = "{" + tag if "}" in tag else tag
        return name

    def _give_up(self) -> None:
        self.builder, self.stack, self.lines = None, [], None

    def start(self, tag: str, attrs: dict) -> None:
        if self.builder is None:
            return
        name = self._name(tag)
        kept = {self._name(k): v for k, v in attrs.items()} if tag == _GRID_SPAN else {}
        elem = self.builder.start(name, kept)
        self.stack.append(elem)
        if self.body is None and len(self.stack) == 2 and name == _BODY_NAME:
            self.body = elem
        self.in_t = tag == _T
        self.kept += 1
        if self.kept > self.max_elements or len(self.stack) > MAX_TREE_DEPTH:
            self._give_up()  # too large or too deep for a tree: the streaming lines

    def end(self, tag: str) -> None:
        if self.builder is None:
            return
        self.in_t = False
        elem = self.builder.end(self._name(tag))
        self.stack.pop()
        if not self.stack:
            return
        parent = self.stack[-1]
        if tag == _FALLBACK or (not len(elem) and elem.tag not in _KEEP_EMPTY):
            del parent[-1]  # (an element ends as its parent's last child)
            self.kept -= 1 + _count(elem)
        elif parent is self.body:
            from .docx_body import block_lines

            block_lines(elem, self.lines)  # type: ignore[arg-type]
            del parent[-1]  # read: let go (still counted in ``kept``, as the whole tree was)

    def data(self, text: str) -> None:
        if self.in_t and self.builder is not None:  # a w:t's text, nothing else
            self.builder.data(text)


def _count(elem) -> int:
    """Elements below ``elem`` (a Fallback's, dropped with it)."""
    return sum(1 for _ in elem.iter()) - 1


class _DocxText:
    """expat handlers rebuilding the old reader's lines: each paragraph of the body (or of
    a block-level content control) one line; each row of a body table one line, its cells
    (a cell's own paragraphs, joined by spaces) separated by tabs, a merged cell repeated
    as empty cells."""

    def __init__(self, max_text: int, tree: Optional[_BodyTree] = None) -> None:
        self.tree = tree
        self.lines: list[str] = []
        self.size = 0
        self.max_text = max_text
        self.roles: list[Optional[str]] = []  # what each open element is, outermost first
        self.text: Optional[list[str]] = None  # the paragraph being read
        self.in_t = False
        self.row: Optional[list[str]] = None
        self.cell: Optional[list[str]] = None
        self.span = 1
        self.elements = 0
        self.deepest = 0

    def _role(self, tag: str) -> Optional[str]:
        parent = self.roles[-1] if self.roles else "root"
        if parent == "root":
            return "doc"
        if parent == "doc":
            return "block" if tag == _BODY else None
        if parent == "block":
            return {_P: "para", _TBL: "tbl", _SDT: "sdt"}.get(tag)
        if parent == "sdt":
            return "block" if tag == _SDT_CONTENT else None
        if parent == "tbl":
            return "tr" if tag == _TR else None
        if parent == "tr":
            return "tc" if tag == _TC else None
        if parent == "tc":
            return {_P: "cellpara", _W + "tcPr": "tcPr"}.get(tag)
        if parent == "tcPr" and tag == _GRID_SPAN:
            return "span"
        if parent in ("para", "cellpara", "inline"):
            return "inline"
        return None

    def start(self, tag: str, attrs: dict) -> None:
        if len(self.roles) >= MAX_DEPTH:
            raise _Limit(f"DOCX nested deeper than {MAX_DEPTH} levels")
        self.elements += 1
        self.deepest = max(self.deepest, len(self.roles) + 1)
        if self.tree is not None:
            self.tree.start(tag, attrs)
        role = self._role(tag)
        self.roles.append(role)
        if role in ("para", "cellpara"):
            self.text = []
        elif role == "inline":
            if tag == _T:
                self.in_t = True
            elif tag in _SPACES:
                self.text.append(" ")  # type: ignore[union-attr]
        elif role == "tr":
            self.row = []
        elif role == "tc":
            self.cell, self.span = [], 1
        elif role == "span":
            try:
                self.span = max(1, min(64, int(attrs.get(_VAL, "1"))))
            except ValueError:
                self.span = 1

    def end(self, tag: str) -> None:
        if self.tree is not None:
            self.tree.end(tag)
        role = self.roles.pop()
        if role == "inline" and tag == _T:
            self.in_t = False
        elif role == "para":
            self._line("".join(self.text or ()))
            self.text = None
        elif role == "cellpara" and self.cell is not None:
            self.cell.append("".join(self.text or ()))
            self.text = None
        elif role == "tc" and self.row is not None and self.cell is not None:
            self.row.append(" ".join(self.cell).strip().replace("\t", " "))
            self.row.extend([""] * (self.span - 1))
            self.cell = None
        elif role == "tr" and self.row is not None:
            self._line("\t".join(self.row))
            self.row = None

    def data(self, text: str) -> None:
        if self.tree is not None:
            self.tree.data(text)
        if self.in_t and self.text is not None:
            self.text.append(text)
            self.size += len(text)
            if self.size > self.max_text:
                raise _Limit(f"DOCX text larger than {self.max_text // 1048576} MB")

    def _line(self, line: str) -> None:
        self.lines.append(line)


def docx_text(data: bytes, max_text: int = MAX_BYTES) -> str:
    """The text of a DOCX file's body, one paragraph or table row a line."""
    return docx_scan(data, max_text)[0]


def docx_scan(data: bytes, max_text: int = MAX_BYTES,
              tree_elements: int = 0) -> tuple[str, int, int, Optional[list[str]]]:
    """:func:`docx_text`, the number of elements of ``word/document.xml``, its deepest
    nesting and, with ``tree_elements``, the body's lines read block by block from its
    pruned tree (see :class:`_BodyTree`; None when it would keep more elements than that
    or nest deeper than :data:`MAX_TREE_DEPTH`): one parse for both readings
    (:func:`gplint.readers.read_docx`)."""
    import zipfile
    import zlib
    from xml.parsers import expat

    if data.count(b"PK\x01\x02") > MAX_ENTRIES:  # each entry has a central directory header
        raise InputError(f"DOCX of more than {MAX_ENTRIES} parts (a limit of gplint's: not a report)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        info = zf.getinfo("word/document.xml")
    except zipfile.BadZipFile:
        raise InputError("not a valid DOCX file (not a zip archive)") from None
    except KeyError:
        raise InputError("not a DOCX file (no word/document.xml)") from None
    except (OSError, ValueError, EOFError, RuntimeError) as exc:
        raise InputError(f"damaged DOCX file ({exc})") from None
    if info.flag_bits & 0x1:
        raise InputError("encrypted DOCX file (save it without a password first)")
    if info.file_size > MAX_UNCOMPRESSED:
        raise InputError(f"DOCX body too large when decompressed ({info.file_size} bytes; "
                         f"the limit is {MAX_UNCOMPRESSED // 1048576} MB)")
    tree = _BodyTree(tree_elements) if tree_elements else None
    reader = _DocxText(max_text, tree)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = reader.start  # (tags as "namespace}name")
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data

    def no_dtd(*_args) -> None:
        raise _Limit("DOCX with a DTD (not written by a word processor; entities are not expanded)")

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    fed = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                fed += len(chunk)
                if fed > MAX_UNCOMPRESSED:
                    raise _Limit(f"DOCX body too large when decompressed (over {MAX_UNCOMPRESSED // 1048576} MB)")
                parser.Parse(chunk, not chunk)
                if not chunk:
                    break
    except _Limit as exc:
        raise InputError(str(exc)) from None
    except expat.ExpatError as exc:
        raise InputError(f"damaged DOCX file (document.xml: {exc})") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError,
            ValueError) as exc:
        raise InputError(f"damaged DOCX file ({type(exc).__name__}: {exc})") from None
    return "\n".join(reader.lines), reader.elements, reader.deepest, tree.lines if tree is not None else None
