"""Exit codes (issue 16): 0 clean, 1 findings, 2 usage, configuration or plugin error (an
internal error is 2 too, never 1: tests/robustness/test_isolation.py), each with one line
on stderr and no traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def _gplint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", GPLINT_NO_CACHE="1")
    return subprocess.run([sys.executable, "-m", "gplint", "--jobs", "1", *args], cwd=str(cwd), env=env,
                          capture_output=True, text=True, timeout=300)


def test_clean_is_0_and_findings_are_1(tmp_path):
    (tmp_path / "clean.txt").write_text(synth.make_report(1)[0], encoding="utf-8")
    (tmp_path / "wrong.txt").write_text((CORPUS / "000_dcefddf45f2ae57e.txt").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    clean = _gplint(tmp_path, "clean.txt")
    assert clean.returncode == 0 and not clean.stdout, clean.stdout
    wrong = _gplint(tmp_path, "wrong.txt")
    assert wrong.returncode == 1 and wrong.stdout


@pytest.mark.parametrize("name, source, says", [
    ("raises.py", "raise RuntimeError('boom')\n", "failed to load: RuntimeError: boom"),
    ("syntax.py", "def (:\n", "failed to load: SyntaxError"),
    ("not_a_rule.py", "import gplint\n\n@gplint.hookimpl\ndef gplint_rules():\n    return [42]\n",
     "is not a gplint.Rule subclass"),
    ("missing.py", None, "not found"),
])
def test_a_plugin_error_is_2_with_one_line(tmp_path, name, source, says):
    (tmp_path / "clean.txt").write_text(synth.make_report(1)[0], encoding="utf-8")
    (tmp_path / "gplint.toml").write_text(f'plugins = ["{name}"]\n', encoding="utf-8")
    if source is not None:
        (tmp_path / name).write_text(source, encoding="utf-8")
    proc = _gplint(tmp_path, "clean.txt")
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("gplint: plugin error:") and says in lines[0], proc.stderr


@pytest.mark.parametrize("args, config", [
    (["--no-such-option"], None),
    (["--jobs", "many"], None),
    ([], "profile = [\n"),
])
def test_usage_and_configuration_errors_are_2(tmp_path, args, config):
    (tmp_path / "clean.txt").write_text(synth.make_report(1)[0], encoding="utf-8")
    if config is not None:
        (tmp_path / "gplint.toml").write_text(config, encoding="utf-8")
    proc = _gplint(tmp_path, *args, "clean.txt")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stderr.strip(), proc.stderr


_INTERRUPT_WHILE_IMPORTING = """
import sys

class Interrupt:  # a Ctrl-C landing while gplint's modules are imported
    def find_spec(self, name, path=None, target=None):
        if name == sys.argv[1]:
            raise KeyboardInterrupt

sys.meta_path.insert(0, Interrupt())
from gplint.launcher import run

run()
"""


@pytest.mark.parametrize("module", ["gplint.cli", "gplint.plugins", "pluggy"])
def test_ctrl_c_while_gplint_is_imported_is_one_line_and_130(tmp_path, module):
    """The console script catches a Ctrl-C from its first import on (only the interpreter's
    own start-up comes before): the same line and status as a Ctrl-C during a run."""
    proc = subprocess.run([sys.executable, "-c", _INTERRUPT_WHILE_IMPORTING, module], cwd=str(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stderr) == (130, "gplint: interrupted\n")


def test_the_console_script_imports_nothing_before_it_can_catch_ctrl_c():
    code = "import sys, gplint.launcher; print(sorted(m for m in sys.modules if m.startswith(('gplint', 'pluggy'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert out.strip() == "['gplint', 'gplint.launcher']"


def test_the_package_still_gives_what_a_plugin_takes_from_it():
    code = ("import gplint; from gplint import Rule, Span, hookimpl, Report, Cell, Diagnostic, Related; "
            "print(Rule.__module__, Span.__module__, 'hookimpl' in dir(gplint))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["gplint.diagnostics", "gplint.model", "True"], out.stderr
