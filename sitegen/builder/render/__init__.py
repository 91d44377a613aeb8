"""HTML pages: theme, timeline, event and source pages, quotes in sources."""
