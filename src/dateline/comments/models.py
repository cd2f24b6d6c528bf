"""Comments, reactions and reader flags. Writes go through comments.actions only."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from dateline.screening.verdict import advice


class Comment(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published"
        HELD = "held", "held for review"
        REJECTED = "rejected"
        DELETED = "deleted", "deleted by its author"
        REMOVED = "removed", "removed by a moderator"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment of the thread (itself for a top-level comment): one indexed
    # query fetches every reply shown under a page of threads.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    body = models.TextField()
    body_html = models.TextField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PUBLISHED)
    # Set when posted; a comment brought from an archive keeps the time it was first posted.
    created = models.DateTimeField(default=timezone.now, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    # When the comment last appeared or disappeared for readers (comments.actions sets it):
    # open pages poll by it, so they learn of approvals and removals, not only new ids.
    changed = models.DateTimeField(default=timezone.now)
    is_featured = models.BooleanField(default=False)
    # Denormalised counters, kept by comments.actions: replies in the whole thread (on
    # top-level comments) and reactions.
    reply_count = models.PositiveIntegerField(default=0)
    reaction_count = models.PositiveIntegerField(default=0)
    screening = models.JSONField(default=dict, blank=True)
    moderation_reason = models.CharField(max_length=300, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]
        indexes = [
            models.Index(fields=["page", "depth", "status", "created"], name="comment_threads"),
            models.Index(fields=["page", "depth", "status", "reply_count"], name="comment_busy"),
            models.Index(
                fields=["page", "depth", "status", "reaction_count"], name="comment_liked"
            ),
            models.Index(fields=["thread", "created"], name="comment_replies"),
            models.Index(fields=["status", "created"], name="comment_queue"),
            # A story's response count and newest comment, without scanning other stories.
            models.Index(fields=["page", "status", "id"], name="comment_latest"),
            # What changed on a story since an open page last asked (live updates).
            models.Index(fields=["page", "changed"], name="comment_changes"),
        ]

    def __str__(self):
        return f"Comment {self.pk} on page {self.page_id} ({self.status})"

    @property
    def is_visible(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_tombstone(self):
        return self.status in (self.Status.DELETED, self.Status.REMOVED)

    @property
    def reasons(self):
        return self.screening.get("reasons", [])

    @property
    def advice(self):
        """Why screening held this comment, in words its writer can act on."""
        return advice(self.reasons)


class Ruling(models.TextChoices):
    """What a moderator decides about one comment."""

    APPROVE = "approve", "Approve"
    REJECT = "reject", "Reject"
    REMOVE = "remove", "Remove"
    REQUEUE = "requeue", "Back to the queue"  # undoing a decision taken by mistake


class Reaction(models.Model):
    """One "Respect" from one reader for one comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="one_reaction")]

    def __str__(self):
        return f"Respect from user {self.user_id} for comment {self.comment_id}"


class Flag(models.Model):
    """A reader's report that a comment breaks the rules."""

    class Reason(models.TextChoices):
        SPAM = "spam"
        ABUSE = "abuse"
        IMPERSONATION = "impersonation"
        OFF_TOPIC = "off_topic", "off-topic"
        OTHER = "other"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=16, choices=Reason.choices)
    note = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="one_flag")]

    def __str__(self):
        return f"{self.reason} flag on comment {self.comment_id}"


class Follow(models.Model):
    """A reader who wants to hear of new replies in a thread (its top-level comment)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="followers")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="one_follow")]

    def __str__(self):
        return f"User {self.user_id} follows thread {self.thread_id}"
