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


def test_flagship_plays_its_video_shows_its_gallery_and_a_lively_thread(page, live_demo):
    page.goto(live_demo + ARTICLE)
    story_video = page.locator(".story__body figure.video video")
    expect(story_video).to_have_count(1)
    expect(page.locator(".story__body figure.video figcaption")).to_contain_text(
        "Gao celebrates its liberation (0:08)"
    )
    source = story_video.get_attribute("src")
    assert source.startswith("/documents/") and source.endswith(".webm")
    # It plays: the browser decodes the file and the clock moves.
    assert story_video.evaluate(
        """video => video.play().then(() => new Promise(resolve => {
            video.addEventListener("timeupdate", () => resolve(video.currentTime > 0 && !video.paused), {once: true});
        }))"""
    )
    related = page.locator(".video-list figure.video")
    expect(related).to_have_count(2)
    for index in range(related.count()):
        link = related.nth(index).locator("figcaption a")
        assert link.get_attribute("href").endswith(".webm")  # a video, not a text story
    gallery = page.locator(".gallery img")
    expect(gallery).to_have_count(4)
    for index in range(gallery.count()):
        gallery.nth(index).scroll_into_view_if_needed()
        expect(gallery.nth(index)).to_have_js_property("complete", True)
        assert gallery.nth(index).evaluate("img => img.naturalWidth > 0")
    expect(page.locator(".gallery .credit").first).to_contain_text("Photo: dateline/")
    expect(page.locator("#comments-heading")).to_have_text("19 Responses")
    expect(page.locator(".comment--featured")).to_have_count(1)
    expect(page.locator(".comment--depth-2").first).to_be_visible()
    assert page.locator(".comment").count() >= 15
    assert serious_accessibility_violations(page) == []
