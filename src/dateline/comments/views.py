"""Form endpoints for the comment section; each calls comments.actions and goes back."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from dateline.core.api import api_view, checked
from dateline.core.client import client_ip
from dateline.core.errors import first_message
from dateline.core.idempotency import once_per_form
from dateline.core.inputs import clean_text, whole_number

from . import actions
from .models import Comment
from .openapi import NOTE_MAX_LENGTH
from .rendering import shared_context
from .threads import PAGE_SIZE, SHOWN, Node

HELD_MESSAGE = (
    "Thanks: your comment is held for review and will appear once a moderator approves it."
)


def outcome_message(request, comment):
    if comment.status == Comment.Status.PUBLISHED:
        messages.success(request, "Your comment is published.")
    elif comment.status == Comment.Status.HELD:
        messages.info(request, HELD_MESSAGE)


@require_POST
@once_per_form
def post(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    parent_id = request.POST.get("parent")
    body = request.POST.get("body", "")
    try:
        parent = reply_to(parent_id) if parent_id else None
        comment = actions.post_comment(
            author=request.user, page=page, body=body, parent=parent, ip=client_ip(request)
        )
    except (PermissionDenied, ValidationError) as error:
        return not_posted(
            request,
            page,
            body,
            parent_id,
            first_message(error),
            can_retry=isinstance(error, ValidationError),
        )
    if comment.status == Comment.Status.REJECTED:
        return not_posted(
            request,
            page,
            body,
            parent_id,
            f"Your comment was rejected: {actions.rejection_reason(comment)}",
            can_retry=True,
        )
    outcome_message(request, comment)
    return redirect(f"{page.url}#comment-{comment.pk}")


def reply_to(parent_id):
    """The comment a reply answers; a reply to a comment that is not there is refused."""
    parent = Comment.objects.filter(pk=whole_number(parent_id, name="parent")).first()
    if parent is None:
        raise ValidationError("The comment you replied to is not there any more.")
    return parent


def not_posted(request, page, body, parent_id, error, can_retry):
    """Show what was wrong, with the text kept so nothing the reader wrote is lost."""
    return render(
        request,
        "comments/form_error.html",
        {
            "error": error,
            "body": body,
            "parent": parent_id,
            "back": page.url,
            "action": reverse("comments:post", args=[page.pk]),
            "can_retry": can_retry,
        },
        status=400 if can_retry else 403,
    )


def comment_view(handler):
    """POST endpoints on one comment: run `handler`, report errors, go back to the comment."""

    @require_POST
    def view(request, comment_id):
        comment = get_object_or_404(Comment.objects.select_related("page"), pk=comment_id)
        try:
            handler(request, comment)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, first_message(error))
        return redirect(f"{comment.page.url}#comment-{comment.pk}")

    return view


@comment_view
def edit(request, comment):
    actions.edit_comment(
        comment, actor=request.user, body=request.POST.get("body", ""), ip=client_ip(request)
    )
    if comment.status == Comment.Status.REJECTED:
        messages.error(request, f"Your edit was rejected: {actions.rejection_reason(comment)}")
    else:
        outcome_message(request, comment)


@comment_view
def delete(request, comment):
    actions.delete_comment(comment, actor=request.user, ip=client_ip(request))
    messages.success(request, "Your comment was deleted.")


@comment_view
def react(request, comment):
    actions.react(comment, user=request.user)


@comment_view
def flag(request, comment):
    note = clean_text(request.POST.get("note", ""), name="note", max_length=NOTE_MAX_LENGTH)
    actions.flag(comment, user=request.user, reason=request.POST.get("reason", ""), note=note)
    messages.success(request, "Thanks: a moderator will look at this comment.")


@comment_view
def feature(request, comment):
    actions.set_featured(comment, actor=request.user, featured=request.POST.get("featured") == "1")


@require_GET
def permalink(request, comment_id):
    """A comment's lasting address: the story page, at the page of threads that holds it."""
    comment = get_object_or_404(Comment.objects.select_related("page", "thread"), pk=comment_id)
    root = comment.thread or comment
    before = (
        Comment.objects.filter(page_id=root.page_id, depth=0, status__in=SHOWN)
        .filter(Q(created__lt=root.created) | Q(created=root.created, pk__lt=root.pk))
        .count()
    )
    number = before // PAGE_SIZE + 1
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{comment.page.url}{query}#comment-{comment.pk}")


@api_view("GET")
def since(request, page_id):
    """Published comments newer than ?after=<id>, rendered, for the live-update script."""
    page = get_object_or_404(Page, pk=page_id).specific
    after = checked(whole_number, request.GET.get("after", "0"), name="after", low=0)
    newer = list(
        Comment.objects.filter(page=page, status=Comment.Status.PUBLISHED, pk__gt=after)
        .select_related("author")
        .order_by("id")[:50]
    )
    # Inserted by script for a reader already on the page: the forms need their token.
    context = shared_context(page, viewer=request.user, csrf_token=get_token(request))
    return JsonResponse(
        {
            "comments": [
                {
                    "id": comment.pk,
                    "parent": comment.parent_id,
                    "depth": comment.depth,
                    "html": render_to_string(
                        "comments/comment.html", {**context, "node": Node(comment)}
                    ),
                }
                for comment in newer
            ],
        }
    )
