"""The extraction's one entry point, with its cache: `extract` runs the stages (`events`)
or, when nothing it depends on changed, returns the last result (`reuse`)."""

from __future__ import annotations

import json

from ..config import SiteConfig
from ..core.model import Source
from ..core.sitedata import SiteData
from ..util.cache import Cache
from . import reuse
from .entities import gazetteer
from .events import extract_events
from .extraction import Extraction


def extract(
    sources: list[Source], config: SiteConfig, data: SiteData, cache: Cache | None = None
) -> Extraction:
    """``cache`` (`sitegen.util.cache`) keeps each text's segmentation and, for an import where
    nothing changed, the whole extraction (`reuse`)."""
    if cache is None or not cache.enabled:
        return extract_events(sources, config, data, cache)
    try:
        key = reuse.key(sources, config, data)
    except (TypeError, reuse.Unkept):  # an input it cannot write down: no reuse
        return extract_events(sources, config, data, cache)
    table = cache.table("extraction", reuse.code_version())
    found, value = table.get(key)
    if found:
        try:
            kept = reuse.decode(value)
        except (KeyError, TypeError, ValueError, IndexError):
            kept = None  # unreadable: computed again below
        if kept is not None:
            gazetteer(data)  # jieba learns the site's names, as running the extraction would teach it
            return kept
    out = extract_events(sources, config, data, cache)
    try:
        value = json.loads(json.dumps(reuse.encode(out), ensure_ascii=False))
        if reuse.same(reuse.decode(value), out):
            table.put(key, value)
    except reuse.Unkept:
        pass
    return out
