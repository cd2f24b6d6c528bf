"""What other apps read from screening (no writes here)."""

from dateline.core.state import cache_state

from .models import Surge
from .surge import is_on


def open_surges():
    """Surges under way: open rows whose story surge control still holds in pre-moderation.

    A surge that lapsed in quiet stays open in the table until the story's next surge
    starts (`actions.start_surge` ends it then); it is not listed.
    """
    state = cache_state()
    return [
        surge
        for surge in Surge.objects.filter(ended__isnull=True).select_related("page")
        if is_on(state, str(surge.page_id))
    ]


def surge_on(page_id) -> bool:
    """Whether comments on the story are held for a moderator because of a surge."""
    return is_on(cache_state(), str(page_id))
