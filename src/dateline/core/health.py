"""Readiness: can this app server do its work? Each service it stands on has a check.

The checks live in a registry so that core needs to know nothing of the apps above it:
core checks the database and the cache itself, and an app that adds a service (the task
queue) registers its own check from its `AppConfig.ready`. A check is a function that
returns when the service answers and raises when it does not.
"""

import logging
import secrets
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)

CHECK_KEY = "health:cache"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    """A value written must read back: the Redis cache ignores its errors and reads as empty."""
    value = secrets.token_hex(8)
    cache.set(CHECK_KEY, value, timeout=30)
    if cache.get(CHECK_KEY) != value:
        raise ConnectionError("the cache did not keep a value")


CHECKS: dict[str, Callable[[], None]] = {"database": check_database, "cache": check_cache}


def register_check(name: str, check: Callable[[], None]) -> None:
    """Add (or replace) the check called `name`; it raises when its service is unreachable."""
    CHECKS[name] = check


def run_checks() -> dict[str, bool]:
    """Every check by name: True when its service answered.

    A failure is logged with its error, never shown: the answer is public, and an error
    may name hosts and users.
    """
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:  # any failure means not ready, whatever raised it
            logger.warning("Readiness check %r failed.", name, exc_info=True)
            results[name] = False
        else:
            results[name] = True
    return results
