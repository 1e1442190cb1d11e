"""Blanks in prose that are layout, not text: the ones a line carries where it wraps, and
one between two Chinese characters where a tool joined a paragraph's wrapped lines with a
blank (pymupdf4llm). Chinese writes no blank between its words; a Latin word or a number
keeps one (``PDF`` / ``file``)."""
from __future__ import annotations

from array import array
from itertools import islice
from typing import Optional, Sequence

from ..lazy_re import lazy_compile
from ..model import Sentence

#: One blank between two Chinese characters (结转下 年度继续办理).
BLANK_IN_WORDS = lazy_compile("(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
#: More such blanks than one in this many characters are text spaced out, not wraps.
_CHARACTERS_A_WRAP = 8


def closed_up(text: str, pieces: Sequence[tuple[int, int, int]]) -> Optional[tuple[str, array]]:
    """``text`` (a sentence's, with its runs ``pieces``) without its blanks between Chinese
    characters, and its runs' numbers laid end to end, a run starting after each blank
    taken out: every character keeps its place in the source. None for text spaced out
    (总 体 情 况, more blanks than wraps leave): a run a character costs more than it."""
    most = len(text) // _CHARACTERS_A_WRAP
    cuts = {m.start() for m in islice(BLANK_IN_WORDS.finditer(text), most + 1)}
    if not cuts or len(cuts) > most:
        return None
    probe = Sentence(text, None, pieces)
    starts = sorted({piece[0] for piece in pieces} | {0} | {c + 1 for c in cuts})
    kept: list[str] = []
    flat = array("i")
    size = 0
    for a, b in zip(starts, [*starts[1:], len(text)]):
        flat.extend((size, *probe.position(a)))
        kept.append(text[a:b - 1] if b - 1 in cuts else text[a:b])
        size += len(kept[-1])
    return "".join(kept), flat


def latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def without_wrap_blanks(rest: str) -> str:
    """``rest``, the end of a line a sentence runs on from, without its trailing blanks,
    or with one blank if it ends in a Latin letter or digit (the next line may begin with
    another word: ``PDF`` / ``file``; a Chinese wrap is never a blank)."""
    kept = rest.rstrip()
    if len(kept) == len(rest) or not kept:
        return rest
    return rest[:len(kept) + 1] if latin_or_digit(kept[-1]) else kept
