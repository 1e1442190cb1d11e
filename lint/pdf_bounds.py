"""What a PDF's streams inflate to, measured before PDFium is given the file (issue 16).

PDFium decompresses a page's content streams, fonts and object streams whole, in C, with
no limit a caller can set: a 1 MB PDF of deflate bombs made it allocate hundreds of
megabytes. :func:`check_streams` walks every ``stream`` of the file's bytes and inflates
the ones that are compressed in chunks, keeping nothing, charging what they inflate to to
one budget (:func:`gplint.pdf_text.budget_for` the file's size, as the pdfminer backend's):

- FlateDecode (zlib) streams, and a zlib stream inside one (``[/FlateDecode /FlateDecode]``);
- LZWDecode and RunLengthDecode streams, whose decoded length is counted without decoding;
- at most :data:`MAX_OBJECTS` indirect objects in the file (``N G obj`` headers, and the
  ``/N`` objects each object stream holds).

An encrypted document's streams are decrypted first, as PDFium will decrypt them
(:mod:`gplint.pdf_crypt`: the standard security handler with the empty user password); one
that cannot be opened so is refused before PDFium sees it. A stream that is not
compressed, or whose data is not what its filter says, costs nothing here: PDFium cannot
inflate it either.

The scan is linear in the file and the inflated bytes (zlib in C, ≈ 1 GB/s);
:func:`check_streams` raises :class:`~gplint.sources.InputError` naming the bound.
"""
from __future__ import annotations

import re
import zlib
from typing import Iterator, Optional

from .pdf_crypt import Decryptor, decryptor_for
from .sources import InputError

#: Indirect objects allowed in one PDF (a report has a few hundred to a few thousand).
MAX_OBJECTS = 500_000
_CHUNK = 1 << 20
_DICT_WINDOW = 4096  # how far back a stream outside an object has its dictionary looked for


class _Over(Exception):
    pass


class _Meter:
    def __init__(self, limit: int) -> None:
        self.limit, self.left = limit, limit

    def charge(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise _Over()


def check_streams(data: bytes, limit: int) -> None:
    """Raise InputError when the streams of ``data`` inflate to more than ``limit`` bytes
    in all, or the file holds more than :data:`MAX_OBJECTS` objects (object streams' ones
    counted), or it is encrypted in a way that cannot be decrypted to measure it
    (:func:`gplint.pdf_crypt.decryptor_for`)."""
    if data.count(b"obj") > 2 * MAX_OBJECTS:  # ``obj`` and ``endobj``: two a object
        raise _too_many_objects()
    decryptor = decryptor_for(data)
    meter = _Meter(limit)
    objects = 0
    try:
        for at, header, head, body in _streams(data):
            if b"/ObjStm" in head:
                objects += _count_in_object_stream(head)
                if objects > MAX_OBJECTS:
                    raise _too_many_objects()
            if decryptor is not None and header and _encrypted(head, decryptor):
                body = memoryview(decryptor.stream(header[0], header[1], bytes(body)))
            if b"/LZW" in head:
                _count_lzw(body, meter)
            elif b"/RunLength" in head or b"/RL" in head:
                _count_run_length(body, meter)
            else:
                _inflate_counted(body, meter, depth=0)
    except _Over:
        raise InputError(f"PDF streams larger than {limit // 1048576} MB when decompressed "
                         "(a limit of gplint's: not a report)") from None


def _streams(data: bytes) -> Iterator[tuple[int, Optional[tuple[int, int, int]], bytes, memoryview]]:
    """(where ``stream`` is, its object's header (:func:`_object_header`), its dictionary,
    its data) for each stream of ``data``, in order. A stream's data runs to the first
    ``endstream``, or further to its ``/Length`` when an ``endstream`` is there (PDFium
    takes a length that is right: data holding the word ``endstream`` must not cut the
    measure short); the next stream is looked for after it (bytes.find throughout: a
    regular expression over binary data was 20 times slower)."""
    view = memoryview(data)
    lengths: dict[tuple[int, int], int] = {}
    done = 0  # where the last stream's data ended: nothing before it is looked at again
    at = data.find(b"stream")
    while at >= 0:
        after = at + 6
        if data[at - 3:at] != b"end" and data[after:after + 1] in (b"\r", b"\n"):
            start = after + (2 if data[after:after + 2] == b"\r\n" else 1)
            header = _object_header(data, at, done)
            head = data[header[2]:at] if header else _dictionary_before(data, at, done)
            end = data.find(b"endstream", start)
            end = len(data) if end < 0 else end
            length_end = start + _length(data, head, lengths)
            if length_end > end and data[length_end:length_end + 12].lstrip(b"\r\n \t").startswith(b"endstream"):
                end = length_end
            yield at, header, head, view[start:end]
            done, after = end, end
        at = data.find(b"stream", after)


_LENGTH = re.compile(rb"/Length\s+(\d{1,12})(?:\s+(\d{1,10})\s+R)?")
_INTEGER_OBJECT = re.compile(rb"(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\s*(\d{1,12})\s*endobj")


def _length(data: bytes, head: bytes, lengths: dict[tuple[int, int], int]) -> int:
    """The stream's /Length: a number, or a reference to one (the file's integer objects
    are listed once, when a stream first refers to one); 0 when there is none."""
    found = _LENGTH.search(head)
    if found is None:
        return 0
    if found.group(2) is None:
        return int(found.group(1))
    if not lengths:
        lengths.update(((int(m[1]), int(m[2])), int(m[3])) for m in _INTEGER_OBJECT.finditer(data))
        lengths.setdefault((-1, -1), 0)  # listed, even when there are none
    return lengths.get((int(found.group(1)), int(found.group(2))), 0)


def _dictionary_before(data: bytes, at: int, done: int) -> bytes:
    head = data[max(done, at - _DICT_WINDOW):at]
    return head[head.rfind(b"obj") + 1:] if b"obj" in head else head


def _too_many_objects() -> InputError:
    return InputError(f"PDF of more than {MAX_OBJECTS} objects (a limit of gplint's: not a report)")


_HEADER = re.compile(rb"(\d+)\s+(\d+)\s+obj")


def _object_header(data: bytes, at: int, done: int) -> Optional[tuple[int, int, int]]:
    """(number, generation, where the header starts) of the indirect object whose
    ``stream`` keyword is at ``at``: the nearest ``N G obj`` before it, however long the
    stream's dictionary (after ``done``, where the last stream's data ended); None when an
    ``endobj`` comes first (a stream outside an object)."""
    pos = data.rfind(b"obj", done, at)
    for _ in range(4):  # an ``obj`` inside a name of the dictionary: look further back
        if pos < 0 or data[pos - 3:pos] == b"end":
            return None
        found = _HEADER.search(data, max(0, pos - 24), pos + 3)
        if found and found.end() == pos + 3:
            return int(found.group(1)), int(found.group(2)), found.start()
        pos = data.rfind(b"obj", done, pos)
    return None


def _encrypted(head: bytes, decryptor: Decryptor) -> bool:
    """A stream is encrypted, except a cross-reference stream, metadata when the document
    says so, and one whose own crypt filter is the identity."""
    if b"/XRef" in head or (not decryptor.encrypt_metadata and b"/Metadata" in head):
        return False
    return not (b"/Crypt" in head and b"/Identity" in head)


def _count_in_object_stream(head: bytes) -> int:
    found = re.search(rb"/N\s+(\d{1,12})\b", head)
    return int(found.group(1)) if found else 0


def _looks_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def _inflate_counted(data: memoryview, meter: _Meter, depth: int) -> None:
    """Inflate ``data`` (a zlib stream, or not) in chunks, charging the output; a zlib
    stream inside it (a second FlateDecode) is inflated and charged too."""
    if not _looks_zlib(bytes(data[:2])):
        return
    inflater = zlib.decompressobj()
    inner = None
    offset = 0
    while offset < len(data) and not inflater.eof:
        piece = data[offset:offset + _CHUNK]
        offset += len(piece)
        buf = bytes(piece)
        while buf:
            try:
                out = inflater.decompress(buf, _CHUNK)
            except zlib.error:
                return
            meter.charge(len(out))
            if depth < 2 and out:
                if inner is None:
                    inner = _Nested(meter, depth + 1) if _looks_zlib(out[:2]) else False
                if inner:
                    inner.feed(out)
            buf = inflater.unconsumed_tail
            if inflater.eof or not out and not buf:
                break


class _Nested:
    """A zlib stream inside an inflated one, inflated as its bytes arrive."""

    def __init__(self, meter: _Meter, depth: int) -> None:
        self.meter, self.depth, self.inflater, self.dead = meter, depth, zlib.decompressobj(), False

    def feed(self, data: bytes) -> None:
        buf = data
        while buf and not self.dead and not self.inflater.eof:
            try:
                out = self.inflater.decompress(buf, _CHUNK)
            except zlib.error:
                self.dead = True
                return
            self.meter.charge(len(out))
            buf = self.inflater.unconsumed_tail
            if not out and not buf:
                return


def _count_lzw(data: memoryview, meter: _Meter) -> None:
    """The length LZWDecode (9-12 bit codes, early change) gives, without decoding: an
    entry's length is the previous code's plus one."""
    lengths: list[int] = []
    width, prev, bits, nbits, total = 9, 0, 0, 0, 0
    for byte in data:
        bits, nbits = (bits << 8 | byte) & 0xFFFFFF, nbits + 8
        if nbits < width:
            continue
        nbits -= width
        code = (bits >> nbits) & ((1 << width) - 1)
        if code == 256:
            lengths, width, prev = [], 9, 0
            continue
        if code == 257:
            return
        n = 1 if code < 256 else (lengths[code - 258] if code - 258 < len(lengths) else prev + 1)
        if prev and len(lengths) < 4096 - 258:  # a full table takes no more entries
            lengths.append(prev + 1)
        prev = n
        total += n
        if total > 65536:
            meter.charge(total)
            total = 0
        size = 258 + len(lengths)
        width = 12 if size >= 2047 else 11 if size >= 1023 else 10 if size >= 511 else 9
    meter.charge(total)


def _count_run_length(data: memoryview, meter: _Meter) -> None:
    i, total = 0, 0
    while i < len(data):
        n = data[i]
        if n == 128:
            break
        if n < 128:
            total, i = total + n + 1, i + n + 2
        else:
            total, i = total + 257 - n, i + 2
        if total > 65536:
            meter.charge(total)
            total = 0
    meter.charge(total)
