"""The screening hook called by comments.actions for every new or edited comment.

It gathers what the pipeline needs from the database (the story's policy and text,
the writer's history), judges, and keeps surge control up to date.
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from dateline.audit.log import record
from dateline.core.state import cache_state

from . import pipeline, surge
from .models import Surge
from .policy import policy_for
from .rules import History, Submission
from .verdict import PUBLISH, Verdict

ARTICLE_TEXT_CHARS = 4000


def screen_comment(comment, *, ip=None, is_edit=False):
    """Judge an unsaved (or edited) Comment; returns a Verdict.

    With SCREENING_ENABLED off (benchmarks of the bare comment path only), everything
    publishes.
    """
    if not settings.SCREENING_ENABLED:
        return Verdict(decision=PUBLISH)
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
        article_text=story_text(page),
        history=history_of(comment.author, exclude=comment.pk),
        is_edit=is_edit,
    )
    verdict = pipeline.judge(submission, policy, state)
    if not is_edit:
        change = surge.observe(
            state, submission.page, now, held=pipeline.held_for_content(verdict), policy=policy
        )
        if change is not None:
            note_surge(page, change)
    return verdict


def history_of(user, *, exclude=None):
    from dateline.comments.models import Comment

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


def mail_moderators(page, reason):
    """Email every active staff member that a story went to pre-moderation."""
    moderators = (
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if moderators:
        site = page.get_site()
        send_mail(
            f"Surge: comments on “{page.title}” are now pre-moderated",
            f"Comments on “{page.title}” spiked ({reason}), so each new one waits for a "
            "moderator until the story calms down.\n\nThe queue: "
            f"{site.root_url if site else ''}{reverse('moderation:queue')}",
            settings.DEFAULT_FROM_EMAIL,
            list(moderators),
            fail_silently=True,  # a mail server being down must not stop a comment
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
    """Tell moderators: a Surge row on the queue, an audit entry, and an email when it starts."""
    if change.started:
        Surge.objects.create(page=page, reason=change.reason[:200])
        record("screening.surge_start", target=page, reason=change.reason)
        transaction.on_commit(lambda: mail_moderators(page, change.reason))
    else:
        Surge.objects.filter(page=page, ended__isnull=True).update(ended=timezone.now())
        record("screening.surge_end", target=page, reason=change.reason)
