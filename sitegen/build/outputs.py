"""What a build writes, in order. Add an output by adding a function here."""

from __future__ import annotations

from .about import about_page
from .export import events_json
from .feeds import atom_feeds
from .pages import (
    event_pages,
    index_page,
    not_found_page,
    source_pages,
    sources_index,
    static_files,
)
from .redirects import redirects
from .search import search_index
from .seo import robots, sitemap
from .timelinejs import timeline_json
from .topics import topic_pages

OUTPUTS = (
    static_files,
    index_page,
    event_pages,
    source_pages,
    sources_index,
    not_found_page,
    about_page,
    topic_pages,
    events_json,
    timeline_json,
    atom_feeds,
    sitemap,
    robots,
    search_index,
    redirects,
)
