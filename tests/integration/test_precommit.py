"""The pre-commit hooks, run by the real ``pre-commit`` in a throw-away git repository."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ._util import BROKEN_SEED, CLEAN_SEED, ROOT, findings

MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def _git_env(home: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "PRE_COMMIT_HOME": str(home), "PYTHONIOENCODING": "utf-8",
        # The hook's `gplint` and pre-commit itself come from the environment under test.
        "PATH": os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", ""),
    })
    return env


def _run(args: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture
def repo(tmp_path: Path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = tmp_path / "reports"
    work.mkdir()
    env = _git_env(tmp_path / "pre-commit-home")
    assert _run(["git", "init", "-q", "."], work, env).returncode == 0
    return work, env


def _assert_reports(broken: Path, clean: Path) -> None:
    """Say why before pre-commit runs: the broken text has arithmetic errors, the clean none."""
    rc, diags, err = findings(str(broken))
    assert rc == 1 and any(d["category"] == "arithmetic" and d["severity"] == "error" for d in diags), \
        f"seed 002 should have a default arithmetic error: {diags} {err}"
    rc, diags, err = findings(str(clean))
    assert rc == 0, f"the clean report must lint with exit 0 under the current rules: {diags}"


def test_manifest_is_valid_and_declares_both_hooks():
    proc = _run([sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)], ROOT, dict(os.environ))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    hooks = {h["id"]: h for h in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
    assert set(hooks) == {"gplint", "gplint-strict"}
    for h in hooks.values():
        assert h["language"] == "python" and h["entry"] == "gplint" and h["require_serial"] is True
        files = re.compile(h["files"])
        assert all(files.search(n) for n in ("r.txt", "年报/2024 年.md", "a.markdown", "b.docx", "c.PDF",
                                              "d.html", "e.htm", "f.doc", "g.wps", "h.ofd"))
        assert h["types"] == ["file"]  # a DOCX or PDF is not "text" to pre-commit's identify
        assert not any(files.search(n) for n in ("setup.py", "x.yaml", "txt.py"))
    assert hooks["gplint-strict"]["args"] == ["--rules", "strict"]
    assert "args" not in hooks["gplint"]


def test_remote_style_hook_fails_on_broken_and_passes_on_clean_report(repo):
    """The manifest as users get it: ``repo:`` + ``rev:`` and ``language: python``, so
    pre-commit clones this checkout and pip-installs it into the hook's own venv."""
    work, env = repo
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit clones the repository at a commit")
    head = _run(["git", "rev-parse", "HEAD"], ROOT, env)
    assert head.returncode == 0, head.stderr
    (work / ".pre-commit-config.yaml").write_text(json.dumps(
        {"repos": [{"repo": str(ROOT), "rev": head.stdout.strip(), "hooks": [{"id": "gplint"}]}]}), encoding="utf-8")
    broken = work / "牡丹江 2024.txt"
    broken.write_bytes(BROKEN_SEED.read_bytes())
    clean = work / "clean.txt"
    clean.write_bytes(CLEAN_SEED.read_bytes())
    _assert_reports(broken, clean)
    run = [sys.executable, "-m", "pre_commit", "run"]

    assert _run(["git", "add", ".pre-commit-config.yaml", broken.name], work, env).returncode == 0
    proc = _run(run, work, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout and re.search(r"牡丹江 2024\.txt:\d+:\d+: error A1\d\d ", proc.stdout), proc.stdout

    assert _run(["git", "rm", "-q", "--cached", broken.name], work, env).returncode == 0
    assert _run(["git", "add", clean.name], work, env).returncode == 0
    proc = _run(run, work, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
    # The hook never modifies what it checks.
    assert broken.read_bytes() == BROKEN_SEED.read_bytes() and clean.read_bytes() == CLEAN_SEED.read_bytes()


def test_git_commit_blocked_by_installed_hook(repo):
    """The commit flow with the manifest's hooks as a local repo (no install, no network)."""
    work, env = repo
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    local = []
    for h in manifest:
        h = dict(h, language="system", entry=f"{sys.executable} -m gplint")
        h.pop("minimum_pre_commit_version", None)
        h.pop("description", None)
        h.pop("additional_dependencies", None)  # a system hook installs nothing
        local.append(h)
    local = [h for h in local if h["id"] == "gplint"]
    (work / ".pre-commit-config.yaml").write_text(
        json.dumps({"repos": [{"repo": "local", "hooks": local}]}, ensure_ascii=False), encoding="utf-8")
    assert _run(["git", "add", ".pre-commit-config.yaml"], work, env).returncode == 0
    assert _run([sys.executable, "-m", "pre_commit", "install"], work, env).returncode == 0

    broken = work / "broken.txt"
    broken.write_bytes(BROKEN_SEED.read_bytes())
    clean = work / "clean.txt"
    clean.write_bytes(CLEAN_SEED.read_bytes())
    _assert_reports(broken, clean)

    _run(["git", "add", "broken.txt"], work, env)
    proc = _run(["git", "commit", "-q", "-m", "broken"], work, env)
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "broken.txt:" in proc.stdout + proc.stderr
    assert _run(["git", "rev-parse", "--verify", "-q", "HEAD"], work, env).returncode != 0  # nothing committed

    _run(["git", "rm", "-q", "--cached", "broken.txt"], work, env)
    _run(["git", "add", "clean.txt"], work, env)
    proc = _run(["git", "commit", "-q", "-m", "clean"], work, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _run(["git", "rev-parse", "--verify", "-q", "HEAD"], work, env).returncode == 0


def test_hooks_run_on_documents(repo):
    """The manifest's file filter hands DOCX, HTML and .doc files to gplint, which reads the
    first two and reports the third (E005) instead of passing it over."""
    work, env = repo
    import io
    import zipfile

    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    [hook] = [dict(h, language="system", entry=f"{sys.executable} -m gplint") for h in manifest if h["id"] == "gplint"]
    for key in ("minimum_pre_commit_version", "description", "additional_dependencies"):
        hook.pop(key, None)
    (work / ".pre-commit-config.yaml").write_text(
        json.dumps({"repos": [{"repo": "local", "hooks": [hook]}]}, ensure_ascii=False), encoding="utf-8")
    text = BROKEN_SEED.read_text(encoding="utf-8")
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>"
                   for line in text.replace("&", "&amp;").replace("<", "&lt;").split("\n"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/'
                                         f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    (work / "报告.docx").write_bytes(buf.getvalue())
    (work / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (work / "page.html").write_text("<html><body>" + "".join(f"<p>{l}</p>" for l in text.split("\n")) + "</body></html>",
                                    encoding="utf-8")
    assert _run(["git", "add", "."], work, env).returncode == 0
    proc = _run([sys.executable, "-m", "pre_commit", "run"], work, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"报告\.docx:\d+:\d+: error A1\d\d ", proc.stdout), proc.stdout
    assert re.search(r"page\.html:\d+:\d+: error A1\d\d ", proc.stdout), proc.stdout
    assert re.search(r"旧格式\.doc:1:1: error E005 ", proc.stdout), proc.stdout
