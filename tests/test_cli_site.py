"""The command line as a newcomer meets it: files anyone may serve, a wrong folder named as
such, ``--site`` on either side of the command, and a build that says what it left out."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, SEED_DUMP


def run(*args: str, umask: int = 0o022, env: dict | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        umask=umask,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )


def modes(root: Path) -> dict[str, int]:
    """Permission bits of every file and folder under ``root`` (itself included), by path."""
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.stat().st_mode)
    return found


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_every_file_written_gets_the_mode_a_plain_write_would(tmp_path: Path, umask: int) -> None:
    site = tmp_path / "site"
    assert run("init", str(site), umask=umask).returncode == 0
    assert run("--site", str(site), "import", "-q", str(SEED_DUMP), umask=umask).returncode == 0
    assert run("--site", str(site), "build", "-q", umask=umask).returncode == 0
    page = next((site / "content" / "events").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nA hand correction.\n", encoding="utf-8")
    rebuilt = run("--site", str(site), "build", umask=umask)  # the incremental path writes file by file
    assert rebuilt.returncode == 0 and "Updated" in rebuilt.stdout, rebuilt.stdout + rebuilt.stderr

    want_file, want_dir = 0o666 & ~umask, 0o777 & ~umask
    for tree in (site / "public", site / "content"):
        found = modes(tree)
        assert len(found) > 20
        wrong = {
            rel: oct(mode)
            for rel, mode in found.items()
            if mode != (want_dir if (tree / rel).is_dir() else want_file)
        }
        assert wrong == {}, f"under umask {oct(umask)} in {tree.name}/"
    assert stat.S_IMODE((site / "public" / "index.html").stat().st_mode) == want_file


def test_a_folder_that_is_no_site_is_named_and_left_alone(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir"
    for command in (["build"], ["check"], ["import"], ["serve", "--port", "0"]):
        done = run("--site", str(missing), *command)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert "not a sitegen site" in done.stderr and "sitegen init" in done.stderr, done.stderr
        assert not missing.exists() and not (tmp_path / "no").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run("build", cwd=empty)  # the current folder, no content/ in it
    assert done.returncode == 1 and "sitegen init" in done.stderr
    assert list(empty.iterdir()) == []
    assert run("init", str(missing)).returncode == 0  # init alone makes a site where there is none
    assert (missing / "content" / "site.toml").is_file()


def test_site_may_follow_the_command(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run("init", str(site)).returncode == 0
    after = run("build", "--site", str(site), "-q")
    assert after.returncode == 0, after.stderr
    assert (site / "public" / "index.html").is_file()
    checked = run("check", "--site", str(site))
    assert checked.returncode == 0 and "0 errors" in checked.stdout
    wrong = run("check", "--site", str(tmp_path / "nowhere"))
    assert wrong.returncode == 1 and "not a sitegen site" in wrong.stderr


def test_a_build_without_base_url_says_the_sitemap_was_skipped(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run("init", str(site)).returncode == 0
    plain = run("--site", str(site), "build", env={"NETLIFY": "", "URL": "", "CONTEXT": ""})
    assert plain.returncode == 0
    summary = plain.stdout.strip()
    assert summary.startswith("Built ") and summary.endswith("s"), summary  # one line
    assert "skipped: sitemap.xml and canonical links, as no http(s) base_url is set" in summary
    assert not (site / "public" / "sitemap.xml").exists()

    netlify = {
        "NETLIFY": "true",
        "CONTEXT": "production",
        "URL": "https://example.netlify.app",
        "DEPLOY_PRIME_URL": "https://main--example.netlify.app",
    }
    built = run("--site", str(site), "build", env=netlify)
    assert built.returncode == 0, built.stderr
    assert "skipped" not in built.stdout
    sitemap = (site / "public" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.netlify.app/</loc>" in sitemap
    robots = (site / "public" / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.netlify.app/sitemap.xml" in robots

    preview = {**netlify, "CONTEXT": "deploy-preview", "DEPLOY_PRIME_URL": "https://pr-7--x.netlify.app"}
    run("--site", str(site), "build", "-q", env=preview)
    sitemap = (site / "public" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://pr-7--x.netlify.app/</loc>" in sitemap  # a preview names its own address

    (site / "content" / "site.toml").write_text('base_url = "https://news.example/tl/"\n', encoding="utf-8")
    run("--site", str(site), "build", "-q", env=netlify)  # the site's own setting wins
    assert "https://news.example/tl/" in (site / "public" / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "title"),
    [
        ([], "新闻时间线"),
        (["--language", "en"], "News timeline"),
        (["--language", "en", "--title", "Dam watch"], "Dam watch"),
    ],
)
def test_init_titles_the_site_in_its_language(tmp_path: Path, args: list[str], title: str) -> None:
    """An English site does not greet its readers with a Chinese title it never asked for."""
    site = tmp_path / "site"
    assert run("init", str(site), *args).returncode == 0
    from sitegen.config import load_config

    assert load_config(site).title == title


def test_an_english_site_without_a_title_gets_the_english_default(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.toml").write_text('language = "en"\n', encoding="utf-8")
    from sitegen.config import load_config

    assert load_config(tmp_path).title == "News timeline"
    (tmp_path / "content" / "site.toml").write_text('language = "zh-CN"\n', encoding="utf-8")
    assert load_config(tmp_path).title == "新闻时间线"
