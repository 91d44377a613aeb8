"""sitegen: sourced news timelines from raw news-search dumps."""

__version__ = "0.1.0"
