"""What a build writes, in order. Add an output by adding a function here."""

from __future__ import annotations

from .publish.export import events_json
from .publish.feeds import atom_feeds
from .publish.redirects import redirects
from .publish.seo import robots, sitemap
from .publish.timelinejs import timeline_json
from .render.about import about_page
from .render.pages import event_pages, index_page, not_found_page, source_pages, sources_index, static_files
from .render.topics import topic_pages
from .search.output import search_index

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
