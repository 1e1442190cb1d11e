"""Serving the app: Werkzeug's threaded WSGI server (Flask's own), its address printed."""
from __future__ import annotations

import sys
from typing import Any, Optional, TextIO


def serve(app: Any, host: str, port: int, open_browser: bool = False, out: Optional[TextIO] = None) -> int:
    import logging

    from werkzeug.serving import make_server

    # One line a request is noise on a clerk's terminal; errors are still logged.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    out = out or sys.stdout
    try:
        server = make_server(host, port, app, threaded=True)
    except (OSError, SystemExit) as exc:
        # (Werkzeug reports a port in use itself and exits 1; that is a usage error here.)
        why = getattr(exc, "strerror", None) or "address in use or not available"
        sys.stderr.write(f"gplint: error: cannot listen on {host}:{port} ({why}); "
                         "try another --port, or --port 0 for any free one\n")
        return 2
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.server_port}/"
    from . import LOOPBACK

    out.write(f"gplint serve: 请在浏览器中打开 {url}  (open this address; Ctrl+C stops)\n")
    if host not in LOOPBACK:
        out.write("gplint serve: 注意：此地址可被其他计算机访问 (listening beyond this computer)\n")
    out.flush()
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        out.write("gplint serve: 已停止 (stopped)\n")
    finally:
        server.server_close()
        cleanup = getattr(app, "gplint_cleanup", None)
        if cleanup is not None:
            cleanup()
    return 0
