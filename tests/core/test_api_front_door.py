"""The JSON API's front door: every bad request gets a JSON error with a code, never a 500.

Each JSON endpoint gets the same malformed bodies (deep nesting, lone surrogates, NUL,
oversized); unmatched paths, wrong methods and unreadable lengths get JSON too.
"""

import json

import pytest
from django.test import Client

from dateline.accounts.actions import issue_token
from dateline.comments import actions as comment_actions
from dateline.comments.models import Comment
from dateline.core.api import MAX_BODY_BYTES
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_screening(settings):
    settings.SCREENING_ENABLED = False


@pytest.fixture
def writer():
    return make_person("Front Door", email_verified=True)


@pytest.fixture
def token(writer):
    return issue_token(writer)


@pytest.fixture
def comment(story, writer):
    return comment_actions.post_comment(author=writer, page=story, body="A first remark.")


@pytest.fixture
def json_endpoints(story, comment):
    """(method, path) of every endpoint that reads a JSON body."""
    return [
        ("post", "/api/v1/auth/signup"),
        ("post", "/api/v1/auth/token"),
        ("post", f"/api/v1/pages/{story.pk}/comments"),
        ("patch", f"/api/v1/comments/{comment.pk}"),
        ("post", f"/api/v1/comments/{comment.pk}/flags"),
    ]


def send(client, method, path, raw, token=None, **extra):
    if token:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return getattr(client, method)(path, raw, content_type="application/json", **extra)


def error_of(response):
    assert response["Content-Type"] == "application/json", response.content[:200]
    return response.json()["error"]


BAD_BODIES = {
    "30,000 deep array": (b"[" * 30_000 + b"]" * 30_000, "invalid_json"),
    "10,000 deep object": (b'{"a":' * 10_000 + b"1" + b"}" * 10_000, "invalid_json"),
    "unclosed deep array": (b"[" * 30_000, "invalid_json"),
    "lone surrogate": (b'{"body": "\\ud800", "email": "\\udfff@example.com"}', "invalid_text"),
    "lone surrogate key": (b'{"\\ud800": 1}', "invalid_text"),
    "NUL": (b'{"body": "a\\u0000b", "email": "a\\u0000@example.com"}', "invalid_text"),
    "NaN": (b'{"body": NaN}', "invalid_json"),
    "huge integer": (b'{"parent": ' + b"9" * 5000 + b"}", "invalid_json"),
    "not UTF-8": (b'{"body": "\xed\xa0\x80"}', "invalid_json"),
}


@pytest.mark.parametrize("case", BAD_BODIES)
def test_bad_bodies_on_every_json_endpoint(client, json_endpoints, token, case):
    raw, expected = BAD_BODIES[case]
    for method, path in json_endpoints:
        response = send(client, method, path, raw, token)
        assert response.status_code == 400, (path, response.content[:200])
        assert error_of(response)["code"] == expected, path


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "\ud800@example.com"),
        ("password", "long enough \ud800 passphrase"),
        ("display_name", "Lone \udc00 Surrogate"),
        ("email", "nul\x00@example.com"),
        ("password", "long enough \x00 passphrase"),
    ],
)
def test_signup_and_token_refuse_unstorable_text(client, field, value):
    good = {"email": "new@example.com", "password": "long enough passphrase"}
    for path, data in (
        ("/api/v1/auth/signup", {**good, "display_name": "New Reader"}),
        ("/api/v1/auth/token", good),
    ):
        response = send(client, "post", path, json.dumps({**data, field: value}))
        assert response.status_code == 400 and error_of(response)["code"] == "invalid_text"


def test_comment_and_flag_note_refuse_unstorable_text(client, story, comment, token):
    for raw in ('{"body": "a \\ud800"}', '{"body": "a \\u0000"}'):
        posted = send(client, "post", f"/api/v1/pages/{story.pk}/comments", raw, token)
        assert error_of(posted)["code"] == "invalid_text"
    other = issue_token(make_person("Flag Raiser"))
    for note in ("\ud800", "a\x00b"):
        data = json.dumps({"reason": "spam", "note": note})
        flagged = send(client, "post", f"/api/v1/comments/{comment.pk}/flags", data, other)
        assert flagged.status_code == 400 and error_of(flagged)["code"] == "invalid_text"
    assert not comment.flags.exists()


def test_flag_note_longer_than_documented_is_refused_not_cut(client, comment):
    other = issue_token(make_person("Long Noter"))
    url = f"/api/v1/comments/{comment.pk}/flags"
    long = send(client, "post", url, json.dumps({"reason": "spam", "note": "x" * 301}), other)
    assert long.status_code == 400
    assert error_of(long) == {
        "code": "invalid_note",
        "field": "note",
        "message": "“note” has at most 300 characters (this one has 301).",
    }
    assert not comment.flags.exists()
    fits = send(client, "post", url, json.dumps({"reason": "spam", "note": "x" * 300}), other)
    assert fits.status_code == 201 and comment.flags.get().note == "x" * 300


def test_a_note_that_is_not_text(client, comment):
    other = issue_token(make_person("List Noter"))
    url = f"/api/v1/comments/{comment.pk}/flags"
    response = send(client, "post", url, json.dumps({"reason": "spam", "note": ["x"]}), other)
    assert error_of(response)["code"] == "invalid_note"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("?page=²", "invalid_page"),
        ("?page=٣", "invalid_page"),
        ("?page=99999999999999999999", "invalid_page"),
        ("?page=1000000000", "invalid_page"),
        ("?page=-1", "invalid_page"),
        ("?page=%201", "invalid_page"),
    ],
)
def test_page_numbers_are_strict_and_bounded(client, story, query, code):
    response = client.get(f"/api/v1/pages/{story.pk}/comments{query}")
    assert response.status_code == 400 and error_of(response)["code"] == code


def test_the_last_bounded_page_is_just_empty(client, story):
    response = client.get(f"/api/v1/pages/{story.pk}/comments?page=999999999")
    assert response.status_code == 200 and response.json()["comments"] == []


@pytest.mark.parametrize("parent", ["²", "1", True, 1.5, 99999999999999999999, -1, 0, [1]])
def test_parent_is_a_bounded_integer(client, story, token, parent):
    body = json.dumps({"body": "A reply.", "parent": parent})
    response = send(client, "post", f"/api/v1/pages/{story.pk}/comments", body, token)
    assert response.status_code == 400 and error_of(response)["code"] == "invalid_parent"


def test_huge_ids_in_paths_are_not_found(client):
    for path in (
        "/api/v1/comments/99999999999999999999",
        "/api/v1/pages/99999999999999999999/comments",
        "/api/v1/comments/99999999999999999999/reaction",
    ):
        response = client.get(path)
        assert response.status_code in (404, 405) and error_of(response)["code"] in (
            "not_found",
            "method_not_allowed",
        )


class UnreadableInput:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.parametrize("length", [MAX_BODY_BYTES + 1, 3 * 1024 * 1024])
def test_oversized_bodies_get_a_json_413_unread(story, token, length):
    response = Client().generic(
        "POST",
        f"/api/v1/pages/{story.pk}/comments",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableInput()},
    )
    assert response.status_code == 413 and error_of(response)["code"] == "too_large"


@pytest.mark.parametrize("length", [MAX_BODY_BYTES + 1, 3 * 1024 * 1024])
def test_oversized_form_post_with_session_cookies_gets_a_json_413(story, writer, length):
    """The CSRF check reads form bodies: the size is checked before it, body unread."""
    browser = Client()
    browser.force_login(writer)
    browser.cookies["csrftoken"] = "x" * 32
    response = browser.generic(
        "POST",
        f"/api/v1/pages/{story.pk}/comments",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableInput()},
    )
    assert response.status_code == 413 and error_of(response)["code"] == "too_large"


def test_a_body_just_under_the_limit_is_read(client, story, token):
    raw = json.dumps({"body": "Fits.", "pad": "x" * (MAX_BODY_BYTES - 40)})
    assert len(raw) <= MAX_BODY_BYTES
    response = send(client, "post", f"/api/v1/pages/{story.pk}/comments", raw, token)
    assert response.status_code == 201


def test_unreadable_content_length(client, story, token):
    response = send(
        client, "post", f"/api/v1/pages/{story.pk}/comments", "{}", token, CONTENT_LENGTH="12abc"
    )
    assert response.status_code == 400 and error_of(response)["code"] == "invalid_json"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nope",
        "/api/v1/comments",
        "/api/v1/comments/abc",
        "/api/v1/comments/1/",
        "/api/v1/auth/nope",
        "/api/v1/auth/signup/",
        "/api/v1/pages/1/comments/",
    ],
)
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unmatched_api_paths_get_a_json_404_without_redirect(client, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("post", "/api/v1/openapi.json", "GET"),
        ("get", "/api/v1/auth/token", "POST"),
        ("put", "/api/v1/pages/{page}/comments", "GET, POST"),
        ("post", "/api/v1/comments/{comment}", "GET, PATCH, DELETE"),
        ("get", "/api/v1/comments/{comment}/flags", "POST"),
    ],
)
def test_wrong_methods_get_a_json_405(client, story, comment, method, path, allow):
    response = getattr(client, method)(path.format(page=story.pk, comment=comment.pk))
    assert response.status_code == 405 and response["Allow"] == allow
    assert error_of(response)["code"] == "method_not_allowed"


def test_flood_of_bad_requests_never_answers_5xx(client, json_endpoints, token):
    """Every bad body on every endpoint, plus bad queries: each answer is a coded JSON 4xx."""
    tried, before = 0, Comment.objects.count()
    bodies = [raw for raw, _ in BAD_BODIES.values()] + [b"", b"[]", b"null", b"{", b"\xff"]
    for method, path in json_endpoints:
        for raw in bodies:
            response = send(client, method, path, raw, token)
            assert 400 <= response.status_code < 500 and error_of(response)["code"]
            tried += 1
    assert tried == len(json_endpoints) * len(bodies)
    assert Comment.objects.count() == before
