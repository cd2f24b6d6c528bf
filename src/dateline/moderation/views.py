"""The moderator queue: lists to work through, and one endpoint for every decision."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from dateline.comments import actions as comment_actions
from dateline.comments.models import Comment, Ruling
from dateline.core.errors import first_message
from dateline.core.inputs import clean_text, whole_number
from dateline.screening.selectors import open_surges

from . import actions, queue
from .highlight import highlight

REASON_MAX_LENGTH = Comment._meta.get_field("moderation_reason").max_length
PERSON_DECISIONS = {"ban", "suspend"}


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
    counts = queue.counts(model_ids, urgent_ids)
    for comment in comments:
        comment.marked = highlight(comment)
        comment.history = history.get(comment.author_id, {})
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
        reason = clean_text(
            request.POST.get("reason", "").strip(), name="reason", max_length=REASON_MAX_LENGTH
        )
        if not comments:
            raise ValidationError("Choose at least one comment.")
        with transaction.atomic():  # a bulk action happens to all the comments or to none
            for comment in comments:
                apply(decision, comment, actor=request.user, reason=reason, form=request.POST)
        done = len(comments)
    except (PermissionDenied, ValidationError) as error:
        problems.append(first_message(error))
    if request.headers.get("Accept") == "application/json":
        status = 400 if problems else 200
        return JsonResponse({"done": done, "ids": ids, "errors": problems}, status=status)
    if problems:
        messages.error(request, problems[0])
    else:
        messages.success(request, f"{decision.capitalize()}: {done} comment{'s' * (done != 1)}.")
    return redirect(back_to(request))


def back_to(request):
    """Where the form asked to go back to, if that is a path on this site; else the queue."""
    back = request.POST.get("back", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back
    return "moderation:queue"


def apply(decision, comment, *, actor, reason, form):
    if decision in Ruling.values:
        comment_actions.moderate(comment, actor=actor, decision=decision, reason=reason)
    elif decision == "feature":
        comment_actions.set_featured(comment, actor=actor, featured=True)
    elif decision in PERSON_DECISIONS:
        person = comment.author
        if person is None:
            raise ValidationError("That comment's writer deleted their account.")
        if decision == "ban":
            actions.ban_writer(person, actor=actor, reason=reason)
        else:
            days = whole_number(form.get("days", "7"), name="days", high=365)
            actions.suspend_writer(person, actor=actor, days=days, reason=reason)
    else:
        raise ValidationError(f"Unknown decision “{decision}”.")
