"""Disqus's export (Moderation → Export): one XML file, every <thread>, then every <post>.

Reading: threads are yielded as they come. Disqus writes them all before the first post; a
post naming a thread the file has not listed before it is yielded as `Unreadable` (holding
posts back until their thread shows up would make memory grow with the file). A post's
<parent> may come after it: the importer places it.
"""

from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

from ..records import ArchiveSource, Post, Record, State, Thread, Unreadable, Writer
from . import _xml
from ._common import bare, iso, qualify, utc, writer
from .html import markup_of, text_of

FORMAT = "disqus"
NAMESPACE = "http://disqus.com"
INTERNALS = "http://disqus.com/disqus-internals"  # the dsq: prefix, for Disqus's own ids


def _prefix(uri: str) -> str:
    return {NAMESPACE: "", INTERNALS: "dsq"}.get(uri, uri)


def read(stream: BinaryIO) -> Iterator[Record]:
    """The records of a Disqus export, in file order."""
    threads: set[str] = set()
    for item in _xml.events(
        stream,
        kind="Disqus",
        root="disqus",
        prefix=_prefix,
        is_record=lambda depth, _tag: depth == 2,
    ):
        if not isinstance(item, _xml.Element):
            continue
        if item.tag == "thread":
            thread = _thread(item)
            if thread is not None:
                threads.add(thread.key)
                yield thread
        elif item.tag == "post":
            yield _post(item, threads)


def _thread(element: _xml.Element) -> Thread | None:
    key = element.attrs.get("dsq:id", "").strip()
    if not key:
        return None  # no post can name it
    ident = element.findtext("id")
    return Thread(
        key=key,
        url=element.findtext("link"),
        title=element.findtext("title"),
        aliases=(ident,) if ident else (),
    )


def _ref(element: _xml.Element, tag: str) -> str:
    child = element.find(tag)
    return child.attrs.get("dsq:id", "").strip() if child is not None else ""


_FLAGS = {"true": True, "false": False, "1": True, "0": False}


def _flag(element: _xml.Element, tag: str) -> bool | None:
    return _FLAGS.get(element.findtext(tag).lower())


def _post(element: _xml.Element, threads: set[str]) -> Post | Unreadable:
    line = element.line
    ident = element.attrs.get("dsq:id", "").strip()
    if not ident:
        return Unreadable("", line, "a post without a dsq:id")
    key = qualify(ident, FORMAT)
    thread = _ref(element, "thread")
    if not thread:
        return Unreadable(key, line, "the post names no thread")
    if thread not in threads:
        return Unreadable(
            key, line, f"the post's thread (dsq:id {thread}) is not listed before it in the file"
        )
    stamp = element.findtext("createdAt")
    created = utc(stamp)
    if created is None:
        reason = f"the post's date {stamp!r} is not a date" if stamp else "the post has no date"
        return Unreadable(key, line, reason)
    parent = _ref(element, "parent")
    if _flag(element, "isDeleted"):
        state = State.DELETED
    elif _flag(element, "isSpam"):
        state = State.SPAM
    elif _flag(element, "isApproved") is False:
        state = State.PENDING
    else:
        state = State.PUBLISHED
    return Post(
        key=key,
        thread=thread,
        parent=qualify(parent, FORMAT) if parent else None,
        writer=_writer(element.find("author")),
        body=text_of(element.findtext("message")),
        created=created,
        state=state,
        line=line,
    )


def _writer(author: _xml.Element | None) -> Writer:
    if author is None:
        return writer("")
    username = author.findtext("username")
    account = ""
    if username and _flag(author, "isAnonymous") is not True:
        account = f"disqus-user:{username}"
    return writer(author.findtext("name"), author.findtext("email"), account)


HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    f'<disqus xmlns="{NAMESPACE}" xmlns:dsq="{INTERNALS}"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd'
    ' http://disqus.com/api/schemas/1.0/disqus-internals.xsd">\n'
)


def write(out: BinaryIO, source: ArchiveSource) -> int:
    """Writes `source` as a Disqus export and returns how many posts it wrote.

    A thread's <createdAt> is its first post's time (dateline keeps no thread time), so
    each thread costs one look at its posts before the posts are written in one pass.
    """
    out.write(HEADER.encode())
    forum = _xml.escape(urlsplit(source.site_url).hostname or source.site_url)
    author = f"<name>{_xml.escape(source.site_title)}</name><isAnonymous>true</isAnonymous>"
    for thread in source.threads():
        first = next(iter(source.posts(thread)), None)
        created = f"<createdAt>{iso(first.created)}</createdAt>" if first else ""
        out.write(
            f'  <thread dsq:id="{_xml.escape(thread.key)}">\n'
            f"    <id>{_xml.escape(thread.aliases[0] if thread.aliases else '')}</id>\n"
            f"    <forum>{forum}</forum>\n"
            f"    <link>{_xml.escape(thread.url)}</link>\n"
            f"    <title>{_xml.escape(thread.title)}</title>\n"
            f"    {created}\n"
            f"    <author>{author}</author>\n"
            "    <isClosed>false</isClosed>\n"
            "    <isDeleted>false</isDeleted>\n"
            "  </thread>\n".encode()
        )
    written = 0
    for post in source.posts():
        out.write(_post_xml(post).encode())
        written += 1
    out.write(b"</disqus>\n")
    return written


def _boolean(value: bool) -> str:
    return "true" if value else "false"


def _post_xml(post: Post) -> str:
    who = post.writer
    account = who.key.removeprefix("disqus-user:") if who.key.startswith("disqus-user:") else ""
    username = f"<username>{_xml.escape(account)}</username>" if account else ""
    parent = (
        f'    <parent dsq:id="{_xml.escape(bare(post.parent, FORMAT))}"/>\n' if post.parent else ""
    )
    return (
        f'  <post dsq:id="{_xml.escape(bare(post.key, FORMAT))}">\n'
        "    <id/>\n"
        f"    <message>{_xml.cdata(markup_of(post.body))}</message>\n"
        f"    <createdAt>{iso(post.created)}</createdAt>\n"
        f"    <isDeleted>{_boolean(post.state == State.DELETED)}</isDeleted>\n"
        f"    <isSpam>{_boolean(post.state == State.SPAM)}</isSpam>\n"
        f"    <isApproved>{_boolean(post.state != State.PENDING)}</isApproved>\n"
        f"    <author><name>{_xml.escape(who.name)}</name>"
        f"<email>{_xml.escape(who.email)}</email>"
        f"<isAnonymous>{_boolean(not account)}</isAnonymous>{username}</author>\n"
        f'    <thread dsq:id="{_xml.escape(post.thread)}"/>\n'
        f"{parent}"
        "  </post>\n"
    )
