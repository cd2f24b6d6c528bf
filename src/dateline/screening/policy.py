"""The rules in force for one comment: built-in lists, the site's settings, the desk's policy."""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
POST_MODERATION, PREMODERATE, PREMODERATE_LINKS = "post", "premoderate", "premoderate_links"


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
    toxicity_threshold: float = 0.8
    spam_threshold: float = 0.7
    moderation: str = POST_MODERATION
    # Rate limit: one comment per `rate_seconds`, bursts of up to `rate_burst`.
    rate_seconds: float = 3.0
    rate_burst: int = 5
    duplicate_window_seconds: int = 3600
    surge_comments_per_minute: int = 30
    surge_held_share: float = 0.5


def policy_for(page):
    """The policy for comments on `page`: site settings, then its section's or blog's."""
    from dateline.screening.models import ScreeningSettings

    site = page.get_site()
    if site is None:
        return Policy()
    chosen = ScreeningSettings.for_site(site)
    desk = getattr(page, "desk", None)
    threshold = chosen.toxicity_threshold
    if desk is not None and desk.toxicity_threshold is not None:
        threshold = desk.toxicity_threshold
    return Policy(
        banned_words=builtin("banned_words.txt") + lines(chosen.banned_words),
        suspect_words=builtin("suspect_words.txt") + lines(chosen.suspect_words),
        link_limit=chosen.link_limit,
        allowed_domains=lines(chosen.allowed_domains) + (site.hostname.lower(),),
        denied_domains=lines(chosen.denied_domains),
        premoderate_until_approved=chosen.premoderate_until_approved,
        toxicity_threshold=threshold,
        spam_threshold=chosen.spam_threshold,
        moderation=desk.comment_policy if desk is not None else POST_MODERATION,
        surge_comments_per_minute=chosen.surge_comments_per_minute,
        surge_held_share=chosen.surge_held_share,
    )
