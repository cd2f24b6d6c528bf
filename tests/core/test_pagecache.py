"""Anonymous readers get cached pages; nobody gets a stale or someone else's page."""

import io

import pytest
from django.contrib.auth import get_user_model

from dateline.core.pagecache import PageCacheApplication, invalidate_page
from dateline.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

ARTICLE = "/world/we-are-winning-in-mali/"


def test_second_anonymous_request_is_a_hit_with_the_same_bytes(client):
    first = client.get(ARTICLE)
    second = client.get(ARTICLE)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert second["X-Frame-Options"] == "DENY"


def test_hit_needs_no_database(client, django_assert_num_queries):
    client.get(ARTICLE)
    with django_assert_num_queries(0):
        assert client.get(ARTICLE)["X-Page-Cache"] == "hit"


def test_publishing_invalidates(client):
    client.get(ARTICLE)
    article = ArticlePage.objects.get(slug="we-are-winning-in-mali", locale__language_code="en")
    article.title = "A new headline"
    article.save_revision().publish()
    response = client.get(ARTICLE)
    assert response["X-Page-Cache"] == "miss"
    assert "A new headline" in response.content.decode()


def test_invalidate_page_makes_its_variants_stale(client):
    client.get(ARTICLE)
    client.get(ARTICLE + "?sort=newest")
    invalidate_page(
        ArticlePage.objects.get(slug="we-are-winning-in-mali", locale__language_code="en").pk
    )
    assert client.get(ARTICLE)["X-Page-Cache"] == "miss"
    assert client.get(ARTICLE + "?sort=newest")["X-Page-Cache"] == "miss"


def test_logged_in_readers_and_odd_queries_bypass_the_cache(client):
    client.get(ARTICLE)
    user = get_user_model().objects.create_user(
        username="reader", email="reader@example.com", password="x" * 12, display_name="Reader"
    )
    client.force_login(user)
    assert "X-Page-Cache" not in client.get(ARTICLE)
    client.logout()
    assert "X-Page-Cache" not in client.get(ARTICLE + "?utm_source=x")


def wsgi_get(application, path, cookie=""):
    """Call a WSGI application the way a server would; returns (status, headers, body)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": "testserver",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return seen["status"], seen["headers"], body


class CountingApplication:
    """Stands in for Django behind the fast path; counts the requests that reach it."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from django"]


def test_wsgi_fast_path_answers_hits_without_django(client):
    client.get(ARTICLE)  # fills the cache through the middleware
    django = CountingApplication()
    fast = PageCacheApplication(django, local_seconds=0)
    status, headers, body = wsgi_get(fast, ARTICLE)
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert b"French leader says" in body and django.calls == 0
    wsgi_get(fast, ARTICLE, cookie="sessionid=abc")
    assert django.calls == 1  # logged-in readers go to Django


def test_wsgi_fast_path_reuses_a_checked_entry_only_briefly(client):
    client.get(ARTICLE)
    django = CountingApplication()
    fast = PageCacheApplication(django, local_seconds=60)
    wsgi_get(fast, ARTICLE)
    invalidate_page(
        ArticlePage.objects.get(slug="we-are-winning-in-mali", locale__language_code="en").pk
    )
    wsgi_get(fast, ARTICLE)
    assert django.calls == 0  # within the local window the checked copy is reused
    strict = PageCacheApplication(django, local_seconds=0)
    wsgi_get(strict, ARTICLE)
    assert django.calls == 1  # once the window has passed, the change is seen
