"""Templates and static files: the site's own ``templates/`` first, then the theme.

Lookup order, template by template (Hugo-style overrides):

1. ``<site>/templates/``                  - a site overrides single templates
2. ``<site>/themes/<theme>/templates/``   - a theme kept with the site
3. the themes shipped with sitegen        - ``default`` always exists

Static files follow the same order under ``static/``.  Each static file is
written with a content hash in its name (``style.3f2a1c9d.css``) so that it can
be cached forever.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

import jinja2
import jinja2.runtime
from markupsafe import Markup

from ...config import SiteConfig
from ...errors import ContentError

PACKAGED_THEMES = Path(__file__).resolve().parent.parent.parent / "themes"  # inside an installed wheel
CHECKOUT_THEMES = Path(__file__).resolve().parent.parent.parent.parent / "themes"  # a source checkout


def theme_dirs(config: SiteConfig) -> list[Path]:
    """Theme folders to search, most specific first (existing ones only)."""
    dirs: list[Path] = []
    for base in (config.root / "themes", PACKAGED_THEMES, CHECKOUT_THEMES):
        for name in dict.fromkeys((config.theme, "default")):
            d = base / name
            if d.is_dir() and d.resolve() not in [x.resolve() for x in dirs]:
                dirs.append(d)
    if not dirs:
        raise ContentError(config.config_path, None, f"theme {config.theme!r} not found under themes/")
    if not any(d.name == config.theme for d in dirs):
        raise ContentError(
            config.config_path,
            None,
            f"theme {config.theme!r} not found: add themes/{config.theme}/ or use 'default'",
        )
    return dirs


def template_dirs(config: SiteConfig) -> list[Path]:
    dirs = [config.root / "templates"] if (config.root / "templates").is_dir() else []
    return dirs + [d / "templates" for d in theme_dirs(config) if (d / "templates").is_dir()]


# Characters HTML and XML 1.0 forbid (C0 controls but tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF): dropped from every value a template prints, so no content can make a page invalid.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
"""C0 controls but tab and newlines, DEL and the C1 controls, lone surrogates and noncharacters:
XML 1.0 forbids some, HTML calls all of them parse errors (control-character-in-input-stream)."""


def drop_forbidden(text: str) -> str:
    """``text`` without the characters an HTML or XML document may not contain."""
    return _FORBIDDEN.sub("", text)


class Clean(Markup):
    """HTML made by templates from values that went through `_finalize` already (pieces of a page
    rendered on their own): not searched again."""


_SEARCH_FORBIDDEN = _FORBIDDEN.search


def _finalize(value: object) -> object:
    """Every value a template prints, on its way out: without the characters `_FORBIDDEN` names
    (a page prints about a hundred values: plain text, the most common, is tested first)."""
    if type(value) is str:
        return drop_forbidden(value) if _SEARCH_FORBIDDEN(value) else value
    if isinstance(value, Clean):
        return value
    if isinstance(value, str) and _SEARCH_FORBIDDEN(value):
        return Markup(drop_forbidden(value)) if isinstance(value, Markup) else drop_forbidden(value)
    return value


_PLAIN_CALLABLES = frozenset((FunctionType, BuiltinFunctionType, MethodType, jinja2.runtime.Macro))
_PASS_CONTEXT = jinja2.pass_context(lambda: None).jinja_pass_arg  # type: ignore[attr-defined]


class _Context(jinja2.runtime.Context):
    """Jinja's context, with a shorter way to call a plain function (``t('sources')``, ``url(...)``,
    a string's method, a macro): a page makes thirty such calls, and `Context.call` asks every
    callable four times whether it wants the context passed.  A plain function, built-in, bound
    method or macro wants it only if it carries ``jinja_pass_arg``: given `jinja2.pass_context`, it
    gets this context where no loop or block variables are set (else `Context.call` derives one);
    any other pass argument, and everything else (callable objects), goes through `Context.call` as
    before.  The result is the same: the internal ``_block_vars``/``_loop_vars`` arguments are
    dropped as there."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if type(__obj) not in _PLAIN_CALLABLES:
            return super().call(__obj, *args, **kwargs)
        wants = getattr(__obj, "jinja_pass_arg", None)
        if wants is not None:  # ``url()``: the context itself, unless loop or block variables derive one
            if wants is not _PASS_CONTEXT or kwargs.get("_block_vars") or kwargs.get("_loop_vars"):
                return super().call(__obj, *args, **kwargs)
            args = (__self, *args)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


def make_env(config: SiteConfig) -> jinja2.Environment:
    env = jinja2.Environment(
        finalize=_finalize,
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(config)]),
        autoescape=jinja2.select_autoescape(("html", "xml", "svg"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a build (or a serve update that changes templates) makes a new environment
    )
    env.context_class = _Context
    return env


@dataclass
class Assets:
    """Static files: logical name -> hashed output path, and their bytes."""

    paths: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)

    def url(self, name: str) -> str:
        try:
            return self.paths[name]
        except KeyError:
            raise KeyError(f"no static file {name!r} in the theme") from None


def collect_assets(config: SiteConfig) -> Assets:
    assets = Assets()
    dirs = ([config.root / "static"] if (config.root / "static").is_dir() else []) + [
        d / "static" for d in theme_dirs(config)
    ]
    for base in dirs:
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or path.name.startswith("."):
                continue
            name = path.relative_to(base).as_posix()
            if name in assets.paths:
                continue  # a more specific folder already provided it
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()[:10]
            p = Path(name)
            hashed = p.with_name(f"{p.stem}.{digest}{p.suffix}").as_posix()
            assets.paths[name] = f"assets/{hashed}"
            assets.files[f"assets/{hashed}"] = data
            assets.sources[name] = path
    return assets


def load_strings(config: SiteConfig) -> dict[str, str]:
    """Interface strings in the site's language (theme i18n/<language>.toml)."""
    strings: dict[str, str] = {}
    for d in reversed(theme_dirs(config)):
        for lang in ("en", config.language):
            path = d / "i18n" / f"{lang}.toml"
            if path.exists():
                try:
                    strings.update(tomllib.loads(path.read_text(encoding="utf-8")))
                except tomllib.TOMLDecodeError as exc:
                    raise ContentError(path, None, f"not valid TOML: {exc}") from None
    return strings
