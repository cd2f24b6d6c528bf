"""The anonymous page cache: whole pages for readers who are not logged in.

A cache hit is answered before Django runs (PageCacheApplication, in dateline.wsgi),
or by the outermost middleware, without touching the page tree, templates or database.
Entries are keyed by the site's publication version and the address (scheme, host, path
and the page's variant parameters, below); each entry also remembers its page's own
version. Publishing or unpublishing any page bumps the site version (listings and hubs
change too), as does a change to what pages show without being pages (a byline's name,
the edition's time zones, a picture: `newsroom.signals`); a change to a page's comments
bumps only that page's version.

Entries are kept per scheme, so a page stored from an HTTP request (no
Strict-Transport-Security) is never the answer to an HTTPS one.

While Redis is unreachable the cache reads as empty and ignores writes (see
settings.redis_cache): readers get pages from Django. An invalidation sent then is
lost, so the worker that lost it makes every cached page stale once Redis answers again.

Addresses with a query string. A page of the tree reads only its variant parameters
(VARIANT_PARAMETERS: the comments' sort, page and tab); every other parameter is one of
two kinds, and neither may cost a render:

- Tracking parameters (TRACKING_PARAMETERS and TRACKING_PREFIXES: campaign tags, ad-click,
  mailing and share ids), the usual shape of a link followed from elsewhere. The key
  leaves them out, so every such link is answered from the one cached page, on the fast
  path too. They are served, not redirected: a redirect would cost each reader arriving
  from a shared link one more round trip before the page, and would take the tags out of
  the address bar where the reader's own browser may still read them; the page's
  canonical link already names the address without them.
- Any other parameter. Such a request is never cached (one entry per value would let
  anyone fill the cache), and on an address of the page tree it is answered, before the
  view runs, with a permanent redirect to the same address without the parameters pages
  do not read (tracking ones kept). That costs no render and no entry, does not depend on
  the cache being warm, keeps what pages would read from a parameter (the login link's
  `next` in the base layout) out of stored pages, and lets a shared cache in front keep
  the redirect. Addresses outside the page tree (search, the moderation queue, the API,
  account forms) read their own parameters and are left alone: they are never stored.

A page that comes to read another parameter must name it in VARIANT_PARAMETERS.
"""

import logging
import threading
import time
from collections import OrderedDict
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.utils.encoding import escape_uri_path

from .metrics import observe_request
from .state import is_file_cache, shared_cache_lock

SITE_VERSION_KEY = "pagecache:site"
PAGE_VERSION_KEY = "pagecache:page:{page_id}"
ENTRY_KEY = "pagecache:entry:{scheme}://{host}{path}?{query}"
ENTRY_TIMEOUT = 60 * 60
PART_KEY = "pagecache:part:{name}:{version}:{page_id}:{language}:{scheme}://{host}"
# Query parameters that select a variant of a page (the comments' sort, paging and tab).
VARIANT_PARAMETERS = frozenset({"sort", "page", "tab"})
# Parameters that other sites, ad networks, newsletters and share buttons add to links to
# a story; no view reads them. Campaign tags by prefix, then click, mailing and share ids.
TRACKING_PREFIXES = ("utm_", "mtm_")
TRACKING_PARAMETERS = frozenset(
    {
        *("pk_campaign", "pk_kwd", "pk_source", "pk_medium", "pk_content"),
        *("gclid", "gclsrc", "gbraid", "wbraid", "dclid", "_ga", "_gl"),
        *("fbclid", "igshid", "igsh", "msclkid", "twclid", "ttclid", "li_fat_id"),
        *("yclid", "ysclid", "epik", "s_cid", "ocid"),
        *("mc_cid", "mc_eid", "mkt_tok", "_hsenc", "_hsmi", "vero_id"),
        *("ref", "ref_src", "ref_url"),
    }
)
# The route name of the page tree's catch-all view.
PAGE_TREE_ROUTE = "wagtail_serve"
NO_CACHE_COOKIES = (settings.SESSION_COOKIE_NAME + "=", "messages=")
# Set when this process could not reach the cache to make a page stale.
LOST_INVALIDATION = threading.Event()

logger = logging.getLogger(__name__)


def _fresh_version():
    """Where a missing version starts: a number no earlier version of it reached.

    A version can go missing while pages stored under it are still kept (the file cache
    culls at random, an evicting Redis drops keys): counting again from 1 would make
    those stale pages current again. Microseconds since the epoch only grow, far faster
    than a version is bumped.
    """
    return time.time_ns() // 1000


def _version(key):
    return cache.get_or_set(key, _fresh_version, timeout=None)


def _bump(key):
    """Add one to a version; False when the cache was unreachable (it then answers None).

    Redis adds atomically; the file cache reads, then writes, so bumps take turns
    through a lock: two bumps at once must give two new versions, or a page cached
    between them would stay current for an hour. It is written once, to stay (its own
    incr would write the default five-minute timeout, then touch would write again).
    """
    with shared_cache_lock("pagecache"):
        if is_file_cache(caches["default"]):
            current = cache.get(key)
            cache.set(key, _fresh_version() if current is None else current + 1, timeout=None)
            return True
        try:
            return cache.incr(key) is not None
        except ValueError:  # missing: whatever was kept under it is stale
            cache.set(key, _fresh_version(), timeout=None)
            return True


def _invalidate(key):
    if not _bump(key):
        LOST_INVALIDATION.set()
        logger.warning("The cache is unreachable: %s was not made stale.", key)


def page_version(page_id):
    return _version(PAGE_VERSION_KEY.format(page_id=page_id))


def current_versions(page_id):
    """(site version, page version) for page `page_id`, read in one round trip.

    What is drawn from a page's content and kept apart from its cached copies (the
    comments' shared thread HTML, `comments.rendering`) is keyed by these, so it goes stale
    exactly when the page's cached copies do. None while this process has lost an
    invalidation and the cache does not answer yet.
    """
    if not _recovered():
        return None
    page_key = PAGE_VERSION_KEY.format(page_id=page_id)
    found = cache.get_many([SITE_VERSION_KEY, page_key])
    return (
        found.get(SITE_VERSION_KEY) or _version(SITE_VERSION_KEY),
        found.get(page_key) or _version(page_key),
    )


def site_version():
    """The site's publication version, or None while this process has lost an
    invalidation and the cache does not answer yet (nothing may be kept under it)."""
    if not _recovered():
        return None
    return _version(SITE_VERSION_KEY)


def part_key(name, *, request, page_id, language):
    """The cache key of a part of a page that every reader of it sees alike, or None when
    it must be drawn afresh (a preview of a draft, a cache that lost an invalidation).

    Logged-in readers never get a cached page, but most of theirs is the same as everyone's:
    the story, its head, the section menu (`{% kept %}` in dateline_tags). Such a part is
    kept per site version, so that publishing anything draws it again, as it makes the
    anonymous pages stale; and per scheme and host, which its links and metadata name.
    """
    if request is None or getattr(request, "is_preview", False):
        return None
    version = getattr(request, "_dateline_site_version", None)
    if version is None:  # one read per request, however many parts the page keeps
        version = request._dateline_site_version = site_version()
        if version is None:
            return None
    return PART_KEY.format(
        name=name,
        version=version,
        page_id=page_id,
        language=language,
        scheme=request.scheme,
        host=request.get_host(),
    )


def _recovered():
    """False while this process has lost an invalidation and the cache does not answer.

    Pages that changed while the cache was unreachable may be stored stale: once it
    answers again, every cached page is started afresh.
    """
    if LOST_INVALIDATION.is_set():
        if not _bump(SITE_VERSION_KEY):
            return False
        LOST_INVALIDATION.clear()
        logger.warning("The cache answers again: every cached page was made stale.")
    return True


def invalidate_page(page_id):
    """Make every cached copy of page `page_id` stale."""
    _invalidate(PAGE_VERSION_KEY.format(page_id=page_id))


def invalidate_site():
    """Make every cached page stale (a story was published: menus and lists change)."""
    _invalidate(SITE_VERSION_KEY)


def _is_tracking(name):
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def _read_query(query):
    """Split a raw query string: (its variant parameters in one spelling, the parts to
    keep in its address, whether it has a parameter of neither kind).

    Each variant keeps its last value, the one a view reads, and the names are put in
    order, so that the spellings of one variant share an entry. Names are compared as
    Django decodes them; empty parts, which Django skips, are dropped.
    """
    variants, kept, unknown = {}, [], False
    for part in query.split("&"):
        if not part:
            continue
        name = part.partition("=")[0]
        if "%" in name or "+" in name:
            name = unquote_plus(name)
        if name in VARIANT_PARAMETERS:
            variants[name] = part
        elif not _is_tracking(name):
            unknown = True
            continue
        kept.append(part)
    return "&".join(variants[name] for name in sorted(variants)), "&".join(kept), unknown


def _entry_key(environ):
    """The cache key for a request, or None when the request must not use the cache.

    Works on the raw WSGI environ, so that a hit can be answered before Django builds
    a request object.
    """
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in environ:
        return None
    cookies = environ.get("HTTP_COOKIE", "")
    if cookies and any(name in cookies for name in NO_CACHE_COOKIES):
        return None
    query = environ.get("QUERY_STRING", "")
    if query:
        query, _, unknown = _read_query(query)
        if unknown:
            return None
    return ENTRY_KEY.format(
        scheme=_scheme(environ),
        host=environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
        path=environ.get("PATH_INFO", ""),
        query=query,
    )


def _scheme(environ):
    """The request's scheme as Django's HttpRequest.scheme reads it, from the environ."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        if header in environ:
            return "https" if environ[header].split(",", 1)[0].strip() == secure else "http"
    return environ.get("wsgi.url_scheme", "http")


def cached_entry(environ):
    """The cached response for this request if it is still current, else None."""
    key = _entry_key(environ)
    if key is None:
        return None
    if not _recovered():
        return None
    found = cache.get_many([key, SITE_VERSION_KEY])
    entry = found.get(key)
    if (
        entry is None
        or entry["site_version"] != found.get(SITE_VERSION_KEY)
        or entry["page_version"] != page_version(entry["page_id"])
    ):
        return None
    return entry


def _store(request, response):
    key = _entry_key(request.META)
    page_id = getattr(request, "dateline_page_id", None)
    if (
        key is None
        or page_id is None
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or "private" in response.get("Cache-Control", "")
    ):
        return
    entry = {
        "site_version": _version(SITE_VERSION_KEY),
        "page_id": page_id,
        "page_version": page_version(page_id),
        "status": response.status_code,
        "headers": list(response.items()),
        "content": response.content,
    }
    cache.set(key, entry, ENTRY_TIMEOUT)
    response["X-Page-Cache"] = "miss"


class AnonymousPageCacheMiddleware:
    """Serve and fill the anonymous page cache; must be first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        entry = cached_entry(request.META)
        if entry is not None:
            response = HttpResponse(entry["content"], status=entry["status"])
            for header, value in entry["headers"]:
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        _store(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Send a page of the tree asked for with parameters it does not read to its address
        without them, before the view renders anything (see the module's docstring)."""
        if request.method not in ("GET", "HEAD") or (
            request.resolver_match.url_name != PAGE_TREE_ROUTE
        ):
            return None
        _, kept, unknown = _read_query(request.META.get("QUERY_STRING", ""))
        if not unknown:
            return None
        return HttpResponsePermanentRedirect(
            escape_uri_path(request.path) + (f"?{kept}" if kept else "")
        )


class PageCacheApplication:
    """WSGI wrapper that answers cache hits without entering Django at all.

    The middleware above fills the cache (and serves hits when this wrapper is not in
    front, as in tests); this is the production fast path in dateline.wsgi. Each worker
    also keeps the entries it has checked for up to PAGE_CACHE_LOCAL_SECONDS, so a hot
    page costs no shared-cache round trip: an anonymous reader may see a page up to that
    long after it changed (logged-in readers never use the cache).
    """

    def __init__(self, application, local_seconds=None, local_size=256):
        self.application = application
        self.local_seconds = (
            settings.PAGE_CACHE_LOCAL_SECONDS if local_seconds is None else local_seconds
        )
        self.local_size = local_size
        self.local = OrderedDict()  # key -> (checked at, entry)

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        entry = self.lookup(environ)
        if entry is None:
            return self.application(environ, start_response)
        headers = [*entry["headers"], ("X-Page-Cache", "hit")]
        start_response(f"{entry['status']} OK", headers)
        observe_request(  # most anonymous reading never reaches Django's middleware
            view="pagecache",
            method=environ["REQUEST_METHOD"],
            status=entry["status"],
            seconds=time.perf_counter() - started,
        )
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [entry["content"]]

    def lookup(self, environ):
        key = _entry_key(environ)
        if key is None:
            return None
        now = time.monotonic()
        local = self.local.get(key)
        if local is not None and now - local[0] < self.local_seconds:
            return local[1]
        entry = cached_entry(environ)
        if entry is None:
            self.local.pop(key, None)
            return None
        self.local[key] = (now, entry)
        self.local.move_to_end(key)
        while len(self.local) > self.local_size:
            self.local.popitem(last=False)
        return entry
