"""What apps above comments do when a comment appears or a moderator rules on one.

Comments never imports those apps: notifications, for one, registers here in its
AppConfig.ready() to tell writers about replies and decisions. Each function runs once
the change is committed, so it never sees a write that was rolled back.
"""

from django.db import transaction

_on_visible = []
_on_ruling = []


def on_visible(function):
    """Register `function(comment)`: a comment became visible (posted, or approved)."""
    if function not in _on_visible:
        _on_visible.append(function)
    return function


def on_ruling(function):
    """Register `function(comment, *, ruling, reason)`: a moderator ruled on a held comment."""
    if function not in _on_ruling:
        _on_ruling.append(function)
    return function


def became_visible(comment):
    for function in _on_visible:
        transaction.on_commit(lambda function=function: function(comment))


def ruled(comment, *, ruling, reason):
    for function in _on_ruling:
        transaction.on_commit(
            lambda function=function: function(comment, ruling=ruling, reason=reason)
        )
