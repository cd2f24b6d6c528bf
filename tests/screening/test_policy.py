"""Each attribute's rule: the shipped defaults, the site's settings, a desk's overrides."""

import pytest

from dateline.core.attributes import LABELS, Action
from dateline.newsroom.models import ArticlePage, BlogPostPage, SectionPage
from dateline.screening.models import ScreeningSettings
from dateline.screening.policy import (
    DEFAULT_ATTRIBUTES,
    Attribute,
    Policy,
    attributes_for,
    policy_for,
)

ATTRIBUTES = {"toxicity", "insult", "identity_attack", "threat", "profanity", "spam"}


def test_every_attribute_has_a_default_rule():
    assert set(DEFAULT_ATTRIBUTES) == set(LABELS) == ATTRIBUTES
    assert Policy().attributes == DEFAULT_ATTRIBUTES
    # A likely threat or attack on a group goes first in the queue, at a lower bar.
    assert DEFAULT_ATTRIBUTES["threat"].action == Action.URGENT
    assert DEFAULT_ATTRIBUTES["identity_attack"].action == Action.URGENT
    assert DEFAULT_ATTRIBUTES["toxicity"].action == Action.HOLD
    assert DEFAULT_ATTRIBUTES["identity_attack"].threshold < DEFAULT_ATTRIBUTES["insult"].threshold


def test_with_attribute_changes_one_rule_and_leaves_the_policy_alone():
    policy = Policy()
    strict = policy.with_attribute("toxicity", threshold=0.1)
    assert strict.attributes["toxicity"] == Attribute(0.1, Action.HOLD)
    assert policy.attributes["toxicity"] == DEFAULT_ATTRIBUTES["toxicity"]
    allowed = strict.with_attribute("profanity", action=Action.ALLOW)
    assert allowed.attributes["profanity"] == Attribute(
        DEFAULT_ATTRIBUTES["profanity"].threshold, Action.ALLOW
    )
    assert allowed.attributes["toxicity"].threshold == 0.1
    assert {
        name: rule
        for name, rule in allowed.attributes.items()
        if name not in ("toxicity", "profanity")
    } == {
        name: rule
        for name, rule in DEFAULT_ATTRIBUTES.items()
        if name not in ("toxicity", "profanity")
    }
    with pytest.raises(KeyError):
        policy.with_attribute("rudeness", threshold=0.5)


@pytest.fixture
def site_settings(db):
    site = SectionPage.objects.get(slug="africa", locale__language_code="en").get_site()
    return ScreeningSettings.for_site(site)


@pytest.fixture
def africa(db):
    return SectionPage.objects.get(slug="africa", locale__language_code="en")


def test_a_new_site_uses_the_shipped_defaults(site_settings):
    assert attributes_for(site_settings, None) == DEFAULT_ATTRIBUTES


def test_a_blank_desk_takes_the_site_settings(site_settings, africa):
    site_settings.toxicity_threshold = 0.4
    site_settings.profanity_action = Action.ALLOW
    site_settings.save()
    found = attributes_for(ScreeningSettings.for_site(africa.get_site()), africa)
    assert found["toxicity"] == Attribute(0.4, Action.HOLD)
    assert found["profanity"] == Attribute(DEFAULT_ATTRIBUTES["profanity"].threshold, Action.ALLOW)
    assert found["threat"] == DEFAULT_ATTRIBUTES["threat"]


def test_a_desk_override_wins_over_the_site_setting(site_settings, africa):
    site_settings.toxicity_threshold = 0.4
    site_settings.profanity_action = Action.ALLOW
    site_settings.spam_threshold = 0.6
    site_settings.save()
    africa.toxicity_threshold = 0.9
    africa.profanity_action = Action.HOLD
    africa.threat_threshold = 0.0  # zero is a setting, not a blank
    africa.save()
    africa = SectionPage.objects.get(pk=africa.pk)
    found = attributes_for(ScreeningSettings.for_site(africa.get_site()), africa)
    assert found["toxicity"] == Attribute(0.9, Action.HOLD)
    assert found["profanity"] == Attribute(DEFAULT_ATTRIBUTES["profanity"].threshold, Action.HOLD)
    assert found["threat"] == Attribute(0.0, Action.URGENT)
    assert found["spam"] == Attribute(0.6, Action.HOLD)  # not overridden: the site's


def test_stories_get_their_desk_rules(site_settings, africa):
    story = ArticlePage.objects.live().child_of(africa).first()
    assert story is not None
    site_settings.insult_threshold = 0.3
    site_settings.save()
    africa.insult_action = Action.ALLOW
    africa.identity_attack_threshold = 0.2
    africa.save()
    story = ArticlePage.objects.get(pk=story.pk)
    policy = policy_for(story)
    assert policy.attributes["insult"] == Attribute(0.3, Action.ALLOW)
    assert policy.attributes["identity_attack"] == Attribute(0.2, Action.URGENT)
    # A blog's stories are not touched by the section's overrides.
    post = BlogPostPage.objects.get(slug="france-needs-partners-in-mali")
    assert policy_for(post).attributes["identity_attack"] == DEFAULT_ATTRIBUTES["identity_attack"]
    assert policy_for(post).attributes["insult"] == Attribute(0.3, Action.HOLD)


def test_a_story_policy_follows_the_settings_once_saved(
    site_settings, africa, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Each story's policy is kept between comments (core.published), and a committed
    change of the site's settings reaches it without anything being published."""
    story = ArticlePage.objects.live().child_of(africa).first()
    assert policy_for(story).link_limit == 2
    with django_assert_num_queries(0):
        assert policy_for(story).link_limit == 2
    site_settings.link_limit = 0
    site_settings.banned_words = "flibbertigibbet"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    policy = policy_for(story)
    assert policy.link_limit == 0
    assert "flibbertigibbet" in policy.banned_words
