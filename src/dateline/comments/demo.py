"""A lively demo thread under a blog post, with replies, a featured comment and a tombstone."""

from datetime import timedelta

from django.contrib.auth import get_user_model

from dateline.newsroom.models import ArticlePage, BlogPostPage

from .actions import delete_comment, place_comment, post_comment, set_featured
from .models import Comment

# (key, author email, reply to key or None, text, minutes after the post)
THREAD = [
    (
        "a",
        "amina@example.com",
        None,
        "The legal point is the heart of it: if the rules forbid helping a government that came "
        "from a coup, then routing support through allies is the only honest option left.",
        35,
    ),
    (
        "b",
        "kwame@example.com",
        "a",
        "Honest, or just a way around the rule? If the support reaches the same soldiers, the "
        "rule is not doing much.",
        52,
    ),
    (
        "c",
        "amina@example.com",
        "b",
        "It reaches French and African units, not the Malian army. That difference is exactly "
        "what the rule was written for.",
        64,
    ),
    (
        "d",
        "lucie@example.com",
        "c",
        "Both of you are right in part. Training has to wait for elections; airlift and "
        "intelligence do not.",
        80,
    ),
    (
        "e",
        "george@example.com",
        None,
        "Refuelling tankers would change the most. Jets that cannot stay over the desert cannot "
        "support anyone on the ground.",
        95,
    ),
    (
        "f",
        "sam@example.com",
        "e",
        "And tankers are what the smaller air forces in the region simply do not have.",
        120,
    ),
    (
        "g",
        "lucie@example.com",
        None,
        "What I would like to read next: how the towns in the north are doing now that the "
        "fighting has moved on. Food prices, schools, the road to Gao.",
        140,
    ),
    ("h", "kwame@example.com", None, "This comment was deleted by its author.", 150),
]


# Comments waiting in the moderator queue: screened for real when the demo loads.
# (author email, article slug, text)
FOR_THE_QUEUE = [
    (
        "sam@example.com",
        "we-are-winning-in-mali",
        "best home security system reviews, visit http://cheap-alarms.example/deals "
        "http://alarm-reviews.example http://safe-home.example/top10",
    ),
    (
        "kwame@example.com",
        "we-are-winning-in-mali",
        "Anyone who backs this war is a brainless idiot, shut up you dumb bitch.",
    ),
    (
        "lucie@example.com",
        "we-are-winning-in-mali",
        "I earn $400 a day from home with crypto, message me at offers7@mail.example",
    ),
]


def load(stdout):
    post = BlogPostPage.objects.filter(slug="france-needs-partners-in-mali").first()
    if post is None or Comment.objects.filter(page=post).exists():
        return
    load_thread(post, stdout)
    load_queue(stdout)


def load_queue(stdout):
    """Comments for the moderation queue, posted as readers post them: screening holds them."""
    users = {user.email: user for user in get_user_model().objects.all()}
    for email, slug, text in FOR_THE_QUEUE:
        page = ArticlePage.objects.filter(slug=slug, locale__language_code="en").first()
        if page is not None:
            post_comment(author=users[email], page=page, body=text)
    stdout.write(f"Moderation queue loaded: {len(FOR_THE_QUEUE)} screened comments.")


def load_thread(post, stdout):
    """The thread as its readers wrote it, at the times they wrote it, through the actions."""
    users = {user.email: user for user in get_user_model().objects.all()}
    editor = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
    made = {}
    for key, email, parent_key, text, minutes in THREAD:
        made[key] = place_comment(
            author=users[email],
            page=post,
            body=text,
            parent=made.get(parent_key),
            posted_at=post.first_published_at + timedelta(minutes=minutes),
        )
    set_featured(made["g"], actor=editor)
    delete_comment(made["h"], actor=made["h"].author)
    stdout.write(f"Demo thread loaded: {len(made)} comments on “{post.title}”.")
