"""Odd and hostile input to what this stop added: a clear answer, never a 500."""

import pytest

from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return make_person("Odd Input Reader", "odd.input@example.com")


@pytest.fixture
def moderator():
    return make_person("Odd Input Moderator", "odd.mod@example.com", is_staff=True)


@pytest.mark.parametrize(
    "token", ["x", "a" * 5000, "%00", "..%2F..", "eyJ1c2VyIjoxfQ:1abc:forged", "ünïcode"]
)
def test_odd_unsubscribe_tokens_are_refused_plainly(client, token):
    # (a token with a slash in it is no address of this page at all: 404)
    assert client.get(f"/notifications/unsubscribe/{token}/").status_code in (200, 404)
    assert client.post(f"/notifications/unsubscribe/{token}/").status_code in (400, 404)


@pytest.mark.parametrize("delivery", ["", "x" * 10_000, "never\x00", "ⅰmmediate"])
def test_odd_delivery_settings_are_refused(client, reader, delivery):
    client.force_login(reader)
    answer = client.post("/notifications/settings/", {"delivery": delivery}, follow=True)
    assert answer.status_code == 200 and "Choose how often" in answer.content.decode()


def test_following_what_is_not_there_or_not_published(client, reader, story):
    client.force_login(reader)
    assert client.post("/comments/99999999/follow/", {"on": "1"}).status_code == 404
    held = story.comments.create(
        author=reader, body="Waiting.", body_html="<p>Waiting.</p>", status="held"
    )
    answer = client.post(f"/comments/{held.pk}/follow/", {"on": "1"}, follow=True)
    assert answer.status_code == 200 and "Only a published thread" in answer.content.decode()


@pytest.mark.parametrize(
    "path", ["/moderation/confirm/explode/1/", "/moderation/confirm/ban/99999999/"]
)
def test_odd_confirmations(client, moderator, path):
    client.force_login(moderator)
    assert client.get(path).status_code in (403, 404)


def test_undo_with_nothing_to_undo(client, moderator):
    client.force_login(moderator)
    answer = client.post("/moderation/undo/", follow=True)
    assert answer.status_code == 200 and "nothing to undo" in answer.content.decode()


@pytest.mark.parametrize("choice", ["nonsense", "x" * 5000])
def test_odd_reject_reasons(client, moderator, story, choice):
    comment = story.comments.filter(status="published").first()
    client.force_login(moderator)
    answer = client.post(
        "/moderation/act/",
        {"decision": "reject", "ids": [comment.pk], "reason_choice": choice},
        HTTP_ACCEPT="application/json",
    )
    assert answer.status_code == 400 and "Choose a reason" in answer.json()["errors"][0]
