"""The demo reads like a newsroom: full stories in four sections, pictures with captions and
credits, a video that plays, a lively thread on the flagship, a blog index with bylines."""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags
from PIL import Image as Picture
from wagtail.images.models import Image
from wagtail.models import Page

from dateline.comments.models import Comment
from dateline.newsroom.models import ArticlePage, HomePage, SectionPage

pytestmark = pytest.mark.django_db

FLAGSHIP = "/world/we-are-winning-in-mali/"


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def body_words(page):
    text = " ".join(
        strip_tags(block.value.source) for block in page.body if block.block_type == "paragraph"
    )
    return len(text.split())


def english_articles():
    return ArticlePage.objects.live().filter(locale__language_code="en")


def flagship():
    return ArticlePage.objects.get(slug="we-are-winning-in-mali", locale__language_code="en")


def test_every_article_runs_500_to_1000_words_with_highlights_byline_and_dateline():
    articles = list(english_articles())
    assert len(articles) >= 12
    for article in articles:
        assert 500 <= body_words(article) <= 1000, (article.slug, body_words(article))
        assert 3 <= len(article.highlight_lines(article.highlights)) <= 5, article.slug
        assert article.bylines.exists() and article.dateline, article.slug


def test_four_sections_each_with_stories(client):
    home = HomePage.objects.get(locale__language_code="en")
    sections = SectionPage.objects.live().child_of(home)
    assert [s.slug for s in sections] == ["africa", "world", "business", "science"]
    front = html(client, "/")
    for section in sections:
        assert english_articles().child_of(section).count() >= 2, section.slug
        assert f'aria-label="Latest in {section.title}"' in front


def test_updates_are_marked_new_on_more_than_the_flagship(client):
    updated = [a for a in english_articles() if any(new for _, new in a.highlight_items)]
    assert len(updated) >= 3
    page = html(client, updated[0].url)
    assert '<strong class="new-mark">NEW:</strong>' in page and "Updated" in page


def test_pictures_carry_captions_and_credits_under_them(client):
    for article in english_articles():
        page = html(client, article.url)
        lead = re.search(r'<figure class="lead-figure">.*?</figure>', page, re.S).group(0)
        caption = re.search(r"<figcaption>(.*?)</figcaption>", lead, re.S).group(1)
        assert article.lead_image_caption in unescape(caption)
        assert '<span class="credit">Photo: dateline/' in caption, article.slug
    gallery = re.search(r'<section class="gallery".*?</section>', html(client, FLAGSHIP), re.S)
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", gallery.group(0), re.S)
    assert len(captions) == 4
    assert all('<span class="credit">Photo: ' in caption for caption in captions)


def test_demo_pictures_are_photographs_not_labels():
    """Real pictures fill the frame with colour: no black caption band along the bottom."""
    for image in Image.objects.all():
        with image.open_file() as handle:
            picture = Picture.open(handle).convert("L")
            width, height = picture.size
            band = picture.crop((0, height - 100, width, height)).resize((1, 1)).getpixel((0, 0))
            assert band > 40, image.title


def test_flagship_video_plays_from_the_site(client):
    page = html(client, FLAGSHIP)
    sources = re.findall(r'<video controls preload="none" src="([^"]+)"', page)
    assert len(sources) == 3  # one in the story, two related videos
    assert 'poster="' in page
    assert 'Gao celebrates its liberation</a> <span class="video__duration">(0:08)' in page
    response = client.get(sources[0])
    assert response.status_code == 200
    assert response["Content-Type"] == "video/webm"
    assert b"".join(response.streaming_content)[:4] == b"\x1a\x45\xdf\xa3"  # a WebM file


def test_related_videos_are_videos_not_stories():
    for article in english_articles():
        for item in article.related_videos:
            assert item.block_type == "video"
            assert item.value["file"] or item.value["embed_url"].startswith("https://")


def test_flagship_has_a_lively_thread():
    comments = Comment.objects.filter(page=flagship(), status=Comment.Status.PUBLISHED)
    assert 15 <= comments.count() <= 30
    assert comments.filter(depth=2).exists()
    assert comments.filter(is_featured=True).count() == 1
    assert comments.values("author").distinct().count() >= 5
    assert Comment.objects.filter(page=flagship(), status=Comment.Status.DELETED).count() == 1


def test_flagship_page_shows_the_thread(client):
    page = html(client, FLAGSHIP)
    count = Comment.objects.filter(page=flagship(), status=Comment.Status.PUBLISHED).count()
    assert f"{count + 1} Responses" in page or f"{count} Responses" in page


def test_blog_index_shows_excerpts_and_bylines(client):
    page = html(client, "/security-brief/")
    items = re.findall(r"<li><h3>.*?</li>", page, re.S)
    assert len(items) == 2
    for item in items:
        assert 'By <a href="/authors/daniel-brennan/">Daniel Brennan</a>' in item
    assert "A senior French official told us this week" in page  # each post's opening
    assert "The African-led mission is supposed to take over" in page


def test_arabic_flagship_is_a_full_article_with_highlights(client):
    arabic = flagship().get_translations().get()
    assert body_words(arabic) >= 500
    assert len(arabic.highlight_lines(arabic.highlights)) == 4
    assert [new for _, new in arabic.highlight_items] == [True, False, False, False]
    page = html(client, arabic.url)
    assert "المانحون يتعهدون" in page and page.count("<h2>") >= 4


def test_loading_the_demo_again_changes_nothing():
    counts = (Page.objects.count(), Comment.objects.count(), Image.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Page.objects.count(), Comment.objects.count(), Image.objects.count()) == counts
