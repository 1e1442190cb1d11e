"""``gplint history`` and the history options of a lint run (``--history FILE``, ``--record``).

A lint run with

- ``--record [FILE]`` writes every report it reads (agency, year, tables, findings,
  sentence fingerprints) to the store: FILE, else the ``--history FILE``, else
  ``$GPLINT_HISTORY``, else ``~/.local/share/gplint/history.sqlite``. Results come back to
  this process (one writer, whatever ``--jobs`` is) and are written in batches;
- ``--history FILE`` turns the cross-report rules (category ``history``, X-codes) on: each
  report is compared with what FILE holds;
- ``--history FILE --record``: the reports are recorded first (a reading pass without
  rules), then linted against the store that now holds them all, and their findings
  recorded. A folder holding several years of an agency's reports is checked year against
  year in one run.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from .record import ReportRecord
from .store import HistoryError, HistoryStore, default_path

OptionsFor = Callable[[str], Any]


class HistoryRun:
    """The history side of one lint run (see the module docstring).

    ``history``: the store the cross-report rules read (``--history FILE``), or None.
    ``record``: None (no recording), True (``--record``: into ``history``, else the default
    store) or a path (``--record FILE``)."""

    def __init__(self, history: Optional[str], record: Union[None, bool, str]) -> None:
        self.history = history
        self.record = bool(record)
        self.path = record if isinstance(record, str) else (history or default_path())
        self.recorded = 0
        self.failed = False
        self._store: Optional[HistoryStore] = None
        if self.record:
            self._writer().close()  # fails now, not after the run, when the file cannot be written
            self._store = None
        if history is not None and not (self.record and os.path.abspath(history) == os.path.abspath(self.path)):
            HistoryStore(history, readonly=True).close()

    @property
    def check(self) -> bool:
        return self.history is not None

    @property
    def records_what_it_checks(self) -> bool:
        """Recording into the store the rules read: record everything first (two passes)."""
        return self.record and self.check and os.path.abspath(self.history) == os.path.abspath(self.path)

    def _writer(self) -> HistoryStore:
        if self._store is None:
            self._store = HistoryStore(self.path)
        return self._store

    def options_for(self, base: OptionsFor) -> OptionsFor:
        """``base`` with this run's history options added to each file's options."""
        history = self.history

        def options(path: str) -> Any:
            return dataclasses.replace(base(path), history=history, record=self.record)

        return options

    def first_pass(self, files: Sequence[str], registry: Any, options_for: OptionsFor, jobs: int,
                   plugins: Sequence[str] = ()) -> None:
        """With both ``--record`` and ``--history``: read and record every report before
        any is checked against the store. Nothing but the reading runs (no rule)."""
        if not (self.records_what_it_checks and files):
            return
        from ..runner import run

        def reading_only(path: str) -> Any:
            return dataclasses.replace(options_for(path), select=("E",), ignore=(), history=None, record=True)

        try:
            for result in run(files, registry, reading_only, jobs, plugins):
                self._add(result)
            self.close()
        except HistoryError as exc:
            self._fail(exc)
        self.recorded = 0  # the checking pass records them again, with their findings

    def recording(self, results: Iterable[Any]) -> Iterator[Any]:
        """``results`` passed through, each one's record written to the store on the way.
        A store that cannot be written (disk full, locked too long) is said once on stderr
        and recording stops (:attr:`failed`); the run's findings still come out."""
        for result in results:
            if self.record and not self.failed:
                try:
                    self._add(result)
                except HistoryError as exc:
                    self._fail(exc)
            yield result
        try:
            self.close()
        except HistoryError as exc:
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        sys.stderr.write(f"gplint: error: {exc}; reports from here on were not recorded\n")
        self.failed = True
        self._store = None

    def _add(self, result: Any) -> None:
        record = getattr(result, "record", None)
        if record is None:
            return
        result.record = None  # written: the result is only printed from here on
        self._writer().add(ReportRecord.from_dict(record))
        self.recorded += 1

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def summary(self) -> str:
        if not self.record:
            return ""
        return f"gplint: recorded {self.recorded} report(s) in {self.path}" + (" (then failed)" if self.failed else "") + "\n"


def record_results(results: Iterable[dict[str, Any]], path: Optional[str] = None) -> int:
    """Write the records of ``gplint.batch`` result dicts (linted with ``{"record": True}``,
    e.g. gathered from Dask partitions) to the store at ``path``; returns how many."""
    with HistoryStore(path or default_path()) as store:
        return store.add_many(ReportRecord.from_dict(r["record"]) for r in results if r.get("record"))


# ---------------------------------------------------------------------------- gplint history

def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gplint history",
        description="The reports recorded with 'gplint PATH --record': list them, or export them for research.",
        epilog="gplint history [list] [--agency TEXT] [--year Y]  |  gplint history export OUT.csv|OUT.parquet "
               "[--what reports|findings]")
    p.add_argument("action", nargs="?", choices=("list", "export"), default="list")
    p.add_argument("output", nargs="?", help="export: the file to write (.csv, or .parquet with pyarrow)")
    p.add_argument("--history", default=None, metavar="FILE", help=f"the history store (default: {default_path()})")
    p.add_argument("--agency", default=None, help="only agencies whose name contains this text")
    p.add_argument("--year", type=int, default=None, help="only reports on this year")
    p.add_argument("--current", action="store_true", help="leave out versions a newer one replaced")
    p.add_argument("--versions", action="store_true", help="one line a recorded version (the default with "
                   "--agency or --year)")
    p.add_argument("--what", choices=("reports", "findings"), default="reports", help="export: one row a report "
                   "(its cells as columns) or one row a finding")
    p.add_argument("--format", dest="fmt", choices=("text", "json", "csv", "parquet"), default=None,
                   help="list: text (default) or json; export: csv or parquet (default: from OUT's extension)")
    return p


def cmd_history(argv: Sequence[str], write: Callable[[str], Any] = sys.stdout.write) -> int:
    args = _parser().parse_args(argv)
    path = args.history or default_path()
    try:
        with HistoryStore(path, readonly=True) as store:
            where = {"agency": args.agency, "year": args.year, "include_superseded": not args.current}
            if args.action == "export":
                from .export import export

                if not args.output:
                    raise HistoryError("export needs a file to write: gplint history export OUT.csv")
                if args.fmt in ("text", "json"):
                    raise HistoryError("export writes csv or parquet")
                n = export(store, args.output, args.what, args.fmt, **where)
                sys.stderr.write(f"gplint: wrote {n} row(s) to {args.output}\n")
                return 0
            rows = [{k: v for k, v in r.items() if k not in ("tables",)} for r in store.rows(**where)]
    except HistoryError as exc:
        sys.stderr.write(f"gplint: error: {exc}\n")
        return 2
    if args.fmt == "json":
        write(json.dumps([dict(r, findings=len(r["findings"])) for r in rows], ensure_ascii=False, indent=2) + "\n")
    elif args.fmt in (None, "text"):
        write(listing(rows, detailed=bool(args.agency or args.year or args.versions)))
    else:
        sys.stderr.write("gplint: error: list prints text or json (csv and parquet are for export)\n")
        return 2
    return 0


def listing(rows: Sequence[dict[str, Any]], detailed: bool = False) -> str:
    """Agencies with their years (a year recorded in several versions shows how many);
    ``detailed``: one line a version."""
    if not rows:
        return "no report recorded\n"
    out = []
    if detailed:
        names = [r["agency"] or f"（无法确定机关：{r['agency_as_written'] or '无名称'}）" for r in rows]
        width = max(_display_width(n) for n in names) + 2
        for r, name in zip(rows, names):
            state = "current" if r["superseded_by"] is None else f"replaced by #{r['superseded_by']}"
            out.append(f"#{r['id']:<5} {name}{' ' * (width - _display_width(name))}{r['year'] or '????'}  {state:<16} "
                       f"E{r['errors']} W{r['warnings']} I{r['infos']}  {r['content_hash'][:12]}  {r['path']}")
        return "\n".join(out) + "\n"
    by_agency: dict[Optional[str], dict[Optional[int], int]] = {}
    spellings = agency_groups(r["agency"] for r in rows if r["agency"])
    for r in rows:
        years = by_agency.setdefault(spellings.get(r["agency"]), {})
        years[r["year"]] = years.get(r["year"], 0) + 1
    width = max(_display_width(a or "") for a in by_agency) + 2
    for agency, years in sorted(by_agency.items(), key=lambda kv: kv[0] or ""):
        if agency is None or None in years and len(years) == 1:
            continue
        shown = ", ".join(f"{y or '????'}" + (f"（{n} 版）" if n > 1 else "") for y, n in sorted(
            years.items(), key=lambda kv: kv[0] or 0))
        out.append(f"{agency}{' ' * (width - _display_width(agency))}{shown}")
    unplaced = sum(by_agency.get(None, {}).values())
    out.append(f"{len([a for a in by_agency if a])} agencies, {len(rows)} report(s)"
               + (f"; {unplaced} could not be placed (no agency or no year): gplint history --versions lists them"
                  if unplaced else ""))
    return "\n".join(out) + "\n"


def agency_groups(names: Iterable[str]) -> dict[str, str]:
    """Each spelling -> the name its agency is listed under (the longest spelling of those
    that are one agency, :func:`gplint.agency.same_agency`: ``洪泽区人民政府`` and
    ``淮安市洪泽区人民政府`` are listed once, as the latter)."""
    from ..agency import same_agency

    groups: list[list[str]] = []
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        homes = [g for g in groups if all(same_agency(name, other) for other in g)]
        if len(homes) == 1:
            homes[0].append(name)
        else:  # none, or several (鼓楼区… beside 福州市鼓楼区… and 南京市鼓楼区…): its own line
            groups.append([name])
    return {name: group[0] for group in groups for name in group}


def _display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
