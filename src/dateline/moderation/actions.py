"""Moderator decisions that span apps: a writer banned or suspended, with their held comments.

Each step goes through its app's actions (`accounts.actions`, `comments.actions`), which
check the moderator, write the audit rows and make cached pages stale.
"""

from django.db import transaction

from dateline.accounts import actions as account_actions
from dateline.comments import actions as comment_actions
from dateline.comments.models import Comment, Ruling


def ban_writer(person, *, actor, reason=""):
    """Ban `person`, then reject the comments of theirs that wait for a moderator."""
    with transaction.atomic():
        account_actions.ban(person, actor=actor, reason=reason)
        reject_held(person, actor=actor, reason=reason)
    return person


def suspend_writer(person, *, actor, days, reason=""):
    """Suspend `person` for `days` days, then reject their comments that wait."""
    with transaction.atomic():
        account_actions.suspend(person, actor=actor, days=days, reason=reason)
        reject_held(person, actor=actor, reason=reason)
    return person


def reject_held(person, *, actor, reason=""):
    for held in Comment.objects.filter(author=person, status=Comment.Status.HELD):
        comment_actions.moderate(held, actor=actor, decision=Ruling.REJECT, reason=reason)
