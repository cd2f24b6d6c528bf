"""Reads of published stories that every comment asks for, kept between requests.

Looking a story up by id is two queries (its kind, then its row across two tables) and
the costliest part of a refused comment. The row is kept per site version
(`core.published`): publishing or unpublishing anything makes it stale everywhere.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.fields import StreamField
from wagtail.models import Page

from dateline.core.published import derived

from .models import StoryPage


def live_story(page_id: int) -> StoryPage | None:
    """The live story with this id, as an instance of its own (never shared with another
    request), or None when no live story has it."""
    row = derived(("live-story", page_id), lambda: _story_row(page_id))
    if row is None:
        return None
    model, database, names, values = row
    return model.from_db(database, names, values)


def _story_row(page_id):
    """What builds the story again: its class, database, field names and stored values.

    A StreamField's value is kept as its JSON text, so that each instance parses its own
    (a StreamValue fills itself in as it is read and must not be shared); every other
    field of a story holds an immutable value.
    """
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if not isinstance(page, StoryPage):
        return None
    fields = page._meta.concrete_fields
    values = []
    for field in fields:
        value = getattr(page, field.attname)
        if isinstance(field, StreamField):
            value = json.dumps(field.get_prep_value(value), cls=DjangoJSONEncoder)
        values.append(value)
    return type(page), page._state.db, tuple(field.attname for field in fields), tuple(values)
