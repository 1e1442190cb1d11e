"""What a person reads: one report's text with its findings marked, and the review report
for a batch (``gplint DIR --format html``, ``--format csv``).

- :mod:`.view`: a linted document as data (title, agency, year, counts, findings grouped
  by section, each with its place), the same for the review report and ``gplint serve``;
- :mod:`.render`: that view as HTML (the text with each finding marked on its line and
  cell, the findings by section), one renderer for both;
- :mod:`.page`: the self-contained review page (sortable table, charts, each report one
  click away) and the CSV table.

Standard library only: the review report needs no extra.
"""
