"""Reads about accounts that pages above accounts show: badges and names that pass for bylines."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .models import ReservedByline


def badges_for(*, user_ids: Iterable[int], story: Page) -> dict[int, str]:
    """{account id: badge} for the writers of one page of comments under `story`, in one query.

    "imported" for a writer brought over with an archive; "author" for an account whose
    byline is on the story, else "staff", else "verified";
    accounts without a badge are left out. `story` is a page (specific or not).
    """
    bylines = getattr(story.specific_deferred, "bylines", None)
    author = (
        []
        if bylines is None
        else [When(byline__in=bylines.values_list("pk", flat=True), then=Value("author"))]
    )
    badge = Case(
        When(imported_key__isnull=False, then=Value("imported")),
        *author,
        When(is_staff=True, then=Value("staff")),
        When(is_verified=True, then=Value("verified")),
        default=Value(""),
    )
    rows = (
        get_user_model()
        .objects.filter(pk__in=set(user_ids))
        .annotate(story_badge=badge)
        .exclude(story_badge="")
        .values_list("pk", "story_badge")
    )
    return dict(rows)


def name_conflicts(*, user_ids: Iterable[int] | None = None) -> dict[int, str]:
    """{account id: byline name} for accounts whose display name passes for a byline that is
    not theirs: readers who held the name before the byline was added. One query.

    Only the accounts in `user_ids` when given (a page of the moderation queue's writers).
    """
    others = ReservedByline.objects.filter(name_key=OuterRef("display_name_key")).exclude(
        author_id=Coalesce(OuterRef("byline_id"), Value(0))
    )
    users = (
        get_user_model()
        .objects.filter(display_name_key__in=ReservedByline.objects.values("name_key"))
        .annotate(lookalike_of=Subquery(others.values("author__name")[:1]))
        .filter(lookalike_of__isnull=False)
    )
    if user_ids is not None:
        users = users.filter(pk__in=user_ids)
    return dict(users.values_list("pk", "lookalike_of"))


def claimable_profiles(*, reader) -> list:
    """The imported writers' profiles `reader` may claim: written with their verified email."""
    if not (reader.is_authenticated and reader.email_verified and reader.email):
        return []
    return list(
        get_user_model()
        .objects.filter(
            imported_email=reader.email.lower(), imported_key__isnull=False, claimed_by=None
        )
        .annotate(comment_count=Count("comments"))
        .filter(comment_count__gt=0)
    )
