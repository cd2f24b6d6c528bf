"""Page-cache version bumps are never lost, on the file cache of a one-machine install.

The file cache adds one by reading, then writing: without a lock, two workers bumping at
once can both write the same number, and a page cached between them stays current.
"""

import multiprocessing
import pickle

import pytest
from django.core.cache import cache, caches

from dateline.core import pagecache

WORKERS, BUMPS = 4, 40
KEY = "pagecache:page:test-bumps"


def bump_many(start):
    start.wait()
    for _ in range(BUMPS):
        pagecache._bump(KEY)


def test_bumps_from_several_processes_at_once_all_count(file_cache):
    first = pagecache._version(KEY)
    context = multiprocessing.get_context("fork")
    start = context.Event()
    workers = [context.Process(target=bump_many, args=(start,)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert cache.get(KEY) == first + WORKERS * BUMPS


def test_a_version_that_went_missing_never_comes_back_as_an_earlier_number(file_cache):
    pagecache._version(KEY)
    for _ in range(3):
        pagecache._bump(KEY)
    reached = cache.get(KEY)
    cache.delete(KEY)  # culled, or evicted
    assert pagecache._version(KEY) > reached
    cache.delete(KEY)
    pagecache._bump(KEY)  # a bump of a missing version
    assert cache.get(KEY) > reached


@pytest.mark.parametrize("where", ["file_cache", "redis_cache"])
def test_a_bumped_version_stays(where, request):
    """A version kept for five minutes only would start afresh and make pages stale."""
    store = request.getfixturevalue(where)
    store = store if where == "redis_cache" else caches["default"]
    first = pagecache._version(KEY)
    assert pagecache._bump(KEY)
    assert cache.get(KEY) == first + 1
    if where == "redis_cache":
        assert store.ttl(KEY) is None  # no expiry
    else:
        with open(store._key_to_file(KEY), "rb") as entry:
            assert pickle.load(entry) is None  # the file cache's "never expires"
