"""Anonymous readers get cached pages; nobody gets a stale or someone else's page."""

import pytest
from django.contrib.auth import get_user_model

from dateline.core.pagecache import invalidate_page
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
