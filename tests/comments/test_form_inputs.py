"""The comment forms and the story page apply the API's input rules and say what was wrong."""

import pytest
from django.contrib.messages import get_messages

from dateline.comments import actions
from dateline.comments.models import Comment, Flag


def post_url(story):
    return f"/comments/pages/{story.pk}/post/"


@pytest.mark.parametrize("parent", ["²", "٣", "99999999999999999999", "-1", "1.5", "999999"])
def test_a_reply_to_a_bad_parent_is_refused_with_the_text_kept(client, story, reader, parent):
    client.force_login(reader)
    response = client.post(post_url(story), {"body": "My reply.", "parent": parent})
    assert response.status_code == 400
    html = response.content.decode()
    assert "My reply." in html
    assert "“parent” must be a whole number" in html or "not there any more" in html
    assert not Comment.objects.filter(author=reader).exists()


def test_a_reply_to_a_real_parent_still_posts(client, story, reader):
    client.force_login(reader)
    parent = Comment.objects.filter(page=story, depth=0).first()
    response = client.post(post_url(story), {"body": "Agreed.", "parent": str(parent.pk)})
    assert response.status_code == 302
    assert Comment.objects.get(author=reader).parent == parent


def test_nul_in_a_form_comment_is_refused(client, story, reader):
    client.force_login(reader)
    response = client.post(post_url(story), {"body": "a\x00b"})
    assert response.status_code == 400 and "not text" in response.content.decode()


def flag(client, comment, note):
    response = client.post(f"/comments/{comment.pk}/flag/", {"reason": "spam", "note": note})
    return response, [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def comment(story, other_reader):
    return actions.post_comment(author=other_reader, page=story, body="Flag me.")


def test_flag_note_over_300_characters_is_refused_not_cut(client, reader, comment):
    client.force_login(reader)
    response, said = flag(client, comment, "x" * 301)
    assert response.status_code == 302
    assert said == ["“note” has at most 300 characters (this one has 301)."]
    assert not Flag.objects.exists()
    _, said = flag(client, comment, "x" * 300)
    assert Flag.objects.get().note == "x" * 300


def test_flag_note_with_nul_is_refused(client, reader, comment):
    client.force_login(reader)
    _, said = flag(client, comment, "spam\x00")
    assert "not text" in said[0] and not Flag.objects.exists()


@pytest.mark.parametrize("number", ["²", "99999999999999999999", "0", "-3", "abc", "1000000000"])
def test_story_page_with_a_bad_page_number_shows_the_first_page(client, story, number):
    response = client.get(f"{story.url}?page={number}")
    assert response.status_code == 200
    assert "Amina Coulibaly" in response.content.decode()  # the first thread's writer


def test_story_page_far_past_the_last_page_is_empty_not_an_error(client, story):
    response = client.get(f"{story.url}?page=999999999")
    assert response.status_code == 200
    assert "Amina Coulibaly" not in response.content.decode()


@pytest.mark.parametrize("cursor", ["²", "99999999999999999999", "-1"])
def test_live_updates_refuse_a_bad_cursor(client, story, cursor):
    response = client.get(f"/comments/pages/{story.pk}/since/?cursor={cursor}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_live_updates_from_zero(client, story):
    response = client.get(f"/comments/pages/{story.pk}/since/?cursor=0")
    assert response.status_code == 200 and response.json()["comments"]
