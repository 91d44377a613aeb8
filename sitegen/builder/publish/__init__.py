"""Outputs for others: events.json, TimelineJS, feeds, sitemap and metadata."""
