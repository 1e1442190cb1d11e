"""Rule documentation from the rules' docstrings: ``gplint rule CODE`` and ``docs/rules.md``.

``python -m gplint.docs`` (or ``tools/gen_rule_docs.py``) rewrites ``docs/rules.md``;
``python -m gplint.docs --check`` exits 1 when the file is out of date. The docstring
format is described in :mod:`gplint.testing`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from .diagnostics import Rule

HEADER = """# gplint rules

Generated from the rules' docstrings by `python -m gplint.docs` (or
`tools/gen_rule_docs.py`); do not edit by hand. `gplint rules` lists the same rules and
`gplint rule CODE` prints one of them.

Profiles: `default` is what a plain `gplint FILE` reports; `strict` (`--rules strict`) adds
the rules marked strict. Severities: error, warning, info. "docs/format.md §N" is a section
of [the format description](format.md). Formats: the reports a rule checks, by the format
they follow (`Report.format_version`): `2021` and `2019` are the national formats; `2008`
is a report on 2018 or an earlier year, before any national format (docs/format.md §1.2),
which only the rules that hold for any report check.

Examples that start with `…` are fragments: the sentences or table rows
that matter, which stand in the standard example report (`gplint.testing.example_report`:
the prose in 一、总体情况 unless a section heading says otherwise, a table row in place of
the row with its label, a title or preface line in place of the report's; `~~…~~` takes a
section, a table or a row out; a history rule's `Previous` report is the example report on
the year before). A value marked ⟦…⟧ is what the rule points at: the tests check that the
Bad example's finding stands there.
"""


def clean_doc(doc: Optional[str]) -> str:
    """Like :func:`inspect.cleandoc` but tabs are kept (tab-separated tables are examples)."""
    if not doc:
        return ""
    lines = doc.splitlines()
    first = lines[0].strip() if lines else ""
    rest = lines[1:]
    indents = [len(ln) - len(ln.lstrip(" ")) for ln in rest if ln.strip()]
    cut = min(indents) if indents else 0
    body = [ln[cut:] if ln[:cut].strip(" ") == "" else ln.lstrip(" ") for ln in rest]
    out = ([first] if first else []) + body
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(ln.rstrip(" ") for ln in out)



def _sections(doc: str) -> list[tuple[str, list[str]]]:
    """Split a cleaned docstring into (title, body lines) by its section titles."""
    titles = {"What it checks", "Why", "Previous::", "Bad::", "Good::"}
    out: list[tuple[str, list[str]]] = []
    for ln in doc.splitlines():
        if ln.strip() in titles and not ln.startswith(" "):
            out.append((ln.strip().rstrip(":"), []))
        elif out:
            out[-1][1].append(ln)
        elif ln.strip():
            out.append(("", [ln]))
    return out


def _dedent(lines: list[str]) -> str:
    # textwrap.dedent would keep tabs but treats them as indentation; dedent spaces only.
    indents = [len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(ln[cut:] for ln in lines).strip("\n")


def rule_text(rule: type[Rule]) -> str:
    """Plain-text documentation of one rule (``gplint rule CODE``)."""
    head = (f"{rule.code} {rule.name}\n"
            f"category: {rule.category}   severity: {rule.severity}   profiles: {', '.join(rule.profiles)}"
            f"   formats: {', '.join(rule.formats)}\n")
    opts = getattr(rule, "options", None)
    if opts:
        head += "options: " + ", ".join(f"{k} = {v!r}" for k, v in opts.items()) + "\n"
    if getattr(rule, "explanation", ""):
        head += "\n说明：" + rule.explanation + "\n"
    return head + "\n" + (clean_doc(rule.__doc__) or "(no documentation)") + "\n"


def rule_markdown(rule: type[Rule]) -> str:
    doc = clean_doc(rule.__doc__)
    out = [f"## {rule.code} `{rule.name}`", "",
           f"Category **{rule.category}**, severity **{rule.severity}**, profiles: {', '.join(rule.profiles)}, "
           f"formats: {', '.join(rule.formats)}."]
    opts = getattr(rule, "options", None)
    if opts:
        out.append("Options: " + ", ".join(f"`{k}` (default `{v!r}`)" for k, v in opts.items()) + ".")
    out.append("")
    if getattr(rule, "explanation", ""):
        out += [f"**说明.** {rule.explanation}", ""]
    for title, body in _sections(doc):
        text = _dedent(body)
        if not text:
            continue
        if title in ("Previous", "Bad", "Good"):
            out += [f"**{title}**", "", "```text", text, "```", ""]
        elif title:
            out += [f"**{title}.** " + " ".join(ln.strip() for ln in text.splitlines()), ""]
        else:
            out += [text, ""]
    return "\n".join(out).rstrip() + "\n"


def render(rules: Sequence[type[Rule]]) -> str:
    rows = ["| Code | Name | Category | Severity | Profiles |", "|---|---|---|---|---|"]
    for r in rules:
        rows.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | `{r.name}` | {r.category} | {r.severity} | "
                    f"{', '.join(r.profiles)} |")
    parts = [HEADER, "\n".join(rows), ""] + [rule_markdown(r) for r in rules]
    return "\n".join(parts).rstrip() + "\n"


def builtin_docs() -> str:
    """docs/rules.md for the built-in rules only (installed third-party plugins excluded)."""
    from .rules import builtin_rules

    return render(builtin_rules())


DEFAULT_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m gplint.docs", description="Write docs/rules.md from the rules.")
    p.add_argument("--output", type=Path, default=DEFAULT_PATH)
    p.add_argument("--check", action="store_true", help="exit 1 if the file is not current")
    args = p.parse_args(argv)
    text = builtin_docs()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            sys.stderr.write(f"{args.output} is out of date: run python -m gplint.docs\n")
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
