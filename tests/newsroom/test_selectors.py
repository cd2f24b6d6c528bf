"""A story looked up by id is kept between requests, never shared between them, and
gone once it is unpublished."""

import pytest

from dateline.newsroom.models import ArticlePage, SectionPage
from dateline.newsroom.selectors import live_story

pytestmark = pytest.mark.django_db


def article():
    return ArticlePage.objects.get(slug="gao-celebrates", locale__language_code="en")


def test_the_story_comes_back_whole_without_a_query(django_assert_num_queries):
    stored = article()
    live_story(stored.pk)
    with django_assert_num_queries(0):
        found = live_story(stored.pk)
        assert type(found) is ArticlePage
        assert (found.pk, found.title, found.path, found.first_published_at) == (
            stored.pk,
            stored.title,
            stored.path,
            stored.first_published_at,
        )
        assert list(found.body.raw_data) == list(stored.body.raw_data)


def test_each_lookup_is_an_instance_of_its_own():
    stored = article()
    first, second = live_story(stored.pk), live_story(stored.pk)
    assert first is not second and first.body is not second.body
    first.title = "Changed in one request"
    assert first.body[0].value  # a StreamValue fills itself in as it is read
    assert second.title == stored.title
    assert list(second.body.raw_data) == list(stored.body.raw_data)


def test_only_live_stories_are_found(django_capture_on_commit_callbacks):
    section = SectionPage.objects.get(slug="africa", locale__language_code="en")
    assert live_story(section.pk) is None  # a page, not a story
    assert live_story(10**9) is None
    story = article()
    assert live_story(story.pk) is not None
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert live_story(story.pk) is None
