"""comments.actions: who may do what, counters, tombstones, the edit window, closing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dateline.audit.models import AuditEntry
from dateline.comments import actions
from dateline.comments.models import Comment
from dateline.comments.threads import thread_page


def post(story, author, body="A fair point about the airlift.", parent=None):
    return actions.post_comment(author=author, page=story, body=body, parent=parent)


def test_anonymous_readers_cannot_post(story):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(actions.NotAllowed) as refusal:
        post(story, AnonymousUser())
    assert refusal.value.code == "login_required"


def test_banned_and_suspended_readers_cannot_post(story, make_reader):
    banned = make_reader(is_banned=True)
    suspended = make_reader(suspended_until=timezone.now() + timedelta(days=1))
    for person in (banned, suspended):
        with pytest.raises(actions.NotAllowed) as refusal:
            post(story, person)
        assert refusal.value.code == "cannot_comment"


def test_post_writes_audit_and_counts(story, reader):
    before = thread_page(story).responses
    comment = post(story, reader)
    assert comment.status == Comment.Status.PUBLISHED
    assert comment.thread_id == comment.pk
    assert thread_page(story).responses == before + 1
    assert AuditEntry.objects.filter(action="comment.post", target_id=str(comment.pk)).exists()


@pytest.mark.parametrize(
    ("body", "code"),
    [("", "empty"), ("   \n\t ", "empty"), ("x" * 5001, "too_long"), ("a\x00b", "binary")],
)
def test_bad_text_is_refused(story, reader, body, code):
    with pytest.raises(ValidationError) as error:
        post(story, reader, body=body)
    assert error.value.code == code
    assert not Comment.objects.filter(author=reader).exists()


def test_html_is_shown_as_text(story, reader, client):
    comment = post(story, reader, body='<script>alert("x")</script> <b>bold</b> http://ex.com/a')
    assert "<script" not in comment.body_html and "<b>" not in comment.body_html
    assert "&lt;script&gt;" in comment.body_html
    assert 'rel="nofollow ugc noopener"' in comment.body_html
    html = client.get(story.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert" in html


def test_threads_stay_three_levels_deep(story, reader, other_reader):
    root = post(story, reader)
    second = post(story, other_reader, parent=root)
    third = post(story, reader, parent=second)
    fourth = post(story, other_reader, parent=third)
    assert [c.depth for c in (root, second, third, fourth)] == [0, 1, 2, 2]
    assert {c.thread_id for c in (second, third, fourth)} == {root.pk}
    root.refresh_from_db()
    assert root.reply_count == 3
    page = thread_page(story, sort="newest", viewer=reader)
    node = next(n for n in page.nodes if n.comment.pk == root.pk)
    level2 = node.children[0]
    level3 = level2.children
    assert [n.comment.pk for n in level3] == [third.pk, fourth.pk]
    assert level3[1].replying_to == reader  # "replying to <name>" on the fourth


def test_reply_must_be_on_the_same_story(story, quiet_story, reader):
    root = post(story, reader)
    with pytest.raises(ValidationError) as error:
        post(quiet_story, reader, parent=root)
    assert error.value.code == "invalid_parent"


def test_only_the_author_edits_and_deletes(story, reader, other_reader, moderator):
    comment = post(story, reader)
    for person in (other_reader, moderator):
        with pytest.raises(actions.NotAllowed) as refusal:
            actions.edit_comment(comment, actor=person, body="Hijacked")
        assert refusal.value.code == "not_author"
        with pytest.raises(PermissionDenied):
            actions.delete_comment(comment, actor=person)
    comment.refresh_from_db()
    assert comment.body == "A fair point about the airlift."


def test_edit_window(story, reader, settings):
    settings.COMMENT_EDIT_WINDOW_SECONDS = 60
    comment = post(story, reader)
    actions.edit_comment(comment, actor=reader, body="A fairer point.")
    comment.refresh_from_db()
    assert comment.body == "A fairer point." and comment.edited_at is not None
    Comment.objects.filter(pk=comment.pk).update(created=timezone.now() - timedelta(seconds=61))
    comment.refresh_from_db()
    with pytest.raises(actions.NotAllowed) as refusal:
        actions.edit_comment(comment, actor=reader, body="Too late")
    assert refusal.value.code == "edit_window_closed"
    assert "1 minutes" in refusal.value.message


def test_delete_leaves_a_tombstone_and_keeps_replies(story, reader, other_reader):
    root = post(story, reader)
    reply = post(story, other_reader, parent=root)
    actions.delete_comment(root, actor=reader)
    root.refresh_from_db()
    assert root.status == Comment.Status.DELETED and root.body == ""
    page = thread_page(story, sort="newest")
    node = next(n for n in page.nodes if n.comment.pk == root.pk)
    assert [child.comment.pk for child in node.children] == [reply.pk]
    actions.delete_comment(reply, actor=other_reader)
    root.refresh_from_db()
    assert root.reply_count == 0


def test_only_staff_feature_and_moderate(story, reader, other_reader, moderator):
    comment = post(story, reader)
    for person in (reader, other_reader):
        with pytest.raises(actions.NotAllowed) as refusal:
            actions.set_featured(comment, actor=person)
        assert refusal.value.code == "staff_only"
        with pytest.raises(PermissionDenied):
            actions.moderate(comment, actor=person, decision="remove")
    actions.set_featured(comment, actor=moderator)
    featured = thread_page(story, featured=True)
    assert comment.pk in [node.comment.pk for node in featured.nodes]


def test_reactions_count_once_per_reader(story, reader, other_reader):
    comment = post(story, reader)
    assert actions.react(comment, user=other_reader) is True
    assert actions.react(comment, user=other_reader, on=True) is True
    assert comment.reaction_count == 1
    assert actions.react(comment, user=other_reader) is False
    assert comment.reaction_count == 0


def test_flags_once_per_reader_with_a_reason(story, reader, other_reader):
    comment = post(story, reader)
    with pytest.raises(ValidationError) as error:
        actions.flag(comment, user=other_reader, reason="boring")
    assert error.value.code == "invalid_reason"
    actions.flag(comment, user=other_reader, reason="spam")
    with pytest.raises(ValidationError) as error:
        actions.flag(comment, user=other_reader, reason="abuse")
    assert error.value.code == "already_flagged"


def test_comments_closed_per_story(story, reader):
    story.comments_enabled = False
    story.save()
    with pytest.raises(actions.NotAllowed) as refusal:
        post(story, reader)
    assert refusal.value.code == "comments_closed"


def test_comments_close_after_n_days(story, reader, django_capture_on_commit_callbacks):
    from dateline.newsroom.models import EditionSettings

    edition = EditionSettings.for_site(story.get_site())
    edition.close_comments_after_days = 30
    with django_capture_on_commit_callbacks(execute=True):  # the change is committed
        edition.save()
    with pytest.raises(actions.NotAllowed) as refusal:
        post(story, reader)  # the story is from 2013
    assert refusal.value.code == "comments_closed"
    edition.close_comments_after_days = 365 * 100
    with django_capture_on_commit_callbacks(execute=True):
        edition.save()
    story = type(story).objects.get(pk=story.pk)  # a new request sees the new setting
    assert post(story, reader).pk


def test_held_comments_are_seen_only_by_their_author(story, reader, other_reader):
    comment = post(story, reader)
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HELD)

    def shown(viewer):
        page = thread_page(story, sort="newest", viewer=viewer)
        return comment.pk in [node.comment.pk for node in page.nodes]

    assert shown(reader) and not shown(other_reader) and not shown(None)


def test_placed_comments_keep_their_time_and_thread(quiet_story, reader, make_reader):
    """Comments that arrive with their history keep it, and are counted and audited."""
    then = timezone.now() - timedelta(days=400)
    top = actions.place_comment(
        author=reader, page=quiet_story, body="First, <script>x</script>", posted_at=then
    )
    reply = actions.place_comment(
        author=make_reader(),
        page=quiet_story,
        body="A reply from last year.",
        parent=top,
        posted_at=then + timedelta(hours=1),
    )
    held = actions.place_comment(
        author=reader,
        page=quiet_story,
        body="Waits for a moderator.",
        posted_at=then,
        status=Comment.Status.HELD,
    )
    top.refresh_from_db()
    assert top.created == then and top.thread_id == top.pk and top.reply_count == 1
    assert "<script>" not in top.body_html
    assert reply.thread_id == top.pk and reply.depth == 1
    assert Comment.objects.get(pk=held.pk).status == Comment.Status.HELD
    placed = AuditEntry.objects.filter(action="comment.place", target_type="comments.comment")
    assert set(placed.values_list("target_id", flat=True)) >= {
        str(c.pk) for c in (top, reply, held)
    }


def test_a_placed_reply_must_belong_to_its_parents_story(story, quiet_story, reader):
    parent = story.comments.filter(depth=0).first()
    with pytest.raises(ValidationError):
        actions.place_comment(
            author=reader, page=quiet_story, body="Lost.", parent=parent, posted_at=timezone.now()
        )
