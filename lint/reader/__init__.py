"""The reader: report text in, the typed :class:`~gplint.model.Report` out.

Modules, in the order text flows through them:

* :mod:`.cells` — the cells a line is cut into (labels, numbers, blank marks);
* :mod:`.runs` — the digit-run solver: cells whose digits ran together (a crawled page,
  a lost separator) cut into a row's cells, the cut chosen by the format's identities.
"""
