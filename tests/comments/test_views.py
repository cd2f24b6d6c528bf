"""The comment section as a reader without JavaScript uses it: forms, redirects, messages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.comments import actions
from dateline.comments.models import Comment
from dateline.comments.threads import PAGE_SIZE


def test_section_shows_count_rules_and_login_prompt(client, story):
    html = client.get(story.url).content.decode()
    assert "7 Responses" in html
    assert "Rules of conduct" in html or "rules of conduct" in html.lower()
    assert "Log in</a> or" in html and "Comment deleted by its author." in html


def test_post_through_the_form(client, story, reader):
    client.force_login(reader)
    response = client.post(f"/comments/pages/{story.pk}/post/", {"body": "Through the form."})
    comment = Comment.objects.get(author=reader)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    page = client.get(story.url).content.decode()
    assert "Through the form." in page and "8 Responses" in page


def test_empty_post_shows_the_error_and_keeps_nothing(client, story, reader):
    client.force_login(reader)
    response = client.post(f"/comments/pages/{story.pk}/post/", {"body": "   "})
    assert response.status_code == 400
    assert "Write something before posting." in response.content.decode()
    assert not Comment.objects.filter(author=reader).exists()


def test_too_long_post_keeps_the_text_for_another_try(client, story, reader):
    client.force_login(reader)
    text = "word " * 1100
    response = client.post(f"/comments/pages/{story.pk}/post/", {"body": text})
    assert response.status_code == 400
    assert "at most 5,000 characters" in response.content.decode()
    assert text.strip()[:100] in response.content.decode()


def test_anonymous_form_post_is_refused(client, story):
    response = client.post(f"/comments/pages/{story.pk}/post/", {"body": "Hi"})
    assert response.status_code == 403
    assert not Comment.objects.filter(body="Hi").exists()


def test_edit_form_disappears_after_the_window(client, story, reader):
    client.force_login(reader)
    comment = actions.post_comment(author=reader, page=story, body="Fresh.")
    assert f"edit-{comment.pk}" in client.get(story.url).content.decode()
    Comment.objects.filter(pk=comment.pk).update(created=timezone.now() - timedelta(minutes=6))
    assert f"edit-{comment.pk}" not in client.get(story.url).content.decode()


def test_other_readers_get_an_error_not_an_edit(client, story, reader, other_reader):
    comment = actions.post_comment(author=reader, page=story, body="Mine.")
    client.force_login(other_reader)
    client.post(f"/comments/{comment.pk}/edit/", {"body": "Changed."}, follow=True)
    client.post(f"/comments/{comment.pk}/delete/", follow=True)
    comment.refresh_from_db()
    assert comment.body == "Mine." and comment.status == Comment.Status.PUBLISHED


@pytest.mark.parametrize("position", [1, PAGE_SIZE + 3])
def test_permalink_finds_the_page_of_threads(client, quiet_story, reader, position):
    comments = [
        actions.post_comment(author=reader, page=quiet_story, body=f"Number {n}")
        for n in range(position)
    ]
    target = comments[-1]
    response = client.get(f"/comments/{target.pk}/")
    expected_page = "?page=2" if position > PAGE_SIZE else ""
    assert response["Location"] == f"{quiet_story.url}{expected_page}#comment-{target.pk}"
    landing = client.get(response["Location"].split("#")[0]).content.decode()
    assert f'id="comment-{target.pk}"' in landing


def test_live_updates_endpoint_returns_newer_comments(client, story, reader):
    latest = Comment.objects.filter(page=story).order_by("-id").first().pk
    comment = actions.post_comment(author=reader, page=story, body="Live one.")
    data = client.get(f"/comments/pages/{story.pk}/since/?after={latest}").json()
    assert [item["id"] for item in data["comments"]] == [comment.pk]
    assert "Live one." in data["comments"][0]["html"]
