"""gplint.entry_points reads what importlib.metadata.entry_points(group=...) reads, or
says it cannot (None) so that the plugin host asks importlib.metadata itself."""
from __future__ import annotations

import importlib
import importlib.metadata
import sys
import zipfile
from importlib.machinery import PathFinder
from pathlib import Path

import pytest

from gplint import plugins
from gplint.entry_points import EntryPoint, read_entry_points

GROUP = "gplint"


def _dist(root: Path, dirname: str, entry_points: str | None) -> Path:
    d = root / dirname
    d.mkdir(parents=True)
    name = dirname.rpartition(".")[0].partition("-")[0]
    (d / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    if entry_points is not None:
        (d / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return d


def _by_metadata(monkeypatch, path: list[str], group: str = GROUP):
    """importlib.metadata's answer with ``path`` as sys.path: sorted (name, value) pairs or
    the type of the error it raises."""
    monkeypatch.setattr(sys, "path", path)
    importlib.invalidate_caches()  # importlib.metadata caches each directory's listing
    try:
        eps = importlib.metadata.entry_points(group=group)
    except Exception as exc:  # noqa: BLE001
        return type(exc)
    return sorted((ep.name, ep.value) for ep in eps)


def _by_reader(path: list[str], group: str = GROUP):
    eps = read_entry_points(group, path)
    return None if eps is None else sorted(eps)


@pytest.fixture(autouse=True)
def standard_finders(monkeypatch):
    """Only the standard PathFinder lists distributions, as in a ``gplint`` process. (An
    earlier test may have imported the importlib_metadata backport, which adds its own
    finder and takes find_distributions off PathFinder: then the reader declines.)"""
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if f is PathFinder
                                           or getattr(f, "find_distributions", None) is None])
    if getattr(PathFinder, "find_distributions", None) is None:
        monkeypatch.setattr(PathFinder, "find_distributions",
                            staticmethod(importlib.metadata.MetadataPathFinder.find_distributions), raising=False)


def _same_as_metadata(monkeypatch, path: list[str], group: str = GROUP) -> list:
    if sys.version_info < (3, 11):
        assert _by_reader(path, group) is None  # 3.10: always importlib.metadata's answer
        pytest.skip("on Python 3.10 the reader defers to importlib.metadata")
    ours = _by_reader(path, group)
    assert ours is not None
    assert ours == _by_metadata(monkeypatch, path, group)
    return ours


def test_sections_comments_and_spacing(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _dist(site, "alpha-1.0.dist-info",
          "name_before_any_section = ignored\n"
          "[console_scripts]\nalpha = alpha.cli:main\n\n"
          "[gplint]\n# a comment\n  rules =  alpha.rules  \nfmt=alpha.fmt:Formatters.all [pdf]\n"
          "[other]\nx = y\n[gplint]\nagain = alpha.again\n")
    _dist(site, "beta_pkg-2.0.dist-info", "[gplint]\nbeta = beta_pkg\n[ gplint ]\nnot_this = one\n")
    _dist(site, "gamma-1.0.dist-info", None)  # no entry_points.txt at all
    found = _same_as_metadata(monkeypatch, [str(site)])
    assert ("again", "alpha.again") in found and ("beta", "beta_pkg") in found and len(found) == 4


def test_first_distribution_of_a_name_hides_later_ones(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    _dist(first, "Foo_Bar-1.0.dist-info", None)
    _dist(second, "foo.bar-2.0.dist-info", "[gplint]\nhidden = foo_bar\n")
    _dist(second, "other-1.0.dist-info", "[gplint]\nshown = other\n")
    assert _same_as_metadata(monkeypatch, [str(first), str(second)]) == [("shown", "other")]
    assert _same_as_metadata(monkeypatch, [str(second), str(first)]) == [("hidden", "foo_bar"), ("shown", "other")]


def test_egg_info_directories_files_and_missing_entries(tmp_path, monkeypatch):
    site = tmp_path / "site"
    _dist(site, "legacy.egg-info", "[gplint]\nlegacy = legacy_rules\n")  # setup.py develop
    (site / "distutils_pkg-1.0.egg-info").write_text("Metadata-Version: 1.1\nName: distutils-pkg\n", encoding="utf-8")
    found = _same_as_metadata(monkeypatch, [str(site), str(tmp_path / "missing"), str(tmp_path / "site")])
    assert found == [("legacy", "legacy_rules")]


def test_the_current_directory_entry(tmp_path, monkeypatch):
    _dist(tmp_path, "here-1.0.dist-info", "[gplint]\nhere = here_rules\n")
    monkeypatch.chdir(tmp_path)
    assert _same_as_metadata(monkeypatch, [""]) == [("here", "here_rules")]


def test_this_environment(monkeypatch):
    for group in (GROUP, "console_scripts", "pytest11"):
        _same_as_metadata(monkeypatch, list(sys.path), group)


@pytest.mark.parametrize("case", ["entry_without_equals", "zip_on_path", "unpacked_egg", "upper_case_suffix",
                                  "nameless_directory", "undecodable"])
def test_cases_left_to_importlib_metadata(tmp_path, case):
    site = tmp_path / "site"
    site.mkdir()
    if case == "entry_without_equals":  # importlib.metadata raises on it, in any section
        _dist(site, "bad-1.0.dist-info", "[console_scripts]\nno equals sign here\n")
    elif case == "zip_on_path":
        with zipfile.ZipFile(tmp_path / "site.zip", "w") as zf:
            zf.writestr("zipped-1.0.dist-info/entry_points.txt", "[gplint]\nzipped = zipped\n")
        site = tmp_path / "site.zip"
    elif case == "unpacked_egg":
        egg = site / "eggy-1.0-py3.11.egg"
        _dist(egg, "EGG-INFO.tmp", None).rename(egg / "EGG-INFO")
        site = egg
    elif case == "upper_case_suffix":  # its name then comes from METADATA
        _dist(site, "Shouty-1.0.DIST-INFO", "[gplint]\nshouty = shouty\n")
    elif case == "nameless_directory":
        _dist(site, "-1.0.dist-info", "[gplint]\nnameless = nameless\n")
    elif case == "undecodable":
        _dist(site, "latin-1.0.dist-info", None)
        (site / "latin-1.0.dist-info" / "entry_points.txt").write_bytes("[gplint]\nx = caf\xe9\n".encode("latin-1"))
    assert read_entry_points(GROUP, [str(site)]) is None


def test_a_finder_that_lists_distributions_leaves_it_to_importlib_metadata(tmp_path, monkeypatch):
    class ListsDistributions:
        @staticmethod
        def find_spec(*args):
            return None

        @staticmethod
        def find_distributions(context=None):
            return iter(())

    _dist(tmp_path, "here-1.0.dist-info", "[gplint]\nhere = here_rules\n")
    assert _same_as_metadata(monkeypatch, [str(tmp_path)]) == [("here", "here_rules")]
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, ListsDistributions])
    assert read_entry_points(GROUP, [str(tmp_path)]) is None


def test_path_finder_without_find_distributions_leaves_it_to_importlib_metadata(tmp_path, monkeypatch):
    _dist(tmp_path, "here-1.0.dist-info", "[gplint]\nhere = here_rules\n")
    monkeypatch.delattr(PathFinder, "find_distributions")
    assert read_entry_points(GROUP, [str(tmp_path)]) is None


def _loaded(load):
    try:
        return ("ok", load())
    except Exception as exc:  # noqa: BLE001
        return (type(exc), str(exc))


@pytest.mark.parametrize("value", [
    "gplint.rules", "gplint.plugins:Registry.sorted_rules", "gplint.rules [extra, other]", "os.path : join ",
    "not a value!", "gplint_no_such_module_anywhere", "gplint:no_such_attribute", "gplint.plugins:Registry.nope",
])
def test_load_finds_and_fails_as_importlib_metadata(value):
    theirs = importlib.metadata.EntryPoint(name="x", value=value, group=GROUP)
    assert _loaded(EntryPoint("x", value).load) == _loaded(theirs.load)


def test_registry_falls_back_to_importlib_metadata(monkeypatch):
    quick = plugins.build_registry()
    monkeypatch.setattr(plugins, "read_entry_points", lambda group: None)
    slow = plugins.build_registry()
    assert sorted(quick.rules) == sorted(slow.rules) and len(quick.rules) > 40
    assert sorted(quick.formatters) == sorted(slow.formatters) and sorted(quick.readers) == sorted(slow.readers)
