"""Names as a reader meets them: none may pass for the newsroom's, nor mix alphabets."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect
from wagtail.models import Page

from dateline.comments.models import Comment
from tests.factories import PASSWORD

from .conftest import BROWSER_DB

pytestmark = BROWSER_DB

# The demo blogger's own post, and a story he did not write.
OWN_POST = "france-needs-partners-in-mali"
OTHER_STORY = "gao-celebrates"


def with_password(email):
    """A demo reader whose password the test knows."""
    person = get_user_model().objects.get(email=email)
    person.set_password(PASSWORD)
    person.save(update_fields=["password"])
    return person


@pytest.mark.parametrize(
    ("name", "refusal"),
    [
        ("Rachel Okafor", "That display name is reserved: it is a byline of the newsroom."),
        (
            "Rachel 0kafor",
            "That display name looks too much like “Rachel Okafor”, a byline of the newsroom.",
        ),
        ("Daniel Brennan", "That display name is taken."),  # the blogger's own account
    ],
)
def test_sign_up_refuses_a_name_that_passes_for_a_byline(page, live_demo, name, refusal):
    page.goto(live_demo + "/accounts/signup/")
    page.get_by_label("Email").fill("new@example.com")
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator(".field-error")).to_have_text(refusal)
    expect(page.get_by_label("Display name")).to_have_value(name)
    assert not get_user_model().objects.filter(email="new@example.com").exists()


def test_rename_to_a_name_mixing_alphabets_is_refused(page, live_demo):
    kwame = with_password("kwame@example.com")
    page.goto(live_demo + "/accounts/login/?next=/accounts/settings/")
    page.get_by_label("Email").fill(kwame.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Display name").fill("Kwame Mensаh")  # a Cyrillic а
    page.get_by_role("button", name="Change display name").click()
    expect(page.locator(".field-error")).to_have_text(
        "Use letters from one alphabet: this name mixes Cyrillic and Latin letters. "
        "Only Chinese, Japanese or Korean may be mixed with Latin letters."
    )
    kwame.refresh_from_db()
    assert kwame.display_name == "Kwame Mensah"


def test_the_blogger_has_an_author_badge_on_his_own_post_only(page, live_demo):
    daniel = get_user_model().objects.get(email="daniel@dateline.invalid")
    found = {}
    for slug in (OWN_POST, OTHER_STORY):
        story = Page.objects.get(slug=slug, locale__language_code="en")
        comment = Comment.objects.create(
            page=story, author=daniel, body="Author here.", body_html="<p>Author here.</p>"
        )
        page.goto(live_demo + story.url)
        badge = page.locator(f"#comment-{comment.pk} .comment__meta .badge").first
        expect(badge).to_be_visible()
        found[slug] = badge.text_content()  # as written, before the style's capitals
    assert found == {OWN_POST: "Author", OTHER_STORY: "Verified"}
