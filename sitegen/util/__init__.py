"""Infrastructure with no knowledge of news: the on-disk cache, atomic file writes,
forked children, progress lines, jieba segmentation in bounded pieces."""
