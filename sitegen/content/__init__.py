"""Content pages read back into the model: front matter checked field by field,
references and quotes checked, the site assembled."""
