"""The static search index: text folded and segmented, sharded, updated in place."""
