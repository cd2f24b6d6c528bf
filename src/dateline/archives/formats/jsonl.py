"""dateline's own line format: one JSON object per comment, one comment per line.

    {"id": "disqus:123", "story_url": "https://…", "story_title": "…", "parent": null,
     "author": "Ann", "author_key": "email:ann@example.org", "author_email": "ann@example.org",
     "text": "plain text", "created": "2024-05-01T09:30:00Z", "state": "published"}

Easy to produce from any other system with a script, and to read line by line. `text` is
plain text and kept as it is. A thread is yielded the first time its story_url appears.
"""

import json
from collections.abc import Iterator
from datetime import UTC
from typing import Any, BinaryIO

from ..records import ArchiveSource, BrokenArchive, Post, Record, State, Thread, Unreadable
from ._common import qualify, utc, writer

FORMAT = "jsonl"


def read(stream: BinaryIO) -> Iterator[Record]:
    """The records of a JSON Lines file, in file order.

    A line that is not JSON makes the file unreadable (a cut-off last line says the file
    is truncated); a line that is JSON but lacks what a post needs is `Unreadable`.
    """
    threads: set[str] = set()
    empty = True
    for number, raw in enumerate(stream, 1):
        line = raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw
        if not line.strip():
            continue
        try:
            data = json.loads(line.decode("utf-8"))
        except ValueError as error:  # UnicodeDecodeError is one too
            raise _broken(error, number, last=not raw.endswith(b"\n"), first=empty) from None
        if not isinstance(data, dict):
            raise BrokenArchive(
                "this is not a JSON Lines comment export: the line is not a JSON object",
                line=number,
            )
        empty = False
        yield from _records(data, number, threads)
    if empty:
        raise BrokenArchive("the file is empty")


def _broken(error: ValueError, number: int, *, last: bool, first: bool) -> BrokenArchive:
    if last and not first:
        return BrokenArchive("the last line is cut off: is the file truncated?", line=number)
    if first:
        return BrokenArchive(
            "this is not a JSON Lines export: its first line is not JSON", line=number
        )
    return BrokenArchive(f"the line is not valid JSON: {error}", line=number)


def _ident(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    return str(value).strip()


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    return value if isinstance(value, str) else ""


def _records(data: dict[str, Any], line: int, threads: set[str]) -> Iterator[Record]:
    ident = _ident(data.get("id"))
    if not ident:
        yield Unreadable("", line, "a line without an id")
        return
    key = qualify(ident, FORMAT)
    url = _text(data, "story_url").strip()
    if not url:
        yield Unreadable(key, line, "the line names no story_url")
        return
    stamp = _text(data, "created").strip()
    created = utc(stamp)
    if created is None:
        reason = f"the date {stamp!r} is not a date" if stamp else "the line has no date"
        yield Unreadable(key, line, reason)
        return
    state_name = _text(data, "state").strip() or State.PUBLISHED
    try:
        state = State(state_name)
    except ValueError:
        yield Unreadable(key, line, f"an unknown state {state_name!r}")
        return
    if url not in threads:
        threads.add(url)
        yield Thread(key=url, url=url, title=_text(data, "story_title").strip())
    parent = _ident(data.get("parent"))
    yield Post(
        key=key,
        thread=url,
        parent=qualify(parent, FORMAT) if parent else None,
        writer=writer(
            _text(data, "author"), _text(data, "author_email"), _text(data, "author_key").strip()
        ),
        body=_text(data, "text"),
        created=created,
        state=state,
        line=line,
    )


def write(out: BinaryIO, source: ArchiveSource) -> int:
    """Writes every post of `source`, thread by thread, and returns how many."""
    written = 0
    for thread in source.threads():
        for post in source.posts(thread):
            line = {
                "id": post.key,
                "story_url": thread.url,
                "story_title": thread.title,
                "parent": post.parent,
                "author": post.writer.name,
                "author_key": post.writer.key,
                "author_email": post.writer.email,
                "text": post.body,
                "created": post.created.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                "state": str(post.state),
            }
            out.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")
            written += 1
    return written
