"""Versioned keys for the anonymous page cache.

Each page has a version number in the shared cache; cached HTML is stored under a
key that includes it, so bumping the version (on publish, or when a comment on the
page changes) invalidates every cached variant of that page in every worker at once.
"""

from django.core.cache import cache

VERSION_KEY = "pagecache:version:{page_id}"


def page_version(page_id):
    return cache.get_or_set(VERSION_KEY.format(page_id=page_id), 1, timeout=None)


def invalidate_page(page_id):
    """Make every cached copy of page `page_id` stale."""
    key = VERSION_KEY.format(page_id=page_id)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)
