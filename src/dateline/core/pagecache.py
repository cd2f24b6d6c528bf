"""The anonymous page cache: whole pages for readers who are not logged in.

A cache hit is answered by the outermost middleware without touching the page tree,
templates or database. Entries are keyed by the site's publication version and the
full URL; each entry also remembers its page's own version. Publishing or
unpublishing any page bumps the site version (listings and hubs change too); a
change to a page's comments bumps only that page's version.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

SITE_VERSION_KEY = "pagecache:site"
PAGE_VERSION_KEY = "pagecache:page:{page_id}"
ENTRY_KEY = "pagecache:entry:{site_version}:{host}:{path}"
ENTRY_TIMEOUT = 60 * 60
# Query parameters that select a variant of a page (comment sort and paging); any
# other query string is passed through uncached so it cannot flood the cache.
VARIANT_PARAMETERS = {"sort", "page", "tab"}
NO_CACHE_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}


def _version(key):
    return cache.get_or_set(key, 1, timeout=None)


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)


def page_version(page_id):
    return _version(PAGE_VERSION_KEY.format(page_id=page_id))


def invalidate_page(page_id):
    """Make every cached copy of page `page_id` stale."""
    _bump(PAGE_VERSION_KEY.format(page_id=page_id))


def invalidate_site():
    """Make every cached page stale (a story was published: menus and lists change)."""
    _bump(SITE_VERSION_KEY)


def _entry_key(request):
    return ENTRY_KEY.format(
        site_version=_version(SITE_VERSION_KEY),
        host=request.get_host(),
        path=request.get_full_path(),
    )


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not NO_CACHE_COOKIES.intersection(request.COOKIES)
        and set(request.GET).issubset(VARIANT_PARAMETERS)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _cacheable_response(request, response):
    return (
        getattr(request, "dateline_page_id", None) is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Serve and fill the anonymous page cache; must be first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _entry_key(request)
        entry = cache.get(key)
        if entry is not None and entry["page_version"] == page_version(entry["page_id"]):
            response = HttpResponse(entry["content"], status=entry["status"])
            for header, value in entry["headers"]:
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            page_id = request.dateline_page_id
            cache.set(
                key,
                {
                    "page_id": page_id,
                    "page_version": page_version(page_id),
                    "status": response.status_code,
                    "headers": list(response.items()),
                    "content": response.content,
                },
                ENTRY_TIMEOUT,
            )
            response["X-Page-Cache"] = "miss"
        return response
