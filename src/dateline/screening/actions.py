"""Every write screening makes: a surge's start and end (the Surge row, the audit row, mail)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from dateline.audit.log import record

from .models import Surge


def start_surge(page: Page, reason: str) -> None:
    """A story went to pre-moderation: a Surge row on the queue, an audit entry, an email."""
    # A surge that lapsed in quiet (no calm comment ended it) is still open: it ends as it
    # started, as the queue shows only surges that are on (`selectors.open_surges`).
    Surge.objects.filter(page=page, ended__isnull=True).update(ended=F("started"))
    Surge.objects.create(page=page, reason=reason[:200])
    record("screening.surge_start", target=page, reason=reason)
    transaction.on_commit(lambda: mail_moderators(page, reason))


def end_surge(page: Page, reason: str) -> None:
    """The story calmed down: its open Surge rows end now."""
    Surge.objects.filter(page=page, ended__isnull=True).update(ended=timezone.now())
    record("screening.surge_end", target=page, reason=reason)


def mail_moderators(page: Page, reason: str) -> None:
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
