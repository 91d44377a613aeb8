"""Deploying: byte-identical builds, netlify.toml (its build command run for real, its
headers), a site under a sub-path, and the Content-Security-Policy checked in Chromium."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urljoin

import pytest

from ...support.publish import (
    REPO,
    StaticHost,
    crawl,
    fetch,
    headers_for,
    html_files,
    netlify_rules,
    read_page,
    rule_matches,
    varied_site,
)
from ...support.publish import build as build_site

NETLIFY = tomllib.loads((REPO / "netlify.toml").read_text(encoding="utf-8"))


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def same_tree(a: Path, b: Path) -> None:
    ta, tb = tree(a), tree(b)
    assert sorted(ta) == sorted(tb)
    different = [name for name in ta if ta[name] != tb[name]]
    assert different == [], f"files differ between builds: {different}"


# -- deterministic builds ---------------------------------------------------------------------------
def test_the_same_content_builds_byte_identical_sites(seed_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(seed_site / "content", site / "content")
    varied = varied_site(tmp_path / "varied")
    for root in (site, varied):
        first = build_site(root, tmp_path / root.name / "one", base_url="https://example.org/t/")
        for path in (root / "content").rglob("*"):
            os.utime(path, (2_000_000_000, 2_000_000_000))  # 2033: every mtime changes
        second = build_site(root, tmp_path / root.name / "two", base_url="https://example.org/t/")
        same_tree(first, second)


def test_builds_do_not_depend_on_hash_seeds_or_the_clock(seed_site: Path, tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": "America/New_York" if seed == "1" else "UTC"}
        subprocess.run(
            [sys.executable, "-m", "sitegen", "--site", str(seed_site), "build", "--out", str(out), "-q"],
            cwd=REPO,
            env=env,
            check=True,
        )
        outs.append(out)
    same_tree(*outs)


# -- netlify.toml ----------------------------------------------------------------------------------------
def test_netlify_builds_with_python_3_11_into_public() -> None:
    build = NETLIFY["build"]
    assert build["publish"] == "public"
    assert build["environment"]["PYTHON_VERSION"] == "3.11"
    assert "sitegen build" in build["command"]


def fake_tools(folder: Path) -> Path:
    """``python3`` that is this test's interpreter, with ``-m pip`` doing nothing (no installs here)."""
    folder.mkdir()
    script = folder / "python3"
    script.write_text(
        f'#!/bin/sh\nif [ "$1" = -m ] && [ "$2" = pip ]; then exit 0; fi\nexec "{sys.executable}" "$@"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("production", "https://timeline.example.org/"),
        ("deploy-preview", "https://deploy-preview-7--timeline.netlify.app/"),
        ("branch-deploy", "https://deploy-preview-7--timeline.netlify.app/"),
        (None, ""),
    ],
)
def test_netlify_build_command_takes_the_base_url_from_netlify(
    context: str | None, expected: str, seed_site: Path, tmp_path: Path
) -> None:
    checkout = tmp_path / "checkout"
    for name in ("sitegen", "themes", "pyproject.toml"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, checkout / name)
    shutil.copytree(seed_site / "content", checkout / "content")
    env = {k: v for k, v in os.environ.items() if k not in ("URL", "DEPLOY_PRIME_URL", "CONTEXT")}
    env["PATH"] = f"{fake_tools(tmp_path / 'bin')}:{env['PATH']}"
    if context:
        env.update(
            CONTEXT=context,
            URL="https://timeline.example.org",
            DEPLOY_PRIME_URL="https://deploy-preview-7--timeline.netlify.app",
        )
    subprocess.run(["bash", "-c", NETLIFY["build"]["command"]], cwd=checkout, env=env, check=True)
    public = checkout / NETLIFY["build"]["publish"]
    page = read_page((public / "index.html").read_text(encoding="utf-8"))
    canonical = [x["href"] for x in page.head_links if x.get("rel") == "canonical"]
    assert canonical == ([expected] if expected else [])
    assert (public / "sitemap.xml").exists() == bool(expected)


def test_netlify_headers_cache_assets_forever_and_pages_never(seed_public: Path) -> None:
    rules = netlify_rules()
    for path in sorted(seed_public.rglob("*")):
        if not path.is_file():
            continue
        url = "/" + path.relative_to(seed_public).as_posix()
        # no two rules set the same header on one path (Netlify's merge of those is not documented)
        seen: dict[str, str] = {}
        for pattern, values in rules:
            if rule_matches(pattern, url):
                for key in values:
                    assert key not in seen, f"{url}: {key} set by both {seen[key]} and {pattern}"
                    seen[key] = pattern
        headers = headers_for(rules, url)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"]
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        cache = headers.get("Cache-Control", "")
        if url.startswith("/assets/"):
            assert "immutable" in cache and "max-age=31536000" in cache
            stem = Path(url).stem
            assert "." in stem and len(stem.rsplit(".", 1)[1]) >= 8, f"{url} carries no content hash"
        elif url.endswith(".html"):
            assert cache == "no-cache", url
    assert headers_for(rules, "/")["Cache-Control"] == "no-cache"


# -- a site under a sub-path --------------------------------------------------------------------------
@pytest.fixture
def sub_path_site(seed_site: Path, tmp_path: Path):
    public = tmp_path / "public"
    host = StaticHost(public, prefix="/timeline/")
    build_site(seed_site, public, base_url=host.url)
    yield host, public
    host.close()


def test_every_link_works_under_a_sub_path(sub_path_site) -> None:
    host, public = sub_path_site
    seen, problems = crawl(host.url, inside=host.url)
    assert problems == []
    reached = {url[len(host.url) :] for url, status in seen.items() if status == 200}
    for path in html_files(public):
        rel = path.relative_to(public).as_posix()
        if rel != "404.html":
            assert rel in reached or rel.removesuffix("index.html") in reached, f"{rel} is not linked"
    assert any(r.startswith("assets/") for r in reached)
    assert any(r.startswith("feeds/") for r in reached)
    for extra in ("sitemap.xml", "robots.txt", "timeline.json", "events.json"):
        assert fetch(host.url + extra)[0] == 200
    sitemap = (public / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{host.url}</loc>" in sitemap


def test_the_404_page_works_at_any_depth_under_a_sub_path(sub_path_site) -> None:
    host, _ = sub_path_site
    for missing in ("nothing.html", "events/nothing.html", "a/b/c/d/nothing/"):
        url = host.url + missing
        status, _, body = fetch(url)
        assert status == 404
        page = read_page(body.decode("utf-8"))
        assert page.links
        for _, href in page.links:
            if href.startswith("#"):
                assert href[1:] in page.ids, f"{missing}: {href}"
                continue
            target = urljoin(url, href).partition("#")[0]
            assert target.startswith(host.url), f"{missing}: {href} leaves the site"
            assert fetch(target)[0] == 200, f"{missing}: {href} -> {target}"


@pytest.mark.browser
def test_the_404_page_is_styled_at_depth_in_chromium(sub_path_site, page) -> None:
    host, _ = sub_path_site
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and "nothing" not in r.url and failed.append(r.url))
    page.goto(host.url + "deep/er/nothing.html")
    sheets = page.evaluate("() => Array.from(document.styleSheets).map(s => s.cssRules.length)")
    assert sheets and min(sheets) > 0
    page.locator("header a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(host.url) and "nothing" not in page.url
    assert failed == []


# -- Content-Security-Policy in Chromium -------------------------------------------------------------
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.mark.browser
def test_the_site_satisfies_its_content_security_policy(seed_public: Path, page) -> None:
    host = StaticHost(seed_public, rules=netlify_rules())
    try:
        status, _, _ = fetch(host.url)
        assert status == 200
        events = sorted((seed_public / "events").glob("*.html"))
        sources = sorted(p for p in (seed_public / "sources").glob("*.html") if p.name != "index.html")
        urls = [
            host.url,
            host.url + f"events/{events[0].name}",
            host.url + f"sources/{sources[0].name}#p-1",
            host.url + "sources/",
            host.url + "no/such/page.html",
        ]
        console: list[str] = []
        page.on("console", lambda m: m.type in ("error", "warning") and console.append(m.text))
        page.add_init_script(CSP_LISTENER)
        for url in urls:
            response = page.goto(url)
            assert response is not None
            assert "default-src 'self'" in (response.headers.get("content-security-policy") or "")
            page.wait_for_load_state("networkidle")
            violations = page.evaluate("window.__csp")
            assert violations == [], (url, violations)
        assert [c for c in console if "Content Security Policy" in c] == []
        # the policy is really enforced: an inline script is refused and reported
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
            " document.head.appendChild(s); }"
        )
        page.wait_for_function("window.__csp.length > 0")
        assert page.evaluate("window.__ran") is None
    finally:
        host.close()
