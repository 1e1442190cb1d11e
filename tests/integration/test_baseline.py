"""Baselines on a real report: accepted findings vanish, new ones show, fixed ones go stale."""
from __future__ import annotations

import json
from pathlib import Path

from ._util import BROKEN_SEED, findings, gplint, write_plugin_config


def _edit_line(path: Path, needle: str, edit) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    [i] = [k for k, line in enumerate(lines) if needle in line]
    lines[i] = edit(lines[i])
    path.write_text("\n".join(lines), encoding="utf-8")
    return i + 1


def _break_cell(line: str) -> str:
    """(三)1. 属于国家秘密: 科研机构 (third of the seven columns) 0 -> 3."""
    parts = line.split("\t")
    assert parts[-7:] == ["0"] * 7, parts
    parts[-5] = "3"
    return "\t".join(parts)


def test_baseline_shows_only_new_findings_and_reports_fixed_ones_stale(tmp_path: Path):
    reports = tmp_path / "reports"
    reports.mkdir()
    report = reports / "牡丹江 2024.txt"
    report.write_bytes(BROKEN_SEED.read_bytes())
    baseline = tmp_path / "gplint-baseline.json"

    rc, before, _ = findings(str(report))
    assert rc == 1 and before, "seed 002 has real default errors"
    proc = gplint("--write-baseline", str(baseline), str(report))
    assert proc.returncode == 0, proc.err
    doc = json.loads(baseline.read_text(encoding="utf-8"))
    entries = doc["findings"]
    assert sorted((e["code"], e["fingerprint"]) for e in entries) == sorted((d["code"], d["fingerprint"]) for d in before)
    assert {e["path"] for e in entries} == {"reports/牡丹江 2024.txt"}  # relative to the baseline's directory
    assert all("line" not in e and e["message"] for e in entries)

    # Everything known is suppressed: the run is clean.
    proc = gplint("--baseline", str(baseline), str(report))
    assert proc.returncode == 0 and proc.out == "", proc.out
    assert "stale" not in proc.err

    # A new arithmetic defect: only it is reported.
    line = _edit_line(report, "属于国家秘密", _break_cell)
    rc, after, _ = findings("--baseline", str(baseline), str(report))
    old = {d["fingerprint"] for d in before}
    assert rc == 1 and after, "the broken cell must be reported"
    assert all(d["fingerprint"] not in old for d in after)
    assert any(d["category"] == "arithmetic" and d["line"] == line for d in after), after
    # Without the baseline the old findings are all still there, unchanged.
    _, full, _ = findings(str(report))
    assert old <= {d["fingerprint"] for d in full}

    # Fix an old defect (the misspelt column label): its entry is reported stale on stderr.
    fixed = next(d for d in before if d["code"] == "T102")
    _edit_line(report, "本年废制件数", lambda s: s.replace("本年废制件数", "本年废止件数"))
    proc = gplint("--format", "json", "--baseline", str(baseline), str(report))
    assert proc.returncode == 1
    assert {d["fingerprint"] for d in json.loads(proc.out)} == {d["fingerprint"] for d in after}
    stale_lines = [s for s in proc.err.splitlines() if s.startswith("gplint: stale:")]
    assert stale_lines == [f"gplint: stale: reports/牡丹江 2024.txt: T102 {fixed['message']}"]


def test_baseline_survives_moved_lines_and_counts_duplicates(draft_report: Path, tmp_path: Path):
    write_plugin_config(tmp_path, 'select = ["X901"]\n')
    baseline = tmp_path / "b.json"
    assert gplint("--write-baseline", str(baseline), str(draft_report)).returncode == 0
    text = draft_report.read_text(encoding="utf-8")
    # Lines inserted above move the finding; the baseline still matches (no line numbers).
    draft_report.write_text("\n\n\n" + text, encoding="utf-8")
    proc = gplint("--baseline", str(baseline), str(draft_report))
    assert proc.returncode == 0 and proc.out == ""
    # The same marker a second time on another identical line is a new finding.
    lines = text.split("\n")
    lines.insert(6, lines[4])
    draft_report.write_text("\n".join(lines), encoding="utf-8")
    rc, diags, _ = findings("--baseline", str(baseline), str(draft_report))
    assert rc == 1 and len(diags) == 1 and diags[0]["code"] == "X901"
    # Only files linted in this run can make entries stale.
    other = tmp_path / "other.txt"
    other.write_text("一、总体情况\n", encoding="utf-8")
    proc = gplint("--baseline", str(baseline), "--select", "X901", str(other))
    assert "stale" not in proc.err


def test_bad_baseline_is_exit_2(draft_report: Path, tmp_path: Path):
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = gplint("--baseline", str(bad), str(draft_report))
    assert proc.returncode == 2 and str(bad) in proc.err and "Traceback" not in proc.err
    proc = gplint("--baseline", str(tmp_path / "missing.json"), str(draft_report))
    assert proc.returncode == 2 and "missing.json" in proc.err
