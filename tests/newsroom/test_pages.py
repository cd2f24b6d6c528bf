"""What a reader sees on the demo newsroom's pages."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from wagtail.models import Site

from dateline.newsroom.models import ArticlePage, EditionSettings, SectionPage

pytestmark = pytest.mark.django_db

ARTICLE = "/world/we-are-winning-in-mali/"


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_article_shows_byline_times_in_both_zones_and_highlights(client):
    page = html(client, ARTICLE)
    assert 'From <a href="/authors/helene-marchand/">Hélène Marchand</a>, dateline' in page
    assert "January 29, 2013 -- 1405 GMT</time> (2205 HKT)" in page
    assert "Updated" in page and "2238 GMT</time> (0638 HKT)" in page
    assert '<time datetime="2013-01-29T22:38:00+00:00">' in page
    new_marks = re.findall(r'<strong class="new-mark">NEW:</strong> ([^<]+)</li>', page)
    assert new_marks == ["Donors pledge close to half a billion dollars for Mali"]
    assert page.count("<li>") >= 4


def test_article_body_has_read_links_gallery_videos_credits_and_coverage(client):
    page = html(client, ARTICLE)
    read_links = re.findall(r'<span>READ:</span> <a href="([^"]+)">', page)
    assert len(read_links) == 3
    for link in read_links:
        assert client.get(link).status_code == 200
    assert "Photos: Mali&#x27;s war in pictures" in page or "Photos: Mali's war in pictures" in page
    assert "A military convoy on the road north from Sévaré." in page
    assert "Related videos" in page and "Gao celebrates its liberation" in page
    assert "Rachel Okafor and Ousmane Traoré contributed to this report." in page
    assert "Part of complete coverage on" in page
    assert 'class="skip-link" href="#main"' in page and '<main id="main"' in page


def test_new_mark_is_derived_from_revisions(client):
    section = SectionPage.objects.get(slug="africa", locale__language_code="en")
    article = ArticlePage(
        title="Test story", slug="test-story", highlights="First point\nSecond point\nThird point"
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    assert [is_new for _, is_new in ArticlePage.objects.get(pk=article.pk).highlight_items] == [
        False,
        False,
        False,
    ]
    article.highlights = "Fresh point\nFirst point\nSecond point\nThird point"
    article.save_revision().publish()
    items = ArticlePage.objects.get(pk=article.pk).highlight_items
    assert items[0] == ("Fresh point", True)
    assert all(not is_new for _, is_new in items[1:])


def test_highlights_must_number_three_to_five():
    article = ArticlePage(title="x", slug="x", highlights="only one")
    with pytest.raises(Exception, match="3 to 5"):
        article.clean()


def test_edition_time_zones_come_from_settings(client):
    settings = EditionSettings.for_site(Site.objects.get(is_default_site=True))
    settings.time_zones = "ET|America/New_York\nCET|Europe/Paris"
    settings.save()
    page = html(client, ARTICLE)
    assert "January 29, 2013 -- 0905 ET</time> (1505 CET)" in page


def test_arabic_edition_is_rtl_and_linked_both_ways(client):
    english = html(client, ARTICLE)
    match = re.search(
        r'<a href="([^"]+)" hreflang="ar">Read a version of this story in Arabic</a>', english
    )
    assert match, "English article links to the Arabic edition"
    assert '<link rel="alternate" hreflang="ar"' in english
    arabic = html(client, match.group(1))
    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'hreflang="en"' in arabic and ARTICLE in arabic
    assert "الرئيس الفرنسي" in arabic


def test_topic_hub_lists_stories_newest_first_with_times_and_teasers(client):
    page = html(client, "/mali-intervention/")
    titles = [unescape(t) for t in re.findall(r"<h3><a href=\"[^\"]+\">([^<]+)</a></h3>", page)]
    stories = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en", topics__slug="mali-intervention")
        .order_by("-first_published_at")
    )
    assert titles == [story.title for story in stories]
    assert "Mali's gold mines keep working as war rages in the north" not in titles
    assert "Updated" in page and "A coup, a rebellion" in page


def test_blog_post_shows_eastern_time_byline_and_contributors(client):
    page = html(client, "/security-brief/france-needs-partners-in-mali/")
    assert "January 18th, 2013 08:46 AM ET" in page
    assert "Daniel Brennan" in page
    assert "Ousmane Traoré contributed to this report." in page


def test_json_ld_and_open_graph(client):
    page = html(client, ARTICLE)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "French leader says the campaign in Mali is being won"
    assert data["author"] == [{"@type": "Person", "name": "Hélène Marchand"}]
    assert data["datePublished"].startswith("2013-01-29T14:05")
    assert '<meta property="og:title"' in page and '<meta property="og:image"' in page
    blog = html(client, "/security-brief/france-needs-partners-in-mali/")
    blog_block = re.search(r'<script type="application/ld\+json">(.*?)</script>', blog, re.S)
    assert json.loads(blog_block.group(1))["@type"] == "BlogPosting"


def test_home_section_author_pages(client):
    home = html(client, "/")
    assert "Top stories" in home and "French leader says" in home
    assert "Five things to know" in html(client, "/world/")
    assert "Librarians count the cost" in html(client, "/authors/ousmane-traore/")


def test_unknown_url_gets_styled_404(client):
    response = client.get("/no/such/story/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()
    assert "site.css" in response.content.decode()


@pytest.mark.parametrize("query", ["Timbuktu", "", "\x00\xff((", "a" * 5000, "AND OR NOT", "'\""])
def test_search_never_fails(client, query):
    response = client.get("/search/", {"q": query, "page": "x"})
    assert response.status_code == 200


def test_search_finds_stories(client):
    page = html(client, "/search/?q=manuscripts")
    assert "Librarians count the cost to Timbuktu" in page


def test_comments_close_per_article_and_after_days(django_capture_on_commit_callbacks):
    def article():  # comments_open is worked out once per page object, as once per request
        return ArticlePage.objects.get(slug="gao-celebrates", locale__language_code="en")

    def publish(section):  # as the editor does: the site's version moves on at the commit
        with django_capture_on_commit_callbacks(execute=True):
            section.save_revision().publish()

    assert article().comments_open is True  # no limit set anywhere
    section = SectionPage.objects.get(slug="africa", locale__language_code="en")
    section.close_comments_after_days = 30
    publish(section)
    assert article().comments_open is False  # published in 2013
    recent = article()
    recent.first_published_at = timezone.now() - timedelta(days=3)
    assert recent.comments_open is True
    closed = article()
    closed.comments_enabled = False
    assert closed.comments_open is False
    section.close_comments_after_days = None
    section.comment_policy = "closed"
    publish(section)
    assert article().comments_open is False
