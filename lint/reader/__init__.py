"""The reader: report text in, the typed :class:`~gplint.model.Report` out.

Modules, in the order text flows through them:

* :mod:`.cells` — what a line is cut into (labels, numbers with or without a unit, blank
  marks);
* :mod:`.lines` — each line cut into cells: pipes, tabs, a label and its numbers, a lone
  number, a page footer; :mod:`.line_memo` — the line table: one reading a distinct text, shared by
  its lines, remembered from report to report;
* :mod:`.flattened` — a page flattened into one long line cut into virtual lines;
* :mod:`.headings` — 一、 （一） 1. numbering;
* :mod:`.sections` — where the tables begin, which headings are the six sections;
* :mod:`.empty_cells` — empty cells of a one-cell-a-line table, seen as extra blank lines;
* :mod:`.region` — a table region read into row vectors, whatever its layout (rows,
  rows whose values wrap onto the next line, vertical streams, pdfminer column streams,
  lost labels), then placed on the format's rows;
* :mod:`.runs` — the digit-run solver: cells whose digits ran together cut by the format's
  identities;
* :mod:`.t3_runs` — table 三's runs: the cuts that keep a row total, chosen for the whole
  table by the column identities;
* :mod:`.t2_runs` — table 二's runs around a signed 本年增/减 or an amount's decimals (2019);
* :mod:`.t2`, :mod:`.t3`, :mod:`.t4` — the three tables (:mod:`.t3_forms`: table 三 written
  as sentences or turned, read or said unreadable);
* :mod:`.prose` — the prose outside the tables, and the numbers in it;
* :mod:`.report` — :func:`parse`, which runs them all (:func:`parse_read`: on a text
  already as read, :func:`gplint.engine.text_as_read`).
"""
from __future__ import annotations

from .report import parse, parse_read

__all__ = ["parse", "parse_read"]
