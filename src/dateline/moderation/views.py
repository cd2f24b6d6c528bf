"""The moderator queue: lists to work through, one endpoint for every decision, and a
confirmation (with undo) before a writer is banned or suspended."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from dateline.accounts.selectors import name_conflicts
from dateline.comments import actions as comment_actions
from dateline.comments.models import Comment, Ruling
from dateline.core.errors import first_message
from dateline.core.inputs import clean_text, whole_number
from dateline.screening.selectors import open_surges

from . import actions, queue
from .highlight import highlight
from .reasons import RejectReason, reason_text, suggested

NOTE_MAX_LENGTH = 300
SANCTIONS = {"ban": "Ban", "suspend": "Suspend"}
UNDO_KEY = "moderation-undo"


def staff_only(view):
    """Anonymous visitors are sent to log in; logged-in readers get a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff:
            raise PermissionDenied("Only moderators can see the moderation queue.")
        return view(request, *args, **kwargs)

    return wrapper


@staff_only
def queue_view(request):
    tab = request.GET.get("tab", "pending")
    if tab not in queue.TABS:
        tab = "pending"
    model_ids, urgent_ids = queue.held_ids()
    paginator = Paginator(queue.tab_query(tab, model_ids, urgent_ids), queue.PAGE_SIZE)
    listing = paginator.get_page(request.GET.get("page"))
    comments = list(listing)
    history = queue.histories(comments)
    parents = queue.parents(comments)
    flagged = queue.open_flag_reasons(comments)
    conflicts = name_conflicts(user_ids={c.author_id for c in comments if c.author_id})
    for comment in comments:
        comment.marked = highlight(comment)
        comment.history = history.get(comment.author_id, {})
        comment.readable_reasons = queue.readable(comment.reasons)
        comment.suggested_reason = suggested(
            {reason.get("code") for reason in comment.reasons}, flagged.get(comment.pk, ())
        )
        comment.parent_comment = parents.get(comment.pk)
        comment.name_conflict = conflicts.get(comment.author_id)
    counts = queue.counts(model_ids, urgent_ids)
    return render(
        request,
        "moderation/queue.html",
        {
            "tab": tab,
            "tabs": [(key, label, counts.get(key)) for key, label in queue.TABS.items()],
            "listing": listing,
            "comments": comments,
            "surges": open_surges(),
            "urgent_count": counts["urgent"],
            "reject_reasons": RejectReason.choices,
            "undo": request.session.get(UNDO_KEY),
        },
    )


@staff_only
def confirm(request, decision, comment_id):
    """Ask before a writer is banned or suspended: who, what happens, and why."""
    if decision not in SANCTIONS:
        raise PermissionDenied("Only bans and suspensions are confirmed here.")
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=comment_id)
    if comment.author is None:
        messages.error(request, "That comment's writer deleted their account.")
        return redirect("moderation:queue")
    held = Comment.objects.filter(author=comment.author, status=Comment.Status.HELD).count()
    return render(
        request,
        "moderation/confirm.html",
        {
            "decision": decision,
            "verb": SANCTIONS[decision],
            "comment": comment,
            "person": comment.author,
            "held": held,
            "back": back_to(request, request.GET.get("back", "")),
        },
    )


@staff_only
@require_POST
def act(request):
    """Apply one decision to the chosen comments (or to their writers)."""
    decision = request.POST.get("decision", "")
    ids, done, problems = [], 0, []
    try:
        ids = [whole_number(value, name="ids") for value in request.POST.getlist("ids")]
        comments = list(Comment.objects.filter(pk__in=ids).select_related("author", "page"))
        note = clean_text(
            request.POST.get("reason", "").strip(), name="reason", max_length=NOTE_MAX_LENGTH
        )
        reason = reason_text(
            choice=request.POST.get("reason_choice", ""),
            note=note,
            required=decision == Ruling.REJECT,
        )
        if not comments:
            raise ValidationError("Choose at least one comment.")
        with transaction.atomic():  # a bulk action happens to all the comments or to none
            for comment in comments:
                apply(request, decision, comment, reason=reason)
        done = len(comments)
    except (PermissionDenied, ValidationError) as error:
        problems.append(first_message(error))
    if request.headers.get("Accept") == "application/json":
        counts = queue.counts(*queue.held_ids())
        return JsonResponse(
            {"done": done, "ids": ids, "errors": problems, "counts": counts},
            status=400 if problems else 200,
        )
    if problems:
        messages.error(request, problems[0])
    else:
        messages.success(request, f"{decision.capitalize()}: {done} comment{'s' * (done != 1)}.")
    return redirect(back_to(request, request.POST.get("back", "")))


@staff_only
@require_POST
def undo(request):
    """Undo the last ban or suspension: the writer may post again, their comments wait."""
    last = request.session.pop(UNDO_KEY, None)
    if last is None:
        messages.error(request, "There is nothing to undo.")
        return redirect("moderation:queue")
    person = get_object_or_404(get_user_model(), pk=last["person"])
    try:
        actions.undo_sanction(
            person, actor=request.user, ban=last["decision"] == "ban", comment_ids=last["comments"]
        )
    except PermissionDenied as error:
        messages.error(request, first_message(error))
    else:
        messages.success(request, f"Undone: {person.display_name} can comment again.")
    return redirect(back_to(request, request.POST.get("back", "")))


def back_to(request, back):
    """`back` if it is a path on this site; else the queue."""
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return reverse("moderation:queue")


def apply(request, decision, comment, *, reason):
    actor = request.user
    if decision in Ruling.values and decision != Ruling.REQUEUE:
        comment_actions.moderate(comment, actor=actor, decision=decision, reason=reason)
    elif decision == "feature":
        comment_actions.set_featured(comment, actor=actor, featured=True)
    elif decision in SANCTIONS:
        sanction(request, decision, comment, reason=reason)
    else:
        raise ValidationError(f"Unknown decision “{decision}”.")


def sanction(request, decision, comment, *, reason):
    """Ban or suspend a comment's writer, once confirmed; the undo is kept in the session."""
    person = comment.author
    if person is None:
        raise ValidationError("That comment's writer deleted their account.")
    if request.POST.get("confirmed") != "1":
        raise ValidationError(f"Confirm before you {decision} a writer.", code="unconfirmed")
    if decision == "ban":
        rejected = actions.ban_writer(person, actor=request.user, reason=reason)
    else:
        days = whole_number(request.POST.get("days", "7"), name="days", high=365)
        rejected = actions.suspend_writer(person, actor=request.user, days=days, reason=reason)
    request.session[UNDO_KEY] = {
        "decision": decision,
        "person": person.pk,
        "name": person.display_name,
        "comments": rejected,
    }
