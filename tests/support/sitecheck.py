"""Read a built site the way a crawler would: every page's links, ids and text; the one check of
its internal links (`check_links`)."""

from __future__ import annotations

import posixpath
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
        if tag == "a" and a.get("name"):
            self.info.ids.add(a["name"] or "")
        event = a.get("data-event-id")
        if tag not in ("meta", "link", "img", "br", "hr", "input", "source"):
            self.stack.append((tag, event))
        for key in ("href", "src"):
            value = a.get(key)
            if value is None:
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


def check_links(public: Path, base_url: str = "") -> tuple[list[str], int]:
    """Every link and resource of every page, resolved inside ``public``: broken ones, and how many.

    Relative links resolve against the page; links starting with an absolute ``base_url``
    map into the folder; ``#anchors`` must exist in the target page.  Links to other hosts
    are not followed (the site links to none but the sources it names).
    """
    pages = read_site(public)
    base_path = urlsplit(base_url).path if base_url else "/"
    problems: list[str] = []
    checked = 0
    for rel, page in pages.items():
        if rel == "404.html":
            continue  # served at other paths; checked over HTTP in test_publish_deploy
        for url in page.links:
            target = _local_target(rel, url, base_url, base_path)
            if target is None:
                continue
            checked += 1
            path, fragment = target
            file = public / path
            if file.is_dir() or path.endswith("/") or path == "":
                file = file / "index.html"
                path = posixpath.join(path, "index.html")
            if not file.is_file():
                problems.append(f"{rel}: {url}: no file {path}")
                continue
            if fragment and path.endswith(".html"):
                target_page = pages.get(posixpath.normpath(path))
                if target_page is None or fragment not in target_page.ids:
                    problems.append(f"{rel}: {url}: no id {fragment!r} in {path}")
    return problems, checked


def _local_target(rel: str, url: str, base_url: str, base_path: str) -> tuple[str, str] | None:
    if base_url and url.startswith(base_url):
        url = "/" + url[len(base_url) :]
        base_path = "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return (f"(outside {base_path}){parts.path}", parts.fragment)
        path = parts.path[len(base_path) :]
    elif parts.path:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
    else:
        path = rel
    return path.lstrip("/") if path != "." else "", unquote(parts.fragment)
