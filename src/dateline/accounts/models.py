"""The user model: an email login with a public display name that cannot be impersonated."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from .names import KEY_LENGTH, name_key


class User(AbstractUser):
    """A reader or staff member. `display_name` is what others see beside a comment."""

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=50)
    # names.name_key(display_name): two names with the same key look alike.
    display_name_key = models.CharField(max_length=KEY_LENGTH, unique=True)
    email_verified = models.BooleanField(default=False)
    is_verified = models.BooleanField(
        default=False, help_text="A person whose identity the newsroom has checked (badge)."
    )
    is_banned = models.BooleanField(default=False)
    suspended_until = models.DateTimeField(null=True, blank=True)
    # Accounts sit above the newsroom, so the link between a person and a byline lives here.
    byline = models.OneToOneField(
        "newsroom.Author",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account",
        help_text="The byline this person writes under: an Author badge on their stories.",
    )
    # A writer brought over with an archive of comments (`actions.imported_writers`): no
    # password, no login, the name kept as the old system showed it. `imported_key` is the
    # writer's key in that system; `imported_email` the address it gave, by which a reader
    # who verifies it may claim the comments (`actions.claim_imported`).
    imported_key = models.CharField(max_length=255, null=True, blank=True, unique=True)
    imported_email = models.EmailField(blank=True, db_index=True)
    claimed_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="claimed"
    )

    def __str__(self):
        return self.display_name or self.username

    def save(self, *args, **kwargs):
        self.display_name_key = self.key_for_name()
        super().save(*args, **kwargs)

    def key_for_name(self):
        """The name's look-alike key. An imported writer's name is kept as written and
        never reserves anything: its key is its own username, which no name folds to."""
        if self.imported_key:
            return f"~{self.username}"
        return name_key(self.display_name or self.username)

    @property
    def is_imported(self):
        return self.imported_key is not None

    @property
    def badge(self):
        if self.is_imported:
            return "imported"
        if self.is_staff:
            return "staff"
        return "verified" if self.is_verified else ""

    @property
    def can_comment(self):
        suspended = self.suspended_until is not None and self.suspended_until > timezone.now()
        return self.is_active and not self.is_banned and not suspended


EMAIL_MAX_LENGTH = User._meta.get_field("email").max_length


class ReservedByline(models.Model):
    """A byline's name key: no account but the byline's own may take a look-alike name.

    Kept in step with newsroom's Author by `actions.reserve_byline` (connected in apps.py).
    """

    author = models.OneToOneField(
        "newsroom.Author", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    name_key = models.CharField(max_length=KEY_LENGTH, db_index=True)

    def __str__(self):
        return f"Byline {self.author_id} reserved as {self.name_key}"


class CommentApiToken(models.Model):
    """A bearer token for the comments JSON API; only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="comment_api_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"API token of {self.user} created {self.created:%Y-%m-%d}"
