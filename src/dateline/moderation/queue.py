"""What the moderator queue lists: five tabs over comments, with each writer's history."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from dateline.comments.models import Comment, Flag
from dateline.screening.verdict import Code, Kind

PAGE_SIZE = 50
TABS = {
    "pending": "Pending",
    "flagged": "Flagged",
    "model": "Held by the models",
    "rejected": "Rejected",
    "approved": "Approved",
}


def tab_query(tab, model_ids, urgent_ids=()):
    """The comments listed under `tab`; `model_ids` and `urgent_ids` from `held_ids()`.

    Held comments marked urgent (a likely threat or attack on a group) come first.
    """
    comments = Comment.objects.select_related("author", "page").annotate(
        open_flags=Count("flags", filter=Q(flags__resolved=False)),
        urgent=Case(
            When(pk__in=list(urgent_ids), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
    )
    if tab == "flagged":
        return comments.filter(open_flags__gt=0).order_by("-open_flags", "created")
    if tab == "model":
        return comments.filter(pk__in=model_ids, status=Comment.Status.HELD).order_by(
            "-urgent", "created"
        )
    if tab == "rejected":
        return comments.filter(status=Comment.Status.REJECTED).order_by("-created")
    if tab == "approved":
        return comments.filter(status=Comment.Status.PUBLISHED).order_by("-created")
    return comments.filter(status=Comment.Status.HELD).order_by("-urgent", "created")


def held_ids():
    """(held by a model, held as urgent): ids of held comments, read from their verdicts.

    JSON containment differs by database, so the verdicts are read here, once per queue
    page: the tabs, their order and their counts all use them.
    """
    held = Comment.objects.filter(status=Comment.Status.HELD)
    by_model, urgent = [], []
    for pk, screening in held.values_list("pk", "screening"):
        reasons = screening.get("reasons", [])
        if any(reason_kind(reason) == Kind.MODEL for reason in reasons):
            by_model.append(pk)
        if any(reason.get("urgent") for reason in reasons):
            urgent.append(pk)
    return by_model, urgent


def counts(model_ids, urgent_ids=()):
    return {
        "pending": Comment.objects.filter(status=Comment.Status.HELD).count(),
        "flagged": Comment.objects.filter(flags__resolved=False).distinct().count(),
        "model": len(model_ids),
        "urgent": len(urgent_ids),
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


def reason_kind(reason):
    """The kind of a recorded reason; None for a code this version no longer knows."""
    code = Code.known(reason.get("code"))
    return code.kind if code else None


def readable(reasons):
    """Recorded reasons as a moderator reads them: a plain label, then the particulars."""
    found = []
    for reason in reasons:
        code = Code.known(reason.get("code"))
        label = code.label if code else str(reason.get("code", "")).replace("_", " ")
        found.append({**reason, "label": label})
    return found


def parents(comments):
    """{comment id: its parent} for the replies among `comments`, in one query."""
    wanted = {comment.parent_id for comment in comments if comment.parent_id}
    found = Comment.objects.filter(pk__in=wanted).select_related("author").in_bulk()
    return {c.pk: found.get(c.parent_id) for c in comments if c.parent_id}


def open_flag_reasons(comments):
    """{comment id: [why readers reported it]} for the open reports on `comments`."""
    found = {}
    rows = Flag.objects.filter(comment__in=comments, resolved=False).values_list(
        "comment_id", "reason"
    )
    for comment_id, reason in rows:
        found.setdefault(comment_id, []).append(reason)
    return found
