"""Screening's memory between comments: the rate limit holds under a flood, on each cache."""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from dateline.core.state import MemoryStore, State, cache_state


def flood(new_state, comments):
    """`comments` attempts by one writer in the same instant, from many threads at once.

    Each attempt makes its own State, as each request does.
    """
    now = datetime.now(UTC)
    with ThreadPoolExecutor(max_workers=32) as pool:
        return list(
            pool.map(
                lambda _: new_state().take_token("author:flooder", now, every=3, burst=5),
                range(comments),
            )
        )


FLOODER = """
import sys, time
from datetime import UTC, datetime
import django
django.setup()
from dateline.core.state import cache_state
start = float(sys.argv[1])
time.sleep(max(0, start - time.time()))  # every worker fires at the same moment
now = datetime.fromtimestamp(start, UTC)
waits = [cache_state().take_token("ip:10.0.0.7", now, every=3, burst=5) for _ in range(200)]
print(waits.count(0))
"""


def test_worker_processes_sharing_the_file_cache_take_turns(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dateline.settings",
        "DATELINE_DATA_DIR": str(tmp_path),
        "REDIS_URL": "",
    }
    stamp = str(datetime.now(UTC).timestamp() + 3)  # after every worker has started
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", FLOODER, stamp], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    passed = [int(worker.communicate(timeout=120)[0]) for worker in workers]
    assert sum(passed) == 5


def test_threads_sharing_the_file_cache_take_turns(file_cache):
    assert flood(cache_state, 200).count(0) == 5


def test_the_site_cache_on_redis_rate_limits_in_one_atomic_step(redis_cache):
    assert cache_state().script is not None
    waits = flood(cache_state, 200)
    assert waits.count(0) == 5
    assert {round(wait, 3) for wait in waits if wait} == {3.0}


def test_redis_and_the_plain_store_agree_on_waits(redis_cache):
    on_redis, plain = cache_state(), State(MemoryStore())
    start = datetime.now(UTC).timestamp()
    for offset in (0, 0.5, 1, 1.2, 1.4, 1.6, 2, 5, 5.1, 30):
        now = datetime.fromtimestamp(start + offset, UTC)
        expected = plain.take_token("ip:10.0.0.1", now, every=3, burst=5)
        assert on_redis.take_token("ip:10.0.0.1", now, every=3, burst=5) == pytest.approx(
            expected, abs=0.001
        )


def test_remember_answers_what_recent_would():
    state, start = State(MemoryStore()), datetime(2026, 12, 7, tzinfo=UTC)
    state.remember("story:1", start, "old", window=60)
    later = start + timedelta(seconds=90)  # "old" has left the window
    assert state.remember("story:1", later, "new", window=60) == ["new"]
    assert state.remember("story:1", later, "newer", window=60) == ["new", "newer"]
    assert state.recent("story:1", later, 60) == ["new", "newer"]


def test_screening_memory_lives_in_the_state_cache_when_there_is_one(settings, tmp_path):
    from django.core.cache import caches

    settings.DATA_DIR = tmp_path
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "state": {
            "BACKEND": "dateline.core.filecache.LeanFileCache",
            "LOCATION": str(tmp_path / "state"),
        },
    }
    state = cache_state()
    assert state.store is caches["state"]
    assert type(state.lock).__name__ == "FileLock"  # workers share the file cache: they take turns
    now = datetime.now(UTC)
    assert state.take_token("author:1", now, every=3, burst=1) == 0
    assert state.take_token("author:1", now, every=3, burst=1) > 0
