"""Screening's memory between comments: the rate limit holds under a flood on Redis."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest

from dateline.screening.state import MemoryStore, State, cache_state


def flood(state, comments):
    """`comments` attempts by one writer in the same instant, from many threads at once."""
    now = datetime.now(UTC)
    with ThreadPoolExecutor(max_workers=32) as pool:
        return list(
            pool.map(
                lambda _: state.take_token("author:flooder", now, every=3, burst=5),
                range(comments),
            )
        )


def test_the_site_cache_on_redis_rate_limits_in_one_atomic_step(redis_cache):
    state = cache_state()
    assert state.script is not None
    waits = flood(state, 200)
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
