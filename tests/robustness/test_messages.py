"""Messages say what is true (issue 16, item 14): UTF-16 saved without a byte-order mark is
read, not called binary; a bad byte's offset counts from the start of the file and names
its line."""
from __future__ import annotations

from pathlib import Path

import pytest

from gplint.sources import InputError, decode

REPORT = (Path(__file__).resolve().parent.parent / "corpus" / "001_98c801d9a8639466.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(encoding):
    """Before: 'binary file, not report text'."""
    src = decode(REPORT.encode(encoding))
    assert src.text == REPORT.replace("\r\n", "\n") and src.encoding == "utf-16"


def test_binary_stays_binary():
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02\x03" * 3000)
    with pytest.raises(InputError, match="binary"):  # zero bytes on one side, but not text
        decode(b"\x00\xff" * 50)


def test_a_bad_byte_after_a_bom_is_placed_in_the_file():
    """Before: the offset left out the three bytes of the BOM."""
    data = b"\xef\xbb\xbf" + "一、总体情况\n第二行".encode() + b"\xff\n"
    with pytest.raises(InputError) as info:
        decode(data)
    bad = data.index(b"\xff")
    assert f"byte {bad}, line 2" in str(info.value)
