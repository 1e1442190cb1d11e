"""Encrypted PDFs (issue 16 item 4): a PDF encrypted only against copying (an empty user
password) reads exactly as the same PDF unencrypted, through both backends and every
cipher of the standard security handler; its streams are measured before PDFium inflates
them, so an encrypted bomb is an E001 in little memory; a PDF with a password to open it,
or another security handler, is an E001 that says so."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from gplint.sources import InputError

pytest.importorskip("cryptography")
pytest.importorskip("pypdfium2")
pytest.importorskip("pdfminer")

from gplint.readers import PDF_BACKEND_VARIABLE, read_pdf_pdfium, read_pdf_pdfminer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_encrypt import CIPHERS, encrypt_pdf  # noqa: E402
from test_documents import _pdf, _peak_rss_of  # noqa: E402

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE.parent / "bench"))
BACKENDS = {"pdfium": read_pdf_pdfium, "pdfminer": read_pdf_pdfminer}
PAGE = b"BT /F1 12 Tf 72 700 Td (2024 annual report) Tj ET"


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory) -> bytes:
    """A corpus report as an office's PDF (bench/make_pdf.py, the paged style)."""
    pytest.importorskip("reportlab")
    from make_pdf import make_pdf

    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    make_pdf((HERE / "corpus" / "000_dcefddf45f2ae57e.txt").read_text(encoding="utf-8"), str(path), "paged")
    return path.read_bytes()


@pytest.mark.parametrize("cipher", CIPHERS)
def test_a_report_encrypted_against_copying_reads_exactly(report_pdf, cipher):
    locked = encrypt_pdf(report_pdf, cipher)
    first_stream = report_pdf.split(b"stream", 1)[1][2:66]
    assert b"/Encrypt" in locked and first_stream in report_pdf and first_stream not in locked
    for name, read in BACKENDS.items():
        plain = read(report_pdf, "r.pdf").text
        assert "政府信息公开" in plain
        assert read(locked, "r.pdf").text == plain, (name, cipher)


def test_reportlabs_own_encryption_reads_exactly(report_pdf, tmp_path):
    """The same with another writer's RC4-128 (reportlab's StandardEncryption), through
    PDFium: reportlab leaves the CJK font's /CIDSystemInfo strings unencrypted, which
    pdfminer (rightly) decrypts into garbage and so loses the font's encoding."""
    from make_pdf import make_pdf
    from reportlab.lib.pdfencrypt import StandardEncryption

    text = (HERE / "corpus" / "000_dcefddf45f2ae57e.txt").read_text(encoding="utf-8")
    path = tmp_path / "locked.pdf"
    make_pdf(text, str(path), "paged", encrypt=StandardEncryption("", "owner", canCopy=0, canModify=0, strength=128))
    locked = path.read_bytes()
    assert b"/Encrypt" in locked and b"/Ordering (GB1)" in locked
    assert read_pdf_pdfium(locked, "r.pdf").text == read_pdf_pdfium(report_pdf, "r.pdf").text


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    """Per cipher, a 3 KB encrypted PDF whose content stream inflates twice to 400 MB."""
    deflate = zlib.compressobj(9)
    chunk = b"0 0 m " * (1024 * 1024 // 6)
    once = b"".join(deflate.compress(chunk) for _ in range(400)) + deflate.flush()
    plain = _pdf(zlib.compress(once, 9), "[/FlateDecode /FlateDecode]")
    folder = tmp_path_factory.mktemp("bombs")
    out = {}
    for cipher in CIPHERS:
        out[cipher] = folder / f"{cipher}.pdf"
        out[cipher].write_bytes(encrypt_pdf(plain, cipher))
        assert out[cipher].stat().st_size < 5_000
    return out


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("cipher", CIPHERS)
def test_an_encrypted_bomb_is_refused_in_little_memory(bombs, cipher, backend):
    """Before: pdf_bounds could not inflate the ciphertext, so PDFium got the file and
    inflated 400 MB (peak 829 MB, 7 s) to report 'no text layer'."""
    peak, out = _peak_rss_of(
        f"from gplint.readers import read_pdf_{backend} as read\nfrom gplint.sources import InputError\n"
        f"try:\n    read(open({str(bombs[cipher])!r}, 'rb').read())\nexcept InputError as exc:\n    print(repr(str(exc)))")
    assert "PDF streams larger than 32 MB when decompressed" in out, out
    assert peak < 150 * 1024 * 1024, peak


def test_a_small_encrypted_stream_is_measured_as_decrypted(monkeypatch):
    """The stream is decrypted before it is measured: under the budget it is read, over it
    refused, whatever the cipher."""
    import gplint.pdf_text as pdf_text

    monkeypatch.setattr(pdf_text, "MIN_BUDGET", 1024 * 1024)
    for cipher in CIPHERS:
        assert read_pdf_pdfium(encrypt_pdf(_pdf(zlib.compress(PAGE)), cipher)).text == "2024 annual report"
        bomb = encrypt_pdf(_pdf(zlib.compress(PAGE + b" 0 0 m" * 200_000)), cipher)
        with pytest.raises(InputError, match="larger than 1 MB"):
            read_pdf_pdfium(bomb)


@pytest.mark.parametrize("cipher", CIPHERS)
def test_a_pdf_with_a_password_to_open_it_says_so(cipher):
    locked = encrypt_pdf(_pdf(zlib.compress(PAGE)), cipher, user=b"secret")
    for read in BACKENDS.values():
        with pytest.raises(InputError, match="has a password to open it"):
            read(locked)


def test_another_security_handler_says_so():
    locked = encrypt_pdf(_pdf(zlib.compress(PAGE)), "aes-128").replace(b"/Filter /Standard", b"/Filter /Adobe.PubSec")
    for read in BACKENDS.values():
        with pytest.raises(InputError, match="Adobe.PubSec"):
            read(locked)


def test_the_word_encrypt_in_an_unencrypted_pdf_is_not_encryption():
    page = PAGE.replace(b"(2024 annual report)", b"(/Encrypt 1 0 R)")
    for read in BACKENDS.values():
        assert read(_pdf(page, "[]")).text == "/Encrypt 1 0 R"


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_a_locked_pdf_is_e001_naming_the_file(tmp_path, backend):
    (tmp_path / "locked.pdf").write_bytes(encrypt_pdf(_pdf(zlib.compress(PAGE)), "aes-256", user=b"secret"))
    env = dict(os.environ, PYTHONIOENCODING="utf-8", **{PDF_BACKEND_VARIABLE: backend})
    proc = subprocess.run([sys.executable, "-m", "gplint", "--format", "json", "locked.pdf"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    (finding,) = json.loads(proc.stdout)
    assert finding["code"] == "E001" and finding["path"] == "locked.pdf", finding
    assert "password" in finding["message"] and "Traceback" not in proc.stderr, (finding, proc.stderr)


def test_objects_in_object_streams_count_towards_the_bound(monkeypatch):
    import gplint.pdf_bounds as pdf_bounds

    monkeypatch.setattr(pdf_bounds, "MAX_OBJECTS", 1000)
    packed = _pdf(zlib.compress(PAGE)).replace(b"<< /Length", b"<< /Type /ObjStm /N 5000 /First 10 /Length", 1)
    with pytest.raises(InputError, match="more than 1000 objects"):
        read_pdf_pdfium(packed)


def test_a_long_stream_dictionary_does_not_hide_its_filter(monkeypatch):
    """The filter is looked for from the object's header, however long the dictionary
    (before: in the 4 KB before ``stream`` only, so padding hid an LZW bomb)."""
    import gplint.pdf_text as pdf_text
    from test_documents import _lzw_repeats

    monkeypatch.setattr(pdf_text, "MIN_BUDGET", 1024 * 1024)
    bomb = _pdf(_lzw_repeats(5_000_000), "/LZWDecode /Padding [" + "0 " * 5000 + "]")
    with pytest.raises(InputError, match="larger than 1 MB"):
        read_pdf_pdfium(bomb)


@pytest.fixture(scope="module")
def locked_pdfs() -> list[bytes]:
    return [encrypt_pdf(_pdf(zlib.compress(PAGE)), cipher) for cipher in CIPHERS]


def test_damaged_encryption_dictionaries_are_input_errors(locked_pdfs):
    """Bytes of the encryption dictionary and the trailer changed, cut or repeated: a
    clear InputError or a reading, never another exception (nor a huge allocation: a
    number where /O should be a string)."""
    from hypothesis import HealthCheck, given, settings, strategies as st

    from gplint.pdf_bounds import check_streams

    @settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(locked_pdfs), st.integers(0, 400), st.binary(max_size=12), st.integers(0, 12))
    def damaged(pdf: bytes, back: int, insert: bytes, cut: int) -> None:
        at = max(pdf.rfind(b"obj", 0, pdf.rfind(b"/Filter /Standard")), len(pdf) - 400) + back
        data = pdf[:at] + insert + pdf[at + cut:]
        try:
            check_streams(data, 1 << 20)
        except InputError:
            pass

    damaged()
    swapped = locked_pdfs[0].replace(b"/O <", b"/O 99999999999 /X <", 1)
    with pytest.raises(InputError, match="encryption dictionary gplint cannot read"):
        check_streams(swapped, 1 << 20)
