"""The CMS's *Import comments* pages: upload an export, read the dry run's report, run the
import and follow it; and its *Export comments* pages: ask for an export, follow it,
download the file. The work itself is background work (`tasks`); these pages only queue
it and show where it is. Staff with the "Can import comments" or "Can export comments"
permission only."""

import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.auth import user_passes_test

from dateline.comments.models import Comment

from . import tasks
from .forms import EXPORT_FORMAT_LABELS, FORMAT_LABELS, ExportForm, ImportForm, ImportsFolderUploads
from .models import ExportRun, ImportRun

PERMISSION = "archives.import_comments"
EXPORT_PERMISSION = "archives.export_comments"
RUNS_LISTED = 50
UNMATCHED_SHOWN = 100
STALE_SECONDS = 120  # a running import that has said nothing for this long is named stuck
State = ImportRun.State


def allowed(user, permission: str) -> bool:
    """Superusers, and staff given `permission`."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or (user.is_staff and user.has_perm(permission)))
    )


def may_import(user) -> bool:
    """Superusers, and staff given the "Can import comments" permission."""
    return allowed(user, PERMISSION)


def may_export(user) -> bool:
    """Superusers, and staff given the "Can export comments" permission: an export holds
    every writer's e-mail address."""
    return allowed(user, EXPORT_PERMISSION)


importers_only = user_passes_test(may_import)
exporters_only = user_passes_test(may_export)


@never_cache
@importers_only
@csrf_exempt  # only until the upload handler is set: `upload_form` checks the token
def index(request):
    """The upload form, and the runs so far, newest first. The export goes to disk in the
    imports folder as it arrives, so a file of any size streams through."""
    request.upload_handlers = [ImportsFolderUploads(request)]
    return upload_form(request)


@csrf_protect
@require_http_methods(["GET", "POST"])
def upload_form(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            run = form.save(started_by=request.user)
            tasks.queue_dry_run(run)
            messages.success(request, "Uploaded. The dry run is queued: nothing changes yet.")
            return redirect("archives_import_run", run.pk)
        messages.error(request, "The file was not uploaded: see below.")
    runs = ImportRun.objects.select_related("started_by")[:RUNS_LISTED]
    return render(
        request,
        "archives/import_index.html",
        {
            "form": form,
            "runs": runs,
            "busy": ImportRun.objects.filter(
                state__in=[State.DRY_RUNNING, State.IMPORTING]
            ).exists(),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@importers_only
@require_http_methods(["GET"])
def run_page(request, run_id):
    """One run: its state and progress while it runs, then its reports."""
    run = get_object_or_404(ImportRun.objects.select_related("started_by"), pk=run_id)
    progress = tasks.live_progress(run.pk) if run.running else None
    silent = None
    if progress and run.state in (State.DRY_RUNNING, State.IMPORTING):
        silent = time.time() - progress.get("at", time.time())
    return render(
        request,
        "archives/import_run.html",
        {
            "run": run,
            "format_label": FORMAT_LABELS.get(run.format, run.format),
            "progress": progress,
            "stale": silent is not None and silent > STALE_SECONDS,
            "silent_minutes": int(silent // 60) if silent else 0,
            "refresh": run.running,
            "dry_run": readable(run.dry_run_report),
            "final": readable(run.report),
            "can_run": run.state == State.CHECKED,
        },
    )


@importers_only
@require_POST
def start(request, run_id):
    """Run the import of a run whose dry run passed."""
    run = get_object_or_404(ImportRun, pk=run_id)
    if tasks.start_import(run.pk):
        messages.success(request, "The import is queued. This page follows it.")
    else:
        messages.error(request, refusal(run))
    return redirect("archives_import_run", run.pk)


@importers_only
@require_POST
def discard(request, run_id):
    """Drop a checked run that will not be imported, and its uploaded file."""
    run = get_object_or_404(ImportRun, pk=run_id)
    if tasks.discard(run.pk):
        messages.success(request, "Discarded: nothing was imported, and the file is deleted.")
    else:
        messages.error(request, refusal(run))
    return redirect("archives_import_run", run.pk)


def refusal(run: ImportRun) -> str:
    """Why a checked run's buttons do nothing for this one."""
    return {
        State.WAITING: "The dry run has not run yet: the import can start once it has passed.",
        State.DRY_RUNNING: "The dry run is under way: the import can start once it has passed.",
        State.QUEUED: "The import has already been started.",
        State.IMPORTING: "The import has already been started.",
        State.DONE: "This file has already been imported.",
        State.FAILED: "This run failed: upload the file again to start over.",
        State.DISCARDED: "This run was discarded: upload the file again to start over.",
    }.get(run.state, "This run cannot do that now.")


def readable(report: dict | None) -> dict | None:
    """A report (`Report.as_dict()`) with what its page shows worked out: comments by
    state in words, the skipped total, the unmatched threads shown and left out."""
    if not report:
        return None
    imported = report.get("imported") or {}
    labels = {status: str(label).lower() for status, label in Comment.Status.choices}
    unmatched = report.get("unmatched") or []
    skipped = report.get("skipped") or []
    return {
        **report,
        "imported_by_state": [
            (labels.get(status, status), count) for status, count in sorted(imported.items())
        ],
        "imported_total": sum(imported.values()),
        "skipped_total": sum(row["posts"] for row in skipped),
        "unmatched_shown": unmatched[:UNMATCHED_SHOWN],
        "unmatched_more": max(len(unmatched) - UNMATCHED_SHOWN, 0),
        "unmatched_posts": sum(row["posts"] for row in unmatched),
    }


ExportState = ExportRun.State
EXPORT_CONTENT_TYPES = {
    "disqus": "application/xml",
    "wordpress": "application/xml",
    "jsonl": "application/x-ndjson",
}


@never_cache
@exporters_only
@require_http_methods(["GET", "POST"])
def export_index(request):
    """The export form, and the exports so far, newest first."""
    form = ExportForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            run = form.save(started_by=request.user)
            tasks.queue_export(run)
            messages.success(request, "The export is queued. This page follows it.")
            return redirect("archives_export_run", run.pk)
        messages.error(request, "The export was not started: see below.")
    runs = list(ExportRun.objects.select_related("started_by")[:RUNS_LISTED])
    for run in runs:
        run.deletable = tasks.deletable(run)
    return render(
        request,
        "archives/export_index.html",
        {"form": form, "runs": runs, "kept_days": tasks.EXPORTS_KEPT.days},
        status=400 if form.errors else 200,
    )


@never_cache
@exporters_only
@require_http_methods(["GET"])
def export_run_page(request, run_id):
    """One export: its state and progress while it runs, then its file to download."""
    run = get_object_or_404(ExportRun.objects.select_related("started_by"), pk=run_id)
    progress = tasks.export_progress(run.pk) if run.state == ExportState.RUNNING else None
    silent = time.time() - progress.get("at", time.time()) if progress else None
    return render(
        request,
        "archives/export_run.html",
        {
            "run": run,
            "format_label": EXPORT_FORMAT_LABELS.get(run.format, run.format),
            "progress": progress,
            "stale": silent is not None and silent > STALE_SECONDS,
            "silent_minutes": int(silent // 60) if silent else 0,
            "refresh": run.running,
            "file_name": download_name(run),
            "deletable": tasks.deletable(run),
            "kept_days": tasks.EXPORTS_KEPT.days,
        },
    )


@never_cache
@exporters_only
@require_http_methods(["GET"])
def export_download(request, run_id):
    """The finished export's file, as an attachment."""
    run = get_object_or_404(ExportRun, pk=run_id)
    if run.state != ExportState.DONE or not run.file_path:
        messages.error(request, export_refusal(run))
        return redirect("archives_export_run", run.pk)
    try:
        file = open(Path(run.file_path), "rb")  # noqa: SIM115 (closed with the response)
    except OSError:
        messages.error(request, "The export's file is no longer on the server: start a new export.")
        return redirect("archives_export_run", run.pk)
    return FileResponse(
        file,
        as_attachment=True,
        filename=download_name(run),
        content_type=EXPORT_CONTENT_TYPES.get(run.format, "application/octet-stream"),
    )


@exporters_only
@require_POST
def export_delete(request, run_id):
    """Delete an export older than a week, and its file."""
    run = get_object_or_404(ExportRun, pk=run_id)
    if tasks.delete_export(run.pk):
        messages.success(request, "The export and its file are deleted.")
        return redirect("archives_export")
    kept_until = timezone.localtime(run.created_at + tasks.EXPORTS_KEPT)
    messages.error(
        request,
        f"Exports are kept for {tasks.EXPORTS_KEPT.days} days: this one can be deleted "
        f"from {kept_until:%Y-%m-%d %H:%M}.",
    )
    return redirect("archives_export_run", run.pk)


def export_refusal(run: ExportRun) -> str:
    """Why an export's file cannot be downloaded now."""
    return {
        ExportState.QUEUED: "The export has not started yet: its file can be downloaded "
        "once it is done.",
        ExportState.RUNNING: "The export is still being written: its file can be "
        "downloaded once it is done.",
        ExportState.FAILED: "This export failed: there is no file to download.",
    }.get(run.state, "There is no file to download for this export.")


def download_name(run: ExportRun) -> str:
    """e.g. "comments-2026-11-28.disqus.xml", or "comments-a-story-2026-11-28.jsonl" for
    one story's."""
    day = timezone.localdate(run.created_at).isoformat()
    story = story_slug(run.page_url)
    stem = f"comments-{story}-{day}" if story else f"comments-{day}"
    return stem + tasks.EXPORT_SUFFIXES.get(run.format, "")


def story_slug(address: str) -> str:
    """The last part of a story's address, as a slug ("" for none)."""
    if not address:
        return ""
    path = urlsplit(address).path if re.match(r"https?://", address) else address
    parts = [part for part in path.split("/") if part]
    return slugify(parts[-1])[:80] if parts else ""
