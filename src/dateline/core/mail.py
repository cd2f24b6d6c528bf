"""Mail through an outbox: a message is a row written with the change that causes it,
and a background task sends it once.

`queue_mail` is called inside the caller's transaction; if that rolls back, nothing is
sent. The task locks the row, sends, and marks it sent in one transaction, so a retried
or doubled task never mails twice (a crash between the mail server's answer and the
commit can still send one message twice; nothing can lose one).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from .background import background, later
from .models import OutboundMail


def queue_mail(*, key: str, to: str, subject: str, body: str, headers=None) -> OutboundMail:
    """Queue one message; the same `key` again queues nothing (returns the first)."""
    try:
        with transaction.atomic():
            mail = OutboundMail.objects.create(
                key=key, to=to, subject=subject[:300], body=body, headers=headers or {}
            )
    except IntegrityError:
        return OutboundMail.objects.get(key=key)
    later(send_outbound_mail, mail.pk)
    return mail


@background(attempts=6)
def send_outbound_mail(mail_id: int) -> bool:
    """Send one queued message unless it was sent already; True when this call sent it."""
    with transaction.atomic():
        mail = OutboundMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.sent_at is not None:
            return False
        message = EmailMessage(
            mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to], headers=mail.headers
        )
        message.send()
        mail.sent_at = timezone.now()
        mail.save(update_fields=["sent_at"])
    return True
