"""What a reader is told about (replies, moderators' decisions) and how they want mail."""

from django.conf import settings
from django.db import models


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", "As it happens (at most one email every 10 minutes)"
    DAILY = "daily", "One email a day"
    NEVER = "never", "Never: I read them on the site"


class Preference(models.Model):
    """How one reader wants their notifications mailed, and when the next email is due."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    last_mailed_at = models.DateTimeField(null=True, blank=True)
    next_mail_at = models.DateTimeField(null=True, blank=True)  # an email is scheduled

    def __str__(self):
        return f"{self.user_id}: {self.delivery}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", "replied to your comment"
        THREAD = "thread", "replied in a thread you follow"
        APPROVED = "approved", "approved your comment"
        REJECTED = "rejected", "did not publish your comment"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300, blank=True)  # a moderator's, for rejections
    created = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["recipient", "mailed_at"], name="notification_unmailed")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "comment"], name="one_notification"
            )
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient_id} on comment {self.comment_id}"
