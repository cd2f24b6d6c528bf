"""Template helpers shared by every page: text direction and JSON-LD."""

import json

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

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
