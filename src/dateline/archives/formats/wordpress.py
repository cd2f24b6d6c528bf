"""WordPress's WXR export (Tools → Export): an RSS file whose <item>s carry <wp:comment>s.

Comment ids are numbered per WordPress site, so a comment's key names the site:
"wordpress:<site>:<comment_id>", the site being the export's blog address without scheme.
A comment dateline wrote carries its own key in a `dateline_origin` comment meta, which wins.
Only items with comments matter: a thread is yielded just before its first comment, so
pages, attachments and menu items without comments yield nothing.
"""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from typing import BinaryIO
from urllib.parse import urlsplit

from ..records import ArchiveSource, BrokenArchive, Post, Record, State, Thread, Unreadable
from . import _xml
from ._common import utc, writer
from .html import text_of

FORMAT = "wordpress"
ORIGIN_META = "dateline_origin"
NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
_WP_ANY = re.compile(r"http://wordpress\.org/export/1\.\d+/(excerpt/)?$")  # WXR 1.0 to 1.2
_PREFIXES = {uri: name for name, uri in NAMESPACES.items()}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_ZERO_DATE = "0000-00-00"

STATES = {
    "1": State.PUBLISHED,
    "0": State.PENDING,
    "spam": State.SPAM,
    "trash": State.DELETED,
    "post-trashed": State.DELETED,  # its post went to the bin, and the comment with it
}
APPROVED = {State.PUBLISHED: "1", State.PENDING: "0", State.SPAM: "spam", State.DELETED: "trash"}


def _prefix(uri: str) -> str:
    match = _WP_ANY.match(uri)
    if match:
        return "excerpt" if match.group(1) else "wp"
    return _PREFIXES.get(uri, uri)


def _is_record(depth: int, tag: str) -> bool:
    # rss (1) > channel (2) > channel fields and items (3) > an item's fields and comments (4)
    return depth == 4 or (depth == 3 and tag != "item")


def site_of(url: str) -> str:
    """The site part of a WordPress comment key: host and path, without scheme or "/"."""
    return _SCHEME.sub("", url.strip()).rstrip("/")


@dataclass
class _Item:
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    thread: Thread | None = None
    # Comment ids of this item's comments that carry their own key, for their replies.
    origins: dict[str, str] = field(default_factory=dict)

    def as_thread(self) -> Thread:
        link, guid = self.fields.get("link", ""), self.fields.get("guid", "")
        post_id = self.fields.get("wp:post_id", "")
        aliases = [self.fields.get("wp:post_name", ""), post_id]
        if _SCHEME.match(guid) and guid != link:
            aliases.append(guid)
        return Thread(
            key=post_id or link or f"item at line {self.line}",
            url=link,
            title=text_of(self.fields.get("title", "")),  # WordPress titles are HTML
            aliases=tuple(dict.fromkeys(alias for alias in aliases if alias)),
        )


_ITEM_FIELDS = frozenset({"title", "link", "guid", "wp:post_id", "wp:post_name"})


def read(stream: BinaryIO) -> Iterator[Record]:
    """The records of a WXR file, in file order."""
    channel: dict[str, str] = {}
    site = ""
    item: _Item | None = None
    for event in _xml.events(
        stream, kind="WordPress", root="rss", prefix=_prefix, is_record=_is_record
    ):
        if isinstance(event, _xml.Start) and event.tag == "item":
            if "wp:wxr_version" not in channel:
                raise _not_wxr(event.line)
            item = _Item(event.line)
        elif isinstance(event, _xml.End) and event.tag == "item":
            item = None
        elif isinstance(event, _xml.End) and event.tag == "channel":
            if "wp:wxr_version" not in channel:
                raise _not_wxr(None)
        elif isinstance(event, _xml.Element) and item is None:
            channel.setdefault(event.tag, event.text.strip())
        elif isinstance(event, _xml.Element) and event.tag == "wp:comment":
            if not site:
                site = _site(channel, event.line)
            if item.thread is None:
                item.thread = item.as_thread()
                yield item.thread
            yield _comment(event, item, site)
        elif isinstance(event, _xml.Element) and event.tag in _ITEM_FIELDS:
            item.fields.setdefault(event.tag, event.text.strip())


def _not_wxr(line: int | None) -> BrokenArchive:
    return BrokenArchive(
        "this is an RSS feed, not a WordPress export: it has no <wp:wxr_version>", line=line
    )


def _site(channel: dict[str, str], line: int) -> str:
    for tag in ("wp:base_blog_url", "wp:base_site_url", "link"):
        site = site_of(channel.get(tag, ""))
        if site:
            return site
    raise BrokenArchive(
        "the export does not say which site it comes from (no <wp:base_blog_url>),"
        " so its comment numbers cannot be told from another site's",
        line=line,
    )


def _comment(element: _xml.Element, item: _Item, site: str) -> Post | Unreadable:
    line = element.line
    ident = element.findtext("wp:comment_id")
    origin = next(
        (
            meta.findtext("wp:meta_value")
            for meta in element.findall("wp:commentmeta")
            if meta.findtext("wp:meta_key") == ORIGIN_META
        ),
        "",
    )
    if not ident and not origin:
        return Unreadable("", line, "a comment without a <wp:comment_id>")
    key = origin or f"{FORMAT}:{site}:{ident}"
    if origin and ident:
        item.origins[ident] = origin
    kind = element.findtext("wp:comment_type")
    if kind in ("pingback", "trackback"):
        return Unreadable(key, line, f"a {kind}, not a comment")
    if kind not in ("", "comment"):
        return Unreadable(key, line, f"a comment of type {kind!r}, not a reader's comment")
    approved = element.findtext("wp:comment_approved")
    state = STATES.get(approved)
    if state is None:
        return Unreadable(key, line, f"an unknown approval state {approved!r}")
    gmt = element.findtext("wp:comment_date_gmt")
    local = element.findtext("wp:comment_date")
    created = None if gmt.startswith(_ZERO_DATE) else utc(gmt)
    if created is None:
        created = utc(local)  # the site's local time, the best there is
    if created is None:
        stamp = local or ("" if gmt.startswith(_ZERO_DATE) else gmt)
        reason = (
            f"the comment's date {stamp!r} is not a date" if stamp else "the comment has no date"
        )
        return Unreadable(key, line, reason)
    parent = element.findtext("wp:comment_parent")
    user = element.findtext("wp:comment_user_id")
    account = f"wordpress-user:{site}:{user}" if user not in ("", "0") else ""
    return Post(
        key=key,
        thread=item.thread.key,
        parent=(
            item.origins.get(parent, f"{FORMAT}:{site}:{parent}")
            if parent not in ("", "0")
            else None
        ),
        writer=writer(
            element.findtext("wp:comment_author"),
            element.findtext("wp:comment_author_email"),
            account,
        ),
        body=text_of(element.findtext("wp:comment_content")),
        created=created,
        state=state,
        line=line,
    )


def write(out: BinaryIO, source: ArchiveSource) -> int:
    """Writes `source` as a WXR 1.2 file and returns how many comments it wrote.

    Comments are numbered from 1 across the file; a reply's <wp:comment_parent> is looked
    up among its own thread's comments only, so memory follows the largest thread.
    """
    site = _xml.escape(source.site_url)
    namespaces = "".join(f'\n  xmlns:{name}="{uri}"' for name, uri in NAMESPACES.items())
    out.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0"{namespaces}>\n'
        "<channel>\n"
        f"  <title>{_xml.escape(source.site_title)}</title>\n"
        f"  <link>{site}</link>\n"
        "  <description></description>\n"
        "  <wp:wxr_version>1.2</wp:wxr_version>\n"
        f"  <wp:base_site_url>{site}</wp:base_site_url>\n"
        f"  <wp:base_blog_url>{site}</wp:base_blog_url>\n".encode()
    )
    written = 0
    used: set[int] = set()
    for thread in source.threads():
        post_id = _post_id(thread, used)
        out.write(_item_head(thread, post_id).encode())
        numbers: dict[str, int] = {}
        for post in source.posts(thread):
            written += 1
            numbers[post.key] = written
            parent = numbers.get(post.parent, 0) if post.parent else 0
            out.write(_comment_xml(post, written, parent).encode())
        out.write(b"  </item>\n")
    out.write(b"</channel>\n</rss>\n")
    return written


def _post_id(thread: Thread, used: set[int]) -> int:
    """The thread's old WordPress number when it has one free, else the next free one."""
    numbers = [int(alias) for alias in thread.aliases if alias.isascii() and alias.isdigit()]
    number = next((n for n in numbers if n and n not in used), 0)
    if not number:
        number = len(used) + 1
        while number in used:
            number += 1
    used.add(number)
    return number


def _item_head(thread: Thread, post_id: int) -> str:
    link = _xml.escape(thread.url)
    slug = urlsplit(thread.url).path.rstrip("/").rpartition("/")[2]
    return (
        "  <item>\n"
        f"    <title>{_xml.cdata(html.escape(thread.title, quote=False))}</title>\n"
        f"    <link>{link}</link>\n"
        f'    <guid isPermaLink="false">{link}</guid>\n'
        "    <description></description>\n"
        "    <content:encoded><![CDATA[]]></content:encoded>\n"
        f"    <wp:post_id>{post_id}</wp:post_id>\n"
        f"    <wp:post_name>{_xml.cdata(slug)}</wp:post_name>\n"
        "    <wp:status><![CDATA[publish]]></wp:status>\n"
        "    <wp:post_type><![CDATA[post]]></wp:post_type>\n"
    )


def _comment_xml(post: Post, number: int, parent: int) -> str:
    when = post.created.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    return (
        "    <wp:comment>\n"
        f"      <wp:comment_id>{number}</wp:comment_id>\n"
        f"      <wp:comment_author>{_xml.cdata(post.writer.name)}</wp:comment_author>\n"
        f"      <wp:comment_author_email>{_xml.cdata(post.writer.email)}</wp:comment_author_email>\n"
        "      <wp:comment_author_url></wp:comment_author_url>\n"
        "      <wp:comment_author_IP></wp:comment_author_IP>\n"
        f"      <wp:comment_date>{when}</wp:comment_date>\n"
        f"      <wp:comment_date_gmt>{when}</wp:comment_date_gmt>\n"
        f"      <wp:comment_content>{_xml.cdata(html.escape(post.body, quote=False))}</wp:comment_content>\n"
        f"      <wp:comment_approved>{APPROVED[post.state]}</wp:comment_approved>\n"
        "      <wp:comment_type></wp:comment_type>\n"
        f"      <wp:comment_parent>{parent}</wp:comment_parent>\n"
        "      <wp:comment_user_id>0</wp:comment_user_id>\n"
        "      <wp:commentmeta>\n"
        f"        <wp:meta_key>{ORIGIN_META}</wp:meta_key>\n"
        f"        <wp:meta_value>{_xml.cdata(post.key)}</wp:meta_value>\n"
        "      </wp:commentmeta>\n"
        "    </wp:comment>\n"
    )
