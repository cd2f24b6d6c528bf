"""Shared pieces: the base layout, error pages, the anonymous page cache."""
