"""500 comments posted at once all land, exactly once, with the right counts (PostgreSQL)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.db import close_old_connections, connection

from dateline.comments import actions
from dateline.comments.models import Comment, Reaction
from dateline.newsroom.models import ArticlePage
from tests.conftest import restore_demo_snapshot

CLIENTS, EACH = 10, 50


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_and_reactions_land_exactly_once():
    restore_demo_snapshot()
    story = ArticlePage.objects.live().first()
    User = get_user_model()
    writers = [
        User.objects.create_user(
            username=f"w{n}@example.com",
            email=f"w{n}@example.com",
            password="x" * 12,
            display_name=f"Writer {chr(65 + n)}",
        )
        for n in range(CLIENTS)
    ]
    root = actions.post_comment(author=writers[0], page=story, body="The thread starts here.")

    def write(writer):
        try:
            for number in range(EACH):
                actions.post_comment(
                    author=writer,
                    page=story,
                    body=f"{writer.display_name}: reply {number}",
                    parent=root if number % 2 else None,
                )
            if writer != writers[0]:  # nobody respects their own comment
                actions.react(root, user=writer, on=True)
        finally:
            close_old_connections()
            connection.close()

    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(write, writers))

    posted = Comment.objects.filter(page=story).exclude(pk=root.pk)
    assert posted.count() == CLIENTS * EACH == 500
    bodies = list(posted.values_list("body", flat=True))
    assert len(set(bodies)) == len(bodies)
    root.refresh_from_db()
    assert root.reply_count == CLIENTS * EACH // 2
    reactions = Reaction.objects.filter(comment=root).count()
    assert root.reaction_count == reactions == CLIENTS - 1
