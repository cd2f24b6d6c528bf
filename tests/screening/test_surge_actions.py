"""Surges start and end through screening.actions; the queue reads them without writing."""

import pytest
from django.core import mail

from dateline.audit.models import AuditEntry
from dateline.core.state import cache_state
from dateline.screening import actions, selectors
from dateline.screening.models import Surge

pytestmark = pytest.mark.django_db


def surge_on(page, on):
    cache_state().store.set(f"screen:surge:{page.pk}", on, timeout=60)


def test_start_and_end(story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.start_surge(story, "9 comments in the last minute")
    surge_on(story, True)
    assert [s.reason for s in selectors.open_surges()] == ["9 comments in the last minute"]
    assert [m for m in mail.outbox if m.subject.startswith("Surge")]
    actions.end_surge(story, "calm again")
    assert selectors.open_surges() == []
    assert Surge.objects.get(page=story).ended is not None
    assert set(
        AuditEntry.objects.filter(action__startswith="screening.surge").values_list(
            "action", flat=True
        )
    ) == {"screening.surge_start", "screening.surge_end"}


def test_a_lapsed_surge_is_not_listed_nor_written_by_reading(story):
    actions.start_surge(story, "first")
    surge_on(story, False)  # surge control let it lapse: no calm comment ended it
    assert selectors.open_surges() == []
    assert Surge.objects.get(page=story).ended is None  # reading wrote nothing
    actions.start_surge(story, "second")
    surge_on(story, True)
    assert [s.reason for s in selectors.open_surges()] == ["second"]
    first = Surge.objects.get(page=story, reason="first")
    assert first.ended == first.started
