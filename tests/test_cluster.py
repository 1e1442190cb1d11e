"""``gplint cluster`` on a real ``dask.distributed`` LocalCluster gives what ``gplint`` gives.

The cluster's two worker processes start in a temporary working directory that is not the
client's, so a relative path handed over as given would name nothing there. One module-wide
cluster keeps the tests fast (≈ 3 s to start).
"""
from __future__ import annotations

import os
import pathlib
import shutil
import sys
import textwrap

import pytest

pytest.importorskip("distributed", reason="needs the cluster extra (pip install 'gplint[cluster]')")
pytest.importorskip("fsspec", reason="needs the cluster extra (pip install 'gplint[cluster]')")

import dask  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from gplint import cluster  # noqa: E402
from gplint.cli import main  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = pathlib.Path(__file__).parent / "corpus"
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
import synth  # noqa: E402

# A rule that kills the Dask worker running it (as the OOM killer would): once for a report
# marked KILLONCE (the first time only, remembered in a file), every time for KILLALWAYS.
# Outside a Dask worker (the plain command line) it does nothing.
KILLER = textwrap.dedent('''
    import os, signal
    import gplint
    from gplint import Rule

    ONCE = {once!r}

    class Killer(Rule):
        """Kills its Dask worker on marked reports.

        What it checks:
            Nothing.

        Why:
            Tests.

        Bad:
            KILLALWAYS

        Good:
            一、总体情况
        """
        code = "Z998"
        name = "worker-killer"
        category = "hygiene"
        severity = "info"

        def check(self, report, options):
            try:
                from distributed import get_worker
                get_worker()
            except (ImportError, ValueError):
                return ()
            if "KILLALWAYS" in report.text or ("KILLONCE" in report.text and not os.path.exists(ONCE)):
                open(ONCE, "w").close()
                os.kill(os.getpid(), signal.SIGKILL)
            return ()

    @gplint.hookimpl
    def gplint_rules():
        return [Killer]
''')


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    home = tmp_path_factory.mktemp("worker-home")
    before = os.getcwd()
    os.chdir(home)  # the worker processes start (and restart) here
    try:
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            cluster_ = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                    dashboard_address=":0", silence_logs=40)
    finally:
        os.chdir(before)
    client_ = Client(cluster_)
    assert set(client_.run(os.getcwd).values()) == {str(home)}
    yield client_
    client_.close()
    cluster_.close()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """The client's working directory, holding ``reports/`` (relative paths name it)."""
    d = tmp_path_factory.mktemp("client")
    reports = d / "reports"
    synth.write_corpus(str(reports), 12, seed=5, target_bytes=3000)
    for p in sorted(CORPUS.glob("*.txt")):  # real reports with real findings
        shutil.copy(p, reports / p.name)
    (reports / "sub").mkdir()
    shutil.copy(CORPUS / sorted(os.listdir(CORPUS))[0], reports / "sub" / "nested.txt")
    (reports / "empty.txt").write_text("", encoding="utf-8")
    return d


def _cli_jsonl(capsys, *argv):
    main(["--format", "jsonl", "--quiet", "--jobs", "1", *argv])
    return capsys.readouterr().out.splitlines()


def _parts(out):
    return [line for p in sorted(pathlib.Path(out).glob("part-*.jsonl")) for line in p.read_text("utf-8").splitlines()]


def test_relative_paths_from_another_working_directory(client, workdir, capsys, monkeypatch):
    monkeypatch.chdir(workdir)
    summary = cluster.run(["reports", "reports/missing.txt"], "out-rel", client=client, partition_size=4)
    expected = _cli_jsonl(capsys, "reports", "reports/missing.txt")
    assert _parts(workdir / "out-rel") == expected
    assert any('"E001"' in line and "reports/missing.txt" in line for line in expected)
    assert any('"E003"' in line for line in expected) and any('"error"' in line for line in expected)
    assert summary.files == len(list((workdir / "reports").rglob("*.txt"))) + 1
    assert summary.partitions == -(-summary.files // 4) and summary.skipped == 0


def test_absolute_path_and_file_url(client, workdir, capsys, tmp_path):
    reports = str(workdir / "reports")
    cluster.run([reports], str(tmp_path / "abs"), client=client, partition_size=5)
    expected = _cli_jsonl(capsys, reports)
    assert _parts(tmp_path / "abs") == expected
    url = "file://" + reports
    cluster.run([url], "file://" + str(tmp_path / "url"), client=client, partition_size=5)
    assert [line.replace('"path": "file://', '"path": "') for line in _parts(tmp_path / "url")] == expected


def test_an_interrupted_run_resumes_where_it_stopped(client, workdir, capsys, tmp_path):
    reports = str(workdir / "reports")
    out = tmp_path / "resumed"
    first = cluster.run([reports], str(out), client=client, partition_size=6)
    # As if the run had stopped before partition 1 was done (a record is written last).
    (out / cluster.record_name(1)).unlink()
    (out / cluster.part_name(1)).write_text("half a line", encoding="utf-8")
    with pytest.raises(cluster.ClusterError, match="--resume"):
        cluster.run([reports], str(out), client=client, partition_size=6)
    with pytest.raises(cluster.ClusterError, match="other options"):
        cluster.run([reports], str(out), client=client, resume=True, options={"profile": "strict"})
    again = cluster.run([reports], str(out), client=client, partition_size=6, resume=True)
    assert again.skipped == first.partitions - 1
    assert (again.files, again.counts) == (first.files, first.counts)
    assert _parts(out) == _cli_jsonl(capsys, reports)


def test_a_killed_worker_is_retried_and_a_file_that_kills_every_worker_is_a_finding(
        client, workdir, capsys, tmp_path):
    plugin = tmp_path / "killer.py"
    plugin.write_text(KILLER.format(once=str(tmp_path / "killed-once")), encoding="utf-8")
    reports = tmp_path / "reports"
    shutil.copytree(workdir / "reports", reports)
    text = (CORPUS / sorted(os.listdir(CORPUS))[0]).read_text(encoding="utf-8")
    (reports / "kill-once.txt").write_text(text + "\nKILLONCE\n", encoding="utf-8")
    (reports / "kill-always.txt").write_text(text + "\nKILLALWAYS\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = cluster.run([str(reports)], str(out), client=client, partition_size=8,
                          plugin_paths=[str(plugin)], retries=0)
    assert (tmp_path / "killed-once").exists()
    # The partition of kill-always.txt is re-run file by file (and any other that was sent
    # to a worker it killed: Dask counts those as suspects too).
    assert summary.isolated >= 1
    culprit = str(reports / "kill-always.txt")
    got = _parts(out)
    expected = _cli_jsonl(capsys, str(reports))  # (the rule finds nothing: no plugin needed here)
    assert [line for line in got if culprit not in line] == [line for line in expected if culprit not in line]
    mine = [line for line in got if culprit in line]
    assert len(mine) == 1 and '"E900"' in mine[0] and "the worker process linting this file died" in mine[0]


def test_the_command_on_a_cluster_given_its_address(client, workdir, capsys, monkeypatch):
    monkeypatch.chdir(workdir)
    rc = main(["cluster", "reports", "--out", "out-cli", "--address", client.scheduler.address,
               "--partition-size", "7"])
    summary = capsys.readouterr().err
    assert rc == 1 and "error(s)" in summary and "part(s) in out-cli" in summary
    assert _parts(workdir / "out-cli") == _cli_jsonl(capsys, "reports")
    assert main(["cluster", "reports", "--out", "out-cli", "--address", client.scheduler.address]) == 2
    assert "--resume" in capsys.readouterr().err


def test_the_command_starts_a_local_cluster_without_an_address(workdir, capsys, tmp_path):
    reports = str(workdir / "reports" / "sub")
    rc = main(["cluster", reports, "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"])
    assert rc == 1
    assert _parts(tmp_path / "out") == _cli_jsonl(capsys, reports)


def test_the_dask_example_runs_on_the_cluster_given_its_address(client, workdir, capsys, monkeypatch):
    import importlib.util
    import json

    from gplint.batch import findings

    spec = importlib.util.spec_from_file_location("dask_batch", ROOT / "examples" / "dask_batch.py")
    dask_batch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dask_batch)
    monkeypatch.chdir(workdir)
    results = dask_batch.run(["reports"], scheduler="distributed", address=client.scheduler.address, partitions=3)
    main(["--format", "json", "--quiet", "--jobs", "1", "reports"])
    assert findings(results) == json.loads(capsys.readouterr().out)


def test_the_per_file_timeout_holds_on_workers(client, tmp_path):
    from saboteur_plugin import PLUGIN  # a rule that never returns on HANGNOW

    plugin = tmp_path / "saboteur.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    text = (ROOT / "examples" / "mudanjiang-devzone-2024.txt").read_text(encoding="utf-8")  # has an A101
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-hangs.txt").write_text(text + "\nHANGNOW\n", encoding="utf-8")
    (tmp_path / "in" / "b-fine.txt").write_text(text, encoding="utf-8")
    summary = cluster.run([str(tmp_path / "in")], str(tmp_path / "out"), client=client, plugin_paths=[str(plugin)],
                          options={"timeout": 0.5, "select": ["Z999", "A"]})
    lines = _parts(tmp_path / "out")
    assert summary.files == 2
    assert [line for line in lines if "a-hangs.txt" in line] and all(
        '"E901"' in line for line in lines if "a-hangs.txt" in line)
    assert any('"A101"' in line for line in lines if "b-fine.txt" in line)
