"""Time expressions in Chinese and English resolved to dates at their precision."""
