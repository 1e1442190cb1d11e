"""The app behind ``gplint serve`` without a browser: its answers, its limits, its headers,
and the command itself (address printed, a clear message without the extra)."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import DOCUMENTS, EXAMPLES

MUDANJIANG = EXAMPLES / "mudanjiang-devzone-2024.txt"


@pytest.fixture(scope="module")
def app():
    from gplint.serve.app import create_app

    a = create_app()
    a.testing = True
    yield a
    a.gplint_cleanup()


@pytest.fixture
def client(app):
    return app.test_client()


def post(client, files=(), **form):
    data = dict(form)
    data["files"] = [(io.BytesIO(Path(p).read_bytes()), name) for p, name in files]
    return client.post("/api/check", data=data, content_type="multipart/form-data")


def test_check_reads_every_document_type(client) -> None:
    r = post(client, [(MUDANJIANG, "a.txt"), (DOCUMENTS / "huaian-city-2024.pdf", "b.pdf"),
                      (DOCUMENTS / "template-2021-blank.docx", "c.docx")])
    assert r.status_code == 200
    docs = r.get_json()["documents"]
    assert [d["path"] for d in docs] == ["a.txt", "b.pdf", "c.docx"]
    assert all(d["error"] is None for d in docs)
    a = docs[0]
    assert a["agency"] == "牡丹江经济技术开发区管理委员会" and a["year"] == 2024
    assert a["counts"] == {"error": 4, "warning": 1, "info": 0}
    assert a["worst"]["code"] == "T102"  # the first error in the text
    by_code = {f["code"]: f for f in a["findings"]}
    assert by_code["A101"]["group"] == "S3" and by_code["T102"]["group"] == "S2"
    assert [g["title"] for g in a["groups"]] == ["一、总体情况", "二、主动公开政府信息情况",
                                                 "三、收到和处理政府信息公开申请情况"]
    # The marked text: the A101 cell (line 74, column 10) is wrapped in its mark.
    line74 = re.search(r'<div class="ln[^"]*" id="d0-L74".*?</div>', a["text_html"]).group(0)
    assert re.search(rf'<mark class="m sev-error" data-f="[^"]*\b{by_code["A101"]["id"]}\b[^"]*"[^>]*>1</mark>', line74)


def test_the_same_findings_as_the_command_line(client) -> None:
    from gplint.engine import LintOptions, lint_file
    from gplint.plugins import build_registry

    expected = lint_file(str(MUDANJIANG), build_registry(), LintOptions(profile="strict")).diagnostics
    r = post(client, [(MUDANJIANG, MUDANJIANG.name)], profile="strict")
    got = r.get_json()["documents"][0]["findings"]
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in got] == \
        [(d.code, d.span.line, d.span.column, d.message) for d in expected]


def test_pasted_text(client) -> None:
    r = client.post("/api/check", data={"text": MUDANJIANG.read_text(encoding="utf-8")})
    doc = r.get_json()["documents"][0]
    assert doc["path"] == "粘贴的文本.txt" and doc["counts"]["error"] == 4


def test_a_bad_or_empty_request_is_answered_in_chinese(client) -> None:
    r = client.post("/api/check", data={})
    assert r.status_code == 400 and "请选择文件" in r.get_json()["error"]
    r = client.post("/api/check", data={"text": "x", "profile": "lenient"})
    assert r.status_code == 400 and "未知的规则集" in r.get_json()["error"]
    r = client.post("/api/report?format=pdf", data={"text": "x"})
    assert r.status_code == 400 and "未知的下载格式" in r.get_json()["error"]


def test_an_unreadable_file_is_a_finding_the_others_are_checked(client) -> None:
    r = client.post("/api/check", data={"files": [(io.BytesIO(b"PK\x03\x04garbage word/"), "broken.docx"),
                                                  (io.BytesIO(MUDANJIANG.read_bytes()), "ok.txt")]})
    broken, ok = r.get_json()["documents"]
    assert broken["error"] and broken["findings"][0]["code"] in ("E001", "E002")
    assert ok["counts"]["error"] == 4


def test_documents_no_reader_reads_say_how_to_convert(client) -> None:
    r = client.post("/api/check", data={"files": [(io.BytesIO(b"\xd0\xcf\x11\xe0" + bytes(600)), "旧报告.doc"),
                                                  (io.BytesIO(b"PK\x03\x04ofd"), "版式.ofd")]})
    doc, ofd = r.get_json()["documents"]
    assert doc["findings"][0]["code"] in ("E001", "E005") and "另存为" in doc["error"]
    assert "OFD" in ofd["error"]


def test_upload_limits() -> None:
    from gplint.serve.app import create_app

    small = create_app(max_file_bytes=256 * 1024)
    client = small.test_client()
    big = MUDANJIANG.read_bytes() * 60  # ≈ 380 KB, over the 256 KB a file
    r = client.post("/api/check", data={"files": [(io.BytesIO(big), "big.txt")]})
    doc = r.get_json()["documents"][0]
    assert doc["findings"][0]["code"] == "E001" and "文件过大" in doc["error"]
    r = client.post("/api/check", data={"files": [(io.BytesIO(big), f"{i}.txt") for i in range(6)]})
    assert r.status_code == 413 and "上传的内容过大" in r.get_json()["error"]


def test_uploads_are_spooled_only_into_the_apps_own_folder(app, client, monkeypatch) -> None:
    import tempfile

    made = []
    real = tempfile.SpooledTemporaryFile

    def spy(*args, **kwargs):
        made.append(kwargs.get("dir"))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", spy)
    post(client, [(MUDANJIANG, "a.txt")])
    assert made and all(d == app.gplint_upload_dir for d in made)
    assert Path(app.gplint_upload_dir).is_dir() and not os.listdir(app.gplint_upload_dir)


def test_names_are_never_paths() -> None:
    from gplint.serve.app import display_name

    assert display_name("../../etc/passwd", 1) == "passwd"
    assert display_name("C:\\Users\\x\\报告.docx", 1) == "报告.docx"
    assert display_name("", 3) == "文件3"
    assert display_name("a\x00b\n.txt", 1) == "ab.txt"


def test_headers_keep_everything_on_the_machine(client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "政府信息公开工作年度报告检查" in r.get_data(as_text=True)
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    page = r.get_data(as_text=True)
    assert not re.search(r'(src|href)="(https?:)?//', page)  # no CDN, no remote font
    for name in ("app.js", "app.css", "doc.js", "doc.css"):
        assert client.get(f"/static/{name}").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_rules_and_downloads(client) -> None:
    rules = client.get("/api/rules").get_json()
    assert rules["A101"]["name"] == "t3-cell-breaks-identities" and "Why" in rules["A101"]["doc"]
    assert "E004" in rules
    form = {"files": [(io.BytesIO(MUDANJIANG.read_bytes()), "a.txt")]}
    r = client.post("/api/report?format=text", data=form)
    assert r.headers["Content-Disposition"] == 'attachment; filename="gplint-findings.txt"'
    assert re.search(r"^a\.txt:74:10: error A101 ", r.get_data(as_text=True), re.M)
    r = client.post("/api/report?format=html", data={"files": [(io.BytesIO(MUDANJIANG.read_bytes()), "a.txt")]})
    body = r.get_data(as_text=True)
    assert "牡丹江经济技术开发区管理委员会" in body and 'id="d1-L74"' in body


def _free_of_flask(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "flask", None)  # import flask now raises ImportError


def test_without_the_extra_it_says_how_to_install(monkeypatch, capsys) -> None:
    from gplint.cli import main

    _free_of_flask(monkeypatch)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'gplint[serve]'" in err and "Traceback" not in err


def test_bad_arguments(capsys) -> None:
    from gplint.cli import main

    assert main(["serve", "--port", "70000"]) == 2
    assert main(["serve", "--max-size", "0"]) == 2


def test_the_command_prints_its_address_and_serves(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "gplint", "serve", "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    try:
        line = proc.stdout.readline().decode("utf-8")
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        assert "请在浏览器中打开" in line
        with urllib.request.urlopen(url, timeout=10) as resp:
            assert resp.status == 200 and "gplint" in resp.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_port_in_use_is_a_clear_error() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "gplint", "serve", "--port", str(port)],
                              capture_output=True, timeout=60, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8")
    assert "cannot listen" in err and "--port 0" in err and "Traceback" not in err
