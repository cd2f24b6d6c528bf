"""The CMS's *Import comments* pages: upload an export, read the dry run's report, run the
import and follow it. The work itself is background work (`tasks`); these pages only
queue it and show where it is. Staff with the "Can import comments" permission only."""

import time

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.auth import user_passes_test

from dateline.comments.models import Comment

from . import tasks
from .forms import FORMAT_LABELS, ImportForm, ImportsFolderUploads
from .models import ImportRun

PERMISSION = "archives.import_comments"
RUNS_LISTED = 50
UNMATCHED_SHOWN = 100
STALE_SECONDS = 120  # a running import that has said nothing for this long is named stuck
State = ImportRun.State


def may_import(user) -> bool:
    """Superusers, and staff given the "Can import comments" permission."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or (user.is_staff and user.has_perm(PERMISSION)))
    )


importers_only = user_passes_test(may_import)


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
