"""Documents on the command line: stdin through the reader ``--stdin-filename`` names,
.doc/.wps/.ofd reported (E005) instead of skipped, page numbers of PDF findings."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gplint.pages import PageMap, with_pages
from gplint.engine import LintOptions, lint_file
from gplint.plugins import build_registry

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DOCS = HERE / "documents"
BROKEN = CORPUS / "002_bcc8f195f7d4f0d8.txt"
PDFMINER_TEXT = CORPUS / "kiro_hongze-2023_pdfminer.txt"  # pdfminer output, pages end with \f

sys.path.insert(0, str(HERE))
from test_readers import make_docx  # noqa: E402


def run(*args: str, cwd=None, input: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "gplint", *args], cwd=cwd, env=env, input=input,
                          capture_output=True, timeout=300)
    proc.out = proc.stdout.decode("utf-8")  # type: ignore[attr-defined]
    proc.err = proc.stderr.decode("utf-8")  # type: ignore[attr-defined]
    return proc


def _codes(proc) -> list[tuple[str, int, str]]:
    return [(d["path"], d["line"], d["code"]) for d in json.loads(proc.out)]


def _html(text: str) -> bytes:
    rows = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>")
        else:
            rows.append(f"<p>{line}</p>")
    return ("<html><head><meta charset='utf-8'></head><body>" + "".join(rows) + "</body></html>").encode("utf-8")


@pytest.mark.parametrize("name, make", [
    ("r.docx", lambda t: make_docx(t.split("\n"))),
    ("r.html", _html),
    ("r.txt", lambda t: t.encode("utf-8")),
])
def test_stdin_reads_with_the_reader_of_the_stdin_filename(tmp_path, name, make):
    text = BROKEN.read_text(encoding="utf-8")
    data = make(text)
    (tmp_path / name).write_bytes(data)
    from_file = run("--format", "json", name, cwd=tmp_path)
    from_stdin = run("--format", "json", "--stdin-filename", name, "-", input=data, cwd=tmp_path)
    assert from_stdin.returncode == from_file.returncode == 1, from_stdin.err
    assert _codes(from_stdin) == _codes(from_file)
    assert any(code.startswith("A1") for _, _, code in _codes(from_stdin))


def test_pdf_on_stdin_is_read_as_pdf():
    pytest.importorskip("pdfminer")
    data = (DOCS / "huaian-city-2024.pdf").read_bytes()
    from_file = run("--format", "json", "--rules", "strict", str(DOCS / "huaian-city-2024.pdf"))
    from_stdin = run("--format", "json", "--rules", "strict", "--stdin-filename", "huaian.pdf", "-", input=data)
    assert from_stdin.returncode == from_file.returncode
    strip = lambda proc: [(d["line"], d["code"], d.get("page")) for d in json.loads(proc.out)]  # noqa: E731
    assert strip(from_stdin) == strip(from_file) and strip(from_file)
    # Without a document name the bytes say what they are (%PDF-): read as the PDF it is.
    bare = run("--format", "json", "--rules", "strict", "-", input=data)
    assert [(line, code) for line, code, _ in strip(bare)] == [(line, code) for line, code, _ in strip(from_file)]


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def _ofd() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
    return buf.getvalue()


def test_doc_wps_ofd_are_reported_not_skipped(tmp_path):
    (tmp_path / "a.doc").write_bytes(OLE2)
    (tmp_path / "b.WPS").write_bytes(OLE2)
    (tmp_path / "c.ofd").write_bytes(_ofd())
    proc = run("--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1
    found = json.loads(proc.out)
    assert [(d["path"], d["code"]) for d in found] == [
        (os.path.join(".", "a.doc"), "E005"), (os.path.join(".", "b.WPS"), "E005"), (os.path.join(".", "c.ofd"), "E005")]
    assert "另存为 .docx" in found[0]["message"] and "WPS" in found[1]["message"] and "PDF" in found[2]["message"]
    assert "3 file(s)" in proc.err
    # On stdin too.
    proc = run("--format", "json", "--stdin-filename", "x.doc", "-", input=OLE2)
    assert [d["code"] for d in json.loads(proc.out)] == ["E005"]


def test_rtf_and_odt_are_reported_with_how_to_convert(tmp_path):
    # A clerk's "save as" RTF or OpenDocument: not read as text (E004 "not a report") nor
    # as a binary file, but named with how to convert it.
    (tmp_path / "a.rtf").write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl}\\par}")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    (tmp_path / "b.odt").write_bytes(buf.getvalue())
    proc = run("--format", "json", ".", cwd=tmp_path)
    found = json.loads(proc.out)
    assert [(d["path"], d["code"]) for d in found] == [
        (os.path.join(".", "a.rtf"), "E005"), (os.path.join(".", "b.odt"), "E005")]
    assert "RTF" in found[0]["message"] and "OpenDocument" in found[1]["message"]
    assert all("另存为 .docx" in d["message"] for d in found)


def test_a_doc_that_is_really_a_docx_or_text_is_read(tmp_path):
    text = BROKEN.read_text(encoding="utf-8")
    (tmp_path / "saved-as.doc").write_bytes(make_docx(text.split("\n")))
    (tmp_path / "plain.wps").write_bytes(text.encode("gb18030"))
    proc = run("--format", "json", ".", cwd=tmp_path)
    codes = {(Path(d["path"]).name, d["code"]) for d in json.loads(proc.out)}
    assert ("saved-as.doc", "A101") in codes and ("plain.wps", "A101") in codes
    assert not any(code.startswith("E") for _, code in codes)


def test_pdf_findings_carry_their_page_in_text_json_and_sarif():
    text = PDFMINER_TEXT.read_text(encoding="utf-8")
    proc = run("--format", "json", str(PDFMINER_TEXT))
    found = json.loads(proc.out)
    assert found
    lines = text.split("\n")
    for d in found:
        # The page: one more than the form feeds before the finding's line.
        before = "\n".join(lines[:d["line"] - 1]) + "\n" + lines[d["line"] - 1][:d["column"] - 1]
        assert d["page"] == before.count("\f") + 1, d
    assert max(d["page"] for d in found) > 1
    plain = run(str(PDFMINER_TEXT))
    for d, line in zip(found, plain.out.splitlines()):
        assert line.endswith(f"（第 {d['page']} 页）")
    github = run("--format", "github", str(PDFMINER_TEXT)).out.splitlines()
    assert [line.endswith(f"（第 {d['page']} 页）") for d, line in zip(found, github)] == [True] * len(found)
    sarif = json.loads(run("--format", "sarif", str(PDFMINER_TEXT)).out)
    assert [r["properties"]["page"] for r in sarif["runs"][0]["results"]] == [d["page"] for d in found]


def test_a_real_pdf_gets_page_numbers():
    pytest.importorskip("pdfminer")
    res = lint_file(str(DOCS / "huaian-city-2024.pdf"), build_registry(), LintOptions(profile="strict"))
    assert res.diagnostics and all(d.span.page is not None and d.span.page >= 1 for d in res.diagnostics)


def test_text_without_pages_has_no_page():
    res = lint_file(str(BROKEN), build_registry(), LintOptions())
    assert res.diagnostics and all(d.span.page is None for d in res.diagnostics)
    assert with_pages(res.diagnostics, "no form feed") == res.diagnostics


def test_page_map_counts_form_feeds_before_the_place():
    pages = PageMap("a\nb\f\n\fc\nd")
    assert [pages.page(1, 1), pages.page(2, 1), pages.page(2, 2), pages.page(3, 1), pages.page(3, 2),
            pages.page(4, 1)] == [1, 1, 2, 3, 3, 3]


def test_batch_and_the_dask_example_read_documents_as_the_cli_does(tmp_path):
    from gplint.batch import discover_files, findings, lint_paths

    text = BROKEN.read_text(encoding="utf-8")
    (tmp_path / "a.docx").write_bytes(make_docx(text.split("\n")))
    (tmp_path / "b.html").write_bytes(_html(text))
    (tmp_path / "c.doc").write_bytes(OLE2)
    (tmp_path / "d.txt").write_bytes(BROKEN.read_bytes())
    (tmp_path / "README.md").write_text("# not a report\n", encoding="utf-8")
    cli = json.loads(run("--format", "json", "--jobs", "1", str(tmp_path)).out)
    assert discover_files([str(tmp_path)]) == [str(tmp_path / n) for n in ("a.docx", "b.html", "c.doc", "d.txt")]
    assert findings(lint_paths([str(tmp_path)])) == cli
    import importlib.util

    spec = importlib.util.spec_from_file_location("dask_batch", HERE.parent / "examples" / "dask_batch.py")
    dask_batch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dask_batch)
    pytest.importorskip("dask")
    assert findings(dask_batch.run([str(tmp_path)], scheduler="synchronous")) == cli


def _pdf_pages(pages: list[list[str]]) -> bytes:
    """A real PDF (reportlab, the built-in STSong-Light CID font), one list of lines a page."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for lines in pages:
        c.setFont("STSong-Light", 9)
        for k, line in enumerate(lines):
            c.drawString(40, 800 - 18 * k, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_a_multi_page_pdf_gives_each_finding_the_page_it_is_printed_on(tmp_path):
    """Table 三 on page 2, table 四 on page 3, one wrong cell in each: every finding's
    page is the page its line was drawn on (found by the line's text, not by counting
    form feeds as gplint does)."""
    pytest.importorskip("pdfminer")
    from gplint.example import example_report

    text = example_report().replace("（七）总计\t3\t", "（七）总计\t5\t", 1)
    lines = [" ".join(c for c in line.split("\t") if c) for line in text.split("\n") if line.strip()]
    t3 = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    t4 = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    lines[t4 + 4] = lines[t4 + 4].replace("1 0 0 0 1", "1 0 0 0 2", 1)  # 行政复议 总计 1 -> 2
    pages = [lines[:t3], lines[t3:t4], lines[t4:]]
    (tmp_path / "r.pdf").write_bytes(_pdf_pages(pages))
    proc = run("--format", "json", "r.pdf", cwd=tmp_path)
    found = json.loads(proc.out)
    assert {d["code"][0] for d in found} == {"A"}, found
    extracted = run("extract", "r.pdf", cwd=tmp_path).out.split("\n")
    drawn = {" ".join(line.split()): n + 1 for n, page in enumerate(pages) for line in page}
    seen_pages = set()
    for d in found:
        line = " ".join(extracted[d["line"] - 1].replace("\f", "").split())
        assert d["page"] == drawn[line], (d, line)
        seen_pages.add(d["page"])
    assert seen_pages == {2, 3}
    plain = run("r.pdf", cwd=tmp_path).out.splitlines()
    assert [line.rsplit("（第 ", 1)[1] for line in plain] == [f"{d['page']} 页）" for d in found]
