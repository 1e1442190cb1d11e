"""Kept for code that imported the reader by its old name: the reader is :mod:`gplint.reader`."""
from __future__ import annotations

from .reader import parse

__all__ = ["parse"]
