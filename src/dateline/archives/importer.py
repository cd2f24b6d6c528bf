"""Bring an archive of comments in: every post placed, already here, or skipped with a reason.

One import is one transaction: a file that turns out broken halfway (bad syntax, cut
short) leaves the site as it was. The file is read as a stream and placed a batch at a
time, so memory stays flat however large the file; what an import keeps in memory grows
with the number of threads, not of comments (and with replies that arrive before their
parent, until it comes). Every post's origin key is remembered (`ImportedComment`), so
importing the same file again adds nothing and a newer export adds only what is new.
"""

import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from dateline.accounts.actions import imported_writers
from dateline.accounts.models import User
from dateline.audit.log import record
from dateline.comments.actions import (
    Archived,
    archived_pages_changed,
    clean_archived_body,
    place_archived,
)
from dateline.comments.models import Comment
from dateline.comments.screening import story_text
from dateline.core.attributes import CommentPolicy
from dateline.core.bulk import insert_rows, refresh_statistics, take_ids
from dateline.core.state import MemoryStore, State
from dateline.screening import pipeline
from dateline.screening.policy import policy_for
from dateline.screening.rules import Submission
from dateline.screening.verdict import Code, Decision, Reason

from . import formats
from .matching import PageFinder, stub_page
from .models import ImportedComment, Origin
from .records import Post, Thread, Unreadable

BATCH = 1000
EXAMPLES = 5  # posts named under each reason a post was skipped
STATUS_OF_STATE = {
    "published": Comment.Status.PUBLISHED,
    "pending": Comment.Status.HELD,
    "spam": Comment.Status.REJECTED,
    "deleted": Comment.Status.DELETED,
}
WAITING_THERE = Reason(
    Code.IMPORTED,
    "Waiting for a moderator in the earlier comment system.",
    Decision.HOLD,
)


@dataclass
class Progress:
    """How far an import has gone: handed to the progress callback about once a second."""

    posts: int
    bytes_read: int
    size: int
    seconds: float
    done: bool = False

    @property
    def rate(self) -> float:
        return self.posts / self.seconds if self.seconds else 0.0

    @property
    def share(self) -> float | None:
        return min(self.bytes_read / self.size, 1.0) if self.size else None


@dataclass
class Report:
    """What an import did with every post in the file."""

    format: str
    dry_run: bool = False
    posts: int = 0  # in the file, read or not
    threads: int = 0  # threads with at least one post
    threads_matched: int = 0
    threads_created: int = 0  # stub pages made (--create-missing)
    unmatched: dict = field(default_factory=dict)  # {old address: [title, posts]}
    imported: Counter = field(default_factory=Counter)  # {status: comments}
    held_by_screening: int = 0
    already_here: int = 0
    writers_created: int = 0
    skipped: Counter = field(default_factory=Counter)  # {reason: posts}
    examples: dict = field(default_factory=dict)  # {reason: [[key, line], ...]}
    seconds: float = 0.0

    @property
    def accounted(self) -> bool:
        """Whether every post in the file is imported, already here or skipped."""
        counted = sum(self.imported.values()) + self.already_here + sum(self.skipped.values())
        return counted == self.posts

    def skip(self, reason: str, *, key: str, line: int) -> None:
        self.skipped[reason] += 1
        shown = self.examples.setdefault(reason, [])
        if len(shown) < EXAMPLES:
            shown.append([key, line])

    def as_dict(self) -> dict:
        return {
            "format": self.format,
            "dry_run": self.dry_run,
            "posts": self.posts,
            "threads": self.threads,
            "threads_matched": self.threads_matched,
            "threads_created": self.threads_created,
            "unmatched": [
                {"url": url, "title": title, "posts": posts}
                for url, (title, posts) in self.unmatched.items()
            ],
            "imported": dict(self.imported),
            "held_by_screening": self.held_by_screening,
            "already_here": self.already_here,
            "writers_created": self.writers_created,
            "skipped": [
                {"reason": reason, "posts": count, "examples": self.examples.get(reason, [])}
                for reason, count in self.skipped.most_common()
            ],
            "seconds": round(self.seconds, 1),
            "accounted": self.accounted,
        }


def run_import(
    *,
    path: Path,
    format: str,
    url_map: dict[str, str] | None = None,
    create_missing: str | None = None,
    screen: bool = False,
    dry_run: bool = False,
    actor: User | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> Report:
    """Import the archive at `path` (in `format`, a key of `formats.READERS`).

    Raises `records.BrokenArchive` (nothing imported) for a file that cannot be read, and
    `matching.MapError` for a map that cannot be used. `dry_run` does everything, then
    rolls it back: the report is the one a real run would give.
    """
    importer = Importer(
        format=format,
        finder=PageFinder(url_map=url_map),
        create_missing=create_missing,
        screen=screen,
        dry_run=dry_run,
    )
    started = time.monotonic()
    with transaction.atomic():
        with formats.open_archive(path) as (stream, stats):
            last = started
            for record_ in formats.READERS[format](stream):
                importer.take(record_)
                now = time.monotonic()
                if progress and now - last >= 1.0:
                    last = now
                    progress(Progress(importer.report.posts, stats.read, stats.size, now - started))
            importer.finish()
        importer.report.seconds = time.monotonic() - started
        record(
            "comments.import",
            actor=actor,
            target=None,
            format=format,
            file=Path(path).name,
            dry_run=dry_run,
            **{
                key: importer.report.as_dict()[key] for key in ("posts", "imported", "already_here")
            },
        )
        if dry_run:
            transaction.set_rollback(True)
    if progress:
        progress(
            Progress(
                importer.report.posts, stats.read, stats.size, importer.report.seconds, done=True
            )
        )
    return importer.report


class Importer:
    """Places the records of one file, a batch at a time."""

    def __init__(self, *, format, finder, create_missing, screen, dry_run):
        self.report = Report(format=format, dry_run=dry_run)
        self.finder, self.create_missing, self.screen = finder, create_missing, screen
        self.threads: dict[str, Thread] = {}
        self.pages: dict[str, int | None] = {}  # thread key → page id (None: unmatched)
        self.batch: list[Post] = []
        self.batches = 0  # flushed so far
        self.waiting: dict[str, list[Post]] = defaultdict(list)  # parent key → replies
        self.skipped_keys: set[str] = set()
        # Comments with a higher id were placed by this import: a key already imported as
        # one of those is a key the file gives twice (kept out of memory: files are large).
        self.placed_after = (
            Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        )
        self.changed_pages: set[int] = set()
        self.origin = f"dateline:{Origin.key_here()}:"
        self.judging = Judging() if screen else None

    def take(self, item) -> None:
        if isinstance(item, Thread):
            self.threads[item.key] = item
        elif isinstance(item, Unreadable):
            self.report.posts += 1
            self.skip(item.key, item.line, item.reason)
        else:
            self.report.posts += 1
            self.batch.append(item)
            if len(self.batch) >= BATCH:
                self.flush()

    def finish(self) -> None:
        self.flush()
        for parent, replies in self.waiting.items():
            reason = (
                "its parent was skipped"
                if parent in self.skipped_keys
                else "its parent is not in the file"
            )
            for post, _ in replies:
                self.skip(post.key, post.line, reason)
        self.waiting.clear()
        archived_pages_changed(page_ids=self.changed_pages)

    def skip(self, key, line, reason):
        self.skipped_keys.add(key)
        self.report.skip(reason, key=key, line=line)

    def flush(self) -> None:
        posts, self.batch = self.batch, []
        if not posts:
            return
        self.batches += 1
        if self.batches in (2, 8, 32) or self.batches % 100 == 0:
            refresh_statistics(Comment, ImportedComment, User)
        here, twice = self.already_here([post.key for post in posts])
        fresh, batch_keys = [], set()
        for post in posts:
            page_id = self.page_of(post.thread)
            if post.key in twice or post.key in batch_keys:
                self.skip(post.key, post.line, "its id appears twice in the file")
                continue
            batch_keys.add(post.key)
            if post.key in here:
                self.report.already_here += 1
            elif post.thread not in self.threads:
                self.skip(post.key, post.line, "its thread is not in the file")
            elif page_id is None:
                self.report.unmatched[self.threads[post.thread].url][1] += 1
                self.skip(post.key, post.line, "its story is not on this site")
            elif self.readable(post):
                fresh.append(post)
        authors = self.authors_of(fresh)
        self.place([(post, authors[post.writer.key]) for post in fresh], self.parents_of(fresh))

    def already_here(self, keys):
        """The keys, among `keys`, of comments this site had before this import (imported
        earlier, or its own), and those this import already placed from the same file."""
        found = dict(ImportedComment.objects.filter(key__in=keys).values_list("key", "comment"))
        twice = {key for key, pk in found.items() if pk > self.placed_after}
        own = self.own_ids(keys)
        existing = set(Comment.objects.filter(pk__in=own).values_list("pk", flat=True))
        here = (found.keys() - twice) | {key for pk, key in own.items() if pk in existing}
        return here, twice

    def own_ids(self, keys):
        """{comment id: key} for the keys this site gave its own comments when it exported them."""
        return {
            int(key[len(self.origin) :]): key
            for key in keys
            if key.startswith(self.origin) and key[len(self.origin) :].isdigit()
        }

    def page_of(self, thread_key):
        """The page id for a thread, matched (or made) on first sight; None: no page."""
        if thread_key not in self.pages:
            thread = self.threads.get(thread_key)
            page_id = None
            if thread is not None:
                self.report.threads += 1
                page_id = self.finder.find(thread)
                if page_id is not None:
                    self.report.threads_matched += 1
                elif self.create_missing:
                    page_id = stub_page(thread, section_slug=self.create_missing)
                    self.report.threads_created += 1
                else:
                    self.report.unmatched[thread.url] = [thread.title, 0]
            self.pages[thread_key] = page_id
        return self.pages[thread_key]

    def readable(self, post):
        if post.state == "deleted":
            return True  # a tombstone: its text is not kept
        try:
            clean_archived_body(post.body)
        except ValidationError as error:
            self.skip(post.key, post.line, error.messages[0])
            return False
        return True

    def authors_of(self, posts):
        writers = {post.writer.key: (post.writer.name, post.writer.email) for post in posts}
        if not writers:
            return {}
        found, created = imported_writers(writers=writers)
        self.report.writers_created += created
        return found

    def parents_of(self, posts):
        """{key: Comment} for the parents of `posts` placed before (this import or earlier)."""
        keys = {post.parent for post in posts if post.parent}
        if not keys:
            return {}
        found = {
            row.key: row.comment
            for row in ImportedComment.objects.filter(key__in=keys).select_related("comment")
        }
        own = self.own_ids(keys - found.keys())
        for comment in Comment.objects.filter(pk__in=own):
            found[own[comment.pk]] = comment
        return found

    def place(self, pending, parents):
        """Place the (post, author id) pairs whose parents are known, generation by
        generation; replies whose parent has not come yet wait for it."""
        while pending:
            ready, later = [], []
            for post, author_id in pending:
                parent = parents.get(post.parent) if post.parent else None
                if post.parent and parent is None:
                    later.append((post, author_id))
                elif parent is not None and parent.page_id != self.pages[post.thread]:
                    self.skip(post.key, post.line, "it answers a comment on another story")
                else:
                    ready.append((post, author_id, parent))
            if not ready:
                break
            placed = self.place_ready(ready)
            parents.update(placed)
            pending = later
            for key in placed:  # replies that came before their parent
                pending.extend(self.waiting.pop(key, []))
        for post, author_id in pending:
            self.waiting[post.parent].append((post, author_id))

    def place_ready(self, ready):
        comments = place_archived([self.entry(*each) for each in ready])
        posts = [post for post, _, _ in ready]
        keys = [
            ImportedComment(key=post.key, comment=comment)
            for post, comment in zip(posts, comments, strict=True)
        ]
        for key, pk in zip(keys, take_ids(ImportedComment, len(keys)), strict=True):
            key.pk = pk
        insert_rows(ImportedComment, keys)
        for comment in comments:
            self.report.imported[comment.status] += 1
            self.changed_pages.add(comment.page_id)
        return {post.key: comment for post, comment in zip(posts, comments, strict=True)}

    def entry(self, post, author_id, parent):
        status = STATUS_OF_STATE[post.state]
        screening = {"imported": True, "state": str(post.state)}
        if status == Comment.Status.HELD:
            screening["reasons"] = [WAITING_THERE.as_dict()]
        elif status == Comment.Status.PUBLISHED and self.judging:
            verdict = self.judging.judge(post, page_id=self.pages[post.thread])
            if verdict.decision != Decision.PUBLISH:
                status = Comment.Status.HELD
                screening = {**verdict.as_dict(), **screening, "held_by_screening": True}
                screening["reasons"].append(
                    Reason(Code.IMPORTED, "Imported, held by screening.", Decision.HOLD).as_dict()
                )
                self.report.held_by_screening += 1
        return Archived(
            page_id=self.pages[post.thread],
            author_id=author_id,
            parent=parent,
            body=post.body.strip(),
            posted_at=post.created,
            status=status,
            screening=screening,
        )


class Judging:
    """Screening for an archive (`--screen`): the rules about what a comment says and the
    models, with each story's own lists and thresholds. Not the rules about how or when
    it was posted (pace, a new writer's record, a section reading everything first):
    those are for comments written now. Text copied across writers is still caught."""

    def __init__(self):
        self.state = State(MemoryStore())
        self.policies = {}

    def policy(self, page_id):
        if page_id not in self.policies:
            page = Page.objects.get(pk=page_id).specific
            policy = replace(policy_for(page), moderation=CommentPolicy.POST_MODERATION)
            self.policies[page_id] = (policy, story_text(page))
        return self.policies[page_id]

    def judge(self, post: Post, *, page_id: int):
        policy, article = self.policy(page_id)
        submission = Submission(
            body=post.body,
            author=post.writer.key,
            created=post.created,
            article_text=article,
        )
        return pipeline.judge(submission, policy, self.state, paced=True)
