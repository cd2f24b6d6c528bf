"""Template helpers shared by every page: edition times and JSON-LD."""

import json

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from dateline.newsroom.models import EditionSettings

register = template.Library()

# Characters that could end a <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def text_direction(language_code):
    """ "rtl" for right-to-left languages such as Arabic, else "ltr"."""
    try:
        return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.filter
def ld_json(data):
    """A <script type="application/ld+json"> element, safe against </script> in the data."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag(takes_context=True)
def edition_time(context, moment, prefix=""):
    """A time in every zone of the edition: "January 29, 2013 -- 2238 GMT (0638 HKT)"."""
    if moment is None:
        return ""
    request = context.get("request")
    zones = EditionSettings.for_request(request).zones if request else []
    if not zones:
        zones = [("UTC", moment.tzinfo)]
    (main_label, main_zone), *others = zones
    local = moment.astimezone(main_zone)
    extra = format_html_join(
        " ",
        "({} {})",
        ((moment.astimezone(zone).strftime("%H%M"), label) for label, zone in others),
    )
    return format_html(
        '{}<time datetime="{}">{} {} -- {} {}</time> {}',
        prefix,
        moment.isoformat(),
        local.strftime("%B"),
        f"{local.day}, {local.year}",
        local.strftime("%H%M"),
        main_label,
        extra,
    )
