"""Parallax: compare how outlets report the same event."""

__version__ = "0.1.0"
