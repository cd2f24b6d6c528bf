"""Suite-wide fixtures and the PostgreSQL contract.

Tests marked `postgres` run only on PostgreSQL. On SQLite they are skipped, unless
DATELINE_REQUIRE_POSTGRES=1 (CI sets it), in which case they fail: CI asked for
PostgreSQL and must not pass without it.
"""

import os

import pytest
from django.conf import settings

REQUIRE_POSTGRES = os.environ.get("DATELINE_REQUIRE_POSTGRES") == "1"


def on_postgres():
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_collection_modifyitems(config, items):
    if on_postgres():
        return
    if REQUIRE_POSTGRES:
        return  # postgres_when_required fails every test instead
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def postgres_when_required(django_db_blocker):
    """Under DATELINE_REQUIRE_POSTGRES=1, every test fails unless PostgreSQL answers."""
    if not REQUIRE_POSTGRES:
        return
    if not on_postgres():
        pytest.fail("DATELINE_REQUIRE_POSTGRES=1 but DATABASE_URL is not a PostgreSQL database")
    from django.db import connection

    with django_db_blocker.unblock():
        try:
            with connection._nodb_cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception as error:  # any failure to reach the server is fatal here
            pytest.fail(f"DATELINE_REQUIRE_POSTGRES=1 but PostgreSQL is unreachable: {error}")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is the real hasher; tests use a fast one unless they ask for argon2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def isolated_cache(settings, tmp_path):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
