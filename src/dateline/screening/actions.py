"""Every write screening makes: a surge's start and end (the Surge row, the audit row, mail)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from dateline.audit.log import record
from dateline.core.mail import queue_mail
from dateline.core.pagecache import invalidate_page

from .models import Surge


def start_surge(page: Page, reason: str) -> None:
    """A story went to pre-moderation: a Surge row on the queue, an audit entry, an email."""
    # A surge that lapsed in quiet (no calm comment ended it) is still open: it ends as it
    # started, as the queue shows only surges that are on (`selectors.open_surges`).
    with transaction.atomic():
        Surge.objects.filter(page=page, ended__isnull=True).update(ended=F("started"))
        surge = Surge.objects.create(page=page, reason=reason[:200])
        record("screening.surge_start", target=page, reason=reason)
        transaction.on_commit(lambda: invalidate_page(page.pk))  # the story says it is held
        mail_moderators(page, reason, key=f"surge:{surge.pk}")


def end_surge(page: Page, reason: str) -> None:
    """The story calmed down: its open Surge rows end now."""
    with transaction.atomic():
        Surge.objects.filter(page=page, ended__isnull=True).update(ended=timezone.now())
        record("screening.surge_end", target=page, reason=reason)
        transaction.on_commit(lambda: invalidate_page(page.pk))


def mail_moderators(page: Page, reason: str, *, key: str) -> None:
    """Email every active staff member that a story went to pre-moderation (through the
    outbox: sent by the worker once the surge is committed, never twice)."""
    moderators = (
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    site = page.get_site()
    for address in moderators:
        queue_mail(
            key=f"{key}:{address}",
            to=address,
            subject=f"Surge: comments on “{page.title}” are now pre-moderated",
            body=f"Comments on “{page.title}” spiked ({reason}), so each new one waits for a "
            "moderator until the story calms down.\n\nThe queue: "
            f"{site.root_url if site else ''}{reverse('moderation:queue')}",
        )
