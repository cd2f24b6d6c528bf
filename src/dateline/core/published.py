"""Values worked out from what is published, kept in this process until something is
published again.

Every comment posted asks the database the same questions before its text is judged:
which live story has this id (two queries: its kind, then its row), its section's
comment policy and closing days, the edition's closing days, the site's screening
settings. The answers change only when an editor publishes or changes the settings, and
each of those already bumps the site's version in the shared cache
(`pagecache.invalidate_site`, from `newsroom.signals` and `screening.signals`), which
makes every app server's cached pages stale. Kept here under that version, they go
stale on every server at once too: each look reads the version (one cache read), and a
new one drops everything kept under the old.

A value is also dropped a minute after it was worked out, whatever the version says,
so that a change made outside the site's own screens (a shell, a data migration) is
seen within a minute. While the cache cannot be trusted (an invalidation was lost, or
Redis is down and every read is a new version) nothing is kept: each look asks the
database, as before.

Kept values are shared by the threads of a process: they must never be changed by
whoever reads them (plain values, frozen dataclasses; a model's row, not the instance).
"""

import threading
import time
from collections.abc import Callable, Hashable

from .pagecache import site_version

MAX_AGE_SECONDS = 60
MAX_ENTRIES = 2048  # a few values per story that readers comment on


class PublishedMemo:
    """One process's values, under the site version they were worked out in."""

    def __init__(self, *, max_entries=MAX_ENTRIES, max_age=MAX_AGE_SECONDS):
        self.max_entries = max_entries
        self.max_age = max_age
        self.version = None
        self.entries = {}  # key: (monotonic time worked out, value), oldest first
        self.lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], object]):
        """The value kept under `key`, or `build()`'s, kept for the current version."""
        version = site_version()
        if version is None:
            return build()
        now = time.monotonic()
        found = self.entries.get(key) if version == self.version else None
        if found is not None and now - found[0] < self.max_age:
            return found[1]
        # Worked out from the database as it is now: if an editor publishes meanwhile,
        # the version read above is already old and the value is kept under it alone.
        value = build()
        with self.lock:
            if version != self.version:
                self.version, self.entries = version, {}
            self.entries.pop(key, None)
            while len(self.entries) >= self.max_entries:
                del self.entries[next(iter(self.entries))]
            self.entries[key] = (now, value)
        return value


memo = PublishedMemo()


def derived(key: Hashable, build: Callable[[], object]):
    """`build()`, worked out once per site version (and minute) in this process."""
    return memo.get(key, build)
