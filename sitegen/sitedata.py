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

from .config import SiteConfig
from .errors import ContentError

PACKAGE_DATA = Path(__file__).parent / "data"


def outlet_key(name: str) -> str:
    """``Sou Hu Cai Jing`` and ``souhu-caijing`` are one key."""
    return re.sub(r"[\W_]+", "", name).lower()


@dataclass
class SiteData:
    outlets: dict[str, str] = field(default_factory=dict)  # outlet_key -> display name
    files: list[Path] = field(default_factory=list)  # every file read, for watching/caching

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
    return data
