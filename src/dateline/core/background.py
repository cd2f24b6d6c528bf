"""Background work: tasks on Django's tasks framework, retried with backoff, and the
ones that fail for good kept where staff see them (docs/decisions/0004-task-queue.md).

    @background(attempts=5)
    def send_outbound_mail(mail_id): ...

    later(send_outbound_mail, mail.pk)  # queued once the current transaction commits

Each failed try is queued again after `first_delay` · 2ⁿ seconds. The last failure is
kept as a `FailedTask` row (listed in the CMS, counted in /metrics) and raised, so the
backend records it too. Task arguments are JSON values (ids, not objects).
"""

import logging
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task, task_backends

from .models import FailedTask

QUEUE = "queue"  # the backend alias our tasks use (settings.TASKS)
logger = logging.getLogger(__name__)


def background(*, attempts: int = 5, first_delay: int = 30):
    """Make `function` a task run by `dateline worker`, tried up to `attempts` times."""

    def decorate(function):
        name = f"{function.__module__}.{function.__qualname__}"

        @wraps(function)
        def run(*args, _attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:
                if _attempt >= attempts:
                    FailedTask.objects.create(
                        name=name,
                        arguments={"args": list(args), "kwargs": kwargs},
                        attempts=_attempt,
                        error=f"{type(error).__name__}: {error}"[:2000],
                    )
                    logger.exception("%s failed for good after %s tries", name, _attempt)
                    raise
                delay = timedelta(seconds=first_delay * 2 ** (_attempt - 1))
                logger.warning("%s failed (try %s), again in %s", name, _attempt, delay)
                retry(queued, delay, *args, _attempt=_attempt + 1, **kwargs)
                raise

        queued = task(backend=QUEUE)(run)
        return queued

    return decorate


def retry(queued, delay, *args, **kwargs):
    """Queue the next try now (a failing task is outside any transaction of its caller's)."""
    deferred(queued, timezone.now() + delay).enqueue(*args, **kwargs)


def deferred(queued, when):
    """`queued` set to run at `when`; as it is on a backend that runs tasks at once
    (tests, no worker), or when `when` has come."""
    if task_backends[QUEUE].supports_defer and when > timezone.now():
        return queued.using(run_after=when)
    return queued


def later(queued, *args, **kwargs):
    """Queue `queued` with these arguments once the current transaction commits (at once
    outside one), so a worker never looks for rows that are not there yet."""
    transaction.on_commit(lambda: queued.enqueue(*args, **kwargs))


def queue_depth() -> int:
    """How many tasks wait to run (for /metrics, /readyz and the CMS)."""
    if settings.TASK_BACKEND == "redis":
        import django_rq

        return django_rq.get_queue("default").count
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="READY").count()


def later_at(when, queued, *args, **kwargs):
    """Queue `queued` to run at `when` (at once on a backend that cannot wait), once the
    current transaction commits."""
    later(deferred(queued, when), *args, **kwargs)


def check_queue() -> None:
    """Readiness: the queue answers (raises when it cannot be read)."""
    queue_depth()


def readings():
    """The queue's figures for /metrics: waiting, and failed for good."""
    from .metrics import QueueReading

    yield QueueReading(queue=QUEUE, queued=queue_depth(), failed=FailedTask.objects.count())
