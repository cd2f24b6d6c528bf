"""The one-machine cache: Django's file cache, culled now and then.

Django's FileBasedCache lists its whole folder at every write to count its entries. With
the thousands of pages, comment drawings and screening entries a site keeps there, that
listing costs tens of milliseconds a write, and some writes (page-version bumps,
screening's rate limits) are made under a lock that every worker takes turns through. A
comment's five screening writes took 12-16 ms with 400 cached files, 3 ms without the
listing; with 5,000 files, 82-97 ms against 4 ms.
"""

import itertools

from django.core.cache.backends.filebased import FileBasedCache

# How many writes of one process pass between two looks at the folder.
CULL_EVERY = 100


class SparselyCulledFileCache(FileBasedCache):
    """Django's file cache, except that it checks whether to cull once every CULL_EVERY
    writes of this process instead of at each: the folder is culled as before, a little
    later."""

    def __init__(self, location, params):
        super().__init__(location, params)
        self.writes = itertools.count()

    def _cull(self):
        if next(self.writes) % CULL_EVERY == 0:
            super()._cull()
