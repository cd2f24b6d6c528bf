"""What every archive format reads into and writes out of: threads and posts, plain values.

A reader (`formats.<name>.read`) turns a file into a stream of `Thread`, `Post` and
`Unreadable` records; the importer places them. A writer (`formats.<name>.write`) turns
an `ArchiveSource` back into a file. Neither knows of the database.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class State(StrEnum):
    """A comment's state in the system it comes from (or goes to)."""

    PUBLISHED = "published"
    PENDING = "pending"  # waiting for a moderator there
    SPAM = "spam"  # marked as spam there: rejected here, seen only in the queue
    DELETED = "deleted"  # deleted there: a tombstone here


@dataclass(frozen=True)
class Thread:
    """A story's comment thread as the archive names it."""

    key: str  # the thread's id within the file (posts refer to it)
    url: str  # the story's address on the old site
    title: str = ""
    # Other names the old system gave the story (Disqus identifiers, a WordPress slug):
    # tried after the URL when matching it to a page here.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Writer:
    """Who wrote a post. `key` is stable across exports of the same archive."""

    key: str
    name: str
    email: str = ""


@dataclass(frozen=True)
class Post:
    """One comment.

    `key` is the comment's origin key, unique across systems: a bare id from the file
    qualified with the format ("disqus:123"), or an already qualified key kept as it was
    written (a comment this site exported carries "dateline:<site>:<id>"). `parent` is the
    parent's key. `body` is plain text: markup already turned into paragraphs and
    line breaks, entities decoded exactly once.
    """

    key: str
    thread: str  # Thread.key
    parent: str | None
    writer: Writer
    body: str
    created: datetime  # aware, UTC
    state: State
    line: int = 0  # where the post starts in the file, for the report


@dataclass(frozen=True)
class Unreadable:
    """A post the reader found but could not read (no date, no thread…): reported, not placed."""

    key: str
    line: int
    reason: str


Record = Thread | Post | Unreadable


class BrokenArchive(Exception):
    """The file is not a readable archive (bad syntax, truncated): nothing is imported."""

    def __init__(self, reason: str, *, line: int | None = None):
        self.reason, self.line = reason, line
        super().__init__(f"line {line}: {reason}" if line else reason)


class ArchiveSource(Protocol):
    """What a writer is handed: the site and its threads and posts, read lazily."""

    site_url: str  # e.g. "https://news.example"
    site_title: str

    def threads(self) -> Iterator[Thread]:
        """Every thread with at least one post, in a stable order."""

    def posts(self, thread: Thread | None = None) -> Iterator[Post]:
        """The posts of `thread` (or of every thread, grouped by thread in the order of
        `threads()`), oldest first, a parent always before its replies."""


@dataclass
class ReadStats:
    """How far through its file a reader is, for a progress bar: `read / size`.

    Filled by `formats.open_archive` as the file is read. Both count bytes on disk, so a
    gzipped file's progress is measured in compressed bytes. `read` goes back when a reader
    rewinds the file, as Commento's does for its second pass.
    """

    size: int = 0  # bytes on disk (0 when unknown, e.g. a pipe)
    read: int = 0  # how far into those bytes reading has got
