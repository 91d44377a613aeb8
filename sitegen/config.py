"""Site settings: ``content/site.toml``, one documented list.

Every setting is declared once in `SETTINGS` with its default and its help
text; ``docs/settings.md`` is checked against this list by the test suite.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ContentError


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "title",
        "新闻时间线",
        "Site title, shown in the header, the feeds and the browser tab; when language is en, "
        "the default is News timeline.",
    ),
    Setting("description", "", "One sentence on what the timeline covers; used in meta tags and feeds."),
    Setting("language", "zh-CN", "Interface language: zh-CN or en. Also the site's <html lang>."),
    Setting(
        "timezone",
        "Asia/Shanghai",
        "IANA timezone of the times in the dumps (they carry no offset); stored dates get its offset.",
    ),
    Setting(
        "base_url",
        "",
        "Public address of the site, e.g. https://example.org/timeline/. Used for canonical links, "
        "feeds and the sitemap; pages link to each other relatively and work without it.",
    ),
    Setting("theme", "default", "Theme folder under themes/ (site-level templates/ overrides it)."),
    Setting("author", "", "Who publishes the timeline; used in feeds and page metadata."),
)

LANGUAGES = ("zh-CN", "en")
DEFAULT_TITLES = {"zh-CN": "新闻时间线", "en": "News timeline"}
"""The title a site gets when it names none, in its interface language."""
DEFAULTS: dict[str, str] = {s.name: str(s.default) for s in SETTINGS}
"""Each setting's default, from `SETTINGS`: the one place a default is written."""


@dataclass(frozen=True)
class SiteConfig:
    """The settings of one site plus where it lives."""

    root: Path
    title: str = DEFAULTS["title"]
    description: str = DEFAULTS["description"]
    language: str = DEFAULTS["language"]
    timezone: str = DEFAULTS["timezone"]
    base_url: str = DEFAULTS["base_url"]
    theme: str = DEFAULTS["theme"]
    author: str = DEFAULTS["author"]
    extra: dict = field(default_factory=dict)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def config_path(self) -> Path:
        return self.content_dir / "site.toml"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def lang_short(self) -> str:
        return "en" if self.language.lower().startswith("en") else "zh"


def load_config(root: Path) -> SiteConfig:
    """Read ``content/site.toml`` under ``root``; a missing file means all defaults."""
    root = Path(root).resolve()
    path = root / "content" / "site.toml"
    data: dict = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
            raise ContentError(path, line, f"site.toml is not valid TOML: {exc}") from None
        except UnicodeDecodeError:
            raise ContentError(path, 1, "site.toml must be UTF-8 text") from None
    known = {s.name for s in SETTINGS}
    values: dict = {}
    extra: dict = {}
    for key, value in data.items():
        if key in known:
            if not isinstance(value, str):
                raise ContentError(path, find_line(path, key), f"{key} must be a string")
            values[key] = value
        else:
            extra[key] = value
    if "title" not in values and values.get("language") in DEFAULT_TITLES:
        values["title"] = DEFAULT_TITLES[values["language"]]
    cfg = SiteConfig(root=root, extra=extra, **values)
    if cfg.language not in LANGUAGES:
        raise ContentError(
            path, find_line(path, "language"), f"language must be one of {', '.join(LANGUAGES)}"
        )
    try:
        ZoneInfo(cfg.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ContentError(
            path,
            find_line(path, "timezone"),
            f"unknown timezone {cfg.timezone!r}; use an IANA name such as Asia/Shanghai",
        ) from None
    if cfg.base_url and not is_site_address(cfg.base_url):
        raise ContentError(
            path,
            find_line(path, "base_url"),
            "base_url must be https://host/path/, http://host/path/ or a path starting with one /",
        )
    return cfg


def is_site_address(url: str) -> bool:
    """An http(s) address with a host, or a path on this host (``/timeline/``; not ``//other``)."""
    if re.search(r"[\x00-\x20\\]", url):
        return False
    parts = urlsplit(url)
    if parts.scheme:
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    return url.startswith("/") and not url.startswith("//")


def deploy_base_url(environ: dict[str, str]) -> str:
    """The address a hosting service gives the build, or empty.

    Netlify sets ``NETLIFY=true`` and names the site's main address in ``URL`` and this
    deploy's own in ``DEPLOY_PRIME_URL``: production builds use the first, deploy
    previews and branch deploys the second (their pages live there).
    """
    if environ.get("NETLIFY", "").lower() != "true":
        return ""
    main, prime = environ.get("URL", ""), environ.get("DEPLOY_PRIME_URL", "")
    chosen = main if environ.get("CONTEXT", "production") == "production" else prime
    url = chosen or prime or main
    return url if url and is_site_address(url) else ""


def default_config_text(title: str | None = None, language: str = DEFAULTS["language"]) -> str:
    """The site.toml written by ``sitegen init``: every setting, with its help as a comment; the
    title, when not given, is the default one in ``language``."""
    lines = ["# Site settings. Every key is optional; see docs/settings.md.", ""]
    given = {"title": title or DEFAULT_TITLES.get(language, DEFAULTS["title"]), "language": language}
    for s in SETTINGS:
        lines.append(f"# {s.help}")
        value = given.get(s.name, s.default)
        lines.append(f'{s.name} = "{value}"')
        lines.append("")
    return "\n".join(lines)


def find_line(path: Path | str, key: str, section: str | None = None) -> int | None:
    """The line of ``site.toml`` that sets ``key`` (of the table ``[section]`` when given: under
    its header, or dotted at the top as ``section.key = …``; else the header's own line)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    header = current = None
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            current = stripped.strip("[] \t").split("]", 1)[0].strip()
            header = n if current == section and header is None else header
            continue
        name = line.split("=", 1)[0].strip()
        if current == section and name == key:
            return n
        if section is not None and current is None and name == f"{section}.{key}":
            return n
    return header


def _line_from_message(msg: str) -> int | None:
    m = re.search(r"line (\d+)", msg)
    return int(m.group(1)) if m else None
