"""`dateline serve`: collect static files, then run the site under granian (a Rust HTTP server)."""

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

    def handle(self, *args, host, port, workers, threads, **options):
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
                "dateline.wsgi:application",
            ],
        )  # fmt: skip
