"""Imports started from the CMS, run by `dateline worker` (the *Import comments* view).

A run goes: waiting → dry run → checked, then, when staff press Run, queued → importing →
done; or failed at either step. Each step is claimed by a conditional update of the
run's state, so a task delivered twice, or Run pressed twice, imports once.

The import is one transaction. On SQLite nothing else can write while it is open, so its
progress goes to the cache (`live_progress`), where the run's page reads it, and the
report is written to the run's row once the transaction has ended.
"""

import logging
import time
from pathlib import Path

from django.core.cache import cache
from django.utils import timezone

from dateline.core.background import background, later

from . import formats
from .importer import Progress, run_import
from .matching import MapError
from .models import ImportRun
from .records import BrokenArchive

logger = logging.getLogger(__name__)

PROGRESS_SECONDS = 7 * 24 * 3600  # how long live progress is kept in the cache
State = ImportRun.State


def progress_key(run_id: int) -> str:
    return f"archives:import-run:{run_id}:progress"


def live_progress(run_id: int) -> dict | None:
    """The progress a running import last wrote: posts, bytes_read, size, share (0–1 or
    None), rate (posts a second), seconds, and at (a Unix time)."""
    try:
        return cache.get(progress_key(run_id))
    except Exception:  # the cache is down: the page shows the state without figures
        logger.warning("import run %s: progress could not be read", run_id, exc_info=True)
        return None


class ProgressRecorder:
    """The importer's progress callback: each reading goes to the cache."""

    def __init__(self, run_id: int):
        self.run_id = run_id
        self.last: Progress | None = None

    def __call__(self, progress: Progress) -> None:
        self.last = progress
        self.write(progress)

    def write(self, progress: Progress | None) -> None:
        reading = {
            "posts": progress.posts if progress else 0,
            "bytes_read": progress.bytes_read if progress else 0,
            "size": progress.size if progress else 0,
            "share": progress.share if progress else 0.0,
            "rate": progress.rate if progress else 0.0,
            "seconds": progress.seconds if progress else 0.0,
            "at": time.time(),
        }
        try:
            cache.set(progress_key(self.run_id), reading, PROGRESS_SECONDS)
        except Exception:  # a progress display is never a reason to stop an import
            logger.warning("import run %s: progress not recorded", self.run_id, exc_info=True)


def queue_dry_run(run: ImportRun) -> None:
    """Queue the dry run of a run just uploaded (once the upload's transaction commits)."""
    later(dry_run_import, run.pk)


def start_import(run_id: int) -> bool:
    """Queue the real import of a checked run; False when the run is not checked (no dry
    run yet, already started, failed or discarded): it is then left as it was."""
    claimed = ImportRun.objects.filter(pk=run_id, state=State.CHECKED).update(
        state=State.QUEUED, imported_at=timezone.now()
    )
    if claimed:
        later(import_comments, run_id)
    return bool(claimed)


def discard(run_id: int) -> bool:
    """Drop a checked run that will not be imported, and its file; False when the run is
    not checked."""
    run = ImportRun.objects.filter(pk=run_id, state=State.CHECKED).first()
    if run is None:
        return False
    claimed = ImportRun.objects.filter(pk=run_id, state=State.CHECKED).update(
        state=State.DISCARDED, finished_at=timezone.now(), file_path=""
    )
    if claimed:
        remove_file(run.file_path)
    return bool(claimed)


@background(attempts=1)
def dry_run_import(run_id: int) -> None:
    """The dry run: everything the import would do, rolled back; the report kept."""
    execute(run_id, claim=State.WAITING, running=State.DRY_RUNNING, dry_run=True)


@background(attempts=1)
def import_comments(run_id: int) -> None:
    """The import itself, for a run whose dry run passed and whose Run was pressed."""
    execute(run_id, claim=State.QUEUED, running=State.IMPORTING, dry_run=False)


def execute(run_id: int, *, claim: str, running: str, dry_run: bool) -> None:
    # Tried once: a failure is the run's own "failed" state (and, for an error nobody
    # foresaw, a FailedTask row too); staff start again from a fresh upload.
    if not ImportRun.objects.filter(pk=run_id, state=claim).update(state=running):
        logger.info("import run %s is not %s: nothing to do", run_id, claim)
        return
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    recorder = ProgressRecorder(run_id)
    recorder.write(None)
    try:
        if run.format not in formats.READERS:
            raise BrokenArchive(f"“{run.format}” is not a format this site reads")
        report = run_import(
            path=Path(run.file_path),
            format=run.format,
            url_map=run.url_map or None,
            create_missing=run.create_missing or None,
            screen=run.screen,
            dry_run=dry_run,
            actor=run.started_by,
            progress=recorder,
        )
    except BrokenArchive as error:
        fail(run, recorder, broken_message(error))
    except MapError as error:
        fail(run, recorder, f"The map of old to new addresses cannot be used: {error}")
    except OSError as error:
        fail(run, recorder, f"The uploaded file could not be read ({error.strerror or error}).")
    except Exception as error:
        fail(run, recorder, f"The import stopped on an unexpected error: {error!r}")
        raise
    else:
        finish(run, recorder, report.as_dict(), dry_run=dry_run)


def broken_message(error: BrokenArchive) -> str:
    return f"line {error.line}: {error.reason}" if error.line else error.reason


def figures(recorder: ProgressRecorder) -> dict:
    last = recorder.last
    if last is None:
        return {}
    return {"posts_read": last.posts, "share_read": last.share, "rate": last.rate}


def finish(run: ImportRun, recorder: ProgressRecorder, report: dict, *, dry_run: bool) -> None:
    fields = {**figures(recorder), "finished_at": timezone.now()}
    if dry_run:
        fields.update(state=State.CHECKED, dry_run_report=report)
    else:
        fields.update(state=State.DONE, report=report, file_path="")
    ImportRun.objects.filter(pk=run.pk).update(**fields)
    if not dry_run:
        remove_file(run.file_path)
    forget_progress(run.pk)


def fail(run: ImportRun, recorder: ProgressRecorder, message: str) -> None:
    # The import's transaction has ended (rolled back): the row can be written now.
    ImportRun.objects.filter(pk=run.pk, state__in=[State.DRY_RUNNING, State.IMPORTING]).update(
        state=State.FAILED,
        error=message[:2000],
        file_path="",
        finished_at=timezone.now(),
        **figures(recorder),
    )
    remove_file(run.file_path)
    forget_progress(run.pk)


def forget_progress(run_id: int) -> None:
    try:
        cache.delete(progress_key(run_id))
    except Exception:
        logger.warning("import run %s: progress not cleared", run_id, exc_info=True)


def remove_file(path: str) -> None:
    if not path:
        return
    try:
        Path(path).unlink(missing_ok=True)
    except OSError:
        logger.warning("the uploaded import file %s could not be removed", path, exc_info=True)
