"""Moderator decisions that span apps: a writer banned or suspended, with their held
comments, and the undo of either.

Each step goes through its app's actions (`accounts.actions`, `comments.actions`), which
check the moderator, write the audit rows and make cached pages stale.
"""

from django.db import transaction

from dateline.accounts import actions as account_actions
from dateline.accounts.models import User
from dateline.comments import actions as comment_actions
from dateline.comments.models import Comment, Ruling


def ban_writer(person: User, *, actor: User, reason: str = "") -> list[int]:
    """Ban `person`, then reject their comments that wait for a moderator.

    Returns the ids of the comments rejected, which an undo puts back in the queue.
    """
    with transaction.atomic():
        account_actions.ban(person, actor=actor, reason=reason)
        return reject_held(person, actor=actor, reason=reason)


def suspend_writer(person: User, *, actor: User, days: int, reason: str = "") -> list[int]:
    """Suspend `person` for `days` days, then reject their comments that wait."""
    with transaction.atomic():
        account_actions.suspend(person, actor=actor, days=days, reason=reason)
        return reject_held(person, actor=actor, reason=reason)


def undo_sanction(person: User, *, actor: User, ban: bool, comment_ids: list[int]) -> None:
    """Lift a ban or suspension and put the comments it rejected back in the queue."""
    with transaction.atomic():
        account_actions.lift_sanction(person, actor=actor, ban=ban)
        rejected = Comment.objects.filter(
            pk__in=comment_ids, author=person, status=Comment.Status.REJECTED
        )
        for comment in rejected:
            comment_actions.moderate(comment, actor=actor, decision=Ruling.REQUEUE)


def reject_held(person: User, *, actor: User, reason: str = "") -> list[int]:
    rejected = []
    for held in Comment.objects.filter(author=person, status=Comment.Status.HELD):
        comment_actions.moderate(held, actor=actor, decision=Ruling.REJECT, reason=reason)
        rejected.append(held.pk)
    return rejected
