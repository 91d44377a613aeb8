"""``sitegen serve`` over HTTP: safety, types, 404, many browsers, reloads, errors, imports, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sitegen.builder import build
from sitegen.config import load_config
from sitegen.core import frontmatter
from sitegen.serve.watch import is_noise
from sitegen.serve.web import content_type, is_loopback, site_path

from ..conftest import REPO
from ..importer.test_import import DUMP
from ..support.serve import WAIT, EventStream, Running, raw_get, running_fixture  # noqa: F401 (fixture)

SECRET = "top-secret-file-outside-the-site"
# watchdog re-adds a watch when folders are created under a new recursive watch; harmless
pytestmark = pytest.mark.filterwarnings("ignore:Callback with id:RuntimeWarning")


def first_event(root: Path) -> Path:
    return sorted((root / "content" / "events").glob("*.md"))[0]


def event_id(path: Path) -> str:
    return str(frontmatter.read(path).data["id"])


# -- safety -------------------------------------------------------------------------------
TRAVERSALS = [
    "/../secret.txt",
    "/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "/..%2fsecret.txt",
    "/..%5csecret.txt",
    "/..%5c..%5csecret.txt",
    "/assets/..%5c..%5c..%5csecret.txt",
    "/\\..\\secret.txt",
    "/.%2e/secret.txt",
    "/%252e%252e/secret.txt",
    "//etc/passwd",
    "/../../../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/assets/../content/site.toml",
    "/content/site.toml",
    "/leak/secret.txt",
    "/public/leak/secret.txt",
    "/%00",
    "/index.html%00.txt",
    "/%c0%ae%c0%ae/secret.txt",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_request_leaves_the_site(running: Running, path: str) -> None:
    outside = running.root.parent
    (outside / "secret.txt").write_text(SECRET, "utf-8")
    (outside / "secrets").mkdir(exist_ok=True)
    (outside / "secrets" / "secret.txt").write_text(SECRET, "utf-8")
    # symlinks pointing out of the site, where a folder-serving server would follow them
    for link in (running.root / "leak", running.root / "public" / "leak"):
        link.parent.mkdir(exist_ok=True)
        if not link.exists():
            link.symlink_to(outside / "secrets", target_is_directory=True)
    status, _, body = running.get(path)
    assert status in (301, 404)
    assert SECRET.encode() not in body and b"root:" not in body and b"timezone" not in body


def test_site_path_refuses_what_could_escape() -> None:
    for url in ("/../x", "/%2e%2e/x", "/a/..%5cb", "/a\\b", "/%00", "/%ff%fe"):
        assert site_path(url) is None, url
    assert site_path("/") == "index.html"
    assert site_path("/sources/") == "sources/index.html"
    assert site_path("//etc/passwd") == "etc/passwd"  # a name inside the site: not found there
    assert site_path("/events/x.html?q=1#top") == "events/x.html"


def test_other_host_names_are_refused_on_loopback(running: Running) -> None:
    status, _, _ = raw_get(running.url, "/", {"Host": "attacker.example"})
    assert status == 403  # DNS rebinding: another site's page cannot read the preview
    assert raw_get(running.url, "/", {"Host": "localhost:1234"})[0] == 200
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


# -- types, 404, the live script ------------------------------------------------------------
def test_content_types(running: Running) -> None:
    before = len(running.logs)
    static = running.root / "static"
    (static / "fonts").mkdir(parents=True)
    (static / "fonts" / "body.woff2").write_bytes(b"wOF2" + bytes(60))
    (static / "data").mkdir()
    (static / "data" / "feed.xml").write_text("<feed/>", "utf-8")
    (static / "data" / "search-index.json").write_text("{}", "utf-8")
    files = running.preview.session.live.files
    running.wait_for_log(lambda x: "files updated" in x and "search-index" in str(list(files)), after=before)
    expected = {
        "index.html": "text/html; charset=utf-8",
        "events.json": "application/json; charset=utf-8",
        "__sitegen__/live.js": "text/javascript; charset=utf-8",
        "__sitegen__/live.css": "text/css; charset=utf-8",
    }
    for name, kind in (
        ("style.", "text/css; charset=utf-8"),
        ("favicon.", "image/svg+xml; charset=utf-8"),
        ("body.", "font/woff2"),
        ("feed.", "application/xml; charset=utf-8"),
        ("search-index.", "application/json; charset=utf-8"),
    ):
        expected[next(p for p in files if p.startswith("assets/") and name in p)] = kind
    for path, kind in expected.items():
        status, headers, _ = running.get("/" + path)
        assert (path, status, headers["content-type"]) == (path, 200, kind)
        assert headers["x-content-type-options"] == "nosniff"
    assert content_type("search/index.bin") == "application/octet-stream"
    assert content_type("x.webmanifest").endswith("charset=utf-8")


def test_unknown_path_gets_the_sites_404_page_with_status_404(running: Running) -> None:
    status, headers, body = running.get("/no/such/page.html")
    assert status == 404 and headers["content-type"] == "text/html; charset=utf-8"
    built = running.preview.session.live.files["404.html"]
    assert body.split(b"<script")[0] == built.split(b"<script")[0]  # the same page, stamped
    assert b"/__sitegen__/live.js?g=" in body
    status, headers, _ = running.get("/sources")
    assert status == 301 and headers["location"] == "/sources/"


def test_reload_script_only_when_serving(running: Running, tmp_path: Path) -> None:
    out = build(load_config(running.root), tmp_path / "public").out
    for path in out.rglob("*"):
        if path.is_file():
            assert b"__sitegen__" not in path.read_bytes(), path
    _, headers, body = running.get("/")
    assert b'<script src="/__sitegen__/live.js?g=' in body
    assert headers["content-security-policy"] == "default-src 'self'"
    assert b"<script>" not in body  # nothing inline


# -- many browsers ------------------------------------------------------------------------------
def test_sixty_connections_fifty_event_streams_and_pages(running: Running) -> None:
    streams = [EventStream(running.url, "/") for _ in range(50)]
    assert all(s.status == 200 for s in streams)
    results: list[int] = []
    paths = ["/", "/sources/", "/events.json", "/404-nope"] + [
        f"/events/{event_id(p)}.html" for p in sorted((running.root / "content" / "events").glob("*.md"))[:6]
    ]
    threads = [threading.Thread(target=lambda p=p: results.append(running.get(p)[0])) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT)
    assert sorted(results) == sorted([200, 200, 200, 404] + [200] * 6)
    assert len(running.preview.session.clients) == 50
    ev = first_event(running.root)
    frontmatter_edit(ev, title="五十个浏览器同时刷新")
    assert all(s.wait_for("reload") == "index.html" for s in streams)
    for s in streams:
        s.close()


def frontmatter_edit(path: Path, **changes: object) -> None:
    page = frontmatter.read(path)
    page.data.update(changes)
    path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")


# -- reloads that hit only the pages that changed ------------------------------------------------
def test_only_pages_that_changed_reload(running: Running) -> None:
    events = sorted((running.root / "content" / "events").glob("*.md"))
    edited, other = events[0], events[-1]
    on_timeline = running.events("/")
    on_edited = running.events(f"/events/{event_id(edited)}.html")
    on_other = running.events(f"/events/{event_id(other)}.html")
    frontmatter_edit(edited, title="只有它变了")
    assert on_timeline.wait_for("reload") == "index.html"
    assert on_edited.wait_for("reload") == f"events/{event_id(edited)}.html"
    frontmatter_edit(other, title="现在轮到它")  # the first stream it hears about is its own edit
    assert on_other.next() == ("reload", f"events/{event_id(other)}.html")
    _, _, body = running.get(f"/events/{event_id(other)}.html")
    assert "现在轮到它".encode() in body


def test_a_page_loaded_before_a_change_still_hears_of_it(running: Running) -> None:
    _, _, html = running.get("/")
    from ..support.serve import page_stamp

    stamp = page_stamp(html)
    before = len(running.logs)
    frontmatter_edit(first_event(running.root), title="连接之前就改了")
    running.wait_for_log(lambda line: "files updated" in line, after=before)
    late = EventStream(running.url, "/", stamp)  # connects after the rebuild
    assert late.next() == ("reload", "index.html")


def test_editor_noise_is_ignored_and_a_save_burst_is_one_rebuild(running: Running) -> None:
    ev = first_event(running.root)
    folder = ev.parent
    before = len(running.logs)
    for name in (f".{ev.name}.swp", f"{ev.name}~", ".#" + ev.name, "4913", f"{ev.name}.tmp", f"#{ev.name}#"):
        (folder / name).write_text("noise", "utf-8")
    (folder / "4913").unlink()
    tmp = folder / f".{ev.name}.new"  # an editor's atomic save: write aside, then rename over
    page = frontmatter.read(ev)
    page.data["title"] = "原子保存"
    tmp.write_text(frontmatter.dump(page.data, page.body), "utf-8")
    os.replace(tmp, ev)
    line = running.wait_for_log(lambda x: "files updated" in x, after=before)
    assert f"content/events/{ev.name}:" in line and "swp" not in line and "4913" not in line
    assert "原子保存".encode() in running.get("/")[2]
    for name in (".x.md.swp", "x.md~", ".#x.md", "4913", "a.tmp", "#x.md#", "x.md___jb_tmp___"):
        assert is_noise(name), name
    assert not is_noise("2026-01-08-x.md") and not is_noise("style.css")


def test_add_delete_and_rename_events(running: Running) -> None:
    events = running.root / "content" / "events"
    timeline = running.events("/")
    source = frontmatter.read(sorted(events.glob("*.md"))[0])
    source.data.update(id="zz-added-by-hand", title="手工新增的事件")
    added = events / "zz-added-by-hand.md"
    added.write_text(frontmatter.dump(source.data, ""), "utf-8")
    timeline.wait_for("reload")
    assert running.get("/events/zz-added-by-hand.html")[0] == 200
    renamed = events / "zz-renamed.md"
    added.rename(renamed)  # a rename and then a new id: one or two rebuilds, whatever the timing
    frontmatter_edit(renamed, id="zz-renamed")
    running.until(
        lambda: (
            running.get("/events/zz-renamed.html")[0] == 200
            and running.get("/events/zz-added-by-hand.html")[0] == 404
        )
    )
    assert b"zz-renamed" in running.get("/")[2]
    renamed.unlink()
    running.until(lambda: running.get("/events/zz-renamed.html")[0] == 404)
    running.until(lambda: b"zz-renamed" not in running.get("/events.json")[2])
    assert b"zz-renamed" not in running.get("/")[2]


# -- errors -------------------------------------------------------------------------------------
def test_build_error_overlay_data_and_recovery(running: Running) -> None:
    ev = first_event(running.root)
    good_index = running.get("/")[2]
    original = ev.read_text("utf-8")
    stream = running.events("/")
    ev.write_text(original.replace("title:", "title: a: b", 1), "utf-8")
    problems = json.loads(stream.wait_for("problems"))
    assert problems[0]["file"] == f"content/events/{ev.name}" and problems[0]["line"] == 3
    assert "YAML" in problems[0]["message"]
    assert running.get("/")[2] == good_index  # the last good build is still served
    late = running.events("/events.json".replace("events.json", ""))  # a page opened while broken
    assert late.wait_for("problems")
    ev.write_text(original.replace("title: ", "title: 修好了", 1), "utf-8")
    assert {stream.next(), stream.next()} == {("ok", ""), ("reload", "index.html")}
    assert "修好了".encode() in running.get("/")[2]
    line = running.wait_for_log(lambda x: "build failed" in x)
    assert "still serving the last good build" in line
    assert running.wait_for_log(lambda x: "recovered" in x)  # the terminal says the fix worked


def test_impossible_dates_are_named_in_the_overlay(running: Running) -> None:
    stream = running.events("/")
    ev = first_event(running.root)
    source = sorted((running.root / "content" / "sources").glob("*.md"))[0]
    originals = {p: p.read_text("utf-8") for p in (ev, source)}
    for path, key, value, said in [
        (ev, "date", "2026-02-30", "that month has no such day"),
        (ev, "date", "2026-01-05T10:00+99:00", "UTC offset +99:00"),
        (source, "published", "9999-12-31T23:59+14:00", "out of range"),
    ]:
        text = originals[path]
        text = "\n".join(
            f"{key}: {value}" if line.startswith(f"{key}:") else line
            for line in text.split("\n")
            if not line.startswith(("precision:", "part_of_day:", "until:"))
        )
        path.write_text(text, "utf-8")
        problems = json.loads(stream.wait_for("problems"))
        assert problems[0]["file"] == f"content/{path.parent.name}/{path.name}", problems
        assert said in problems[0]["message"] and problems[0]["line"] > 1
        assert "internal error" not in problems[0]["message"]
        path.write_text(originals[path], "utf-8")
        stream.wait_for("ok")


def test_unknown_source_and_template_errors_name_file_and_line(running: Running) -> None:
    stream = running.events("/")
    ev = first_event(running.root)
    page = frontmatter.read(ev)
    frontmatter_edit(ev, sources=[{"id": "no-such-source", "quote": "x"}])
    problems = json.loads(stream.wait_for("problems"))
    assert problems[0]["file"] == f"content/events/{ev.name}" and problems[0]["line"]
    assert "unknown source id 'no-such-source'" in problems[0]["message"]
    ev.write_text(frontmatter.dump(page.data, page.body), "utf-8")
    stream.wait_for("ok")
    templates = running.root / "templates"
    templates.mkdir()
    (templates / "404.html").write_text('{% extends "base.html" %}\n{% block main %}\n{{ 1 +\n', "utf-8")
    problems = json.loads(stream.wait_for("problems"))
    assert problems[0]["file"].endswith("404.html") and problems[0]["line"]
    (templates / "404.html").unlink()
    stream.wait_for("ok")


def test_first_build_broken_then_fixed(tmp_path: Path) -> None:
    from sitegen.serve import Preview

    from ..support.serve import copy_seed

    root = copy_seed(tmp_path / "site")
    ev = first_event(root)
    original = ev.read_text("utf-8")
    ev.write_text(original.replace("title:", "title: a: b", 1), "utf-8")
    logs: list[str] = []
    preview = Preview(root, "127.0.0.1", 0, log=logs.append)
    url = preview.start()
    try:
        status, _, body = raw_get(url, "/")
        assert status == 200 and b"The site is not built yet" in body
        stream = EventStream(url, "/")
        assert json.loads(stream.wait_for("problems"))[0]["line"] == 3
        ev.write_text(original, "utf-8")
        assert stream.wait_for("reload") == "index.html"
        assert b"The site is not built yet" not in raw_get(url, "/")[2]
    finally:
        preview.stop()


def test_first_build_with_an_impossible_date_starts_and_names_the_file(tmp_path: Path) -> None:
    from sitegen.serve import Preview

    from ..support.serve import copy_seed

    root = copy_seed(tmp_path / "site")
    ev = first_event(root)
    original = ev.read_text("utf-8")
    ev.write_text(original.replace("date: ", "date: 2026-02-30\nx_old_date: ", 1), "utf-8")
    logs: list[str] = []
    preview = Preview(root, "127.0.0.1", 0, log=logs.append)
    url = preview.start()  # does not exit: the problem is shown in the browser
    try:
        assert b"The site is not built yet" in raw_get(url, "/")[2]
        problems = json.loads(EventStream(url, "/").wait_for("problems"))
        assert problems[0]["file"] == f"content/events/{ev.name}" and "no such day" in problems[0]["message"]
    finally:
        preview.stop()


# -- dumps dropped in while serving -------------------------------------------------------------
def test_dump_dropped_into_dumps_is_imported_and_served(running: Running) -> None:
    stream = running.events("/sources/")
    before = len(running.logs)
    (running.root / "content" / "dumps" / "fire.txt").write_text(DUMP, "utf-8")
    assert stream.wait_for("reload") == "sources/index.html"
    running.wait_for_log(lambda x: x.split(" ", 1)[1].startswith("imported"), after=before)
    body = running.get("/sources/")[2].decode()
    assert "甲市化工厂发生火灾" in body
    # the import's own writes do not start another import
    running.wait_for_log(lambda x: "files updated" in x, after=before)
    assert sum(1 for x in running.logs[before:] if " imported " in x) == 1


# -- Ctrl-C -------------------------------------------------------------------------------------------
def test_ctrl_c_stops_at_once_cleanly_and_frees_the_port(tmp_path: Path) -> None:
    from ..support.serve import copy_seed

    root = copy_seed(tmp_path / "site")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "--site", str(root), "serve", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            if "Serving" in line:
                break
        stream = EventStream(f"http://127.0.0.1:{port}", "/")  # an open stream must not hold it up
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=WAIT)
        stream.close()
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Stopped." in out
    with socket.socket() as again:  # nobody listens there any more: a new server can start at once
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))
        again.listen()
