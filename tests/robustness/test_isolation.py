"""One file never takes the run down, in any mode, and a run stops cleanly on a signal
(issue 16, items 2, 5, 11, 13, 14): ``--jobs 1`` survives a file whose worker is killed;
workers are recycled; Ctrl-C and SIGTERM stop a run at once with one line, exit 130/143
and leave no process; a rule raising KeyboardInterrupt is that file's crash; an internal
error never exits 1."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from saboteur_plugin import PLUGIN  # noqa: E402

import gplint.runner as runner  # noqa: E402
from gplint.engine import LintOptions  # noqa: E402
from gplint.plugins import build_registry, load_module_from_path  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOOD = (CORPUS / "001_98c801d9a8639466.txt").read_text(encoding="utf-8")


def _gplint(*args: str, cwd: Path, env=None, **kw) -> subprocess.Popen:
    env = env or dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.Popen([sys.executable, "-m", "gplint", *args], cwd=str(cwd), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _project(tmp_path: Path, n: int, marked: dict[int, str], timeout: str = "0") -> list[str]:
    (tmp_path / "saboteur.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "gplint.toml").write_text(
        f'plugins = ["saboteur.py"]\nselect = ["Z999", "E"]\ntimeout = {timeout}\n', encoding="utf-8")
    names = []
    for i in range(n):
        name = f"r{i:02d}.txt"
        (tmp_path / name).write_text(GOOD + ("\n" + marked[i] + "\n" if i in marked else ""), encoding="utf-8")
        names.append(name)
    return names


@pytest.mark.parametrize("marker", ["KILLWORKER", "EXITNOW", "INTERRUPTNOW"])
def test_jobs_1_survives_a_file_whose_processing_dies(tmp_path, marker):
    """Before: with --jobs 1 the file's os._exit (as the OOM killer's SIGKILL) ended the whole
    run, 0 of 21 files reported; a rule's KeyboardInterrupt stopped it too."""
    names = _project(tmp_path, 21, {10: marker})
    proc = _gplint("--format", "json", "--jobs", "1", *names, cwd=tmp_path)
    out, err = proc.communicate(timeout=300)
    found = json.loads(out)
    assert [(d["path"], d["code"]) for d in found] == [("r10.txt", "E900")], err
    # An internal error is never exit 1 ("findings"): 2.
    assert proc.returncode == 2, err
    assert b"21 file(s)" in err and b"Traceback" not in err


def test_a_single_file_whose_worker_is_killed_is_reported(tmp_path):
    names = _project(tmp_path, 1, {0: "KILLWORKER"})
    proc = _gplint("--format", "json", *names, cwd=tmp_path)
    out, err = proc.communicate(timeout=300)
    assert [d["code"] for d in json.loads(out)] == ["E900"] and proc.returncode == 2, err


def test_a_rule_raising_keyboardinterrupt_is_its_files_crash_in_a_worker(tmp_path):
    plugin = tmp_path / "saboteur.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    registry = build_registry([load_module_from_path(str(plugin))])
    paths = []
    for i, mark in enumerate(["", "INTERRUPTNOW", ""]):
        (tmp_path / f"{i}.txt").write_text(GOOD + "\n" + mark + "\n", encoding="utf-8")
        paths.append(str(tmp_path / f"{i}.txt"))
    results = list(runner.run(paths, registry, LintOptions(select=["Z999"]), jobs=2, plugin_paths=[str(plugin)]))
    assert [[d.code for d in r.diagnostics] for r in results] == [[], ["E900"], []]
    assert "KeyboardInterrupt" in results[1].diagnostics[0].message


def test_workers_are_recycled_after_a_bounded_number_of_files_or_memory(tmp_path, monkeypatch):
    """A rule leaking 64 MB a file: the worker is replaced once past the memory bound, so
    no process ever holds more than a few leaks (the bound, plus the chunks already sent to
    it: the runner's window, 4 one-file chunks here); and after RECYCLE_FILES files anyway.
    Before: one worker served the whole run, 12 leaks (768 MB) in one process."""
    plugin = tmp_path / "saboteur.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    registry = build_registry([load_module_from_path(str(plugin))])
    paths = []
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(GOOD + "\nLEAKNOW\n", encoding="utf-8")
        paths.append(str(tmp_path / f"{i:02d}.txt"))
    options = LintOptions(select=["Z999"])

    def leaks(results):
        return [tuple(int(w) for w in r.diagnostics[0].message.split()[1::2]) for r in results]

    monkeypatch.setattr(runner, "RECYCLE_RSS", 200 * 1024 * 1024)
    seen = leaks(runner.run(paths, registry, options, jobs=1, plugin_paths=[str(plugin)], isolate=True))
    assert len(seen) == 12 and max(n for _, n in seen) <= 3 + 4, seen
    assert len({pid for pid, _ in seen}) >= 2 and os.getpid() not in {pid for pid, _ in seen}

    monkeypatch.setattr(runner, "RECYCLE_RSS", 1 << 62)
    monkeypatch.setattr(runner, "RECYCLE_FILES", 2)
    seen = leaks(runner.run(paths, registry, options, jobs=1, plugin_paths=[str(plugin)], isolate=True))
    assert max(n for _, n in seen) <= 2 and len({pid for pid, _ in seen}) == 6, seen


def _session_processes(sid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                out.append(int(entry))
    return out


def _wait_for_workers(folder: Path, count: int) -> None:
    """Until ``count`` processes are inside the hanging rule (each leaves a file in
    ``folder`` when it enters it): a fixed pause after the workers appeared was too short on
    a loaded host, where a signal then met a worker still starting."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if len(list(folder.glob("hanging-*"))) >= count:
            return
        time.sleep(0.05)
    raise AssertionError("the workers never reached the hanging rule")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how, jobs, files", [("SIGINT", "2", 6), ("SIGINT", "1", 6), ("SIGTERM", "2", 6),
                                              ("SIGTERM", "1", 6), ("SIGINT", "1", 1), ("SIGTERM", "1", 1)])
def test_a_signal_stops_the_run_with_one_line_and_no_process_left(tmp_path, how, jobs, files):
    """Before: Ctrl-C printed every worker's traceback and waited for the busy ones (here:
    forever, the rule never returns and there is no timeout); SIGTERM left them orphaned.
    Ctrl-C reaches the whole process group (a terminal's), SIGTERM only the main process.
    One file is linted in a forked child of its own (no pool): the same holds for it."""
    names = _project(tmp_path, files, {i: "HANGNOW" for i in range(files)})
    hanging = tmp_path / "hanging"
    hanging.mkdir()
    # (Started as a terminal's foreground job is, Ctrl-C's default disposition restored: a
    # test run in the background of a shell inherits SIGINT ignored, and a program started
    # so rightly keeps ignoring it.)
    proc = _gplint("--jobs", jobs, *names, cwd=tmp_path, start_new_session=True,
                   env=dict(os.environ, PYTHONIOENCODING="utf-8", SABOTEUR_HANGING=str(hanging)),
                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    _wait_for_workers(hanging, int(jobs) if files > 1 else 1)
    if how == "SIGINT":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGTERM)
    try:
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == (130 if how == "SIGINT" else 143), err
    assert err.decode().splitlines() == [("gplint: interrupted" if how == "SIGINT" else "gplint: terminated")]
    for _ in range(50):  # the killed workers' exits are being collected by now
        if not _session_processes(proc.pid):
            break
        time.sleep(0.1)
    assert _session_processes(proc.pid) == []


def test_stdin_is_linted_in_a_worker_too(tmp_path):
    """Before: stdin was linted in the main process, where a killed worker is the run."""
    _project(tmp_path, 1, {})
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "gplint", "--format", "json", "--stdin-filename", "x.txt", "-",
                           "r00.txt"], input=(GOOD + "\nKILLWORKER\n").encode(), cwd=str(tmp_path), env=env,
                          capture_output=True, timeout=300)
    found = json.loads(proc.stdout)
    assert [(d["path"], d["code"]) for d in found] == [("x.txt", "E900")], proc.stderr
    assert proc.returncode == 2 and b"2 file(s)" in proc.stderr
