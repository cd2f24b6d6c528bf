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
    story = BlogPostPage.objects.get(slug="france-needs-partners-in-mali")
    Comment.objects.filter(status=Comment.Status.HELD).delete()  # the demo's queue
    for text in ("Cheap watches at http://w.example", "Tankers first, then training."):
        Comment.objects.create(
            page=story,
            author=writer,
            body=text,
            body_html=f"<p>{text}</p>",
            status=Comment.Status.HELD,
            screening={
                "decision": "hold",
                "scores": {"spam": 0.9, "toxicity": 0.1},
                "reasons": [
                    {
                        "code": "spam",
                        "message": "The spam model scored it 0.90",
                        "decision": "hold",
                        "detail": {"words": ["cheap"]},
                    }
                ],
            },
        )
    make_person("Night Desk", "desk@example.com", is_staff=True)
    log_in(page, live_demo, "desk@example.com", next_url="/moderation/")
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
