"""Build the demo newsroom: sections, a topic hub, articles, a blog, an Arabic edition.

Called by `dateline demo`; does nothing when the demo home page already exists.
"""

import io
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

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

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def load(stdout):
    english = Locale.get_default()
    if HomePage.objects.filter(locale=english).exists():
        stdout.write("Demo newsroom already loaded.")
        return
    home = replace_welcome_page()
    authors = {a["slug"]: Author.objects.create(**a) for a in content.AUTHORS}
    images = {key: draw_image(key, title, colours) for key, title, colours in content.IMAGES}
    sections = {
        s["slug"]: publish_child(
            home, SectionPage(title=s["title"], slug=s["slug"], intro=s["intro"])
        )
        for s in content.SECTIONS
    }
    topic = publish_child(home, TopicPage(**content.TOPIC))

    articles = {}
    for story in content.ARTICLES:
        articles[story["slug"]] = add_article(story, sections, topic, authors, images, articles)

    blog = publish_child(home, BlogIndexPage(**content.BLOG))
    for post in content.BLOG_POSTS:
        page = BlogPostPage(
            title=post["title"],
            slug=post["slug"],
            lead_image=images[post["image"]],
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
        f"Demo newsroom loaded: {len(articles)} articles, {len(content.BLOG_POSTS)} blog posts."
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
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


def add_article(story, sections, topic, authors, images, earlier):
    body = paragraph_blocks(story["paragraphs"])
    # A "READ:" link after every second paragraph, to stories published before this one.
    for offset, slug in enumerate(story.get("related", [])):
        position = min(len(body), 2 + offset * 3)
        body.insert(position, ("related_story", {"page": earlier[slug], "label": ""}))
    if "gallery" in story:
        gallery = story["gallery"]
        body.insert(
            min(len(body), 4),
            (
                "gallery",
                {
                    "title": gallery["title"],
                    "images": [
                        {"image": images[key], "caption": caption, "credit": "dateline"}
                        for key, caption in gallery["images"]
                    ],
                },
            ),
        )
    page = ArticlePage(
        title=story["title"],
        slug=story["slug"],
        standfirst=story["standfirst"],
        source=story.get("source", "dateline"),
        dateline=story["dateline"],
        highlights="\n".join(story["highlights"]),
        lead_image=images[story["image"]],
        body=body,
        contributors=story.get("contributors", ""),
        related_videos=[
            ("video", {"title": title, "url": earlier[slug].url, "duration": duration})
            for title, slug, duration in story.get("videos", [])
        ],
    )
    page.bylines = [authors[slug] for slug in story["bylines"]]
    page.topics = [topic]
    publish_child(sections[story["section"]], page)
    if "new_highlight" in story:
        # An update after first publication: the added highlight is shown as NEW.
        page.highlights = "\n".join([story["new_highlight"], *story["highlights"]])
        page.save_revision().publish()
    backdate(page, story["published"], story.get("updated"))
    return page


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
    page.save_revision().publish()
    backdate(page, article.first_published_at, article.last_published_at)
    return page


def draw_image(key, title, colours):
    """A simple gradient picture with its title, standing in for a news photograph."""
    width, height = 1200, 800
    top, bottom = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colours)
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / (height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    draw.ellipse([width * 0.62, height * 0.12, width * 0.82, height * 0.42], fill=(255, 244, 214))
    try:
        font = ImageFont.truetype(FONT, 46)
    except OSError:
        font = ImageFont.load_default()
    draw.rectangle([0, height - 110, width, height], fill=(0, 0, 0))
    draw.text((40, height - 85), title, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"demo-{key}.jpg"), width=width, height=height
    )


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
            "Staff accounts for /cms/ (shown once; change them with `dateline changepassword`):"
        )
        for line in lines:
            stdout.write(line)
