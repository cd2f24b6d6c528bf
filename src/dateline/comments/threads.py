"""Reading a comment section: one page of threads in a constant number of queries.

Top-level comments are paged (20 a page) in the chosen order; all the replies under
them come in one more query on the `thread` index, whatever the size of the section.
Open pages then ask what changed since they were drawn (`changes_since`), one query on
the `changed` index.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dateline.accounts.selectors import badges_for

from .models import Comment, Follow, Reaction

PAGE_SIZE = 20
SORTS = {
    "oldest": ("created", "id"),
    "newest": ("-created", "-id"),
    "replies": ("-reply_count", "-created", "-id"),
    "reactions": ("-reaction_count", "-created", "-id"),
}
SORT_LABELS = {
    "oldest": _("Oldest"),
    "newest": _("Newest"),
    "replies": _("Most replies"),
    "reactions": _("Most respected"),
}
SHOWN = [Comment.Status.PUBLISHED, Comment.Status.DELETED, Comment.Status.REMOVED]
# A change is stamped inside its transaction and may commit a little later: an open page
# asks again from this far back, so a slow commit is never stepped over.
LIVE_LAG = timedelta(seconds=10)
LIVE_BATCH = 50
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
CURSOR = re.compile(r"[0-9]{1,17}")


@dataclass
class Node:
    comment: Comment
    number: int | None = None
    replying_to: object = None  # the author a level-three reply answers, when not its parent
    children: list = field(default_factory=list)
    may: object = None  # what the viewer may do with it (comments.permissions.grant)
    badge: str = ""  # "author" on their own story, "staff", "verified" (label_writers)


@dataclass
class ThreadPage:
    nodes: list
    sort: str
    number: int
    has_more: bool
    responses: int
    reacted: set
    featured: bool = False
    followed: set = field(default_factory=set)  # the threads on this page the viewer follows
    cursor: int = field(default_factory=lambda: change_cursor(timezone.now()))

    @property
    def live_placement(self):
        return live_placement(self)


def live_placement(threads):
    """Where a live update puts a new top-level comment on a page of `threads` (sort,
    number, has_more, featured): where a reload would show it ("top", "bottom"), nowhere
    ("off", featured comments only) or behind a notice."""
    if threads.featured:
        return "off"
    if threads.sort == "newest" and threads.number == 1:
        return "top"
    if threads.sort == "oldest" and not threads.has_more:
        return "bottom"
    return "notice"


@dataclass
class Changes:
    """What appeared or disappeared on a story since an open page's cursor."""

    nodes: list
    cursor: int
    responses: int | None  # counted again only when something changed


def change_cursor(moment):
    """The cursor an open page asks from: microseconds since 1970, `LIVE_LAG` back."""
    return (moment - LIVE_LAG - EPOCH) // MICROSECOND


def parse_cursor(text, *, name):
    """A cursor from the query string, or ValidationError."""
    if not isinstance(text, str) or not CURSOR.fullmatch(text):
        raise ValidationError(
            f"“{name}” is the cursor of the last answer (a whole number).", code="invalid"
        )
    return int(text)


def shown_to(viewer):
    """Published comments and tombstones, plus the viewer's own held or rejected ones
    (so writers see that their comment waits, or why it was turned down)."""
    condition = Q(status__in=SHOWN)
    if viewer is not None and viewer.is_authenticated:
        condition |= Q(author=viewer, status__in=[Comment.Status.HELD, Comment.Status.REJECTED])
    return condition


def keeps_hidden(page, viewer):
    """Whether `viewer` has comments on `page` that only they see (held or rejected)."""
    if viewer is None or not viewer.is_authenticated:
        return False
    return Comment.objects.filter(
        page=page, author=viewer, status__in=[Comment.Status.HELD, Comment.Status.REJECTED]
    ).exists()


def marks_of(viewer, *, reacted_among, followed_among):
    """The comments among `reacted_among` that `viewer` respected and the threads among
    `followed_among` they follow: a query each, none for an empty list."""
    reacted = followed = set()
    if reacted_among:
        reacted = set(
            Reaction.objects.filter(user=viewer, comment_id__in=reacted_among).values_list(
                "comment_id", flat=True
            )
        )
    if followed_among:
        followed = set(
            Follow.objects.filter(user=viewer, thread_id__in=followed_among).values_list(
                "thread_id", flat=True
            )
        )
    return reacted, followed


def clean_choice(sort, number):
    """The sort and page number a page of threads is drawn with (unknown ones: the first)."""
    return (sort if sort in SORTS else "oldest"), max(1, number)


def thread_page(page, *, sort="oldest", number=1, viewer=None, featured=False):
    sort, number = clean_choice(sort, number)
    start = (number - 1) * PAGE_SIZE
    if featured:
        roots_query = Comment.objects.filter(
            page=page, is_featured=True, status=Comment.Status.PUBLISHED
        )
    else:
        roots_query = Comment.objects.filter(shown_to(viewer), page=page, depth=0)
    roots = list(
        roots_query.select_related("author").order_by(*SORTS[sort])[start : start + PAGE_SIZE + 1]
    )
    has_more = len(roots) > PAGE_SIZE
    roots = roots[:PAGE_SIZE]
    nodes = [
        Node(root, number=start + index + 1 if sort == "oldest" and not featured else None)
        for index, root in enumerate(roots)
    ]
    if not featured:
        attach_replies(nodes, viewer)
    label_writers(nodes, page)
    reacted, followed = set(), set()
    if viewer is not None and viewer.is_authenticated:
        reacted, followed = marks_of(
            viewer,
            reacted_among=[node.comment.pk for node in walk(nodes)],
            followed_among=[node.comment.pk for node in nodes],
        )
    return ThreadPage(
        nodes, sort, number, has_more, responses(page), reacted, featured, followed=followed
    )


def label_writers(nodes, page):
    """Each node's badge under this story, for every writer on the page in one query."""
    writers = {node.comment.author_id for node in walk(nodes) if node.comment.author_id}
    badges = badges_for(user_ids=writers, story=page) if writers else {}
    for node in walk(nodes):
        node.badge = badges.get(node.comment.author_id, "")


def responses(page):
    """A story's response count: its published comments."""
    return Comment.objects.filter(page=page, status=Comment.Status.PUBLISHED).count()


def changes_since(page, *, cursor, viewer=None):
    """Comments on `page` that appeared or disappeared after `cursor`, oldest change first.

    Each comes with `shown`: whether `viewer` sees it now (a page removes the others). The
    next cursor never passes `LIVE_LAG` before now, nor the last change of a full batch.
    """
    now = timezone.now()
    since = EPOCH + cursor * MICROSECOND
    changed = list(
        Comment.objects.filter(page=page, changed__gt=since)
        .annotate(
            shown=Case(
                When(shown_to(viewer), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .select_related("author", "parent__author")
        .order_by("changed", "id")[:LIVE_BATCH]
    )
    reached = changed[-1].changed - MICROSECOND if len(changed) == LIVE_BATCH else now
    nodes = [Node(comment, replying_to=answered(comment)) for comment in changed]
    label_writers(nodes, page)
    return Changes(
        nodes,
        cursor=max(cursor, change_cursor(min(reached + LIVE_LAG, now))),
        responses=responses(page) if changed else None,
    )


def answered(reply):
    """The author a level-three reply answers beside its parent, as `attach_replies` shows it."""
    parent = reply.parent
    if parent is not None and parent.depth == reply.depth and parent.status in SHOWN:
        return parent.author
    return None


def attach_replies(nodes, viewer):
    """Hang every shown reply under its thread: levels two and three, as a reader sees them."""
    by_id = {node.comment.pk: node for node in nodes}
    replies = (
        Comment.objects.filter(shown_to(viewer), thread_id__in=list(by_id), depth__gt=0)
        .select_related("author")
        .order_by("created", "id")
    )
    authors = {node.comment.pk: node.comment.author for node in nodes}
    for reply in replies:
        authors[reply.pk] = reply.author
        node = Node(reply)
        parent = by_id.get(reply.parent_id)
        if parent is None:  # its parent is not shown: keep the reply under the thread
            parent = by_id.get(reply.thread_id)
        elif parent.comment.depth == reply.depth:
            # A reply to a level-three comment stays at level three, beside it.
            node.replying_to = authors.get(reply.parent_id)
            parent = by_id.get(parent.comment.parent_id, parent)
        by_id[reply.pk] = node
        if parent is not None:
            parent.children.append(node)


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node.children)
