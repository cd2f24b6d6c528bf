"""What the moderator queue lists: five tabs over comments, with each writer's history."""

from django.db.models import Count, Q

from dateline.comments.models import Comment

PAGE_SIZE = 50
MODEL_REASONS = ("toxicity", "spam")
TABS = {
    "pending": "Pending",
    "flagged": "Flagged",
    "model": "Held by the models",
    "rejected": "Rejected",
    "approved": "Approved",
}


def tab_query(tab, model_ids):
    """The comments listed under `tab`; `model_ids` are those of `model_held_ids()`."""
    comments = Comment.objects.select_related("author", "page").annotate(
        open_flags=Count("flags", filter=Q(flags__resolved=False))
    )
    if tab == "flagged":
        return comments.filter(open_flags__gt=0).order_by("-open_flags", "created")
    if tab == "model":
        return comments.filter(pk__in=model_ids, status=Comment.Status.HELD).order_by("created")
    if tab == "rejected":
        return comments.filter(status=Comment.Status.REJECTED).order_by("-created")
    if tab == "approved":
        return comments.filter(status=Comment.Status.PUBLISHED).order_by("-created")
    return comments.filter(status=Comment.Status.HELD).order_by("created")


def model_held_ids():
    """Held comments that a model held (JSON containment differs by database; read it).

    Read once per queue page: both the tab and its count use it.
    """
    held = Comment.objects.filter(status=Comment.Status.HELD)
    return [
        pk
        for pk, screening in held.values_list("pk", "screening")
        if any(reason.get("code") in MODEL_REASONS for reason in screening.get("reasons", []))
    ]


def counts(model_ids):
    return {
        "pending": Comment.objects.filter(status=Comment.Status.HELD).count(),
        "flagged": Comment.objects.filter(flags__resolved=False).distinct().count(),
        "model": len(model_ids),
    }


def histories(comments):
    """{author id: {"published": n, "held": n, "rejected": n, "removed": n}} in one query."""
    authors = {comment.author_id for comment in comments if comment.author_id}
    found = {author: {} for author in authors}
    rows = (
        Comment.objects.filter(author_id__in=authors)
        .values("author_id", "status")
        .annotate(total=Count("pk"))
    )
    for row in rows:
        found[row["author_id"]][row["status"]] = row["total"]
    return found
