"""Build the demo newsroom: four sections, a topic hub, articles, a blog, an Arabic edition.

Called by `dateline demo`; the pages are made once, when the demo home page does not exist
yet. The editors' right to publish is checked on every run, so older demo sites get it too.
"""

import io
import math
import random
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import GroupPagePermission, Locale, Page, Site

from . import demo_content as content
from .models import (
    ArticlePage,
    Author,
    BlogIndexPage,
    BlogPostPage,
    HomePage,
    SectionPage,
    TopicPage,
)

VIDEO_FOLDER = Path(__file__).parent / "data" / "demo"
WIDTH, HEIGHT = 1200, 800
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def load(stdout):
    english = Locale.get_default()
    if HomePage.objects.filter(locale=english).exists():
        stdout.write("Demo newsroom already loaded.")
    else:
        load_pages(stdout)
    let_editors_publish()


@transaction.atomic
def load_pages(stdout):
    home = replace_welcome_page()
    authors = {a["slug"]: Author.objects.create(**a) for a in content.AUTHORS}
    images = {key: draw_image(key, *details) for key, *details in content.IMAGES}
    files = {key: add_video_file(name, title) for key, name, title in content.VIDEO_FILES}
    videos = {
        key: {
            "title": title,
            "file": files[file_key],
            "embed_url": "",
            "poster": images[poster],
            "duration": duration,
        }
        for key, (title, file_key, poster, duration) in content.VIDEOS.items()
    }
    sections = {
        s["slug"]: publish_child(
            home, SectionPage(title=s["title"], slug=s["slug"], intro=s["intro"])
        )
        for s in content.SECTIONS
    }
    topic = publish_child(home, TopicPage(**content.TOPIC))

    articles = {}
    media = {"authors": authors, "images": images, "videos": videos}
    for story in content.ARTICLES:
        articles[story["slug"]] = add_article(story, sections, topic, media, articles)

    blog = publish_child(home, BlogIndexPage(**content.BLOG))
    for post in content.BLOG_POSTS:
        page = BlogPostPage(
            title=post["title"],
            slug=post["slug"],
            lead_image=images[post["image"]],
            lead_image_caption=post["image_caption"],
            lead_image_credit=post["image_credit"],
            body=paragraph_blocks(post["paragraphs"]),
            contributors=post.get("contributors", ""),
        )
        page.bylines = [authors[slug] for slug in post["bylines"]]
        publish_child(blog, page, published=post["published"])

    for story in content.ARTICLES:
        if "translation" in story:
            translate_to_arabic(articles[story["slug"]], story["translation"])

    create_staff(stdout)
    stdout.write(
        f"Demo newsroom loaded: {len(articles)} articles in {len(sections)} sections, "
        f"{len(content.BLOG_POSTS)} blog posts."
    )


def replace_welcome_page():
    """Put the demo home page where the CMS's placeholder page was."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().filter(content_type__model="page"):
        if not placeholder.get_children().exists():
            placeholder.delete()
    home = HomePage(title="dateline", slug="home", intro="News, with a discussion worth reading.")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "dateline"},
    )
    return home


def publish_child(parent, page, published=None, updated=None):
    parent.add_child(instance=page)
    page.save_revision().publish()
    if published:
        backdate(page, published, updated)
    return page


def backdate(page, published, updated=None):
    """Give a demo page the publication times of the story it tells."""
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=published,
        last_published_at=updated or published,
        latest_revision_created_at=updated or published,
    )
    page.refresh_from_db()


def paragraph_blocks(paragraphs):
    """Rich text blocks; a paragraph written as "## Heading" is a subheading."""
    return [
        ("paragraph", f"<h2>{text[3:]}</h2>" if text.startswith("## ") else f"<p>{text}</p>")
        for text in paragraphs
    ]


def add_article(story, sections, topic, media, earlier):
    images, videos = media["images"], media["videos"]
    body = paragraph_blocks(story["paragraphs"])
    # "READ:" links every few blocks, to stories published before this one.
    for offset, slug in enumerate(story.get("related", [])):
        position = min(len(body), 2 + offset * 4)
        body.insert(position, ("related_story", {"page": earlier[slug], "label": ""}))
    if "video" in story:
        body.insert(min(len(body), 9), ("video", videos[story["video"]]))
    if "gallery" in story:
        gallery = story["gallery"]
        credit = story.get("image_credit", "dateline")
        items = [
            {"image": images[key], "caption": caption, "credit": credit}
            for key, caption in gallery["images"]
        ]
        body.insert(min(len(body), 4), ("gallery", {"title": gallery["title"], "images": items}))
    page = ArticlePage(
        title=story["title"],
        slug=story["slug"],
        standfirst=story["standfirst"],
        source=story.get("source", "dateline"),
        dateline=story["dateline"],
        highlights="\n".join(story["highlights"]),
        lead_image=images[story["image"]],
        lead_image_caption=story.get("image_caption", ""),
        lead_image_credit=story.get("image_credit", ""),
        body=body,
        contributors=story.get("contributors", ""),
        related_videos=[("video", videos[key]) for key in story.get("videos", [])],
    )
    page.bylines = [media["authors"][slug] for slug in story["bylines"]]
    if story.get("topic", True):
        page.topics = [topic]
    publish_child(sections[story["section"]], page)
    add_new_highlight(page, story)
    backdate(page, story["published"], story.get("updated"))
    return page


def add_new_highlight(page, story):
    """An update after first publication: the added highlight is shown as NEW."""
    if "new_highlight" in story:
        page.highlights = "\n".join([story["new_highlight"], *story["highlights"]])
        page.save_revision().publish()


def translate_to_arabic(article, translation):
    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    page = article.copy_for_translation(arabic, copy_parents=True)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    page.title = translation["title"]
    page.standfirst = translation["standfirst"]
    page.highlights = "\n".join(translation["highlights"])
    page.body = paragraph_blocks(translation["paragraphs"])
    page.related_videos = []
    page.contributors = ""
    page.lead_image_caption = ""
    page.lead_image_credit = ""
    page.save_revision().publish()
    add_new_highlight(page, translation)
    backdate(page, article.first_published_at, article.last_published_at)
    return page


def add_video_file(name, title):
    """A short clip shipped with the demo, placed in the documents library."""
    with (VIDEO_FOLDER / name).open("rb") as handle:
        return Document.objects.create(title=title, file=File(handle, name=f"demo-{name}"))


def hex_colour(text):
    return tuple(int(text[i : i + 2], 16) for i in (1, 3, 5))


def shade(colour, amount):
    return tuple(max(0, min(255, round(c + amount))) for c in colour)


def draw_image(key, title, scene, sky, ground):
    """A picture with no words in it, standing in for a news photograph: sky, light, a scene."""
    top, bottom = (hex_colour(c) for c in sky)
    gradient = PILImage.new("RGB", (1, 256))
    gradient.putdata(
        [
            tuple(round(a + (b - a) * y / 255) for a, b in zip(top, bottom, strict=True))
            for y in range(256)
        ]
    )
    picture = gradient.resize((WIDTH, HEIGHT))
    draw = ImageDraw.Draw(picture)
    rng = random.Random(key)
    horizon = round(HEIGHT * rng.uniform(0.5, 0.62))
    if scene != "hall":
        sun_x = rng.uniform(0.15, 0.85) * WIDTH
        draw.ellipse([sun_x - 60, 90, sun_x + 60, 210], fill=(255, 240, 205))
    land = hex_colour(ground)
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=land)
    SCENES[scene](draw, rng, horizon, land)
    # Film grain, drawn at half size and scaled up so that it also softens the edges.
    grain = PILImage.effect_noise((WIDTH // 2, HEIGHT // 2), 24).convert("RGB")
    picture = PILImage.blend(picture, grain.resize((WIDTH, HEIGHT)), 0.07)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"demo-{key}.jpg"), width=WIDTH, height=HEIGHT
    )


def draw_river(draw, rng, horizon, land):
    water = (70, 110, 140)
    draw.rectangle([0, horizon + 60, WIDTH, HEIGHT - 140], fill=water)
    for _ in range(90):
        x, y = rng.uniform(0, WIDTH), rng.uniform(horizon + 70, HEIGHT - 150)
        draw.line([(x, y), (x + rng.uniform(20, 90), y)], fill=shade(water, 60), width=2)
    for x in range(0, WIDTH, 22):
        size = rng.uniform(14, 34)
        draw.ellipse([x, horizon - size, x + size * 1.6, horizon + 8], fill=shade(land, -40))
    for _ in range(3):
        x, y = rng.uniform(100, WIDTH - 200), rng.uniform(horizon + 100, HEIGHT - 200)
        draw.polygon([(x, y), (x + 150, y), (x + 125, y + 18), (x + 20, y + 18)], fill=(60, 40, 30))


def draw_mosque(draw, rng, horizon, land):
    wall = shade(land, 10)
    base = horizon + 40
    draw.rectangle([260, base - 200, 940, base], fill=wall)
    for x, height in ((300, 330), (600, 380), (860, 300)):
        draw.polygon(
            [
                (x - 50, base - 190),
                (x + 50, base - 190),
                (x + 30, base - height),
                (x - 30, base - height),
            ],
            fill=shade(wall, -12),
        )
        for y in range(base - height + 30, base - 190, 40):
            draw.line([(x - 45, y), (x + 45, y)], fill=shade(wall, -50), width=5)
    for x in range(290, 930, 60):
        draw.rectangle([x, base - 80, x + 22, base - 20], fill=shade(wall, -70))


def draw_convoy(draw, rng, horizon, land):
    for layer in range(3):
        colour = shade(land, -20 * layer)
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 20, 20):
            wave = math.sin(x / (140 + layer * 60) + layer) * (25 + layer * 10)
            points.append((x, horizon + layer * 70 + wave))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=colour)
    road = horizon + 180
    draw.rectangle([0, road, WIDTH, road + 40], fill=shade(land, -60))
    for n in range(6):
        x = 80 + n * 180 + rng.uniform(-20, 20)
        draw.rectangle([x, road - 40, x + 120, road + 5], fill=(85, 90, 75))
        draw.rectangle([x + 70, road - 65, x + 110, road - 40], fill=(75, 80, 65))
        for wheel in (x + 20, x + 90):
            draw.ellipse([wheel - 14, road - 5, wheel + 14, road + 23], fill=(30, 30, 30))


def draw_market(draw, rng, horizon, land):
    colours = [(200, 60, 50), (230, 180, 40), (40, 120, 90), (60, 90, 170), (210, 110, 40)]
    for x in range(0, WIDTH, 150):
        colour = rng.choice(colours)
        draw.rectangle([x + 10, horizon - 60, x + 140, horizon + 70], fill=shade(land, -30))
        draw.polygon(
            [(x, horizon - 60), (x + 150, horizon - 60), (x + 75, horizon - 120)], fill=colour
        )
    for _ in range(40):
        x, y = rng.uniform(0, WIDTH), rng.uniform(horizon + 120, HEIGHT - 30)
        cloth = rng.choice(colours)
        draw.ellipse([x - 11, y - 60, x + 11, y - 38], fill=(70, 45, 30))
        draw.rectangle([x - 16, y - 38, x + 16, y + 20], fill=cloth)


def draw_hall(draw, rng, horizon, land):
    for row in range(4):
        y = horizon + 20 + row * 70
        draw.rectangle(
            [60 - row * 20, y, WIDTH - 60 + row * 20, y + 28], fill=shade(land, row * 12)
        )
        for x in range(90 - row * 20, WIDTH - 80 + row * 20, 70):
            draw.ellipse([x, y - 34, x + 26, y - 8], fill=(60, 45, 35))
            draw.rectangle([x - 4, y - 10, x + 30, y], fill=(40, 50, 70))
    for x in range(150, WIDTH - 100, 180):
        draw.rectangle([x, 120, x + 8, horizon - 20], fill=(180, 170, 150))
        draw.rectangle(
            [x + 8, 120, x + 70, 170],
            fill=rng.choice([(30, 110, 60), (200, 160, 40), (40, 80, 160)]),
        )


def draw_camp(draw, rng, horizon, land):
    for row in range(4):
        y = horizon + 40 + row * 80
        for x in range(-40 + row * 35, WIDTH, 160):
            size = 60 + row * 14
            tent = shade((235, 230, 215), -rng.uniform(0, 30))
            draw.polygon(
                [(x, y + size * 0.6), (x + size, y - size * 0.4), (x + size * 2, y + size * 0.6)],
                fill=tent,
            )
            draw.polygon(
                [(x + size * 0.8, y + size * 0.6), (x + size, y), (x + size * 1.2, y + size * 0.6)],
                fill=(90, 70, 55),
            )


def draw_airfield(draw, rng, horizon, land):
    draw.polygon([(420, horizon), (780, horizon), (1100, HEIGHT), (100, HEIGHT)], fill=(70, 72, 75))
    for y in range(horizon + 20, HEIGHT, 60):
        draw.rectangle([592, y, 608, y + 30], fill=(230, 230, 220))
    body = (200, 200, 205)
    draw.ellipse([250, horizon - 10, 950, horizon + 90], fill=body)
    draw.polygon(
        [(520, horizon + 30), (700, horizon + 30), (860, horizon - 80), (800, horizon - 80)],
        fill=shade(body, -25),
    )
    draw.polygon(
        [(880, horizon + 10), (950, horizon + 20), (980, horizon - 90), (940, horizon - 90)],
        fill=shade(body, -40),
    )


def draw_mine(draw, rng, horizon, land):
    for step in range(7):
        inset = step * 70
        draw.ellipse(
            [inset - 100, horizon + 20 + step * 38, WIDTH - inset + 100, HEIGHT + 260 - step * 30],
            fill=shade(land, -step * 12),
        )
    for _ in range(5):
        x, y = rng.uniform(200, WIDTH - 300), rng.uniform(horizon + 80, HEIGHT - 120)
        draw.rectangle([x, y, x + 70, y + 30], fill=(225, 170, 40))
        draw.ellipse([x + 5, y + 22, x + 25, y + 42], fill=(30, 30, 30))
        draw.ellipse([x + 45, y + 22, x + 65, y + 42], fill=(30, 30, 30))


def draw_field(draw, rng, horizon, land):
    for row in range(horizon + 10, HEIGHT, 28):
        draw.line([(0, row), (WIDTH, row + rng.uniform(-6, 6))], fill=shade(land, -25), width=10)
        for _ in range(26):
            x = rng.uniform(0, WIDTH)
            draw.ellipse([x, row - 10, x + 9, row - 1], fill=(248, 246, 238))
    for x in range(0, WIDTH, 130):
        size = rng.uniform(40, 80)
        draw.ellipse([x, horizon - size, x + size * 1.4, horizon + 10], fill=shade(land, -35))


def draw_delta(draw, rng, horizon, land):
    for _ in range(18):
        x, y = rng.uniform(-100, WIDTH), rng.uniform(horizon, HEIGHT)
        w, h = rng.uniform(120, 380), rng.uniform(30, 90)
        draw.ellipse([x, y, x + w, y + h], fill=(96, 140, 170))
    for _ in range(60):
        x, y = rng.uniform(0, WIDTH), rng.uniform(horizon, HEIGHT)
        draw.line(
            [(x, y), (x + rng.uniform(-6, 6), y - rng.uniform(10, 30))],
            fill=shade(land, 30),
            width=3,
        )


def draw_solar(draw, rng, horizon, land):
    for row in range(horizon + 120, HEIGHT, 50):
        draw.rectangle([0, row, WIDTH, row + 22], fill=shade(land, 25))
    for n in range(4):
        x = 140 + n * 230
        y = horizon - 40
        draw.polygon(
            [(x, y + 110), (x + 200, y + 110), (x + 170, y), (x + 30, y)], fill=(35, 70, 130)
        )
        for k in range(1, 4):
            draw.line(
                [(x + 30 - 8 * k + 50 * k, y), (x + 50 * k, y + 110)], fill=(150, 180, 220), width=2
            )
        draw.line([(x + 100, y + 110), (x + 100, y + 160)], fill=(120, 120, 120), width=6)
    draw.rectangle([1000, horizon + 10, 1120, horizon + 100], fill=(160, 160, 155))


SCENES = {
    "river": draw_river,
    "mosque": draw_mosque,
    "convoy": draw_convoy,
    "market": draw_market,
    "hall": draw_hall,
    "camp": draw_camp,
    "airfield": draw_airfield,
    "mine": draw_mine,
    "field": draw_field,
    "delta": draw_delta,
    "solar": draw_solar,
}


def create_staff(stdout):
    """An administrator and an editor, with passwords printed once."""
    User = get_user_model()
    lines = []
    for username, name, is_superuser in (
        ("admin", "Site Admin", True),
        ("editor", "Desk Editor", False),
    ):
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@dateline.invalid",
            password=password,
            display_name=name,
            is_staff=True,
            is_superuser=is_superuser,
        )
        if not is_superuser:
            user.groups.add(Group.objects.get(name="Editors"))
        lines.append(f"  {username} / {password}")
    if lines:
        stdout.write(
            "Staff accounts for /cms/ (shown once; change them with `dateline changepassword`). "
            "The editor writes, edits and publishes stories in every edition; the admin also "
            "manages users and settings:"
        )
        for line in lines:
            stdout.write(line)


def let_editors_publish():
    """The Editors group may write, edit and publish under every edition's home page."""
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
    )
    for home in HomePage.objects.all():
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=home, permission=permission
            )
