"""The rules in force for one comment: built-in lists, the site's settings, the desk's policy."""

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from dateline.core.attributes import Action, CommentPolicy
from dateline.core.published import derived

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Attribute:
    """When one attribute's score acts on a comment, and how."""

    threshold: float
    action: Action = Action.HOLD


# Chosen on the dev splits (docs/screening-model-card.md, "Defaults"): with every rule, the
# whole screen stops 73 % of toxic news comments and holds 2.9 % of civil ones. A likely
# threat or attack on a group goes to the top of the queue, at a lower bar than rudeness.
DEFAULT_ATTRIBUTES = {
    "toxicity": Attribute(0.65, Action.HOLD),
    "insult": Attribute(0.6, Action.HOLD),
    "identity_attack": Attribute(0.5, Action.URGENT),
    "threat": Attribute(0.7, Action.URGENT),
    "profanity": Attribute(0.9, Action.HOLD),
    "spam": Attribute(0.8, Action.HOLD),
}


def lines(text):
    return tuple(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@cache
def builtin(name):
    return lines((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Policy:
    """Every knob screening reads. The defaults are the shipped settings."""

    banned_words: tuple = field(default_factory=lambda: builtin("banned_words.txt"))
    suspect_words: tuple = field(default_factory=lambda: builtin("suspect_words.txt"))
    link_limit: int = 2
    allowed_domains: tuple = ()
    denied_domains: tuple = ()
    premoderate_until_approved: int = 2
    attributes: dict = field(default_factory=lambda: dict(DEFAULT_ATTRIBUTES))
    moderation: CommentPolicy = CommentPolicy.POST_MODERATION
    # Rate limit: one comment per `rate_seconds`, bursts of up to `rate_burst`.
    rate_seconds: float = 3.0
    rate_burst: int = 5
    duplicate_window_seconds: int = 3600
    surge_comments_per_minute: int = 30
    surge_held_share: float = 0.5

    def with_attribute(self, name, **changes):
        """This policy with one attribute's threshold or action changed."""
        attributes = dict(self.attributes)
        attributes[name] = replace(attributes[name], **changes)
        return replace(self, attributes=attributes)


def site_pace():
    """What the pacing rules read (the rate limit, the repeat window): the same on every
    story, so that a post is paced before its story is read (`pipeline.pace`)."""
    return Policy()


def policy_for(page):
    """The policy for comments on `page` (a story): site settings, then its section's or
    blog's. Worked out once per site version in each process (`core.published`): saving
    the settings or publishing a desk makes it stale (`screening.signals`)."""
    if page.pk is None:  # a preview of a story never saved: nothing to keep it under
        return _policy_for(page)
    return derived(("screening-policy", page.pk), lambda: _policy_for(page))


def _policy_for(page):
    from dateline.screening.models import ScreeningSettings

    site = page.site
    if site is None:
        return Policy()
    chosen = ScreeningSettings.for_site(site)
    desk = getattr(page, "desk", None)
    return Policy(
        banned_words=builtin("banned_words.txt") + lines(chosen.banned_words),
        suspect_words=builtin("suspect_words.txt") + lines(chosen.suspect_words),
        link_limit=chosen.link_limit,
        allowed_domains=lines(chosen.allowed_domains) + (site.hostname.lower(),),
        denied_domains=lines(chosen.denied_domains),
        premoderate_until_approved=chosen.premoderate_until_approved,
        attributes=attributes_for(chosen, desk),
        moderation=desk.comment_policy if desk is not None else CommentPolicy.POST_MODERATION,
        surge_comments_per_minute=chosen.surge_comments_per_minute,
        surge_held_share=chosen.surge_held_share,
    )


def attributes_for(site_settings, desk):
    """Each attribute's rule: the site's settings, then the desk's overrides where set."""
    found = {}
    for name in DEFAULT_ATTRIBUTES:
        threshold = getattr(site_settings, f"{name}_threshold")
        action = getattr(site_settings, f"{name}_action")
        if desk is not None:
            override = getattr(desk, f"{name}_threshold", None)
            threshold = threshold if override is None else override
            action = getattr(desk, f"{name}_action", "") or action
        found[name] = Attribute(threshold, action)
    return found
