"""The CMS as editors use it: every demo page saves, editors publish, nothing loads from elsewhere."""

import importlib
import re

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.blocks.base import BlockField
from wagtail.documents.models import Document
from wagtail.models import Page

from dateline.newsroom.blocks import VideoBlock
from dateline.newsroom.models import ArticlePage

pytestmark = pytest.mark.django_db

FLAGSHIP = "we-are-winning-in-mali"


@pytest.fixture
def admin():
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def editor():
    return get_user_model().objects.get(username="editor")


def flatten_block(block, state, prefix, data):
    """A block's form state as the inputs the editor's script would post."""
    if isinstance(block, (StreamBlock, ListBlock)):
        data[f"{prefix}-count"] = len(state)
        for index, child in enumerate(state):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = index
            data[f"{prefix}-{index}-id"] = child.get("id") or ""
            if isinstance(block, StreamBlock):
                data[f"{prefix}-{index}-type"] = child["type"]
                child_block = block.child_blocks[child["type"]]
            else:
                child_block = block.child_block
            flatten_block(child_block, child["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            flatten_block(child_block, state[name], f"{prefix}-{name}", data)
    elif isinstance(state, dict):  # a chooser: its state describes the chosen object
        data[prefix] = state["id"]
    else:
        data[prefix] = "" if state is None else state


def form_fields_data(form, data):
    for name, field in form.fields.items():
        key, value = form.add_prefix(name), form[name].value()
        if isinstance(field, BlockField):
            flatten_block(field.block, field.block.get_form_state(value), key, data)
        elif isinstance(field.widget, DraftailRichTextArea):
            data[key] = field.widget.format_value(value)
        elif isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(value, (list, tuple)):
            data[key] = [str(item) for item in value]
        else:
            data[key] = "" if value is None else value


def edit_form_data(page, user):
    """What the page's edit form holds when it opens, as the browser would post it back."""
    latest = page.get_latest_revision_as_object()
    form_class = latest.get_edit_handler().get_form_class()
    form = form_class(instance=latest, for_user=user, parent_page=page.get_parent())
    data = {}
    form_fields_data(form, data)
    for formset in form.formsets.values():
        form_fields_data(formset.management_form, data)
        for child in formset.forms:
            form_fields_data(child, data)
    return data


def live_demo_pages():
    """Every live page an editor opens (an alias is edited through the page it mirrors)."""
    pages = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
    return list(pages.specific().order_by("path"))


def test_every_demo_page_saves_unchanged(client, admin):
    client.force_login(admin)
    pages = live_demo_pages()
    assert len(pages) >= 20
    for page in pages:
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert client.get(url).status_code == 200, page.url_path
        response = client.post(url, edit_form_data(page, admin))
        if response.status_code != 302:
            form = response.context["form"]
            errors = {**form.errors, "formsets": [f.errors for f in form.formsets.values()]}
            pytest.fail(f"{page.url_path} did not save: {errors}")


def test_editor_publishes_the_flagship_from_the_cms(client, editor):
    article = ArticlePage.objects.get(slug=FLAGSHIP, locale__language_code="en")
    arabic = article.get_translations().get()
    assert article.permissions_for_user(editor).can_publish()
    assert arabic.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    data = edit_form_data(article, editor)
    data["title"] = "French leader says the campaign in Mali is being won, for now"
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title.endswith("for now") and not article.has_unpublished_changes


# What a browser fetches by itself: sources, stylesheets, form targets, CSS urls, and the
# addresses the admin's scripts are told to call. Links an editor may click are not calls.
FETCHED = re.compile(
    r"""(?:\b(?:src|srcset|action|data-[\w-]*-url-value)\s*=\s*["']|<link\b[^>]*\bhref=["']|url\(\s*["']?)"""
    r"""(?:https?:)?//([^/"'\s>)]+)""",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "path",
    [
        "/cms/",
        "/cms/pages/",
        "/cms/pages/{flagship}/",
        "/cms/pages/{flagship}/edit/",
        "/cms/account/",
        "/cms/users/",
        "/cms/images/",
        "/cms/documents/",
    ],
)
def test_cms_pages_call_no_other_site(client, admin, path):
    flagship = ArticlePage.objects.get(slug=FLAGSHIP, locale__language_code="en")
    client.force_login(admin)
    response = client.get(path.format(flagship=flagship.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    hosts = set(FETCHED.findall(html)) - {"testserver"}
    assert hosts == set(), path


def test_dashboard_does_not_ask_for_new_releases(client, admin):
    """The release check on an administrator's dashboard would ask another server."""
    client.force_login(admin)
    assert "w-upgrade" not in client.get("/cms/").content.decode()


def video(**fields):
    return VideoBlock().to_python({"title": "Clip", "duration": "", **fields})


def test_a_video_is_a_file_or_an_embed_url_never_a_site_path():
    block = VideoBlock()
    clip = Document.objects.first()
    assert block.clean(video(file=clip.pk))["file"] == clip
    assert block.clean(video(embed_url="https://video.example/watch/1"))["embed_url"]
    for fields in ({}, {"file": clip.pk, "embed_url": "https://video.example/watch/1"}):
        with pytest.raises(ValidationError):
            block.clean(video(**fields))
    with pytest.raises(ValidationError):
        block.clean(video(embed_url="/africa/gao-celebrates/"))
    with pytest.raises(ValidationError):
        block.clean(video(file=clip.pk, duration="two minutes"))


def test_old_related_videos_become_story_links_and_back():
    migration = importlib.import_module("dateline.newsroom.migrations.0005_videos_hold_videos")
    gao = ArticlePage.objects.get(slug="gao-celebrates", locale__language_code="en")
    old = [
        {"type": "video", "id": "a", "value": {"title": "Gao", "url": "/africa/gao-celebrates/"}},
        {"type": "video", "id": "b", "value": {"title": "Far", "url": "https://v.example/1"}},
        {"type": "video", "id": "c", "value": {"title": "Lost", "url": "/no/such/page/"}},
    ]
    new = migration.convert(apps, old, "related_videos", forwards=True)
    assert [item["type"] for item in new] == ["story", "video"]
    assert new[0]["value"] == {"page": gao.pk, "label": "Gao"}
    assert new[1]["value"]["embed_url"] == "https://v.example/1"
    back = migration.convert(apps, new, "related_videos", forwards=False)
    assert [item["value"]["url"] for item in back] == [
        "/africa/gao-celebrates/",
        "https://v.example/1",
    ]
    in_body = migration.convert(apps, old[:1], "body", forwards=True)
    assert in_body[0]["type"] == "related_story"


def test_videos_from_the_library_survive_a_migration_back_and_forth():
    migration = importlib.import_module("dateline.newsroom.migrations.0005_videos_hold_videos")
    article = ArticlePage.objects.get(slug=FLAGSHIP, locale__language_code="en")
    stored = list(article.related_videos.raw_data)
    back = migration.convert(apps, stored, "related_videos", forwards=False)
    assert migration.convert(apps, back, "related_videos", forwards=True) == stored
