"""`dateline serve`: run the site under granian (a Rust HTTP server).

Static files are built once, by `dateline collectstatic` (in `make run`, a deploy step or
the container build), never here: servers started together on one data folder would
build them at once, and one would delete files another was still compressing. Serve
only checks them and refuses to start, saying what to run, when they are missing or lack
a file the code ships (a page naming that file would fail).

A worker that dies (killed, out of memory) is started again, so one crash never takes
the site down; on SIGTERM or Ctrl-C the workers stop taking connections and finish the
requests they hold, for up to --graceful-timeout seconds, before they are killed.

Threads per worker (--threads, WEB_THREADS) are 2. On a 2-core machine, 16 clients
posting back to back (`benchmarks/comments.py --threads 2,4`, three runs on SQLite and
one on PostgreSQL with Redis) gave 2 threads the lower p99 than 4 every time: more
threads than cores only take turns at the interpreter's lock, and the slowest request
waits for all of them. Since a post got cheaper (its story and policy kept, pacing
first), 1 thread measured better still with screening on (`--threads 1,2`, 4 rounds:
471-505 posts/s at p99 99-100 ms against 345-399 at p99 129-139; the bare path was
mixed). Two stay the default: with one, a worker is taken whole by any slow request (an
upload in the CMS, a database or Redis that answers late), and two workers of one thread
would let two such requests stop the site. A machine that expects posting peaks may set
WEB_THREADS=1 with more workers (docs/deploy.md).

The workers keep their metrics in a folder of this server's own (per port, emptied at
each start) under the data folder, which /metrics adds up (dateline.core.metrics).
"""

import os
import shutil
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files import locks
from django.core.management.base import BaseCommand, CommandError

JSON_LOGGING = Path(__file__).resolve().parents[2] / "data" / "granian-json-logging.json"


def static_files_problem():
    """Why the collected static files cannot serve the site, or None when they can."""
    if settings.DEBUG:
        return None  # served straight from the apps
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest is None:
        return None  # a storage without a manifest: nothing to compare
    if not staticfiles_storage.exists(manifest):
        return f"the static files have not been collected into {settings.STATIC_ROOT}"
    collected, _hash = staticfiles_storage.load_manifest()
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    for finder in finders.get_finders():
        for path, _storage in finder.list(ignore):
            if path not in collected:
                return (
                    f"the static files in {settings.STATIC_ROOT} are older than the code"
                    f" ({path} is not among them)"
                )
    return None


def metrics_folder(port):
    """This server's metrics folder, emptied: a restart starts its counters afresh.

    A lock beside it is held for as long as this server runs (its descriptor outlives the
    exec into granian): a second serve on the same port and data folder would share the
    port (granian reuses it) and empty this folder under the first, so it is refused.
    """
    folder = settings.DATA_DIR / "metrics" / str(port)
    folder.parent.mkdir(parents=True, exist_ok=True)
    held = os.open(folder.parent / f"{port}.lock", os.O_WRONLY | os.O_CREAT, 0o644)
    if not locks.lock(held, locks.LOCK_EX | locks.LOCK_NB):
        raise CommandError(
            f"another dateline serve is running on port {port} with this data folder"
        )
    os.set_inheritable(held, True)  # a plain descriptor: nothing closes it before the exec
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return folder


class Command(BaseCommand):
    help = "Serve dateline with a production server (granian, WSGI)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 2)))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", 2)))
        parser.add_argument(
            "--graceful-timeout",
            type=int,
            default=int(os.environ.get("WEB_GRACEFUL_TIMEOUT", 30)),
            help="seconds a stopping worker may take to finish its requests (1 to 1800)",
        )
        parser.add_argument(
            "--access-log",
            action="store_true",
            default=os.environ.get("WEB_ACCESS_LOG", "") in ("1", "true", "yes", "on"),
            help="log every request (method, path, status, time)",
        )

    def handle(self, *args, host, port, workers, threads, graceful_timeout, access_log, **options):
        problem = static_files_problem()
        if problem:
            raise CommandError(f"{problem}: run `dateline collectstatic --no-input` first")
        granian = shutil.which("granian", path=os.path.dirname(sys.executable)) or shutil.which(
            "granian"
        )
        if granian is None:
            raise CommandError("granian is not installed: run `make install`")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_folder(port))
        logging = ["--access-log"] if access_log else []
        if settings.LOG_FORMAT == "json":  # granian's own lines too; it says where it listens
            logging += ["--log-config", str(JSON_LOGGING)]
        else:
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
                *logging,
                "dateline.wsgi:application",
            ],
        )  # fmt: skip
