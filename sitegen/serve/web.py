"""What ``sitegen serve`` says over HTTP, apart from the connections (`sitegen.serve.server`).

Requests are read here into a `Request`, the ``Host`` header is checked, a URL is
turned into the name of a site file, and a file's type is chosen.  Files come from
the in-memory build, looked up by name: no request path ever touches the file
system, so ``..``, encoded separators and symlinks cannot reach anything outside
the site.
"""

from __future__ import annotations

import ipaddress
import mimetypes
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import unquote

PREFIX = "/__sitegen__/"
LIVE_HEAD = (
    f'<link rel="stylesheet" href="{PREFIX}live.css">\n<script src="{PREFIX}live.js" defer></script>\n'
)
_SCRIPT_REF = f'{PREFIX}live.js"'.encode()

TEXT = "; charset=utf-8"
TYPES = {
    ".html": "text/html" + TEXT,
    ".css": "text/css" + TEXT,
    ".js": "text/javascript" + TEXT,
    ".mjs": "text/javascript" + TEXT,
    ".json": "application/json" + TEXT,
    ".map": "application/json" + TEXT,
    ".webmanifest": "application/manifest+json" + TEXT,
    ".xml": "application/xml" + TEXT,
    ".rss": "application/rss+xml" + TEXT,
    ".atom": "application/atom+xml" + TEXT,
    ".xsl": "application/xslt+xml" + TEXT,
    ".svg": "image/svg+xml" + TEXT,
    ".txt": "text/plain" + TEXT,
    ".md": "text/markdown" + TEXT,
    ".csv": "text/csv" + TEXT,
    ".tsv": "text/tab-separated-values" + TEXT,
    ".ics": "text/calendar" + TEXT,
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
}


def content_type(path: str) -> str:
    """The Content-Type for a site file; text types always carry ``charset=utf-8``."""
    dot = path.rfind(".")
    ext = path[dot:].lower() if dot > path.rfind("/") else ""
    if ext in TYPES:
        return TYPES[ext]
    guessed = mimetypes.guess_type("x" + ext)[0] if ext else None
    if guessed and (guessed.startswith("text/") or guessed.endswith(("+xml", "+json"))):
        return guessed + TEXT
    return guessed or "application/octet-stream"


def site_path(url: str) -> str | None:
    """The site file a URL path names (``/`` -> ``index.html``), or None if it may not name one.

    Decoded once; ``..``, backslashes, NUL and other control characters are refused.
    """
    try:
        path = unquote(url_path(url), errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    if "\\" in path or any(ord(ch) < 32 for ch in path):
        return None
    parts = path.split("/")
    if ".." in parts:
        return None
    rel = "/".join(p for p in parts if p not in ("", "."))
    if path.endswith("/") or not rel:
        rel = f"{rel}/index.html".lstrip("/")
    return rel


def url_path(target: str) -> str:
    """The path of a request target, query and fragment cut off (``//x`` is a path, not a host)."""
    return target.split("?", 1)[0].split("#", 1)[0]


def is_loopback(host: str) -> bool:
    """Is ``host`` (an address to listen on, or a host name without its port) this machine only?"""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.removeprefix("[").removesuffix("]")).is_loopback
    except ValueError:
        return False


_HOST = re.compile(
    r"(?:\[(?P<ip6>[0-9A-Fa-f:.]+)\]|(?P<name>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?))"
    r"(?::(?P<port>[0-9]{1,5}))?"
)


def host_is_loopback(header: str) -> bool:
    """Does a ``Host`` header name this machine? Parsed whole, as RFC 3986 writes a host: a bracketed
    IPv6 literal or a name (or IPv4 address), then an optional numeric port - so look-alikes such
    as ``[::1].evil.example`` or ``localhost:evil`` are not taken for loopback."""
    m = _HOST.fullmatch(header)
    if m is None or (m["port"] is not None and int(m["port"]) > 65535):
        return False
    if m["ip6"] is not None:
        try:
            address = ipaddress.ip_address(m["ip6"])
        except ValueError:
            return False
        return address.version == 6 and address.is_loopback
    return is_loopback(m["name"].lower())


@dataclass
class Request:
    method: str
    target: str
    version: str
    headers: dict[str, str]

    def keep_alive(self) -> bool:
        """HTTP/1.1 keeps the connection unless told not to; HTTP/1.0 closes it unless asked."""
        connection = self.headers.get("connection", "").lower()
        if self.version == "HTTP/1.0":
            return "keep-alive" in connection
        return "close" not in connection


def parse_head(head: bytes) -> Request | None:
    """A request line and its header fields (up to the blank line), or None if they are not HTTP/1.x."""
    lines = head.decode("latin-1").split("\r\n")
    while lines and not lines[0]:  # blank lines before a request line are allowed (RFC 9112, 2.2)
        lines.pop(0)
    if not lines:
        return None
    parts = lines[0].split(" ")
    if len(parts) != 3 or parts[2] not in ("HTTP/1.0", "HTTP/1.1") or not parts[1]:
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            return None
        headers[name.lower()] = value.strip()
    return Request(parts[0], parts[1], parts[2], headers)


def stamped(data: bytes, rel: str, generation: int, instance: str) -> bytes:
    """Tell a page's live script which version of the page it is in."""
    if not rel.endswith(".html"):
        return data
    stamp = f'{PREFIX}live.js?g={generation}&amp;s={instance}"'.encode()
    return data.replace(_SCRIPT_REF, stamp, 1)


def live_file(name: str) -> bytes:
    return resources.files("sitegen.serve").joinpath("live", name).read_bytes()
