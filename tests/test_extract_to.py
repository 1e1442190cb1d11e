"""``gplint extract --to DIR`` keeps each document's text; linting the kept text gives the
document's findings, and a second extraction does not extract again."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gplint.cli import main
from gplint.extract import kept_path

DOCS = Path(__file__).parent / "documents"


@pytest.fixture()
def inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in" / "sub").mkdir(parents=True)
    shutil.copy(DOCS / "template-2021-blank.docx", tmp_path / "in" / "blank.docx")
    shutil.copy(DOCS / "template-2021-blank.docx", tmp_path / "in" / "sub" / "again.docx")
    (tmp_path / "in" / "sub" / "broken.docx").write_bytes(b"not a zip")
    (tmp_path / "in" / "notes.txt").write_text("already text", encoding="utf-8")
    return tmp_path


def test_kept_texts_mirror_the_inputs(inputs, capsys):
    assert main(["extract", "in", "--to", "kept"]) == 1  # one document is unreadable
    err = capsys.readouterr().err
    assert "in/sub/broken.docx" in err and "2 text(s) written" in err and "1 unreadable" in err
    kept = sorted(str(p.relative_to(inputs / "kept")) for p in (inputs / "kept").rglob("*") if p.is_file())
    assert kept == ["in/blank.docx.txt", "in/sub/again.docx.txt"]
    main(["extract", "in/blank.docx"])
    printed = capsys.readouterr().out
    text = (inputs / "kept" / "in" / "blank.docx.txt").read_text(encoding="utf-8")
    assert text and printed in (text, text + "\n")


def test_the_kept_text_gives_the_documents_findings(inputs, capsys):
    main(["extract", "in/blank.docx", "--to", "kept"])
    capsys.readouterr()
    main(["--format", "jsonl", "-q", "in/blank.docx"])
    direct = capsys.readouterr().out
    main(["--format", "jsonl", "-q", "kept/in/blank.docx.txt"])
    kept = capsys.readouterr().out
    assert direct and direct == kept.replace("kept/in/blank.docx.txt", "in/blank.docx")


def test_a_second_pass_extracts_nothing_again(inputs, capsys):
    main(["extract", "in", "--to", "kept"])
    target = inputs / "kept" / "in" / "blank.docx.txt"
    target.write_text("kept", encoding="utf-8")  # as kept: newer than its document
    main(["extract", "in", "--to", "kept"])
    assert "0 text(s) written" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "kept"
    os.utime(inputs / "in" / "blank.docx")  # the document changed: extracted again
    os.utime(target, (0, 0))
    main(["extract", "in", "--to", "kept"])
    assert "1 text(s) written" in capsys.readouterr().err and target.read_text(encoding="utf-8") != "kept"


def test_kept_path_of_absolute_and_relative_paths():
    assert kept_path("reports/a.pdf", "k") == os.path.join("k", "reports", "a.pdf.txt")
    assert kept_path("/data/x/a.pdf", "k") == os.path.join("k", "data", "x", "a.pdf.txt")
    assert kept_path("../up/a.pdf", "k") == os.path.join("k", "up", "a.pdf.txt")
