"""What the viewer may do with each comment on a page, decided once, in Python.

The page only reads the answers (`node.may`, or `judge(...)` on the comments of a cached
thread); each answer comes from the rule `comments.actions` applies to the same write, so
a page never offers a button whose action would refuse it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError

from dateline.accounts.permissions import check_staff

from . import actions
from .threads import walk


@dataclass(frozen=True, slots=True)
class Allowed:
    reply: bool = False
    edit: bool = False
    delete: bool = False
    react: bool = False
    report: bool = False
    feature: bool = False
    follow: bool = False  # a published thread's top comment: follow its replies


NOTHING = Allowed()


def passes(check, *args) -> bool:
    """Whether `check(*args)`, one of the `check_*` rules that raise, lets the write through."""
    try:
        check(*args)
    except (PermissionDenied, ValidationError):
        return False
    return True


def judge(*, viewer, page):
    """A function from a comment on `page` to what `viewer` may do with it.

    What holds for the whole page (may the viewer comment here, are they staff) is worked
    out once. The comment may be a Comment or any object with the fields the actions'
    checks read (`comments.rendering.Shown`, kept in a cached thread).
    """
    if viewer is None or not viewer.is_authenticated:
        return lambda comment: NOTHING
    may_comment = passes(actions.check_can_comment, viewer, page)  # post_comment's rule
    is_staff = passes(check_staff, viewer)
    return lambda comment: allowed(comment, viewer, may_comment=may_comment, is_staff=is_staff)


def grant(nodes, *, viewer, page) -> None:
    """Set `may` on every node of `nodes` and their replies, for `viewer` on `page`."""
    may = judge(viewer=viewer, page=page)
    for node in walk(nodes):
        node.may = may(node.comment)


def allowed(comment, viewer, *, may_comment, is_staff) -> Allowed:
    """What `viewer` (logged in) may do with `comment`."""
    if comment.is_tombstone:
        return NOTHING
    own = comment.author_id == viewer.pk
    published = comment.is_visible
    return Allowed(
        reply=may_comment and published,  # post_comment takes replies to published comments
        edit=own and actions.can_edit(comment, viewer),
        delete=own,  # delete_comment: its author, while it is not a tombstone
        react=passes(actions.check_can_react, comment, viewer),
        report=published and not own,
        feature=is_staff and published,  # set_featured features published comments
        follow=published and comment.depth == 0,  # follow: a published thread
    )
