"""The comment section as a reader without JavaScript uses it: forms, redirects, messages."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import Page

from dateline.comments import actions
from dateline.comments.models import Comment, Ruling
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
    # Six minutes on, with the thread's drawing still cached, the window has closed.
    later = timezone.now() + timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
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


@pytest.fixture
def settled(story):
    """The story as it stands an hour on: nothing changed in the last few seconds."""
    Comment.objects.filter(page=story).update(changed=timezone.now() - timedelta(hours=1))
    return story


def cursor_of(html):
    return re.search(r'data-cursor="([0-9]+)"', html).group(1)


def poll(client, story, cursor):
    response = client.get(f"/comments/pages/{story.pk}/since/?cursor={cursor}")
    assert response.status_code == 200
    return response.json()


def test_live_updates_bring_new_comments_and_the_count(client, settled, story, reader):
    cursor = cursor_of(client.get(story.url).content.decode())
    comment = actions.post_comment(author=reader, page=story, body="Live one.")
    data = poll(client, story, cursor)
    assert [(item["id"], item["status"]) for item in data["comments"]] == [
        (comment.pk, "published")
    ]
    assert "Live one." in data["comments"][0]["html"]
    assert data["responses"] == 8 and data["heading"] == "8 Responses"
    # Nothing changed since the answer's cursor (once past the overlap): no count either.
    Comment.objects.filter(page=story).update(changed=timezone.now() - timedelta(hours=1))
    again = poll(client, story, data["cursor"])
    assert again["comments"] == [] and again["responses"] is None and again["heading"] is None


def test_a_comment_approved_after_the_page_loaded_comes_through_polling(
    client, settled, story, reader, moderator
):
    comment = actions.post_comment(author=reader, page=story, body="Wait for me.")
    Comment.objects.filter(pk=comment.pk).update(
        status=Comment.Status.HELD, changed=timezone.now() - timedelta(hours=1)
    )
    comment.refresh_from_db()
    cursor = cursor_of(client.get(story.url).content.decode())
    assert poll(client, story, cursor)["comments"] == []
    actions.moderate(comment, actor=moderator, decision=Ruling.APPROVE)
    data = poll(client, story, cursor)
    assert [(item["id"], item["status"]) for item in data["comments"]] == [
        (comment.pk, "published")
    ]
    assert "Wait for me." in data["comments"][0]["html"] and data["responses"] == 8


def test_a_removed_comment_is_gone_for_others_and_a_tombstone_stays(
    client, settled, story, reader, moderator
):
    removed = actions.post_comment(author=reader, page=story, body="Soon removed.")
    deleted = actions.post_comment(author=reader, page=story, body="Soon deleted.")
    cursor = cursor_of(client.get(story.url).content.decode())
    actions.moderate(removed, actor=moderator, decision=Ruling.REJECT)
    actions.delete_comment(deleted, actor=reader)
    items = {item["id"]: item for item in poll(client, story, cursor)["comments"]}
    assert items[removed.pk]["status"] == "gone" and items[removed.pk]["html"] == ""
    assert items[deleted.pk]["status"] == "deleted"
    assert "Comment deleted by its author." in items[deleted.pk]["html"]


def test_the_writer_keeps_their_own_held_comment(client, settled, story, reader, moderator):
    comment = actions.post_comment(author=reader, page=story, body="Mine, held.")
    cursor = cursor_of(client.get(story.url).content.decode())
    actions.moderate(comment, actor=moderator, decision=Ruling.REJECT)
    client.force_login(reader)
    (item,) = poll(client, story, cursor)["comments"]
    assert item["status"] == "rejected" and "Only you can see this." in item["html"]


def test_the_cursor_never_passes_a_change_that_may_still_commit(client, settled, story, reader):
    cursor = cursor_of(client.get(story.url).content.decode())
    comment = actions.post_comment(author=reader, page=story, body="Slow commit.")
    first = poll(client, story, cursor)
    # Asked again at once, the overlap sends it again: the page shows it once (by its id).
    assert [item["id"] for item in poll(client, story, first["cursor"])["comments"]] == [comment.pk]


@pytest.mark.parametrize("cursor", ["", "x", "-1", "1" * 18, "１２"])
def test_a_bad_cursor_is_a_clear_400(client, story, cursor):
    response = client.get(f"/comments/pages/{story.pk}/since/?cursor={cursor}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


@pytest.mark.parametrize(
    ("query", "placement"),
    [
        ("", "bottom"),
        ("?sort=newest", "top"),
        ("?sort=reactions", "notice"),
        ("?sort=replies", "notice"),
        ("?tab=featured", "off"),
    ],
)
def test_live_updates_follow_the_sort_order(client, story, query, placement):
    html = client.get(story.url + query).content.decode()
    assert f'data-live="{placement}"' in html


def test_own_comment_offers_no_respect_and_the_form_refuses_it(client, story, reader):
    mine = actions.post_comment(author=reader, page=story, body="Mine to respect?")
    client.force_login(reader)
    html = client.get(story.url).content.decode()
    assert f'action="/comments/{mine.pk}/react/"' not in html
    theirs = Comment.objects.filter(page=story, status="published").exclude(author=reader).first()
    assert f'action="/comments/{theirs.pk}/react/"' in html
    page = client.post(f"/comments/{mine.pk}/react/", follow=True).content.decode()
    assert "You cannot respect your own comment." in page
    mine.refresh_from_db()
    assert mine.reaction_count == 0


def test_comment_boxes_count_instead_of_cutting(client, story, reader):
    client.force_login(reader)
    html = client.get(story.url).content.decode()
    assert 'maxlength="5000"' not in html
    assert 'data-max-length="5000"' in html
    assert 'data-too-long="A comment has at most 5,000 characters."' in html


def test_too_long_edit_keeps_the_text_for_another_try(client, story, reader):
    comment = actions.post_comment(author=reader, page=story, body="Short.")
    client.force_login(reader)
    text = "x" * 6000
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": text})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your edit was not saved" in html and "at most 5,000 characters" in html
    assert f">{text}</textarea>" in html and f'action="/comments/{comment.pk}/edit/"' in html
    comment.refresh_from_db()
    assert comment.body == "Short."


def test_comment_times_carry_the_edition_zones(client, story):
    html = client.get(story.url).content.decode()
    first = Comment.objects.filter(page=story, depth=0).order_by("created").first()
    stamp = first.created.isoformat()
    assert re.search(
        rf'<a class="comment__time" href="/comments/{first.pk}/"><time datetime="{re.escape(stamp)}">'
        r"[A-Z][a-z]+ \d{1,2}, \d{4} -- \d{4} GMT</time> \(\d{4} HKT\)</a>",
        html,
    )


def test_the_arabic_edition_comment_section_reads_in_arabic(client, db):
    story = next(
        page
        for page in Page.objects.live().filter(locale__language_code="ar").specific()
        if hasattr(page, "comments_open")
    )
    html = client.get(story.url).content.decode()
    section = html[html.index('<section id="comments"') :]
    for words in ("أضف تعليقًا", "قواعد السلوك", "سجّل الدخول", "الأكثر تقديرًا", "الأحدث"):
        assert words in section
    assert "Post a comment" not in section and "Rules of conduct" not in section
