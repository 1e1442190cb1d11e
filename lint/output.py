"""What ``gplint check`` writes besides the findings themselves: colour, the source line
under a finding (``--show-source``), editor columns (``--column-unit``), ``--statistics``
and the progress bar.

The plain text format stays ``path:line:col: severity CODE message``; colour (only on a
terminal, never with ``NO_COLOR`` set, always with ``--color always`` or ``FORCE_COLOR``)
and the source excerpt are added around it, so problem matchers still read every line.
"""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TextIO

from .columns import DEFAULT_TAB_WIDTH, convert, screen_width
from .safe_text import for_display

_SEVERITY_COLOUR = {"error": "31", "warning": "33", "info": "36"}
COLOR_CHOICES = ("auto", "always", "never")


def use_colour(choice: str, stream: Any, environ: Optional[dict] = None) -> bool:
    """``--color``: ``auto`` colours a terminal unless ``NO_COLOR`` is set (no-color.org),
    ``TERM=dumb`` or it is an Emacs compilation buffer; ``FORCE_COLOR`` colours a pipe too
    (as CI logs show colour)."""
    env = os.environ if environ is None else environ
    if choice == "never":
        return False
    if choice == "always":
        return True
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if "compile" in env.get("INSIDE_EMACS", ""):
        return False  # M-x compile gives a terminal but shows escape codes as they are
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and env.get("TERM") != "dumb"


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


#: A function giving a file's text as lines (line 1 first), or None if it cannot be read.
LineSource = Callable[[str], Optional[Sequence[str]]]


@dataclass
class TextStyle:
    """How the ``text`` format prints: colour, source excerpts, the column unit editors count."""

    colour: bool = False
    show_source: bool = False
    column_unit: str = "char"
    tab_width: int = DEFAULT_TAB_WIDTH
    lines_of: Optional[LineSource] = None


def make_text_formatter(style: TextStyle) -> Callable[[Sequence[Any], dict], str]:
    """The ``text`` format with colour, editor columns and source excerpts as asked."""

    def format_text(results: Sequence[Any], options: dict) -> str:
        out: list[str] = []
        for res in results:
            lines = None
            if res.diagnostics and (style.show_source or style.column_unit != "char") and style.lines_of:
                lines = style.lines_of(res.path)
            for d in res.diagnostics:
                out.append(_finding_line(d, lines, style))
                if style.show_source and lines:
                    out.extend(source_excerpt(d.span, lines, style))
        return "".join(x + "\n" for x in out)

    format_text.streams = True  # type: ignore[attr-defined]
    return format_text


def _line(lines: Optional[Sequence[str]], n: int) -> Optional[str]:
    return lines[n - 1] if lines and 1 <= n <= len(lines) else None


def _finding_line(d: Any, lines: Optional[Sequence[str]], style: TextStyle) -> str:
    # Control characters and line separators of the path and message are written as escapes
    # (gplint.safe_text): a report's text can neither drive the terminal nor split a line.
    msg = for_display(d.message)
    if d.span.page:
        msg += f"（第 {d.span.page} 页）"
    column = d.span.column
    text = _line(lines, d.span.line)
    if text is not None and style.column_unit != "char":
        column = convert(text, column, style.column_unit, style.tab_width)
    c = style.colour
    where = _paint(f"{for_display(d.path) if d.path else d.path}:{d.span.line}:{column}:", "1", c)
    return f"{where} {_paint(d.severity, _SEVERITY_COLOUR.get(d.severity, '0'), c)} {_paint(d.code, '1', c)} {msg}"


def source_excerpt(span: Any, lines: Sequence[str], style: TextStyle) -> list[str]:
    """The finding's line, numbered, with its characters marked by ``^`` underneath
    (aligned in screen cells: a Chinese character takes two, tabs are expanded)."""
    text = _line(lines, span.line)
    if text is None:
        return []
    tw = style.tab_width
    end_col = span.end_column if span.end_line == span.line else len(text) + 1
    end_col = max(end_col, span.column + 1)
    # (A PDF page's form feed, at the start of its first line, is not shown.)
    # (Control characters shown as their escapes, as in the message: gplint.safe_text.)
    before = for_display(text[:span.column - 1].replace("\f", ""))
    marked = for_display(text[span.column - 1:end_col - 1].replace("\f", ""))
    shown = _expand_tabs(for_display(text.replace("\f", "")), tw)
    start = screen_width(before, 0, tw)
    width = max(1, screen_width(marked, start, tw))
    gutter = str(span.line)
    pad = " " * len(gutter)
    marks = _paint("^" * width, _SEVERITY_COLOUR.get("error", "31"), style.colour)
    return [f"{_paint(gutter, '34', style.colour)} | {shown}", f"{pad} | {' ' * start}{marks}"]


def _expand_tabs(text: str, tab_width: int) -> str:
    out, cell = [], 0
    for ch in text:
        if ch == "\t":
            n = tab_width - cell % tab_width
            out.append(" " * n)
            cell += n
        else:
            out.append(ch)
            cell += screen_width(ch)
    return "".join(out)


# ------------------------------------------------------------------ statistics
@dataclass
class Statistics:
    """Counts of findings by code, gathered as results stream past."""

    by_code: Counter = field(default_factory=Counter)
    names: dict = field(default_factory=dict)

    def watch(self, results: Iterable[Any]) -> Iterator[Any]:
        for res in results:
            for d in res.diagnostics:
                self.by_code[d.code] += 1
                self.names.setdefault(d.code, (d.name, d.severity))
            yield res

    def has(self, code: str) -> bool:
        return self.by_code.get(code, 0) > 0

    def render(self) -> str:
        """One line a code, most frequent first: ``count  CODE  name  severity``."""
        rows = sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0]))
        if not rows:
            return ""
        width = len(str(rows[0][1]))
        return "".join(f"{n:>{width}}  {code}  {self.names[code][0]}  ({self.names[code][1]})\n"
                       for code, n in rows)


# ------------------------------------------------------------------ progress
class Progress:
    """A one-line progress bar on a terminal's stderr, drawn only once a run has taken
    :attr:`delay` seconds (a pre-commit run over a few files never shows one) and redrawn
    at most ten times a second. It is cleared before each result is written, so findings
    printed to the same terminal never mix with it."""

    delay = 0.5

    def __init__(self, total: int, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.last = 0.0
        self.shown = False

    @staticmethod
    def wanted(stream: Any, quiet: bool, total: int, environ: Optional[dict] = None) -> bool:
        env = os.environ if environ is None else environ
        isatty = getattr(stream, "isatty", None)
        return (not quiet and total > 1 and bool(isatty and isatty()) and env.get("TERM") != "dumb"
                and not env.get("CI"))

    def _draw(self, done: int) -> None:
        now = self.clock()
        if now - self.start < self.delay or (self.shown and now - self.last < 0.1 and done < self.total):
            return
        self.last = now
        width = 30
        filled = width * done // max(1, self.total)
        elapsed = int(now - self.start)
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\rgplint: [{bar}] {done}/{self.total} 个文件  {elapsed // 60}:{elapsed % 60:02d}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def watch(self, results: Iterable[Any]) -> Iterator[Any]:
        done = 0
        try:
            for res in results:
                done += 1
                self.clear()
                yield res
                self._draw(done)
        finally:
            self.clear()


def open_output(path: Optional[str]) -> tuple[Callable[[str], Any], Callable[[], Any], Callable[[], Any], Any]:
    """(write, flush, close, stream) for ``--output-file`` or stdout.

    Stdout that cannot encode a character (an ASCII or Latin-1 locale) writes it as a
    ``\\uXXXX`` escape instead of failing mid-run."""
    if path:
        fh = open(path, "w", encoding="utf-8", newline="")
        return fh.write, fh.flush, fh.close, fh
    out = sys.stdout
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None and (out.encoding or "").lower().replace("-", "") not in ("utf8", "utf8sig"):
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass
    return out.write, out.flush, (lambda: None), out
