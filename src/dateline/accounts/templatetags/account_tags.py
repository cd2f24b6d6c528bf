"""`{% author_name user %}`: a display name with its badge, linked to the profile.

Under a story, pass the badge `selectors.badges_for` gave the writer there:
`{% author_name user badge=... %}` (an empty one shows none).
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

register = template.Library()

BADGE_LABELS = {
    "author": _("Author"),
    "staff": _("Staff"),
    "verified": _("Verified"),
    "imported": _("Imported"),  # brought over from the newsroom's earlier comment system
}


@register.simple_tag
def author_name(user, link=True, badge=None):
    if user is None:
        return format_html('<span class="author author--gone">{}</span>', _("Deleted account"))
    badge = user.badge if badge is None else badge
    label = BADGE_LABELS.get(badge, "")
    badge_html = (
        format_html(' <span class="badge badge--{}">{}</span>', badge, label) if label else ""
    )
    if not link or user.is_imported:  # an imported writer has no profile page
        return format_html('<span class="author">{}</span>{}', user.display_name, badge_html)
    return format_html(
        '<a class="author" href="{}">{}</a>{}',
        reverse("accounts:profile", kwargs={"user_id": user.pk}),
        user.display_name,
        badge_html,
    )
