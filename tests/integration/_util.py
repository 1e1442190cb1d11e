"""Helpers for the integration tests: run the real ``gplint`` in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
PLUGIN_PKG = ROOT / "tests" / "plugin_pkg"
#: The example plugin's module, usable as a local ``plugins = [...]`` path too.
PLUGIN_MODULE = PLUGIN_PKG / "gplint_x9" / "__init__.py"
BROKEN_SEED = CORPUS / "002_bcc8f195f7d4f0d8.txt"   # real arithmetic errors (expected.toml)
CLEAN_SEED = CORPUS / "001_98c801d9a8639466.txt"    # nothing wrong at the default level


def gplint(*args: str, cwd=None, input: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m gplint ARGS`` and capture text output."""
    full_env = dict(os.environ)
    full_env["PYTHONIOENCODING"] = "utf-8"
    if env:
        full_env.update(env)
    proc = subprocess.run([sys.executable, "-m", "gplint", *args], cwd=cwd, input=input,
                          capture_output=True, env=full_env, timeout=300)
    proc.out = proc.stdout.decode("utf-8")  # type: ignore[attr-defined]
    proc.err = proc.stderr.decode("utf-8")  # type: ignore[attr-defined]
    return proc


def findings(*args: str, cwd=None, env=None) -> tuple[int, list[dict], str]:
    proc = gplint("--format", "json", "--jobs", "1", *args, cwd=cwd, env=env)
    assert proc.returncode in (0, 1), proc.err
    return proc.returncode, json.loads(proc.out), proc.err


def write_plugin_config(directory: Path, extra: str = "") -> Path:
    """A gplint.toml that loads the example rule X901 as a local plugin module."""
    cfg = directory / "gplint.toml"
    cfg.write_text(f"plugins = [{json.dumps(str(PLUGIN_MODULE))}]\n{extra}", encoding="utf-8")
    return cfg


