"""What core keeps: writes already answered (core.idempotency), mail to send (core.mail)
and background tasks that failed for good (core.background)."""

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.utils import timezone


class IdempotencyKey(models.Model):
    """A caller's key for one write, a digest of what was asked, and the first answer."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=300)
    fingerprint = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now)
    status = models.PositiveSmallIntegerField(default=0)
    headers = models.JSONField(default=dict)
    body = models.BinaryField(default=b"")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="core_idempotency_user_key")
        ]

    def __str__(self):
        return f"{self.key} ({self.user_id})"

    def replay(self):
        response = HttpResponse(bytes(self.body), status=self.status)
        for name, value in self.headers.items():
            response[name] = value
        response["Idempotent-Replayed"] = "true"
        return response


class FailedTask(models.Model):
    """A background task that failed on every try (core.background): for staff to see."""

    name = models.CharField(max_length=200)
    arguments = models.JSONField(default=dict)
    attempts = models.PositiveSmallIntegerField()
    error = models.TextField()
    failed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-failed_at"]

    def __str__(self):
        return f"{self.name} failed at {self.failed_at:%Y-%m-%d %H:%M}"


class OutboundMail(models.Model):
    """One message to send (core.mail): written with the change that causes it, sent once."""

    key = models.CharField(max_length=200, unique=True)  # the same message is queued once
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    headers = models.JSONField(default=dict)
    created = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.subject} to {self.to}"
