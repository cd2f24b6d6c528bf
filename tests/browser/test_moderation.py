"""Screening as a writer meets it, and a moderator working the queue by keyboard."""

from playwright.sync_api import expect

from dateline.comments.models import Comment
from dateline.newsroom.models import BlogPostPage
from tests.browser.conftest import BROWSER_DB, serious_accessibility_violations
from tests.factories import PASSWORD, make_person

pytestmark = BROWSER_DB
POST = "/security-brief/france-needs-partners-in-mali/"


def member(email, name, approved=2, **fields):
    user = make_person(name, email, joined_days_ago=60, **fields)
    story = BlogPostPage.objects.get(slug="france-needs-partners-in-mali")
    for n in range(approved):
        Comment.objects.create(page=story, author=user, body=f"Earlier {n}", body_html="<p>x</p>")
    return user


def log_in(page, base, email, next_url=POST):
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def hold(writer, text, code="spam"):
    """A comment of `writer`'s waiting in the queue, held by screening for `code`."""
    return Comment.objects.create(
        page=BlogPostPage.objects.get(slug="france-needs-partners-in-mali"),
        author=writer,
        body=text,
        body_html=f"<p>{text}</p>",
        status=Comment.Status.HELD,
        screening={
            "decision": "hold",
            "scores": {"spam": 0.9, "toxicity": 0.1} if code == "spam" else {},
            "reasons": [
                {
                    "code": code,
                    "message": "The spam model scored it 0.90" if code == "spam" else "",
                    "decision": "hold",
                    "detail": {"words": ["cheap"]} if code == "spam" else {},
                }
            ],
        },
    )


def open_queue(page, base):
    """Log a moderator in, on the queue."""
    make_person("Night Desk", "desk@example.com", is_staff=True)
    log_in(page, base, "desk@example.com", next_url="/moderation/")
    expect(page.locator("h1")).to_have_text("Moderation")
    page.wait_for_load_state()  # the keyboard's script runs before the load event


def pending_count(page):
    return page.locator('.queue-tabs [data-tab="pending"] .count')


def write(page, base, text):
    page.goto(base + POST)
    page.get_by_label("Your comment, as").fill(text)
    page.get_by_role("button", name="Post comment").click()


def test_writer_sees_hold_reject_and_publish(page, live_demo):
    member("writer@example.com", "Steady Writer")
    log_in(page, live_demo, "writer@example.com")
    write(
        page,
        live_demo,
        "best home security system reviews, visit http://cheap-alarms.example/"
        "deals http://alarm-reviews.example http://safe-home.example/top10",
    )
    expect(page.get_by_text("your comment is held for review")).to_be_visible()
    expect(page.locator(".comment__held")).to_be_visible()

    write(page, live_demo, "go home you f4gg0t")
    expect(page.get_by_text("Your comment was rejected: The comment uses a slur")).to_be_visible()
    expect(page.locator("textarea")).to_have_value("go home you f4gg0t")

    write(page, live_demo, "   ")
    expect(page.get_by_text("Write something before posting.")).to_be_visible()

    write(page, live_demo, "Refuelling decides everything, the rest follows from it.")
    expect(page.get_by_text("Your comment is published.")).to_be_visible()


def test_moderator_works_the_queue_by_keyboard(page, new_page, live_demo):
    writer = member("writer@example.com", "Steady Writer")
    Comment.objects.filter(status=Comment.Status.HELD).delete()  # the demo's queue
    for text in ("Cheap watches at http://w.example", "Tankers first, then training."):
        hold(writer, text)
    open_queue(page, live_demo)
    expect(page.locator("h1")).to_have_text("Moderation")
    items = page.locator(".queue-item")
    expect(items).to_have_count(2)
    expect(items.first.locator("mark")).to_have_text("Cheap")
    assert serious_accessibility_violations(page) == []

    page.keyboard.press("r")  # reject the first (the watch spam)
    expect(items).to_have_count(1)
    expect(page.locator("#queue-status")).to_have_text("reject: done.")
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("a")  # approve the remaining one
    expect(page.locator(".queue-empty, .queue-item")).to_have_count(0)

    reader = new_page()
    reader.goto(live_demo + POST)
    expect(reader.get_by_text("Tankers first, then training.")).to_be_visible()
    expect(reader.get_by_text("Cheap watches")).to_have_count(0)
    assert Comment.objects.get(body__startswith="Cheap").status == Comment.Status.REJECTED


def test_question_mark_shows_the_shortcuts_and_escape_hides_them(page, live_demo):
    open_queue(page, live_demo)
    overlay = page.locator("#keyboard-overlay")
    expect(overlay).to_be_hidden()
    page.keyboard.press("?")
    expect(overlay).to_be_visible()
    expect(overlay.get_by_role("heading")).to_have_text("Keyboard shortcuts")
    expect(overlay.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("r")  # shortcuts sleep while the list is open
    page.keyboard.press("Escape")
    expect(overlay).to_be_hidden()
    assert not Comment.objects.filter(status=Comment.Status.REJECTED).exists()


def test_r_rejects_with_the_suggested_reason_and_the_count_follows(page, live_demo):
    spam = hold(member("writer@example.com", "Steady Writer"), "Cheap watches at http://w.example")
    open_queue(page, live_demo)
    item = page.locator(f"#item-{spam.pk}")
    expect(item.get_by_label("Reason shown to the writer")).to_have_value("spam")
    before = int(pending_count(page).inner_text())
    page.evaluate("window.stillThisPage = true")
    item.locator(".queue-body").click()  # the current item
    page.keyboard.press("r")
    expect(item).to_have_count(0)
    expect(pending_count(page)).to_have_text(str(before - 1))
    assert page.evaluate("window.stillThisPage"), "the queue reloaded"
    spam.refresh_from_db()
    assert spam.status == Comment.Status.REJECTED
    assert spam.moderation_reason == "It is advertising or spam."


def test_a_reject_without_a_reason_is_refused_with_a_word(page, live_demo):
    new = hold(member("new@example.com", "New Writer"), "My first words here.", "new_commenter")
    open_queue(page, live_demo)
    item = page.locator(f"#item-{new.pk}")
    expect(item.get_by_label("Reason shown to the writer")).to_have_value("")
    item.locator(".queue-body").click()
    page.keyboard.press("r")
    expect(page.locator("#queue-status")).to_have_text(
        "Choose a reason for the writer, or write one."
    )
    expect(item.get_by_label("Reason shown to the writer")).to_be_focused()
    expect(item).to_be_visible()
    # Without the keyboard: the Reject button is an ordinary form, answered on the page.
    item.get_by_role("button", name="Reject").click()
    expect(page.locator(".message--error")).to_have_text(
        "Choose a reason for the writer, or write one."
    )
    expect(page.locator(f"#item-{new.pk}")).to_be_visible()
    new.refresh_from_db()
    assert new.status == Comment.Status.HELD


def test_a_ban_is_confirmed_first_and_undone_from_the_queue(page, live_demo):
    writer = member("writer@example.com", "Steady Writer")
    spam = hold(writer, "Cheap watches at http://w.example")
    open_queue(page, live_demo)
    page.locator(f"#item-{spam.pk}").get_by_role("link", name="Ban writer…").click()
    expect(page.locator("h1")).to_have_text("Ban Steady Writer?")
    writer.refresh_from_db()
    assert not writer.is_banned  # nothing happens before the confirmation
    page.get_by_label("Reason").fill("Advertising, again and again.")
    page.get_by_role("button", name="Ban Steady Writer").click()

    expect(page.locator(".undo-notice")).to_contain_text(
        "Banned Steady Writer, and rejected 1 held comment."
    )
    expect(page.locator(f"#item-{spam.pk}")).to_have_count(0)
    writer.refresh_from_db()
    spam.refresh_from_db()
    assert writer.is_banned and spam.status == Comment.Status.REJECTED

    page.locator(".undo-notice").get_by_role("button", name="Undo").click()
    expect(page.get_by_text("Undone: Steady Writer can comment again.")).to_be_visible()
    expect(page.locator(f"#item-{spam.pk}")).to_be_visible()
    writer.refresh_from_db()
    spam.refresh_from_db()
    assert not writer.is_banned and spam.status == Comment.Status.HELD
