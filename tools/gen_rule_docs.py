#!/usr/bin/env python3
"""Regenerate docs/rules.md from the rules' docstrings (same as ``python -m gplint.docs``)."""
import sys

from gplint.docs import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
