"""Peak Python allocations of a reading, for the tests that bound memory (issue 16)."""
from __future__ import annotations

import tracemalloc
from typing import Callable

from gplint.reader import parse


def peak_of(read: Callable[[], object]) -> int:
    """Bytes allocated at the peak of ``read()``, run once before so that first-use costs
    (memos, imports) are not counted."""
    read()
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def parse_peak_per_byte(text: str) -> float:
    """The peak of parsing ``text``, per byte of its UTF-8."""
    return peak_of(lambda: parse(text)) / len(text.encode())
