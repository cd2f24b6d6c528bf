"""Every write of notifications: made when a reply appears or a moderator rules on a held
comment, mailed in batches (at most one email per reader per 10 minutes, or one a day),
stopped in one click.

Comments calls `comment_appeared` and `comment_ruled` through its hooks, after the
change is committed. The email itself goes through the outbox (`core.mail`), so a retried
task never mails twice.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from dateline.accounts.models import User
from dateline.audit.log import record
from dateline.comments.models import Comment, Ruling
from dateline.core.background import background, later_at
from dateline.core.mail import queue_mail

from .models import Delivery, Notification, Preference

BATCH = timedelta(minutes=10)
DAILY_AT = time(7, 0)  # UTC: the morning email
UNSUBSCRIBE_SALT = "dateline.notifications.unsubscribe"


def comment_appeared(comment: Comment) -> None:
    """A reply is visible: tell the writer it answers, and the thread's followers."""
    if comment.parent_id is None:
        return
    told = {comment.author_id}
    parent_author = comment.parent.author_id
    recipients = []
    if parent_author not in told:
        recipients.append((parent_author, Notification.Kind.REPLY))
        told.add(parent_author)
    for follower in comment.thread.followers.values_list("user_id", flat=True):
        if follower not in told:
            recipients.append((follower, Notification.Kind.THREAD))
            told.add(follower)
    for user_id, kind in recipients:
        if user_id is not None:
            notify(user_id=user_id, kind=kind, comment=comment)


def comment_ruled(comment: Comment, *, ruling: str, reason: str) -> None:
    """A moderator approved or rejected a held comment: its writer hears which, and why."""
    if comment.author_id is None:
        return
    kind = Notification.Kind.APPROVED if ruling == Ruling.APPROVE else Notification.Kind.REJECTED
    notify(user_id=comment.author_id, kind=kind, comment=comment, reason=reason)


def notify(*, user_id: int, kind: str, comment: Comment, reason: str = "") -> None:
    with transaction.atomic():
        _, made = Notification.objects.get_or_create(
            recipient_id=user_id, kind=kind, comment=comment, defaults={"reason": reason[:300]}
        )
        if made:
            schedule_mail(user_id)


def schedule_mail(user_id: int) -> None:
    """Make sure one email is due for the reader's unmailed notifications, no sooner than
    their delivery setting allows; an email already due is not doubled."""
    preference, _ = Preference.objects.select_for_update().get_or_create(user_id=user_id)
    due = next_email_time(preference, timezone.now())
    if due is None or (preference.next_mail_at is not None and preference.next_mail_at <= due):
        return
    preference.next_mail_at = due
    preference.save(update_fields=["next_mail_at"])
    later_at(due, send_notifications, user_id)


def next_email_time(preference: Preference, now: datetime) -> datetime | None:
    if preference.delivery == Delivery.NEVER:
        return None
    if preference.delivery == Delivery.DAILY:
        today = datetime.combine(now.date(), DAILY_AT, tzinfo=now.tzinfo)
        return today if today > now else today + timedelta(days=1)
    if preference.last_mailed_at is None:
        return now
    return max(now, preference.last_mailed_at + BATCH)


@background(attempts=5)
def send_notifications(user_id: int) -> int:
    """Mail the reader everything not yet mailed, in one email; returns how many."""
    with transaction.atomic():
        preference = Preference.objects.select_for_update().filter(user_id=user_id).first()
        if preference is None:
            return 0
        preference.next_mail_at = None
        pending = list(
            Notification.objects.filter(recipient_id=user_id, mailed_at__isnull=True)
            .select_related("comment__author", "comment__page", "recipient")
            .order_by("created", "id")
        )
        recipient = pending[0].recipient if pending else None
        # Nobody can read mail at an inactive account (a writer imported from an archive).
        if (
            recipient
            and recipient.is_active
            and recipient.email
            and (preference.delivery != Delivery.NEVER)
        ):
            mail_digest(recipient, pending)
            now = timezone.now()
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(mailed_at=now)
            preference.last_mailed_at = now
        preference.save(update_fields=["next_mail_at", "last_mailed_at"])
    return len(pending)


def mail_digest(user: User, pending: list[Notification]) -> None:
    base = site_url()
    unsubscribe = base + reverse("notifications:unsubscribe", args=[unsubscribe_token(user)])
    body = render_to_string(
        "notifications/email.txt",
        {
            "user": user,
            "notifications": pending,
            "base": base,
            "unsubscribe": unsubscribe,
            "settings_url": base + reverse("notifications:list"),
        },
    )
    count = len(pending)
    subject = (
        f"{pending[0].comment.author.display_name if pending[0].comment.author else 'Someone'} "
        f"{pending[0].get_kind_display()}"
        if count == 1
        else f"{count} new notifications on dateline"
    )
    queue_mail(
        key=f"notifications:{user.pk}:{pending[-1].pk}",
        to=user.email,
        subject=subject,
        body=body,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",  # RFC 8058
        },
    )


def site_url() -> str:
    """The site's address for links in email: SITE_URL, else the default Wagtail site's."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def unsubscribe_token(user: User) -> str:
    return signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe(token: str) -> User | None:
    """Stop every notification email for the reader the token names (no login needed)."""
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)["user"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    user = User.objects.filter(pk=user_id).first()
    if user is not None:
        set_delivery(user, Delivery.NEVER)
    return user


def set_delivery(user: User, delivery: str) -> Preference:
    if delivery not in Delivery.values:
        raise ValueError(f"Unknown delivery “{delivery}”.")
    with transaction.atomic():
        preference, _ = Preference.objects.select_for_update().get_or_create(user=user)
        preference.delivery = delivery
        preference.save(update_fields=["delivery"])
        record("notifications.delivery", actor=user, target=user, delivery=delivery)
        if delivery != Delivery.NEVER and user.notifications.filter(mailed_at__isnull=True):
            schedule_mail(user.pk)
    return preference


def mark_read(user: User) -> int:
    return user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
