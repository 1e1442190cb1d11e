"""Folder walks: ``exclude`` / ``extend-exclude`` (flags and configuration) and ``.gitignore``."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gplint.walk import Excluder, GitIgnore, discover

HERE = Path(__file__).resolve().parent
REPORT = (HERE / "corpus" / "001_98c801d9a8639466.txt").read_bytes()
EXTS = (".txt", ".md", ".docx")


def tree(root: Path, names: list[str]) -> None:
    for n in names:
        p = root / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(REPORT)


def rel(root: Path, found) -> list[str]:
    return [os.path.relpath(p, root).replace(os.sep, "/") for p in found]


def linted(root: Path, *args: str) -> str:
    """gplint's summary line (stderr) for a run in ``root``."""
    proc = subprocess.run([sys.executable, "-m", "gplint", "--format", "json", "--select", "E", *args],
                          cwd=root, capture_output=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.stderr.decode("utf-8")


FILES = ["2024/a.txt", "2024/draft/b.txt", "node_modules/x/c.txt", "archive/old.md", "d.docx.txt", "e.md"]


def test_default_walk_skips_node_modules_hidden_and_project_documents(tmp_path):
    tree(tmp_path, FILES + [".hidden/f.txt", "README.md"])
    assert rel(tmp_path, discover([str(tmp_path)], EXTS)) == [
        "2024/a.txt", "2024/draft/b.txt", "archive/old.md", "d.docx.txt", "e.md"]


def test_exclude_patterns_are_gitignore_style_relative_to_their_root(tmp_path):
    tree(tmp_path, FILES)
    ex = [Excluder(["draft/", "/archive", "*.md", "!e.md"], str(tmp_path))]
    assert rel(tmp_path, discover([str(tmp_path)], EXTS, ex)) == ["2024/a.txt", "d.docx.txt", "e.md",
                                                                   "node_modules/x/c.txt"]
    # A file named on the command line is excluded too (a pre-commit hook names files).
    assert list(discover([str(tmp_path / "archive" / "old.md")], EXTS, ex)) == []
    assert list(discover([str(tmp_path / "2024" / "a.txt")], EXTS, ex)) == [str(tmp_path / "2024" / "a.txt")]


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    tree(tmp_path, FILES + ["sub/keep.md", "sub/skip.md", "build/out.txt"])
    (tmp_path / ".gitignore").write_text("build/\n*.md\n!keep.md\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("!skip.md\n", encoding="utf-8")
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("d.docx.txt\n", encoding="utf-8")
    return tmp_path


def test_gitignore_is_respected_as_git_reads_it(git_repo):
    found = rel(git_repo, discover([str(git_repo)], EXTS))
    # build/ ignored; *.md ignored except keep.md (re-included) and sub/skip.md (the deeper
    # .gitignore re-includes it); info/exclude leaves out d.docx.txt.
    assert found == ["2024/a.txt", "2024/draft/b.txt", "sub/keep.md", "sub/skip.md"]
    # Git agrees on every file.
    every = rel(git_repo, discover([str(git_repo)], EXTS, [], gitignore=False))
    proc = subprocess.run(["git", "check-ignore", "--no-index", *every], cwd=git_repo, capture_output=True, text=True)
    assert sorted(set(every) - set(proc.stdout.split())) == sorted(found + ["node_modules/x/c.txt"])
    # Walking a subfolder still reads the .gitignore files above it.
    assert rel(git_repo, discover([str(git_repo / "sub")], EXTS)) == ["sub/keep.md", "sub/skip.md"]
    # Named explicitly, an ignored file is linted.
    assert list(discover([str(git_repo / "e.md")], EXTS)) == [str(git_repo / "e.md")]
    assert GitIgnore(str(git_repo)).ignored(str(git_repo / "build"), is_dir=True)


def test_cli_and_configuration_exclude(git_repo):
    assert "4 file(s)" in linted(git_repo, ".")
    # Without .gitignore: archive/old.md, d.docx.txt, e.md and build/out.txt come back.
    assert "8 file(s)" in linted(git_repo, "--no-gitignore", ".")
    assert "3 file(s)" in linted(git_repo, "--extend-exclude", "draft", ".")
    (git_repo / "gplint.toml").write_text('extend-exclude = ["2024/"]\n', encoding="utf-8")
    assert "2 file(s)" in linted(git_repo, ".")
    # exclude replaces the defaults: node_modules is walked again.
    (git_repo / "gplint.toml").write_text('exclude = ["sub"]\n', encoding="utf-8")
    assert "3 file(s)" in linted(git_repo, ".")
    # --exclude replaces the configuration's exclude.
    assert "1 file(s)" in linted(git_repo, "--exclude", "2024,sub", ".")
    (git_repo / "gplint.toml").write_text('exclude = "sub"\nextend-exclud = ["x"]\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "gplint", "."], cwd=git_repo, capture_output=True, timeout=300)
    assert proc.returncode == 2 and b"did you mean 'extend-exclude'?" in proc.stderr


def test_folders_above_the_root_are_never_matched(tmp_path):
    """Outside the exclude root, patterns apply from the walked folder down (or to a named
    file's name): reports kept under a folder called ``venv`` are still found."""
    tree(tmp_path, ["venv/reports/a.txt", "venv/reports/node_modules/b.txt"])
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    ex = [Excluder(("node_modules", "venv"), str(elsewhere))]
    walked = str(tmp_path / "venv" / "reports")
    assert rel(tmp_path, discover([walked], EXTS, ex)) == ["venv/reports/a.txt"]
    named = str(tmp_path / "venv" / "reports" / "a.txt")
    assert list(discover([named], EXTS, ex)) == [named]
