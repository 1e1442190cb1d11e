"""Fixtures for the page's tests: the app served in this process, and Debian's chromium
driven through its chromedriver (nothing is downloaded: both come from ``apt-get install
chromium chromium-driver``, which .ci/run does). Without them the browser tests are skipped
on a developer's machine and fail in CI (``CI`` set), where they must run."""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

pytest.importorskip("flask")

CHROMIUM = os.environ.get("GPLINT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("GPLINT_CHROMEDRIVER", "/usr/bin/chromedriver")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DOCUMENTS = ROOT / "tests" / "documents"


def _browser_missing() -> str:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not (os.path.exists(p) or shutil.which(p))]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    return ", ".join(missing)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests; missing: {missing} (apt-get install chromium chromium-driver)")
        pytest.skip(f"no headless browser here ({missing}); apt-get install chromium chromium-driver")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=zh-CN", "--no-first-run", "--disable-extensions"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which(CHROMEDRIVER) or CHROMEDRIVER),
                              options=opts)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


class LiveApp:
    """The app on a free loopback port, served by the same server ``gplint serve`` uses."""

    def __init__(self, **kwargs) -> None:
        from werkzeug.serving import make_server

        from gplint.serve.app import create_app

        self.app = create_app(**kwargs)
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.app.gplint_cleanup()


@pytest.fixture(scope="session")
def live_app() -> Iterator[LiveApp]:
    app = LiveApp()
    try:
        yield app
    finally:
        app.close()


@pytest.fixture(scope="session")
def small_app() -> Iterator[LiveApp]:
    """An app that takes files of at most 64 KB."""
    app = LiveApp(max_file_bytes=64 * 1024)
    try:
        yield app
    finally:
        app.close()
