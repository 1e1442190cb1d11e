"""``--format html`` (the review report, one self-contained page) and ``--format csv`` (its
table of reports, for a spreadsheet): see :mod:`gplint.review`."""
from __future__ import annotations

from typing import Any, Sequence


def _views(results: Sequence[Any], options: dict) -> list:
    from ..plugins import build_registry
    from ..review.documents import view_of_result

    registry = options.get("registry") or build_registry()
    return [view_of_result(r, registry) for r in results]


def format_html(results: Sequence[Any], options: dict) -> str:
    """The review report: totals, charts by rule and category, the per-rule overview, a
    sortable table of every report and each report's marked text (gplint.review.page)."""
    from ..plugins import build_registry
    from ..review.page import review_page

    return review_page(_views(results, options), options.get("registry") or build_registry())


def format_csv(results: Sequence[Any], options: dict) -> str:
    """One row a report: agency, title, year, errors, warnings, info, the worst finding."""
    from ..review.page import review_csv

    return review_csv(_views(results, options))
