"""`markdown.plain_text` reads plain paragraphs without parsing: it must give what the parser gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.core.markdown import _simple_plain_text, escape_text, tokens

from ..conftest import REPO


def parsed(text: str) -> str:
    """`plain_text` the long way: markdown-it's tokens."""
    from sitegen.core.markdown import _inline_text

    blocks = []
    for tok in tokens(text):
        if tok.type == "inline":
            blocks.append(_inline_text(tok.children or []))
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content.rstrip("\n"))
    return "\n\n".join(blocks)


# characters that mean something to Markdown, whitespace of every kind, and ordinary text
PIECES = [
    *"\\`*_[]<>&!#=+-~|.)(:123 \t\r\x00\x0b\x0c\u3000\u00a0\u2028",
    "\n",
    "\n\n",
    "  \n",
    "\\\n",
    "1. ",
    "- ",
    "# ",
    "> ",
    "```",
    "    ",
    "&amp;",
    "<b>",
    "[a](b)",
    "正文",
    "word",
    "。",
    "“引号”",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_shortcut_agrees_with_the_parser_on_any_text(text: str) -> None:
    fast = _simple_plain_text(text)
    if fast is not None:
        assert fast == parsed(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=6))
def test_escaped_paragraphs_take_the_shortcut_and_agree(paragraphs: list[str]) -> None:
    text = "\n\n".join(escape_text(p) for p in paragraphs)
    fast = _simple_plain_text(text)
    if fast is not None:
        assert fast == parsed(text)


def test_the_seed_bodies_take_the_shortcut_and_agree() -> None:
    from sitegen.core import frontmatter

    taken = 0
    for page in sorted((REPO / "content" / "sources").glob("*.md")):
        body = frontmatter.read(page).body
        for text in (body, body[:600], "\n\n".join(body.split("\n\n")[:3])):
            fast = _simple_plain_text(text)
            taken += fast is not None
            assert fast is None or fast == parsed(text)
    assert taken > 0  # the shortcut is really used on imported text


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.lists(st.integers(0, 40), min_size=2, max_size=6),
)
def test_source_bodies_render_the_same_without_parsing(text: str, cuts: list[int]) -> None:
    """The source page's body (paragraph ids, quotes marked) is made from the shortcut's paragraphs
    when it applies: the same HTML as from markdown-it's tokens."""
    from sitegen.builder.render import quotes as pages
    from sitegen.core.markdown import plain_text

    seen = plain_text(text)
    quotes = {f"q-{i}": seen[a : a + b] for i, (a, b) in enumerate(zip(cuts[::2], cuts[1::2], strict=False))}
    for marks in (None, quotes):
        fast = pages.body_with_anchors(text, marks)
        with pytest.MonkeyPatch.context() as m:
            m.setattr(pages, "_paragraph_tokens", lambda _: None)
            assert pages.body_with_anchors(text, marks) == fast


def test_seed_source_pages_render_the_same_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.builder.render import quotes as pages
    from sitegen.core import frontmatter
    from sitegen.core.markdown import plain_text

    bodies = [frontmatter.read(p).body for p in sorted((REPO / "content" / "sources").glob("*.md"))]
    marks = [{"q-a": plain_text(b)[5:25], "q-b": plain_text(b)[-30:-2]} for b in bodies]
    fast = [pages.body_with_anchors(b, m) for b, m in zip(bodies, marks, strict=True)]
    assert any(pages._paragraph_tokens(b) is not None for b in bodies)
    monkeypatch.setattr(pages, "_paragraph_tokens", lambda _: None)
    assert fast == [pages.body_with_anchors(b, m) for b, m in zip(bodies, marks, strict=True)]


def regex_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The quote finder as a regular expression: the reference `find_quote` must agree with."""
    import re

    from sitegen.core.markdown import quote_form

    parts: list[str] = []
    for ch in quote_form(quote):
        if ch == " ":
            parts.append(r"\s+")
        else:
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s*")
            parts.append(re.escape(ch))
    if not parts:
        return None
    m = re.compile("".join(parts)).search(text)
    return m.span() if m else None


QUOTE_PIECES = ["a", "b", "中", "文", " ", "  ", "\n", "\u3000", "\xa0", "\t", ".", "*", "“"]


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(QUOTE_PIECES), max_size=25).map("".join),
    st.lists(st.sampled_from(QUOTE_PIECES), max_size=8).map("".join),
)
def test_quotes_are_found_where_the_pattern_finds_them(text: str, quote: str) -> None:
    from sitegen.builder.render.quotes import find_quote

    assert find_quote(text, quote) == regex_quote(text, quote)


def test_quotes_of_the_seed_are_found_where_the_pattern_finds_them() -> None:
    from sitegen.builder.render.quotes import find_quote
    from sitegen.core import frontmatter
    from sitegen.core.markdown import plain_text

    for page in sorted((REPO / "content" / "events").glob("*.md")):
        for cited in frontmatter.read(page).data["sources"]:
            source = REPO / "content" / "sources" / f"{cited['id']}.md"
            text = plain_text(frontmatter.read(source).body)
            assert find_quote(text, cited["quote"]) == regex_quote(text, cited["quote"])
