"""A reader's whole path through a comment section, in Chromium, with a second reader watching."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from dateline.comments import actions
from dateline.comments.models import Comment, Ruling
from dateline.newsroom.models import BlogPostPage
from tests.browser.conftest import BROWSER_DB, serious_accessibility_violations
from tests.factories import PASSWORD, make_person

pytestmark = BROWSER_DB
POST = "/security-brief/france-needs-partners-in-mali/"


@pytest.fixture(autouse=True)
def fast_polling(settings):
    settings.COMMENT_POLL_SECONDS = 0.5
    settings.SCREENING_ENABLED = False  # the moderation tests cover screening in the browser


def sign_up(page, base, name, email):
    page.goto(base + POST)
    page.locator("#post-comment").get_by_role("link", name="sign up").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()


def log_in(page, base, email):
    page.goto(base + "/accounts/login/?next=" + POST)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(base + POST)


def comment_by(page, text):
    return page.locator(
        "li.comment", has=page.locator(f".comment__body > p:text-is('{text}')")
    ).last


def test_reader_path_with_a_second_browser_watching(page, new_page, live_demo):
    watcher = new_page()
    watcher.goto(live_demo + POST)
    expect(watcher.locator("#comments-heading")).to_have_text("7 Responses")

    # An impersonator is refused; a new name works.
    sign_up(page, live_demo, "Gеorge Patton", "fake@example.com")
    expect(page.get_by_text("Use letters from one alphabet")).to_be_visible()
    page.get_by_label("Display name").fill("Mariam Traore")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(live_demo + POST + "#post-comment")
    expect(page.locator("#post-comment")).to_contain_text("Rules of conduct")

    page.get_by_label("Your comment, as Mariam Traore").fill("Airlift first, training later.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator("#comments-heading")).to_have_text("8 Responses")
    mine = comment_by(page, "Airlift first, training later.")
    expect(mine).to_be_visible()

    # The second reader sees it arrive without reloading, and the count follow.
    expect(comment_by(watcher, "Airlift first, training later.")).to_be_visible()
    expect(watcher.locator(".live-notice")).to_contain_text("1 new comment added.")
    expect(watcher.locator("#comments-heading")).to_have_text("8 Responses")
    # No Respect for one's own comment; comment times carry the edition's zones.
    expect(mine.get_by_role("button", name="Respect", exact=True)).to_have_count(0)
    expect(mine.locator(".comment__time").first).to_contain_text(" GMT")
    expect(mine.locator(".comment__time").first).to_contain_text(" HKT)")

    # The second reader replies, three levels deep and one more.
    make_person("Kofi Annor", "kofi@example.com", email_verified=True)
    log_in(watcher, live_demo, "kofi@example.com")
    texts = ["Level two.", "Level three.", "Level four, shown at three."]
    parent_text = "Airlift first, training later."
    for actor, text in zip([watcher, page, watcher], texts, strict=True):
        actor.goto(live_demo + POST + "?sort=newest")
        parent = comment_by(actor, parent_text)
        parent.locator(".comment__reply > summary").first.click()
        parent.locator(".comment__reply textarea").first.fill(text)
        parent.locator(".comment__reply button").first.click()
        expect(comment_by(actor, text)).to_be_visible()
        parent_text = text
    page.goto(live_demo + POST + "?sort=newest")
    deepest = comment_by(page, "Level four, shown at three.")
    expect(deepest).to_have_class("comment comment--depth-2")
    expect(deepest.locator(".comment__replying")).to_have_text("replying to Mariam Traore")
    expect(page.locator("#comments-heading")).to_have_text("11 Responses")

    # Sorting by most replies puts the new thread first.
    page.get_by_role("link", name="Most replies").click()
    expect(page.locator(".comment-list > li").first).to_contain_text("Airlift first")

    # React, then report the other reader's comment.
    theirs = comment_by(page, "Level two.")
    theirs.get_by_role("button", name="Respect", exact=True).first.click()
    theirs = comment_by(page, "Level two.")
    expect(theirs.locator(".comment__reactions").first).to_have_text("1 Respect")
    theirs.locator(".comment__flag > summary").first.click()
    theirs.locator(".comment__flag select").first.select_option("off_topic")
    theirs.locator(".comment__flag button").first.click()
    expect(page.get_by_text("a moderator will look at this comment")).to_be_visible()

    # Edit, then delete, the first comment: the tombstone keeps the replies in place.
    mine = comment_by(page, "Airlift first, training later.")
    mine.locator(".comment__edit > summary").first.click()
    mine.locator(".comment__edit textarea").first.fill("Airlift first, then training.")
    mine.locator(".comment__edit button").first.click()
    mine = comment_by(page, "Airlift first, then training.")
    expect(mine.locator(".comment__edited").first).to_have_text("(edited)")
    mine.get_by_role("button", name="Delete").first.click()
    expect(page.get_by_text("Your comment was deleted.")).to_be_visible()
    expect(page.get_by_text("Level two.")).to_be_visible()
    expect(page.locator("#comments-heading")).to_have_text("10 Responses")
    assert serious_accessibility_violations(page) == []


def test_script_in_a_comment_is_shown_not_run(page, live_demo):
    make_person("Curious Reader", "x@example.com")
    log_in(page, live_demo, "x@example.com")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_label("Your comment, as Curious Reader").fill(
        '<script>alert("x")</script><img src=x onerror=alert(1)>'
    )
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".comment__body p").last).to_contain_text('<script>alert("x")</script>')
    page.reload()
    assert dialogs == []


def story():
    return BlogPostPage.objects.get(slug="france-needs-partners-in-mali")


def settle(page_model):
    """The story's comments as they stand a while later: no change within the poll overlap."""
    Comment.objects.filter(page=page_model).update(changed=timezone.now() - timedelta(hours=1))


def test_live_updates_follow_changes_and_the_sort_order(page, new_page, live_demo):
    mali = story()
    settle(mali)
    writer = make_person("Ines Varga", "live@example.com", email_verified=True)
    moderator = make_person("Tomas Ilunga", "desk@example.com", is_staff=True)
    held = actions.post_comment(author=writer, page=mali, body="Held, then approved.")
    gone = actions.post_comment(author=writer, page=mali, body="Soon rejected.")
    Comment.objects.filter(pk=held.pk).update(status=Comment.Status.HELD)
    held.refresh_from_db()
    settle(mali)

    newest = page
    newest.goto(live_demo + POST + "?sort=newest")
    expect(newest.locator("#comments-heading")).to_have_text("8 Responses")
    respected = new_page()
    respected.goto(live_demo + POST + "?sort=reactions")
    expect(comment_by(newest, "Soon rejected.")).to_be_visible()

    # Approved by a moderator after the pages loaded: it comes in, on top in Newest order.
    actions.moderate(held, actor=moderator, decision=Ruling.APPROVE)
    expect(newest.locator(".comment-list > li").first).to_contain_text("Held, then approved.")
    expect(newest.locator("#comments-heading")).to_have_text("9 Responses")
    # Most respected keeps its order: a notice offers the newcomer instead.
    notice = respected.locator(".live-notice")
    expect(notice).to_contain_text("1 new comment")
    expect(comment_by(respected, "Held, then approved.")).to_have_count(0)
    notice.get_by_role("button", name="Show").click()
    expect(comment_by(respected, "Held, then approved.")).to_be_visible()

    # Rejected after the pages loaded: it leaves them.
    actions.moderate(gone, actor=moderator, decision=Ruling.REJECT)
    expect(comment_by(newest, "Soon rejected.")).to_have_count(0)
    expect(newest.locator("#comments-heading")).to_have_text("8 Responses")


def test_the_comment_box_counts_and_a_long_comment_keeps_its_text(page, browser, live_demo):
    make_person("Long Writer", "long@example.com", email_verified=True)
    log_in(page, live_demo, "long@example.com")
    box = page.get_by_label("Your comment, as Long Writer")
    box.fill("x" * 4980)
    counter = page.locator("#comment-body-count")
    expect(counter).to_have_text("4,980 / 5,000")
    box.fill("x" * 6000)  # a paste past the limit is kept whole, and flagged
    expect(counter).to_contain_text("6,000 / 5,000")
    expect(counter).to_contain_text("A comment has at most 5,000 characters.")
    expect(counter).to_have_class(re.compile("char-count--over"))
    assert box.input_value() == "x" * 6000
    page.get_by_role("button", name="Post comment").click()
    assert page.url.startswith(live_demo + POST)  # the browser holds the form back

    # Without the script the server refuses it, and gives the text back.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    log_in(plain, live_demo, "long@example.com")
    plain.get_by_label("Your comment, as Long Writer").fill("y" * 6000)
    plain.get_by_role("button", name="Post comment").click()
    expect(plain.locator("h1")).to_have_text("Your comment was not posted")
    expect(plain.get_by_role("alert")).to_contain_text("at most 5,000 characters")
    assert plain.get_by_label("Your comment").input_value() == "y" * 6000
    context.close()
    assert not Comment.objects.filter(body__startswith="yyy").exists()
