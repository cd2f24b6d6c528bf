"""What apps above comments do when a comment appears or a moderator rules on one.

Comments never imports those apps: notifications, for one, registers here in its
AppConfig.ready() to tell writers about replies and decisions. Each function runs once
the change is committed, so it never sees a write that was rolled back.
"""

from django.db import transaction

from dateline.core.hooks import Hook

# A comment became visible: posted, or approved by a moderator.
visible = Hook("function(comment)")
# A moderator approved or rejected a held comment.
ruling = Hook("function(comment, *, ruling, reason)")


def became_visible(comment):
    transaction.on_commit(lambda: visible.call(comment))


def ruled(comment, *, decision, reason):
    transaction.on_commit(lambda: ruling.call(comment, ruling=decision, reason=reason))
