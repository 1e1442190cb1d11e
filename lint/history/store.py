"""The history store: every recorded report in one SQLite file (standard library).

Tables (schema version in ``meta``):

- ``reports``: one row a *version* of a report, keyed by its content hash (the same text
  recorded twice is one row: recording is idempotent; its path, findings and
  ``last_recorded`` are refreshed). Agency (normalised, and its matching key), year,
  title, format, the three tables and their reading confidence (JSON), the findings
  (JSON, and counts by severity). When a second version of one agency's report for one
  year is recorded (a corrected re-publication), the newer one (recorded later) becomes
  the current one and the older one is kept with ``superseded_by`` pointing at it.
- ``sentences``: (fingerprint, report) for copy detection, indexed by fingerprint;
  ``sentence_agencies`` and ``sentence_counts``: which agencies write each sentence, and
  how many (template text is written by many).

One writer: :meth:`HistoryStore.add` buffers records and writes them in batches, each in
one transaction. Readers (the history rules, in any number of worker processes) open the
file read-only (:func:`open_view`); WAL journaling lets them read while the writer writes.
Rules never see SQL: they call :class:`HistoryView`'s three methods.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from typing import Any, Iterable, Iterator, Optional, Protocol, Sequence

from ..agency import same_agency
from .record import ReportRecord

SCHEMA_VERSION = "1"
#: Records written in one transaction.
BATCH = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports(
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    path TEXT,
    agency TEXT,
    agency_key TEXT,
    agency_as_written TEXT NOT NULL DEFAULT '',
    year INTEGER,
    title TEXT NOT NULL DEFAULT '',
    format_version TEXT NOT NULL DEFAULT '',
    first_recorded TEXT NOT NULL,
    last_recorded TEXT NOT NULL,
    superseded_by INTEGER REFERENCES reports(id),
    errors INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    infos INTEGER NOT NULL DEFAULT 0,
    tables TEXT NOT NULL,
    findings TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_place ON reports(agency_key, year);
CREATE TABLE IF NOT EXISTS sentences(fingerprint INTEGER NOT NULL, report_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sentences_fingerprint ON sentences(fingerprint);
CREATE INDEX IF NOT EXISTS sentences_report ON sentences(report_id);
CREATE TABLE IF NOT EXISTS sentence_agencies(fingerprint INTEGER NOT NULL, agency TEXT NOT NULL,
    PRIMARY KEY(fingerprint, agency)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sentence_counts(fingerprint INTEGER PRIMARY KEY, agencies INTEGER NOT NULL);
"""

_TABLE_FIELDS = ("t2", "t2_format", "t3", "t4", "reading", "lines")
_COLUMNS = ("id, content_hash, path, agency, agency_key, agency_as_written, year, title, format_version, "
            "tables, findings")


class HistoryError(Exception):
    """The store cannot be opened or written (a clear message for the command line)."""


class HistoryView(Protocol):
    """What a history rule may ask (no SQL in rules). Records are :class:`ReportRecord`."""

    def report_of(self, agency: str, year: int, *, other_than: str = "") -> Optional[ReportRecord]:
        """The current recorded report of ``agency`` (or the one agency that is the same
        under another spelling, :func:`gplint.agency.same_agency`) for ``year``; None when
        none, or when several agencies could be meant. ``other_than``: a content hash to
        pass over (the report being checked)."""

    def reports_sharing(self, fingerprints: Sequence[int], *, other_than: str = "",
                        limit: int = 20) -> list[tuple[ReportRecord, int]]:
        """Current reports holding any of these sentence fingerprints, with how many each
        holds, most first."""

    def common_sentences(self, fingerprints: Sequence[int], min_agencies: int) -> set[int]:
        """The fingerprints found in the reports of at least ``min_agencies`` agencies:
        the template sentences every agency writes, which prove no copying."""


def default_path() -> str:
    """``$GPLINT_HISTORY``, else ``$XDG_DATA_HOME/gplint/history.sqlite`` (XDG default
    ``~/.local/share``)."""
    env = os.environ.get("GPLINT_HISTORY")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "gplint", "history.sqlite")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + f".{int(time.time() * 1e6) % 1000000:06d}Z"


def _chunks(values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


class HistoryStore:
    """The SQLite history file, for reading (rules, ``gplint history``) and writing
    (``--record``). ``path`` ":memory:" gives a private in-memory store (tests)."""

    def __init__(self, path: str, *, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self._pending: list[ReportRecord] = []
        try:
            if readonly:
                if not os.path.exists(path):
                    raise HistoryError(f"{path}: no history store there (record one with --record)")
                self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                          check_same_thread=False)
            else:
                if path != ":memory:" and os.path.dirname(path):
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                # (Another process recording into the same file holds it for one batch at a
                # time: wait for it rather than fail.)
                self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(_SCHEMA)
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            version = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.Error as exc:
            raise HistoryError(f"{path}: not a gplint history store ({exc})") from None
        if version is None or version[0] != SCHEMA_VERSION:
            raise HistoryError(f"{path}: history store of another version ({version[0] if version else 'none'}; "
                               f"this gplint writes version {SCHEMA_VERSION})")

    # ------------------------------------------------------------------ writing
    def add(self, record: ReportRecord) -> None:
        """Record one report (written with the next batch; :meth:`flush` writes now)."""
        self._pending.append(record)
        if len(self._pending) >= BATCH:
            self.flush()

    def add_many(self, records: Iterable[ReportRecord]) -> int:
        n = 0
        for record in records:
            self.add(record)
            n += 1
        self.flush()
        return n

    def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        try:
            self.db.execute("BEGIN IMMEDIATE")
            for record in pending:
                self._write(record)
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise HistoryError(f"{self.path}: cannot record ({exc})") from None

    def _write(self, r: ReportRecord) -> None:
        now = _now()
        counts = {s: sum(1 for f in r.findings if f["severity"] == s) for s in ("error", "warning", "info")}
        tables = json.dumps({k: getattr(r, k) for k in _TABLE_FIELDS}, ensure_ascii=False,
                            default=lambda o: o.__dict__)
        findings = json.dumps(r.findings, ensure_ascii=False)
        row = self.db.execute("SELECT id FROM reports WHERE content_hash=?", (r.content_hash,)).fetchone()
        if row is not None:  # the same text again: refresh what a run (a newer gplint) may change
            self.db.execute("UPDATE reports SET path=?, last_recorded=?, errors=?, warnings=?, infos=?, findings=?, "
                            "tables=?, agency=?, agency_key=?, agency_as_written=?, year=?, title=?, format_version=? "
                            "WHERE id=?", (r.path, now, counts["error"], counts["warning"], counts["info"], findings,
                                           tables, r.agency, r.agency_key, r.agency_as_written, r.year, r.title,
                                           r.format_version, row[0]))
            return
        cur = self.db.execute(
            "INSERT INTO reports(content_hash, path, agency, agency_key, agency_as_written, year, title, "
            "format_version, first_recorded, last_recorded, errors, warnings, infos, tables, findings) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (r.content_hash, r.path, r.agency, r.agency_key, r.agency_as_written, r.year, r.title, r.format_version,
             now, now, counts["error"], counts["warning"], counts["info"], tables, findings))
        new_id = cur.lastrowid
        self.db.executemany("INSERT INTO sentences VALUES (?, ?)", [(fp, new_id) for fp in r.sentences])
        # How many agencies write each sentence, kept as reports arrive: template text is
        # then one indexed look-up, however many reports hold it.
        who = r.agency_key or f"#{new_id}"
        self.db.executemany("INSERT INTO sentence_counts SELECT ?, 1 WHERE NOT EXISTS (SELECT 1 FROM sentence_agencies "
                            "WHERE fingerprint=? AND agency=?) ON CONFLICT(fingerprint) DO UPDATE SET agencies=agencies+1",
                            [(fp, fp, who) for fp in r.sentences])
        self.db.executemany("INSERT OR IGNORE INTO sentence_agencies VALUES (?, ?)", [(fp, who) for fp in r.sentences])
        if r.agency is not None and r.year is not None:
            older = self.db.execute("SELECT id, agency FROM reports WHERE agency_key=? AND year=? AND id<>? "
                                    "AND superseded_by IS NULL", (r.agency_key, r.year, new_id)).fetchall()
            for old_id, old_agency in older:
                if old_agency == r.agency or same_agency(old_agency, r.agency):
                    self.db.execute("UPDATE reports SET superseded_by=? WHERE id=?", (new_id, old_id))

    def close(self) -> None:
        try:
            if not self.readonly:
                self.flush()
        finally:
            self.db.close()

    def __enter__(self) -> "HistoryStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------------ reading (HistoryView)
    def _record(self, row: tuple) -> ReportRecord:
        (_id, content_hash, path, agency, key, written, year, title, fmt, tables, findings) = row
        data = json.loads(tables)
        return ReportRecord.from_dict(dict(
            content_hash=content_hash, path=path, agency=agency, agency_key=key, agency_as_written=written,
            year=year, title=title, format_version=fmt, findings=json.loads(findings), sentences=[], **data))

    def report_of(self, agency: str, year: int, *, other_than: str = "") -> Optional[ReportRecord]:
        from ..agency import agency_key

        rows = self.db.execute(f"SELECT {_COLUMNS} FROM reports WHERE agency_key=? AND year=? "
                               "AND superseded_by IS NULL AND content_hash<>? ORDER BY id",
                               (agency_key(agency), year, other_than)).fetchall()
        exact = [r for r in rows if r[3] == agency]
        fits = exact or [r for r in rows if same_agency(r[3], agency)]
        # Several spellings that are not one another's (福州市鼓楼区… and 南京市鼓楼区… for a
        # report that prints 鼓楼区…): which one is meant is not known, so none is.
        names = {r[3] for r in fits}
        found = None
        if fits and all(same_agency(a, b) for a in names for b in names):
            found = self._record(fits[-1])
        return found

    def reports_sharing(self, fingerprints: Sequence[int], *, other_than: str = "",
                        limit: int = 20) -> list[tuple[ReportRecord, int]]:
        counts: dict[int, int] = {}
        for part in _chunks(list(fingerprints)):
            marks = ",".join("?" * len(part))
            for report_id, n in self.db.execute(
                    f"SELECT s.report_id, COUNT(*) FROM sentences s JOIN reports r ON r.id=s.report_id "
                    f"WHERE s.fingerprint IN ({marks}) AND r.superseded_by IS NULL AND r.content_hash<>? "
                    f"GROUP BY s.report_id", (*part, other_than)):
                counts[report_id] = counts.get(report_id, 0) + n
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        out = []
        for report_id, n in best:
            row = self.db.execute(f"SELECT {_COLUMNS} FROM reports WHERE id=?", (report_id,)).fetchone()
            out.append((self._record(row), n))
        return out

    def common_sentences(self, fingerprints: Sequence[int], min_agencies: int) -> set[int]:
        common: set[int] = set()
        for part in _chunks(list(fingerprints)):
            marks = ",".join("?" * len(part))
            common.update(fp for (fp,) in self.db.execute(
                f"SELECT fingerprint FROM sentence_counts WHERE fingerprint IN ({marks}) AND agencies >= ?",
                (*part, min_agencies)))
        return common

    def sentences_of(self, content_hash: str) -> set[int]:
        return {fp for (fp,) in self.db.execute(
            "SELECT s.fingerprint FROM sentences s JOIN reports r ON r.id=s.report_id WHERE r.content_hash=?",
            (content_hash,))}

    # ------------------------------------------------------------------ listing
    def rows(self, *, agency: Optional[str] = None, year: Optional[int] = None,
             include_superseded: bool = True) -> Iterator[dict[str, Any]]:
        """Every recorded version as a dict (``gplint history``, exports), by agency and year."""
        where, args = [], []
        if agency:
            where.append("(agency LIKE ? OR agency_as_written LIKE ?)")
            args += [f"%{agency}%", f"%{agency}%"]
        if year is not None:
            where.append("year=?")
            args.append(year)
        if not include_superseded:
            where.append("superseded_by IS NULL")
        sql = ("SELECT id, content_hash, path, agency, agency_key, agency_as_written, year, title, format_version, first_recorded, "
               "last_recorded, superseded_by, errors, warnings, infos, tables, findings FROM reports"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY agency IS NULL, agency, year, id")
        names = ("id", "content_hash", "path", "agency", "agency_key", "agency_as_written", "year", "title", "format_version",
                 "first_recorded", "last_recorded", "superseded_by", "errors", "warnings", "infos", "tables", "findings")
        for row in self.db.execute(sql, args):
            out = dict(zip(names, row))
            out["tables"] = json.loads(out["tables"])
            out["findings"] = json.loads(out["findings"])
            yield out


_VIEWS: dict[tuple[int, str], HistoryStore] = {}


def open_view(history: Any) -> HistoryView:
    """The store a run's options name (a path, or a store object given directly), opened
    read-only once a process (a forked worker never uses its parent's connection)."""
    if not isinstance(history, (str, os.PathLike)):
        return history
    path = os.fspath(history)
    try:
        st = os.stat(path)
        # (A file replaced under the same name is another store: a new connection.)
        key = (os.getpid(), path, st.st_dev, st.st_ino)
    except OSError:
        key = (os.getpid(), path, 0, 0)
    view = _VIEWS.get(key)
    if view is None:
        if len(_VIEWS) >= 8:
            _VIEWS.clear()
        view = _VIEWS[key] = HistoryStore(path, readonly=True)
    return view
