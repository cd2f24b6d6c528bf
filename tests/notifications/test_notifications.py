"""Reply notifications: who is told, the email (batched, with a one-click unsubscribe),
the delivery setting and the notifications page."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from dateline.comments import actions
from dateline.comments.models import Comment
from dateline.notifications import actions as notifications
from dateline.notifications.models import Delivery, Notification, Preference
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_screening(settings):
    settings.SCREENING_ENABLED = False


@pytest.fixture
def amina():
    return make_person("Amina Writer", "amina.writer@example.com", email_verified=True)


@pytest.fixture
def kwame():
    return make_person("Kwame Replier", "kwame.replier@example.com", email_verified=True)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (hooks, then the tasks they queue) as it would run."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def post(committed, story, author, body, parent=None):
    return committed(actions.post_comment, author=author, page=story, body=body, parent=parent)


def test_a_reply_is_mailed_to_the_writer_it_answers(committed, story, amina, kwame):
    mine = post(committed, story, amina, "The airlift is the whole story here.")
    post(committed, story, kwame, "No: the money is.", parent=mine)
    (note,) = Notification.objects.filter(recipient=amina)
    assert note.kind == Notification.Kind.REPLY
    (message,) = [m for m in mail.outbox if m.to == [amina.email]]
    assert "Kwame Replier replied to your comment" in message.subject
    assert "No: the money is." in message.body and "/comments/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/notifications/unsubscribe/" in unsubscribe
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Notification.objects.filter(recipient=kwame).exists()


def test_nobody_is_told_of_their_own_reply(committed, story, amina):
    mine = post(committed, story, amina, "A first point.")
    post(committed, story, amina, "And a second one.", parent=mine)
    assert not Notification.objects.exists() and mail.outbox == []


def test_followers_hear_of_replies_in_the_thread(committed, story, amina, kwame):
    follower = make_person("Thread Follower", "follower@example.com")
    top = post(committed, story, amina, "Start of a thread.")
    committed(actions.follow, top, user=follower)
    committed(actions.follow, top, user=amina)  # the writer answered is told once
    post(committed, story, kwame, "A reply.", parent=top)
    kinds = dict(Notification.objects.values_list("recipient__email", "kind"))
    assert kinds == {"amina.writer@example.com": "reply", "follower@example.com": "thread"}
    committed(actions.follow, top, user=follower, on=False)
    post(committed, story, kwame, "Another reply.", parent=top)
    assert Notification.objects.filter(recipient=follower).count() == 1


def test_a_held_comment_approved_later_is_told_both_ways(committed, story, amina, kwame, settings):
    moderator = make_person("Night Shift Lead", "night.lead@example.com", is_staff=True)
    mine = post(committed, story, amina, "Original.")
    reply = post(committed, story, kwame, "Held reply.", parent=mine)
    Comment.objects.filter(pk=reply.pk).update(status=Comment.Status.HELD)
    Notification.objects.all().delete()
    reply.refresh_from_db()
    committed(actions.moderate, reply, actor=moderator, decision="approve")
    kinds = sorted(Notification.objects.values_list("recipient__email", "kind"))
    assert kinds == [
        ("amina.writer@example.com", "reply"),
        ("kwame.replier@example.com", "approved"),
    ]


def test_a_rejection_reaches_the_writer_with_its_reason(committed, story, amina):
    moderator = make_person("Night Shift Lead", "night.lead@example.com", is_staff=True)
    held = post(committed, story, amina, "Buy watches.")
    Comment.objects.filter(pk=held.pk).update(status=Comment.Status.HELD)
    held.refresh_from_db()
    committed(actions.moderate, held, actor=moderator, decision="reject", reason="It is spam.")
    (message,) = [m for m in mail.outbox if m.to == [amina.email]]
    assert "did not publish your comment" in message.subject
    assert "Reason: It is spam." in message.body


def test_at_most_one_email_each_ten_minutes():
    preference = Preference(delivery=Delivery.IMMEDIATE)
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    assert notifications.next_email_time(preference, now) == now
    preference.last_mailed_at = now - timedelta(minutes=3)
    assert notifications.next_email_time(preference, now) == now + timedelta(minutes=7)
    preference.delivery = Delivery.DAILY
    assert notifications.next_email_time(preference, now) == datetime(
        2026, 11, 29, 7, 0, tzinfo=UTC
    )
    preference.delivery = Delivery.NEVER
    assert notifications.next_email_time(preference, now) is None


def test_replies_within_the_batch_wait_for_one_email(committed, story, amina, kwame, settings):
    settings.TASKS = {**settings.TASKS, "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    mine = post(committed, story, amina, "A point.")
    Preference.objects.create(user=amina, last_mailed_at=datetime.now(UTC) - timedelta(minutes=2))
    for text in ("First answer.", "Second answer.", "Third answer."):
        post(committed, story, kwame, text, parent=mine)
    scheduled = DBTaskResult.objects.filter(task_path__endswith="send_notifications")
    assert scheduled.count() == 1  # three replies, one email due
    due = scheduled.get().run_after
    assert timedelta(minutes=7) < due - datetime.now(UTC) <= timedelta(minutes=8)
    assert notifications.send_notifications.call(amina.pk) == 3


def test_never_means_no_email_but_the_page_lists_them(committed, client, story, amina, kwame):
    notifications.set_delivery(amina, Delivery.NEVER)
    mine = post(committed, story, amina, "A point.")
    post(committed, story, kwame, "An answer.", parent=mine)
    assert mail.outbox == []
    client.force_login(amina)
    page = client.get("/notifications/").content.decode()
    assert "Kwame Replier replied to your comment" in page and "1 unread" in page


def test_one_click_unsubscribe_needs_no_login(client, amina):
    token = notifications.unsubscribe_token(amina)
    url = f"/notifications/unsubscribe/{token}/"
    assert "Stop the emails" in client.get(url).content.decode()  # a GET changes nothing
    assert not Preference.objects.filter(user=amina, delivery=Delivery.NEVER).exists()
    response = client.post(url, "List-Unsubscribe=One-Click", content_type="text/plain")
    assert response.status_code == 200
    assert Preference.objects.get(user=amina).delivery == Delivery.NEVER
    assert client.post("/notifications/unsubscribe/forged/").status_code == 400


def test_the_page_needs_a_login_and_saves_the_setting(client, amina):
    assert client.get("/notifications/").status_code == 302
    client.force_login(amina)
    client.post("/notifications/settings/", {"delivery": "daily"})
    assert Preference.objects.get(user=amina).delivery == Delivery.DAILY
    client.post("/notifications/settings/", {"delivery": "hourly"})
    assert Preference.objects.get(user=amina).delivery == Delivery.DAILY
