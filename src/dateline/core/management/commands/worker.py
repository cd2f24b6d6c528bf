"""`dateline worker`: run the background tasks (mail, notifications, imports) until stopped.

It runs the worker of the configured backend (docs/decisions/0004-task-queue.md): the
database's (`db_worker`) or, with DATELINE_TASK_BACKEND=redis, RQ's (with its scheduler,
which starts the retries that wait). Start as many as the work needs, on any machine that
reaches the database (or Redis).
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from dateline.core.background import QUEUE


class Command(BaseCommand):
    help = "Run background tasks until stopped (or, with --batch, until none is due)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="run the tasks that are due, then exit"
        )

    def handle(self, *args, batch, verbosity, **options):
        if settings.TASK_BACKEND == "redis":
            flags = ["--burst"] if batch else []
            call_command(
                "rqworker",
                "default",
                "--with-scheduler",
                "--job-class",
                "django_tasks_rq.backend.Job",  # runs the task the job names
                *flags,
                verbosity=verbosity,
            )
            return
        flags = ["--batch"] if batch else []
        call_command(
            "db_worker",
            "--backend",
            QUEUE,
            "--queue-name",
            "*",
            "--no-startup-delay",
            "--no-reload",
            *flags,
            verbosity=verbosity,
        )
