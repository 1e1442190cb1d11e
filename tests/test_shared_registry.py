"""``gplint.lint_text`` and ``gplint.batch`` build the rule registry once per process and plugin set."""
from __future__ import annotations

import pathlib

import gplint
from gplint import plugins

EXAMPLE = pathlib.Path(__file__).resolve().parents[1] / "examples" / "mudanjiang-devzone-2024.txt"


def test_lint_text_builds_the_registry_once(monkeypatch):
    built = []
    real = plugins.build_registry

    def counting(*args, **kwargs):
        built.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(plugins, "build_registry", counting)
    plugins.clear_shared_registries()
    text = EXAMPLE.read_text(encoding="utf-8")
    first = gplint.lint_text(text, path="a.txt")
    second = gplint.lint_text(text, path="a.txt")
    assert len(built) == 1
    assert first == second and any(d.severity == "error" for d in first)
    plugins.clear_shared_registries()
    gplint.lint_text(text)
    assert len(built) == 2


def test_one_registry_per_plugin_set(tmp_path):
    module = tmp_path / "extra_rules.py"
    module.write_text("", encoding="utf-8")
    plain = plugins.shared_registry()
    with_module = plugins.shared_registry([str(module)])
    assert plugins.shared_registry() is plain
    assert plugins.shared_registry([str(module)]) is with_module
    assert with_module is not plain
