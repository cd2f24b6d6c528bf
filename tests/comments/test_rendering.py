"""The comment section drawn once per version of its threads and shared, with each viewer's
own part added per request: the right things for each reader, never another's, in a
constant number of queries."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from dateline.comments import actions
from dateline.comments.models import Comment
from dateline.comments.text import render_body
from dateline.core.pagecache import invalidate_page


def add_comments(page, count, authors):
    """`count` published comments on `page`: a fifth top-level, each with four replies."""
    roots = Comment.objects.bulk_create(
        [
            Comment(
                page=page,
                author=authors[n % len(authors)],
                body=f"Root {n}.",
                body_html=render_body(f"Root {n}."),
                depth=0,
                reply_count=4,
            )
            for n in range(count // 5)
        ]
    )
    Comment.objects.filter(pk__in=[root.pk for root in roots]).update(thread=F("id"))
    Comment.objects.bulk_create(
        [
            Comment(
                page=page,
                author=authors[(n + i) % len(authors)],
                body=f"Reply {n}.{i}.",
                body_html=render_body(f"Reply {n}.{i}."),
                depth=min(i + 1, 2),
                parent=root,
                thread=root,
            )
            for n, root in enumerate(roots)
            for i in range(4)
        ]
    )
    invalidate_page(page.pk)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def shared_entries():
    """Every drawing of threads kept in the cache (the test cache is a local-memory one)."""
    return [
        value
        for key, value in ((key, cache.get(key.split(":", 2)[2])) for key in list(cache._cache))
        if ":comments:thread:" in key and value is not None
    ]


@pytest.mark.parametrize("staff", [False, True])
def test_queries_per_page_stay_the_same_from_10_to_100_comments(
    client, quiet_story, reader, make_reader, staff
):
    authors = [make_reader() for _ in range(5)] + [reader]
    viewer = make_reader(is_staff=staff)
    client.force_login(viewer)
    add_comments(quiet_story, 10, authors)
    actions.react(Comment.objects.filter(page=quiet_story).last(), user=viewer)
    client.get(quiet_story.url + "?page=2")  # the site's own first-request reads
    small = (queries_for(client, quiet_story.url), queries_for(client, quiet_story.url))
    add_comments(quiet_story, 90, authors)
    large = (queries_for(client, quiet_story.url), queries_for(client, quiet_story.url))
    assert large == small  # (drawn, then from the cache)
    assert large[1] < large[0]  # reused: the threads' own queries are not run again
    page = client.get(quiet_story.url).content.decode()
    assert page.count('class="comment comment--depth-') == 100  # 20 threads, 80 replies


def test_two_readers_each_see_their_own_and_not_the_others(
    client, story, reader, other_reader, django_capture_on_commit_callbacks
):
    theirs = Comment.objects.filter(page=story, status="published").exclude(author=reader)
    respected = theirs.first()
    with django_capture_on_commit_callbacks(execute=True):
        mine = actions.post_comment(author=reader, page=story, body="Mine, in the open.")
        actions.react(respected, user=reader)
        held = actions.post_comment(author=reader, page=story, body="Mine, held back.")
    Comment.objects.filter(pk=held.pk).update(status=Comment.Status.HELD)

    client.force_login(other_reader)  # first: the threads are drawn and kept for everyone
    other = client.get(story.url).content.decode()
    client.force_login(reader)
    own = client.get(story.url).content.decode()
    client.force_login(other_reader)
    other_again = client.get(story.url).content.decode()

    # The writer sees their held comment, their Respect, and Edit and Delete on their own.
    assert "Mine, held back." in own and "Held for review" in own
    assert f'action="/comments/{respected.pk}/react/"' in own
    assert re.search(
        rf'action="/comments/{respected.pk}/react/"[^>]*>[^<]*<input[^>]*>'
        r'<button[^>]*aria-pressed="true">Respected<',
        own,
    )
    assert f"edit-{mine.pk}" in own and f'action="/comments/{mine.pk}/delete/"' in own
    # The other reader sees none of it, however the page was drawn.
    for page in (other, other_again):
        assert "Mine, in the open." in page
        assert "Mine, held back." not in page and "Held for review" not in page
        assert ">Respected<" not in page
        assert f"edit-{mine.pk}" not in page
        assert f'action="/comments/{mine.pk}/delete/"' not in page
        assert f'action="/comments/{mine.pk}/react/"' in page  # theirs to respect
    # What is kept for everyone holds nothing of anyone.
    entries = shared_entries()
    assert entries
    for entry in entries:
        html = "".join(part for part in entry.parts if isinstance(part, str))
        assert "Mine, in the open." in html
        for personal in ("Mine, held back.", "Respected", "csrfmiddlewaretoken", "<form", "edit-"):
            assert personal not in html
        assert held.pk not in [shown.pk for shown in entry.shown()]


def test_a_new_comment_shows_at_once_on_the_drawn_page(
    client, story, reader, other_reader, django_capture_on_commit_callbacks
):
    client.force_login(other_reader)
    assert "Just in." not in client.get(story.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_comment(author=reader, page=story, body="Just in.")
    assert "Just in." in client.get(story.url).content.decode()


def test_only_staff_are_offered_feature(client, story, reader, moderator):
    comment = Comment.objects.filter(page=story, status="published").first()
    client.force_login(reader)
    assert f'action="/comments/{comment.pk}/feature/"' not in client.get(story.url).content.decode()
    client.force_login(moderator)
    assert f'action="/comments/{comment.pk}/feature/"' in client.get(story.url).content.decode()


def test_each_comment_offers_reply_and_report_and_the_page_one_form_of_each(client, story, reader):
    client.force_login(reader)
    html = client.get(story.url).content.decode()
    comment = Comment.objects.filter(page=story, status="published").exclude(author=reader).first()
    assert f'href="/comments/{comment.pk}/?reply=1" data-form="reply-form"' in html
    assert f'href="/comments/{comment.pk}/?report=1" data-form="report-form"' in html
    assert html.count('<template id="reply-form">') == 1
    assert html.count('<template id="report-form">') == 1
    assert html.count('name="reason"') == 1  # the reasons are listed once, in the template


def test_reply_and_report_work_without_a_script(client, story, reader):
    comment = Comment.objects.filter(page=story, status="published").exclude(author=reader).first()
    anonymous = client.get(f"/comments/{comment.pk}/?reply=1")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")

    client.force_login(reader)
    form = client.get(f"/comments/{comment.pk}/?reply=1").content.decode()
    assert f'<input type="hidden" name="parent" value="{comment.pk}">' in form
    assert f"Reply to {comment.author.display_name}" in form
    once = re.search(r'name="once" value="([^"]+)"', form).group(1)
    response = client.post(
        f"/comments/pages/{story.pk}/post/",
        {"body": "A reply from its own page.", "parent": comment.pk, "once": once},
    )
    reply = Comment.objects.get(body="A reply from its own page.")
    assert response.status_code == 302 and reply.parent_id == comment.pk

    report = client.get(f"/comments/{comment.pk}/?report=1").content.decode()
    assert f'action="/comments/{comment.pk}/flag/"' in report and 'name="reason"' in report
    client.post(f"/comments/{comment.pk}/flag/", {"reason": "spam"})
    assert comment.flags.filter(user=reader, reason="spam").exists()

    # One's own comment takes no report: the link leads to the comment instead.
    own = client.get(f"/comments/{reply.pk}/?report=1")
    assert own.status_code == 302 and own["Location"].endswith(f"#comment-{reply.pk}")


def test_the_arabic_page_keeps_a_drawing_of_its_own(client, story, db):
    from wagtail.models import Page

    arabic = next(
        page
        for page in Page.objects.live().filter(locale__language_code="ar").specific()
        if hasattr(page, "comments_open")
    )
    english = client.get(story.url).content.decode()
    html = client.get(arabic.url).content.decode()
    assert "Respect<" in english
    section = html[html.index('<section id="comments"') :]
    assert "Respect<" not in section


def test_a_story_version_outlives_the_file_cache_default_timeout(settings, tmp_path, story):
    """On the one-machine file cache, a bumped version must not expire after five minutes:
    counted again from 1, it would reach numbers old drawings were kept under."""
    import time
    from unittest import mock

    from dateline.core.pagecache import current_versions

    settings.DATA_DIR = tmp_path
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    invalidate_page(story.pk)
    invalidate_page(story.pk)
    bumped = current_versions(story.pk)
    later = time.time() + 6 * 60
    with mock.patch("django.core.cache.backends.filebased.time.time", return_value=later):
        assert current_versions(story.pk) == bumped
