"""Screening's memory (rate limits, recent fingerprints, surge counts) in the site's cache.

`core.state.cache_state`, written through `core.pagecache.lean_cache`: on the one-machine
file cache, Django lists the whole cache folder at every write to decide whether to cull
it, and a comment's screening writes five times (two rate limits, two fingerprints, the
story's surge count), the rate limits under the lock every worker takes turns through.
With 400 cached files those five writes took 12-16 ms, 3 ms without the listing; with
5,000, 82-97 ms against 4 ms.
"""

from django.core.cache.backends.filebased import FileBasedCache

from dateline.core.pagecache import lean_cache
from dateline.core.state import State, cache_state


def screening_state():
    """Screening's memory: `core.state.cache_state`, written without the file cache's
    listing where the site's cache is a file cache."""
    state = cache_state()
    if not isinstance(state.store, FileBasedCache):
        return state  # Redis (its rate limit one script), or another cache
    return State(lean_cache(), lock=state.lock)
