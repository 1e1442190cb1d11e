"""Configuration files: discovery upwards, keys, flags winning, clear errors (exit 2)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ._util import PLUGIN_MODULE, findings, gplint, write_plugin_config


def codes(diags: list[dict]) -> list[str]:
    return sorted(d["code"] for d in diags)


def test_gplint_toml_found_upwards_from_the_file(draft_report: Path, tmp_path: Path):
    # Without configuration the local plugin rule does not exist.
    assert "X901" not in codes(findings(str(draft_report))[1])
    write_plugin_config(tmp_path, 'select = ["X901"]\n')
    rc, diags, _ = findings(str(draft_report))
    assert rc == 1 and codes(diags) == ["X901"] and diags[0]["line"] == 5


def test_pyproject_tool_gplint_and_relative_plugin_path(draft_report: Path, tmp_path: Path):
    sub = tmp_path / "cfg"
    sub.mkdir()
    (sub / "rule.py").write_bytes(PLUGIN_MODULE.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.gplint]\nplugins = ["cfg/rule.py"]\nselect = ["X9"]\n', encoding="utf-8")
    rc, diags, _ = findings(str(draft_report), cwd="/")
    assert codes(diags) == ["X901"]


def test_pyproject_without_table_is_skipped_for_one_further_up(draft_report: Path, tmp_path: Path):
    write_plugin_config(tmp_path, 'select = ["X901"]\n')
    (draft_report.parent / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert codes(findings(str(draft_report))[1]) == ["X901"]


def test_nearest_configuration_wins_and_dot_gplint_toml(draft_report: Path, tmp_path: Path):
    write_plugin_config(tmp_path, 'select = ["X901"]\n')
    (draft_report.parent / ".gplint.toml").write_text(
        f'plugins = [{json.dumps(str(PLUGIN_MODULE))}]\nselect = ["X901"]\nignore = ["draft-marker"]\n', encoding="utf-8")
    assert codes(findings(str(draft_report))[1]) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_folder_of_one_run_follows_its_own_configuration(draft_report: Path, tmp_path: Path, jobs: str):
    # One run over two folders: a file takes its own folder's configuration, never the one
    # of the folder linted before it (options are shared within a folder, not across).
    write_plugin_config(tmp_path, 'select = ["X901"]\n')
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "gplint.toml").write_text('ignore = ["ALL"]\n', encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (quiet / name).write_bytes(draft_report.read_bytes())
    loud_copy = draft_report.parent / "z.txt"
    loud_copy.write_bytes(draft_report.read_bytes())
    # (The first path's configuration is the run's: it loads the plugin rule X901.)
    proc = gplint("--format", "json", "--jobs", jobs, str(draft_report.parent), str(quiet), str(draft_report))
    assert proc.returncode == 1, proc.err
    by_file: dict[str, list[str]] = {}
    for d in json.loads(proc.out):
        by_file.setdefault(Path(d["path"]).name, []).append(d["code"])
    assert by_file == {draft_report.name: ["X901", "X901"], "z.txt": ["X901"]}  # named twice, linted twice
    assert "3 file(s)" not in proc.err and "5 file(s)" in proc.err


def test_command_line_flags_win(draft_report: Path, tmp_path: Path):
    write_plugin_config(tmp_path, 'select = ["X901"]\nfail-on = "error"\nformat = "jsonl"\n')
    proc = gplint(str(draft_report))
    assert proc.returncode == 1
    assert json.loads(proc.out.splitlines()[0])["code"] == "X901"  # format from the file
    proc = gplint("--format", "text", "--ignore", "X901", str(draft_report))
    assert proc.returncode == 0 and proc.out == ""


def test_fail_on_from_config(draft_report: Path, tmp_path: Path):
    (tmp_path / "warn_rule.py").write_text(
        PLUGIN_MODULE.read_text(encoding="utf-8").replace('severity = "error"', 'severity = "warning"'), encoding="utf-8")
    (tmp_path / "gplint.toml").write_text('plugins = ["warn_rule.py"]\nselect = ["X901"]\n', encoding="utf-8")
    assert gplint(str(draft_report)).returncode == 0
    (tmp_path / "gplint.toml").write_text(
        'plugins = ["warn_rule.py"]\nselect = ["X901"]\nfail-on = "warning"\n', encoding="utf-8")
    assert gplint(str(draft_report)).returncode == 1
    assert gplint("--fail-on", "error", str(draft_report)).returncode == 0


def test_per_file_ignores(draft_report: Path, tmp_path: Path):
    other = tmp_path / "other.txt"
    other.write_bytes(draft_report.read_bytes())
    write_plugin_config(tmp_path, 'select = ["X901"]\n[per-file-ignores]\n"年报 目录/*.txt" = ["X9"]\n')
    rc, diags, _ = findings(str(draft_report), str(other))
    assert [Path(d["path"]).name for d in diags] == ["other.txt"]
    write_plugin_config(tmp_path, 'select = ["X901"]\n[per-file-ignores]\n"other.txt" = ["hygiene"]\n')
    rc, diags, _ = findings(str(draft_report), str(other))
    assert [Path(d["path"]).name for d in diags] == ["报告: 2024.txt"]


def test_explicit_config_and_stdin(draft_report: Path, tmp_path: Path):
    cfg = tmp_path / "elsewhere" / "my.toml"
    cfg.parent.mkdir()
    cfg.write_text(f'plugins = [{json.dumps(str(PLUGIN_MODULE))}]\nselect = ["X901"]\n', encoding="utf-8")
    proc = gplint("--config", str(cfg), "--stdin-filename", "报告.txt", "-", input=draft_report.read_bytes(), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.out.startswith("报告.txt:5:")
    # Without --config, stdin finds the configuration from the current directory.
    write_plugin_config(tmp_path, 'select = ["X901"]\n')
    proc = gplint("-", input=draft_report.read_bytes(), cwd=tmp_path)
    assert proc.returncode == 1 and proc.out.startswith("-:5:")


@pytest.mark.parametrize("body, key", [
    ("colour = 1\n", "colour"),
    ('fail-on = "critical"\n', "fail-on"),
    ("jobs = 0\n", "jobs"),
    ('select = "X9"\nignore = [1]\n', "ignore"),
    ('per-file-ignores = "x"\n', "per-file-ignores"),
    ('rules = "nonsense"\n', "nonsense"),
    ('format = "nonsense"\n', "nonsense"),
    ('plugins = ["missing_rules.py"]\n', "missing_rules.py"),
    ("select = [\n", "invalid TOML"),
])
def test_bad_configuration_is_exit_2_naming_file_and_key(draft_report: Path, tmp_path: Path, body: str, key: str):
    cfg = tmp_path / "gplint.toml"
    cfg.write_text(body, encoding="utf-8")
    proc = gplint(str(draft_report))
    assert proc.returncode == 2, proc.err
    assert "Traceback" not in proc.err
    assert key in proc.err
    if key not in ("nonsense", "missing_rules.py"):
        assert str(cfg) in proc.err


def test_missing_explicit_config_is_exit_2(draft_report: Path, tmp_path: Path):
    proc = gplint("--config", str(tmp_path / "nope.toml"), str(draft_report))
    assert proc.returncode == 2 and "nope.toml" in proc.err
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    proc = gplint("--config", str(tmp_path / "pyproject.toml"), str(draft_report))
    assert proc.returncode == 2 and "[tool.gplint]" in proc.err


def test_jobs_from_config_gives_the_same_output(draft_report: Path, tmp_path: Path):
    copies = []
    for i in range(4):
        p = tmp_path / f"r{i}.txt"
        p.write_bytes(draft_report.read_bytes())
        copies.append(str(p))
    write_plugin_config(tmp_path, 'select = ["X901"]\njobs = 3\n')
    parallel = gplint(*copies)
    serial = gplint("--jobs", "1", *copies)
    assert parallel.returncode == serial.returncode == 1
    assert parallel.out == serial.out and parallel.out.count("X901") == 4


def test_rules_listing_includes_local_plugins_of_the_configuration(tmp_path):
    """`gplint rules` / `gplint rule` show what `gplint check` would run, local plugins included."""
    import subprocess
    import sys

    (tmp_path / "myrule.py").write_text(
        "import gplint\n\n\nclass Local(gplint.Rule):\n    \"\"\"What it checks\n        nothing\n    \"\"\"\n"
        "    code = 'X950'\n    name = 'local-rule'\n    category = 'hygiene'\n    severity = 'info'\n\n"
        "    def check(self, report, options):\n        return []\n\n\n"
        "@gplint.hookimpl\ndef gplint_rules():\n    return [Local]\n", encoding="utf-8")
    (tmp_path / "gplint.toml").write_text('plugins = ["myrule.py"]\n', encoding="utf-8")
    found = subprocess.run([sys.executable, "-m", "gplint", "rules"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "X950" in found.stdout, found.stderr
    explicit = subprocess.run([sys.executable, "-m", "gplint", "rule", "X950", "--config", str(tmp_path / "gplint.toml")],
                              capture_output=True, text=True, timeout=60)
    assert explicit.returncode == 0 and "local-rule" in explicit.stdout
    plain = subprocess.run([sys.executable, "-m", "gplint", "rules"], cwd=str(tmp_path.parent), capture_output=True, text=True, timeout=60)
    assert "X950" not in plain.stdout


@pytest.mark.parametrize("toml", [
    '[tool.gplint]\nrules = "strict"\n',
    '[ tool . "gplint" ]\nrules = "strict"\n',
    '[tool]\ngplint = { rules = "strict" }\n',
    'tool.gplint.rules = "strict"\n',
    "'tool'.'gplint' = { rules = \"strict\" }\n",
    'tool = { gplint = { rules = "strict" } }\n',
])
def test_every_toml_spelling_of_tool_gplint_is_read(tmp_path: Path, toml: str):
    from gplint.config import load_config

    path = tmp_path / "pyproject.toml"
    # (Top-level keys come before any table; the project table after them.)
    path.write_text(toml + '\n[project]\nname = "x"\n', encoding="utf-8")
    config = load_config(str(path), explicit=False)
    assert config is not None and config.rules == "strict"


def test_a_pyproject_that_never_names_tool_gplint_is_not_parsed(tmp_path: Path):
    # Found by the upward search, someone else's pyproject is no concern of gplint's, even
    # broken; named with --config it is still read and judged.
    from gplint.config import ConfigError, load_config

    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n[tool.black]\nline-length = = 88\n', encoding="utf-8")
    assert load_config(str(path), explicit=False) is None
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(str(path), explicit=True)
