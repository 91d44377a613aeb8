"""Read a built site the way a crawler would: every page's links, ids and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageInfo:
    path: str
    links: list[str] = field(default_factory=list)  # href/src values
    ids: set[str] = field(default_factory=set)
    event_links: dict[str, list[str]] = field(default_factory=dict)  # data-event-id -> hrefs inside it
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, info: PageInfo) -> None:
        super().__init__(convert_charrefs=True)
        self.info = info
        self.stack: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.info.ids.add(a["id"] or "")
        event = a.get("data-event-id")
        if tag not in ("meta", "link", "img", "br", "hr", "input", "source"):
            self.stack.append((tag, event))
        for key in ("href", "src"):
            value = a.get(key)
            if value is None or (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                continue
            self.info.links.append(value)
            if key == "href":
                for _, ev in self.stack:
                    if ev:
                        self.info.event_links.setdefault(ev, []).append(value)
        if event and event not in self.info.event_links:
            self.info.event_links[event] = []

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.info.text.append(data.strip())


def read_page(root: Path, rel: str) -> PageInfo:
    info = PageInfo(rel)
    _Reader(info).feed((root / rel).read_text(encoding="utf-8"))
    return info


def read_site(root: Path) -> dict[str, PageInfo]:
    return {
        p.relative_to(root).as_posix(): read_page(root, p.relative_to(root).as_posix())
        for p in sorted(root.rglob("*.html"))
    }


def resolve(page: str, link: str) -> tuple[str, str] | None:
    """(target path, fragment) of an internal link from ``page``; None for other hosts/schemes."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    base = Path(page).parent
    target = (base / unquote(parts.path)).as_posix() if parts.path else page
    norm: list[str] = []
    for piece in target.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if not norm:
                return ("<outside>", "")
            norm.pop()
        else:
            norm.append(piece)
    path = "/".join(norm)
    return path, parts.fragment


def broken_links(root: Path, pages: dict[str, PageInfo] | None = None) -> list[str]:
    """Internal links (and #anchors) that point nowhere, as 'page -> link' strings."""
    pages = pages if pages is not None else read_site(root)
    broken = []
    for rel, info in pages.items():
        if rel == "404.html":
            continue  # its links start from the site root; checked separately when served
        for link in info.links:
            if link.startswith(("data:", "mailto:")):
                continue
            target = resolve(rel, link)
            if target is None:
                broken.append(f"{rel} -> {link} (another host)")
                continue
            path, fragment = target
            file = root / path
            if path.endswith("/") or file.is_dir():
                file = file / "index.html"
                path = (Path(path) / "index.html").as_posix()
            if not file.is_file():
                broken.append(f"{rel} -> {link}")
            elif fragment and path in pages and fragment not in pages[path].ids:
                broken.append(f"{rel} -> {link} (no #{fragment})")
    return broken
