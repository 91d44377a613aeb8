"""The site's editable knowledge: data files under ``content/data/``.

Code in sitegen/ knows nothing about any particular story; what a site knows
about its story (outlet names, people's aliases, extra dictionary words) lives
in these files, which users edit.  sitegen ships general defaults in
``sitegen/data/``; a site's own file of the same name adds to and overrides them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SiteConfig
from ..errors import ContentError

PACKAGE_DATA = Path(__file__).parent.parent / "data"


def outlet_key(name: str) -> str:
    """``Sou Hu Cai Jing`` and ``souhu-caijing`` are one key."""
    return re.sub(r"[\W_]+", "", name).lower()


@dataclass
class SiteData:
    outlets: dict[str, str] = field(default_factory=dict)  # outlet_key -> display name
    files: list[Path] = field(default_factory=list)  # every file read, for watching/caching
    people: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> aliases
    organisations: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> aliases
    places: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> aliases
    stopwords: set[str] = field(default_factory=set)  # words that are never a subject or a tag
    not_names: set[str] = field(default_factory=set)  # words jieba mistakes for names

    def outlet_name(self, raw: str) -> str:
        """The display name of an outlet, or the name as written when unknown."""
        return self.outlets.get(outlet_key(raw), raw)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ContentError(path, int(m.group(1)) if m else None, f"not valid TOML: {exc}") from None


def load_site_data(config: SiteConfig) -> SiteData:
    data = SiteData()
    for path in (PACKAGE_DATA / "outlets.toml", config.content_dir / "data" / "outlets.toml"):
        if not path.exists():
            continue
        table = _read_toml(path).get("outlets", {})
        if not isinstance(table, dict):
            raise ContentError(path, None, 'expected an [outlets] table of "Pinyin Name" = "显示名"')
        for raw, display in table.items():
            if not isinstance(display, str):
                raise ContentError(path, None, f"outlet {raw!r}: the display name must be a string")
            data.outlets[outlet_key(raw)] = display
        data.files.append(path)
    _load_names(config.content_dir / "data" / "people.toml", data)
    for path in (PACKAGE_DATA / "stopwords.txt", config.content_dir / "data" / "stopwords.txt"):
        if path.exists():
            data.stopwords.update(_read_words(path))
            data.files.append(path)
    return data


def _load_names(path: Path, data: SiteData) -> None:
    """``people.toml``: ``[people]``, ``[organisations]``, ``[places]``: canonical name = [aliases]."""
    if not path.exists():
        return
    doc = _read_toml(path)
    not_names = doc.get("not_names", [])
    if not isinstance(not_names, list) or not all(isinstance(w, str) for w in not_names):
        raise ContentError(path, _line_of(path, "not_names"), "not_names must be a list of words")
    data.not_names.update(not_names)
    for table, target in (
        ("people", data.people),
        ("organisations", data.organisations),
        ("places", data.places),
    ):
        entries = doc.get(table, {})
        if not isinstance(entries, dict):
            raise ContentError(path, None, f'expected a [{table}] table of "Name" = ["alias", …]')
        for name, aliases in entries.items():
            if isinstance(aliases, str):
                aliases = [aliases]
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ContentError(path, _line_of(path, name), f"{name!r}: aliases must be a list of strings")
            target[name] = [a for a in aliases if a.strip()]
    data.files.append(path)


def _read_words(path: Path) -> list[str]:
    """One or more words per line, separated by spaces; ``#`` starts a comment."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words.extend(line.split("#", 1)[0].split())
    return words


def _line_of(path: Path, key: str) -> int | None:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().strip('"').startswith(key):
            return n
    return None
