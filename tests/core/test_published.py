"""Values worked out from published content are kept in the process until the site's
version moves on, a minute passes, or the cache cannot be trusted."""

import pytest

from dateline.core import pagecache
from dateline.core.published import PublishedMemo


class Builder:
    """Counts how often a value had to be worked out."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


@pytest.fixture
def memo():
    return PublishedMemo(max_entries=3)


def test_a_value_is_worked_out_once_per_site_version(memo):
    build = Builder()
    assert memo.get("story", build) == "value 1"
    assert memo.get("story", build) == "value 1"
    assert build.calls == 1
    pagecache.invalidate_site()  # an editor published something, on any app server
    assert memo.get("story", build) == "value 2"
    assert memo.get("story", build) == "value 2"


def test_a_page_changing_its_comments_keeps_what_was_worked_out(memo):
    build = Builder()
    memo.get("story", build)
    pagecache.invalidate_page(7)
    assert memo.get("story", build) == "value 1"


def test_a_value_is_worked_out_again_after_its_minute(memo, monkeypatch):
    build = Builder()
    clock = [1000.0]
    monkeypatch.setattr("dateline.core.published.time.monotonic", lambda: clock[0])
    memo.get("story", build)
    clock[0] += 59
    assert memo.get("story", build) == "value 1"
    clock[0] += 2
    assert memo.get("story", build) == "value 2"


def test_nothing_is_kept_while_an_invalidation_is_lost(memo, monkeypatch):
    build = Builder()
    monkeypatch.setattr("dateline.core.published.site_version", lambda: None)
    memo.get("story", build)
    memo.get("story", build)
    assert build.calls == 2


def test_the_oldest_values_make_room(memo):
    builds = {name: Builder() for name in "abcd"}
    for name in "abcd":
        memo.get(name, builds[name])
    assert len(memo.entries) == 3
    memo.get("a", builds["a"])  # dropped for "d": worked out again
    memo.get("d", builds["d"])
    assert builds["a"].calls == 2 and builds["d"].calls == 1
