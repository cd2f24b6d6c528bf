"""Screening's memory (rate limits, recent fingerprints, surge counts) in the site's cache.

`core.state.cache_state` keeps it in the site's cache as it is configured, with one
exception made here. Django's file cache, the one-machine default, lists its whole folder
on every write to decide whether to cull it: a comment's screening writes five times (two
rate limits, two fingerprints, the story's surge count), the rate limits under the lock
every worker takes turns through, and the folder also holds every cached page. With a few
hundred files the listing took more than half of each write (about 1 ms of 2 on the
benchmark machine); with the thousands a news site keeps it would take tens of
milliseconds, under that lock. Screening's writes therefore go through a file cache on the
same folder, with the same keys, that looks at the folder once every CULL_EVERY writes:
the folder is culled as before, a little later.
"""

import itertools
import threading

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache

from dateline.core.state import State, cache_state, shared_cache_lock

CULL_EVERY = 100

_stores = {}
_stores_lock = threading.Lock()


class SparselyCulledFileCache(FileBasedCache):
    """A file cache that checks whether to cull once every CULL_EVERY writes, not at each."""

    def __init__(self, location, params):
        super().__init__(location, params)
        self.writes = itertools.count()

    def _cull(self):
        if next(self.writes) % CULL_EVERY == 0:
            super()._cull()


def _same_folder(site_cache):
    """A SparselyCulledFileCache reading and writing the same entries as `site_cache`."""
    with _stores_lock:
        key = (site_cache._dir, site_cache.key_prefix, site_cache.version)
        store = _stores.get(key)
        if store is None:
            store = SparselyCulledFileCache(
                site_cache._dir,
                {
                    "TIMEOUT": site_cache.default_timeout,
                    "KEY_PREFIX": site_cache.key_prefix,
                    "VERSION": site_cache.version,
                    "OPTIONS": {
                        "MAX_ENTRIES": site_cache._max_entries,
                        "CULL_FREQUENCY": site_cache._cull_frequency,
                    },
                },
            )
            store.key_func = site_cache.key_func
            _stores[key] = store
        return store


def screening_state():
    """Screening's memory: `core.state.cache_state`, on a sparsely culled file cache where
    the site's cache is a file cache."""
    site_cache = caches["default"]
    if not isinstance(site_cache, FileBasedCache):
        return cache_state()
    return State(_same_folder(site_cache), lock=shared_cache_lock("screening"))
