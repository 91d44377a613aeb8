"""HTTP for ``sitegen serve``: the site from memory, the live-reload files, the event stream.

Pages are answered by a fixed pool of worker threads; an event stream takes a
worker only long enough to send its headers (`sitegen.serve.clients`).  Files
come from the in-memory build, looked up by name: no request path ever touches
the file system, so ``..``, encoded separators and symlinks cannot reach
anything outside the site.
"""

from __future__ import annotations

import http.server
import ipaddress
import mimetypes
import queue
import socket
import sys
import threading
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

if TYPE_CHECKING:
    from .session import Session

PREFIX = "/__sitegen__/"
LIVE_HEAD = (
    f'<link rel="stylesheet" href="{PREFIX}live.css">\n<script src="{PREFIX}live.js" defer></script>\n'
)
_SCRIPT_REF = f'{PREFIX}live.js"'.encode()
WORKERS = 16

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
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def live_file(name: str) -> bytes:
    return resources.files("sitegen.serve").joinpath("live", name).read_bytes()


class Handler(http.server.BaseHTTPRequestHandler):
    server: SiteServer
    server_version = "sitegen-serve"
    sys_version = ""

    def do_HEAD(self) -> None:
        self.do_GET(body=False)

    def do_GET(self, body: bool = True) -> None:
        session = self.server.session
        if self.server.loopback_only and not is_loopback(_host_name(self.headers.get("Host", ""))):
            return self._send(403, b"Forbidden: this preview answers only to localhost.\n", "x.txt", body)
        url = self.path
        if url.startswith(PREFIX):
            return self._tool(url[len(PREFIX) :], body)
        rel = site_path(url)
        if rel is None:
            return self._not_found(body)
        found = session.lookup(rel)
        if found is None and not rel.endswith(".html") and session.lookup(rel + "/index.html") is not None:
            location = "/" + url_path(url).lstrip("/") + "/"
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if found is None:
            return self._not_found(body)
        data, generation = found
        return self._send(200, self._stamped(rel, data, generation), rel, body)

    def _not_found(self, body: bool) -> None:
        found = self.server.session.lookup("404.html")
        if found is None:
            return self._send(404, b"Not found\n", "x.txt", body)
        return self._send(404, self._stamped("404.html", *found), "404.html", body)

    def _stamped(self, rel: str, data: bytes, generation: int) -> bytes:
        """Tell the page's live script which version of the page it is in."""
        if not rel.endswith(".html"):
            return data
        stamp = f'{PREFIX}live.js?g={generation}&amp;s={self.server.session.instance}"'.encode()
        return data.replace(_SCRIPT_REF, stamp, 1)

    def _tool(self, name: str, body: bool) -> None:
        tool = urlsplit(name).path
        if tool == "events":
            return self._events(parse_qs(urlsplit(name).query))
        if tool in ("live.js", "live.css"):
            return self._send(200, live_file(tool), tool, body)
        return self._not_found(body)

    def _events(self, query: dict[str, list[str]]) -> None:
        session = self.server.session
        page = query.get("path", ["/"])[0]
        try:
            generation = int(query.get("g", ["0"])[0])
        except ValueError:
            generation = 0
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        self.wfile.flush()
        self.server.detach(self.request)
        session.connect(self.request, page, generation, query.get("s", [""])[0])
        self.close_connection = True

    def _send(self, status: int, data: bytes, name: str, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type(name))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if name.endswith(".html"):
            self.send_header("Content-Security-Policy", "default-src 'self'")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # one line per rebuild, not per request
        pass


def _host_name(host: str) -> str:
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SiteServer(http.server.HTTPServer):
    """An HTTP server with a fixed pool of page workers; event streams are handed off."""

    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, host: str, port: int, session: Session) -> None:
        self.session = session
        self.loopback_only = is_loopback(host)
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._queue: queue.Queue = queue.Queue()
        self._detached: set[socket.socket] = set()
        self._lock = threading.Lock()
        super().__init__((host, port), Handler)
        for n in range(WORKERS):
            threading.Thread(target=self._work, name=f"sitegen-http-{n}", daemon=True).start()

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up (getfqdn), which can stall; it is not needed
        socketserver_bind = http.server.socketserver.TCPServer.server_bind
        socketserver_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def process_request(self, request: socket.socket, client_address: object) -> None:
        self._queue.put((request, client_address))

    def detach(self, request: socket.socket) -> None:
        """The handler passed ``request`` on (an event stream): do not close it."""
        with self._lock:
            self._detached.add(request)

    def _work(self) -> None:
        while True:
            request, client_address = self._queue.get()
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                with self._lock:
                    detached = request in self._detached
                    self._detached.discard(request)
                if not detached:
                    self.shutdown_request(request)

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return  # a browser that hung up mid-answer is not worth a traceback
        print(f"sitegen serve: error answering a request: {error!r}", file=sys.stderr)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"
