"""A retried write is stored once: Idempotency-Key on the API, a one-time token on the form."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.utils import timezone

from dateline.comments.models import Comment, Flag
from dateline.core.idempotency import FORM_FIELD
from dateline.core.models import IdempotencyKey
from dateline.newsroom.models import BlogPostPage
from dateline.settings import redis_cache
from tests.conftest import restore_demo_snapshot
from tests.core.test_outages import closed_port
from tests.factories import make_person

STORY_SLUG = "france-needs-partners-in-mali"


@pytest.fixture(autouse=True)
def without_screening(settings):
    """Screening would reject a copy as a duplicate: here only the key may stop it."""
    settings.SCREENING_ENABLED = False


@pytest.fixture
def story(db):
    return BlogPostPage.objects.get(slug=STORY_SLUG)


@pytest.fixture
def writer(db):
    return make_person("Retry Writer", email_verified=True)


def api_client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def post_json(client, url, data, key):
    return client.post(url, data, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)


def comments_url(story):
    return f"/api/v1/pages/{story.pk}/comments"


def test_a_retried_post_returns_the_first_answer_and_stores_once(story, writer):
    client = api_client(writer)
    first = post_json(client, comments_url(story), {"body": "Posted once."}, "k-1")
    again = post_json(client, comments_url(story), {"body": "Posted once."}, "k-1")
    assert first.status_code == again.status_code == 201
    assert again.content == first.content and again["Idempotent-Replayed"] == "true"
    assert Comment.objects.filter(author=writer).count() == 1


def test_the_same_key_with_another_body_is_refused(story, writer):
    client = api_client(writer)
    post_json(client, comments_url(story), {"body": "The first text."}, "k-2")
    other = post_json(client, comments_url(story), {"body": "Another text."}, "k-2")
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert Comment.objects.filter(author=writer).count() == 1


def test_keys_belong_to_their_caller(story, writer):
    other = make_person("Other Writer", email_verified=True)
    for user in (writer, other):
        response = post_json(api_client(user), comments_url(story), {"body": "Mine."}, "shared")
        assert response.status_code == 201
    assert Comment.objects.filter(page=story, body="Mine.").count() == 2


def test_replies_flags_and_reactions_are_answered_once(story, writer):
    client = api_client(writer)
    root = Comment.objects.filter(page=story, status="published").exclude(author=writer).first()
    reply = {"body": "A reply, once.", "parent": root.pk}
    for _ in range(2):
        assert post_json(client, comments_url(story), reply, "reply").status_code == 201
        flag = post_json(client, f"/api/v1/comments/{root.pk}/flags", {"reason": "spam"}, "flag")
        assert flag.status_code == 201  # not "already flagged": the first answer again
        reacted = client.put(f"/api/v1/comments/{root.pk}/reaction", HTTP_IDEMPOTENCY_KEY="respect")
        assert reacted.json()["reactions"] == root.reaction_count + 1
    assert Comment.objects.filter(author=writer, parent=root).count() == 1
    assert Flag.objects.filter(user=writer, comment=root).count() == 1


def test_a_malformed_key_is_refused(story, writer):
    response = post_json(api_client(writer), comments_url(story), {"body": "x y"}, "a b")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_idempotency_key"


def test_a_write_that_failed_leaves_its_key_free_for_the_retry(story, writer, settings):
    client = api_client(writer)
    working = settings.CACHES
    settings.SCREENING_ENABLED = True  # its rate limit needs Redis
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}
    down = post_json(client, comments_url(story), {"body": "Sent during an outage."}, "k-3")
    assert down.status_code == 503
    settings.CACHES = working
    retried = post_json(client, comments_url(story), {"body": "Sent during an outage."}, "k-3")
    assert retried.status_code == 201
    assert Comment.objects.filter(author=writer).count() == 1


def test_a_key_is_kept_for_a_day(story, writer):
    client = api_client(writer)
    post_json(client, comments_url(story), {"body": "Yesterday's news."}, "k-4")
    IdempotencyKey.objects.update(created=timezone.now() - timedelta(hours=25))
    post_json(client, comments_url(story), {"body": "Yesterday's news."}, "k-4")
    assert Comment.objects.filter(author=writer).count() == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_store_once():
    restore_demo_snapshot()
    story = BlogPostPage.objects.get(slug=STORY_SLUG)
    writer = make_person("Racing Writer", email_verified=True)
    clients = [api_client(writer) for _ in range(8)]
    start = threading.Barrier(len(clients))

    def send(client):
        try:
            start.wait()
            return post_json(client, comments_url(story), {"body": "Sent eight times."}, "race")
        finally:
            close_old_connections()
            connection.close()

    with ThreadPoolExecutor(len(clients)) as pool:
        answers = list(pool.map(send, clients))
    assert {answer.status_code for answer in answers} == {201}
    assert len({answer.content for answer in answers}) == 1
    assert Comment.objects.filter(author=writer).count() == 1


def form_post(client, story, body, token):
    return client.post(f"/comments/pages/{story.pk}/post/", {"body": body, FORM_FIELD: token})


def test_the_story_form_carries_a_fresh_token_each_time(client, story, writer):
    client.force_login(writer)
    marker = f'name="{FORM_FIELD}" value="'.encode()
    tokens = {client.get(story.url).content.split(marker)[1][:22] for _ in range(2)}
    assert len(tokens) == 2


def test_a_form_sent_twice_stores_once_and_goes_to_the_same_comment(client, story, writer):
    client.force_login(writer)
    first = form_post(client, story, "Double-clicked.", "tok-1")
    again = form_post(client, story, "Double-clicked.", "tok-1")
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    comment = Comment.objects.get(author=writer)
    assert first["Location"].endswith(f"#comment-{comment.pk}")
    changed = form_post(client, story, "Went back and changed it.", "tok-1")
    assert changed.status_code == 302 and Comment.objects.filter(author=writer).count() == 2
