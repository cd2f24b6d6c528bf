"""The one table core keeps: writes already answered, for retries (core.idempotency)."""

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
