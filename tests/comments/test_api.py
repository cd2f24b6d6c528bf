"""The comments JSON API: reads, writes, error codes, session and token authentication."""

import json

import pytest
from django.test import Client

from dateline.accounts.actions import issue_token
from dateline.comments.models import Comment
from dateline.comments.openapi import ERROR_CODES


def api(client, method, url, data=None, token=None, raw=None):
    extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    body = raw if raw is not None else (json.dumps(data) if data is not None else "")
    return getattr(client, method)(url, body, content_type="application/json", **extra)


def code(response):
    return response.json()["error"]["code"]


@pytest.fixture
def token(reader):
    return issue_token(reader)


def comments_url(page):
    return f"/api/v1/pages/{page.pk}/comments"


def test_list_is_threaded_and_sorted(client, story):
    data = client.get(comments_url(story)).json()
    assert data["page"]["responses"] == 7
    assert data["sort"] == "oldest" and data["has_more"] is False
    first = data["comments"][0]
    assert first["author"]["display_name"] == "Amina Coulibaly"
    level3 = first["replies"][0]["replies"]
    assert [c["depth"] for c in level3] == [2, 2]  # the fourth level stays at the third
    assert level3[1]["replying_to"]["display_name"] == "Amina Coulibaly"
    tombstone = data["comments"][-1]
    assert tombstone["status"] == "deleted" and tombstone["author"] is None
    assert tombstone["body"] == ""
    by_replies = client.get(comments_url(story) + "?sort=replies").json()["comments"]
    assert by_replies[0]["reply_count"] >= by_replies[1]["reply_count"]
    featured = client.get(comments_url(story) + "?featured=1").json()["comments"]
    assert [c["featured"] for c in featured] == [True]


@pytest.mark.parametrize(
    ("query", "error"),
    [("?sort=best", "invalid_sort"), ("?page=0", "invalid_page"), ("?page=x", "invalid_page")],
)
def test_bad_list_queries(client, story, query, error):
    response = client.get(comments_url(story) + query)
    assert response.status_code == 400 and code(response) == error


def test_unknown_page_or_comment(client, story):
    assert code(client.get("/api/v1/pages/999999/comments")) == "not_found"
    assert code(client.get(f"/api/v1/pages/{story.get_parent().pk}/comments")) == "not_found"
    assert client.get("/api/v1/comments/999999").status_code == 404


def test_post_reply_edit_delete_with_a_token(client, story, token):
    posted = api(client, "post", comments_url(story), {"body": "First point."}, token)
    assert posted.status_code == 201
    comment = posted.json()["comment"]
    assert comment["status"] == "published" and comment["html"] == "<p>First point.</p>"
    reply = api(
        client, "post", comments_url(story), {"body": "Reply.", "parent": comment["id"]}, token
    )
    assert reply.json()["comment"]["parent"] == comment["id"]
    edited = api(client, "patch", f"/api/v1/comments/{comment['id']}", {"body": "Better."}, token)
    assert edited.json()["comment"]["body"] == "Better." and edited.json()["comment"]["edited"]
    deleted = api(client, "delete", f"/api/v1/comments/{comment['id']}", token=token)
    assert deleted.json()["comment"]["status"] == "deleted"


@pytest.mark.parametrize(
    ("data", "raw", "error"),
    [
        ({}, None, "missing_field"),
        ({"body": ""}, None, "empty"),
        ({"body": "  \n "}, None, "empty"),
        ({"body": "x" * 5001}, None, "too_long"),
        ({"body": "bell\x07"}, None, "binary"),
        ({"body": 12}, None, "invalid_body"),
        ({"body": "Hi", "parent": "one"}, None, "invalid_parent"),
        ({"body": "Hi", "parent": 999999}, None, "invalid_parent"),
        (None, b"{not json", "invalid_json"),
        (None, b"\x00\xff", "invalid_json"),
        (None, b"", "invalid_json"),
        (None, b"[]", "invalid_json"),
    ],
)
def test_bad_posts_get_a_400_with_a_code(client, story, token, data, raw, error):
    response = api(client, "post", comments_url(story), data, token, raw=raw)
    assert response.status_code == 400, response.content
    assert code(response) == error and response.json()["error"]["message"]


def test_anonymous_posts_get_401(client, story):
    response = api(client, "post", comments_url(story), {"body": "Hello"})
    # Without cookies there is nothing to forge, but also no one to post as.
    assert response.status_code in (401, 403)
    assert code(response) in ("login_required", "csrf_failed")
    response = Client(enforce_csrf_checks=False).post(
        comments_url(story), {"body": "Hello"}, content_type="application/json"
    )
    assert response.status_code == 401 and code(response) == "login_required"


def test_session_writes_need_the_csrf_token(story, reader):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    refused = browser.post(comments_url(story), {"body": "Hi"}, content_type="application/json")
    assert refused.status_code == 403 and code(refused) == "csrf_failed"
    browser.get(story.url)  # the page sets the CSRF cookie
    accepted = browser.post(
        comments_url(story),
        {"body": "Hi"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value,
    )
    assert accepted.status_code == 201


def test_others_cannot_edit_delete_or_feature(client, story, reader, other_reader, token):
    comment = api(client, "post", comments_url(story), {"body": "Mine."}, token).json()["comment"]
    url = f"/api/v1/comments/{comment['id']}"
    other = issue_token(other_reader)
    assert code(api(client, "patch", url, {"body": "Theirs"}, other)) == "not_author"
    assert code(api(client, "delete", url, token=other)) == "not_author"
    assert code(api(client, "put", url + "/featured", token=other)) == "staff_only"
    assert Comment.objects.get(pk=comment["id"]).body == "Mine."


def test_moderator_features(client, story, moderator, token):
    comment = api(client, "post", comments_url(story), {"body": "Good."}, token).json()["comment"]
    staff = issue_token(moderator)
    response = api(client, "put", f"/api/v1/comments/{comment['id']}/featured", token=staff)
    assert response.json()["comment"]["featured"] is True


def test_reactions_and_flags(client, story, token, other_reader):
    other = issue_token(other_reader)
    comment = api(client, "post", comments_url(story), {"body": "Respect?"}, token).json()
    url = f"/api/v1/comments/{comment['comment']['id']}"
    assert api(client, "put", url + "/reaction", token=other).json() == {
        "reacted": True,
        "reactions": 1,
    }
    assert api(client, "put", url + "/reaction", token=other).json()["reactions"] == 1
    assert api(client, "delete", url + "/reaction", token=other).json()["reactions"] == 0
    flagged = api(client, "post", url + "/flags", {"reason": "spam", "note": "ad"}, other)
    assert flagged.status_code == 201
    again = api(client, "post", url + "/flags", {"reason": "spam"}, other)
    assert code(again) == "already_flagged"
    assert code(api(client, "post", url + "/flags", {"reason": "meh"}, token)) == "invalid_reason"


def test_own_comment_cannot_be_respected(client, story, token):
    comment = api(client, "post", comments_url(story), {"body": "Respect me?"}, token).json()
    url = f"/api/v1/comments/{comment['comment']['id']}/reaction"
    refused = api(client, "put", url, token=token)
    assert refused.status_code == 403 and code(refused) == "own_comment"
    assert Comment.objects.get(pk=comment["comment"]["id"]).reaction_count == 0


def test_closed_story(client, story, token):
    story.comments_enabled = False
    story.save()
    response = api(client, "post", comments_url(story), {"body": "Late."}, token)
    assert response.status_code == 403 and code(response) == "comments_closed"


def test_held_comments_are_private_to_their_author(client, story, reader, token, other_reader):
    comment = api(client, "post", comments_url(story), {"body": "Held."}, token).json()["comment"]
    Comment.objects.filter(pk=comment["id"]).update(status=Comment.Status.HELD)
    url = f"/api/v1/comments/{comment['id']}"
    assert api(client, "get", url, token=token).json()["comment"]["status"] == "held"
    assert api(client, "get", url, token=issue_token(other_reader)).status_code == 404
    listed = client.get(comments_url(story) + "?sort=newest").json()["comments"]
    assert comment["id"] not in [c["id"] for c in listed]


def test_openapi_document_lists_paths_and_codes(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/pages/{page_id}/comments" in document["paths"]
    assert "/auth/signup" in document["paths"]
    assert (
        document["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"][
            "enum"
        ]
        == ERROR_CODES
    )
