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
def postgres_when_required():
    if REQUIRE_POSTGRES and not on_postgres():
        pytest.fail("DATELINE_REQUIRE_POSTGRES=1 but DATABASE_URL is not a PostgreSQL database")


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
