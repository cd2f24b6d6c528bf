"""Take the comments out again, in the formats they came in: nobody is locked in.

`DatabaseSource` hands a format's writer this site's threads and posts as plain
records, read in chunks so that memory stays flat however many comments there are.
Each post carries its origin key: the key it was imported under, or this site's own
("dateline:<site>:<id>"), so importing the export back here adds nothing, and importing
it into another site twice adds it once.
"""

from collections.abc import Iterator
from datetime import UTC

from django.conf import settings
from wagtail.models import Page, Site

from dateline.comments.models import Comment

from .matching import PageFinder, normal_path
from .models import Origin
from .records import Post, State, Thread, Writer

CHUNK = 2000
STATE_OF_STATUS = {
    Comment.Status.PUBLISHED: State.PUBLISHED,
    Comment.Status.HELD: State.PENDING,
    Comment.Status.REJECTED: State.SPAM,
    Comment.Status.DELETED: State.DELETED,
    Comment.Status.REMOVED: State.DELETED,
}
POST_FIELDS = (
    "pk",
    "page_id",
    "parent_id",
    "body",
    "created",
    "status",
    "imported__key",
    "parent__imported__key",
    "author_id",
    "author__display_name",
    "author__email",
    "author__imported_key",
    "author__imported_email",
)


class PageNotFound(ValueError):
    """`--page` names no page here."""


class DatabaseSource:
    """This site's comments as an `records.ArchiveSource`, optionally one story's only."""

    def __init__(self, *, page_url: str | None = None):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        self.site_url = (settings.SITE_URL or (site.root_url if site else "")).rstrip("/")
        self.site_title = site.site_name if site and site.site_name else "dateline"
        self.origin = f"dateline:{Origin.key_here()}:"
        self.page_ids = None if page_url is None else [self.page_id(page_url)]

    @staticmethod
    def page_id(address):
        """The story at `address` (a full address or a path)."""
        found = PageFinder().by_path.get(normal_path(address))
        if found is None:
            raise PageNotFound(f"no story here has the address {address}")
        return found

    def comments(self):
        found = Comment.objects.all()
        if self.page_ids is not None:
            found = found.filter(page_id__in=self.page_ids)
        return found

    def threads(self) -> Iterator[Thread]:
        page_ids = self.comments().order_by("page_id").values_list("page_id", flat=True)
        pages = Page.objects.filter(pk__in=page_ids.distinct()).order_by("pk")
        for page in pages.iterator(chunk_size=CHUNK):
            yield Thread(
                key=str(page.pk),
                url=self.site_url + (page.get_url() or page.url_path),
                title=page.title,
                aliases=(page.slug,),
            )

    def posts(self, thread: Thread | None = None) -> Iterator[Post]:
        comments = self.comments()
        if thread is not None:
            comments = comments.filter(page_id=int(thread.key))
        rows = comments.order_by("page_id", "pk").values_list(*POST_FIELDS)
        for row in rows.iterator(chunk_size=CHUNK):
            yield self.post(dict(zip(POST_FIELDS, row, strict=True)))

    def key(self, pk, imported_key):
        return imported_key or f"{self.origin}{pk}"

    def post(self, row) -> Post:
        return Post(
            key=self.key(row["pk"], row["imported__key"]),
            thread=str(row["page_id"]),
            parent=(
                self.key(row["parent_id"], row["parent__imported__key"])
                if row["parent_id"]
                else None
            ),
            writer=self.writer(row),
            body=row["body"],
            created=row["created"].astimezone(UTC),
            state=STATE_OF_STATUS[row["status"]],
        )

    @staticmethod
    def writer(row) -> Writer:
        if row["author_id"] is None:
            return Writer(key="name:Deleted account", name="Deleted account")
        if row["author__imported_key"]:
            return Writer(
                key=row["author__imported_key"],
                name=row["author__display_name"],
                email=row["author__imported_email"],
            )
        email = row["author__email"].lower()
        return Writer(key=f"email:{email}", name=row["author__display_name"], email=email)
