"""Documents on stdin are read by the same readers as files: by ``--stdin-filename``'s
extension, else by what the bytes announce (``%PDF-``, a DOCX zip, an HTML page)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "tests" / "documents"
MUDANJIANG = ROOT / "examples" / "mudanjiang-devzone-2024.txt"


def lint(path: Path, *args: str, data: bytes | None = None) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "gplint", *args], input=data if data is not None else path.read_bytes(),
                          capture_output=True, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def findings(out: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in out.splitlines() if line]


def page_of(text: str) -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>" if "\t" in line
                   else f"<p>{line}</p>" for line in text.split("\n"))
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{rows}</body></html>".encode("utf-8")


@pytest.mark.parametrize("name", ["huaian.pdf", "template.docx"])
def test_documents_on_stdin_read_as_the_files_are(name: str) -> None:
    path = DOCS / ("huaian-city-2024.pdf" if name.endswith(".pdf") else "template-2021-blank.docx")
    pytest.importorskip("pdfminer") if name.endswith(".pdf") else None
    as_file = lint(path, str(path), "--rules", "strict", data=b"")
    named = lint(path, "-", "--stdin-filename", name, "--rules", "strict")
    unnamed = lint(path, "-", "--rules", "strict")
    assert "binary file" not in named[1] + unnamed[1]
    assert findings(named[1]) == findings(as_file[1]) == findings(unnamed[1])
    assert named[0] == as_file[0] == unnamed[0]


def test_stdin_filename_html_uses_the_html_reader() -> None:
    page = page_of(MUDANJIANG.read_text(encoding="utf-8"))
    code, out, _ = lint(MUDANJIANG, "-", "--stdin-filename", "report.html", data=page)
    assert code == 1
    assert any(" A101 " in line and line.startswith("report.html:") for line in out.splitlines())
    assert "<td>" not in out and "<p>" not in out  # read as a page, not as text with tags
    sniffed = lint(MUDANJIANG, "-", data=page)[1]
    assert findings(sniffed) == findings(out)


def test_a_txt_name_keeps_text_even_when_it_looks_like_a_page() -> None:
    code, out, _ = lint(MUDANJIANG, "-", "--stdin-filename", "notes.txt", data=b"<html><p>x</p></html>")
    assert "E004" in out  # read as text: no report in it, and no HTML reader involved
