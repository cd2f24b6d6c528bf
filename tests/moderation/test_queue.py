"""The moderator queue: who may see it, what each list holds, and every decision."""

import pytest

from dateline.audit.models import AuditEntry
from dateline.comments.models import Comment, Flag
from tests.factories import make_person

pytestmark = pytest.mark.django_db


person = make_person


@pytest.fixture
def moderator():
    return person("Night Desk", is_staff=True)


@pytest.fixture
def writer():
    return person("Quick Writer")


def held(story, writer, body="Buy cheap watches http://w.example", codes=("spam",)):
    reasons = [
        {
            "code": code,
            "message": f"{code} reason",
            "decision": "hold",
            "detail": {"words": ["cheap"], "score": 0.91},
        }
        for code in codes
    ]
    return screened(story, writer, body, reasons=reasons, scores={"spam": 0.91})


def screened(story, writer, body, *, reasons, scores=None):
    """A held comment with the verdict `reasons`, as screening would have saved it."""
    return Comment.objects.create(
        page=story,
        author=writer,
        body=body,
        body_html=f"<p>{body}</p>",
        status=Comment.Status.HELD,
        screening={"decision": "hold", "scores": scores or {}, "reasons": reasons},
    )


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/moderation/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_readers_cannot_see_or_act(client, story, writer):
    comment = held(story, writer)
    client.force_login(person("Nosy Reader"))
    assert client.get("/moderation/").status_code == 403
    response = client.post("/moderation/act/", {"decision": "approve", "ids": [comment.pk]})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD


def test_queue_lists_held_comments_with_reasons_history_and_marks(client, story, writer, moderator):
    comment = held(story, writer)
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert f'id="item-{comment.pk}"' in html
    assert "<mark>cheap</mark>" in html
    assert "spam reason" in html and "spam 0.91" in html
    assert "History: 0 published · 1 held" in html
    model_tab = client.get("/moderation/?tab=model").content.decode()
    assert f'id="item-{comment.pk}"' in model_tab
    other = held(story, writer, body="Plain new comment", codes=("new_commenter",))
    assert f'id="item-{other.pk}"' not in client.get("/moderation/?tab=model").content.decode()


def test_flagged_tab(client, story, writer, moderator):
    comment = Comment.objects.get(page=story, body__startswith="Refuelling")
    Flag.objects.create(comment=comment, user=writer, reason="off_topic")
    client.force_login(moderator)
    html = client.get("/moderation/?tab=flagged").content.decode()
    assert f'id="item-{comment.pk}"' in html and "1 open report" in html
    client.post("/moderation/act/", {"decision": "approve", "ids": [comment.pk]})
    assert not Flag.objects.filter(comment=comment, resolved=False).exists()


def test_approve_publishes_and_counts(client, story, writer, moderator):
    comment = held(story, writer)
    client.force_login(moderator)
    before = Comment.objects.filter(page=story, status="published").count()
    response = client.post(
        "/moderation/act/",
        {"decision": "approve", "ids": [comment.pk]},
        HTTP_ACCEPT="application/json",
    )
    answer = response.json()
    assert (answer["done"], answer["ids"], answer["errors"]) == (1, [comment.pk], [])
    assert answer["counts"]["pending"] == Comment.objects.filter(status="held").count()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED
    assert Comment.objects.filter(page=story, status="published").count() == before + 1
    assert AuditEntry.objects.filter(action="comment.approve", actor=moderator).exists()
    assert comment.body in client.get(story.url).content.decode()


def test_reject_with_a_reason_the_writer_sees(client, story, writer, moderator):
    comment = held(story, writer)
    client.force_login(moderator)
    client.post(
        "/moderation/act/",
        {"decision": "reject", "ids": [comment.pk], "reason": "Advertising is not allowed."},
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    client.force_login(writer)
    assert "Not published: Advertising is not allowed." in client.get(story.url).content.decode()


def test_bulk_actions_are_all_or_nothing(client, story, writer, moderator):
    first, second = held(story, writer), held(story, writer, body="Second one")
    client.force_login(moderator)
    client.post(
        "/moderation/act/",
        {"decision": "reject", "ids": [first.pk, second.pk], "reason_choice": "spam"},
    )
    assert set(
        Comment.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    ) == {"rejected"}
    third, fourth = held(story, writer, body="Third"), held(story, writer, body="Fourth")
    response = client.post(
        "/moderation/act/",
        {"decision": "feature", "ids": [third.pk, fourth.pk]},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400 and "published" in response.json()["errors"][0]
    assert not Comment.objects.filter(pk__in=[third.pk, fourth.pk], is_featured=True).exists()


def test_ban_rejects_pending_comments_and_stops_posting(client, story, writer, moderator):
    comment = held(story, writer)
    another = held(story, writer, body="Another pending")
    client.force_login(moderator)
    ban = {"decision": "ban", "ids": [comment.pk], "reason": "Spam"}
    client.post("/moderation/act/", ban)  # not confirmed: nothing happens
    writer.refresh_from_db()
    assert not writer.is_banned
    confirm = client.get(f"/moderation/confirm/ban/{comment.pk}/").content.decode()
    assert "Ban" in confirm and "2 comments waiting for a moderator will be rejected" in confirm
    client.post("/moderation/act/", {**ban, "confirmed": "1"})
    writer.refresh_from_db()
    assert writer.is_banned and not writer.can_comment
    another.refresh_from_db()
    assert another.status == Comment.Status.REJECTED
    assert AuditEntry.objects.filter(action="account.ban", target_id=str(writer.pk)).exists()


def test_a_ban_can_be_undone(client, story, writer, moderator):
    comment = held(story, writer)
    client.force_login(moderator)
    client.post("/moderation/act/", {"decision": "ban", "ids": [comment.pk], "confirmed": "1"})
    queue_page = client.get("/moderation/").content.decode()
    assert "Banned" in queue_page and "Undo" in queue_page
    client.post("/moderation/undo/")
    writer.refresh_from_db()
    comment.refresh_from_db()
    assert not writer.is_banned and comment.status == Comment.Status.HELD
    assert AuditEntry.objects.filter(action="account.unban", target_id=str(writer.pk)).exists()
    client.post("/moderation/undo/")  # only once
    assert "Undo</button>" not in client.get("/moderation/").content.decode()


def test_suspend_for_days(client, story, writer, moderator):
    comment = held(story, writer)
    client.force_login(moderator)
    suspend = {"decision": "suspend", "ids": [comment.pk], "days": "7", "confirmed": "1"}
    client.post("/moderation/act/", suspend)
    writer.refresh_from_db()
    assert writer.suspended_until is not None and not writer.can_comment


def test_staff_cannot_be_banned(client, story, moderator):
    colleague = person("Day Desk", is_staff=True)
    comment = held(story, colleague)
    client.force_login(moderator)
    response = client.post(
        "/moderation/act/",
        {"decision": "ban", "ids": [comment.pk], "confirmed": "1"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    colleague.refresh_from_db()
    assert not colleague.is_banned


@pytest.mark.parametrize(
    "data",
    [
        {"decision": "approve"},
        {"decision": "nonsense", "ids": ["1"]},
        {"decision": "approve", "ids": ["abc"]},
    ],
)
def test_bad_requests_change_nothing(client, moderator, data):
    client.force_login(moderator)
    response = client.post("/moderation/act/", data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["done"] == 0


def test_urgent_holds_come_first_and_are_counted(client, story, writer, moderator):
    plain = held(story, writer)
    threat_text = "I will find where you live and kill you"
    urgent = screened(
        story,
        writer,
        threat_text,
        reasons=[
            {
                "code": "threat",
                "message": "Threat or call for violence 0.95 (held above 0.70).",
                "decision": "hold",
                "detail": {"score": 0.95, "words": [threat_text], "spans": [[0, 39]]},
                "urgent": True,
            }
        ],
    )
    client.force_login(moderator)
    for tab in ("pending", "model"):
        page = client.get(f"/moderation/?tab={tab}").content.decode()
        assert page.index(f'id="item-{urgent.pk}"') < page.index(f'id="item-{plain.pk}"'), tab
    page = client.get("/moderation/").content.decode()
    assert "<strong>1 urgent</strong>" in page
    assert f"<mark>{threat_text}</mark>" in page


def test_recorded_spans_mark_exactly_those_characters(client, story, writer, moderator):
    body = "Work from home <b>now</b>: the idiots at city hall\n\nlie from home too"
    screened(
        story,
        writer,
        body,
        reasons=[
            {
                "code": "insult",
                "message": "Insult 0.91 (held above 0.70).",
                "decision": "hold",
                # "from home" is named as a word, but only the recorded range is marked
                "detail": {"score": 0.91, "words": ["idiots", "from"], "spans": [[31, 37]]},
            }
        ],
    )
    client.force_login(moderator)
    page = client.get("/moderation/").content.decode()
    assert (
        "<p>Work from home &lt;b&gt;now&lt;/b&gt;: the <mark>idiots</mark> at city hall</p>"
        "<p>lie from home too</p>"
    ) in page


def test_a_reject_needs_a_reason_and_the_writer_reads_it(client, story, writer, moderator):
    comment = held(story, writer)
    client.force_login(moderator)
    refused = client.post(
        "/moderation/act/",
        {"decision": "reject", "ids": [comment.pk]},
        HTTP_ACCEPT="application/json",
    )
    assert refused.status_code == 400 and "reason" in refused.json()["errors"][0]
    client.post(
        "/moderation/act/",
        {
            "decision": "reject",
            "ids": [comment.pk],
            "reason_choice": "spam",
            "reason": "Watches again.",
        },
    )
    comment.refresh_from_db()
    assert comment.moderation_reason == "It is advertising or spam. Watches again."
    client.force_login(writer)
    page = client.get(story.url).content.decode()
    assert "Not published: It is advertising or spam. Watches again." in page


def test_the_queue_speaks_plainly_and_suggests_a_reason(client, story, writer, moderator):
    spam = held(story, writer, codes=("spam",))
    copied = held(story, writer, body="Same words everywhere", codes=("copied_text",))
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert "<strong>Copied from other accounts</strong>" in html
    assert "<strong>copied_text</strong>" not in html
    suggestion = '<option value="spam" selected>It is advertising or spam.</option>'
    item = html[html.index(f'id="item-{spam.pk}"') :]
    assert suggestion in item[: item.index("</article>")]
    assert f'id="item-{copied.pk}"' in html


def test_a_reply_shows_what_it_answers(client, story, writer, moderator):
    parent = Comment.objects.filter(page=story, status="published", depth=0).first()
    reply = held(story, writer)
    Comment.objects.filter(pk=reply.pk).update(parent=parent, thread=parent, depth=1)
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert "In reply to" in html and f"/comments/{parent.pk}/" in html


def test_readers_cannot_confirm_or_undo(client, story, writer):
    comment = held(story, writer)
    client.force_login(person("Nosy Reader"))
    assert client.get(f"/moderation/confirm/ban/{comment.pk}/").status_code == 403
    assert client.post("/moderation/undo/").status_code == 403
