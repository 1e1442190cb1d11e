"""The Flask app behind ``gplint serve``.

Routes: ``/`` the page; ``/api/check`` lints the files and text posted (multipart form:
``files``, ``text``, ``profile``) and answers JSON, each document with its marked text and
findings rendered by :mod:`gplint.review.render`; ``/api/report?format=html|csv|json|text``
lints the same form and answers a file to download; ``/api/rules`` every rule's
explanation. Uploads never touch a path they name: the bytes are read in memory (spooled to
the app's own temporary folder when large) and handed to the document readers.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Optional

from flask import Blueprint, Flask, Request, Response, abort, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..engine import FileResult, LintOptions
from ..plugins import Registry, build_registry
from ..review.documents import view_of_bytes
from ..review.page import review_csv, review_page
from ..review.render import findings_html, marked_text_html, rules_info
from ..review.view import DocumentView

#: Shown for pasted text (its reader is the text one: the name ends in .txt).
PASTED_NAME = "粘贴的文本.txt"
#: Which static files the page may load, and their types.
_ASSETS = {"doc.css": "text/css", "doc.js": "text/javascript"}
_STATIC = {"index.html": "text/html", "app.css": "text/css", "app.js": "text/javascript"}
_DOWNLOADS = {"html": ("text/html; charset=utf-8", "gplint-review.html"),
              "csv": ("text/csv; charset=utf-8", "gplint-review.csv"),
              "json": ("application/json; charset=utf-8", "gplint-findings.json"),
              "text": ("text/plain; charset=utf-8", "gplint-findings.txt")}
_HEADERS = {
    # Nothing is loaded from, sent to or framed by anywhere else.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _upload_request_class(folder: str) -> type[Request]:
    class UploadRequest(Request):
        """Large uploads are spooled into ``folder`` (the app's own temporary folder)."""

        def _get_file_stream(self, total_content_length: Optional[int], content_type: Optional[str],
                             filename: Optional[str] = None, content_length: Optional[int] = None) -> Any:
            return tempfile.SpooledTemporaryFile(max_size=1024 * 1024, mode="rb+", dir=folder)

    return UploadRequest


def _static(package: str, name: str) -> bytes:
    folder = "assets" if package == "gplint.review" else "static"
    return resources.files(package).joinpath(folder, name).read_bytes()


def display_name(filename: Optional[str], index: int) -> str:
    """The name an upload is shown and read by: its last path part, never a path."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip().strip(".") or f"文件{index}"
    return "".join(ch for ch in name if ch.isprintable())[:200]


@dataclass
class Settings:
    """What the routes need, kept on the app (``app.extensions["gplint"]``)."""

    registry: Registry
    max_file_bytes: int
    max_files: int
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: One check at a time: the server answers each request in a thread of its own, and the
    #: reader's memos and the registry's remembered rule choices are made for one thread.
    lint_lock: threading.Lock = field(default_factory=threading.Lock)


def settings() -> Settings:
    return current_app.extensions["gplint"]


pages = Blueprint("gplint", __name__)


def create_app(registry: Optional[Registry] = None, max_file_bytes: int = 16 * 1048576,
               max_files: int = 100) -> Flask:
    """The app. Its temporary folder is removed by ``app.gplint_cleanup()`` (the server
    calls it when it stops) or, failing that, at interpreter exit."""
    import atexit

    registry = registry or build_registry()
    app = Flask("gplint.serve", static_folder=None)
    folder = tempfile.mkdtemp(prefix="gplint-serve-")
    app.request_class = _upload_request_class(folder)
    app.gplint_upload_dir = folder  # type: ignore[attr-defined]
    app.gplint_cleanup = lambda: shutil.rmtree(folder, ignore_errors=True)  # type: ignore[attr-defined]
    atexit.register(app.gplint_cleanup)  # type: ignore[attr-defined]
    # A whole request: a few files at the per-file limit; the pasted text: one file.
    app.config.update(MAX_CONTENT_LENGTH=max_file_bytes * 4 + 1048576, MAX_FORM_MEMORY_SIZE=max_file_bytes)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["gplint"] = Settings(registry, max_file_bytes, max_files, rules_info(registry))
    app.register_blueprint(pages)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    return app


def _too_large(exc: HTTPException) -> Response:
    limit = settings().max_file_bytes / 1048576
    return _error(413, f"上传的内容过大：每个文件不超过 {limit:g} MB，一次合计不超过 {limit * 4 + 1:g} MB")


def _documents() -> tuple[list[DocumentView], str]:
    """The views of the files and text posted, linted with the profile chosen."""
    s = settings()
    profile = request.form.get("profile") or "default"
    if profile not in s.registry.profiles:
        abort(_error(400, f"未知的规则集 {profile!r}（可选：{'、'.join(sorted(s.registry.profiles))}）"))
    options = LintOptions(profile=profile, max_bytes=s.max_file_bytes)
    uploads = [f for f in request.files.getlist("files") if f and (f.filename or "").strip()]
    text = request.form.get("text") or ""
    if len(uploads) + bool(text.strip()) > s.max_files:
        abort(_error(413, f"一次最多检查 {s.max_files} 个文件"))
    views = []
    for i, upload in enumerate(uploads, 1):
        data = upload.stream.read(s.max_file_bytes + 1)
        upload.close()
        with s.lint_lock:
            views.append(view_of_bytes(data, display_name(upload.filename, i), s.registry, options))
    if text.strip():
        name = display_name(request.form.get("name") or PASTED_NAME, 0)
        with s.lint_lock:
            views.append(view_of_bytes(text.encode("utf-8"), name, s.registry, options))
    if not views:
        abort(_error(400, "请选择文件或粘贴报告全文"))
    return views, profile


@pages.after_app_request
def _headers(resp: Response) -> Response:
    resp.headers.update(_HEADERS)
    return resp


@pages.get("/")
def index() -> Response:
    return Response(_static("gplint.serve", "index.html"), mimetype="text/html")


@pages.get("/static/<name>")
def static_file(name: str) -> Response:
    if name in _STATIC:
        return Response(_static("gplint.serve", name), mimetype=_STATIC[name])
    if name in _ASSETS:
        return Response(_static("gplint.review", name), mimetype=_ASSETS[name])
    abort(404)


@pages.get("/api/rules")
def api_rules() -> Response:
    return jsonify(settings().rules)


@pages.post("/api/check")
def api_check() -> Response:
    views, profile = _documents()
    docs = []
    for i, v in enumerate(views):
        d = v.to_dict()
        d.update(index=i, text_html=marked_text_html(v, f"d{i}-"), findings_html=findings_html(v, f"d{i}-"))
        docs.append(d)
    return jsonify({"profile": profile, "documents": docs})


@pages.post("/api/report")
def api_report() -> Response:
    fmt = request.args.get("format", "html")
    if fmt not in _DOWNLOADS:
        abort(_error(400, f"未知的下载格式 {fmt!r}"))
    views, _ = _documents()
    registry = settings().registry
    mimetype, filename = _DOWNLOADS[fmt]
    if fmt == "html":
        body = review_page(views, registry)
    elif fmt == "csv":
        body = review_csv(views)
    else:
        results = [FileResult(v.path, [f.diagnostic for f in v.findings]) for v in views]
        body = registry.formatters[fmt](results, {"registry": registry})
    resp = Response(body, mimetype=mimetype.split(";")[0])
    resp.headers["Content-Type"] = mimetype
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp


def _error(status: int, message: str) -> Response:
    resp = jsonify({"error": message})
    resp.status_code = status
    return resp
