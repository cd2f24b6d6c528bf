"""When Redis or the database fails, readers still read and writers get a 503 to retry."""

import socket

import pytest
from django.db import OperationalError, connection
from django.test import Client

from dateline.comments.models import Comment
from dateline.core.errors import RETRY_AFTER_SECONDS
from dateline.core.pagecache import LOST_INVALIDATION, PageCacheApplication, invalidate_page
from dateline.settings import redis_cache
from tests.core.test_pagecache import ARTICLE, CountingApplication, wsgi_get
from tests.factories import make_person

pytestmark = pytest.mark.django_db

STORY = "/security-brief/france-needs-partners-in-mali/"


def closed_port():
    """A local TCP port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """The site's own Redis configuration, pointed at a Redis that is not there."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}


@pytest.fixture
def browser_client():
    """A client that gets the site's error pages, as a browser would, instead of raising."""
    return Client(raise_request_exception=False)


@pytest.fixture
def writer():
    return make_person("Outage Writer", email_verified=True)


@pytest.mark.usefixtures("redis_down")
def test_every_page_is_served_without_the_cache_while_redis_is_down(browser_client):
    for path in ("/", "/accounts/login/", ARTICLE, STORY, "/api/v1/openapi.json"):
        first, second = browser_client.get(path), browser_client.get(path)
        assert first.status_code == second.status_code == 200, path
        assert second.get("X-Page-Cache") != "hit"


@pytest.mark.usefixtures("redis_down")
def test_the_wsgi_fast_path_hands_over_to_django_while_redis_is_down():
    django = CountingApplication()
    status, _, body = wsgi_get(PageCacheApplication(django, local_seconds=0), ARTICLE)
    assert status == "200 OK" and body == b"from django" and django.calls == 1


@pytest.mark.usefixtures("redis_down")
def test_posting_answers_503_with_retry_after_while_redis_is_down(browser_client, writer, story):
    browser_client.force_login(writer)
    form = browser_client.post(f"/comments/pages/{story.pk}/post/", {"body": "Still here?"})
    assert form.status_code == 503
    assert form["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert b"back in a moment" in form.content
    api = browser_client.post(
        f"/api/v1/pages/{story.pk}/comments",
        {"body": "Still here?"},
        content_type="application/json",
    )
    assert api.status_code == 503 and api["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert api.json()["error"]["code"] == "service_unavailable"
    assert not Comment.objects.filter(author=writer).exists()


def test_an_invalidation_lost_to_an_outage_makes_every_page_stale_on_recovery(
    client, settings, story
):
    working = settings.CACHES
    client.get(STORY)
    assert client.get(STORY)["X-Page-Cache"] == "hit"
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}
    invalidate_page(story.pk)  # a moderator removed a comment while Redis was down
    assert LOST_INVALIDATION.is_set()
    settings.CACHES = working  # Redis is back, with the pages it held before
    assert client.get(ARTICLE)["X-Page-Cache"] == "miss"
    assert client.get(STORY)["X-Page-Cache"] == "miss"
    assert not LOST_INVALIDATION.is_set()


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)


def test_database_down_is_a_503_page_not_a_500(browser_client, story, database_down):
    page = browser_client.get("/")
    assert page.status_code == 503 and page["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert page["Content-Type"].startswith("text/html") and b"back in a moment" in page.content
    api = browser_client.get(f"/api/v1/pages/{story.pk}/comments")
    assert api.status_code == 503
    assert api.json()["error"]["code"] == "service_unavailable"
