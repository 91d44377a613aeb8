"""Rebuilding only what an edit affects: what each output reads, the manifest."""
