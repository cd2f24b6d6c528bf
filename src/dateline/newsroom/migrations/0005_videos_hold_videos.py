"""Video blocks held a URL field that editors filled with site paths, so a "video" opened a
text story and the page could not be saved. A site path becomes a link to its story; a
full address becomes the video's embed URL. Backwards, both become a URL again."""

import json
import re

from django.db import migrations

DOCUMENT_PATH = re.compile(r"^/documents/(\d+)/")

STORY_MODELS = ("articlepage", "blogpostpage")


def site_roots(apps):
    Site = apps.get_model("wagtailcore", "Site")
    return [site.root_page.url_path for site in Site.objects.select_related("root_page")]


def page_for_path(apps, path):
    """The id of the page a site path shows, on any site; None when none does."""
    Page = apps.get_model("wagtailcore", "Page")
    tail = path.strip("/")
    for root in site_roots(apps):
        url_path = root + (tail + "/" if tail else "")
        page = Page.objects.filter(url_path=url_path).values_list("pk", flat=True).first()
        if page is not None:
            return page
    return None


def path_for_page(apps, page_id):
    Page = apps.get_model("wagtailcore", "Page")
    url_path = Page.objects.filter(pk=page_id).values_list("url_path", flat=True).first()
    if url_path is None:
        return None
    for root in site_roots(apps):
        if url_path.startswith(root):
            return "/" + url_path.removeprefix(root)
    return None


def video_forward(apps, item, story_type):
    """One old video block as a video (a library file or an embed URL), a story link, or
    nothing (a site path that leads nowhere)."""
    value = item["value"]
    url = value.get("url") or ""
    document = DOCUMENT_PATH.match(url)
    if url.startswith("/") and not document:
        page = page_for_path(apps, url)
        if page is None:
            return None
        label = value.get("title") or ""
        return {"type": story_type, "value": {"page": page, "label": label}, "id": item.get("id")}
    new = {
        "title": value.get("title") or "",
        "file": int(document.group(1)) if document else None,
        "embed_url": "" if document else url,
        "poster": value.get("poster"),
        "duration": value.get("duration") or "",
    }
    return {"type": "video", "value": new, "id": item.get("id")}


def video_backward(apps, item):
    value = item["value"]
    url = value.get("embed_url") or ""
    if not url and value.get("file"):
        url = f"/documents/{value['file']}/"
    old = {
        "title": value.get("title") or "",
        "url": url,
        "poster": value.get("poster"),
        "duration": value.get("duration") or "",
    }
    return {"type": "video", "value": old, "id": item.get("id")}


def forward_stream(apps, items, story_type):
    converted = []
    for item in items:
        if item.get("type") == "video" and "url" in item.get("value", {}):
            item = video_forward(apps, item, story_type)
        if item is not None:
            converted.append(item)
    return converted


def backward_stream(apps, items, field):
    converted = []
    for item in items:
        if item.get("type") == "video":
            item = video_backward(apps, item)
        elif item.get("type") == "story" and field == "related_videos":
            path = path_for_page(apps, item["value"].get("page"))
            if path is None:
                continue
            title = item["value"].get("label") or ""
            item = {"type": "video", "value": {"title": title, "url": path}, "id": item.get("id")}
        converted.append(item)
    return converted


# (field, the block a site path becomes in it)
FIELDS = {"body": "related_story", "related_videos": "story"}


def convert(apps, item_list, field, forwards):
    if forwards:
        return forward_stream(apps, item_list, FIELDS[field])
    return backward_stream(apps, item_list, field)


def convert_pages(apps, forwards):
    for model_name in STORY_MODELS:
        model = apps.get_model("newsroom", model_name)
        fields = [name for name in FIELDS if any(f.name == name for f in model._meta.fields)]
        for page in model.objects.all():
            changes = {}
            for name in fields:
                raw = list(getattr(page, name).raw_data)
                new = convert(apps, raw, name, forwards)
                if new != raw:
                    changes[name] = new
            if changes:
                model.objects.filter(pk=page.pk).update(**changes)


def convert_revisions(apps, forwards):
    """Drafts and history too: the editor opens the latest revision, not the live row."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    types = ContentType.objects.filter(app_label="newsroom", model__in=STORY_MODELS)
    for revision in Revision.objects.filter(content_type__in=types).iterator():
        content = revision.content
        changed = False
        for name in FIELDS:
            stored = content.get(name)
            if not stored:
                continue
            raw = json.loads(stored) if isinstance(stored, str) else stored
            new = convert(apps, raw, name, forwards)
            if new != raw:
                content[name] = json.dumps(new) if isinstance(stored, str) else new
                changed = True
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=content)


def forwards(apps, schema_editor):
    convert_pages(apps, forwards=True)
    convert_revisions(apps, forwards=True)


def backwards(apps, schema_editor):
    convert_pages(apps, forwards=False)
    convert_revisions(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0004_lead_image_credits_and_video_blocks")]

    operations = [migrations.RunPython(forwards, backwards)]
