"""What a newsroom tunes about screening, and the record of surges on stories."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from dateline.core.attributes import LABELS, UNIT, action_field, threshold_field

from .policy import DEFAULT_ATTRIBUTES


def attribute_panels():
    """One panel per attribute: its threshold and what a score over it does."""
    return [
        MultiFieldPanel(
            [FieldPanel(f"{name}_threshold"), FieldPanel(f"{name}_action")],
            heading=LABELS[name],
        )
        for name in DEFAULT_ATTRIBUTES
    ]


@register_setting(icon="warning")
class ScreeningSettings(BaseSiteSetting):
    """Site-wide screening rules. Sections and blogs may override each attribute's rule."""

    banned_words = models.TextField(
        blank=True,
        help_text="Extra words or phrases that get a comment rejected, one a line "
        "(added to the built-in list of slurs).",
    )
    suspect_words = models.TextField(
        blank=True,
        help_text="Extra words or phrases that hold a comment for a moderator, one a line.",
    )
    link_limit = models.PositiveSmallIntegerField(
        default=2, help_text="Hold comments with more links than this."
    )
    allowed_domains = models.TextField(
        blank=True,
        help_text="Domains whose links never count against a comment (and their subdomains), "
        "one a line, e.g. your own site.",
    )
    denied_domains = models.TextField(
        blank=True, help_text="Domains whose links get a comment rejected, one a line."
    )
    premoderate_until_approved = models.PositiveSmallIntegerField(
        default=2, help_text="Hold a commenter's comments until this many have been approved."
    )
    toxicity_threshold = threshold_field(
        "toxicity", default=DEFAULT_ATTRIBUTES["toxicity"].threshold
    )
    toxicity_action = action_field(default=DEFAULT_ATTRIBUTES["toxicity"].action)
    insult_threshold = threshold_field("insult", default=DEFAULT_ATTRIBUTES["insult"].threshold)
    insult_action = action_field(default=DEFAULT_ATTRIBUTES["insult"].action)
    identity_attack_threshold = threshold_field(
        "identity_attack", default=DEFAULT_ATTRIBUTES["identity_attack"].threshold
    )
    identity_attack_action = action_field(default=DEFAULT_ATTRIBUTES["identity_attack"].action)
    threat_threshold = threshold_field("threat", default=DEFAULT_ATTRIBUTES["threat"].threshold)
    threat_action = action_field(default=DEFAULT_ATTRIBUTES["threat"].action)
    profanity_threshold = threshold_field(
        "profanity", default=DEFAULT_ATTRIBUTES["profanity"].threshold
    )
    profanity_action = action_field(default=DEFAULT_ATTRIBUTES["profanity"].action)
    spam_threshold = threshold_field("spam", default=DEFAULT_ATTRIBUTES["spam"].threshold)
    spam_action = action_field(default=DEFAULT_ATTRIBUTES["spam"].action)
    surge_comments_per_minute = models.PositiveIntegerField(
        default=30,
        help_text="A story getting more comments a minute than this goes to pre-moderation.",
    )
    surge_held_share = models.FloatField(
        default=0.5,
        validators=UNIT,
        help_text="…or when more than this share of its recent comments was held.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("banned_words"), FieldPanel("suspect_words")], heading="Word lists"
        ),
        MultiFieldPanel(
            [
                FieldPanel("link_limit"),
                FieldPanel("allowed_domains"),
                FieldPanel("denied_domains"),
            ],
            heading="Links",
        ),
        *attribute_panels(),
        MultiFieldPanel([FieldPanel("premoderate_until_approved")], heading="Trust"),
        MultiFieldPanel(
            [FieldPanel("surge_comments_per_minute"), FieldPanel("surge_held_share")],
            heading="Surge control",
        ),
    ]

    class Meta:
        verbose_name = "screening"


class Surge(models.Model):
    """A story switched itself to pre-moderation because comments spiked."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    started = models.DateTimeField(auto_now_add=True)
    ended = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["-started"]

    def __str__(self):
        return f"Surge on page {self.page_id} from {self.started:%Y-%m-%d %H:%M}"
