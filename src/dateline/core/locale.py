"""Every page speaks its own language: the interface around a story follows the story.

Django's LocaleMiddleware picks the language from the path (/ar/... is Arabic, anything
else the default), never from the browser's Accept-Language, so a page cached for one
reader is right for the next. This middleware, placed after it, adds two cases:

- a page of the tree is rendered in its own locale's language, wherever it is served
  from (a preview, a path whose prefix says otherwise);
- a form reached from a page (log in, sign up: `?next=/ar/...`) speaks that page's
  language, so a reader of the Arabic edition is not dropped into English. Only views
  outside the page tree read `next`, and only once the address is resolved: the
  language decides which tree an address resolves in, so an English page asked for with
  `?next=/ar/` is still found (and shown in English).
"""

from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page

from .pagecache import PAGE_TREE_ROUTE


def _activate(request, language_code):
    """Activate `language_code` when the site offers it; otherwise leave the language be."""
    try:
        language = translation.get_supported_language_variant(language_code)
    except LookupError:
        return
    translation.activate(language)
    request.LANGUAGE_CODE = language


def language_of_next(request):
    """The language prefix of the request's local `next` path, or None.

    Read from the query string only (a form posts back to its own address, query
    included): the body is never read here, before the API's size check.
    """
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return None
    return translation.get_language_from_path(target)


class PageLanguageMiddleware:
    """Activates the language of the page being shown (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name == PAGE_TREE_ROUTE:
            return
        if language := language_of_next(request):
            _activate(request, language)

    def process_template_response(self, request, response):
        # Runs before the template is rendered: every string in it, the dates and
        # numbers included, comes out in the page's language.
        page = (response.context_data or {}).get("page")
        if isinstance(page, Page):
            _activate(request, page.locale.language_code)
        return response
