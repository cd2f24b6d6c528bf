"""Anonymous readers get cached pages; nobody gets a stale or someone else's page."""

import io
import re

import pytest
from django.contrib.auth import get_user_model

from dateline.core import pagecache
from dateline.core.pagecache import PageCacheApplication, invalidate_page
from dateline.newsroom.models import ArticlePage
from tests.factories import make_person

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


def test_publishing_invalidates(client, django_capture_on_commit_callbacks):
    client.get(ARTICLE)
    article = ArticlePage.objects.get(slug="we-are-winning-in-mali", locale__language_code="en")
    article.title = "A new headline"
    with django_capture_on_commit_callbacks(execute=True):
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


def test_logged_in_readers_bypass_the_cache(client):
    client.get(ARTICLE)
    user = get_user_model().objects.create_user(
        username="reader", email="reader@example.com", password="x" * 12, display_name="Reader"
    )
    client.force_login(user)
    assert "X-Page-Cache" not in client.get(ARTICLE)
    assert "X-Page-Cache" not in client.get(ARTICLE + "?utm_source=x")


class RecordingCache:
    """The shared cache, with a note of every page entry written to it."""

    def __init__(self, cache):
        self.cache = cache
        self.entries = []

    def __getattr__(self, name):
        return getattr(self.cache, name)

    def set(self, key, value, *args, **kwargs):
        if key.startswith("pagecache:entry:"):
            self.entries.append(key)
        return self.cache.set(key, value, *args, **kwargs)


@pytest.fixture
def stored(monkeypatch):
    """The keys of the page entries the test stores, in order."""
    recording = RecordingCache(pagecache.cache)
    monkeypatch.setattr(pagecache, "cache", recording)
    return recording.entries


TRACKED = [
    "?utm_source=x",
    "?utm_source=facebook&utm_medium=social&utm_campaign=mali",
    "?fbclid=IwAR3xYz_0123456789",
    "?gclid=Cj0KCQjw&gbraid=0AAAAA",
    "?fbclid=another-one&ref=home",
]


def test_tracked_links_are_hits_of_the_plain_entry(client, stored):
    plain = client.get(ARTICLE)
    assert plain["X-Page-Cache"] == "miss"
    for query in TRACKED:
        tracked = client.get(ARTICLE + query)
        assert tracked.status_code == 200, query
        assert tracked["X-Page-Cache"] == "hit", query
        assert tracked.content == plain.content, query
    assert stored == [f"pagecache:entry:http://testserver{ARTICLE}?"]


def test_a_tracked_link_fills_the_plain_entry_without_its_tags(client, stored):
    first = client.get(ARTICLE + "?fbclid=MARKER123&utm_source=MARKER456")
    assert first["X-Page-Cache"] == "miss"
    assert client.get(ARTICLE)["X-Page-Cache"] == "hit"
    assert stored == [f"pagecache:entry:http://testserver{ARTICLE}?"]
    html = first.content.decode()
    assert "MARKER" not in html
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', html).group(1)
    assert canonical.endswith(ARTICLE)  # the site's own address, without the tags


def test_sort_and_page_stay_distinct_and_keep_their_tags_apart(client, stored):
    assert client.get(ARTICLE)["X-Page-Cache"] == "miss"
    newest = client.get(ARTICLE + "?sort=newest")
    assert newest["X-Page-Cache"] == "miss"
    assert client.get(ARTICLE + "?page=2")["X-Page-Cache"] == "miss"
    assert client.get(ARTICLE + "?sort=newest&page=2")["X-Page-Cache"] == "miss"
    # One spelling per variant: tags left out, names in order, the last value read.
    for query in ("?sort=newest&utm_source=x", "?fbclid=y&sort=oldest&sort=newest"):
        again = client.get(ARTICLE + query)
        assert again["X-Page-Cache"] == "hit", query
        assert again.content == newest.content, query
    assert client.get(ARTICLE + "?page=2&fbclid=z&sort=newest")["X-Page-Cache"] == "hit"
    assert len(stored) == len(set(stored)) == 4


def test_unknown_parameters_are_sent_to_the_address_without_them(
    client, stored, django_assert_num_queries
):
    client.get(ARTICLE)
    for value in range(5):
        with django_assert_num_queries(0):  # no render: nothing of the page is read
            response = client.get(f"{ARTICLE}?x={value}")
        assert response.status_code == 301
        assert response["Location"] == ARTICLE
        assert "X-Page-Cache" not in response
        assert response["X-Frame-Options"] == "DENY"  # the site's headers, as on any answer
    kept = client.get(ARTICLE + "?utm_source=a&next=/world/&sort=newest&x=%C3%A9")
    assert kept.status_code == 301
    assert kept["Location"] == ARTICLE + "?utm_source=a&sort=newest"
    assert client.head(ARTICLE + "?x=1").status_code == 301
    assert stored == [f"pagecache:entry:http://testserver{ARTICLE}?"]
    assert client.get(ARTICLE + "?x=1", follow=True).redirect_chain == [(ARTICLE, 301)]


def test_unknown_parameters_on_a_missing_page_are_still_not_found(client):
    response = client.get("/no/such/page/?x=1", follow=True)
    assert response.status_code == 404


def test_views_that_read_their_own_parameters_keep_them(client, stored):
    client.get(ARTICLE)
    for path in (
        "/search/?q=Mali",
        "/search/?q=Mali&utm_source=x",
        "/search/?q=Mali&page=1",
        "/accounts/login/?next=" + ARTICLE,
        "/sitemap.xml?p=1",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "X-Page-Cache" not in response, path
    results = client.get("/search/?q=Mali&fbclid=y").content.decode()
    assert "We are winning in Mali" in results or "winning-in-mali" in results
    assert stored == [f"pagecache:entry:http://testserver{ARTICLE}?"]


def test_the_queue_keeps_its_tab_and_page(client):
    client.force_login(make_person("Queue Editor", is_staff=True))
    assert client.get("/moderation/?tab=held&page=1&back=x").status_code == 200


def wsgi_get(application, path, cookie=""):
    """Call a WSGI application the way a server would; returns (status, headers, body)."""
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
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


def test_wsgi_fast_path_answers_tracked_links_from_the_plain_entry(client):
    client.get(ARTICLE)
    django = CountingApplication()
    fast = PageCacheApplication(django, local_seconds=60)
    for query in TRACKED:
        status, headers, body = wsgi_get(fast, ARTICLE + query)
        assert status == "200 OK" and headers["X-Page-Cache"] == "hit", query
    assert django.calls == 0
    assert list(fast.local) == [f"pagecache:entry:http://testserver{ARTICLE}?"]
    wsgi_get(fast, ARTICLE + "?x=1")
    assert django.calls == 1  # an unknown parameter goes to Django, which redirects
