"""Feeds and sitemaps parse and point at the right pages."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from dateline.newsroom.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.mark.parametrize(
    "url, version",
    [
        ("/feeds/latest/", "rss20"),
        ("/feeds/latest/atom/", "atom10"),
        ("/feeds/section/world/", "rss20"),
        ("/feeds/topic/mali-intervention/atom/", "atom10"),
    ],
)
def test_feeds_parse(client, url, version):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert len(feed.entries) >= 3
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/")
        assert client.get(entry.link.removeprefix("http://testserver")).status_code == 200


def test_latest_feed_is_newest_first_and_includes_blog_posts(client):
    feed = feedparser.parse(client.get("/feeds/latest/").content)
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert any("/security-brief/" in entry.link for entry in feed.entries)


def test_unknown_feed_is_404(client):
    assert client.get("/feeds/section/nowhere/").status_code == 404


def test_sitemap_lists_every_live_story(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {node.text for node in root.iter(f"{SITEMAP}loc")}
    for article in ArticlePage.objects.live():
        assert any(loc.endswith(article.url) for loc in locations), article.url


def test_news_sitemap_lists_only_recent_stories(client):
    section = SectionPage.objects.get(slug="world", locale__language_code="en")
    fresh = ArticlePage(title="Fresh report", slug="fresh-report")
    section.add_child(instance=fresh)
    fresh.save_revision().publish()
    root = ET.fromstring(client.get("/sitemap-news.xml").content)
    urls = [node.text for node in root.iter(f"{SITEMAP}loc")]
    assert urls == ["http://testserver/world/fresh-report/"]
    assert [node.text for node in root.iter(f"{NEWS}title")] == ["Fresh report"]


def test_sitemap_addresses_are_on_the_sites_real_host(client, settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    answer = client.get("/sitemap.xml", HTTP_HOST="news.example.org")
    locations = [node.text for node in ET.fromstring(answer.content).iter(f"{SITEMAP}loc")]
    assert locations and all(loc.startswith("http://news.example.org/") for loc in locations)
    settings.SITE_URL = "https://www.example.org"
    answer = client.get("/sitemap.xml", HTTP_HOST="news.example.org")
    locations = [node.text for node in ET.fromstring(answer.content).iter(f"{SITEMAP}loc")]
    assert all(loc.startswith("https://www.example.org/") for loc in locations)
