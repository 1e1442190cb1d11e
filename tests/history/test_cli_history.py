"""``gplint PATH --record``, ``--history FILE`` and ``gplint history`` end to end."""
from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from series import agency_series, texts

CORPUS = Path(__file__).parent.parent / "corpus"
GPLINT = [sys.executable, "-m", "gplint"]


def run(*args: str, env_home: Path | None = None, input: bytes | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    env.pop("GPLINT_HISTORY", None)
    if env_home is not None:
        env["XDG_DATA_HOME"] = str(env_home)
    return subprocess.run(GPLINT + list(args), capture_output=True, input=input, timeout=300, env=env)


def _series_dir(tmp_path: Path, defects=None, layout="tabs") -> Path:
    folder = tmp_path / "series"
    folder.mkdir()
    for name, text in texts(agency_series("示例市交通运输局", range(2021, 2026), 5, defects or {}), layout, "jt"):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _x_findings(stdout: bytes) -> list[tuple[str, str]]:
    return sorted((Path(d["path"]).name, d["code"]) for d in json.loads(stdout) if d["code"].startswith("X"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_run_records_a_folder_and_checks_it_year_against_year(tmp_path, jobs):
    folder = _series_dir(tmp_path, {2023: ["carry-over"], 2025: ["pending-lost"]})
    db = tmp_path / "h.sqlite"
    proc = run(str(folder), "--history", str(db), "--record", "--format", "json", "--jobs", jobs)
    assert proc.returncode == 1, proc.stderr
    assert _x_findings(proc.stdout) == [("jt-2023-tabs.txt", "X101"), ("jt-2025-tabs.txt", "X103")]
    assert b"recorded 5 report(s)" in proc.stderr
    # The findings of the checking pass are recorded with each report.
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT year, findings FROM reports"))
    assert [f["code"] for f in json.loads(rows[2023]) if f["code"].startswith("X")] == ["X101"]


def test_recording_is_idempotent_and_a_later_check_reads_the_store(tmp_path):
    folder = _series_dir(tmp_path, {2024: ["in-force-jump"]})
    db = tmp_path / "h.sqlite"
    for _ in range(2):
        assert run(str(folder), "--record", "--history", str(db), "-q").returncode in (0, 1)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 5
    # One file checked alone, against what was recorded before.
    proc = run(str(folder / "jt-2024-tabs.txt"), "--history", str(db), "--format", "json", "--fail-on", "warning")
    assert proc.returncode == 1
    assert _x_findings(proc.stdout) == [("jt-2024-tabs.txt", "X102")]
    related = [d for d in json.loads(proc.stdout) if d["code"] == "X102"][0]["related"][0]
    assert related["path"].endswith("jt-2023-tabs.txt")


def test_record_into_a_named_file_without_checking(tmp_path):
    folder = _series_dir(tmp_path, {2023: ["carry-over"]})
    db = tmp_path / "named.sqlite"
    proc = run(str(folder), "--record", str(db), "--format", "json")
    assert proc.returncode == 0 and _x_findings(proc.stdout) == []
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 5
    # Checked against that store, recording into another: one pass, the same findings.
    other = tmp_path / "other.sqlite"
    proc = run(str(folder), "--history", str(db), "--record", str(other), "--format", "json")
    assert _x_findings(proc.stdout) == [("jt-2023-tabs.txt", "X101")]
    with sqlite3.connect(other) as con:
        assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 5


def test_without_history_no_cross_report_rule_runs(tmp_path):
    folder = _series_dir(tmp_path, {2023: ["carry-over"]})
    proc = run(str(folder), "--format", "json")
    assert proc.returncode == 0 and _x_findings(proc.stdout) == []


def test_record_alone_uses_the_default_store(tmp_path):
    folder = _series_dir(tmp_path)
    proc = run(str(folder), "--record", "-q", env_home=tmp_path / "data")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "data" / "gplint" / "history.sqlite").exists()
    listing = run("history", env_home=tmp_path / "data")
    assert listing.returncode == 0
    assert "示例市交通运输局" in listing.stdout.decode() and "2021, 2022, 2023, 2024, 2025" in listing.stdout.decode()


def test_history_on_a_missing_store_is_a_usage_error(tmp_path):
    proc = run(str(CORPUS / "crawled" / "czj-2025.txt"), "--history", str(tmp_path / "none.sqlite"))
    assert proc.returncode == 2 and b"no history store" in proc.stderr
    assert run("history", "--history", str(tmp_path / "none.sqlite")).returncode == 2


def test_history_listing_export_and_versions(tmp_path):
    db = tmp_path / "h.sqlite"
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "crawled", corpus)
    (corpus / "expected.toml").unlink(missing_ok=True)
    assert run(str(corpus), "--record", "--history", str(db), "-q").returncode in (0, 1)
    # A corrected re-publication of one report: a second version, the newer one current.
    text = (corpus / "gaj-2021.txt").read_text(encoding="utf-8")
    (tmp_path / "gaj-2021-corrected.txt").write_text(text.replace("图文并茂", "图文结合"), encoding="utf-8")
    assert run(str(tmp_path / "gaj-2021-corrected.txt"), "--record", "--history", str(db), "-q").returncode in (0, 1)

    listing = run("history", "--history", str(db)).stdout.decode()
    assert "平潭综合实验区公安局" in listing and "2021（2 版）" in listing
    assert "5 agencies, 6 report(s)" in listing
    detail = run("history", "--history", str(db), "--agency", "公安局").stdout.decode().splitlines()
    assert len(detail) == 2 and "replaced by" in detail[0] and "current" in detail[1]
    as_json = json.loads(run("history", "--history", str(db), "--format", "json", "--current").stdout)
    assert len(as_json) == 5 and {r["year"] for r in as_json} == {2019, 2021, 2022, 2024, 2025}

    out = tmp_path / "reports.csv"
    proc = run("history", "export", str(out), "--history", str(db), "--current")
    assert proc.returncode == 0, proc.stderr
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = {r["agency"]: r for r in csv.DictReader(fh)}
    assert rows["平潭综合实验区财政金融局"]["t3.R01.C7"] == "2"
    assert rows["平潭综合实验区"]["format_version"] == "2019"
    findings = tmp_path / "findings.csv"
    assert run("history", "export", str(findings), "--what", "findings", "--history", str(db)).returncode == 0
    with open(findings, encoding="utf-8-sig", newline="") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    assert "A102" in codes or "A103" in codes  # gaj-2021's broken balance (crawled/expected.toml)


def test_dump_shows_agency_and_year():
    proc = run("dump", str(CORPUS / "kiro_hongze-2024_pdfminer.txt"))
    data = json.loads(proc.stdout)
    assert data["agency"] == "淮安市洪泽区人民政府" and data["placement"]["year"] == 2024


def test_sarif_points_at_the_previous_report(tmp_path):
    import jsonschema

    schema = json.loads((Path(__file__).parent.parent / "integration" / "sarif-schema-2.1.0.json")
                        .read_text(encoding="utf-8"))
    folder = _series_dir(tmp_path, {2023: ["carry-over"]})
    db = tmp_path / "h.sqlite"
    proc = run(str(folder), "--history", str(db), "--record", "--format", "sarif")
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema)
    [x101] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "X101"]
    assert x101["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("jt-2023-tabs.txt")
    related = x101["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert related.endswith("jt-2022-tabs.txt")


def test_a_store_that_cannot_be_written_is_an_error_not_a_traceback(tmp_path, monkeypatch, capsys):
    import sqlite3 as sql

    from gplint.cli import main
    from gplint.history import store as store_module

    def broken(self, record):
        raise sql.OperationalError("disk I/O error")

    folder = _series_dir(tmp_path)
    monkeypatch.setattr(store_module.HistoryStore, "_write", broken)
    rc = main([str(folder), "--record", str(tmp_path / "h.sqlite"), "--format", "json", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert rc == 2
    assert "cannot record (disk I/O error)" in err and "Traceback" not in err
    assert isinstance(json.loads(out), list)  # the run's findings were still printed (none here)
