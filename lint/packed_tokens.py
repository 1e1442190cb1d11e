"""The tokens of a very long line, packed: a byte for each token's type and a 4-byte
integer for where it starts, over the line's own text.

A :class:`~gplint.line_records.Tok` costs ≈ 60 bytes and its text another 50-80: a page
flattened into one line, or a megabyte of digits and blanks, held as ``Tok`` objects took
40-120 bytes of memory a byte of input. :class:`PackedTokens` holds 5 bytes a token and
makes each ``Tok`` when it is read, so what the reader keeps of a line stays a small
multiple of the line whatever its shape. It is a read-only sequence of ``Tok`` (indexing,
slices, iteration, ``len``) and equals the tuple of the same tokens; the reader uses it
for lines of more than :data:`gplint.line_reader.SHAPE_MAX_TOKENS` tokens, whose records are
never made, and for the virtual lines a flattened page is cut into
(:func:`gplint.reader.flattened.segments`), which together hold every token of the page.
"""
from __future__ import annotations

from array import array
from itertools import chain, islice, repeat
from operator import attrgetter, methodcaller
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Sequence, Union, overload

from .line_records import Tok

if TYPE_CHECKING:
    import re

_new = tuple.__new__
_LASTGROUP = attrgetter("lastgroup")
_START = methodcaller("start")
_GROUP = methodcaller("group")
_PLUS_ONE = (1).__add__
_NAMES: dict = {}  # regex -> its names, or None


def _names_of(regex: "re.Pattern[str]") -> Optional[tuple[list[str], dict[str, int]]]:
    """The terminal names of a lexer's expression (its named groups) and their numbers;
    None when there are more than a byte can number."""
    found = _NAMES.get(regex)
    if found is None:
        names = list(regex.groupindex)
        found = _NAMES[regex] = (names, {n: k for k, n in enumerate(names)}) if len(names) <= 256 else None
    return found
#: A slice of at most this many tokens is a plain tuple (cells, labels: read many times).
_TUPLE_SLICE = 64


class PackedTokens(Sequence["Tok"]):
    """Tokens that cover ``text[offset:end]`` without a gap, token ``i`` starting at
    ``starts[i]`` (offsets into ``text``) with type ``names[kinds[i]]``."""

    __slots__ = ("text", "names", "kinds", "starts", "end")

    def __init__(self, text: str, names: Sequence[str], kinds: Union[bytes, bytearray], starts: "array[int]",
                 end: int) -> None:
        self.text = text
        self.names = names
        self.kinds = kinds
        self.starts = starts
        self.end = end

    @classmethod
    def lex(cls, regex: "re.Pattern[str]", text: str, start: int = 0, end: Optional[int] = None) -> Optional["PackedTokens"]:
        """The tokens ``regex`` finds in ``text[start:end]`` read alone (each
        alternative's last group names its terminal, as in :func:`gplint.line_reader.lexicon_of`),
        their columns those of ``text``; None when some character matches no terminal."""
        piece = text if start == 0 and end is None else text[start:end]
        named = _names_of(regex)
        if named is None:
            return None  # (the callers then read the line as before, token objects)
        names, index = named
        kinds = bytearray()
        starts = array("i")
        covered = 0
        matches = regex.finditer(piece)
        # In batches, by C-level maps: a token costs no Python step, and the matches
        # alive at once stay few whatever the line's length.
        while True:
            batch = list(islice(matches, 128))
            if not batch:
                break
            kinds.extend(map(index.__getitem__, map(_LASTGROUP, batch)))
            first = len(starts)
            starts.extend(map(_START, batch))
            covered += sum(map(len, map(_GROUP, batch)))
            if start and first < len(starts):
                for k in range(first, len(starts)):
                    starts[k] += start
        if covered != len(piece):  # finditer skips what no terminal matches: a gap
            return None
        return cls(text, names, bytes(kinds), starts, start + len(piece))

    def __len__(self) -> int:
        return len(self.kinds)

    def _tok(self, i: int) -> "Tok":
        a = self.starts[i]
        b = self.starts[i + 1] if i + 1 < len(self.starts) else self.end
        return _new(Tok, (self.names[self.kinds[i]], self.text[a:b], a + 1))

    @overload
    def __getitem__(self, i: int) -> "Tok": ...

    @overload
    def __getitem__(self, i: slice) -> Sequence["Tok"]: ...

    def __getitem__(self, i):
        n = len(self.kinds)
        if isinstance(i, slice):
            a, b, step = i.indices(n)
            if step != 1 or b - a <= _TUPLE_SLICE:
                return tuple(self._tok(k) for k in range(a, b, step))
            end = self.starts[b] if b < n else self.end
            return PackedTokens(self.text, self.names, self.kinds[a:b], self.starts[a:b], end)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("token index out of range")
        return self._tok(i)

    def __iter__(self) -> Iterator["Tok"]:
        # C-level maps all the way: (type, text[start:end], start + 1) for each token.
        starts = self.starts
        ends = chain(islice(starts, 1, None), (self.end,))
        return map(_new, repeat(Tok), zip(map(self.names.__getitem__, self.kinds),
                                          map(self.text.__getitem__, map(slice, starts, ends)),
                                          map(_PLUS_ONE, starts)))

    def types(self) -> set[str]:
        """The token types present (without making a token)."""
        return {self.names[k] for k in set(self.kinds)}

    def joined(self) -> str:
        """The tokens' text, ``"".join(t.value for t in self)`` (a slice of the line)."""
        return self.text[self.starts[0]:self.end] if len(self.starts) else ""

    def count(self, types: Iterable[str]) -> int:  # type: ignore[override]
        """How many tokens have one of ``types`` (without making a token)."""
        index = {n: k for k, n in enumerate(self.names)}
        return sum(self.kinds.count(index[t]) for t in types if t in index)

    def retyped(self, old: str, new: str) -> "PackedTokens":
        """The same tokens with type ``old`` read as ``new`` (a tab inside a pipe cell)."""
        names = list(self.names)
        index = {n: k for k, n in enumerate(names)}
        if old not in index:
            return self
        if new not in index:
            index[new] = len(names)
            names.append(new)
        table = bytes(index[new] if k == index[old] else k for k in range(256)) if len(names) <= 256 else None
        kinds = self.kinds.translate(table) if table is not None else self.kinds
        return PackedTokens(self.text, names, kinds, self.starts, self.end)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, list, PackedTokens)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"PackedTokens({len(self)} tokens)"
