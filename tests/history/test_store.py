"""The history store: idempotent records, versions, lookups that never guess, exports."""
from __future__ import annotations

import csv
import sqlite3

import pytest

from gplint import parse
from gplint.example import example_report
from gplint.history import HistoryError, HistoryStore, content_hash, record_of
from gplint.history.export import REPORT_COLUMNS, export


def _record(text: str, path: str = "a.txt"):
    return record_of(parse(text, path=path))


def _count(path: str, sql: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchone()[0]


def test_recording_the_same_text_twice_keeps_one_row(tmp_path):
    db = str(tmp_path / "h.sqlite")
    text = example_report(year=2023)
    with HistoryStore(db) as store:
        store.add(_record(text, "a.txt"))
    with HistoryStore(db) as store:
        store.add(_record(text, "copy/a.txt"))  # the same report, another file
        store.add(_record(text.replace("\n", "\r\n"), "crlf.txt"))  # the same text, other line ends
    assert _count(db, "SELECT COUNT(*) FROM reports") == 1
    assert _count(db, "SELECT COUNT(*) FROM sentences") == len(_record(text).sentences)
    with HistoryStore(db, readonly=True) as store:
        (row,) = store.rows()
        assert row["path"] == "crlf.txt"  # the last place it was read


def test_a_second_version_replaces_the_first_and_both_are_kept(tmp_path):
    db = str(tmp_path / "h.sqlite")
    first = example_report(year=2023)
    corrected = example_report(year=2023, t3={"R25": (2, 0, 0, 0, 0, 0, 2), "R01": (4, 1, 0, 0, 0, 0, 5)})
    with HistoryStore(db) as store:
        store.add(_record(first, "v1.txt"))
        store.flush()
        store.add(_record(corrected, "v2.txt"))
    with HistoryStore(db, readonly=True) as store:
        rows = list(store.rows())
        assert [(r["path"], r["superseded_by"] is None) for r in rows] == [("v1.txt", False), ("v2.txt", True)]
        found = store.report_of("示例市交通运输局", 2023)
        assert found.path == "v2.txt" and found.t3_value("R25", "C7") == 2
        # Recording the older version again does not make it current again.
    with HistoryStore(db) as store:
        store.add(_record(first, "v1-again.txt"))
    with HistoryStore(db, readonly=True) as store:
        assert store.report_of("示例市交通运输局", 2023).path == "v2.txt"
        assert len(list(store.rows(include_superseded=False))) == 1


def test_lookup_by_another_spelling_of_the_agency(tmp_path):
    store = HistoryStore(":memory:")
    store.add_many([_record(example_report(agency="淮安市洪泽区人民政府", year=2023))])
    assert store.report_of("洪泽区人民政府", 2023) is not None
    assert store.report_of("江苏省淮安市洪泽区人民政府", 2023) is not None
    assert store.report_of("泗洪县人民政府", 2023) is None
    assert store.report_of("淮安市洪泽区人民政府", 2022) is None


def test_lookup_never_chooses_between_two_agencies(tmp_path):
    store = HistoryStore(":memory:")
    store.add_many([_record(example_report(agency="福州市鼓楼区人民政府", year=2023), "fz.txt"),
                    _record(example_report(agency="南京市鼓楼区人民政府", year=2023), "nj.txt")])
    assert store.report_of("鼓楼区人民政府", 2023) is None  # which 鼓楼区?
    assert store.report_of("福州市鼓楼区人民政府", 2023).path == "fz.txt"


def test_the_report_being_checked_is_never_its_own_source():
    text = example_report(year=2023)
    store = HistoryStore(":memory:")
    store.add_many([_record(text)])
    assert store.report_of("示例市交通运输局", 2023, other_than=content_hash(text)) is None


def test_unplaced_reports_are_kept_but_never_found():
    store = HistoryStore(":memory:")
    store.add_many([_record(example_report(agency="市科技局", year=2023).replace("示例", ""))])
    (row,) = store.rows()
    assert row["agency"] is None and row["agency_as_written"] == "市科技局"


def test_a_missing_or_foreign_file_is_a_clear_error(tmp_path):
    with pytest.raises(HistoryError, match="no history store"):
        HistoryStore(str(tmp_path / "none.sqlite"), readonly=True)
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(HistoryError, match="not a gplint history store"):
        HistoryStore(str(other))


def test_csv_export_has_a_row_a_report_and_a_column_a_cell(tmp_path):
    db = str(tmp_path / "h.sqlite")
    with HistoryStore(db) as store:
        store.add(_record(example_report(year=2023), "a.txt"))
        store.add(_record(example_report(year=2024, agency="示例市财政局"), "b.txt"))
    out = tmp_path / "reports.csv"
    with HistoryStore(db, readonly=True) as store:
        assert export(store, str(out)) == 2
        assert export(store, str(tmp_path / "findings.csv"), "findings") == 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == REPORT_COLUMNS
    by_agency = {r["agency"]: r for r in rows}
    assert by_agency["示例市交通运输局"]["year"] == "2023"
    assert by_agency["示例市交通运输局"]["t3.R01.C7"] == "4"
    assert by_agency["示例市财政局"]["t2.norm.in_force"] == "5"
    assert by_agency["示例市财政局"]["current"] == "True"


def test_parquet_export(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    db = str(tmp_path / "h.sqlite")
    with HistoryStore(db) as store:
        store.add(_record(example_report(year=2023, t2={"fees": "12.5"}), "a.txt"))
    with HistoryStore(db, readonly=True) as store:
        assert export(store, str(tmp_path / "r.parquet")) == 1
    table = pq.read_table(str(tmp_path / "r.parquet")).to_pylist()
    assert table[0]["agency"] == "示例市交通运输局" and table[0]["t3.R01.C7"] == 4
    assert table[0]["t2.fees"] == 12.5


def test_batches_are_written_in_transactions(tmp_path, monkeypatch):
    import gplint.history.store as store_module

    monkeypatch.setattr(store_module, "BATCH", 3)
    db = str(tmp_path / "h.sqlite")
    store = HistoryStore(db)
    for year in range(2010, 2017):
        store.add(_record(example_report(year=year), f"{year}.txt"))
    # Six written in two batches; the seventh waits for the next batch or close().
    assert _count(db, "SELECT COUNT(*) FROM reports") == 6
    store.close()
    assert _count(db, "SELECT COUNT(*) FROM reports") == 7


def test_the_listing_shows_one_agency_under_its_spellings_once():
    from gplint.history.command import agency_groups, listing

    store = HistoryStore(":memory:")
    store.add_many([_record(example_report(agency="洪泽区人民政府", year=2023), "2023.txt"),
                    _record(example_report(agency="淮安市洪泽区人民政府", year=2024), "2024.txt"),
                    _record(example_report(agency="福州市鼓楼区人民政府", year=2024), "fz.txt"),
                    _record(example_report(agency="南京市鼓楼区人民政府", year=2024), "nj.txt")])
    text = listing(list(store.rows()))
    assert "淮安市洪泽区人民政府" in text and "2023, 2024" in text and "\n洪泽区人民政府" not in text
    assert "3 agencies, 4 report(s)" in text
    groups = agency_groups(["鼓楼区人民政府", "福州市鼓楼区人民政府", "南京市鼓楼区人民政府"])
    assert groups["福州市鼓楼区人民政府"] != groups["南京市鼓楼区人民政府"]
    assert groups["鼓楼区人民政府"] == "鼓楼区人民政府"  # which city's? listed apart
