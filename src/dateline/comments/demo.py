"""Lively demo threads under the blog post and the flagship article: replies, a featured
comment and a tombstone each, placed through the actions with the times readers wrote them."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from dateline.newsroom.models import ArticlePage, BlogPostPage

from .actions import delete_comment, place_comment, post_comment, set_featured
from .models import Comment

# (key, author email, reply to key or None, text, minutes after the story was published)
BLOG_THREAD = [
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
BLOG_POST = "france-needs-partners-in-mali"

FLAGSHIP_THREAD = [
    (
        "a",
        "lucie@example.com",
        None,
        "\u201cWinning a battle is not the end of the work\u201d is the most honest line in the "
        "whole press conference. Holding towns is the easy part; holding them in a year's time "
        "is the real test.",
        22,
    ),
    (
        "b",
        "george@example.com",
        "a",
        "Agreed, but someone has to hold the towns now. The African force is months away from "
        "being ready, whatever the communiqués say.",
        31,
    ),
    (
        "c",
        "amina@example.com",
        "b",
        "Some of those contingents have served in Somalia and Darfur. They are not starting "
        "from nothing. What they lack is transport and money, which is what today's pledges "
        "are for.",
        44,
    ),
    (
        "d",
        "george@example.com",
        "c",
        "Fair point on experience. Pledged is not paid, though. I will believe the money when "
        "the salaries arrive on time.",
        58,
    ),
    (
        "e",
        "kwame@example.com",
        None,
        "My cousin teaches in Gao. She says the first thing people asked for was not soldiers "
        "but electricity: the generators ran out of fuel in November.",
        47,
    ),
    (
        "f",
        "sam@example.com",
        "e",
        "That is the kind of detail that never makes it into the official briefings. Has the "
        "school reopened?",
        63,
    ),
    (
        "g",
        "kwame@example.com",
        "f",
        "Not yet. The teachers are back but the building was used as a barracks. They are "
        "teaching under the trees for now.",
        79,
    ),
    (
        "h",
        "amina@example.com",
        None,
        "The story mentions looting of shops owned by Arab and Tuareg traders. That deserves "
        "more than one paragraph. If the army is seen taking sides, the north will not stay "
        "quiet for long.",
        70,
    ),
    (
        "i",
        "lucie@example.com",
        "h",
        "Yes. Whole families left Timbuktu in the last few days because they feared exactly "
        "that. Reconciliation has to start now, not after the elections.",
        86,
    ),
    (
        "j",
        "sam@example.com",
        "h",
        "Human rights groups are already documenting cases. Good that the article names it "
        "at all; many reports this week did not.",
        93,
    ),
    (
        "k",
        "george@example.com",
        "j",
        "Documenting is one thing, prosecuting another. Who would try a soldier in Mali today?",
        110,
    ),
    (
        "l",
        "sam@example.com",
        None,
        "Interesting that Japan is the largest donor. Does anyone know why? It is not a "
        "country I associate with the Sahel.",
        150,
    ),
    (
        "m",
        "amina@example.com",
        "l",
        "Japan has funded development in West Africa for years, and the hostage crisis at the "
        "gas plant in Algeria killed Japanese workers this month. Stability in the region "
        "matters to them.",
        164,
    ),
    (
        "n",
        "lucie@example.com",
        None,
        "Elections by the end of July sounds very quick to me. Half the north is displaced; "
        "how do you register voters who live in a camp in Mauritania?",
        190,
    ),
    (
        "o",
        "kwame@example.com",
        "n",
        "It has been done elsewhere, with polling stations in the camps. Slow and imperfect, "
        "but better than another year without an elected government.",
        205,
    ),
    (
        "p",
        "george@example.com",
        "o",
        "Imperfect elections gave us some of the problems in the first place. I would rather "
        "wait six months and do it properly.",
        221,
    ),
    (
        "q",
        "sam@example.com",
        None,
        "Good to see the manuscripts story followed up. The first reports said everything had "
        "burned.",
        240,
    ),
    ("r", "george@example.com", None, "This comment was deleted by its author.", 262),
    (
        "s",
        "amina@example.com",
        None,
        "A question for the desk: will there be a report from Kidal? Everyone writes about "
        "Timbuktu and Gao, but Kidal is where the next months will be decided.",
        300,
    ),
    (
        "t",
        "lucie@example.com",
        "s",
        "Seconded. And from the camps across the border, in the refugees' own words.",
        318,
    ),
]
FLAGSHIP = "we-are-winning-in-mali"


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
    """Each thread once: a story that already has published comments is left as it is."""
    post = BlogPostPage.objects.filter(slug=BLOG_POST).first()
    if post is not None and not Comment.objects.filter(page=post).exists():
        load_thread(post, BLOG_THREAD, featured="g", deleted="h", stdout=stdout)
        load_queue(stdout)
    article = ArticlePage.objects.filter(slug=FLAGSHIP, locale__language_code="en").first()
    published = Comment.objects.filter(page=article, status=Comment.Status.PUBLISHED)
    if article is not None and not published.exists():
        load_thread(article, FLAGSHIP_THREAD, featured="m", deleted="r", stdout=stdout)


def load_queue(stdout):
    """Comments for the moderation queue, posted as readers post them: screening holds them."""
    users = {user.email: user for user in get_user_model().objects.all()}
    for email, slug, text in FOR_THE_QUEUE:
        page = ArticlePage.objects.filter(slug=slug, locale__language_code="en").first()
        if page is None:
            continue
        try:
            post_comment(author=users[email], page=page, body=text)
        except ValidationError as refusal:  # a cache kept from an earlier database
            stdout.write(f"Not queued ({refusal.messages[0]}): {text[:40]}…")
    stdout.write(f"Moderation queue loaded: {len(FOR_THE_QUEUE)} screened comments.")


def load_thread(page, thread, *, featured, deleted, stdout):
    """The thread as its readers wrote it, at the times they wrote it, through the actions."""
    users = {user.email: user for user in get_user_model().objects.all()}
    editor = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
    made = {}
    for key, email, parent_key, text, minutes in thread:
        made[key] = place_comment(
            author=users[email],
            page=page,
            body=text,
            parent=made.get(parent_key),
            posted_at=page.first_published_at + timedelta(minutes=minutes),
        )
    set_featured(made[featured], actor=editor)
    delete_comment(made[deleted], actor=made[deleted].author)
    stdout.write(f"Demo thread loaded: {len(made)} comments on “{page.title}”.")
