"""Form endpoints for the comment section; each calls comments.actions and goes back.

Their answers speak the story's language: the endpoints' own paths carry no prefix.
"""

from functools import wraps
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from dateline.core.api import RateLimited, api_view, checked
from dateline.core.client import client_ip
from dateline.core.errors import first_message
from dateline.core.idempotency import once_per_form
from dateline.core.inputs import COMMENT_MAX_LENGTH, clean_text, whole_number

from . import actions
from .models import Comment
from .openapi import NOTE_MAX_LENGTH
from .permissions import grant
from .rendering import (
    comment_words,
    comments_html,
    heading,
    named,
    shared_context,
    too_long_message,
)
from .threads import PAGE_SIZE, SHOWN, Node, changes_since, parse_cursor


def in_language_of(page):
    """Speak `page`'s language while answering about it."""
    return translation.override(page.locale.language_code)


def outcome_message(request, comment):
    if comment.status == Comment.Status.PUBLISHED:
        messages.success(request, gettext("Your comment is published."))
    elif comment.status == Comment.Status.HELD:
        held = gettext(
            "Thanks: your comment is held for review and will appear once a moderator approves it."
        )
        messages.info(request, " ".join([held, *comment.advice]))


def story_view(view):
    """A form endpoint on the story `page_id`, answering in the story's language."""

    @wraps(view)
    def wrapper(request, page_id):
        page = get_object_or_404(Page, pk=page_id).specific
        with in_language_of(page):
            return view(request, page)

    return wrapper


@require_POST
@once_per_form
@story_view
def post(request, page):
    parent_id = request.POST.get("parent")
    body = request.POST.get("body", "")
    try:
        parent = reply_to(parent_id) if parent_id else None
        comment = actions.post_comment(
            author=request.user, page=page, body=body, parent=parent, ip=client_ip(request)
        )
    except (PermissionDenied, ValidationError) as error:
        response = not_posted(
            request,
            page,
            body,
            parent_id,
            first_message(error),
            can_retry=isinstance(error, ValidationError),
        )
        if isinstance(error, RateLimited):
            response.status_code, response["Retry-After"] = 429, str(error.retry_after)
        return response
    if comment.status == Comment.Status.REJECTED:
        return not_posted(
            request,
            page,
            body,
            parent_id,
            gettext("Your comment was rejected: %(reason)s")
            % {"reason": actions.rejection_reason(comment)},
            can_retry=True,
        )
    outcome_message(request, comment)
    return redirect(f"{page.url}#comment-{comment.pk}")


def reply_to(parent_id):
    """The comment a reply answers; a reply to a comment that is not there is refused."""
    parent = Comment.objects.filter(pk=whole_number(parent_id, name="parent")).first()
    if parent is None:
        raise ValidationError(gettext("The comment you replied to is not there any more."))
    return parent


def not_posted(request, page, body, parent_id, error, can_retry):
    """Show what was wrong, with the text kept so nothing the reader wrote is lost."""
    return keep_text(
        request,
        page,
        body,
        error,
        title=gettext("Your comment was not posted"),
        action=reverse("comments:post", args=[page.pk]),
        parent=parent_id,
        can_retry=can_retry,
    )


def keep_text(request, page, body, error, *, title, action, parent=None, can_retry=True):
    """The error page of a comment form: the message, and the text back in its box."""
    return render(
        request,
        "comments/form_error.html",
        {
            "title": title,
            "error": error,
            "body": body,
            "parent": parent,
            "back": page.url,
            "action": action,
            "can_retry": can_retry,
            "max_length": COMMENT_MAX_LENGTH,
            "too_long": too_long_message(),
        },
        status=400 if can_retry else 403,
    )


def comment_view(handler):
    """POST endpoints on one comment: run `handler`, report errors, go back to the comment.

    A handler may answer itself (an error page); otherwise the reader goes back to the comment.
    """

    @require_POST
    def view(request, comment_id):
        comment = get_object_or_404(Comment.objects.select_related("page__locale"), pk=comment_id)
        with in_language_of(comment.page):
            try:
                answer = handler(request, comment)
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, first_message(error))
                answer = None
        return answer or redirect(f"{comment.page.url}#comment-{comment.pk}")

    return view


@comment_view
def edit(request, comment):
    body = request.POST.get("body", "")
    try:
        actions.edit_comment(comment, actor=request.user, body=body, ip=client_ip(request))
    except ValidationError as error:  # text that is not a comment: keep it for another try
        return keep_text(
            request,
            comment.page,
            body,
            first_message(error),
            title=gettext("Your edit was not saved"),
            action=reverse("comments:edit", args=[comment.pk]),
        )
    if comment.status == Comment.Status.REJECTED:
        messages.error(
            request,
            gettext("Your edit was rejected: %(reason)s")
            % {"reason": actions.rejection_reason(comment)},
        )
    else:
        outcome_message(request, comment)
    return None


@comment_view
def delete(request, comment):
    actions.delete_comment(comment, actor=request.user, ip=client_ip(request))
    messages.success(request, gettext("Your comment was deleted."))


@comment_view
def react(request, comment):
    actions.react(comment, user=request.user)


@comment_view
def follow(request, comment):
    on = request.POST.get("on", "1") == "1"
    actions.follow(comment, user=request.user, on=on)
    if on:
        messages.success(request, gettext("You will be told of new replies in this thread."))


@comment_view
def flag(request, comment):
    note = clean_text(request.POST.get("note", ""), name="note", max_length=NOTE_MAX_LENGTH)
    actions.flag(comment, user=request.user, reason=request.POST.get("reason", ""), note=note)
    messages.success(request, gettext("Thanks: a moderator will look at this comment."))


@comment_view
def feature(request, comment):
    actions.set_featured(comment, actor=request.user, featured=request.POST.get("featured") == "1")


@require_GET
def permalink(request, comment_id):
    """A comment's lasting address: the story page, at the page of threads that holds it.

    With ?reply= or ?report= it is the page of that form for the comment: where each
    comment's Reply and Report lead a reader whose browser runs no script (with one, the
    page's own form opens in place).
    """
    comment = get_object_or_404(
        Comment.objects.select_related("page", "thread", "author"), pk=comment_id
    )
    for kind in ("reply", "report"):
        if kind in request.GET:
            answer = respond(request, comment, kind)
            if answer is not None:
                return answer
    root = comment.thread or comment
    before = (
        Comment.objects.filter(page_id=root.page_id, depth=0, status__in=SHOWN)
        .filter(Q(created__lt=root.created) | Q(created=root.created, pk__lt=root.pk))
        .count()
    )
    number = before // PAGE_SIZE + 1
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{comment.page.url}{query}#comment-{comment.pk}")


def respond(request, comment, kind):
    """The reply or report form for `comment` on a page of its own, or None when the
    reader may not use it (they then go to the comment)."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('accounts:login')}?next={quote(request.get_full_path())}")
    page = comment.page.specific
    node = Node(comment)
    grant([node], viewer=request.user, page=page)
    if not (node.may.reply if kind == "reply" else node.may.report):
        return None
    with in_language_of(page):
        words = comment_words()
        name = comment.author.display_name if comment.author else ""
        return render(
            request,
            "comments/respond.html",
            {
                "kind": kind,
                "title": mark_safe(
                    named(words["reply_to"], name) if kind == "reply" else words["report"]
                ),
                "comment": comment,
                "words": words,
                "post_url": reverse("comments:post", args=[page.pk]),
                "flag_options": shared_context(page, request=request, csrf_token=None)[
                    "flag_options"
                ],
                "back": f"{page.url}#comment-{comment.pk}",
                "max_length": COMMENT_MAX_LENGTH,
                "too_long": too_long_message(),
            },
        )


@api_view("GET")
def since(request, page_id):
    """What appeared or disappeared on a story since ?cursor=, for the live-update script.

    Each comment the reader now sees comes rendered; the others come as "gone", for the
    page to take away. `responses` and `heading` come when anything changed.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    cursor = checked(parse_cursor, request.GET.get("cursor"), name="cursor")
    changes = changes_since(page, cursor=cursor, viewer=request.user)
    shown = [node for node in changes.nodes if node.comment.shown]
    with in_language_of(page):
        # Inserted by script for a reader already on the page: the forms need their token.
        drawn = comments_html(
            shown,
            page,
            request=request,
            viewer=request.user,
            csrf_token=get_token(request) if request.user.is_authenticated else None,
        )
        html = {node.comment.pk: text for node, text in zip(shown, drawn, strict=True)}
        return JsonResponse(
            {
                "cursor": changes.cursor,
                "responses": changes.responses,
                "heading": heading(changes.responses) if changes.responses is not None else None,
                "comments": [
                    {
                        "id": node.comment.pk,
                        "parent": node.comment.parent_id,
                        "depth": node.comment.depth,
                        "status": node.comment.status if node.comment.shown else "gone",
                        "html": html.get(node.comment.pk, ""),
                    }
                    for node in changes.nodes
                ],
            }
        )
