"""The history of reports: what runs recorded (``--record``), for the checks that compare a
report with its agency's previous one or with other agencies' (``--history FILE``).

- :mod:`.record`: :class:`ReportRecord`, what the store keeps of a report, and
  :func:`record_of`;
- :mod:`.store`: :class:`HistoryStore` (SQLite), :class:`HistoryView` (what rules may ask);
- :mod:`.export`: CSV and Parquet exports for researchers;
- :mod:`.command`: ``gplint history`` and the recording of a lint run.
"""
from __future__ import annotations

from .record import ReportRecord, content_hash, record_of
from .store import HistoryError, HistoryStore, HistoryView, default_path, open_view
from .command import record_results

__all__ = ["HistoryError", "HistoryStore", "HistoryView", "ReportRecord", "content_hash", "default_path",
           "open_view", "record_of", "record_results"]
