"""Which page here an archive's thread belongs to: by the old address, its path, its slug.

Tried in order: an address mapped by hand (`--map`: old,new per line), a stub page an
earlier import made for the same address, the old address's path, the thread's other
names (a WordPress slug, a Disqus identifier that is a path), and the path's last part
as a slug. A slug only matches when one story has it. Threads nothing matches are left
for the report, or get a stub page under a section (`--create-missing`).
"""

import csv
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from dateline.newsroom.models import ArticlePage, BlogPostPage, SectionPage

from .models import ImportedStory
from .records import Thread

# The endings old systems put on a story's address (a slug is what comes before).
PAGE_SUFFIX = re.compile(r"\.(s?html?|php|aspx?|jsp)$", re.IGNORECASE)


class MapError(ValueError):
    """The `--map` file cannot be used (its line and why)."""


def normal_path(address: str) -> str:
    """The path of an address or path, as compared: decoded, lower case, without the
    trailing slash or index file ("/2019/05/Story/index.html" → "/2019/05/story")."""
    path = urlsplit(address.strip()).path if "://" in address else address.strip()
    path = unquote(path.split("?")[0].split("#")[0]).lower()
    path = re.sub(r"/index\.(s?html?|php)$", "", path)
    return "/" + path.strip("/")


def normal_address(address: str) -> str:
    """An address as compared: host and path, whatever the scheme, with its query
    (an unpretty WordPress address is "/?p=123")."""
    parts = urlsplit(address.strip())
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.hostname or ''}{normal_path(parts.path)}{query}"


def slug_of(path: str) -> str:
    last = normal_path(path).rsplit("/", 1)[-1]
    return PAGE_SUFFIX.sub("", last)


def read_map(path: Path) -> dict[str, str]:
    """{old address: new address, path or page id} from a two-column CSV file. A first
    line that is a header (no "/" in its first cell) is skipped."""
    found = {}
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for number, row in enumerate(csv.reader(handle), start=1):
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != 2:
                    raise MapError(f"{path}, line {number}: expected two columns, old,new")
                old, new = (cell.strip() for cell in row)
                if number == 1 and "/" not in old:
                    continue  # a header
                found[normal_address(old)] = new
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise MapError(f"{path}: {error}") from error
    return found


class PageFinder:
    """Finds the story for each thread; built once per import from every live story."""

    def __init__(self, *, url_map: dict[str, str] | None = None):
        self.by_path, slugs = {}, {}
        stories = Page.objects.live().type(ArticlePage, BlogPostPage).select_related("locale")
        default_locale = Locale.get_default().pk
        for page in stories.iterator(chunk_size=1000):
            self.by_path[normal_path(page.get_url() or page.url_path)] = page.pk
            editions = slugs.setdefault(page.slug.lower(), {}).setdefault(page.translation_key, {})
            editions[page.locale_id] = page.pk
        # A slug names one story; of a story in several languages, the default edition.
        self.by_slug = {
            slug: editions.get(default_locale, min(editions.values()))
            for slug, stories_with_slug in slugs.items()
            if len(stories_with_slug) == 1
            for editions in stories_with_slug.values()
        }
        self.by_id = {str(page_id) for page_id in self.by_path.values()}
        self.url_map = {}
        unknown = []
        for old, new in (url_map or {}).items():
            page_id = self.mapped(new)
            if page_id is None:
                unknown.append(new)
            self.url_map[old] = page_id
        if unknown:
            unknown = list(dict.fromkeys(unknown))
            shown = ", ".join(unknown[:5]) + (
                f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            )
            raise MapError(f"the map names addresses that are no story here: {shown}")

    def mapped(self, new):
        new = new.strip()
        if new.isdigit():
            return int(new) if new in self.by_id else None
        return self.by_path.get(normal_path(new))

    def find(self, thread: Thread) -> int | None:
        address = normal_address(thread.url)
        local = address[address.find("/") :]  # a map may give old paths without the host
        for key in (address, local):
            if key in self.url_map:
                return self.url_map[key]
        stub = ImportedStory.objects.filter(url=address).values_list("page", flat=True).first()
        if stub is not None:
            return stub
        path = normal_path(thread.url)
        if path != "/" and path in self.by_path:
            return self.by_path[path]
        for alias in thread.aliases:
            if alias.startswith(("/", "http://", "https://")):
                found = self.by_path.get(normal_path(alias))
                if found is not None and normal_path(alias) != "/":
                    return found
            elif alias.lower() in self.by_slug:
                return self.by_slug[alias.lower()]
        return self.by_slug.get(slug_of(path)) if path != "/" else None


def stub_page(thread: Thread, *, section_slug: str) -> int:
    """A published stub story for a thread no page matched, under the section with
    `section_slug` (made under the home page when there is none): the old title, and
    the old address in its text. Remembered, so the next import finds it."""
    section = SectionPage.objects.filter(slug=section_slug).first()
    if section is None:
        home = Site.objects.get(is_default_site=True).root_page
        section = SectionPage(title=section_slug.replace("-", " ").capitalize(), slug=section_slug)
        home.add_child(instance=section)
        section.save_revision().publish()
    title = (thread.title or slug_of(thread.url).replace("-", " ") or thread.url)[:255]
    base = slugify(slug_of(normal_path(thread.url)) or title)[:60] or "story"
    taken = set(section.get_children().values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    story = ArticlePage(
        title=title,
        slug=slug,
        standfirst="Comments brought over from the newsroom's earlier site.",
        body=[
            (
                "paragraph",
                format_html('<p>First published at <a href="{0}">{0}</a>.</p>', thread.url),
            )
        ],
    )
    section.add_child(instance=story)
    story.save_revision().publish()
    ImportedStory.objects.create(url=normal_address(thread.url), page=story)
    return story.pk
