"""Hugo-style overrides: a site's templates/ (or a theme under themes/) replaces the default theme
template by template; everything not replaced still comes from the default theme."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.builder import BuildError

from ...support.theme import build_site, parse, precision_site


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


EVENT_OVERRIDE = """{% extends "base.html" %}
{% block main %}<h1 class="custom-event">{{ event.title }}</h1>
<p class="custom-when">{{ event.when | when }}</p>{% endblock %}
"""


def test_site_template_overrides_one_template(tmp_path: Path) -> None:
    site = precision_site(tmp_path / "site")
    _write(site / "templates" / "event.html", EVENT_OVERRIDE)
    public = build_site(site)
    ev = parse(public / "events" / "day-jan-3.html")
    assert ev.find("h1", cls="custom-event").text() == "公司发布声明"
    assert ev.find("p", cls="custom-when").text() == "2026年1月3日"
    assert ev.find("header", cls="site-header"), "base.html still comes from the default theme"
    index = parse(public / "index.html")
    assert index.find_all("li", cls="event"), "templates not overridden are the default theme's"


def test_site_partial_override_reaches_every_page(tmp_path: Path) -> None:
    site = precision_site(tmp_path / "site")
    default = (Path(__file__).resolve().parent.parent.parent.parent / "themes/default/templates/_macros.html").read_text(
        encoding="utf-8"
    )
    _write(
        site / "templates" / "_macros.html",
        default.replace('class="chip source-chip"', 'class="chip source-chip my-chip"'),
    )
    public = build_site(site)
    assert parse(public / "index.html").find_all("a", cls="my-chip")
    assert parse(public / "events" / "day-jan-3.html").find_all("a", cls="my-chip")


def test_named_theme_then_default(tmp_path: Path) -> None:
    site = precision_site(tmp_path / "site")
    toml = site / "content" / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'theme = "paper"\n', encoding="utf-8")
    _write(
        site / "themes" / "paper" / "templates" / "index.html",
        '{% extends "base.html" %}{% block main %}<h1 class="paper">{{ site.title }}</h1>{% endblock %}\n',
    )
    _write(site / "themes" / "paper" / "static" / "style.css", "body { color: rebeccapurple; }\n")
    _write(site / "themes" / "paper" / "i18n" / "zh-CN.toml", 'timeline = "大事记"\n')
    public = build_site(site)
    index = parse(public / "index.html")
    assert index.find("h1", cls="paper")
    css_href = index.find("link", rel="stylesheet").attrs["href"]
    assert (public / css_href).read_text(encoding="utf-8") == "body { color: rebeccapurple; }\n"
    assert index.find("link", rel="icon"), "static files the theme lacks come from the default theme"
    assert index.find("header").find("nav").find("a").text() == "大事记", "a theme can change a string"
    ev = parse(public / "events" / "day-jan-3.html")
    assert ev.find("article", cls="event-page"), "the default theme fills in what the theme lacks"


def test_site_templates_beat_the_named_theme(tmp_path: Path) -> None:
    site = precision_site(tmp_path / "site")
    toml = site / "content" / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'theme = "paper"\n', encoding="utf-8")
    _write(site / "themes" / "paper" / "templates" / "event.html", EVENT_OVERRIDE.replace("custom", "paper"))
    _write(site / "templates" / "event.html", EVENT_OVERRIDE)
    public = build_site(site)
    ev = parse(public / "events" / "day-jan-3.html")
    assert ev.find_all("h1", cls="custom-event") and not ev.find_all("h1", cls="paper-event")


def test_unknown_theme_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    site = precision_site(tmp_path / "site")
    toml = site / "content" / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + 'theme = "nosuch"\n', encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build_site(site)
    assert "nosuch" in str(err.value) and "themes/" in str(err.value)


def test_template_error_names_the_file_and_line(tmp_path: Path) -> None:
    site = precision_site(tmp_path / "site")
    _write(site / "templates" / "event.html", '{% extends "base.html" %}\n{% block main %}{{ oops(\n')
    with pytest.raises(BuildError) as err:
        build_site(site)
    problem = err.value.problems[0]
    assert "event.html" in str(problem.path) and problem.line == 2
