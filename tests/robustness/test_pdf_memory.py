"""What a PDF backend builds from a PDF's inflated streams is bounded (issue 16 item 4:
pages and objects): at most MAX_PAGE_OBJECTS objects a page, and the backend reads in a
child process whose address space is bounded (gplint.pdf_memory), so that a small PDF
drawing millions of paths is an E001 naming the bound, not gigabytes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from gplint.pdf_memory import within_memory
from gplint.sources import InputError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_documents import _pdf, _peak_rss_of  # noqa: E402

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS, /proc")
MB = 1024 * 1024


@pytest.fixture(scope="module")
def paths_pdf(tmp_path_factory) -> Path:
    """A 17 KB PDF whose one page draws 600,000 paths (8.4 MB of content)."""
    path = tmp_path_factory.mktemp("paths") / "paths.pdf"
    path.write_bytes(_pdf(zlib.compress(b"0 0 m 1 1 l S\n" * 600_000, 9)))
    assert path.stat().st_size < 20_000
    return path


def _read_in_fresh_process(backend: str, path: Path, setup: str) -> tuple[int, str]:
    return _peak_rss_of(
        f"import gplint.pdf_memory, gplint.pdf_text\n{setup}\n"
        f"from gplint.readers import read_pdf_{backend} as read\nfrom gplint.sources import InputError\n"
        f"try:\n    read(open({str(path)!r}, 'rb').read())\nexcept InputError as exc:\n    print(repr(str(exc)))")


@linux_only
@pytest.mark.parametrize("backend", ["pdfium", "pdfminer"])
def test_a_page_of_many_paths_is_refused_at_the_memory_bound(paths_pdf, backend):
    """Before: a 60 KB PDF of 2.2 million paths took PDFium to 610 MB, pdfminer to 2.6 GB
    (216 s). Here the bound is lowered to 64 MB, the object bound raised out of the way."""
    pytest.importorskip("pypdfium2" if backend == "pdfium" else "pdfminer")
    peak, out = _read_in_fresh_process(backend, paths_pdf, "gplint.pdf_memory.MIN_MEMORY = 64 * 2**20\n"
                                                           "gplint.pdf_text.MAX_PAGE_OBJECTS = 10**9")
    assert "reading this PDF needs more than 64 MB of memory" in out, out
    assert peak < 250 * MB, peak


@linux_only
@pytest.mark.parametrize("backend", ["pdfium", "pdfminer"])
def test_a_page_of_too_many_objects_is_refused(paths_pdf, backend):
    pytest.importorskip("pypdfium2" if backend == "pdfium" else "pdfminer")
    _, out = _read_in_fresh_process(backend, paths_pdf, "gplint.pdf_text.MAX_PAGE_OBJECTS = 20_000")
    assert "a PDF page of more than 20000 objects" in out, out


@linux_only
def test_the_memory_bound_is_e001_naming_the_file(paths_pdf, tmp_path):
    pytest.importorskip("pypdfium2")
    big = tmp_path / "drawing.pdf"
    big.write_bytes(_pdf(zlib.compress(b"0 0 m 1 1 l S\n" * 2_200_000, 9)))  # 610 MB through PDFium
    proc = subprocess.run([sys.executable, "-m", "gplint", "--format", "json", big.name], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, env=dict(os.environ, GPLINT_PDF_BACKEND="pdfium"))
    (finding,) = json.loads(proc.stdout)
    assert finding["code"] == "E001" and finding["path"] == "drawing.pdf", finding
    assert "needs more than 256 MB of memory" in finding["message"], finding


@linux_only
def test_the_child_answers_raises_and_crashes_clearly():
    assert within_memory(lambda: "text", 64 * MB) == "text"

    def refuse() -> str:
        raise InputError("a bound")

    with pytest.raises(InputError, match="^a bound$"):
        within_memory(refuse, 64 * MB)

    def crash() -> str:
        os.kill(os.getpid(), signal.SIGKILL)  # (SIGSEGV: pytest's faulthandler would print)
        return ""

    with pytest.raises(InputError, match="crashed on this PDF \\(signal 9\\)"):
        within_memory(crash, 64 * MB)

    def grow() -> str:
        return "x" * (200 * MB)

    with pytest.raises(InputError, match="needs more than 64 MB of memory"):
        within_memory(grow, 64 * MB)


def _deflate_hiding_endstream(content: bytes) -> bytes:
    """A zlib stream of ``content`` whose first block is a stored one holding the word
    ``endstream``: a scan that ends the stream's data at the first ``endstream`` measures
    11 bytes of it."""
    payload = b"\nendstream\n"
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = raw.compress(content) + raw.flush()
    stored = b"\x00" + len(payload).to_bytes(2, "little") + (len(payload) ^ 0xFFFF).to_bytes(2, "little") + payload
    return b"\x78\x9c" + stored + body + zlib.adler32(payload + content).to_bytes(4, "big")


@pytest.mark.parametrize("length", ["direct", "indirect"])
def test_a_stream_holding_the_word_endstream_is_measured_to_its_length(monkeypatch, length):
    import gplint.pdf_bounds as pdf_bounds

    content = b"0 0 m " * 1_000_000
    data = _deflate_hiding_endstream(content)
    assert zlib.decompress(data) == b"\nendstream\n" + content
    pdf = _pdf(data)
    if length == "indirect":
        pdf = pdf.replace(b"/Length %d " % len(data), b"/Length 99 0 R ").replace(
            b"xref\n", b"99 0 obj\n%d\nendobj\nxref\n" % len(data))
    pdf_bounds.check_streams(pdf, 8 * MB)  # 6 MB: under the bound
    with pytest.raises(InputError, match="larger than 1 MB"):
        pdf_bounds.check_streams(pdf, 1 * MB)
