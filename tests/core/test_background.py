"""core.background and core.mail: retries with backoff, failures kept for staff, mail
sent once, and `dateline worker` running what the database queue holds."""

import pytest
from django.core import mail
from django.core.management import call_command

from dateline.core import mail as outbox
from dateline.core.background import background, queue_depth
from dateline.core.models import FailedTask, OutboundMail

pytestmark = pytest.mark.django_db
TRIES = []


@background(attempts=3, first_delay=1)
def flaky(fails: int) -> str:
    """Fails its first `fails` tries."""
    TRIES.append(fails)
    if len(TRIES) <= fails:
        raise ConnectionError("mail server away")
    return "done"


@pytest.fixture(autouse=True)
def fresh_tries():
    TRIES.clear()


def test_a_failure_is_tried_again_until_it_works():
    first = flaky.enqueue(2)  # run at once here; a worker would wait 1 s, then 2 s
    assert first.status == "FAILED" and len(TRIES) == 3
    assert not FailedTask.objects.exists()


def test_a_task_that_always_fails_is_kept_for_staff(admin_client):
    flaky.enqueue(5)
    assert len(TRIES) == 3
    failed = FailedTask.objects.get()
    assert failed.name.endswith("flaky") and failed.attempts == 3
    assert failed.arguments == {"args": [5], "kwargs": {}} and "mail server away" in failed.error
    page = admin_client.get("/cms/background-tasks/").content.decode()
    assert "mail server away" in page and "flaky" in page


def test_readers_do_not_see_the_tasks_page(client, django_user_model):
    reader = django_user_model.objects.create_user(
        username="r", email="r@example.com", password="x", display_name="Plain Reader"
    )
    client.force_login(reader)
    assert client.get("/cms/background-tasks/").status_code in (302, 403)


def test_the_same_message_is_queued_and_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = outbox.queue_mail(key="k1", to="a@example.com", subject="Hi", body="Text")
        again = outbox.queue_mail(key="k1", to="a@example.com", subject="Hi", body="Text")
    assert first.pk == again.pk and len(mail.outbox) == 1
    assert outbox.send_outbound_mail.call(first.pk) is False  # a retried task sends nothing
    assert len(mail.outbox) == 1
    assert OutboundMail.objects.get(pk=first.pk).sent_at is not None


def test_nothing_is_sent_when_the_change_rolls_back(django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        outbox.queue_mail(key="k2", to="a@example.com", subject="Hi", body="Text")
        raise RuntimeError("the change failed")
    assert mail.outbox == [] and not OutboundMail.objects.filter(key="k2").exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_what_the_database_queue_holds(settings):
    from tests.conftest import restore_demo_snapshot

    restore_demo_snapshot()
    settings.TASKS = {**settings.TASKS, "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    outbox.queue_mail(key="k3", to="b@example.com", subject="Queued", body="Text")
    assert queue_depth() == 1 and mail.outbox == []
    call_command("worker", "--batch", verbosity=0)
    assert [m.subject for m in mail.outbox] == ["Queued"] and queue_depth() == 0


@pytest.mark.django_db(transaction=True)
def test_a_retry_waits_in_the_queue(settings):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from tests.conftest import restore_demo_snapshot

    restore_demo_snapshot()
    settings.TASKS = {**settings.TASKS, "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    flaky.enqueue(5)
    call_command("worker", "--batch", verbosity=0)
    assert len(TRIES) == 1  # the retry is not due yet
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.run_after > timezone.now()
    assert waiting.task_result.kwargs == {"_attempt": 2}
