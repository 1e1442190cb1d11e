"""``gplint serve``: the page for the clerk, a local web app (Flask) that checks the reports
dropped on it or pasted into it and shows each finding on the report's text.

Flask is an optional extra (``pip install 'gplint[serve]'``); without it ``gplint serve``
says how to install it. Nothing leaves the machine: the app listens on the loopback address
unless told otherwise, the page loads nothing from elsewhere, uploads are size-limited,
read in memory or spooled into a temporary folder of the app's own that is removed when it
stops.
"""
from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

INSTALL_HINT = ("gplint serve 需要可选组件 Flask (the page needs the optional extra): "
                "pip install 'gplint[serve]'")
DEFAULT_PORT = 8470
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gplint serve",
        description="在浏览器中检查政府信息公开工作年度报告 (a local web page to check reports).")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: only this computer can open the page)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any free port)")
    p.add_argument("--max-size", type=float, default=16, metavar="MB",
                   help="largest file accepted, in MB (default 16)")
    p.add_argument("--max-files", type=int, default=100, help="most files checked at once (default 100)")
    p.add_argument("--open", action="store_true", help="open the page in the default browser")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the app until interrupted; 2 for a usage error or a missing extra."""
    args = _parser().parse_args(argv)
    if not 0 <= args.port <= 65535:
        sys.stderr.write(f"gplint: error: --port must be 0-65535, got {args.port}\n")
        return 2
    if not (args.max_size > 0 and args.max_size != float("inf")) or args.max_files < 1:
        sys.stderr.write("gplint: error: --max-size and --max-files must be positive\n")
        return 2
    try:
        import flask  # noqa: F401
    except ImportError:
        sys.stderr.write(f"gplint: error: {INSTALL_HINT}\n")
        return 2
    from .app import create_app
    from .server import serve

    app = create_app(max_file_bytes=int(args.max_size * 1048576), max_files=args.max_files)
    return serve(app, args.host, args.port, open_browser=args.open)
