"""One way for tests to make people: a reader with a display name, an email and a password."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

PASSWORD = "a long test passphrase"


def make_person(display_name, email=None, *, joined_days_ago=0, **fields):
    """A reader named `display_name` (email derived from it unless given), already saved."""
    email = email or display_name.lower().replace(" ", ".") + "@example.com"
    person = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, display_name=display_name, **fields
    )
    if joined_days_ago:
        person.date_joined = timezone.now() - timedelta(days=joined_days_ago)
        person.save(update_fields=["date_joined"])
    return person
