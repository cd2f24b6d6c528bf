"""What a page offers each viewer matches what comments.actions lets them do."""

import pytest

from dateline.accounts.permissions import NotAllowed
from dateline.comments import actions
from dateline.comments.models import Comment, Reaction
from dateline.comments.permissions import NOTHING, Allowed, grant
from dateline.comments.threads import Node


def test_a_writer_cannot_respect_their_own_comment(story, reader, other_reader):
    comment = actions.post_comment(author=reader, page=story, body="My own point.")
    with pytest.raises(NotAllowed) as refusal:
        actions.react(comment, user=reader)
    assert refusal.value.code == "own_comment"
    assert not Reaction.objects.filter(comment=comment).exists()
    assert actions.react(comment, user=other_reader) is True


def may(comment, viewer, page):
    node = Node(comment)
    grant([node], viewer=viewer, page=page)
    return node.may


def test_what_each_viewer_may_do(story, reader, other_reader, moderator):
    comment = actions.post_comment(author=reader, page=story, body="A point.")
    assert may(comment, reader, story) == Allowed(reply=True, edit=True, delete=True, follow=True)
    assert may(comment, other_reader, story) == Allowed(
        reply=True, react=True, report=True, follow=True
    )
    assert may(comment, moderator, story) == Allowed(
        reply=True, react=True, report=True, feature=True, follow=True
    )
    assert may(comment, None, story) == NOTHING


def test_what_is_offered_follows_the_actions(story, reader, other_reader, settings):
    comment = actions.post_comment(author=reader, page=story, body="A point.")
    settings.COMMENT_EDIT_WINDOW_SECONDS = 0  # the window has closed: no edit offered
    assert may(comment, reader, story) == Allowed(reply=True, delete=True, follow=True)
    story.comments_enabled = False  # a closed story takes no replies
    del story.comments_open
    assert may(comment, other_reader, story) == Allowed(react=True, report=True, follow=True)
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.HELD)
    comment.refresh_from_db()
    assert may(comment, other_reader, story) == NOTHING  # nothing to reply to, respect or report
    actions.delete_comment(comment, actor=reader)
    assert may(comment, reader, story) == NOTHING


def test_a_reader_who_cannot_comment_is_offered_no_reply(story, reader, make_reader):
    comment = actions.post_comment(author=reader, page=story, body="A point.")
    banned = make_reader("Banned Reader", is_banned=True)
    assert may(comment, banned, story).reply is False
