"""Page-cache version bumps are never lost, on the file cache of a one-machine install.

The file cache adds one by reading, then writing: without a lock, two workers bumping at
once can both write the same number, and a page cached between them stays current.
"""

import multiprocessing

from django.core.cache import cache

from dateline.core import pagecache

WORKERS, BUMPS = 4, 40
KEY = "pagecache:page:test-bumps"


def bump_many(start):
    start.wait()
    for _ in range(BUMPS):
        pagecache._bump(KEY)


def test_bumps_from_several_processes_at_once_all_count(file_cache):
    context = multiprocessing.get_context("fork")
    start = context.Event()
    workers = [context.Process(target=bump_many, args=(start,)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    # The first bump of a missing version makes it 2 (a missing version reads as 1).
    assert cache.get(KEY) == 1 + WORKERS * BUMPS
