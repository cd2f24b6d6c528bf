"""Fixtures for comment tests: a story from the demo site and readers to write on it."""

import itertools

import pytest

from dateline.newsroom.models import ArticlePage
from tests.factories import make_person

_numbers = itertools.count(1)
# Letters that no look-alike rule folds into another (no i, l, m, n, o, r, u, v, w):
# the names they spell stay distinct, and short, however many readers a run makes.
DISTINCT_LETTERS = "abcdefghjkpqstxyz"


def letters(number):
    """`number` spelt in DISTINCT_LETTERS (1 → "a", 18 → "aa"): digits fold into letters."""
    spelt = ""
    while number:
        number, digit = divmod(number - 1, len(DISTINCT_LETTERS))
        spelt = DISTINCT_LETTERS[digit] + spelt
    return spelt


@pytest.fixture(autouse=True)
def without_screening(settings):
    """These tests are about the comment path itself; tests/screening covers the judging."""
    settings.SCREENING_ENABLED = False


@pytest.fixture
def quiet_story(db):
    """A demo article with no comments yet."""
    return ArticlePage.objects.live().filter(comments__isnull=True).first()


@pytest.fixture
def make_reader(db):
    def make(name=None, **fields):
        number = next(_numbers)
        return make_person(
            name or f"Reader Number {letters(number)}",
            f"reader{number}@example.com",
            email_verified=True,
            **fields,
        )

    return make


@pytest.fixture
def reader(make_reader):
    return make_reader("Test Reader")


@pytest.fixture
def other_reader(make_reader):
    return make_reader("Other Reader")


@pytest.fixture
def moderator(make_reader):
    return make_reader("Night Desk", is_staff=True)
