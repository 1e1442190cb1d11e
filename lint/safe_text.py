"""Text from a report or a file name made safe to print (issue 16, item 12; item 3).

A report's text reaches messages (a quoted cell, a heading) and a file name reaches every
output line. Either may hold what a consumer must not receive raw:

- control characters: ESC starts a terminal escape sequence (an attacker's report could
  rewrite the screen or a terminal's title), BEL rings, NUL truncates C strings;
- line separators: ``\\n``, ``\\r``, NEL (U+0085), U+2028 and U+2029 split one finding over
  two lines for a consumer that splits lines (an editor's problem matcher, ``grep``);
- bidirectional overrides (U+202A–U+202E, U+2066–U+2069) reorder what a person sees;
- bytes of a file name that are not UTF-8: Python gives them as lone surrogates
  U+DC80–U+DCFF (PEP 383, "surrogateescape"), which cannot be written as UTF-8 at all.

:func:`for_display` (text and github output) writes each as a visible escape: ``\\x1b``,
``\\n``, ``\\u2028``, and an undecodable byte 0xFF of a file name as ``\\xff``. JSON-based
output keeps every character (JSON escapes controls itself) and writes a lone surrogate
as the JSON escape ``\\udcff`` (:func:`json_safe`): the output is valid UTF-8, and
``os.fsencode(json.loads(...)["path"])`` gives back the name's exact bytes (readers that
refuse lone surrogates see U+FFFD). SARIF's URIs percent-encode the raw bytes
(:func:`path_bytes`).
"""
from __future__ import annotations

import os
import re

from .lazy_re import lazy_compile
_SURROGATE = lazy_compile("[\ud800-\udfff]")
# C0 controls but tab, DEL, C1 controls (NEL among them), the line and paragraph separators,
# bidirectional embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = lazy_compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    ch = m.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_display(text: str) -> str:
    """``text`` with every control character, line separator, bidirectional control and
    undecodable byte written as a visible escape; anything else unchanged."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def json_safe(json_text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with each lone surrogate
    written as its ``\\uXXXX`` escape, so that it can be encoded as UTF-8. Surrogates only
    occur inside JSON strings, where a backslash always starts an escape: the result is
    the same JSON value."""
    if not _SURROGATE.search(json_text):
        return json_text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def path_bytes(path: str) -> bytes:
    """A file name's bytes as the file system has them (undecodable bytes included)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that no byte gave (a library caller's text)
        return path.encode("utf-8", "surrogatepass")
