"""Template helpers shared by every page: text direction, the home page, JSON-LD, and
parts of pages kept for every reader alike."""

import json

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Site

from dateline.core.pagecache import ENTRY_TIMEOUT, part_key

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


class KeptNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        page = context.get("page")
        key = part_key(
            self.name,
            request=context.get("request"),
            page_id=getattr(page, "pk", None),
            language=get_language(),
        )
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, ENTRY_TIMEOUT)
        return mark_safe(html)


@register.tag
def kept(parser, token):
    """{% kept "name" %}...{% endkept %}: a part of the page that every reader sees alike,
    drawn once per site version, page, language and host, then reused
    (`core.pagecache.part_key`).

    For what a logged-in reader's page shares with everyone's: the story, not the
    comments or the account menu. Nothing personal may go inside (no user, no CSRF token,
    no messages), nor anything that changes without a publication.
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Use {% kept "name" %}...{% endkept %}.')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(bits[1][1:-1], nodelist)
