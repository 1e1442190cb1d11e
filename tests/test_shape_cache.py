"""The shape cache (gplint.shape_cache): what Lark made of the grammar, kept between runs.

Results never depend on it: a reader built from the saved file reads every line as a reader
built from Lark does, and needs Lark only for a line of a shape the file does not hold.
"""
from __future__ import annotations

import importlib
import json
import os
import pathlib
import subprocess
import sys

import pytest

from gplint import grammar, shape_cache
from gplint.grammar import LineReader, get_parser, lexicon_of

ROOT = pathlib.Path(__file__).parent
KEY = shape_cache.cache_key(grammar.grammar_text())


def _corpus_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return sorted({ln.rstrip("\r") for t in texts for ln in t.split("\n")})


def _lark_reader() -> LineReader:
    parser = get_parser()
    return LineReader(lexicon_of(parser), parser)


def test_round_trip(tmp_path):
    reader = _lark_reader()
    for raw in ("一、总体情况", "| 行政许可 | 12 | 3 |", "（一）予以公开 12 1 0 0 0 0 13", "- 3 -"):
        reader.read_record(raw)
    plans = {**reader.plans.old, **reader.plans.young}
    path = str(tmp_path / "shapes.tsv")
    shape_cache.save(path, KEY, reader.lexicon, plans)
    lexicon, loaded = shape_cache.load(path, KEY)
    assert lexicon == reader.lexicon
    assert loaded == plans
    assert all(isinstance(plan, tuple) for plan in loaded.values())


def test_saved_reader_reads_as_lark_does_and_leaves_lark_alone(tmp_path):
    lines = _corpus_lines()
    lark = _lark_reader()
    expected = [lark.read_record(raw) for raw in lines]
    path = str(tmp_path / "shapes.tsv")
    shape_cache.save(path, KEY, lark.lexicon, {**lark.plans.old, **lark.plans.young})
    lexicon, plans = shape_cache.load(path, KEY)
    saved = LineReader(lexicon, plans=plans)
    assert [saved.read_record(raw) for raw in lines] == expected
    assert saved._parser is None  # every shape was in the file: Lark never needed
    saved.read_record("前所未见 1 之 2 后 3 者 4 又 5 一 6 行 7 八 8")  # a new shape
    assert saved._parser is not None


_LEXICON = {"pattern": "x", "flags": 0, "usable": True, "separators": None}


@pytest.mark.parametrize("content", [
    "", "not json", "[]", '{"format": 2}', json.dumps({"format": 2, "key": "another"}),
    json.dumps({"format": 1, "key": KEY, "lexicon": _LEXICON}),  # the JSON file of format 1
    json.dumps({"format": 2, "key": KEY, "lexicon": {"pattern": "x"}}),
    json.dumps({"format": 2, "key": KEY, "lexicon": _LEXICON}) + "\nNUMBER TEXT no tab\n",
])
def test_a_damaged_or_stale_file_is_ignored(tmp_path, content):
    path = tmp_path / "shapes.tsv"
    path.write_text(content, encoding="utf-8")
    assert shape_cache.load(str(path), KEY) is None


def test_missing_file_and_unwritable_place(tmp_path):
    assert shape_cache.load(str(tmp_path / "none.json"), KEY) is None
    reader = _lark_reader()
    target = tmp_path / "no-such-dir" / "shapes.tsv"
    shape_cache.save(str(target), KEY, reader.lexicon, {})  # no error, no file
    assert not target.exists()


def test_save_merges_with_the_file_and_is_bounded(tmp_path, monkeypatch):
    reader = _lark_reader()
    path = str(tmp_path / "shapes.tsv")
    shape_cache.save(path, KEY, reader.lexicon, {("A",): ("blank",)})
    shape_cache.save(path, KEY, reader.lexicon, {("B",): ("blank",)})
    assert set(shape_cache.load(path, KEY)[1]) == {("A",), ("B",)}
    monkeypatch.setattr(shape_cache, "MAX_SHAPES", 3)
    shape_cache.save(path, KEY, reader.lexicon, {(f"C{i}",): ("blank",) for i in range(5)})
    kept = shape_cache.load(path, KEY)[1]
    assert len(kept) == 3 and all(k[0].startswith("C") for k in kept)  # the newest first


def test_key_follows_grammar_and_versions():
    assert shape_cache.cache_key("start: line") != shape_cache.cache_key("start: line2")
    assert shape_cache.cache_key("x") == shape_cache.cache_key("x")
    assert shape_cache._lark_version() not in ("", "?")


def _run(env: dict, tmp: pathlib.Path) -> subprocess.CompletedProcess:
    code = ("import sys, gplint; from gplint.grammar import _get_lexer;"
            "print(len(gplint.lint_text(open(sys.argv[1], encoding='utf-8').read())));"
            "print('lark' in sys.modules)")
    return subprocess.run([sys.executable, "-c", code, str(ROOT / "corpus" / "001_98c801d9a8639466.txt")],
                          capture_output=True, text=True, env={**os.environ, **env}, cwd=tmp)


def test_a_second_run_does_not_import_lark_and_finds_the_same(tmp_path):
    env = {"GPLINT_CACHE_DIR": str(tmp_path)}
    first = _run(env, tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split()[1] == "True"  # nothing saved yet: Lark read the lines
    assert any(p.name.endswith("shapes.tsv") for p in tmp_path.iterdir())
    second = _run(env, tmp_path)
    assert second.stdout.split() == [first.stdout.split()[0], "False"]
    off = _run({**env, "GPLINT_NO_SHAPE_CACHE": "1"}, tmp_path)
    assert off.stdout.split() == [first.stdout.split()[0], "True"]


@pytest.mark.parametrize("module", ["grammar", "line_shaper", "line_records", "line_reader"])
def test_key_follows_the_code_that_makes_plans(module, tmp_path, monkeypatch):
    """Plans are made by gplint.line_shaper and read by the line modules beside it: an edit
    there (same version number, same grammar) must not reuse the plans an older shaper made."""
    code = importlib.import_module(f"gplint.{module}")
    before = shape_cache.cache_key("g")
    edited = tmp_path / f"{module}.py"
    edited.write_text(pathlib.Path(code.__file__).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(code, "__file__", str(edited))
    assert shape_cache.cache_key("g") != before


def test_plans_made_in_this_run_are_kept_when_the_file_is_full(tmp_path, monkeypatch):
    """Before: the plans loaded from the file were written first, so a full file never took
    a new shape, and every run meeting that shape imported Lark again."""
    monkeypatch.setenv("GPLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(shape_cache, "MAX_SHAPES", 4)
    reader = _lark_reader()
    old = {(f"OLD{i}",): ("blank",) for i in range(4)}
    fresh = LineReader(reader.lexicon, get_parser(), plans=old)
    fresh.read_record("行政许可 12 3 一、总体情况")  # a shape the file does not hold
    fresh.save_shapes()
    kept = shape_cache.load(grammar.shape_cache_path(), shape_cache.cache_key(grammar.grammar_text()))[1]
    assert len(kept) == 4 and any(not k[0].startswith("OLD") for k in kept)


def test_a_single_file_on_the_command_line_saves_its_new_shapes(tmp_path):
    """The file is linted in a forked child, which ends with os._exit (no atexit save):
    before, the shapes it met were never saved and every cold run imported Lark."""
    env = {**os.environ, "GPLINT_CACHE_DIR": str(tmp_path / "cache"), "GPLINT_NO_CACHE": "1"}
    report = str(ROOT / "corpus" / "001_98c801d9a8639466.txt")

    def lark_imported() -> bool:
        run = subprocess.run([sys.executable, "-X", "importtime", "-m", "gplint", report],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
        return any(line.rstrip().endswith(("| lark", "|   lark")) or " lark" in line.split("|")[-1]
                   for line in run.stderr.splitlines() if line.startswith("import time"))

    assert lark_imported()  # an empty cache: Lark reads the lines, the child saves them
    assert not lark_imported()


def test_a_damaged_plan_is_a_shape_to_make_again(tmp_path):
    """Plans are decoded when their shape is read: one damaged line costs that shape's
    plan (Lark makes it again), not the file."""
    reader = _lark_reader()
    reader.read_record("一、总体情况")
    path = tmp_path / "shapes.tsv"
    shape_cache.save(str(path), KEY, reader.lexicon, {**reader.plans.old, **reader.plans.young})
    head, *lines = path.read_text(encoding="utf-8").splitlines()
    shape = lines[0].split("\t")[0]
    path.write_text("\n".join([head, shape + "\t{not json", *lines[1:]]) + "\n", encoding="utf-8")
    plans = shape_cache.load(str(path), KEY)[1]
    assert plans.get(tuple(shape.split(" "))) is None
    saved = LineReader(reader.lexicon, plans=plans)
    assert saved.read_record("一、总体情况") == reader.read_record("一、总体情况")
