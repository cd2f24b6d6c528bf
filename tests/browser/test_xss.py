"""Hundreds of well-known XSS vectors, posted as comments and shown everywhere: none runs.

Every vector in data/xss_vectors.txt would call alert(), confirm(), prompt() or
window.__xss() if the browser ever ran it. They are posted (screening off: this is about
rendering), held, shown in the moderator queue, approved, then shown on the story page,
inserted as live updates, and listed on their writers' profiles. Chromium first runs with
the Content-Security-Policy bypassed, so the text sanitiser alone must hold; then with it,
where the pages must not even try to run inline script.
"""

import re
import time
from pathlib import Path

import pytest
from django.test import Client

from dateline.comments import actions
from dateline.comments.models import Comment
from dateline.comments.threads import LIVE_BATCH, LIVE_LAG
from dateline.moderation.queue import PAGE_SIZE as QUEUE_PAGE_SIZE
from dateline.newsroom.models import ArticlePage
from tests.browser.conftest import BROWSER_DB, CHROMIUM
from tests.factories import make_person

pytestmark = BROWSER_DB

VECTORS_FILE = Path(__file__).with_name("data") / "xss_vectors.txt"
ESCAPES = {"\\\\": "\\", "\\n": "\n", "\\r": "\r"}
# A comment's rendered text may hold paragraphs, line breaks, links and the queue's marks.
SCAN = """(selector) => {
  const found = [], allowed = new Set(["P", "BR", "A", "MARK"]);
  const roots = document.querySelectorAll(selector);
  for (const root of roots) {
    for (const element of root.querySelectorAll("*")) {
      if (!allowed.has(element.tagName)) found.push(element.outerHTML.slice(0, 120));
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name) || /^\\s*(javascript|vbscript|data):/i.test(attribute.value)) {
          found.push(element.outerHTML.slice(0, 120));
        }
      }
    }
  }
  return {count: roots.length, found};
}"""
INSERT = """(fragments) => {
  const holder = document.createElement("div");
  document.body.appendChild(holder);
  for (const html of fragments) {
    const item = document.createElement("div");
    item.className = "live-update";
    item.innerHTML = html;  // as comments.js inserts a live update
    holder.appendChild(item);
  }
}"""
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp(event.violatedDirective + " " + event.blockedURI);
});"""


def vectors():
    lines = VECTORS_FILE.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028
    return [
        re.sub(r"\\[\\nr]", lambda match: ESCAPES[match.group(0)], line)
        for line in lines
        if line and not line.startswith("# ")
    ]


def post_all(texts, story, per_writer=50):
    """Post every text (20 threads, the rest as replies) from writers of 50 comments each."""
    writers = [
        make_person(f"Vector Writer {chr(65 + n)}", email_verified=True)
        for n in range(-(-len(texts) // per_writer))
    ]
    roots, posted = [], []
    for index, text in enumerate(texts):
        comment = actions.post_comment(
            author=writers[index // per_writer],
            page=story,
            body=text,
            parent=roots[index % 20] if len(roots) == 20 else None,
        )
        (roots if comment.parent_id is None else posted).append(comment)
    return writers, roots + posted


def live_updates(client, url, ids):
    """The HTML of the comments `ids` as the live-update endpoint sends it, a batch at a
    time from the first change on, once each (a batch is sent again while it is within
    the endpoint's lag of now; a batch that is not full is the last)."""
    found, cursor = {}, 0
    time.sleep(LIVE_LAG.total_seconds())  # every change is past the lag: cursors move on
    while True:
        answer = client.get(url, {"cursor": cursor}).json()
        found.update((one["id"], one["html"]) for one in answer["comments"] if one["id"] in ids)
        if len(answer["comments"]) < LIVE_BATCH:
            return list(found.values())
        cursor = answer["cursor"]


class Watch:
    """Counts every sign of script running in a browser context, and CSP violations."""

    def __init__(self, context):
        self.ran, self.violations = [], []
        context.expose_binding("__xss", lambda source, *args: self.ran.append(source["frame"].url))
        context.expose_binding("__csp", lambda source, report: self.violations.append(report))
        context.add_init_script(REPORT_VIOLATIONS)
        self.context = context

    def open(self, url):
        page = self.context.new_page()
        page.set_default_timeout(20_000)
        page.on("dialog", lambda dialog: (self.ran.append(dialog.message), dialog.dismiss()))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)  # error, focus and toggle events fire after load
        return page


def check_rendered(page, selector):
    result = page.evaluate(SCAN, selector)
    assert result["found"] == [], result["found"][:5]
    return result["count"]


@pytest.fixture
def vector_story(live_demo, settings):
    settings.SCREENING_ENABLED = False
    return next(
        story
        for story in ArticlePage.objects.live().filter(comments__isnull=True)
        if story.comments_open
    )


def test_no_xss_vector_runs_anywhere(browser, live_demo, vector_story):
    texts = vectors()
    assert len(texts) >= 300
    writers, comments = post_all(texts, vector_story)
    assert len(comments) == len(texts)
    Comment.objects.filter(pk__in=[comment.pk for comment in comments]).update(
        status=Comment.Status.HELD,
        screening={"reasons": [{"code": "suspect_word", "detail": {"spans": [[1, 7]]}}]},
    )
    moderator = make_person("Vector Desk", is_staff=True, email_verified=True)
    staff = Client()
    staff.force_login(moderator)
    session = {"name": "sessionid", "value": staff.cookies["sessionid"].value, "url": live_demo}

    sanitiser_only = browser.new_context(bypass_csp=True)
    sanitiser_only.add_cookies([session])
    watch = Watch(sanitiser_only)
    canary = watch.open(f"{live_demo}/api/v1/openapi.json")
    canary.evaluate(INSERT, ["<img src=x onerror=__xss()>", "<img src=x onerror=alert(1)>"])
    canary.wait_for_timeout(500)
    assert len(watch.ran) == 2, "the watch must see script that runs"
    watch.ran.clear()
    canary.close()
    queued = 0
    held = Comment.objects.filter(status=Comment.Status.HELD).count()
    for number in range(1, -(-held // QUEUE_PAGE_SIZE) + 1):
        page = watch.open(f"{live_demo}/moderation/?page={number}")
        queued += check_rendered(page, ".queue-body")
        page.close()
    assert queued == held >= len(texts)

    for comment in comments:
        actions.moderate(comment, actor=moderator, decision="approve")
    story_url = f"{live_demo}{vector_story.url}"
    page = watch.open(story_url)
    assert check_rendered(page, ".comment__body") == len(texts)
    poll = page.locator("#comments").get_attribute("data-poll")
    page.close()
    fragments = live_updates(staff, poll, {comment.pk for comment in comments})
    # Into a page of the site (its security policy) where no live updates of its own run.
    page = watch.open(f"{live_demo}/search/")
    page.evaluate(INSERT, fragments)
    page.wait_for_timeout(500)
    assert check_rendered(page, ".live-update .comment__body") == len(texts)
    page.close()
    shown = 0
    for writer in writers:
        page = watch.open(f"{live_demo}/accounts/people/{writer.pk}/")
        shown += check_rendered(page, ".story-list .comment-text")
        page.close()
    assert shown == len(texts)
    anonymous = browser.new_context(bypass_csp=True)
    reader = Watch(anonymous)
    reader.open(story_url).close()
    assert watch.ran == reader.ran == []
    assert watch.violations == []  # bypassed: nothing to report
    sanitiser_only.close()
    anonymous.close()

    with_policy = browser.new_context()
    with_policy.add_cookies([session])
    enforced = Watch(with_policy)
    for url in (story_url, f"{live_demo}/moderation/?tab=approved"):
        enforced.open(url).close()
    with_policy.close()
    assert enforced.ran == [] and enforced.violations == []
    print(f"{len(texts)} vectors, {len(comments)} comments, 0 ran ({CHROMIUM})")
