"""A reader's tour of the demo newsroom in Chromium, with an accessibility check per page."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import BROWSER_DB, serious_accessibility_violations

pytestmark = BROWSER_DB

ARTICLE = "/world/we-are-winning-in-mali/"


def test_home_page_leads_to_stories(page, live_demo):
    page.goto(live_demo + "/")
    expect(page.get_by_role("heading", name="Top stories")).to_be_visible()
    page.get_by_role(
        "link", name="Donors pledge hundreds of millions for Mali mission and aid"
    ).first.click()
    expect(page.locator("h1")).to_have_text(
        "Donors pledge hundreds of millions for Mali mission and aid"
    )
    assert serious_accessibility_violations(page) == []


def test_article_as_a_reader_sees_it(page, live_demo):
    page.goto(live_demo + ARTICLE)
    highlights = page.locator(".highlights li")
    expect(highlights).to_have_count(4)
    expect(highlights.first).to_contain_text("NEW: Donors pledge")
    expect(page.locator(".new-mark")).to_have_count(1)
    times = page.locator(".story-times").first
    expect(times).to_contain_text("GMT")
    expect(times).to_contain_text("HKT")
    expect(page.locator(".gallery figcaption").first).to_contain_text("Residents outside a mosque")
    images = page.locator(".gallery img")
    for index in range(images.count()):
        assert images.nth(index).evaluate("img => img.complete && img.naturalWidth > 0")
    read_links = page.locator(".related-story a")
    expect(read_links).to_have_count(3)
    target = read_links.first.get_attribute("href")
    read_links.first.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    expect(page.locator("h1")).to_have_text("Five things to know about the crisis in northern Mali")
    page.go_back()
    assert serious_accessibility_violations(page) == []


def test_skip_link_moves_focus_to_main(page, live_demo):
    page.goto(live_demo + ARTICLE)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_topic_hub(page, live_demo):
    page.goto(live_demo + ARTICLE)
    page.locator(".coverage h2 a").click()
    expect(page.locator("h1")).to_have_text("The intervention in Mali")
    expect(page.locator(".story-list li")).to_have_count(8)
    assert serious_accessibility_violations(page) == []


def test_arabic_edition(page, live_demo):
    page.goto(live_demo + ARTICLE)
    page.get_by_role("link", name="Read a version of this story in Arabic").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_contain_text("الرئيس الفرنسي")
    assert serious_accessibility_violations(page) == []


def test_blog_post(page, live_demo):
    page.goto(live_demo + "/security-brief/france-needs-partners-in-mali/")
    expect(page.locator(".story-times")).to_contain_text("January 18th, 2013 08:46 AM ET")
    expect(page.locator(".contributors")).to_contain_text("contributed to this report")
    assert serious_accessibility_violations(page) == []


@pytest.mark.parametrize("width", [390])
def test_article_fits_a_phone(page, live_demo, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(live_demo + ARTICLE)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
