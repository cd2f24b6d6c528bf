"""Template helpers shared by every page: text direction, the home page, JSON-LD."""

import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from wagtail.models import Site

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


@register.simple_tag(takes_context=True)
def home_url(context):
    """The front page in the language being shown (/ar/ for the Arabic edition), else "/"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"


@register.filter
def ld_json(data):
    """A <script type="application/ld+json"> element, safe against </script> in the data."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
