"""Markdown files with YAML front matter, read with line numbers, written stably.

A page is::

    ---
    id: 2024-05-17-...
    title: ...
    ---

    Markdown body

Reading keeps the line of every top-level key (and of every item of list
fields) so that problems can say ``content/events/x.md:7``.  Writing is
deterministic: the same data always gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml

from ..errors import ContentError

DELIM = "---"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SAFE):  # type: ignore[misc,valid-type]
    """The safe loader (libyaml's parser when PyYAML has it: about 10x faster, same nodes and
    marks) without YAML's implicit timestamps: ``date: 2026-02-30`` stays the text it is, and
    `sitegen.core.dates.parse_iso` reads it with sitegen's own rules, so an impossible date is a
    ``file:line`` error instead of PyYAML's traceback, and every date field is a string in the
    data (which the page cache stores as JSON). An explicit ``!!timestamp`` tag is still PyYAML's;
    nobody writes one by hand, and the date readers accept what it builds."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
        for first, resolvers in _SAFE.yaml_implicit_resolvers.items()
    }


@dataclass
class Page:
    """One Markdown file: its front matter, where each key is, and its body."""

    path: Path
    data: dict
    body: str
    lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    body_line: int = 1

    def line(self, key: str, index: int | None = None) -> int:
        """The line of ``key`` (or of its ``index``-th list item), else the first line."""
        if index is not None:
            items = self.item_lines.get(key, [])
            if index < len(items):
                return items[index]
        return self.lines.get(key, 1)


def split(text: str, path: Path) -> tuple[str, str, int]:
    """Return (front matter text, body, line where the body starts)."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].strip() != DELIM:
        raise ContentError(path, 1, "expected front matter: the file must start with a line '---'")
    for i in range(1, len(lines)):
        if lines[i].strip() == DELIM:
            body = "\n".join(lines[i + 1 :]).strip("\n")
            body_start = i + 2
            while body_start - 1 < len(lines) and not lines[body_start - 1].strip():
                body_start += 1
            return "\n".join(lines[1:i]), body, body_start
    raise ContentError(path, 1, "front matter is not closed: add a line '---' after it")


def parse(text: str, path: Path) -> Page:
    """Parse a page; raises `ContentError` with the line of the problem."""
    head, body, body_line = split(text, path)
    try:
        loader = _Loader(head)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(path, line, f"front matter is not valid YAML: {problem}") from None
    except RecursionError:
        raise ContentError(path, 2, "front matter nests lists or mappings too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(path, 2, "front matter must be a mapping of 'key: value' lines")
    lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in lines:
                raise ContentError(
                    path,
                    key_node.start_mark.line + 2,
                    f"'{key}' is given twice (also on line {lines[key]}); keep one",
                )
            lines[key] = key_node.start_mark.line + 2
            if isinstance(value_node, yaml.SequenceNode):
                item_lines[key] = [item.start_mark.line + 2 for item in value_node.value]
    return Page(Path(path), data, body, lines, item_lines, body_line)


def read(path: Path) -> Page:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(path, None, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    return parse(text, path)


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, long lines kept whole."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_presenter)

# libyaml's emitter when PyYAML has it (about 5x faster).  Both emitters write the same
# bytes except (1) characters libyaml escapes and PyYAML writes as they are: NEL and those
# beyond the Basic Multilingual Plane (emoji, rare CJK); (2) a block scalar that keeps its
# final line breaks, after which libyaml ends the document with "..." (strings ending in a
# line break; the Unicode line and paragraph separators are line breaks too); (3) a key
# holding a carriage return, which libyaml takes for a line break, or an empty key.  A
# page with such a string is written by PyYAML.  tests/test_frontmatter_dump.py compares the two.
_CDumper: type | None = None
if hasattr(yaml, "CSafeDumper"):

    class _CDumper(yaml.CSafeDumper):  # type: ignore[no-redef]
        def ignore_aliases(self, data: object) -> bool:
            return True

    _CDumper.add_representer(str, _str_presenter)

USE_LIBYAML = True
"""Tests switch this off to compare the two emitters."""
_NOT_ALIKE = re.compile("[\r\x85\u2028\u2029\U00010000-\U0010ffff]|\n\\Z")


def _libyaml_writes_it_alike(value: object) -> bool:
    """Does libyaml write ``value`` exactly as PyYAML's own emitter would?"""
    if isinstance(value, str):
        return _NOT_ALIKE.search(value) is None
    if isinstance(value, dict):
        # an empty key: PyYAML writes it as a complex key ("? ''"), libyaml as a simple one
        return all(
            k != "" and _libyaml_writes_it_alike(k) and _libyaml_writes_it_alike(v) for k, v in value.items()
        )
    if isinstance(value, (list, tuple)):
        return all(_libyaml_writes_it_alike(v) for v in value)
    return True


def dump(data: dict, body: str) -> str:
    """Serialise front matter and body; stable for equal input."""
    fast = USE_LIBYAML and _CDumper is not None and _libyaml_writes_it_alike(data)
    head = yaml.dump(
        data,
        Dumper=_CDumper if fast else _Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100000,
    )
    body = body.strip("\n")
    return f"{DELIM}\n{head}{DELIM}\n" + (f"\n{body}\n" if body else "")
