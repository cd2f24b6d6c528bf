"""Imports started from the CMS, run by `dateline worker` (the *Import comments* view).

A run goes: waiting → dry run → checked, then, when staff press Run, queued → importing →
done; or failed at either step. Each step is claimed by a conditional update of the
run's state, so a task delivered twice, or Run pressed twice, imports once.

The import is one transaction. On SQLite nothing else can write while it is open, so its
progress goes to the cache (`live_progress`), where the run's page reads it, and the
report is written to the run's row once the transaction has ended.
"""

import logging
import os
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from dateline.core.background import background, later

from . import formats
from .exporter import DatabaseSource, PageNotFound
from .importer import Progress, run_import
from .matching import MapError
from .models import ExportRun, ImportRun
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


# Exports started from the CMS (the *Export comments* view): queued → running → done, or
# failed. The run is claimed by a conditional update of its state, so a task delivered
# twice writes one file. The file is written under a temporary name beside its own and
# renamed once complete: a failed export leaves no half file. While it runs, how many
# comments are written so far goes to the cache (`export_progress`).

EXPORT_STATE = ExportRun.State
EXPORT_SUFFIXES = {"disqus": ".disqus.xml", "wordpress": ".wxr.xml", "jsonl": ".jsonl"}
EXPORTS_KEPT = timedelta(days=7)  # an export may be deleted once it is older than this
EXPORT_PROGRESS_SECONDS = 1.0  # how often a running export writes its count to the cache


def exports_folder() -> Path:
    """Where finished exports wait to be downloaded: in the private data folder, beside
    the imports, never under MEDIA_ROOT (which is served to the web)."""
    folder = Path(settings.DATA_DIR) / "exports"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def export_progress_key(run_id: int) -> str:
    return f"archives:export-run:{run_id}:progress"


def export_progress(run_id: int) -> dict | None:
    """The progress a running export last wrote: comments (written so far), total (in
    the export), seconds, and at (a Unix time)."""
    try:
        return cache.get(export_progress_key(run_id))
    except Exception:  # the cache is down: the page shows the state without figures
        logger.warning("export run %s: progress could not be read", run_id, exc_info=True)
        return None


class CountedSource:
    """A `records.ArchiveSource` that hands the writer another's threads and posts and
    counts the posts as they go, writing the count to the cache now and then."""

    def __init__(self, source, run_id: int, total: int):
        self.source, self.run_id, self.total = source, run_id, total
        self.site_url, self.site_title = source.site_url, source.site_title
        self.count = 0
        self.started = self.written_at = time.monotonic()

    def threads(self):
        return self.source.threads()

    def posts(self, thread=None):
        for post in self.source.posts(thread):
            self.count += 1
            if time.monotonic() - self.written_at >= EXPORT_PROGRESS_SECONDS:
                self.write()
            yield post

    def write(self) -> None:
        self.written_at = time.monotonic()
        reading = {
            "comments": self.count,
            "total": self.total,
            "seconds": self.written_at - self.started,
            "at": time.time(),
        }
        try:
            cache.set(export_progress_key(self.run_id), reading, PROGRESS_SECONDS)
        except Exception:  # a progress display is never a reason to stop an export
            logger.warning("export run %s: progress not recorded", self.run_id, exc_info=True)


class ExportFailed(Exception):
    """An export that cannot be made, with the reason staff read."""


def private(path, flags):
    """`open`'s opener for a file only the site's own user may read."""
    return os.open(path, flags, 0o600)


def queue_export(run: ExportRun) -> None:
    """Queue the export of a run just asked for (once the request's transaction commits)."""
    later(export_comments, run.pk)


@background(attempts=1)
def export_comments(run_id: int) -> None:
    """Write the run's export to a file in the exports folder; its count and size kept."""
    # Tried once: a failure is the run's own "failed" state (and, for an error nobody
    # foresaw, a FailedTask row too); staff ask for a new export.
    claimed = ExportRun.objects.filter(pk=run_id, state=EXPORT_STATE.QUEUED).update(
        state=EXPORT_STATE.RUNNING
    )
    if not claimed:
        logger.info("export run %s is not queued: nothing to do", run_id)
        return
    run = ExportRun.objects.get(pk=run_id)
    suffix = EXPORT_SUFFIXES.get(run.format, "")
    target = exports_folder() / f"{run.pk}-{uuid.uuid4().hex}{suffix}"
    partial = target.with_name(target.name + ".part")
    try:
        if run.format not in formats.WRITERS:
            raise ExportFailed(f"“{run.format}” is not a format this site writes.")
        source = DatabaseSource(page_url=run.page_url or None)
        counted = CountedSource(source, run.pk, source.comments().count())
        counted.write()
        with open(partial, "xb", opener=private) as out:
            written = formats.WRITERS[run.format](out, counted)
        partial.replace(target)
    except ExportFailed as error:
        fail_export(run, str(error))
    except PageNotFound as error:
        fail_export(run, f"{str(error)[:1].upper()}{str(error)[1:]}.")
    except OSError as error:
        fail_export(run, f"The export file could not be written ({error.strerror or error}).")
    except Exception as error:
        fail_export(run, f"The export stopped on an unexpected error: {error!r}")
        raise
    else:
        finish_export(run, target, written)
    finally:
        remove_export_file(partial)


def finish_export(run: ExportRun, target: Path, written: int) -> None:
    finished = ExportRun.objects.filter(pk=run.pk, state=EXPORT_STATE.RUNNING).update(
        state=EXPORT_STATE.DONE,
        file_path=str(target),
        comments=written,
        file_size=target.stat().st_size,
        finished_at=timezone.now(),
    )
    if not finished:  # the run was deleted while it ran: its file goes too
        remove_export_file(target)
    forget_export_progress(run.pk)


def fail_export(run: ExportRun, message: str) -> None:
    ExportRun.objects.filter(pk=run.pk, state=EXPORT_STATE.RUNNING).update(
        state=EXPORT_STATE.FAILED, error=message[:2000], finished_at=timezone.now()
    )
    forget_export_progress(run.pk)


def forget_export_progress(run_id: int) -> None:
    try:
        cache.delete(export_progress_key(run_id))
    except Exception:
        logger.warning("export run %s: progress not cleared", run_id, exc_info=True)


def remove_export_file(path: str | Path) -> None:
    if not path:
        return
    try:
        Path(path).unlink(missing_ok=True)
    except OSError:
        logger.warning("the export file %s could not be removed", path, exc_info=True)


def deletable(run: ExportRun) -> bool:
    """Exports are kept a week; after that staff may delete them."""
    return run.created_at <= timezone.now() - EXPORTS_KEPT


def delete_export(run_id: int) -> bool:
    """Delete an export older than a week, and its file; False when it is younger (or
    already gone)."""
    run = ExportRun.objects.filter(pk=run_id, created_at__lte=timezone.now() - EXPORTS_KEPT).first()
    if run is None:
        return False
    deleted, _ = ExportRun.objects.filter(pk=run.pk).delete()
    if deleted:
        remove_export_file(run.file_path)
    return bool(deleted)
