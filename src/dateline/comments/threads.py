"""Reading a comment section: one page of threads in a constant number of queries.

Top-level comments are paged (20 a page) in the chosen order; all the replies under
them come in one more query on the `thread` index, whatever the size of the section.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from .models import Comment, Reaction

PAGE_SIZE = 20
SORTS = {
    "oldest": ("created", "id"),
    "newest": ("-created", "-id"),
    "replies": ("-reply_count", "-created", "-id"),
    "reactions": ("-reaction_count", "-created", "-id"),
}
SORT_LABELS = {
    "oldest": "Oldest",
    "newest": "Newest",
    "replies": "Most replies",
    "reactions": "Most respected",
}
SHOWN = [Comment.Status.PUBLISHED, Comment.Status.DELETED, Comment.Status.REMOVED]


@dataclass
class Node:
    comment: Comment
    number: int | None = None
    replying_to: object = None  # the author a level-three reply answers, when not its parent
    children: list = field(default_factory=list)


@dataclass
class ThreadPage:
    nodes: list
    sort: str
    number: int
    has_more: bool
    responses: int
    reacted: set
    latest_id: int


def shown_to(viewer):
    """Published comments and tombstones, plus the viewer's own held or rejected ones
    (so writers see that their comment waits, or why it was turned down)."""
    condition = Q(status__in=SHOWN)
    if viewer is not None and viewer.is_authenticated:
        condition |= Q(author=viewer, status__in=[Comment.Status.HELD, Comment.Status.REJECTED])
    return condition


def thread_page(page, *, sort="oldest", number=1, viewer=None, featured=False):
    sort = sort if sort in SORTS else "oldest"
    number = max(1, number)
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
    reacted = set()
    if viewer is not None and viewer.is_authenticated:
        ids = [node.comment.pk for node in walk(nodes)]
        reacted = set(
            Reaction.objects.filter(user=viewer, comment_id__in=ids).values_list(
                "comment_id", flat=True
            )
        )
    published = Comment.objects.filter(page=page, status=Comment.Status.PUBLISHED)
    latest_id = published.order_by("-id").values_list("id", flat=True).first() or 0
    return ThreadPage(nodes, sort, number, has_more, published.count(), reacted, latest_id)


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
