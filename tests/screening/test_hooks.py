"""Screening inside the comment path: decisions stick, and held or rejected comments are
never shown to other readers in pages, feeds or the API."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError

from dateline.audit.models import AuditEntry
from dateline.comments import actions
from dateline.comments.models import Comment
from dateline.core.api import RateLimited
from dateline.core.attributes import CommentPolicy
from dateline.newsroom.models import BlogPostPage
from dateline.screening.models import ScreeningSettings, Surge
from tests.factories import make_person

pytestmark = pytest.mark.django_db
SPAM = (
    "best home security system reviews, visit http://cheap-alarms.example/deals "
    "http://alarm-reviews.example http://safe-home.example/top10"
)


@pytest.fixture
def regular(db):
    """A reader with two approved comments: past the new-commenter hold."""
    user = make_person("Regular Reader", joined_days_ago=100)
    page = BlogPostPage.objects.get(slug="france-needs-partners-in-mali")
    for text in ("An earlier point.", "Another earlier point."):
        Comment.objects.create(page=page, author=user, body=text, body_html=f"<p>{text}</p>")
    return user


def post(story, user, body, ip="192.0.2.7"):
    return actions.post_comment(author=user, page=story, body=body, ip=ip)


def test_spam_is_held_slur_rejected_civil_published(story, regular):
    held = post(story, regular, SPAM)
    assert held.status == Comment.Status.HELD
    assert "links" in [reason["code"] for reason in held.reasons]
    rejected = post(story, regular, "you are a f.a.g.g.o.t")
    assert rejected.status == Comment.Status.REJECTED
    civil = post(story, regular, "Refuelling is the part of this that decides everything.")
    assert civil.status == Comment.Status.PUBLISHED
    assert AuditEntry.objects.filter(action="comment.post", data__decision="hold").exists()


def test_new_commenters_wait_for_a_moderator(story):
    newcomer = make_person("Brand New")
    comment = post(story, newcomer, "My first comment here, about the tankers.")
    assert comment.status == Comment.Status.HELD
    assert comment.reasons[0]["code"] == "new_commenter"


def test_held_and_rejected_comments_stay_out_of_sight(client, story, regular):
    held = post(story, regular, SPAM)
    rejected = post(story, regular, "you are a f4gg0t")
    others = [held.body, "f4gg0t"]
    pages = [
        client.get(story.url).content.decode(),
        client.get(f"/api/v1/pages/{story.pk}/comments?sort=newest").content.decode(),
        client.get(f"/comments/pages/{story.pk}/since/?after=0").content.decode(),
        client.get(f"/accounts/people/{regular.pk}/").content.decode(),
        client.get("/feeds/latest/").content.decode(),
    ]
    for html in pages:
        for text in others:
            assert text not in html
    for comment in (held, rejected):
        assert client.get(f"/api/v1/comments/{comment.pk}").status_code == 404
    client.force_login(regular)  # the writer sees both, with what happened to them
    own = client.get(story.url).content.decode()
    assert "Held for review" in own and "Not published: The comment uses a slur" in own


def test_form_post_shows_the_rejection_reason_and_keeps_the_text(client, story, regular):
    client.force_login(regular)
    response = client.post(f"/comments/pages/{story.pk}/post/", {"body": "you f4gg0t"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your comment was rejected: The comment uses a slur" in html
    assert "you f4gg0t" in html


def test_api_post_returns_the_rejection_code(client, story, regular):
    client.force_login(regular)
    response = client.post(
        f"/api/v1/pages/{story.pk}/comments",
        {"body": "you f4gg0t"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "comment_rejected"


TOPICS = ["tankers", "budget", "refugees", "schools", "roads", "prices", "rain"]


def test_posting_too_fast_is_refused_not_recorded(story, regular):
    for n, word in enumerate(TOPICS[:5]):
        assert post(story, regular, f"Thought {n}: {word}").status == Comment.Status.PUBLISHED
    with pytest.raises(RateLimited) as refusal:
        post(story, regular, "Thought 5: prices")
    assert refusal.value.retry_after >= 1
    assert "faster than one comment every 3 s: try again in" in refusal.value.messages[0]
    assert not Comment.objects.filter(author=regular, body="Thought 5: prices").exists()
    assert not Comment.objects.filter(author=regular, status=Comment.Status.REJECTED).exists()


def test_a_post_refused_as_too_fast_reads_and_writes_nothing(
    story, regular, django_assert_num_queries
):
    for n, word in enumerate(TOPICS[:5]):
        post(story, regular, f"Thought {n}: {word}")
    with django_assert_num_queries(0), pytest.raises(RateLimited):
        post(story, regular, "Thought 5: prices")


def test_a_repeat_is_refused_before_the_story_is_read(story, regular, django_assert_num_queries):
    post(story, regular, "The talks in Algiers matter more than the harvest.")
    with django_assert_num_queries(1), pytest.raises(ValidationError) as refusal:
        post(story, regular, "The talks in Algiers matter more than the harvest!")
    assert refusal.value.code == "duplicate"  # one query: the earlier copy, to link to it


def test_a_closed_story_still_refuses_after_pacing(story, regular):
    story.comments_enabled = False
    story.save()
    with pytest.raises(actions.NotAllowed):
        post(story, regular, "Comments are closed here.")


def test_the_form_answers_429_and_keeps_the_text(client, story, regular):
    client.force_login(regular)
    url = f"/comments/pages/{story.pk}/post/"
    for n, word in enumerate(TOPICS[:5]):
        client.post(url, {"body": f"Thought {n}: {word}"})
    response = client.post(url, {"body": "Thought 5: my unsent words"})
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    html = response.content.decode()
    assert "Thought 5: my unsent words" in html and "try again in" in html


def test_the_api_answers_429_with_retry_after(client, story, regular):
    client.force_login(regular)
    url = f"/api/v1/pages/{story.pk}/comments"
    answers = [
        client.post(url, {"body": f"Thought {n}: {word}"}, content_type="application/json")
        for n, word in enumerate(TOPICS)
    ]
    assert [a.status_code for a in answers[:5]] == [201] * 5
    assert answers[5].status_code == 429 and int(answers[5]["Retry-After"]) >= 1
    assert answers[5].json()["error"]["code"] == "rate_limited"


def test_a_repeat_is_refused_naming_the_earlier_comment(story, regular):
    text = "The airlift schedule matters more than the speeches do, honestly."
    first = post(story, regular, text)
    with pytest.raises(ValidationError) as refusal:
        post(story, regular, text + "!")
    assert refusal.value.code == "duplicate"
    assert f"/comments/{first.pk}/" in refusal.value.messages[0]
    assert story.title in refusal.value.messages[0]
    assert Comment.objects.filter(author=regular, body__startswith="The airlift").count() == 1


def test_premoderated_section(story, regular):
    blog = story.get_parent().specific
    blog.comment_policy = CommentPolicy.PREMODERATE_ALL
    blog.save()
    story = BlogPostPage.objects.get(pk=story.pk)
    assert post(story, regular, "A calm remark.").status == Comment.Status.HELD


def test_site_word_list_from_the_cms(story, regular):
    site_settings = ScreeningSettings.for_site(story.get_site())
    site_settings.banned_words = "moonshine"
    site_settings.save()
    assert post(story, regular, "Buy m00nshine").status == Comment.Status.REJECTED


def test_surge_switches_the_story_to_premoderation(
    story, make_many_readers, django_capture_on_commit_callbacks
):
    site_settings = ScreeningSettings.for_site(story.get_site())
    site_settings.surge_comments_per_minute = 5
    site_settings.save()
    readers = make_many_readers(8)
    words = ["tankers", "budget", "refugees", "schools", "roads", "prices", "rain", "trains"]
    with django_capture_on_commit_callbacks(execute=True):  # the mail goes after the commit
        statuses = [
            post(story, reader, f"Comment {n} on {word}.", ip=f"192.0.2.{n}").status
            for n, (reader, word) in enumerate(zip(readers, words, strict=True))
        ]
    assert statuses[:6] == [Comment.Status.PUBLISHED] * 6
    assert statuses[-1] == Comment.Status.HELD
    surge = Surge.objects.get(page=story, ended__isnull=True)
    assert "comments in the last minute" in surge.reason
    assert AuditEntry.objects.filter(action="screening.surge_start").exists()
    surge_mail = [message for message in mail.outbox if message.subject.startswith("Surge")]
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    # one message to each staff member, each sent once
    assert sorted(m.to[0] for m in surge_mail) == sorted(staff.values_list("email", flat=True))
    assert "moderator@dateline.invalid" in [m.to[0] for m in surge_mail]


@pytest.fixture
def make_many_readers(db):
    def make(count):
        return [
            make_person(f"Crowd {chr(65 + n)}{chr(75 + n)}", is_verified=True) for n in range(count)
        ]

    return make


def test_a_held_writer_is_told_why_in_words(client, story, regular):
    client.force_login(regular)
    body = "I will find where you live and kill you, you traitor."
    response = client.post(f"/comments/pages/{story.pk}/post/", {"body": body}, follow=True)
    html = response.content.decode()
    assert "held for review" in html
    assert "It reads as a threat or a call for violence." in html
