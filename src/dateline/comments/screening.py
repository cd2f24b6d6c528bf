"""Screening for comments.actions: every new or edited comment is judged here.

It gathers what the pipeline needs from the database (the story's policy and text,
the writer's history), calls screening's judge, and keeps surge control up to date
(`screening.actions` records a surge's start and end). Screening itself never sees a
Comment: it gets plain values.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import strip_tags

from dateline.core.metrics import time_screening
from dateline.core.state import cache_state
from dateline.screening import actions, pipeline, surge
from dateline.screening.policy import policy_for, site_pace
from dateline.screening.rules import History, Submission
from dateline.screening.verdict import Decision, Verdict

from .models import Comment

ARTICLE_TEXT_CHARS = 4000


def pace_comment(*, author, body, ip=None) -> Verdict | None:
    """The refusal of a new comment posted too fast or twice, else None.

    Run first, before the story, the writer's record or a transaction: pacing is the same
    on every story (`policy.site_pace`), so a flood of posts costs a couple of cache reads
    each and writes nothing.
    """
    if not settings.SCREENING_ENABLED:
        return None
    submission = Submission(body=body, author=str(author.pk), created=timezone.now(), ip=ip)
    with time_screening():
        return pipeline.pace(submission, site_pace(), cache_state())


def screen_comment(comment, *, ip=None, is_edit=False):
    """Judge an unsaved (or edited) Comment that `pace_comment` let through; returns a
    Verdict.

    With SCREENING_ENABLED off (benchmarks of the bare comment path only), everything
    publishes.
    """
    if not settings.SCREENING_ENABLED:
        return Verdict(decision=Decision.PUBLISH)
    page = comment.page.specific
    policy = policy_for(page)
    state = cache_state()
    now = timezone.now()
    submission = Submission(
        body=comment.body,
        author=str(comment.author_id),
        created=now,
        ip=ip,
        page=str(page.pk),
        is_edit=is_edit,
        article_text=story_text(page),
        history=history_of(comment.author, exclude=comment.pk),
    )
    with time_screening():
        verdict = pipeline.judge(submission, policy, state, paced=True)
    if not is_edit:
        change = surge.observe(
            state, submission.page, now, held=pipeline.held_for_content(verdict), policy=policy
        )
        if change is not None:
            note_surge(page, change)
    return verdict


def history_of(user, *, exclude=None):
    counts = (
        Comment.objects.filter(author=user)
        .exclude(pk=exclude)
        .aggregate(
            approved=Count("pk", filter=Q(status=Comment.Status.PUBLISHED)),
            rejected=Count(
                "pk", filter=Q(status__in=[Comment.Status.REJECTED, Comment.Status.REMOVED])
            ),
        )
    )
    return History(
        approved=counts["approved"],
        rejected=counts["rejected"],
        account_age_days=(timezone.now() - user.date_joined).total_seconds() / 86400,
        trusted=user.is_staff or user.is_verified,
    )


def story_text(page):
    """The words of a story (title, standfirst, paragraphs), for the spam model."""
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    key = f"screen:story-text:{page.pk}:{published:.0f}"
    found = cache.get(key)
    if found is None:
        parts = [page.title, getattr(page, "teaser", "")]
        body = getattr(page, "body", None)
        for block in body.raw_data if body is not None else []:
            value = block.get("value")
            if isinstance(value, str):
                parts.append(strip_tags(value))
        found = re.sub(r"\s+", " ", " ".join(parts))[:ARTICLE_TEXT_CHARS]
        cache.set(key, found, timeout=3600)
    return found


def note_surge(page, change):
    """Surge control switched the story: screening records the start or the end."""
    if change.started:
        actions.start_surge(page, change.reason)
    else:
        actions.end_surge(page, change.reason)
