"""The vocabulary desks and screening share: the comment attributes screening scores,
what a score over its threshold does, and a desk's comment policy.

It lives in `core` so that page types (`newsroom`) can carry a desk's settings without
knowing how screening works; `screening.policy` holds the defaults and applies them.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

LABELS = {
    "toxicity": "Toxicity",
    "insult": "Insult",
    "identity_attack": "Attack on a group",
    "threat": "Threat or call for violence",
    "profanity": "Profanity",
    "spam": "Spam",
}


class Action(models.TextChoices):
    """What a score above its threshold does: hold the comment, hold it at the top of the
    queue marked urgent, or nothing (the score is still recorded and shown)."""

    HOLD = "hold", "Hold for a moderator"
    URGENT = "urgent", "Hold as urgent"
    ALLOW = "allow", "Publish anyway"


class CommentPolicy(models.TextChoices):
    """How a section's or blog's comments run."""

    POST_MODERATION = "post", "Publish what screening passes; moderators review after"
    PREMODERATE_ALL = "premoderate", "Hold every comment for a moderator"
    PREMODERATE_LINKS = "premoderate_links", "Hold comments with links for a moderator"
    CLOSED = "closed", "No comments"


UNIT = [MinValueValidator(0.0), MaxValueValidator(1.0)]


def threshold_field(name, *, default=None):
    """The threshold of attribute `name`: the site's (with a default) or a desk's (blank)."""
    help_text = f"Act on comments whose {LABELS[name].lower()} score is above this (0 to 1)."
    if default is None:
        return models.FloatField(
            null=True, blank=True, validators=UNIT, help_text=help_text + " Blank: the site's."
        )
    return models.FloatField(default=default, validators=UNIT, help_text=help_text)


def action_field(*, default=None):
    """What a score over the threshold does: the site's choice, or a desk's (blank)."""
    if default is None:
        return models.CharField(
            max_length=10, blank=True, choices=Action.choices, help_text="Blank: the site's."
        )
    return models.CharField(max_length=10, default=default, choices=Action.choices)


def attribute_field_names():
    return [
        name for attribute in LABELS for name in (f"{attribute}_threshold", f"{attribute}_action")
    ]
