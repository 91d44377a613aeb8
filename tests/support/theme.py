"""Helpers for the theme tests: the every-precision fixture site, and a tiny HTML tree to query."""

from __future__ import annotations

import gzip
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from sitegen.builder import build
from sitegen.config import load_config

FIXTURE = Path(__file__).resolve().parent.parent / "builder" / "render" / "fixtures" / "theme-precisions"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
AXE = Path(__file__).resolve().parent.parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def precision_site(root: Path, *, language: str = "zh-CN") -> Path:
    """A copy of the fixture site (one event at every date precision) in ``language``."""
    shutil.copytree(FIXTURE, root)
    toml = root / "content" / "site.toml"
    toml.write_text(
        re.sub(r'(?m)^language = ".*"$', f'language = "{language}"', toml.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    return root


def build_site(root: Path) -> Path:
    return build(load_config(root)).out


@dataclass
class El:
    tag: str
    attrs: dict[str, str]
    children: list[El | str] = field(default_factory=list)
    parent: El | None = None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, El):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[El]:
        out = []
        for el in self.iter():
            if tag and el.tag != tag:
                continue
            if cls and cls not in el.classes():
                continue
            if any(el.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(el)
        return out

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> El:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'} class={cls} {attrs}>"
        return found[0]

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def lang(self) -> str:
        """The language in effect for this element (nearest lang attribute)."""
        for el in [self, *self.ancestors()]:
            if "lang" in el.attrs:
                return el.attrs["lang"]
        return ""


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = El("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = El(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = El(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(path: Path) -> El:
    b = _Builder()
    b.feed(path.read_text(encoding="utf-8"))
    return b.root


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def page_weight(public: Path, page: str) -> dict[str, int]:
    """gzip sizes of a page and of every stylesheet and script it loads from the site."""
    doc = parse(public / page)
    sizes = {page: gzip_size(public / page)}
    base = (public / page).parent
    for el in doc.find_all("link", rel="stylesheet") + doc.find_all("script"):
        ref = el.attrs.get("href") or el.attrs.get("src")
        if ref and not ref.startswith(("http:", "https:", "data:")):
            sizes[ref] = gzip_size((base / ref).resolve())
    return sizes


def headings(doc: El) -> list[tuple[int, str]]:
    return [(int(el.tag[1]), el.text().strip()) for el in doc.iter() if re.fullmatch(r"h[1-6]", el.tag)]
