"""Commento's export (Dashboard → Export data): gzipped JSON, read as a stream.

    {"version": 1,
     "comments": [{"commentHex", "domain", "url" (the page's path), "commenterHex",
                   "markdown", "html", "parentHex", "state", "creationDate", "deleted"}, ...],
     "commenters": [{"commenterHex", "email", "name", "link", "photo", ...}, ...]}

The comments come before the people who wrote them, so `read` makes two passes over the
file: the first keeps only the commenters (one small entry per person) and checks that
the file is a Commento export at all, the second streams the comments. Neither holds more
than one comment at a time. Commento writes the whole export on one line, so posts carry
no line number (0); their commentHex says which one the report means.
"""

from collections.abc import Iterator
from typing import Any, BinaryIO

import ijson
from ijson.common import ObjectBuilder

from ..records import BrokenArchive, Post, Record, State, Thread, Unreadable, Writer
from ._common import qualify, utc, writer
from .html import text_of

FORMAT = "commento"
STATES = {"approved": State.PUBLISHED, "unapproved": State.PENDING, "flagged": State.SPAM}
ANONYMOUS = writer("")  # Commento's "anonymous" commenterHex: no account, no name
_HEAD = 4096


def read(stream: BinaryIO) -> Iterator[Record]:
    """The records of a Commento export, in file order.

    `stream` must be seekable (`open_archive` gives one, gzipped or not): it is read from
    where it stands, then rewound there for the second pass.
    """
    if not stream.seekable():
        raise ValueError("Commento's reader reads the file twice: give it a seekable stream")
    start = stream.tell()
    _check_head(stream.read(_HEAD))
    stream.seek(start)
    people = _commenters(stream)
    stream.seek(start)
    threads: set[str] = set()
    try:
        for comment in ijson.items(stream, "comments.item"):
            if isinstance(comment, dict):
                yield from _records(comment, people, threads)
    except ijson.JSONError as error:
        raise _broken(error) from None


def _check_head(head: bytes) -> None:
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text and len(head) < _HEAD:
        raise BrokenArchive("the file is empty")
    if text and not text.startswith(b"{"):
        raise BrokenArchive("this is not a Commento export: it is not a JSON object", line=1)


def _commenters(stream: BinaryIO) -> dict[str, Writer]:
    """Every commenter by commenterHex; also checks the file's outline."""
    people: dict[str, Writer] = {}
    keys: set[str] = set()
    builder: ObjectBuilder | None = None
    try:
        for prefix, event, value in ijson.parse(stream):
            if prefix == "" and event == "map_key":
                keys.add(value)
            elif prefix == "commenters.item" and event == "start_map":
                builder = ObjectBuilder()
                builder.event(event, value)
            elif builder is not None and prefix.startswith("commenters.item"):
                builder.event(event, value)
                if prefix == "commenters.item" and event == "end_map":
                    person, builder = builder.value, None
                    hexid = _text(person, "commenterHex")
                    if hexid:
                        account = "" if _text(person, "email") else f"commento-user:{hexid}"
                        people[hexid] = writer(
                            _text(person, "name"), _text(person, "email"), account
                        )
    except ijson.JSONError as error:
        raise _broken(error) from None
    if "comments" not in keys:
        raise BrokenArchive('this is not a Commento export: it has no "comments" list')
    return people


def _broken(error: ijson.JSONError) -> BrokenArchive:
    detail = error.args[0] if error.args else ""
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    detail = str(detail).splitlines()[0] if detail else "unreadable"
    if "premature EOF" in detail:
        return BrokenArchive("the file ends in the middle of the JSON: is it truncated?")
    return BrokenArchive(f"the JSON is malformed: {detail}")


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return value.strip() if isinstance(value, str) else ""


def _records(
    comment: dict[str, Any], people: dict[str, Writer], threads: set[str]
) -> Iterator[Record]:
    hexid = _text(comment, "commentHex")
    if not hexid:
        yield Unreadable("", 0, "a comment without a commentHex")
        return
    key = qualify(hexid, FORMAT)
    domain = _text(comment, "domain")
    if not domain:
        yield Unreadable(key, 0, "the comment names no domain")
        return
    stamp = _text(comment, "creationDate")
    created = utc(stamp)
    if created is None:
        reason = (
            f"the comment's date {stamp!r} is not a date" if stamp else "the comment has no date"
        )
        yield Unreadable(key, 0, reason)
        return
    state = STATES.get(_text(comment, "state") or "approved")
    if state is None:
        yield Unreadable(key, 0, f"an unknown state {_text(comment, 'state')!r}")
        return
    if comment.get("deleted") is True:
        state = State.DELETED
    path = _text(comment, "url") or _text(comment, "path")
    thread = f"{domain}{path}"
    if thread not in threads:
        threads.add(thread)
        yield Thread(key=thread, url=f"https://{thread}")
    author = _text(comment, "commenterHex")
    parent = _text(comment, "parentHex")
    markup = comment.get("html")
    yield Post(
        key=key,
        thread=thread,
        parent=qualify(parent, FORMAT) if parent and parent != "root" else None,
        writer=(
            ANONYMOUS
            if author in ("", "anonymous")
            else people.get(author, writer("", account=f"commento-user:{author}"))
        ),
        body=text_of(markup) if isinstance(markup, str) and markup.strip() else _plain(comment),
        created=created,
        state=state,
        line=0,
    )


def _plain(comment: dict[str, Any]) -> str:
    markdown = comment.get("markdown")
    if not isinstance(markdown, str):
        return ""
    return markdown.replace("\r\n", "\n").replace("\r", "\n").strip()
