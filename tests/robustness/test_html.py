"""The HTML reader is linear in the page (issue 16, items 7 and 14): constructs that never
end cost one search, not one search per following ``<``; a page whose text is all inside
an unclosed ``<script>`` says so instead of "empty file"."""
from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser

import pytest

from gplint.html_text import HTMLText
from gplint.readers import read_html
from gplint.sources import InputError

# Each took html.parser seconds at 64 KB (60 KB of "<a b='": 18 s), the square of the length.
PATTERNS = ["</", "<a", "<!", "<!--", "<?", "<a b='", '<a b="', "<p>x</", "<a<", "<td colspan=2 x='"]


def test_pathological_pages_of_4_mb_finish():
    """At 4 MB html.parser would take hours; the subprocess's limit fails a hang."""
    code = ("from gplint.readers import read_html\nfrom gplint.sources import InputError\n"
            f"for p in {PATTERNS!r}:\n"
            "    try:\n        read_html((p * (4_000_000 // len(p))).encode())\n"
            "    except InputError:\n        pass\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


class _Reference(HTMLParser):
    """html.parser driving the same collector: what the reader read before."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.collector = HTMLText()
        self.handle_starttag = self.collector.handle_starttag
        self.handle_endtag = self.collector.handle_endtag
        self.handle_data = self.collector.handle_data


PAGES = [
    "<html><head><title>t</title><style>p{}</style></head><body><h1>一、总体情况</h1><p>a &amp; b&nbsp;c</p>"
    "<script>if (a<b) {x='</p>'}</script><table><tr><td colspan=\"2\">总计</td><td>3</td></tr>"
    "<TR><TD COLSPAN=3>x</TD></TR></table><br/>尾<!-- note --><p>a < b</p></body></html>",
    "<div>第<b>一</b>段<br>第二段</div><ul><li>1<li>2</ul><p title='x>y'>属性里的 &gt;</p>",
    "<!DOCTYPE html><?xml x?><p>文本</p><noscript><p>无</p></noscript><template><p>t</p></template>",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_text_is_what_html_parser_gave(page):
    ref = _Reference()
    ref.feed(page)
    ref.close()
    ref.collector._end_line()
    mine = HTMLText()
    mine.feed_all(page)
    assert mine.lines == ref.collector.lines


def test_an_unclosed_script_is_named_not_called_empty():
    with pytest.raises(InputError, match="<script> that is never closed"):
        read_html("<html><script>var x = 1;\n一、总体情况 ...".encode())
    # Text before it is kept, as a browser shows it.
    assert read_html("<p>一、总体情况</p><script>x".encode()).text == "一、总体情况"
