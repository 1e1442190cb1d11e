"""Reading input: bytes -> Source (text + where each line is).

Lines are counted as editors count them: only ``\\n``, ``\\r\\n`` and ``\\r`` end a line.
A form feed (pdfminer's page break), ``\\v``, ``\\x1c``-``\\x1e``, U+0085, U+2028 and U+2029
do not, although Python's ``str.splitlines()`` splits on all of them.
"""
from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from typing import Optional

#: Files larger than this are refused with a clear message: an annual report's text is
#: tens of kilobytes (a long one with tables, a few hundred); a bigger file is a dump, a
#: concatenation or the wrong file, and linting it would take minutes. ``--max-size`` raises it.
MAX_BYTES = 16 * 1024 * 1024


class InputError(Exception):
    """The input cannot be read as a report; the message says why, for a person."""


@dataclass(frozen=True)
class Source:
    """A report's text as decoded from its file (or stdin), with the encoding it was read in."""

    path: Optional[str]
    #: The text with every line end (\r\n, \r) folded to \n; nothing else changed, so the
    #: line and column of every character are those an editor shows.
    text: str
    encoding: str = "utf-8"


def split_lines(text: str) -> list[str]:
    """Split on \\n, \\r\\n and \\r only (unlike ``str.splitlines``)."""
    return normalise_newlines(text).split("\n")


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# Control bytes that do not occur in text (tab, line ends, form feed, \v, ESC and the
# separators \x1c-\x1e do): deleting everything else leaves just these to count, in C.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 11, 12, 13, 27, 28, 29, 30))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    ctrl = len(sample.translate(None, _TEXT_BYTES))
    return len(sample) > 0 and ctrl / len(sample) > 0.05


def _where(data: bytes, offset: int) -> str:
    """A byte offset of the file as people look for it: offset and line."""
    line = data.count(b"\n", 0, offset) + 1
    return f"byte {offset}, line {line}"


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """UTF-16 text saved without a byte-order mark, told by its zero bytes: the high byte of
    every ASCII character (digits, spaces, line ends), nearly all on the same side of each
    pair (a CJK character such as 一, U+4E00, puts a few on the other)."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 16:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 32 or min(even, odd) * 4 > max(even, odd):
        return None
    try:
        text = data.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None
    # Report text: ASCII and CJK (with its punctuation and full-width forms), nearly all.
    head = text[:4096]
    plain = sum(1 for ch in head if " " <= ch <= "~" or ch in "\t\n\r\f" or "\u3000" <= ch <= "\u9fff"
                or "\uff00" <= ch <= "\uffef")
    return text if plain * 10 >= len(head) * 9 else None


def decode(data: bytes, path: Optional[str] = None) -> Source:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one
    when its zero bytes show it), then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Source(path, normalise_newlines(data[3:].decode("utf-8")), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-8 BOM but is not valid UTF-8 ({_where(data, exc.start + 3)})") from None
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Source(path, normalise_newlines(data[2:].decode(enc)), "utf-16")
            except UnicodeDecodeError:
                raise InputError("starts with a UTF-16 BOM but is not valid UTF-16") from None
    if _looks_binary(data):
        text = _utf16_without_bom(data)
        if text is not None:
            return Source(path, normalise_newlines(text), "utf-16")
        raise InputError("binary file, not report text (a document? name it .docx/.pdf/.html, "
                         "or give --stdin-filename with that extension for stdin)")
    try:
        return Source(path, normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode: not UTF-8 and not GB18030 (bad {_where(data, exc.start)})"
        ) from None
    return Source(path, normalise_newlines(text), "gb18030")


def format_size(n: int) -> str:
    """A byte count as people read it: 16 MB, 0.5 MB, 200 KB."""
    if n >= 1048576:
        return f"{n / 1048576:.{0 if n % 1048576 == 0 else 1}f} MB"
    return f"{max(1, round(n / 1024))} KB"


def read_stream(stream, max_bytes: int = MAX_BYTES) -> bytes:
    """A binary stream's bytes (stdin), read in chunks and never more than ``max_bytes`` + 1:
    enough to tell that it is too large, whatever is piped in (``/dev/zero`` included)."""
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_path(path: str, max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode a file; every failure is an :class:`InputError` naming the cause."""
    try:
        with open(path, "rb") as fh:  # one open and one fstat: no separate stat calls
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise InputError("is a directory")
            if st.st_size > max_bytes:
                raise InputError(f"file too large to be a report ({st.st_size / 1048576:.1f} MB; the limit is "
                                 f"{format_size(max_bytes)}, raise it with --max-size)")
            # A regular file is read whole (its size is known: one buffer of that size); a
            # pipe or device only up to the limit. (read(n) would set aside n bytes first.)
            data = fh.read() if stat.S_ISREG(st.st_mode) else fh.read(max_bytes + 1)
        if len(data) > max_bytes:  # grew after the fstat (a file being written)
            raise InputError(f"file too large to be a report (over {format_size(max_bytes)}; "
                             "raise the limit with --max-size)")
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        # (Windows refuses to open a directory with this error.)
        raise InputError("is a directory" if os.path.isdir(path) else "permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    return decode(data, path)
