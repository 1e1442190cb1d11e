"""What the history keeps of one report: a :class:`ReportRecord`, plain data.

The same function makes the record the store writes and the one a history rule compares
with the store (:func:`record_of`, computed once a report), so both sides always read a
report the same way. A record carries no model object: it crosses process boundaries
(``--jobs``, Dask) as a small dict.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from hashlib import blake2b, sha256
from typing import Any, Iterable, Optional

from ..agency import agency_key
from ..analyses import per_report
from ..confidence import assess
from ..diagnostics import Diagnostic
from ..format import FORMAT_2021, format_for
from ..model import Report
from ..lazy_re import lazy_compile

#: A sentence shorter than this (in characters, blanks removed) is not fingerprinted: short
#: sentences (无。 / 2024年本机关未收取信息处理费。) are the same in every report.
MIN_SENTENCE = 15
_SENTENCE = lazy_compile(r"[^。！？；!?;]+[。！？；!?;]?")
#: Full-width digits and letters (２０２４, Ａ) as half-width: what NFKC does to them, at a
#: fraction of its cost (a report's text is mostly already normal; its punctuation is kept).
_FULL_WIDTH = lazy_compile(r"[０-９Ａ-Ｚａ-ｚ]")
_HALF_WIDTH = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
_NOT_TEXT = lazy_compile(r"[\s\u3000\u200b\ufeff]+")

_T3_ROWS = FORMAT_2021.t3.row_keys
_T3_COLS = FORMAT_2021.t3.column_keys
_T4_BLOCKS = FORMAT_2021.t4.block_keys
_T4_COLS = FORMAT_2021.t4.column_keys


def _number(v: Any) -> Any:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


@dataclass
class TableReading:
    """How sure the reading of one table is, as the rules need it: found, assessable
    (score above the threshold) and the rows no check may use."""

    found: bool = False
    assessable: bool = False
    certain: bool = False
    unread: list[str] = field(default_factory=list)

    def readable(self, row: str) -> bool:
        return self.found and self.assessable and row not in self.unread


@dataclass
class ReportRecord:
    """One report as the history store keeps it (every field JSON-able)."""

    content_hash: str
    path: Optional[str]
    agency: Optional[str]
    agency_key: Optional[str]
    agency_as_written: str
    year: Optional[int]
    title: str
    format_version: str
    #: Table 二 by cell key (``rules.in_force``), its format ("2021" / "2019").
    t2: dict[str, Any] = field(default_factory=dict)
    t2_format: str = ""
    #: Table 三 by row and column (``t3["R25"]["C7"]``); table 四 by block and column.
    t3: dict[str, dict[str, Any]] = field(default_factory=dict)
    t4: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Reading confidence per table ("t2", "t3", "t4").
    reading: dict[str, TableReading] = field(default_factory=dict)
    #: Lines where rows stand (``t3.R25``, ``t2.norm``, ``t4``), for related locations.
    lines: dict[str, int] = field(default_factory=dict)
    #: Fingerprints of the report's prose sentences (64-bit, signed, sorted, unique).
    sentences: list[int] = field(default_factory=list)
    #: The findings of the run that recorded it: code, severity, line, message.
    findings: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # (Not dataclasses.asdict: it deep-copies every value, ≈ 200 cells a report.)
        out = dict(self.__dict__)
        out["reading"] = {k: dict(v.__dict__) for k, v in self.reading.items()}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ReportRecord":
        data = dict(data)
        data["reading"] = {k: v if isinstance(v, TableReading) else TableReading(**v)
                           for k, v in (data.get("reading") or {}).items()}
        return cls(**data)

    def t3_value(self, row: str, col: str) -> Any:
        return (self.t3.get(row) or {}).get(col)

    def t4_value(self, block: str, col: str) -> Any:
        return (self.t4.get(block) or {}).get(col)

    def table_reading(self, table: str) -> TableReading:
        return self.reading.get(table) or TableReading()


def content_hash(text: str) -> str:
    """The identity of a report's text: the same text read from any file, in any encoding
    or line ending, has the same hash (blanks at line ends do not count)."""
    norm = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip()
    return sha256(norm.encode("utf-8")).hexdigest()[:32]


def sentence_fingerprints(report: Report) -> list[int]:
    """Fingerprints of the report's prose sentences: full-width digits and letters made
    half-width, blanks removed, cut after 。！？；; sentences under :data:`MIN_SENTENCE`
    characters, headings and the title left out."""
    out = set()
    title = report.title_span
    for piece in report.prose:
        if piece.heading or (title is not None and title.line <= piece.line <= title.end_line):
            continue
        text = piece.text
        if _FULL_WIDTH.search(text):
            text = text.translate(_HALF_WIDTH)
        for sentence in _SENTENCE.findall(_NOT_TEXT.sub("", text)):
            if len(sentence) >= MIN_SENTENCE:
                digest = blake2b(sentence.encode("utf-8"), digest_size=8).digest()
                out.add(int.from_bytes(digest, "big", signed=True))
    return sorted(out)


def _readings(report: Report) -> dict[str, TableReading]:
    out = {}
    for table, conf in assess(report).items():
        certain = conf.found and conf.assessable and all(r.certain for r in conf.rows.values())
        out[table] = TableReading(conf.found, conf.assessable, certain, sorted(conf.unread) if conf.found else [])
    return out


def _lines(report: Report) -> dict[str, int]:
    lines: dict[str, int] = {}
    if report.t3 is not None:
        for key, row in report.t3.rows.items():
            if row.line:
                lines[f"t3.{key}"] = row.line
    if report.t2 is not None:
        for key, cell in report.t2.cells.items():
            if cell.span is not None:
                lines.setdefault(f"t2.{key.split('.')[0]}", cell.span.line)
    if report.t4 is not None:
        spans = [c.span for c in report.t4.cells.values() if c.span is not None]
        if spans:
            lines["t4"] = spans[0].line
        for (block, col), cell in report.t4.cells.items():
            if cell.span is not None:
                lines.setdefault(f"t4.{block}", cell.span.line)
    return lines


def _tables(report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {"t2": {}, "t2_format": "", "t3": {}, "t4": {}}
    if report.t2 is not None:
        out["t2_format"] = report.t2.format
        out["t2"] = {k: _number(report.t2.value(k)) for k in format_for(report.t2.format).t2.keys}
    if report.t3 is not None:
        out["t3"] = {r: {c: _number(report.t3.value(r, c)) for c in _T3_COLS} for r in _T3_ROWS if r in report.t3.rows}
    if report.t4 is not None:
        out["t4"] = {b: {c: _number(report.t4.value(b, c)) for c in _T4_COLS} for b in _T4_BLOCKS}
    return out


def _make(report: Report) -> ReportRecord:
    placement = report.placement
    return ReportRecord(
        content_hash=content_hash(report.text), path=report.path, agency=placement.agency,
        agency_key=agency_key(placement.agency) if placement.agency else None,
        agency_as_written=placement.agency_as_written, year=placement.year, title=report.title,
        format_version=report.format_version, reading=_readings(report), lines=_lines(report),
        sentences=sentence_fingerprints(report), **_tables(report),
    )


_made = per_report(_make)


def record_of(report: Report, findings: Iterable[Diagnostic] = ()) -> ReportRecord:
    """The report's record; ``findings`` (the run's diagnostics on it) are kept with it.
    The part read from the report is computed once a report (:func:`gplint.analyses.per_report`)."""
    base = _made(report)
    kept = [{"code": d.code, "severity": d.severity, "line": d.span.line, "message": d.message} for d in findings]
    if not kept:
        return base
    return ReportRecord(**{**base.__dict__, "findings": kept})
