"""`{% author_name user %}`: a display name with its badge, linked to the profile."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()

BADGE_LABELS = {"staff": "Staff", "verified": "Verified"}


@register.simple_tag
def author_name(user, link=True):
    if user is None:
        return format_html('<span class="author author--gone">{}</span>', "Deleted account")
    badge = BADGE_LABELS.get(user.badge, "")
    badge_html = (
        format_html(' <span class="badge badge--{}">{}</span>', user.badge, badge) if badge else ""
    )
    if not link:
        return format_html('<span class="author">{}</span>{}', user.display_name, badge_html)
    return format_html(
        '<a class="author" href="{}">{}</a>{}',
        reverse("accounts:profile", kwargs={"user_id": user.pk}),
        user.display_name,
        badge_html,
    )
