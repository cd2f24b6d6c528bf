"""/moderation/act/ parses its fields strictly and goes back only to this site's own paths."""

import pytest
from django.contrib.messages import get_messages

from dateline.comments.models import Comment
from tests.factories import make_person
from tests.moderation.test_queue import held

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    staff = make_person("Night Desk", is_staff=True)
    client.force_login(staff)
    return staff


@pytest.fixture
def comment(story):
    return held(story, make_person("Quick Writer"))


@pytest.mark.parametrize(
    ("back", "lands"),
    [
        ("https://evil.example", "/moderation/"),
        ("//evil.example/path", "/moderation/"),
        ("javascript:alert(1)", "/moderation/"),
        ("https://testserver.evil.example/", "/moderation/"),
        ("/moderation/?tab=flagged", "/moderation/?tab=flagged"),
        ("", "/moderation/"),
    ],
)
def test_back_goes_only_to_this_sites_paths(client, moderator, comment, back, lands):
    response = client.post(
        "/moderation/act/", {"decision": "approve", "ids": [comment.pk], "back": back}
    )
    assert response.status_code == 302 and response["Location"] == lands


@pytest.mark.parametrize(
    "data",
    [
        {"decision": "approve", "ids": ["²"]},
        {"decision": "approve", "ids": ["99999999999999999999"]},
        {"decision": "suspend", "days": "²"},
        {"decision": "suspend", "days": "99999999999999999999"},
        {"decision": "suspend", "days": "0"},
        {"decision": "reject", "reason": "x" * 301},
        {"decision": "reject", "reason": "spam\x00"},
    ],
)
def test_bad_fields_are_refused_and_change_nothing(client, moderator, comment, data):
    data = {"ids": [comment.pk], **data}
    response = client.post("/moderation/act/", data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["done"] == 0
    assert response.json()["errors"]
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD
    assert comment.author.suspended_until is None


def test_a_refusal_is_shown_on_the_queue(client, moderator, comment):
    response = client.post(
        "/moderation/act/", {"decision": "reject", "ids": [comment.pk], "reason": "x" * 301}
    )
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == ["“reason” has at most 300 characters (this one has 301)."]


def test_a_full_length_reason_is_kept_whole(client, moderator, comment):
    client.post(
        "/moderation/act/", {"decision": "reject", "ids": [comment.pk], "reason": "y" * 300}
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED and comment.moderation_reason == "y" * 300
