"""Vim and Emacs, run for real in batch mode with the configurations in editors/, land on
the character each finding names, on lines with Chinese text and tabs before it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ._util import ROOT, gplint

EDITORS = ROOT / "editors"
EXAMPLE = ROOT / "examples" / "mudanjiang-devzone-2024.txt"  # findings after Chinese text and tabs


def _env() -> dict:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", HOME=os.environ.get("HOME", "/tmp"))
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def _expected(root: Path) -> list[list]:
    """(line, column, character) of every finding, from gplint's JSON (character columns)."""
    proc = gplint("--format", "json", "r.txt", cwd=root)
    lines = (root / "r.txt").read_text(encoding="utf-8").split("\n")
    out = [[d["line"], d["column"], lines[d["line"] - 1][d["column"] - 1]] for d in json.loads(proc.out)]
    # The case this is about: Chinese text (and, on one line, tabs) before the finding.
    assert any(any(ord(ch) > 0x2E80 for ch in lines[ln - 1][:col - 1]) for ln, col, _ in out)
    assert any("\t" in lines[ln - 1][:col - 1] for ln, col, _ in out)
    return out


@pytest.fixture
def report(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "r.txt")
    return tmp_path


VIM_SCRIPT = """set nocompatible encoding=utf-8
edit r.txt
setlocal tabstop={before}
source {config}
setlocal tabstop={after}
silent make
let out = []
let qf = getqflist()
for i in range(1, len(qf))
  if !qf[i - 1].valid
    continue
  endif
  execute 'silent cc ' . i
  call add(out, [line('.'), charcol('.'), strcharpart(getline('.'), charcol('.') - 1, 1)])
endfor
call writefile([json_encode(out)], 'landed.json')
qall!
"""


def _vim(root: Path, config: Path, before: int, after: int) -> list:
    vim = shutil.which("vim")
    if vim is None:
        pytest.skip("vim is not installed")
    (root / "landed.json").unlink(missing_ok=True)
    script = root / "run.vim"
    script.write_text(VIM_SCRIPT.format(before=before, after=after, config=config), encoding="utf-8")
    proc = subprocess.run([vim, "-Nu", "NONE", "-i", "NONE", "-es", "-S", str(script)], cwd=root, env=_env(),
                          capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    assert (root / "landed.json").exists(), proc.stdout + proc.stderr
    return json.loads((root / "landed.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("before, after", [(8, 8), (8, 4), (2, 3)])
def test_vim_lands_on_the_character(report, before, after):
    """Whatever 'tabstop' is, before or after the configuration is sourced."""
    assert _vim(report, EDITORS / "vim" / "gplint.vim", before, after) == _expected(report)


def _vim_config(root: Path, options: str, field: str) -> Path:
    config = root / f"cfg-{field[1]}.vim"
    efm = ",".join(f"%f:%l:{field}:\\ %t{rest}\\ %m" for rest in ("rror", "arning", "nfo"))
    config.write_text(f"setlocal makeprg=gplint\\ {options}%:S\nsetlocal errorformat={efm}\n", encoding="utf-8")
    return config


def test_vim_screen_columns_with_percent_v(report):
    """The documented %v variant: screen columns at the tab width Vim uses."""
    config = _vim_config(report, "--column-unit=screen\\ --tab-width=4\\ ", "%v")
    assert _vim(report, config, 4, 4) == _expected(report)


@pytest.mark.parametrize("field", ["%c", "%v"])
def test_vim_with_plain_character_columns_would_miss(report, field):
    """The control: gplint's default (character) columns land elsewhere on these lines."""
    assert _vim(report, _vim_config(report, "", field), 8, 8) != _expected(report)


EMACS_SCRIPT = """
(require (quote json))
(load (expand-file-name "{config}"))
(defun landed (buf)
  (while (process-live-p (get-buffer-process buf)) (accept-process-output nil 0.1))
  (setq next-error-last-buffer buf)
  (let ((out '()))
    (condition-case nil
        (progn (next-error 1 t)
               (while t
                 (with-current-buffer (window-buffer (selected-window))
                   (goto-char (window-point))
                   (push (list (line-number-at-pos) (1+ (- (point) (line-beginning-position)))
                               (string (char-after)))
                         out))
                 (next-error 1)))
      (error nil))
    (nreverse out)))
(defun dump (file items)
  (with-temp-file file
    (insert (json-encode (mapcar (lambda (x) (vconcat x)) items)))))
(setq compilation-ask-about-save nil)
(dump "gplint.json" (landed (gplint "r.txt")))
(dump "compile.json" (landed (compilation-start "gplint r.txt")))
(dump "module.json" (landed (compilation-start "{python} -m gplint r.txt")))
(dump "control.json" (landed (compilation-start "cat saved.txt")))
"""


def test_emacs_lands_on_the_character(report):
    emacs = shutil.which("emacs")
    if emacs is None:
        pytest.skip("emacs is not installed")
    script = report / "run.el"
    script.write_text(EMACS_SCRIPT.format(config=EDITORS / "emacs" / "gplint.el", python=sys.executable), encoding="utf-8")
    (report / "saved.txt").write_text(gplint("r.txt", cwd=report).out, encoding="utf-8")
    # TERM as a terminal would have it: the output must still carry no colour codes.
    env = dict(_env(), TERM="xterm-256color")
    proc = subprocess.run([emacs, "--batch", "-Q", "-l", str(script)], cwd=report, env=env,
                          capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
    expected = _expected(report)
    # M-x gplint, M-x compile RET gplint …, M-x compile RET python3 -m gplint …
    for name in ("gplint.json", "compile.json", "module.json"):
        assert (report / name).exists(), proc.stdout + proc.stderr
        assert json.loads((report / name).read_text(encoding="utf-8")) == expected, name
    # The control: the same output read as screen columns (Emacs's default) misses.
    assert json.loads((report / "control.json").read_text(encoding="utf-8")) != expected
