"""Fixtures for core's tests."""

import pytest
from django.core.cache import cache


@pytest.fixture
def file_cache(settings, tmp_path):
    """The one-machine default: a file cache (and its lock files) in a scratch data folder."""
    settings.DATA_DIR = tmp_path
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    cache.clear()
    yield
    cache.clear()
