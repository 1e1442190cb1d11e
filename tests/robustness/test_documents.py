"""Document readers bound what they decompress and allocate (issue 16, items 4 and 6):
constructed bombs and damaged files give a clear input error naming the bound, in ``check``,
``extract`` and ``dump``, never a traceback or gigabytes of memory."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from gplint.docx_text import docx_text
from gplint.sources import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCS = Path(__file__).resolve().parent.parent / "documents"


def _docx(body: str, *, prolog: str = "") -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_the_streaming_reader_reads_paragraphs_tables_spans_and_content_controls():
    cell = "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + _para("合并") + "</w:tc>"
    row = "<w:tr>" + cell + "<w:tc>" + _para("a") + _para("b") + "</w:tc></w:tr>"
    body = (_para("一、总体情况") + "<w:p><w:r><w:t>x</w:t><w:tab/><w:t>y</w:t><w:br/></w:r></w:p>"
            + "<w:tbl>" + row + "</w:tbl>" + "<w:sdt><w:sdtContent>" + _para("控件") + "</w:sdtContent></w:sdt>")
    assert docx_text(_docx(body)).split("\n") == ["一、总体情况", "x y ", "合并\t\ta b", "控件"]


def test_the_template_reads_as_before():
    text = docx_text((DOCS / "template-2021-blank.docx").read_bytes())
    assert "三、收到和处理政府信息公开申请情况" in text and "\t" in text


@pytest.mark.parametrize("name, data, says", [
    ("deep content controls", _docx("<w:sdt><w:sdtContent>" * 100_000 + "</w:sdtContent></w:sdt>" * 100_000),
     "nested deeper"),
    ("billion laughs", _docx("<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>", prolog=(
        "<!DOCTYPE d [<!ENTITY a0 'lol'>" + "".join(f"<!ENTITY a{i} '{f'&a{i-1};' * 10}'>" for i in range(1, 10)) + "]>")),
     "DTD"),
    ("external entity", _docx("<w:p><w:r><w:t>&x;</w:t></w:r></w:p>",
                              prolog="<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"), "DTD"),
])
def test_hostile_xml_is_refused(name, data, says):
    """Before: RecursionError traceback for deep nesting (extract, dump)."""
    with pytest.raises(InputError, match=says):
        docx_text(data)


def _tamper(data: bytes, what: str) -> bytes:
    out = bytearray(data)
    at = data.index(b"PK\x03\x04", data.index(b"word/document.xml") - 40)
    if what == "encrypted":
        out[at + 6] |= 1  # the local header's flag bits
        cd = data.index(b"PK\x01\x02word"[:4], at)
        while cd >= 0:
            if data[cd + 46:cd + 46 + 17] == b"word/document.xml":
                out[cd + 8] |= 1
            cd = data.find(b"PK\x01\x02", cd + 4)
    else:  # damaged deflate data: garble the compressed body
        start = at + 30 + len(b"word/document.xml")
        for i in range(start + 2, start + 40):
            out[i] ^= 0x5A
    return bytes(out)


@pytest.mark.parametrize("what, says", [("encrypted", "encrypted"), ("corrupt", "damaged")])
def test_encrypted_and_corrupt_docx_are_input_errors(what, says):
    """Before: RuntimeError / zlib.error tracebacks in extract and dump."""
    data = _tamper(_docx(_para("一、总体情况") * 200), what)
    with pytest.raises(InputError, match=says):
        docx_text(data)


def _peak_rss_of(code: str) -> tuple[int, str]:
    """Peak resident memory of a fresh process running ``code`` (VmHWM: unlike ru_maxrss,
    not inherited from the forking test process), or of a child it forked (a PDF backend
    reads in one: gplint.pdf_memory), whichever is larger, and what it printed."""
    report = ("\nimport resource"
              "\nprint(max(int([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]),"
              " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    proc = subprocess.run([sys.executable, "-c", code + report], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split()
    return int(lines[-1]) * 1024, " ".join(lines[:-1])


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_a_docx_of_60_mb_of_markup_is_read_in_little_memory(tmp_path):
    """Before: a 190 KB DOCX (64 MB of empty runs) used 805 MB as an ElementTree."""
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx("<w:p><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>" * 1_400_000))
    assert path.stat().st_size < 1_000_000
    # (The reader: too many elements for a tree, it keeps the streaming pass's lines.)
    peak, out = _peak_rss_of(f"from gplint.readers import read_docx\n"
                             f"t = read_docx(open({str(path)!r}, 'rb').read()).text; print(t.count(chr(10)))")
    assert out == str(1_400_000 - 1)
    assert peak < 100 * 1024 * 1024, peak


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_a_docx_of_too_many_parts_is_refused_before_zipfile_lists_them(tmp_path):
    """Before: a 35 MB zip of 400,000 empty entries took 279 MB (zipfile's object for each
    entry of the central directory) to say 'not a report'."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{_para("x")}</w:body></w:document>')
        for i in range(200_000):
            zf.writestr(str(i), b"")
    path = tmp_path / "parts.docx"
    path.write_bytes(buf.getvalue())
    peak, out = _peak_rss_of(f"from gplint.readers import read_docx\nfrom gplint.sources import InputError\n"
                             f"try:\n    read_docx(open({str(path)!r}, 'rb').read())\n"
                             f"except InputError as exc:\n    print(repr(str(exc)))")
    assert "DOCX of more than 10000 parts" in out, out
    assert peak < 3 * path.stat().st_size, (peak, path.stat().st_size)


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _rich_body() -> str:
    """What the tree reading knows beyond the streaming lines: text boxes (and the VML
    fallback it skips), a layout table holding a table, merged cells, content controls,
    tracked changes, properties everywhere."""
    def p(text: str) -> str:
        return (f"<w:p><w:pPr><w:jc w:val='center'/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val='28'/></w:rPr>"
                f"<w:t xml:space='preserve'>{text}</w:t></w:r><w:bookmarkStart w:id='0'/></w:p>")
    box = (f"<w:p><w:r><mc:AlternateContent xmlns:mc='{MC}'><mc:Choice><w:drawing><w:txbxContent>{p('框内')}"
           f"{p('第二段')}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>{p('框内')}"
           f"</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent><w:t>锚</w:t></w:r></w:p>")
    inner = (f"<w:tbl><w:tblPr/><w:tr><w:tc>{p('a')}</w:tc><w:tc><w:tcPr><w:gridSpan w:val='3'/></w:tcPr>{p('b')}"
             f"</w:tc></w:tr></w:tbl>")
    outer = f"<w:tbl><w:tr><w:tc>{p('外')}{inner}</w:tc><w:tc>{p('x' * 200)}{p('y' * 30)}</w:tc></w:tr></w:tbl>"
    data = (f"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr>{p('合并')}</w:tc><w:tc/></w:tr>"
            f"<w:sdt><w:sdtContent><w:tr><w:tc>{p('1')}</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>")
    rest = (f"<w:sdt><w:sdtPr/><w:sdtContent>{p('控件')}</w:sdtContent></w:sdt>"
            "<w:p><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:ins><w:r><w:tab/><w:t>后</w:t><w:br/></w:r>"
            "</w:ins></w:p><w:p/>")
    return p("一、总体情况") + box + outer + data + rest + "<w:sectPr><w:pgSz w:w='11906'/></w:sectPr>"


@pytest.mark.parametrize("source", ["template", "rich"])
def test_one_parse_reads_the_body_as_a_whole_tree_does(source):
    """The DOCX is parsed once (issue 16): the streaming pass builds the body's tree pruned
    of its markup, which must read as the whole ElementTree of document.xml did."""
    from xml.etree import ElementTree as ET

    from gplint.docx_body import body_lines
    from gplint.readers import read_docx

    data = (DOCS / "template-2021-blank.docx").read_bytes() if source == "template" else _docx(_rich_body())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = ET.fromstring(zf.read("word/document.xml")).find(f"{{{W}}}body")
    expected = "\n".join(body_lines(body))
    assert read_docx(data).text == expected
    assert "框内\n第二段" in read_docx(_docx(_rich_body())).text


def test_the_docx_reader_keeps_a_small_multiple_of_the_body():
    """Before: the body was parsed twice, the second time into a whole ElementTree (2.9 MB
    of Python allocations for the template's 246 KB of XML, 12x; 86 MB for 7.3 MB)."""
    import tracemalloc

    from gplint.readers import read_docx

    data = (DOCS / "template-2021-blank.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.getinfo("word/document.xml").file_size
    read_docx(data)
    tracemalloc.start()
    try:
        read_docx(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * xml, (peak, xml)


def test_bombs_are_clear_errors_in_check_extract_and_dump(tmp_path):
    (tmp_path / "deep.docx").write_bytes(_docx("<w:sdt><w:sdtContent>" * 50_000 + "</w:sdtContent></w:sdt>" * 50_000))
    (tmp_path / "locked.docx").write_bytes(_tamper(_docx(_para("一") * 100), "encrypted"))
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    for name in ("deep.docx", "locked.docx"):
        for cmd in (["extract"], ["dump"]):
            proc = subprocess.run([sys.executable, "-m", "gplint", *cmd, name], cwd=tmp_path, env=env,
                                  capture_output=True, text=True, timeout=300)
            assert proc.returncode == 2 and "Traceback" not in proc.stderr and name in proc.stderr, proc.stderr
        proc = subprocess.run([sys.executable, "-m", "gplint", "--format", "json", name], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
        assert [d["code"] for d in json.loads(proc.stdout)] == ["E001"], proc.stderr


def _pdf(content: bytes, filters: str = "/FlateDecode", pages: int = 1) -> bytes:
    """A minimal PDF: ``pages`` pages sharing one content stream (already encoded)."""
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
            b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode()) + content + b"\nendstream"]
    font = 4 + pages
    objs += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 3 0 R "
             f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode() for _ in range(pages)]
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)



@pytest.fixture(scope="module")
def pdf_reader():
    """The pdfminer backend, whose decompression gplint bounds itself (gplint.pdf_text)."""
    pytest.importorskip("pdfminer")
    from gplint.readers import read_pdf_pdfminer

    return read_pdf_pdfminer


def test_a_small_pdf_reads_as_pdfminer_reads_it(pdf_reader):
    page = b"BT /F1 12 Tf 72 700 Td (2024 annual report) Tj ET"
    assert "2024 annual report" in pdf_reader(_pdf(zlib.compress(page))).text


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_a_deflate_bomb_pdf_is_refused_in_little_memory(tmp_path, pdf_reader):
    """Before: a 1 MB PDF used 2.09 GB, a 4 MB one 4.24 GB, and the timeout fired late."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf(zlib.compress(b"0 0 m " * (100 * 1024 * 1024 // 6), 9)))
    assert bomb.stat().st_size < 1_000_000
    peak, out = _peak_rss_of(
        "from gplint.readers import read_pdf_pdfminer\nfrom gplint.sources import InputError\n"
        f"try:\n    read_pdf_pdfminer(open({str(bomb)!r}, 'rb').read())\nexcept InputError as exc:\n    print(repr(str(exc)))")
    assert "larger than 32 MB when decompressed" in out
    assert peak < 250 * 1024 * 1024, peak


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("kind", ["deflate", "double deflate"])
def test_the_pdfium_backend_refuses_a_deflate_bomb_before_pdfium_inflates_it(tmp_path, kind):
    """Before: PDFium inflated the 150 KB bomb's 100 MB content stream whole (peak 240 MB),
    and a 2.6 KB PDF whose stream is deflated twice to 400 MB to 856 MB. gplint.pdf_bounds
    inflates every stream in chunks, nested ones too, and stops at the budget."""
    pytest.importorskip("pypdfium2")
    bomb = tmp_path / "bomb.pdf"
    if kind == "deflate":
        bomb.write_bytes(_pdf(zlib.compress(b"0 0 m " * (100 * 1024 * 1024 // 6), 9)))
    else:
        once = zlib.compress(b"0 0 m " * (400 * 1024 * 1024 // 6), 9)
        bomb.write_bytes(_pdf(zlib.compress(once, 9), "[/FlateDecode /FlateDecode]"))
        assert bomb.stat().st_size < 5_000
    peak, out = _peak_rss_of(
        "from gplint.readers import read_pdf_pdfium\nfrom gplint.sources import InputError\n"
        f"try:\n    read_pdf_pdfium(open({str(bomb)!r}, 'rb').read())\nexcept InputError as exc:\n    print(repr(str(exc)))")
    assert "PDF streams larger than 32 MB when decompressed" in out
    assert peak < 150 * 1024 * 1024, peak


def test_lzw_and_run_length_streams_are_measured_for_pdfium(monkeypatch):
    pytest.importorskip("pypdfium2")
    import gplint.pdf_text as pdf_text
    from gplint.readers import read_pdf_pdfium

    monkeypatch.setattr(pdf_text, "MIN_BUDGET", 1024 * 1024)
    with pytest.raises(InputError, match="larger than 1 MB"):
        read_pdf_pdfium(_pdf(_lzw_repeats(5_000_000), "/LZWDecode"))
    run_length = (b"\x81A" * 20_000) + b"\x80"  # 20,000 runs of 128 bytes: 2.5 MB from 40 KB
    with pytest.raises(InputError, match="larger than 1 MB"):
        read_pdf_pdfium(_pdf(run_length, "/RunLengthDecode"))
    page = b"BT /F1 12 Tf 72 700 Td (2024 annual report) Tj ET"  # under the budget: read
    assert "2024 annual report" in read_pdf_pdfium(_pdf(zlib.compress(page))).text


def test_a_pdf_of_too_many_objects_is_refused(monkeypatch):
    pytest.importorskip("pypdfium2")
    import gplint.pdf_bounds as pdf_bounds
    from gplint.readers import read_pdf_pdfium

    monkeypatch.setattr(pdf_bounds, "MAX_OBJECTS", 3)
    with pytest.raises(InputError, match="more than 3 objects"):
        read_pdf_pdfium(_pdf(zlib.compress(b"BT ET"), pages=3))


def test_a_pdf_bomb_is_e001_naming_the_file_and_the_bound(tmp_path):
    pytest.importorskip("pypdfium2")
    once = zlib.compress(b"0 0 m " * (400 * 1024 * 1024 // 6), 9)
    (tmp_path / "bomb.pdf").write_bytes(_pdf(zlib.compress(once, 9), "[/FlateDecode /FlateDecode]"))
    proc = subprocess.run([sys.executable, "-m", "gplint", "--format", "json", "bomb.pdf"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    (finding,) = json.loads(proc.stdout)
    assert finding["code"] == "E001" and finding["path"] == "bomb.pdf", finding
    assert "larger than 32 MB when decompressed" in finding["message"], finding


def test_lzw_and_truncated_streams_are_bounded_too(pdf_reader, monkeypatch):
    import gplint.pdf_text as pdf_text

    monkeypatch.setattr(pdf_text, "MIN_BUDGET", 1024 * 1024)
    big = zlib.compress(b"0 0 m " * 1_000_000)
    with pytest.raises(InputError, match="larger than 1 MB"):
        pdf_reader(_pdf(big[:-10]))  # truncated: pdfminer's decompress_corrupted path
    # An LZW stream of one repeated byte (pdfminer's own encoder is absent: write codes).
    with pytest.raises(InputError, match="larger than 1 MB"):
        pdf_reader(_pdf(_lzw_repeats(5_000_000), "/LZWDecode"))
    from pdfminer.lzw import lzwdecode  # (the encoder above is right: pdfminer's own decoder)

    assert lzwdecode(_lzw_repeats(100_000)).count(b"A") >= 100_000


def _lzw_repeats(n: int) -> bytes:
    """LZW codes for ``n`` bytes of 'A' or more, as pdfminer's decoder reads them (9 to 12
    bits, early change): each new code is the table's next entry (one 'A' longer), then the
    longest entry again and again."""
    codes, table_len, width, length = [(256, 9), (65, 9)], 258, 9, 1
    while length < n:
        code = min(table_len, 4095)
        codes.append((code, width))
        length += code - 256
        table_len += 1
        width = {511: 10, 1023: 11, 2047: 12}.get(table_len, width)
    bits, nbits, out = 0, 0, bytearray()
    for code, w in codes:
        bits, nbits = (bits << w) | code, nbits + w
        while nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    if nbits:
        out.append((bits << (8 - nbits)) & 0xFF)
    return bytes(out)


def test_too_many_pages_and_characters_are_refused(pdf_reader, monkeypatch):
    import gplint.pdf_text as pdf_text

    page = zlib.compress(b"BT /F1 12 Tf 72 700 Td " + b"(x) Tj " * 300 + b"ET")
    monkeypatch.setattr(pdf_text, "MAX_PAGES", 5)
    with pytest.raises(InputError, match="more than 5 pages"):
        pdf_reader(_pdf(page, pages=8))
    monkeypatch.setattr(pdf_text, "MAX_PAGE_CHARS", 100)
    with pytest.raises(InputError, match="more than 100 characters"):
        pdf_reader(_pdf(page, pages=1))


def test_the_pdfium_backend_bounds_pages_and_characters(monkeypatch):
    pytest.importorskip("pypdfium2")
    import gplint.pdf_text as pdf_text
    from gplint.readers import read_pdf_pdfium

    page = zlib.compress(b"BT /F1 12 Tf 72 700 Td (2024 annual report) Tj ET")
    assert "2024 annual report" in read_pdf_pdfium(_pdf(page)).text
    monkeypatch.setattr(pdf_text, "MAX_PAGES", 5)
    with pytest.raises(InputError, match="more than 5 pages"):
        read_pdf_pdfium(_pdf(page, pages=8))
    monkeypatch.setattr(pdf_text, "MAX_PAGE_CHARS", 10)
    with pytest.raises(InputError, match="more than 10 characters"):
        read_pdf_pdfium(_pdf(page, pages=1))
