"""Markdown in and out: render safely, escape imported text, read back plain text.

Imported text is written to Markdown escaped (`escape_text`) so that it renders
to exactly the characters the article had: a ``*`` or ``[2](x)`` in a headline
stays text.  `plain_text` gives back those characters; quotes are checked
against it.  Raw HTML is never rendered; links other than http(s) and relative
ones are dropped, and an image from another host becomes a link to it (the site
makes no requests to other hosts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

_SAFE_LINK = re.compile(r"^(?:https?:|#|\.{0,2}/|[A-Za-z0-9_.-]+(?:/|$|#|\?))", re.I)
_OTHER_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = lambda url: bool(_SAFE_LINK.match(url.strip()))  # type: ignore[method-assign]
    md.add_render_rule("image", _image)
    return md


def _image(self, tokens: list[Token], idx: int, options, env) -> str:
    """An image of our own site renders; one from another host becomes a link to it
    (or, inside a link, just its alt text: links do not nest)."""
    tok = tokens[idx]
    src = str(tok.attrGet("src") or "")
    if not _OTHER_HOST.match(src):
        return self.image(tokens, idx, options, env)
    alt = self.renderInlineAsText(tok.children or [], options, env)
    in_link = sum({"link_open": 1, "link_close": -1}.get(t.type, 0) for t in tokens[:idx]) > 0
    if in_link:
        return escapeHtml(alt)
    return f'<a href="{escapeHtml(src)}">{escapeHtml(alt or src)}</a>'


def render(text: str) -> str:
    """Markdown to HTML with raw HTML disabled and only safe link targets."""
    return _parser().render(text)


def tokens(text: str) -> list[Token]:
    return _parser().parse(text)


def plain_text(text: str) -> str:
    """The characters a reader sees, block by block, separated by blank lines."""
    simple = _simple_plain_text(text)
    if simple is not None:
        return simple
    blocks: list[str] = []
    for tok in tokens(text):
        if tok.type == "inline":
            blocks.append(_inline_text(tok.children or []))
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content.rstrip("\n"))
    return "\n\n".join(blocks)


# Text that CommonMark reads as nothing but paragraphs of literal characters: once backslash escapes
# are taken out, no character that can open an inline construct (code, emphasis, links, HTML,
# entities, a hard break) is left, and no line can start a block.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_NOT_SIMPLE = re.compile(r"[`*_\[\]<&\\\r\x00\t]")
_BLOCK_START = re.compile(r"[#>+=~|-]|\d{1,9}[.)]")


def simple_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of ``text`` as a reader sees them, without parsing, for the common case:
    paragraphs of plain lines, with backslash escapes (`escape_text` writes them).  None when
    the text may hold anything else (parse it then)."""
    if _NOT_SIMPLE.search(_ESCAPED.sub("", text)):
        return None
    blocks: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if not line:
            if lines:
                blocks.append("\n".join(lines))
                lines = []
            continue
        if line != line.strip() or _BLOCK_START.match(line):
            return None
        lines.append(_ESCAPED.sub(r"\1", line))
    if lines:
        blocks.append("\n".join(lines))
    return blocks


def _simple_plain_text(text: str) -> str | None:
    blocks = simple_paragraphs(text)
    return None if blocks is None else "\n\n".join(blocks)


def _inline_text(children: list[Token]) -> str:
    out: list[str] = []
    for c in children:
        if c.type in ("text", "code_inline"):
            out.append(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif c.type == "image":
            out.append(_inline_text(c.children or []))
    return "".join(out)


_LINE_START = re.compile(
    r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$|-{3,}|~{3,}|`{3,}|\[)"
)
_INLINE = re.compile(r"[\\`*_]|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\](?=\()|!(?=\[)")


def escape_text(text: str) -> str:
    """Escape one paragraph of plain text so Markdown renders it unchanged."""
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text)
    m = _LINE_START.match(text)
    if m:
        first = m.group(0)
        if first[0].isdigit():
            i = len(first)
            text = text[:i] + "\\" + text[i:]
        else:
            text = "\\" + text
    return text.replace("\n", " ")


def normalise_ws(text: str) -> str:
    """Whitespace runs to one space; quotes are compared in this form.  (``str.split`` and
    ``re``'s ``\\s`` know the same whitespace, Python's ``str.isspace``: the same result as
    ``re.sub(r"\\s+", " ", text).strip()``, five times faster, and it is called per sentence.)"""
    return " ".join(text.split())


# a space after or before a Chinese character; spelled to start with the space, so that the
# search skips ahead to each space instead of trying a look-behind at every character
_CJK_SPACE = re.compile(r" (?:(?=[\u2e80-\u9fff\uf900-\uffef])|(?<=[\u2e80-\u9fff\uf900-\uffef] ))")


def quote_form(text: str) -> str:
    """The form quotes are compared in: whitespace folded, and none beside Chinese characters
    (extraction puts spaces there at random; they carry no meaning)."""
    return _CJK_SPACE.sub("", normalise_ws(text))


def contains_quote(text: str, quote: str) -> bool:
    """Is ``quote`` found character for character in ``text`` (up to whitespace)?"""
    q = quote_form(quote)
    return bool(q) and q in quote_form(text)
