"""On the page: following a thread, the writer's badge under their own story, and the
notice while a surge holds every comment."""

import pytest
from django.contrib.auth import get_user_model

from dateline.comments import actions
from dateline.comments.models import Follow
from dateline.core.state import cache_state
from dateline.screening.actions import start_surge


@pytest.fixture
def thread(story):
    return story.comments.filter(depth=0, status="published").first()


def test_a_reader_follows_and_unfollows_a_thread(client, story, reader, thread):
    client.force_login(reader)
    html = client.get(story.url).content.decode()
    assert f'action="/comments/{thread.pk}/follow/"' in html and "Follow replies" in html
    client.post(f"/comments/{thread.pk}/follow/", {"on": "1"})
    assert Follow.objects.filter(user=reader, thread=thread).exists()
    assert "Following replies" in client.get(story.url).content.decode()
    client.post(f"/comments/{thread.pk}/follow/", {"on": "0"})
    assert not Follow.objects.filter(user=reader, thread=thread).exists()


def test_anonymous_readers_cannot_follow(client, thread):
    client.post(f"/comments/{thread.pk}/follow/", {"on": "1"})
    assert not Follow.objects.exists()


def test_a_bylined_writer_wears_the_author_badge_on_their_own_story(client, story, reader):
    staff = get_user_model().objects.filter(is_staff=True).first()
    author = story.bylines.first()
    get_user_model().objects.filter(byline=author).update(byline=None)
    from dateline.accounts.actions import link_byline

    link_byline(user=reader, author=author, actor=staff)
    actions.post_comment(author=reader, page=story, body="Author here: a correction.")
    html = client.get(story.url).content.decode()
    mine = html[html.index("Author here: a correction.") - 2500 :]
    assert "badge--author" in mine


def test_the_story_says_when_a_surge_holds_its_comments(
    client, story, django_capture_on_commit_callbacks
):
    assert "coming in fast" not in client.get(story.url).content.decode()  # now cached
    cache_state().store.set(f"screen:surge:{story.pk}", True, timeout=60)
    with django_capture_on_commit_callbacks(execute=True):  # the cached page goes stale
        start_surge(story, "31 comments in the last minute")
    assert "coming in fast" in client.get(story.url).content.decode()
