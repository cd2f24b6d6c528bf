"""`dateline serve`: collect static files, then run the site under granian (a Rust HTTP server).

A worker that dies (killed, out of memory) is started again, so one crash never takes
the site down; on SIGTERM or Ctrl-C the workers stop taking connections and finish the
requests they hold, for up to --graceful-timeout seconds, before they are killed.
"""

import os
import shutil
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve dateline with a production server (granian, WSGI)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 2)))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", 4)))
        parser.add_argument(
            "--graceful-timeout",
            type=int,
            default=int(os.environ.get("WEB_GRACEFUL_TIMEOUT", 30)),
            help="seconds a stopping worker may take to finish its requests (1 to 1800)",
        )

    def handle(self, *args, host, port, workers, threads, graceful_timeout, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        granian = shutil.which("granian", path=os.path.dirname(sys.executable)) or shutil.which(
            "granian"
        )
        if granian is None:
            raise CommandError("granian is not installed: run `make install`")
        self.stdout.write(f"Serving dateline on http://{host}:{port}/ (Ctrl-C stops it)")
        self.stdout.flush()
        os.execv(
            granian,
            [
                granian,
                "--interface", "wsgi",
                "--host", host,
                "--port", str(port),
                "--workers", str(workers),
                "--blocking-threads", str(threads),
                "--respawn-failed-workers",
                "--respawn-interval", "1",
                "--workers-kill-timeout", str(graceful_timeout),
                "dateline.wsgi:application",
            ],
        )  # fmt: skip
