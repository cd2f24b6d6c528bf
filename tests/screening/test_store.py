"""Screening's memory on the one-machine file cache: the same entries as the site's cache,
without listing the cache folder at every write."""

from unittest import mock

import pytest
from django.core.cache.backends.filebased import FileBasedCache
from django.utils import timezone

from dateline.core.pagecache import CULL_EVERY
from dateline.core.state import cache_state
from dateline.screening.store import screening_state


@pytest.fixture
def file_cache(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
            "KEY_PREFIX": "dateline",
        }
    }


def test_screening_writes_what_the_site_cache_reads(file_cache):
    now = timezone.now()
    state = screening_state()
    assert state.take_token("author:7", now, every=3, burst=1) == 0
    state.remember("author:7", now, "fingerprint", window=600)
    state.store.set("screen:surge:12", True, timeout=60)
    site = cache_state()
    assert site.take_token("author:7", now, every=3, burst=1) > 0  # the same bucket, spent
    assert site.recent("author:7", now, 600) == ["fingerprint"]
    assert site.store.get("screen:surge:12") is True


def test_the_folder_is_looked_at_once_every_so_many_writes(file_cache):
    state = screening_state()
    with mock.patch.object(
        FileBasedCache, "_list_cache_files", autospec=True, return_value=[]
    ) as listed:
        for number in range(2 * CULL_EVERY):
            state.store.set(f"screen:recent:{number}", [number], timeout=60)
    assert listed.call_count <= 2


def test_other_caches_keep_the_site_state(settings):
    assert type(screening_state().store) is type(cache_state().store)
