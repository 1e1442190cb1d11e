"""The HTML reader is linear in the page (issue 16, items 7 and 14): constructs that never
end cost one search (lxml's parser), not one search per following ``<`` (html.parser, used
before); a page whose text is all inside an unclosed ``<script>`` says so instead of
"empty file"."""
from __future__ import annotations

import subprocess
import sys

import pytest

from gplint.readers import read_html
from gplint.sources import InputError

# Each took html.parser (the reader before lxml) seconds at 64 KB (60 KB of "<a b='": 18 s), the square of the length.
PATTERNS = ["</", "<a", "<!", "<!--", "<?", "<a b='", '<a b="', "<p>x</", "<a<", "<td colspan=2 x='"]


def test_pathological_pages_of_4_mb_finish():
    """At 4 MB html.parser would take hours; the subprocess's limit fails a hang."""
    code = ("from gplint.readers import read_html\nfrom gplint.sources import InputError\n"
            f"for p in {PATTERNS!r}:\n"
            "    try:\n        read_html((p * (4_000_000 // len(p))).encode())\n"
            "    except InputError:\n        pass\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_an_unclosed_script_is_named_not_called_empty():
    with pytest.raises(InputError, match="<script> that is never closed"):
        read_html("<html><script>var x = 1;\n一、总体情况 ...".encode())
    # Text before it is kept, as a browser shows it.
    assert read_html("<p>一、总体情况</p><script>x".encode()).text == "一、总体情况"
