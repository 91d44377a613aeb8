"""The vocabulary every stage shares: dates at a precision, the content model, slugs,
Markdown, front matter, the site's data files. Imports nothing of sitegen but errors and config."""
