"""examples/dask_batch.py on Dask's local schedulers gives what ``gplint --format json`` gives."""
from __future__ import annotations

import importlib.util
import json
import pathlib
import sys

import pytest

pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'gplint[dask]', or the test extra)")

from gplint.batch import findings  # noqa: E402
from gplint.cli import main  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = pathlib.Path(__file__).parent / "corpus"
sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


def _example():
    spec = importlib.util.spec_from_file_location("dask_batch", ROOT / "examples" / "dask_batch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("dask")
    synth.write_corpus(str(d), 20, seed=3, target_bytes=3000)
    # Real reports with real findings, so equality is not between empty lists.
    for p in sorted(CORPUS.glob("*.txt")):
        (d / p.name).write_bytes(p.read_bytes())
    return str(d)


def _cli(capsys, path):
    main(["--format", "json", "--quiet", "--jobs", "1", path])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("scheduler,partitions", [("synchronous", 4), ("processes", 2)])
def test_dask_same_findings_as_cli(small_corpus, capsys, scheduler, partitions):
    dask_batch = _example()
    results = dask_batch.run([small_corpus], scheduler=scheduler, partitions=partitions)
    cli = _cli(capsys, small_corpus)
    assert len(results) == 32
    assert findings(results) == cli
    assert cli


def test_example_main_prints_cli_json(small_corpus, capsys):
    rc = _example().main([small_corpus, "--scheduler", "synchronous", "--partitions", "3"])
    out = json.loads(capsys.readouterr().out)
    assert out == _cli(capsys, small_corpus)
    assert rc == 1  # the corpus has errors


def test_dask_records_from_the_driver_what_the_cli_records(small_corpus, tmp_path, capsys, monkeypatch):
    """Workers return records, the driver writes them: the same store as ``--record``."""
    import sqlite3

    dask_db, cli_db = tmp_path / "dask.sqlite", tmp_path / "cli.sqlite"
    assert _example().main([small_corpus, "--scheduler", "processes", "--partitions", "3",
                            "--record", str(dask_db)]) == 1
    capsys.readouterr()
    monkeypatch.setenv("GPLINT_HISTORY", str(cli_db))  # --record alone: the default store
    main(["--quiet", "--jobs", "1", "--record", "--format", "json", small_corpus])
    capsys.readouterr()

    def rows(db):
        with sqlite3.connect(db) as con:
            return sorted(con.execute("SELECT content_hash, agency, year, tables, findings FROM reports"))

    assert rows(dask_db) == rows(cli_db) and len(rows(cli_db)) >= 20
