"""gplint.batch: plain-data results equal to the command line's, for texts, bytes and paths."""
from __future__ import annotations

import json
import pathlib
import sys

import pytest

from gplint.batch import findings, lint_partition, lint_paths, lint_texts, to_options
from gplint.cli import main
from gplint.dump import report_to_dict
from gplint import parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))
import synth  # noqa: E402

CORPUS = pathlib.Path(__file__).parent / "corpus"


def _cli_json(capsys, *args) -> list:
    main(["--format", "json", "--quiet", *args])
    return json.loads(capsys.readouterr().out)


def test_lint_paths_equals_cli_json(capsys):
    results = list(lint_paths([str(CORPUS)]))
    assert all(json.loads(json.dumps(r)) == r for r in results)  # JSON-able, unchanged
    # Directories expand as the CLI expands them, subfolders too (tests/corpus/crawled):
    # report files, not the folder's README.
    assert [r["path"] for r in results] == sorted(str(p) for p in CORPUS.rglob("*")
                                                  if p.suffix in (".txt", ".md") and p.stem.lower() != "readme")
    cli = _cli_json(capsys, str(CORPUS))
    assert findings(results) == cli
    assert cli  # the corpus has findings: the comparison is not of two empty lists


def test_lint_paths_parallel_same(capsys):
    assert list(lint_paths([str(CORPUS)], jobs=2)) == list(lint_paths([str(CORPUS)]))


def test_lint_texts_str_and_bytes_equal_files():
    paths = sorted(CORPUS.glob("*.txt"))
    by_path = {r["path"]: r for r in lint_paths([str(p) for p in paths])}
    as_text = list(lint_texts((str(p), p.read_text(encoding="utf-8")) for p in paths))
    as_bytes = list(lint_texts((str(p), p.read_bytes()) for p in paths))
    assert as_text == as_bytes == [by_path[str(p)] for p in paths]


def test_crlf_text_gives_the_same_lines_as_the_file():
    text = (CORPUS / "002_bcc8f195f7d4f0d8.txt").read_text(encoding="utf-8")
    lf = next(lint_texts([("x.txt", text)]))
    crlf = next(lint_texts([("x.txt", text.replace("\n", "\r\n"))]))
    assert crlf == lf and lf["diagnostics"]


def test_errors_are_results():
    out = list(lint_texts([("empty.txt", ""), ("bin.txt", b"\x00\xff" * 50), ("ok.txt", "一、总体情况\n")]))
    assert [r["path"] for r in out] == ["empty.txt", "bin.txt", "ok.txt"]
    assert out[0]["error"] and out[0]["diagnostics"][0]["code"] == "E003"
    assert out[1]["error"] and out[1]["diagnostics"][0]["code"] == "E002"


def test_options_dict_and_unknown_key():
    text = (CORPUS / "002_bcc8f195f7d4f0d8.txt").read_text(encoding="utf-8")
    everything = next(lint_texts([("a", text)]))["diagnostics"]
    only_a = next(lint_texts([("a", text)], {"select": ["A"]}))["diagnostics"]
    assert only_a and all(d["code"].startswith("A") for d in only_a)
    assert len(only_a) < len(everything)
    with pytest.raises(ValueError, match="unknown option"):
        to_options({"selekt": ["A"]})


def test_partition_mixes_paths_and_texts():
    p = sorted(CORPUS.glob("*.txt"))[0]
    out = lint_partition([str(p), ("named.txt", p.read_text(encoding="utf-8"))])
    assert out[0]["diagnostics"] == [dict(d, path=str(p)) for d in out[1]["diagnostics"]]


@pytest.mark.parametrize("layout", synth.LAYOUTS)
def test_synthetic_reports_are_consistent_and_read_back(layout):
    """The bench generator's reports parse back to exactly the values it wrote."""
    for seed in range(5):
        text, truth = synth.make_report(seed, layout, target_bytes=8000)
        assert 7500 <= len(text.encode("utf-8")) <= 9500
        t3 = truth["t3"]
        for col in synth.COLS:  # the identities hold by construction
            assert t3["R24"][col] == sum(t3[r][col] for r in synth.LEAVES)
            assert t3["R01"][col] + t3["R02"][col] == t3["R24"][col] + t3["R25"][col]
        got = report_to_dict(parse(text))
        assert got["year"] == truth["year"]
        assert got["t2"] == truth["t2"]
        assert {r: got["t3"][r] for r in t3} == t3
        assert got["t4"] == truth["t4"]
        # A consistent report: no arithmetic finding.
        diags = next(lint_texts([("s.txt", text)]))["diagnostics"]
        assert not [d for d in diags if d["category"] == "arithmetic"], diags


def test_lint_texts_gives_up_a_text_past_its_timeout(monkeypatch):
    """A text that runs past ``timeout`` is an E901 result for that name; the next text is
    linted (the timer applies in the main thread, as here)."""
    import gplint.reader as build
    from gplint.batch import lint_texts

    # (The engine parses the text it has already made as read: gplint.reader.parse_read.)
    real_parse = build.parse_read

    def parse(text, *args, **kwargs):
        while "HANGNOW" in text:
            pass
        return real_parse(text, *args, **kwargs)

    monkeypatch.setattr(build, "parse_read", parse)
    good = (pathlib.Path(__file__).parent / "corpus" / "001_98c801d9a8639466.txt").read_text(encoding="utf-8")
    out = list(lint_texts([("hang.txt", good + "\nHANGNOW\n"), ("ok.txt", good)], {"timeout": 0.5}))
    assert [d["code"] for d in out[0]["diagnostics"]] == ["E901"]
    assert "E901" not in [d["code"] for d in out[1]["diagnostics"]] and out[1]["error"] is None
