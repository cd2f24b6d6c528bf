"""A logged-in reader's page reuses the parts every reader sees alike (`{% kept %}`):
the story, its head and the section menu are drawn once per publication, never for a
preview, and drawn again whenever what they show changes."""

import pytest
from wagtail.models import Page

from dateline.core.pagecache import invalidate_site
from dateline.newsroom.models import ArticlePage, Author, EditionSettings
from tests.factories import make_person

pytestmark = pytest.mark.django_db

ARTICLE = "/world/we-are-winning-in-mali/"


@pytest.fixture
def article():
    return ArticlePage.objects.get(slug="we-are-winning-in-mali", locale__language_code="en")


@pytest.fixture
def reader(client):
    client.force_login(make_person("Kept Parts Reader"))
    return client


def retitle_quietly(article, title):
    """Change the live title in the database without a publication (nothing is told)."""
    Page.objects.filter(pk=article.pk).update(title=title)


def test_logged_in_page_reuses_the_story_until_the_site_publishes(reader, article):
    assert article.title in reader.get(ARTICLE).content.decode()
    retitle_quietly(article, "A quiet change")
    kept = reader.get(ARTICLE).content.decode()
    headline = 'class="story__headline">A quiet change</h1>'
    assert headline not in kept  # the story came from the cache
    assert '<meta property="og:title" content="A quiet change">' not in kept  # its head too
    assert "Kept Parts Reader" in kept  # the account menu is the reader's own
    invalidate_site()
    assert headline in reader.get(ARTICLE).content.decode()


def test_the_kept_story_is_the_same_as_the_anonymous_page(reader, client, article):
    from django.test import Client

    reader.get(ARTICLE)
    logged_in = reader.get(ARTICLE).content.decode()
    anonymous = Client().get(ARTICLE).content.decode()
    story = logged_in[logged_in.index('<h1 id="headline"') : logged_in.index('id="comments"')]
    assert story and story in anonymous


def test_publishing_draws_the_story_again(reader, article, django_capture_on_commit_callbacks):
    reader.get(ARTICLE)
    article.title = "A published headline"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert "A published headline" in reader.get(ARTICLE).content.decode()


@pytest.mark.parametrize("logged_in", [True, False])
def test_renaming_a_byline_draws_the_pages_again(
    client, article, logged_in, django_capture_on_commit_callbacks
):
    if logged_in:
        client.force_login(make_person("Kept Parts Reader"))
    author = article.bylines.first()
    client.get(ARTICLE)
    with django_capture_on_commit_callbacks(execute=True):
        author.name = "Renamed Reporter"
        author.save()
    assert "Renamed Reporter" in client.get(ARTICLE).content.decode()


def test_changing_the_time_zones_draws_the_pages_again(reader, django_capture_on_commit_callbacks):
    assert "HKT" in reader.get(ARTICLE).content.decode()
    settings = EditionSettings.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        settings.time_zones = "GMT|UTC\nWAT|Africa/Lagos"
        settings.save()
    page = reader.get(ARTICLE).content.decode()
    assert "WAT" in page and "HKT" not in page


def test_a_preview_is_drawn_afresh_and_never_kept(reader, article):
    live_title = article.title
    reader.get(ARTICLE)  # the live story is kept
    article.title = "A draft headline"
    preview = article.make_preview_request().content.decode()
    assert "A draft headline" in preview
    live = reader.get(ARTICLE).content.decode()
    assert "A draft headline" not in live
    assert live_title in live


def test_each_host_gets_its_own_story_head(reader, settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example"]
    reader.get(ARTICLE)
    page = reader.get(ARTICLE, HTTP_HOST="news.example").content.decode()
    assert '<meta property="og:image" content="http://news.example/' in page


def test_deleting_an_author_is_a_change_too(reader, django_capture_on_commit_callbacks):
    author = Author.objects.create(name="Short Lived", slug="short-lived")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        author.delete()
    assert callbacks  # the site's pages are made stale once the delete is committed
