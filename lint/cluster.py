"""``gplint cluster``: lint a national year of reports on a Dask cluster.

    gplint cluster REPORTS... --out OUT [--address tcp://scheduler:8786] [--workers N]

The client lists the input files (local paths, paths on a shared file system, or fsspec
URLs such as ``s3://bucket/2024/`` or ``file:///data/reports``) and cuts the list into
partitions of ``--partition-size`` names. Only the names travel through the task graph:
each worker reads its files itself, lints them and writes its partition's findings to
``OUT/part-NNNNN.jsonl`` (exactly the lines ``gplint --format jsonl`` prints for those
files), then a small ``OUT/part-NNNNN.done.json`` record of what it did. Nothing but those
records' counts comes back to the client, so ``cat OUT/part-*.jsonl`` is the run's
``--format jsonl`` output and the client's memory does not grow with the findings.

``OUT/manifest.json`` holds the plan (inputs, options, partitions). A run that was
interrupted is finished with ``--resume``: partitions whose record exists are skipped.
A partition whose task fails (a worker died under it more often than the scheduler
allows, or an exception) is re-run one file a task, and a file that still fails becomes
an E900 finding on that file. The per-file ``--timeout`` holds on workers (E901).

Without ``--address`` a ``dask.distributed.LocalCluster`` with ``--workers`` processes
is started. Relative paths are made absolute on the client, so workers whose working
directory differs read the same files; they must see the same file system (or use URLs).
Paths in the findings are the names the files were given by, as with ``gplint``.

Needs the ``cluster`` extra (``pip install 'gplint[cluster]'``: dask.distributed, fsspec).
"""
from __future__ import annotations

import json
import os
import posixpath
import socket
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Optional, Sequence

from .batch import OptionsLike, to_options
from .engine import E_INTERNAL, E_UNREADABLE, FileResult, LintOptions, input_diagnostic
from .sources import format_size

MANIFEST = "manifest.json"
FORMAT = "gplint-cluster/1"
DEFAULT_PARTITION_SIZE = 250
#: Per-file limit on workers unless the options give one (the command line's default).
DEFAULT_TIMEOUT = 60.0

Item = tuple[str, str]  # (name in the findings, where the worker reads it)


class ClusterError(Exception):
    """A run that cannot start (bad output place, a manifest that does not match)."""


def is_url(path: str) -> bool:
    return "://" in path


# ------------------------------------------------------------------ planning (client)
def plan(inputs: Sequence[str], extensions: Sequence[str], partition_size: int) -> list[list[Item]]:
    """The files of ``inputs`` in the order ``gplint`` lints them, in partitions."""
    from .runner import discover

    items: list[Item] = []
    for given in inputs:
        if is_url(given):
            items.extend(_expand_url(given, extensions))
        else:
            items.extend((path, os.path.abspath(path)) for path in discover([given], extensions))
    size = max(1, partition_size)
    return [items[i:i + size] for i in range(0, len(items), size)]


def _expand_url(url: str, extensions: Sequence[str]) -> list[Item]:
    """A URL naming a folder is walked as ``discover`` walks a directory."""
    import fsspec

    from .walk import is_project_document

    fs, root = fsspec.core.url_to_fs(url)
    if not fs.isdir(root):
        return [(url, url)]
    exts = tuple(e.lower() for e in extensions)
    found = []
    for path in fs.find(root):
        parts = posixpath.relpath(path, root).split("/")
        name = parts[-1]
        if (not any(p.startswith(".") for p in parts) and name.lower().endswith(exts)
                and not is_project_document(name)):
            found.append(path)
    return [(fs.unstrip_protocol(p),) * 2 for p in sorted(found)]


# ------------------------------------------------------------------ linting (workers)
def lint_items(items: Iterable[Item], options: dict, plugin_paths: Sequence[str]) -> Iterable[FileResult]:
    """Lint each ``(name, location)``, results named by ``name``, whatever goes wrong a finding."""
    from .plugins import shared_registry
    from .runner import RuleChoice, guarded, lint_one

    registry = shared_registry(plugin_paths)
    opts = LintOptions(**options)
    choice = RuleChoice()
    for name, location in items:
        if is_url(location):
            res = guarded(name, opts, lambda: _lint_url(name, location, registry, opts))
            res.report = None
        else:
            res = lint_one(location, registry, opts, choice)
        if res.path != name:
            res = FileResult(name, [d.with_path(name) for d in res.diagnostics], res.error)
        yield res


def _lint_url(name: str, url: str, registry: Any, opts: LintOptions) -> FileResult:
    import fsspec

    from .batch import _lint_item

    document = os.path.splitext(name)[1].lower() in registry.readers
    limit = opts.max_bytes * 4 if document else opts.max_bytes  # as gplint.engine.read_source
    try:
        with fsspec.open(url, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        return _unreadable(name, "no such file")
    except (OSError, ValueError) as exc:
        return _unreadable(name, f"cannot read: {exc}")
    if len(data) > limit:
        return _unreadable(name, f"file too large to be a report (over {format_size(limit)}; "
                                 "raise the limit with --max-size)")
    return _lint_item(name, data, registry, opts)


def _unreadable(name: str, why: str) -> FileResult:
    return FileResult(name, [input_diagnostic(E_UNREADABLE, f"无法读取 ({why})", name)], error=why)


def lint_partition_to_part(index: int, items: Sequence[Item], out: str, options: dict,
                           plugin_paths: Sequence[str]) -> dict:
    """A worker's task: lint one partition, write its part and its record; return the record."""
    return write_part(out, index, lint_items(items, options, plugin_paths))


def lint_items_to_list(items: Sequence[Item], options: dict, plugin_paths: Sequence[str]) -> list[FileResult]:
    """A worker's task when a partition is re-run one file at a time."""
    return list(lint_items(items, options, plugin_paths))


# ------------------------------------------------------------------ output parts
def part_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def record_name(index: int) -> str:
    return f"part-{index:05d}.done.json"


def write_part(out: str, index: int, results: Iterable[FileResult]) -> dict:
    """Write the JSONL lines of ``results`` as they come, then the part's record.

    The part is written under a temporary name and moved into place, then the record is
    written: a record means its part is complete (a resumed run trusts nothing else)."""
    import fsspec

    from .formatters import format_jsonl
    from .runner import Tally

    fs, root = fsspec.core.url_to_fs(out)
    tally = Tally()
    started = time.monotonic()
    final = posixpath.join(root, part_name(index))
    temporary = f"{final}.{uuid.uuid4().hex}.tmp"
    with fs.open(temporary, "w", encoding="utf-8") as fh:
        for res in results:
            fh.write(format_jsonl([tally.add(res)], {}))
    fs.mv(temporary, final)
    record = {"part": index, "files": tally.files, "counts": tally.counts,
              "seconds": round(time.monotonic() - started, 3), "host": socket.gethostname()}
    with fs.open(posixpath.join(root, record_name(index)), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(record))
    return record


# ------------------------------------------------------------------ the run (client)
@dataclass
class Summary:
    files: int = 0
    counts: dict = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    partitions: int = 0
    skipped: int = 0  #: partitions done by an earlier run (``resume``)
    isolated: int = 0  #: partitions re-run one file a task after their task failed

    def add(self, record: dict) -> None:
        self.files += record["files"]
        for severity, n in record["counts"].items():
            self.counts[severity] = self.counts.get(severity, 0) + n


def run(inputs: Sequence[str], out: str, *, options: OptionsLike = None, address: Optional[str] = None,
        workers: Optional[int] = None, plugin_paths: Sequence[str] = (), resume: bool = False,
        partition_size: int = DEFAULT_PARTITION_SIZE, retries: int = 2, client: Any = None) -> Summary:
    """Lint ``inputs`` on a Dask cluster into parts under ``out`` (see the module docstring).

    ``client``: an existing ``dask.distributed.Client`` to use; else one for ``address``;
    else a ``LocalCluster`` of ``workers`` processes started for this run."""
    import fsspec

    from .plugins import shared_registry
    from .runner import TEXT_EXTENSIONS

    out = out if is_url(out) else os.path.abspath(out)
    plugins = [os.path.abspath(p) for p in plugin_paths]
    opts = json.loads(json.dumps(asdict(to_options(options))))  # as the manifest holds them
    if opts["timeout"] is None:
        opts["timeout"] = DEFAULT_TIMEOUT
    fs, root = fsspec.core.url_to_fs(out)
    fs.makedirs(root, exist_ok=True)
    manifest_path = posixpath.join(root, MANIFEST)
    if fs.exists(manifest_path):
        partitions = _resumed_plan(fs, manifest_path, resume, opts, plugins)
    else:
        registry = shared_registry(plugins)  # here too: a bad plugin stops the run before it starts
        partitions = plan(inputs, tuple(TEXT_EXTENSIONS) + tuple(sorted(registry.readers)), partition_size)
        manifest = {"format": FORMAT, "inputs": list(inputs), "options": opts, "plugins": plugins,
                    "files": sum(map(len, partitions)), "partitions": partitions}
        with fs.open(manifest_path, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False)
    summary = Summary(partitions=len(partitions))
    todo = []
    for index in range(len(partitions)):
        record = _read_record(fs, posixpath.join(root, record_name(index)))
        if record is None:
            todo.append(index)
        else:
            summary.add(record)
            summary.skipped += 1
    if todo:
        with _Session(client, address, workers) as active:
            _compute(active, partitions, todo, out, opts, plugins, retries, summary)
    return summary


def _resumed_plan(fs: Any, manifest_path: str, resume: bool, opts: dict, plugins: list) -> list:
    if not resume:
        raise ClusterError(f"{manifest_path} exists: the output already holds a run "
                           "(--resume to finish it, or choose another --out)")
    with fs.open(manifest_path, "r", encoding="utf-8") as fh:
        manifest = json.load(fh)
    if manifest.get("format") != FORMAT:
        raise ClusterError(f"{manifest_path} is not a gplint cluster manifest")
    if manifest["options"] != opts or manifest["plugins"] != plugins:
        raise ClusterError(f"--resume with other options or plugins than the run in {manifest_path} "
                           f"(it used {manifest['options']}, plugins {manifest['plugins']})")
    return [[tuple(item) for item in part] for part in manifest["partitions"]]


def _read_record(fs: Any, path: str) -> Optional[dict]:
    try:
        with fs.open(path, "r", encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return None
    except ValueError:  # a record cut short: its part is redone
        return None


class _Session:
    """The client to use, and the LocalCluster started for it if any (closed on exit)."""

    def __init__(self, given: Any, address: Optional[str], workers: Optional[int]) -> None:
        self.given, self.address, self.workers = given, address, workers
        self.owned: list = []

    def __enter__(self) -> Any:
        if self.given is not None:
            return self.given
        import logging

        from distributed import Client, LocalCluster

        if self.address:
            client = Client(self.address)
        else:
            from .runner import default_jobs

            cluster = LocalCluster(n_workers=self.workers or default_jobs(), threads_per_worker=1,
                                   processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
            self.owned.append(cluster)
            client = Client(cluster)
        self.owned.insert(0, client)
        return client

    def __exit__(self, *exc: Any) -> None:
        for thing in self.owned:
            thing.close()


def _compute(client: Any, partitions: list, todo: list[int], out: str, opts: dict, plugins: list,
             retries: int, summary: Summary) -> None:
    from distributed import as_completed

    run_id = uuid.uuid4().hex[:8]
    futures = {client.submit(lint_partition_to_part, i, partitions[i], out, opts, plugins,
                             key=f"gplint-part-{i:05d}-{run_id}", retries=retries, pure=False): i for i in todo}
    for future in as_completed(futures):
        index = futures.pop(future)
        try:
            record = future.result()
        except Exception:  # noqa: BLE001 - KilledWorker, or whatever the task raised: isolate
            record = _isolate(client, index, partitions[index], out, opts, plugins, run_id)
            summary.isolated += 1
        summary.add(record)
        future.release()


def _isolate(client: Any, index: int, items: Sequence[Item], out: str, opts: dict, plugins: list,
             run_id: str) -> dict:
    """Re-run a failed partition one file a task; the client writes its part (one
    partition's results, a bounded amount).

    When a worker dies, Dask blames every task it was running or holding, so a file whose
    task fails here may be a bystander: it is tried once more with no other file of this
    partition in flight, and only a file that fails then too is an E900 finding."""
    def submit(n: int, item: Item, attempt: int) -> Any:
        return client.submit(lint_items_to_list, [item], opts, plugins, retries=0, pure=False,
                             key=f"gplint-file-{index:05d}-{n}-{attempt}-{run_id}")

    futures = [submit(n, item, 0) for n, item in enumerate(items)]
    results = []
    for n, (item, future) in enumerate(zip(items, futures)):
        try:
            results.extend(future.result())
            continue
        except Exception:  # noqa: BLE001 - a suspect: alone now
            pass
        try:
            results.extend(submit(n, item, 1).result())
        except Exception as exc:  # noqa: BLE001 - this file breaks its worker: a finding on it
            name = item[0]
            # (A fixed message for a dead worker: a baseline's fingerprint is made from it.)
            what = ("the worker process linting this file died" if type(exc).__name__ == "KilledWorker"
                    else f"the worker linting this file failed: {type(exc).__name__}: {exc}")
            results.append(FileResult(name, [input_diagnostic(E_INTERNAL, f"内部错误，未能检查此文件 ({what})", name)],
                                      error=what))
    return write_part(out, index, results)
