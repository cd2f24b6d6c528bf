"""The only write path for comments.

Every function here checks who may do what, runs in one transaction, screens new and
edited text, keeps the counters, makes the page's cached copies stale, and writes an
audit row. Views and the API call these; nothing else writes comments.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from dateline.accounts.models import User
from dateline.accounts.permissions import NotAllowed, check_logged_in, check_staff
from dateline.audit.log import record
from dateline.core.api import RateLimited
from dateline.core.bulk import insert_rows, take_ids
from dateline.core.metrics import count_comment
from dateline.core.pagecache import invalidate_page
from dateline.screening import text
from dateline.screening.verdict import Code, Decision, Reason

from . import hooks, screening
from .models import Comment, Flag, Follow, Reaction, Ruling
from .text import clean_body, render_body

TOMBSTONES = (Comment.Status.DELETED, Comment.Status.REMOVED)
# What a comment brought from an archive may hold: old systems allowed long comments.
ARCHIVED_MAX_LENGTH = 100_000
Reader = User | AnonymousUser  # whoever is asking; the checks refuse the anonymous
MAX_DEPTH = 2  # depth 0, 1 and 2: three levels shown; deeper replies stay at level three
STATUS_OF_DECISION = {
    Decision.PUBLISH: Comment.Status.PUBLISHED,
    Decision.HOLD: Comment.Status.HELD,
    Decision.REJECT: Comment.Status.REJECTED,
}
STATUS_OF_RULING = {
    Ruling.APPROVE: Comment.Status.PUBLISHED,
    Ruling.REJECT: Comment.Status.REJECTED,
    Ruling.REMOVE: Comment.Status.REMOVED,
    Ruling.REQUEUE: Comment.Status.HELD,
}


def rejection_reason(comment: Comment) -> str:
    """The reason shown to a writer whose comment was rejected."""
    if comment.moderation_reason:
        return comment.moderation_reason
    for reason in comment.reasons:
        if reason.get("decision") == Decision.REJECT:
            return reason.get("message")
    return "It breaks the rules of conduct."


def edit_window():
    return timedelta(seconds=settings.COMMENT_EDIT_WINDOW_SECONDS)


def _require_author(comment, user, doing):
    check_logged_in(user, doing)
    if user.pk != comment.author_id:
        raise NotAllowed(f"Only its author can {doing} a comment.", "not_author")


def _screen(comment, *, ip, is_edit):
    verdict = screening.screen_comment(comment, ip=ip, is_edit=is_edit)
    comment.status = STATUS_OF_DECISION[verdict.decision]
    comment.screening = verdict.as_dict()
    return verdict


def _changed(comment, *, was_visible, announce=True, stamped=False):
    """A comment's visibility or text changed: readers' cached pages must follow."""
    _note_visibility(comment, was_visible=was_visible, announce=announce, stamped=stamped)
    if was_visible or comment.is_visible:
        transaction.on_commit(lambda: invalidate_page(comment.page_id))


def _note_visibility(comment, *, was_visible, announce, stamped=False):
    """Stamp a comment that appeared or disappeared (open pages poll by this stamp), and
    tell the apps that listen when it appeared. `stamped`: it was saved with its stamp."""
    if was_visible != comment.is_visible:
        if not stamped:
            comment.changed = timezone.now()
            Comment.objects.filter(pk=comment.pk).update(changed=comment.changed)
        if comment.is_visible and announce:
            hooks.became_visible(comment)


def post_comment(
    *,
    author: Reader,
    page: Page,
    body: str,
    parent: Comment | None = None,
    ip: str | None = None,
) -> Comment:
    """Post a comment (or a reply to `parent`). Returns it, whatever screening decided.

    Raises PermissionDenied when the author may not comment here and ValidationError
    (with a code) for text that is not a comment.
    """
    check_logged_in(author, "comment")
    body = clean_body(body)
    paced = screening.pace_comment(author=author, body=body, ip=ip)
    if paced is not None:  # too fast or twice: refused before anything is read or written
        count_comment(decision="refused")
        raise _refused(paced.refusal, author=author, body=body)
    check_can_comment(author, page)
    if parent is not None and (parent.page_id != page.pk or not parent.is_visible):
        raise ValidationError(
            "You can only reply to a published comment on this story.", code="invalid_parent"
        )
    comment = _new_comment(author=author, page=page, body=body, parent=parent, ip=ip)
    # Judged before the transaction: on SQLite it holds the database's one write lock, and
    # every other post would wait for the models too.
    verdict = _screen(comment, ip=ip, is_edit=False)
    with transaction.atomic():
        _save_new(comment)
        transaction.on_commit(lambda: count_comment(decision=verdict.decision))
        record(
            "comment.post",
            actor=author,
            target=comment,
            ip=ip,
            status=comment.status,
            decision=verdict.decision,
        )
    return comment


def check_can_comment(author: Reader, page: Page) -> None:
    """Raise NotAllowed unless `author` may comment on `page` now."""
    check_logged_in(author, "comment")
    if not author.can_comment:
        raise NotAllowed("Your account cannot comment at the moment.", "cannot_comment")
    if not getattr(page.specific, "comments_open", False):
        raise NotAllowed("Comments are closed on this story.", "comments_closed")


def _refused(reason: Reason, *, author, body: str) -> ValidationError:
    """Posted too fast or twice: refused, and never recorded against the writer."""
    if reason.code == Code.RATE_LIMIT:
        return RateLimited(reason.message, wait=reason.detail["wait_seconds"])
    earlier = earlier_copy(author=author, body=body)
    if earlier is None:
        return ValidationError(reason.message, code="duplicate")
    return ValidationError(
        f"You already posted this comment on “{earlier.page.title}”: "
        f"{reverse('comments:permalink', args=[earlier.pk])}",
        code="duplicate",
    )


def earlier_copy(*, author: User, body: str, within=timedelta(days=1)) -> Comment | None:
    """The writer's recent comment with the same text (a word or two aside), if any."""
    is_near = text.near_to(text.fingerprint(body))
    recent = (
        Comment.objects.filter(author=author, created__gte=timezone.now() - within)
        .filter(status__in=[Comment.Status.PUBLISHED, Comment.Status.HELD])
        .select_related("page")
        .order_by("-created")
        .iterator()
    )
    return next((c for c in islice(recent, 200) if is_near(text.fingerprint(c.body))), None)


def place_comment(
    *,
    author: User | None,
    page: Page,
    body: str,
    posted_at: datetime,
    parent: Comment | None = None,
    status: str = Comment.Status.PUBLISHED,
    actor: User | None = None,
) -> Comment:
    """Place a comment whose fate was settled elsewhere, at the time it was first posted.

    For comments that arrive with their history (the demo's threads, archives brought
    from another system): not screened, not rate limited, but threaded, counted, made
    safe by the same sanitiser, and audited like any other. `actor` is who placed it
    (None for a command run by the site itself).
    """
    body = clean_body(body)
    if parent is not None and parent.page_id != page.pk:
        raise ValidationError("A reply belongs on its parent's story.", code="invalid_parent")
    comment = _new_comment(author=author, page=page, body=body, parent=parent, ip=None)
    comment.status = status
    with transaction.atomic():
        _save_new(comment, announce=False)  # old news: nobody is told of it again
        Comment.objects.filter(pk=comment.pk).update(created=posted_at, changed=posted_at)
        comment.created = comment.changed = posted_at
        record("comment.place", actor=actor, target=comment, status=comment.status)
    return comment


@dataclass(frozen=True)
class Archived:
    """A comment from an archive, ready to place: its parent already placed (or None)."""

    page_id: int
    author_id: int | None
    parent: Comment | None
    body: str  # plain text, checked by `clean_archived_body`
    posted_at: datetime
    status: str
    screening: dict = field(default_factory=dict)


def clean_archived_body(body: str) -> str:
    """An archived comment's text: checked like a new one's, but not cut to today's length
    limit (the archive is history; the limit is for what readers write here)."""
    return clean_body(body, max_length=ARCHIVED_MAX_LENGTH)


def place_archived(entries: list[Archived]) -> list[Comment]:
    """Place many comments from an archive in one insert, at the times they were posted.

    As `place_comment`: not screened here, nobody is told, threads' reply counts kept.
    Unlike it, the audit row is the import's own and cached pages go stale once per
    import (`archived_pages_changed`). A deleted comment is a tombstone, without its text.
    """
    comments = [
        Comment(
            page_id=entry.page_id,
            author_id=entry.author_id,
            **_placed_under(entry.parent),
            body="" if entry.status in TOMBSTONES else entry.body,
            body_html="" if entry.status in TOMBSTONES else render_body(entry.body),
            status=entry.status,
            created=entry.posted_at,
            changed=entry.posted_at,
            screening=entry.screening,
        )
        for entry in entries
    ]
    for comment, pk in zip(comments, take_ids(Comment, len(comments)), strict=True):
        comment.pk = pk
        if comment.parent_id is None:
            comment.thread_id = pk
    insert_rows(Comment, comments)
    _count_new_replies(comments)
    return comments


def _count_new_replies(comments: list[Comment]) -> None:
    """Add the published replies among `comments` (all new) to their threads' counts: one
    UPDATE per distinct number added, not a count over each thread's rows."""
    added = Counter(
        comment.thread_id for comment in comments if comment.parent_id and comment.is_visible
    )
    threads_by_number = defaultdict(list)
    for thread_id, number in added.items():
        threads_by_number[number].append(thread_id)
    for number, thread_ids in threads_by_number.items():
        Comment.objects.filter(pk__in=thread_ids).update(reply_count=F("reply_count") + number)


def archived_pages_changed(*, page_ids: set[int]) -> None:
    """An import placed comments on these pages: their cached copies go stale once it commits."""
    for page_id in page_ids:
        transaction.on_commit(lambda page_id=page_id: invalidate_page(page_id))


def move_to_claimer(profile: User, *, reader: User) -> None:
    """An imported writer's profile was claimed: its comments are the reader's now."""
    comments = Comment.objects.filter(author=profile)
    pages = set(comments.values_list("page_id", flat=True).distinct())
    comments.update(author=reader)
    for page_id in pages:
        transaction.on_commit(lambda page_id=page_id: invalidate_page(page_id))


def _placed_under(parent):
    """A new comment's parent, thread and depth; a top-level one's thread is set once it
    has an id (its own)."""
    if parent is None:
        return {"parent": None, "thread_id": None, "depth": 0}
    return {
        "parent": parent,
        "thread_id": parent.thread_id,
        "depth": min(parent.depth + 1, MAX_DEPTH),
    }


def _new_comment(*, author, page, body, parent, ip):
    return Comment(
        page=page,
        author=author,
        **_placed_under(parent),
        body=body,
        body_html=render_body(body),
        ip=ip,
    )


def _save_new(comment, *, announce=True):
    """Save a new comment, point its thread at itself or count it in its thread. One
    that appears is saved with its stamp: a statement fewer under the write lock."""
    comment.changed = timezone.now()
    comment.save()
    if comment.parent_id is None:
        Comment.objects.filter(pk=comment.pk).update(thread=comment)
        comment.thread_id = comment.pk
    elif comment.is_visible:
        Comment.objects.filter(pk=comment.thread_id).update(reply_count=F("reply_count") + 1)
    _changed(comment, was_visible=False, announce=announce, stamped=True)


def check_can_edit(comment: Comment, user: Reader) -> None:
    """Raise NotAllowed unless `user` wrote `comment` and its edit window is still open."""
    _require_author(comment, user, "edit")
    if comment.is_tombstone or comment.status == Comment.Status.REJECTED:
        raise NotAllowed("This comment can no longer be edited.", "not_editable")
    if timezone.now() - comment.created > edit_window():
        minutes = int(edit_window().total_seconds() // 60)
        raise NotAllowed(
            f"Comments can be edited for {minutes} minutes after posting.", "edit_window_closed"
        )


def can_edit(comment: Comment, user: Reader) -> bool:
    try:
        check_can_edit(comment, user)
    except NotAllowed:
        return False
    return True


def edit_comment(comment: Comment, *, actor: Reader, body: str, ip: str | None = None) -> Comment:
    """The author edits within the edit window; the new text is screened again."""
    check_can_edit(comment, actor)
    body = clean_body(body)
    was_visible = comment.is_visible
    comment.body, comment.body_html = body, render_body(body)
    comment.edited_at = timezone.now()
    _screen(comment, ip=ip, is_edit=True)  # before the write lock, as for a new comment
    with transaction.atomic():
        comment.save()
        _adjust_thread_count(comment, was_visible)
        record("comment.edit", actor=actor, target=comment, ip=ip, status=comment.status)
        _changed(comment, was_visible=was_visible)
    return comment


def delete_comment(comment: Comment, *, actor: Reader, ip: str | None = None) -> Comment:
    """The author deletes their comment: a tombstone keeps the thread readable."""
    _require_author(comment, actor, "delete")
    if comment.is_tombstone:
        return comment  # deleting again changes nothing
    with transaction.atomic():
        was_visible = comment.is_visible
        comment.status = Comment.Status.DELETED
        comment.body = comment.body_html = ""
        comment.save(update_fields=["status", "body", "body_html"])
        _adjust_thread_count(comment, was_visible)
        record("comment.delete", actor=actor, target=comment, ip=ip)
        _changed(comment, was_visible=was_visible)
    return comment


def delete_all_by_author(user: User, *, actor: User) -> None:
    """Tombstone every comment a person wrote (when they delete their account)."""
    for comment in Comment.objects.filter(author=user).exclude(status__in=TOMBSTONES):
        delete_comment(comment, actor=actor)


def moderate(comment: Comment, *, actor: Reader, decision: Ruling, reason: str = "") -> Comment:
    """A moderator approves, rejects or removes a comment."""
    check_staff(actor)
    status = STATUS_OF_RULING.get(decision)
    if status is None:
        raise ValidationError(f"Unknown moderation decision “{decision}”.", code="invalid")
    with transaction.atomic():
        was_visible, was_held = comment.is_visible, comment.status == Comment.Status.HELD
        comment.status = status
        comment.moderation_reason = reason[:300]
        comment.save(update_fields=["status", "moderation_reason"])
        _adjust_thread_count(comment, was_visible)
        Flag.objects.filter(comment=comment).update(resolved=True)
        record(f"comment.{decision}", actor=actor, target=comment, reason=reason)
        _changed(comment, was_visible=was_visible)
        if was_held and decision in (Ruling.APPROVE, Ruling.REJECT):
            hooks.ruled(comment, decision=decision, reason=comment.moderation_reason)
    return comment


def set_featured(comment: Comment, *, actor: Reader, featured: bool = True) -> Comment:
    check_staff(actor)
    if featured and not comment.is_visible:
        raise ValidationError("Only a published comment can be featured.", code="invalid")
    with transaction.atomic():
        comment.is_featured = featured
        comment.save(update_fields=["is_featured"])
        record("comment.feature" if featured else "comment.unfeature", actor=actor, target=comment)
        _changed(comment, was_visible=comment.is_visible)  # shown as before, with a mark
    return comment


def check_can_react(comment: Comment, user: Reader) -> None:
    """Raise unless `user` may give `comment` their Respect: a published comment by someone
    else (a writer's own Respect would only lift their comment up "Most respected")."""
    check_logged_in(user, "react")
    if user.pk == comment.author_id:
        raise NotAllowed("You cannot respect your own comment.", "own_comment")
    if not comment.is_visible:
        raise ValidationError("Only published comments take reactions.", code="not_published")


def react(comment: Comment, *, user: Reader, on: bool | None = None) -> bool:
    """Give (on=True), take back (on=False) or toggle (None) the reader's "Respect".

    Returns True when the reader's reaction is on afterwards.
    """
    check_can_react(comment, user)
    with transaction.atomic():
        mine = Reaction.objects.select_for_update().filter(comment=comment, user=user)
        had = mine.exists()
        wanted = (not had) if on is None else on
        if had and not wanted:
            mine.delete()
            Comment.objects.filter(pk=comment.pk).update(reaction_count=F("reaction_count") - 1)
        elif wanted and not had:
            Reaction.objects.create(comment=comment, user=user)
            Comment.objects.filter(pk=comment.pk).update(reaction_count=F("reaction_count") + 1)
        comment.refresh_from_db(fields=["reaction_count"])
        if had != wanted:
            record("comment.react", actor=user, target=comment, on=wanted)
            _changed(comment, was_visible=True)
    return wanted


def flag(comment: Comment, *, user: Reader, reason: str, note: str = "") -> Flag:
    """A reader reports a comment; one flag per reader per comment."""
    check_logged_in(user, "report a comment")
    if reason not in Flag.Reason.values:
        raise ValidationError("Choose why you are reporting this comment.", code="invalid_reason")
    try:
        with transaction.atomic():
            report = Flag.objects.create(comment=comment, user=user, reason=reason, note=note[:300])
            record("comment.flag", actor=user, target=comment, reason=reason)
    except IntegrityError as error:
        raise ValidationError(
            "You have already reported this comment.", code="already_flagged"
        ) from error
    return report


def _adjust_thread_count(comment, was_visible):
    """Keep the thread's reply count equal to its visible replies."""
    if comment.depth == 0 or was_visible == comment.is_visible:
        return
    step = 1 if comment.is_visible else -1
    Comment.objects.filter(pk=comment.thread_id).update(reply_count=F("reply_count") + step)


def follow(thread: Comment, *, user: Reader, on: bool = True) -> bool:
    """Follow (or stop following) the thread of `thread`; returns whether the reader now
    follows it."""
    check_logged_in(user, "follow a thread")
    root = thread.thread or thread
    if on and not root.is_visible:
        raise ValidationError("Only a published thread can be followed.", code="not_published")
    with transaction.atomic():
        if on:
            _, made = Follow.objects.get_or_create(user=user, thread=root)
            if made:
                record("comment.follow", actor=user, target=root)
        elif Follow.objects.filter(user=user, thread=root).delete()[0]:
            record("comment.unfollow", actor=user, target=root)
    return on
