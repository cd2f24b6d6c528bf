"""The per-attribute rules, as an editor sets them in the CMS forms."""

import pytest

from dateline.core.attributes import LABELS, Action
from dateline.newsroom.models import SectionPage
from dateline.screening.models import ScreeningSettings
from dateline.screening.policy import policy_for
from tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    person = make_person("Quentin Settings", is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def test_site_settings_form_lists_every_attribute_and_saves_them(client, editor):
    africa = SectionPage.objects.get(slug="africa", locale__language_code="en")
    site = africa.get_site()
    url = f"/cms/settings/screening/screeningsettings/{site.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for name, label in LABELS.items():
        assert f'name="{name}_threshold"' in html and f'name="{name}_action"' in html, name
        assert label in html
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    data.update(profanity_action="allow", threat_threshold="0.4")
    saved = client.post(url, data)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    settings = ScreeningSettings.for_site(site)
    assert settings.profanity_action == "allow" and settings.threat_threshold == 0.4


def test_a_threshold_outside_zero_to_one_is_refused_with_a_message(client, editor):
    site = SectionPage.objects.get(slug="africa", locale__language_code="en").get_site()
    url = f"/cms/settings/screening/screeningsettings/{site.pk}/"
    form = client.get(url).context["form"]
    data = {name: "" if form[name].value() is None else form[name].value() for name in form.fields}
    data["toxicity_threshold"] = "1.5"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 1.0" in response.content.decode()
    assert ScreeningSettings.for_site(site).toxicity_threshold != 1.5


def test_section_override_reaches_the_policy_of_its_stories(client, editor):
    africa = SectionPage.objects.get(slug="africa", locale__language_code="en")
    page = client.get(f"/cms/pages/{africa.pk}/edit/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="identity_attack_threshold"' in html and 'name="profanity_action"' in html
    africa.identity_attack_threshold, africa.profanity_action = 0.3, "allow"
    africa.save_revision().publish()
    story = africa.get_children().live().first().specific
    policy = policy_for(story)
    assert policy.attributes["identity_attack"].threshold == 0.3
    assert policy.attributes["identity_attack"].action == Action.URGENT  # the site's action stays
    assert policy.attributes["profanity"].action == "allow"
