"""The comments JSON API (/api/v1/): the same reads as the page and the same actions.

Session cookies work (with the X-CSRFToken header on writes) and so do Bearer tokens
from /api/v1/auth/. Every error is `{"error": {"code", "message"}}`; the codes are
listed in the OpenAPI document (openapi.py).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse

from dateline.accounts.api import user_json
from dateline.core.api import ApiError, api_view, checked, read_json
from dateline.core.client import client_ip
from dateline.core.idempotency import idempotent
from dateline.core.inputs import clean_text, json_integer, whole_number
from dateline.newsroom.selectors import live_story

from . import actions
from .models import Comment
from .openapi import NOTE_MAX_LENGTH
from .rendering import permalink_base
from .threads import SORTS, shown_to, thread_page


def comment_json(comment, *, node=None, reacted=frozenset(), base=None):
    """A comment as the API shows it; tombstones keep their place but lose text and author.

    With its `node` from a page of threads, the replies under it come too. `base` is the
    permalink prefix, worked out once for a whole page of comments.
    """
    base = base or permalink_base()
    data = {
        "id": comment.pk,
        "page": comment.page_id,
        "parent": comment.parent_id,
        "thread": comment.thread_id or comment.pk,  # a top-level row made outside actions has none
        "depth": comment.depth,
        "status": comment.status,
        "url": f"{base}{comment.pk}/",
        "created": comment.created.isoformat(),
        "edited": comment.edited_at.isoformat() if comment.edited_at else None,
        "author": None,
        "body": "",
        "html": "",
        "featured": comment.is_featured,
        "reactions": comment.reaction_count,
        "reacted": comment.pk in reacted,
    }
    if not comment.is_tombstone:
        data.update(
            author=user_json(comment.author) if comment.author else None,
            body=comment.body,
            html=comment.body_html,
        )
    if comment.depth == 0:
        data["reply_count"] = comment.reply_count
    if node is not None:
        replying_to = node.replying_to
        data["replying_to"] = user_json(replying_to) if replying_to else None
        data["replies"] = [
            comment_json(child.comment, node=child, reacted=reacted, base=base)
            for child in node.children
        ]
    if comment.status == Comment.Status.REJECTED:
        data["rejection_reason"] = actions.rejection_reason(comment)
    return data


def story_page(page_id):
    page = live_story(page_id)
    if page is None:
        raise ApiError("not_found", "No story with comments has that id.", status=404)
    return page


def comment_for(request, comment_id):
    """The comment, if the requester may see it at all (moderators see everything)."""
    comments = Comment.objects.select_related("author", "page")
    if not request.user.is_staff:
        comments = comments.filter(shown_to(request.user))
    comment = comments.filter(pk=comment_id).first()
    if comment is None:
        raise ApiError("not_found", "No comment has that id.", status=404)
    return comment


def run_action(function, *args, **kwargs):
    """Call a comments.actions function, turning its refusals into API errors."""
    try:
        return function(*args, **kwargs)
    except actions.NotAllowed as error:
        status = 401 if error.code == "login_required" else 403
        raise ApiError(error.code, error.message, status=status) from error
    except PermissionDenied as error:
        raise ApiError("forbidden", str(error), status=403) from error
    except ValidationError as error:
        raise ApiError.invalid(error) from error


def body_of(request):
    data = read_json(request)
    if "body" not in data:
        raise ApiError("missing_field", "“body” is required: the comment's text.", field="body")
    return data


@idempotent
@api_view("GET", "POST")
def page_comments(request, page_id):
    page = story_page(page_id)
    if request.method == "POST":
        return post(request, page)
    sort = request.GET.get("sort", "oldest")
    if sort not in SORTS:
        raise ApiError("invalid_sort", f"“sort” is one of: {', '.join(SORTS)}.")
    threads = thread_page(
        page,
        sort=sort,
        number=checked(whole_number, request.GET.get("page", "1"), name="page"),
        viewer=request.user,
        featured=request.GET.get("featured") in ("1", "true"),
    )
    base = permalink_base()
    return JsonResponse(
        {
            "page": {
                "id": page.pk,
                "title": page.title,
                "url": page.url,
                "comments_open": page.comments_open,
                "responses": threads.responses,
            },
            "sort": threads.sort,
            "page_number": threads.number,
            "has_more": threads.has_more,
            "comments": [
                comment_json(node.comment, node=node, reacted=threads.reacted, base=base)
                for node in threads.nodes
            ],
        }
    )


def post(request, page):
    data = body_of(request)
    parent = None
    if data.get("parent") is not None:
        parent_id = checked(json_integer, data["parent"], name="parent")
        parent = Comment.objects.filter(pk=parent_id).first()
        if parent is None:
            raise ApiError("invalid_parent", "No comment has that id.", field="parent")
    comment = run_action(
        actions.post_comment,
        author=request.user,
        page=page,
        body=data.get("body"),
        parent=parent,
        ip=client_ip(request),
    )
    if comment.status == Comment.Status.REJECTED:
        raise ApiError(
            "comment_rejected", f"Your comment was rejected: {actions.rejection_reason(comment)}"
        )
    return JsonResponse({"comment": comment_json(comment)}, status=201)


@idempotent
@api_view("GET", "PATCH", "DELETE")
def comment_detail(request, comment_id):
    comment = comment_for(request, comment_id)
    if request.method == "PATCH":
        data = body_of(request)
        run_action(
            actions.edit_comment,
            comment,
            actor=request.user,
            body=data.get("body"),
            ip=client_ip(request),
        )
    elif request.method == "DELETE":
        run_action(actions.delete_comment, comment, actor=request.user, ip=client_ip(request))
    return JsonResponse({"comment": comment_json(comment)})


@idempotent
@api_view("PUT", "DELETE")
def reaction(request, comment_id):
    """PUT gives the reader's "Respect", DELETE takes it back; both are idempotent."""
    comment = comment_for(request, comment_id)
    on = run_action(actions.react, comment, user=request.user, on=request.method == "PUT")
    return JsonResponse({"reacted": on, "reactions": comment.reaction_count})


@idempotent
@api_view("POST")
def flags(request, comment_id):
    comment = comment_for(request, comment_id)
    data = read_json(request)
    note = checked(clean_text, data.get("note", ""), name="note", max_length=NOTE_MAX_LENGTH)
    report = run_action(
        actions.flag, comment, user=request.user, reason=data.get("reason"), note=note
    )
    return JsonResponse({"flag": {"id": report.pk, "reason": report.reason}}, status=201)


@idempotent
@api_view("PUT", "DELETE")
def featured(request, comment_id):
    comment = comment_for(request, comment_id)
    run_action(actions.set_featured, comment, actor=request.user, featured=request.method == "PUT")
    return JsonResponse({"comment": comment_json(comment)})
