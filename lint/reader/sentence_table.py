"""A report's sentences kept compactly when they are many and short (see
:class:`SentenceTable`)."""
from __future__ import annotations

from array import array
from typing import Iterator, Optional, Sequence

from ..model import Sentence


#: Texts of sentences joined into one string this many at a time while they are appended.
_JOINED_AT_ONCE = 256


class SequenceValue(Sequence):
    """A read-only sequence that compares and hashes as the tuple of its items (a compact
    stand-in for a tuple: :class:`SentenceTable`, :class:`gplint.reader.sentences.Runs`)."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))


class SentenceTable(SequenceValue, Sequence[Sentence]):
    """:attr:`Report.sentences` kept as one string and a few arrays, a :class:`Sentence`
    made when one is read: each sentence's text (a slice of one string of them all), its
    section, whether it is a heading and its runs (three numbers each).

    A sentence object costs ≈ 250 bytes with its text and runs; markup debris such as
    ``<!--<!--…`` is a "sentence" every few characters (each ``!`` ends one), and an object
    each cost 45-65 times the input. The reader keeps a tuple of sentences unless they are
    that many (:func:`gplint.reader.sentences.sentences_of`). Filled by :meth:`append`, then
    :meth:`finish`; read-only after, and equal to any sequence of the same sentences."""

    __slots__ = ("_pending", "_chunks", "_text", "_ends", "_sections", "_names", "_headings", "_runs", "_run_ends")

    def __init__(self) -> None:
        # The texts appended, joined a few hundred at a time (io.StringIO keeps every
        # string written until it holds 100,000 of them).
        self._pending: list[str] = []
        self._chunks: list[str] = []
        self._text = ""
        # (4-byte numbers: a report is at most tens of megabytes.)
        self._ends = array("i")  # where each sentence's text ends in _text
        self._sections = bytearray()  # index in _names
        self._names: list[Optional[str]] = [None]
        self._headings = bytearray()
        self._runs = array("i")  # offset, line, column of every run, laid end to end
        self._run_ends = array("i")  # where each sentence's runs end in _runs

    def append(self, sentence: Sentence) -> None:
        """A sentence at the end (while the reader cuts them)."""
        self._pending.append(sentence.text)
        if len(self._pending) == _JOINED_AT_ONCE:
            self._chunks.append("".join(self._pending))
            self._pending.clear()
        self._ends.append(self._ends[-1] + len(sentence.text) if self._ends else len(sentence.text))
        names = self._names
        if sentence.section not in names:
            names.append(sentence.section)
        self._sections.append(names.index(sentence.section))
        self._headings.append(sentence.heading)
        for run in sentence.pieces:
            self._runs.extend(run)
        self._run_ends.append(len(self._runs))

    def finish(self) -> "SentenceTable":
        """Done appending: the texts become one string."""
        self._chunks.append("".join(self._pending))
        self._text = "".join(self._chunks)
        self._pending, self._chunks = [], []
        return self

    def __len__(self) -> int:
        return len(self._ends)

    def _sentence(self, k: int) -> Sentence:
        from .sentences import runs_of  # (sentences imports this module)

        start = self._ends[k - 1] if k else 0
        run_start = self._run_ends[k - 1] if k else 0
        return Sentence(self._text[start:self._ends[k]], self._names[self._sections[k]],
                        runs_of(self._runs[run_start:self._run_ends[k]]), bool(self._headings[k]))

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return tuple(self._sentence(i) for i in range(*k.indices(len(self))))
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self._sentence(k)

    def __iter__(self) -> Iterator[Sentence]:
        return map(self._sentence, range(len(self)))

    def __repr__(self) -> str:
        return f"SentenceTable({len(self)} sentences)"
