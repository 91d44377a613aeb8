"""HTML fragments (a feed item's description) reduced to the text a reader sees.

Blocks (paragraphs, list items, headings, quotes, table rows) become paragraphs separated by a
blank line; ``<br>`` a line break inside one; scripts, styles and comments are dropped; every
entity and character reference is decoded once.  The characters of the text are kept as they
are: a quote taken from the result is verbatim in the article.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table"}
    | {"section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "dl", "hr"}
)
HIDDEN = frozenset(("script", "style", "template", "noscript", "head", "title"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt and not self.hidden:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in fragment:
        return _tidy(html.unescape(fragment))
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    paragraphs = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
