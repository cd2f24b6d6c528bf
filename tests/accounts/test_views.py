"""Sign-up, email verification, data download and account deletion, as a reader uses them."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from dateline.comments import actions as comment_actions
from dateline.comments.models import Comment
from dateline.newsroom.models import BlogPostPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_screening(settings):
    settings.SCREENING_ENABLED = False  # new readers' comments would wait for a moderator


PASSWORD = "a long test passphrase"


def sign_up(client, name="Fresh Reader", email="fresh@example.com"):
    return client.post(
        "/accounts/signup/",
        {"email": email, "display_name": name, "password": PASSWORD},
    )


def test_signup_logs_in_and_mails_a_verification_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes after the commit
        response = sign_up(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="fresh@example.com")
    assert not user.email_verified
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["fresh@example.com"]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    client.get(link)
    user.refresh_from_db()
    assert user.email_verified


def test_forged_verification_link_is_refused(client):
    sign_up(client)
    response = client.get("/accounts/verify/forged:token/", follow=True)
    assert "not valid" in response.content.decode()
    assert not get_user_model().objects.get(email="fresh@example.com").email_verified


def test_signup_form_shows_the_confusable_refusal(client):
    response = sign_up(client, name="Ge0rge Patton")
    assert response.status_code == 200
    assert "looks too much like" in response.content.decode()
    assert not get_user_model().objects.filter(email="fresh@example.com").exists()


def test_settings_need_login(client):
    for url in ("/accounts/settings/", "/accounts/settings/export/", "/accounts/settings/delete/"):
        assert client.get(url)["Location"].startswith("/accounts/login/")


def test_data_download_holds_the_readers_comments(client):
    sign_up(client)
    user = get_user_model().objects.get(email="fresh@example.com")
    story = BlogPostPage.objects.first()
    comment_actions.post_comment(author=user, page=story, body="My own words.")
    response = client.get("/accounts/settings/export/")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "fresh@example.com"
    assert [c["body"] for c in data["comments"]] == ["My own words."]
    assert any(entry["action"] == "comment.post" for entry in data["activity"])


def test_deleting_an_account_leaves_tombstones(client):
    sign_up(client)
    user = get_user_model().objects.get(email="fresh@example.com")
    story = BlogPostPage.objects.first()
    comment = comment_actions.post_comment(author=user, page=story, body="Soon gone.")
    wrong = client.post("/accounts/settings/delete/", {"password": "nope"})
    assert "not right" in wrong.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    client.post("/accounts/settings/delete/", {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.DELETED and comment.body == ""
    assert comment.author is None
    assert "Soon gone." not in client.get(story.url).content.decode()
    assert not client.login(username="fresh@example.com", password=PASSWORD)


def test_profile_lists_public_comments_only(client):
    sign_up(client)
    user = get_user_model().objects.get(email="fresh@example.com")
    story = BlogPostPage.objects.first()
    comment_actions.post_comment(author=user, page=story, body="Public words.")
    held = comment_actions.post_comment(author=user, page=story, body="Private words.")
    Comment.objects.filter(pk=held.pk).update(status=Comment.Status.HELD)
    html = client.get(f"/accounts/people/{user.pk}/").content.decode()
    assert "Public words." in html and "Private words." not in html
