"""A third-party plugin package, installed for real, seen by ``gplint rules`` and firing."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ._util import CLEAN_SEED, PLUGIN_PKG, gplint


@pytest.fixture(scope="module")
def plugin_target(tmp_path_factory) -> Path:
    """Install tests/plugin_pkg into a throw-away --target directory (never the dev venv).

    pip builds it as any user's install would (an isolated build with setuptools from the
    package index); ``--no-deps`` keeps the gplint under test the one on the path."""
    work = tmp_path_factory.mktemp("plugin")
    src = work / "src"
    # Build from a copy so that build/ and *.egg-info never land in the checkout.
    shutil.copytree(PLUGIN_PKG, src, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    target = work / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list(target.glob("gplint_x9-*.dist-info")), "no dist-info installed"
    return target


def test_installed_plugin_rule_is_listed_and_fires(plugin_target: Path, tmp_path: Path):
    env = {"PYTHONPATH": str(plugin_target)}
    listed = gplint("rules", env=env)
    assert listed.returncode == 0, listed.err
    assert any(line.split()[:2] == ["X901", "draft-marker"] for line in listed.out.splitlines())
    doc = gplint("rule", "X901", env=env)
    assert doc.returncode == 0 and "What it checks" in doc.out

    report = tmp_path / "draft.txt"
    report.write_text(CLEAN_SEED.read_text(encoding="utf-8").replace("\n", "\nTODO 补全本节\n", 1), encoding="utf-8")
    proc = gplint("--format", "json", "--select", "X901", str(report), env=env)
    assert proc.returncode == 1, proc.err
    [d] = json.loads(proc.out)
    assert (d["code"], d["line"], d["column"]) == ("X901", 2, 1)
    # Without the plugin on the path the rule is simply not there.
    assert "X901" not in gplint("rules").out


def test_plugin_that_fails_to_import_stops_the_run(tmp_path: Path):
    site = tmp_path / "site"
    dist = site / "gplint_broken-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gplint-broken\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gplint]\nbroken = gplint_broken_rules\n", encoding="utf-8")
    (site / "gplint_broken_rules.py").write_text("import no_such_module_anywhere\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    for args in (["rules"], ["--jobs", "1", str(CLEAN_SEED)]):
        proc = gplint(*args, env=env)
        assert proc.returncode == 2, (args, proc.err)
        assert "broken" in proc.err and "gplint_broken_rules" in proc.err
        assert "no_such_module_anywhere" in proc.err
        assert "Traceback" not in proc.err and proc.out == ""


def test_plugin_with_invalid_rule_stops_the_run(tmp_path: Path):
    (tmp_path / "bad_rule.py").write_text(
        "import gplint\n\nclass Bad(gplint.Rule):\n    code = 'X1'\n    name = 'bad'\n    category = 'hygiene'\n\n"
        "@gplint.hookimpl\ndef gplint_rules():\n    return [Bad]\n", encoding="utf-8")
    (tmp_path / "gplint.toml").write_text('plugins = ["bad_rule.py"]\n', encoding="utf-8")
    proc = gplint(str(CLEAN_SEED), cwd=tmp_path)
    assert proc.returncode == 2 and "invalid code 'X1'" in proc.err
