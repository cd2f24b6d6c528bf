"""The screening hook called by comments.actions for every new or edited comment."""

from django.conf import settings

from .verdict import PUBLISH, Verdict


def screen_comment(comment, *, ip=None, is_edit=False):
    """Judge an unsaved (or edited) Comment; returns a Verdict.

    With SCREENING_ENABLED off (benchmarks of the bare comment path only), everything
    publishes.
    """
    if not settings.SCREENING_ENABLED:
        return Verdict(decision=PUBLISH)
    return Verdict(decision=PUBLISH)
